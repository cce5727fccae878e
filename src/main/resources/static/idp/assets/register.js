import { api, notice, param, showProblem, t } from '/assets/onego.js';
import { page, smsInboxHint } from '/idp/assets/idp.js';

page(async () => {
  const message = document.getElementById('message');
  const step1 = document.getElementById('step1');
  const step2 = document.getElementById('step2');
  const reset = document.getElementById('reset');
  const done = document.getElementById('done');
  let registration = null;

  if (param('reset') !== null) {
    notice(message, t('找回密码：请按注册步骤核验身份，验证通过后即可设置新密码。',
      'Reset the password: verify who you are as for registering; then set a new password.'));
  }

  function show(section) {
    for (const part of [step1, step2, reset, done]) part.hidden = part !== section;
    message.replaceChildren();
  }

  function codeSent(sent) {
    registration = sent.registration;
    document.getElementById('sent-to').textContent = t(
      '验证码已发送至人口库登记的手机号码 ' + sent.mobile + '，5分钟内有效。',
      'A code was sent to the mobile number on record, ' + sent.mobile + '; it is valid for 5 minutes.');
    smsInboxHint(document.getElementById('sms-hint'), '(' + sent.mobile + ')');
  }

  step1.addEventListener('submit', async event => {
    event.preventDefault();
    const person = Object.fromEntries(new FormData(step1));
    person.idNumber = person.idNumber.trim().toUpperCase();
    person.username = person.username.trim().toLowerCase();
    try {
      const sent = await api('POST', '/idp/api/registrations', person);
      show(step2);
      codeSent(sent);
      step2.code.focus();
    } catch (e) {
      showProblem(message, e, step1);
    }
  });

  step2.addEventListener('submit', async event => {
    event.preventDefault();
    try {
      const ended = await api('POST', '/idp/api/registrations/' + encodeURIComponent(registration) + '/code',
        { code: step2.code.value.trim() });
      if (ended.outcome === 'ACCOUNT_EXISTS') {
        show(reset);
        document.getElementById('exists-text').textContent = t(
          '您的身份号码已注册账号“' + ended.username + '”。如忘记密码，可在10分钟内设置新密码。',
          'Your ID number already has the account "' + ended.username + '". If you forgot its password, set a new one within 10 minutes.');
      } else {
        show(done);
        document.getElementById('done-text').textContent = t(
          '注册成功！您的用户名是“' + ended.username + '”，现在可以登录。',
          'Registered! Your username is "' + ended.username + '"; you can sign in now.');
      }
    } catch (e) {
      showProblem(message, e, step2);
    }
  });

  document.getElementById('resend').addEventListener('click', async () => {
    try {
      codeSent(await api('POST', '/idp/api/registrations/' + encodeURIComponent(registration) + '/resend', {}));
      notice(message, t('新的验证码已发送，之前的验证码作废。', 'A new code was sent; the earlier one no longer works.'));
    } catch (e) {
      showProblem(message, e);
    }
  });

  reset.addEventListener('submit', async event => {
    event.preventDefault();
    try {
      const ended = await api('POST', '/idp/api/registrations/' + encodeURIComponent(registration) + '/password',
        { password: reset.password.value });
      show(done);
      document.getElementById('done-text').textContent = t(
        '新密码已设置。请用“' + ended.username + '”登录。', 'The new password is set. Sign in as "' + ended.username + '".');
    } catch (e) {
      showProblem(message, e, reset);
    }
  });
});
