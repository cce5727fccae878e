import { api, el, notice, param, showProblem, t } from '/assets/onego.js';
import { page } from '/idp/assets/idp.js';

page(async () => {
  const form = document.getElementById('login');
  const message = document.getElementById('message');
  if (param('signedOut') !== null) {
    notice(message, t('您已退出统一身份认证平台。', 'You have signed out of the identity provider.'));
  }
  form.addEventListener('submit', async event => {
    event.preventDefault();
    if (!form.username.value.trim() || !form.password.value) {
      message.replaceChildren(el('div', { class: 'notice error', role: 'alert' },
        t('请输入用户名（或公民身份号码）和密码。', 'Enter the username (or citizen ID number) and the password.')));
      return;
    }
    try {
      const result = await api('POST', '/idp/login', new URLSearchParams(new FormData(form)));
      // the server names the next step: the authorization request that brought the person here, on this site
      location.href = result.redirect;
    } catch (e) {
      showProblem(message, e);
    }
  });
});
