// Every read of the applicant's data, newest first, like Estonia's data tracker: who (a department, or the
// platform on their behalf), when, what, why, under which consent or legal basis, and whether it was refused.
import { api, page, el, t, label, param, requireUser, formatTime } from '/assets/onego.js';
import { subjectChoice, withSubject } from '/assets/transparency.js';
import '/assets/portal.js'; // kiosk mode

const subject = param('subject');

page(async () => {
  await requireUser('APPLICANT');
  subjectChoice(document.getElementById('subject-choice'), subject);
  document.getElementById('to-consents').href = withSubject('/consents.html', subject);
  const reads = await api('GET', withSubject('/api/v1/data-access?limit=500', subject));
  const target = document.getElementById('reads');
  if (!reads.length) {
    target.replaceChildren(el('p', { class: 'muted', id: 'no-reads' }, t('还没有任何读取记录。', 'Nothing has been read yet.')));
    return;
  }
  target.replaceChildren(el('div', { class: 'table-scroll' }, el('table', { id: 'read-table' },
    el('caption', { class: 'small muted' }, t('共 ' + reads.length + ' 条，最新的在前', reads.length + ' read(s), newest first')),
    el('thead', {}, el('tr', {},
      el('th', { scope: 'col' }, t('时间', 'When')), el('th', { scope: 'col' }, t('谁读取', 'Who')),
      el('th', { scope: 'col' }, t('读取什么', 'What')), el('th', { scope: 'col' }, t('为何', 'Why')),
      el('th', { scope: 'col' }, t('依据', 'Under')), el('th', { scope: 'col' }, t('结果', 'Outcome')))),
    el('tbody', {}, reads.map(r => el('tr', { dataset: { outcome: r.outcome }, class: r.outcome === 'REFUSED' ? 'refused' : null },
      el('td', {}, formatTime(r.at)),
      el('td', {}, label(r.who)),
      el('td', {}, label(r.sourceName), el('br'), el('span', { class: 'small' }, label(r.what))),
      el('td', {}, label(r.why)),
      el('td', {}, label(r.basis)),
      el('td', {}, el('span', { class: 'badge ' + (r.outcome === 'GRANTED' ? 'green' : 'state') }, label(r.outcomeText)),
        r.reasonText ? el('span', { class: 'small muted' }, ' ' + label(r.reasonText)) : null)))))));
});
