import { api, page, param, showProblem, t, el } from '/assets/onego.js';

page(async () => {
  const form = document.getElementById('login');
  const message = document.getElementById('message');
  const next = param('continue');
  document.getElementById('register-link').href = '/register.html' + (next ? '?continue=' + encodeURIComponent(next) : '');
  form.addEventListener('submit', async event => {
    event.preventDefault();
    if (!form.username.value || !form.password.value) {
      message.replaceChildren(el('div', { class: 'notice error', role: 'alert' }, t('请输入用户名和密码。', 'Enter the username and the password.')));
      return;
    }
    try {
      const result = await api('POST', '/login', new URLSearchParams(new FormData(form)));
      // only a path of this site, never another site named in the link
      location.href = next && next.startsWith('/') && !next.startsWith('//') ? next : result.home;
    } catch (e) {
      showProblem(message, e);
    }
  });
});
