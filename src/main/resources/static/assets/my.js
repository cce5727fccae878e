// The applicant's own page: cases with their state, applications and drafts, and the messages sent.
import { api, page, el, t, label, requireUser, state, formatDate, formatTime, showProblem, english } from '/assets/onego.js';
import '/assets/portal.js'; // kiosk mode

page(async () => {
  await requireUser('APPLICANT');
  const [cases, applications, notices, matters] = await Promise.all([
    api('GET', '/api/v1/my/cases'), api('GET', '/api/v1/applications'), api('GET', '/api/v1/my/notifications'),
    api('GET', '/api/v1/matters')]);
  // cases and applications name their matter by code; the catalogue gives its name
  const names = new Map(matters.map(m => [m.code, label(m.name)]));
  const matterName = code => names.get(code) || code;
  showCases(cases, matterName);
  showApplications(applications, cases, matterName);
  showNotifications(notices, cases);
});

function empty(text) {
  return el('p', { class: 'muted' }, text);
}

function showCases(cases, matterName) {
  const target = document.getElementById('cases');
  if (!cases.length) {
    target.replaceChildren(empty(t('暂无办件。', 'No cases yet.')), el('p', {}, el('a', { href: '/' }, t('去办一件事', 'Apply for a matter'))));
    return;
  }
  target.replaceChildren(el('div', { class: 'table-scroll' }, el('table', { id: 'case-table' },
    el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, t('办件编号', 'Case number')), el('th', { scope: 'col' }, t('一件事', 'Matter')),
      el('th', { scope: 'col' }, t('状态', 'State')), el('th', { scope: 'col' }, t('承诺办结', 'Promised by')),
      el('th', { scope: 'col', class: 'hide-narrow' }, t('提交时间', 'Submitted')))),
    el('tbody', {}, cases.map(c => el('tr', { dataset: { case: c.id } },
      el('td', {}, el('a', { href: '/case.html?id=' + c.id }, c.number)),
      el('td', {}, matterName(c.matter)),
      el('td', {}, el('span', { class: 'badge state' }, state(c.state))),
      el('td', {}, formatDate(c.promisedDate)),
      el('td', { class: 'hide-narrow' }, formatTime(c.submittedAt))))))));
}

function showApplications(applications, cases, matterName) {
  const target = document.getElementById('applications');
  if (!applications.length) {
    target.replaceChildren(empty(t('暂无申请。', 'No applications yet.')));
    return;
  }
  const caseOf = new Map(cases.map(c => [c.applicationId, c]));
  target.replaceChildren(el('ul', { id: 'application-list' }, applications.map(a => {
    const opened = caseOf.get(a.id);
    return el('li', { dataset: { application: a.id } },
      el('strong', {}, matterName(a.matter)), ' ',
      el('span', { class: 'badge ' + (a.status === 'DRAFT' ? 'yellow' : 'green') }, a.status === 'DRAFT' ? t('草稿', 'Draft') : t('已提交', 'Submitted')),
      el('span', { class: 'small muted' }, ' ' + formatTime(a.submittedAt || a.updatedAt) + ' '),
      opened ? el('a', { href: '/case.html?id=' + opened.id }, t('办件 ', 'Case ') + opened.number) : null,
      a.status === 'DRAFT' ? el('a', { href: '/apply.html?' + new URLSearchParams({ matter: a.matter, draft: a.id }) }, t('继续填写', 'Continue')) : null,
      a.status === 'DRAFT' ? el('button', { type: 'button', class: 'secondary', onclick: event => discard(a, event.target) }, t('删除草稿', 'Discard')) : null);
  })));
}

async function discard(application, button) {
  try {
    await api('DELETE', '/api/v1/drafts/' + application.id);
    button.closest('li').remove();
  } catch (e) {
    showProblem(document.getElementById('applications'), e);
  }
}

function showNotifications(notices, cases) {
  const target = document.getElementById('notifications');
  if (!notices.length) {
    target.replaceChildren(empty(t('暂无消息。', 'No messages.')));
    return;
  }
  const known = new Set(cases.map(c => c.id));
  target.replaceChildren(el('ol', { class: 'timeline', id: 'notification-list' }, notices.map(n => el('li', {},
    el('div', { class: 'small muted' }, formatTime(n.createdAt)),
    el('div', {}, english() && n.en ? n.en : n.zh),
    n.caseId && known.has(n.caseId) ? el('a', { href: '/case.html?id=' + n.caseId, class: 'small' }, t('查看办件', 'See the case')) : null))));
}
