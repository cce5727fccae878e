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
  const errors = {
    identity: t('统一身份认证未能确认您的实名身份，请重新登录；如仍不成功，请到政务服务大厅办理。',
      'The identity platform could not confirm your real-name identity; sign in again, or visit a service hall.'),
    staff: t('统一身份认证已确认您的身份，但本平台没有您可用的工作人员账号，请联系系统管理员开通。',
      'The identity platform confirmed who you are, but you have no active staff account here; ask the system administrator to open one.'),
    'staff-off': t('本平台未接入工作人员统一身份认证，请使用用户名和密码登录。',
      'This platform is not connected to a staff identity platform; sign in with your username and password.')
  };
  if (errors[param('error')]) {
    message.replaceChildren(el('div', { class: 'notice error', role: 'alert' }, errors[param('error')]));
  }
  try {
    const offer = await api('GET', '/api/v1/sign-in');
    if (offer.staff) {
      const link = document.getElementById('staff-sign-in');
      link.textContent = t('使用' + offer.staff.name + '登录', 'Sign in with ' + offer.staff.nameEn);
      link.href = offer.staff.start;
      document.getElementById('staff-platform').hidden = false;
    }
  } catch (e) {
    // without the offer the page still signs staff in with passwords
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
