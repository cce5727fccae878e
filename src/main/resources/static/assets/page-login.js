import { api, page, param, showProblem, t, el } from '/assets/onego.js';

/** Only a path of this site, never another site named in the link (browsers read both // and /\ as another site). */
function sitePath(next) {
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\') ? next : null;
}

page(async () => {
  const form = document.getElementById('login');
  const message = document.getElementById('message');
  const next = sitePath(param('continue'));
  document.getElementById('citizen-sign-in').href = '/login/citizen' + (next ? '?continue=' + encodeURIComponent(next) : '');
  if (param('error') === 'identity') {
    message.replaceChildren(el('div', { class: 'notice error', role: 'alert' },
      t('统一身份认证未能确认您的实名身份，请重新登录；如仍不成功，请到政务服务大厅办理。',
        'The identity platform could not confirm your real-name identity; sign in again, or visit a service hall.')));
  }
  form.addEventListener('submit', async event => {
    event.preventDefault();
    if (!form.username.value || !form.password.value) {
      message.replaceChildren(el('div', { class: 'notice error', role: 'alert' }, t('请输入用户名和密码。', 'Enter the username and the password.')));
      return;
    }
    try {
      const result = await api('POST', '/login', new URLSearchParams(new FormData(form)));
      location.href = next || result.home;
    } catch (e) {
      showProblem(message, e);
    }
  });
});
