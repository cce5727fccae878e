import { page, param } from '/assets/onego.js';

// the identity platform signs the person in and sends them back to where they were going
page(async () => {
  const next = param('continue');
  document.getElementById('citizen-sign-in').href = '/login/citizen' + (next ? '?continue=' + encodeURIComponent(next) : '');
});
