// 修改密码: a staff member chooses their own password — after an administrator's reset, before anything else.
import { api, el, t, page, param, requireUser, showProblem, notice } from '/assets/onego.js';

page(async () => {
  const user = await requireUser();
  document.getElementById('reason').hidden = !user.passwordChangeRequired;
  const form = document.getElementById('password-form');
  const message = document.getElementById('message');
  form.addEventListener('submit', async event => {
    event.preventDefault();
    form.querySelectorAll('.field-error').forEach(node => node.remove());
    if (form.password.value !== form.repeat.value) {
      form.repeat.setAttribute('aria-invalid', 'true');
      form.repeat.insertAdjacentElement('afterend', el('span', { class: 'field-error' }, t('两次输入的新密码不一致', 'the two new passwords differ')));
      return;
    }
    try {
      await api('POST', '/api/v1/me/password', { current: form.current.value, password: form.password.value });
      notice(message, t('新密码已保存。', 'Your new password is saved.'));
      const next = param('continue');
      // only a path of this site: never an address someone put in the link
      location.href = next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
    } catch (e) {
      showProblem(message, e, form);
    }
  });
});
