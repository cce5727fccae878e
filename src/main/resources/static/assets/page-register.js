import { api, page, param, showProblem } from '/assets/onego.js';

// only a path of this site, never another site named in the link
function nextPath() {
  const next = param('continue');
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/my.html';
}

page(async () => {
  const form = document.getElementById('register');
  const message = document.getElementById('message');
  if (param('continue')) {
    document.getElementById('login-link').href = '/login.html?continue=' + encodeURIComponent(param('continue'));
  }
  form.addEventListener('submit', async event => {
    event.preventDefault();
    const account = Object.fromEntries(new FormData(form));
    account.idNumber = account.idNumber.trim().toUpperCase();
    if (!account.mobile) delete account.mobile;
    try {
      await api('POST', '/api/v1/accounts', account);
      // the account is open: sign in with it, so that the applicant continues where they were
      await api('POST', '/login', new URLSearchParams({ username: account.username, password: account.password }));
      location.href = nextPath();
    } catch (e) {
      showProblem(message, e, form);
    }
  });
});
