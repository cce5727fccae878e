// 信用管理: a credit administrator finds a subject's listings in their region, opens one with its history, decides
// an appeal, lifts it (信用修复), and lists a subject on the evidence of a case. Every refusal is shown as the API words it.
import { api, page, el, t, requireUser, formatDate, formatTime, showProblem, notice, typed } from '/assets/onego.js';

const STATE = {
  ACTIVE: ['生效中', 'In effect'], UNDER_APPEAL: ['申诉处理中', 'Under appeal'], LIFTED: ['已移出', 'Lifted'], EXPIRED: ['已过期', 'Expired'],
};
const STEP = {
  LISTED: ['列入', 'Listed'], APPEAL: ['主体申诉', 'Appealed by the subject'], DISMISS_APPEAL: ['申诉不成立', 'Appeal dismissed'],
  GRANT_APPEAL: ['申诉成立，移出', 'Appeal granted, lifted'], LIFT: ['信用修复，移出', 'Lifted (credit repaired)'],
};
const words = (table, code) => table[code] ? t(table[code][0], table[code][1]) : code;

page(async () => {
  await requireUser('CREDIT_ADMIN');
  const search = document.getElementById('search');
  search.addEventListener('submit', async event => {
    event.preventDefault();
    await find(search.elements.subject.value.trim());
  });
  const add = document.getElementById('add');
  add.addEventListener('submit', async event => {
    event.preventDefault();
    const status = document.getElementById('add-status');
    const f = add.elements;
    try {
      const listed = await api('POST', '/api/v1/credit/listings', { subject: f.subject.value.trim(), evidenceCase: f.evidenceCase.value.trim(),
        reason: f.reason.value, until: f.until.value || null, lifetime: f.lifetime.checked });
      notice(status, t('已列入失信记录。', 'Listed.'));
      add.reset();
      show(listed);
    } catch (e) {
      showProblem(status, e, add);
    }
  });
});

let searched;

async function find(subject) {
  searched = subject;
  const status = document.getElementById('search-status');
  status.replaceChildren();
  try {
    const found = await api('GET', '/api/v1/credit/listings?' + new URLSearchParams({ subject }));
    const target = document.getElementById('results');
    if (!found.length) {
      target.replaceChildren(el('p', { class: 'muted' }, t('本辖区没有该主体的失信记录。', 'No records of this subject in your region.')));
      return;
    }
    target.replaceChildren(el('div', { class: 'table-scroll' }, el('table', { id: 'listing-table' },
      el('thead', {}, el('tr', {}, ...[['状态', 'State'], ['理由', 'Reason'], ['依据办件', 'Evidence case'], ['列入时间', 'Listed'],
        ['有效期至', 'Until']].map(([zh, en]) => el('th', { scope: 'col' }, t(zh, en))))),
      el('tbody', {}, found.map(l => el('tr', { dataset: { listing: l.id } },
        el('td', {}, el('a', { href: '#detail-section', onclick: event => { event.preventDefault(); show(l); } }, words(STATE, l.state))),
        el('td', {}, typed(l.reason)), el('td', {}, l.evidenceNumber), el('td', {}, formatTime(l.listedAt)),
        el('td', {}, l.lifetime ? t('长期', 'For life') : formatDate(l.until))))))));
  } catch (e) {
    showProblem(status, e, document.getElementById('search'));
  }
}

function show(l) {
  document.getElementById('detail-section').hidden = false;
  const status = el('div');
  document.getElementById('detail').replaceChildren(el('article', { class: 'card', dataset: { listing: l.id } },
    el('p', {}, el('span', { class: 'badge state' }, words(STATE, l.state)), ' ', typed(l.reason)),
    el('dl', {},
      el('dt', {}, t('主体', 'Subject')), el('dd', {}, l.subject),
      el('dt', {}, t('依据办件', 'Evidence case')), el('dd', {}, l.evidenceNumber),
      el('dt', {}, t('列入地区', 'Region')), el('dd', {}, l.region),
      el('dt', {}, t('列入人', 'Listed by')), el('dd', {}, l.listedBy),
      el('dt', {}, t('有效期至', 'Until')), el('dd', {}, l.lifetime ? t('长期', 'For life') : formatDate(l.until))),
    el('h3', {}, t('经过', 'History')),
    el('ol', { class: 'history' }, l.history.map(s => el('li', {}, formatTime(s.at), ' ', words(STEP, s.action), ' · ', s.actor,
      s.detail ? t('：', ': ') + s.detail : ''))),
    l.allowed.includes('GRANT_APPEAL') ? decisionForm(l, status) : null,
    l.allowed.includes('LIFT') ? liftForm(l, status) : null,
    status));
}

function decisionForm(l, status) {
  const form = el('form', { class: 'decision', onsubmit: async event => {
    event.preventDefault();
    const founded = form.elements.founded.value;
    try {
      show(await api('POST', '/api/v1/credit/listings/' + l.id + '/appeal-decision',
        { founded: founded === '' ? null : founded === 'true', reason: form.elements.reason.value }));
      if (searched) await find(searched);
    } catch (e) {
      showProblem(status, e, form);
    }
  } },
  el('h3', {}, t('处理申诉', 'Decide the appeal')),
  el('label', {}, el('input', { type: 'radio', name: 'founded', value: 'true' }), ' ', t('申诉成立，移出记录', 'Founded: lift the record')),
  el('label', {}, el('input', { type: 'radio', name: 'founded', value: 'false' }), ' ', t('申诉不成立，记录继续有效', 'Not founded: the record stays')),
  el('label', { for: 'decision-reason' }, t('决定理由', 'Reason')),
  el('textarea', { id: 'decision-reason', name: 'reason', rows: 2, maxlength: 1000, required: true }),
  el('button', { type: 'submit' }, t('作出决定', 'Decide')));
  return form;
}

function liftForm(l, status) {
  const form = el('form', { class: 'lift', onsubmit: async event => {
    event.preventDefault();
    try {
      show(await api('POST', '/api/v1/credit/listings/' + l.id + '/lifting', { reason: form.elements.reason.value }));
      if (searched) await find(searched);
    } catch (e) {
      showProblem(status, e, form);
    }
  } },
  el('h3', {}, t('信用修复：移出记录', 'Credit repair: lift the record')),
  el('label', { for: 'lift-reason' }, t('修复情况（整改、承诺、核实结果）', 'How the credit was repaired (correction, commitment, check)')),
  el('textarea', { id: 'lift-reason', name: 'reason', rows: 2, maxlength: 1000, required: true }),
  el('button', { type: 'submit' }, t('移出', 'Lift')));
  return form;
}
