import { api, el, formatTime, showProblem, t } from '/assets/onego.js';
import { page } from '/idp/assets/idp.js';

page(async () => {
  const form = document.getElementById('lookup');
  const inbox = document.getElementById('inbox');
  const message = document.getElementById('message');
  form.addEventListener('submit', async event => {
    event.preventDefault();
    message.replaceChildren();
    try {
      const answer = await api('GET', '/idp/api/demo/sms?mobile=' + encodeURIComponent(form.mobile.value.trim()));
      inbox.replaceChildren(
        el('h2', {}, t('发往 ', 'To ') + answer.mobile),
        answer.messages.length
          ? el('ul', { class: 'inbox' }, answer.messages.map(m =>
            el('li', {}, el('time', { datetime: m.createdAt }, formatTime(m.createdAt)), m.text)))
          : el('p', { class: 'muted' }, t('没有短信。', 'No messages.')));
    } catch (e) {
      showProblem(message, e, form);
    }
  });
});
