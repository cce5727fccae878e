// 综合窗口: the hall's queue, and one case at the window — 受理 (standard, 容缺, 告知承诺), 不予受理,
// 一次性告知补正, the acceptance receipt, the tasks' progress and 统一出件.
import { api, el, t, label, state, param, requireUser, formatDate, formatTime, showProblem, count, english, typed, regionName } from '/assets/onego.js';
import {
  act, caseFacts, channelName, deliveryName, field, formValues, history, loadCase, loadFiles, materials, matterName, section,
  submittedFiles, supplementRequests, supplementRows, table, tasks,
} from '/assets/case-parts.js';
import { upload } from '/assets/form-fields.js';
import { showDocuments } from '/assets/documents.js';
import { deliveryProblems, pickUpSection } from '/assets/window-delivery.js';
import { searchQuery, wireSearch } from '/assets/queue-search.js';
import { hallTransfers, placeFacts } from '/assets/cross-region.js';

// "done" has four end states; the API filters by one, so that tab asks four times
const TABS = [
  { key: 'AWAITING_ACCEPTANCE', states: ['AWAITING_ACCEPTANCE'] },
  { key: 'AWAITING_SUPPLEMENT', states: ['AWAITING_SUPPLEMENT'] },
  { key: 'IN_PROGRESS', states: ['IN_PROGRESS'] },
  { key: 'READY', states: ['READY'] },
  { key: 'DONE', states: ['ISSUED', 'NOT_ACCEPTED', 'REFUSED', 'WITHDRAWN'], zh: '已办结', en: 'Done' },
];

/** The hall as a receipt names it: name, address, telephone and opening hours. */
function hallLines(hall) {
  if (!hall) return null;
  return el('div', { class: 'muted small', id: 'receipt-hall' },
    el('p', {}, t('受理大厅：', 'Hall: '), label(hall.name)),
    hall.address ? el('p', {}, t('地址：', 'Address: '), label(hall.address)) : null,
    hall.phone ? el('p', {}, t('咨询电话：', 'Telephone: '), hall.phone) : null,
    hall.hours ? el('p', {}, t('办公时间：', 'Opening hours: '), label(hall.hours)) : null);
}

// ------------------------------------------------------------------ the queue

export async function startQueue() {
  const user = await requireUser('WINDOW_CLERK');
  // the clerk's hall by its name (the account holds its code)
  const halls = await api('GET', '/api/v1/halls');
  const hall = halls.find(h => h.code === user.hall);
  document.getElementById('hall').textContent = hall ? label(hall.name) : t('本大厅', 'this hall');
  const chosen = TABS.find(tab => tab.key === param('state')) || TABS[0];
  const tablist = document.getElementById('tabs');
  tablist.replaceChildren(...TABS.map(tab => el('a', {
    href: '?state=' + tab.key, class: 'button' + (tab === chosen ? '' : ' secondary'), id: 'tab-' + tab.key,
    'aria-current': tab === chosen ? 'page' : null,
  }, tab.zh ? t(tab.zh, tab.en) : state(tab.key))));
  wireSearch(document.getElementById('count'), () => showQueue(chosen));
  await showQueue(chosen);
  await hallTransfers(document.getElementById('transfers'), user.hall);
  await deliveryProblems(document.getElementById('delivery-problems'));
}

async function showQueue(tab) {
  const lists = await Promise.all(tab.states.map(s => api('GET', '/api/v1/window/cases?state=' + s + searchQuery(document.getElementById('queue-search')))));
  const cases = lists.flat();
  const target = document.getElementById('queue');
  document.getElementById('count').textContent = t('共 ' + cases.length + ' 件', count(cases.length, '', 'case'));
  if (!cases.length) {
    target.replaceChildren(el('p', { class: 'muted' }, t('此状态下没有办件。', 'No cases in this state.')));
    return;
  }
  const rows = await Promise.all(cases.map(async c => el('tr', { dataset: { case: c.id } },
    el('th', { scope: 'row' }, el('a', { href: '/window-case.html?id=' + c.id }, c.number)),
    el('td', {}, await matterName(c.matter), c.acceptingRegion ? el('div', { class: 'small muted cross-region' },
      // received here for another region (跨域通办): its departments handle it
      t('跨域：' + await regionName(c.region) + '办理', 'Cross-region: handled in ' + await regionName(c.region))) : null),
    el('td', { lang: 'zh-CN' }, c.applicantName),
    el('td', {}, channelName(c.channel)),
    el('td', {}, formatTime(c.submittedAt)),
    el('td', {}, c.promisedDate ? formatDate(c.promisedDate) : '—', c.gapsOverdue ? el('span', { class: 'badge red' }, t('容缺逾期', 'Gap overdue')) : null),
    el('td', {}, el('span', { class: 'badge state' }, state(c.state))))));
  target.replaceChildren(table([t('受理编号', 'Case number'), t('一件事', 'Matter'), t('申请人', 'Applicant'),
    t('渠道', 'Channel'), t('提交时间', 'Submitted'), t('承诺办结', 'Due'), t('状态', 'State')], rows));
}

// ------------------------------------------------------------------ one case

export async function startCase() {
  await requireUser('WINDOW_CLERK');
  const id = param('id');
  const message = document.getElementById('message');
  const reload = async () => render({ ...await loadCase(id), files: await loadFiles(id) }, message, reload);
  await reload();
}

function render(loaded, message, reload) {
  const { view, application, guidance, files } = loaded;
  const c = view.caseFile;
  document.getElementById('title').textContent = t('办件 ', 'Case ') + c.number;
  const parts = [
    section(2, t('办件信息', 'Case'), caseFacts(view), el('div', { id: 'case-place' }), c.refusal ? refusalNote(c.refusal) : null,
      c.supplement?.length ? supplementNote(c.supplement) : null),
  ];
  if (c.state === 'AWAITING_ACCEPTANCE') {
    parts.push(section(2, t('受理决定', 'Decision'),
      acceptForm(view, application, message, reload), refuseForm(c, message, reload), supplementForm(c, application, message, reload)));
  }
  const openGaps = (c.gaps || []).filter(g => !g.suppliedAttachment);
  if (c.state === 'AWAITING_SUPPLEMENT' || (c.state === 'IN_PROGRESS' && (c.supplement?.length || openGaps.length))) {
    parts.push(section(2, t('窗口代收补正材料', 'Take the supplement at the window'), supplyForm(c, openGaps, message, reload)));
  }
  if (c.acceptedAt) {
    parts.push(el('section', { class: 'card', id: 'receipt-card' }, el('h2', {}, t('受理回执', 'Acceptance receipt')), el('div', { id: 'receipt' })));
  }
  if (c.state === 'READY') {
    parts.push(section(2, t('统一出件', 'Issue the results'), issueForm(c, message, reload)));
  }
  if ((c.state === 'READY' || c.state === 'ISSUED') && c.delivery?.method !== 'FREE_MAIL') {
    parts.push(pickUpSection(c, message, reload));
  }
  parts.push(
    section(2, t('办理进度', 'Progress'), tasks(view)),
    section(2, t('申请表', 'Application form'), formValues(application, guidance)),
    section(2, t('申请材料', 'Materials'), materials(application, c)),
    section(2, t('材料附件', 'Submitted files'), submittedFiles(c.id, files)),
    section(2, t('办理记录', 'History'), history(view)),
    section(2, t('文书', 'Documents'), el('div', { id: 'documents' })));
  document.getElementById('case').replaceChildren(...parts);
  const documents = Promise.all([showDocuments(document.getElementById('documents'), c.id), showPlace(view)]);
  return c.acceptedAt ? Promise.all([showReceipt(c.id), documents]) : documents;
}

/** 受理地 / 办理地 and the originals' transfer of a case accepted for another region. */
async function showPlace(view) {
  const facts = await placeFacts(view);
  document.getElementById('case-place')?.replaceChildren(...(facts ? [facts] : []));
}

function refusalNote(refusal) {
  return el('div', { class: 'notice error' }, el('strong', {}, t('不予受理/不予许可理由：', 'Reason: ')), typed(refusal.reason),
    el('p', {}, t('法律依据：', 'Legal basis: '), typed(refusal.legalBasis)));
}

function supplementNote(requests) {
  return el('div', { class: 'notice' }, el('strong', {}, t('已一次性告知补正：', 'Supplement asked for:')),
    el('ul', {}, requests.map(r => el('li', {}, r.subject, '：', r.why))));
}

// --- 受理: one form, three ways. 容缺 lists the missing materials; 告知承诺 the ones a commitment may replace.

function acceptForm(view, application, message, reload) {
  const c = view.caseFile;
  const resolved = application.materials?.resolved || [];
  const missing = resolved.filter(m => m.gap);
  // a gap or a commitment is only for what must be handed in; the server checks each item allows it
  const candidates = resolved.filter(m => m.required && (m.gap || m.source === 'UPLOAD'));
  const mode = (value, zh, en, checked) => el('label', { class: 'choice', for: 'mode-' + value },
    el('input', { type: 'radio', name: 'mode', id: 'mode-' + value, value, checked }), t(zh, en));
  const materialChoice = (group, m) => el('label', { class: 'choice', for: group + '-' + m.material },
    el('input', { type: 'checkbox', name: group + '-choice', id: group + '-' + m.material, value: m.material, checked: group === 'gap' && m.gap }),
    label(m.name), m.gap ? el('span', { class: 'badge red' }, t('未提交', 'Missing')) : null);
  const form = el('form', { id: 'accept-form', novalidate: true },
    el('h3', {}, t('受理', 'Accept')),
    missing.length ? el('p', { class: 'notice' }, t('有材料未提交：', 'Materials missing: '), missing.map(m => label(m.name)).join('、'),
      t('。可按容缺受理，或一次性告知补正。', '. Accept with them as gaps, or ask for a supplement.')) : null,
    el('fieldset', {}, el('legend', {}, t('受理方式', 'How to accept')),
      mode('STANDARD', '标准受理', 'Standard', !missing.length),
      mode('GAPS', '容缺受理', 'With gaps (容缺)', missing.length > 0),
      mode('COMMITMENTS', '告知承诺', 'On commitment (告知承诺)', false)),
    el('fieldset', { name: 'gaps', id: 'gaps-set' }, el('legend', {}, t('容缺材料及补正期限', 'Gaps and their deadline')),
      candidates.map(m => materialChoice('gap', m)),
      field('gap-days', 'gapWorkingDays', t('补正期限（工作日）', 'Deadline (working days)'),
        el('input', { type: 'number', min: '1', max: '60', value: '5', inputmode: 'numeric' }))),
    el('fieldset', { name: 'commitments', id: 'commitments-set' }, el('legend', {}, t('以告知承诺替代的材料', 'Materials replaced by a commitment')),
      candidates.map(m => materialChoice('commitment', m))),
    el('div', { class: 'actions' }, el('button', { type: 'submit', id: 'accept' }, t('受理', 'Accept'))));
  const sync = () => {
    const chosen = form.querySelector('input[name=mode]:checked')?.value;
    form.querySelector('#gaps-set').hidden = chosen !== 'GAPS';
    form.querySelector('#commitments-set').hidden = chosen !== 'COMMITMENTS';
  };
  form.addEventListener('change', sync);
  sync();
  form.addEventListener('submit', event => {
    event.preventDefault();
    const chosen = form.querySelector('input[name=mode]:checked')?.value;
    const checked = group => [...form.querySelectorAll('input[name=' + group + '-choice]:checked')].map(i => i.value);
    const body = { version: c.version };
    if (chosen === 'GAPS') {
      body.gaps = checked('gap');
      body.gapWorkingDays = form.gapWorkingDays.value ? Number(form.gapWorkingDays.value) : null;
    }
    if (chosen === 'COMMITMENTS') body.commitments = checked('commitment');
    act(form, message, () => api('POST', '/api/v1/cases/' + c.id + '/acceptance', body),
      t('已受理，已分发各部门。', 'Accepted and dispatched to the departments.'), reload);
  });
  return form;
}

function refuseForm(c, message, reload) {
  const form = el('form', { id: 'refuse-form', novalidate: true },
    el('h3', {}, t('不予受理', 'Refuse to accept')),
    field('refuse-reason', 'reason', t('理由', 'Reason'), el('textarea', { rows: '3' })),
    field('refuse-basis', 'legalBasis', t('法律依据', 'Legal basis'), el('input', {})),
    el('div', { class: 'actions' }, el('button', { type: 'submit', id: 'refuse', class: 'secondary' }, t('不予受理', 'Refuse'))));
  form.addEventListener('submit', event => {
    event.preventDefault();
    act(form, message, () => api('POST', '/api/v1/cases/' + c.id + '/refusal',
      { version: c.version, reason: form.reason.value.trim(), legalBasis: form.legalBasis.value.trim() }),
    t('已作出不予受理决定。', 'Refused to accept.'), reload);
  });
  return form;
}

// 一次性告知: the missing materials are listed to start with, so one notice carries everything
function supplementForm(c, application, message, reload) {
  const rows = el('div', { id: 'supplement-rows' });
  const missing = (application.materials?.resolved || []).filter(m => m.gap)
    .map(m => [label(m.name), t('材料未提交', 'Not handed in')]);
  const add = supplementRows(rows, missing);
  const form = el('form', { id: 'supplement-form', novalidate: true },
    el('h3', {}, t('一次性告知补正', 'Ask once for a supplement')),
    el('fieldset', { name: 'requests' }, el('legend', {}, t('补正清单', 'What to supply')), rows,
      el('button', { type: 'button', class: 'secondary', onclick: () => add() }, t('添加一项', 'Add a line'))),
    el('div', { class: 'actions' }, el('button', { type: 'submit', id: 'ask-supplement', class: 'secondary' }, t('发送补正通知', 'Send the notice'))));
  form.addEventListener('submit', event => {
    event.preventDefault();
    act(form, message, () => api('POST', '/api/v1/cases/' + c.id + '/supplement-request',
      { version: c.version, requests: supplementRequests(rows) }),
    t('已一次性告知申请人补正。', 'The applicant was told what to supply.'), reload);
  });
  return form;
}

// --- 补正 handed in at the window: a file for each open gap (by material) and each thing asked for

function supplyForm(c, openGaps, message, reload) {
  const wanted = [
    ...openGaps.map(g => ({ key: g.material, name: g.name + t('（容缺）', ' (gap)') })),
    ...(c.supplement || []).map(r => ({ key: r.subject, name: r.subject + '：' + r.why })),
  ];
  const form = el('form', { id: 'supply-form', novalidate: true },
    wanted.map((w, i) => field('supply-' + i, 'attachments.' + w.key, w.name,
      el('input', { type: 'file', accept: '.pdf,.ofd,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png', dataset: { key: w.key } }))),
    field('supply-note', 'note', t('说明', 'Note'), el('textarea', { rows: '2' })),
    el('div', { class: 'actions' }, el('button', { type: 'submit', id: 'supply' }, t('提交补正材料', 'Hand in the supplement'))));
  form.addEventListener('submit', event => {
    event.preventDefault();
    act(form, message, async () => {
      const attachments = {};
      for (const input of form.querySelectorAll('input[type=file]')) {
        if (input.files.length) attachments[input.dataset.key] = await upload(input.files[0]);
      }
      return api('POST', '/api/v1/cases/' + c.id + '/supplement', { attachments, note: form.note.value.trim() || null });
    }, t('补正材料已提交。', 'The supplement was handed in.'), reload);
  });
  return form;
}

// --- the receipt: printable on its own (the page's print style hides everything else)

async function showReceipt(caseId) {
  const target = document.getElementById('receipt');
  try {
    const r = await api('GET', '/api/v1/cases/' + caseId + '/receipt');
    // el() flattens the optional parts and skips the absent ones (replaceChildren would print them)
    target.replaceChildren(el('div', {},
      el('p', {}, t('受理编号：', 'Case number: '), el('strong', { id: 'receipt-number' }, r.number)),
      // the number read aloud is how a clerk says it in Chinese; in English the digits are read as they are
      english() ? null : el('p', { class: 'muted small' }, t('编号读法：', 'Read aloud: '), r.numberSpoken),
      el('p', {}, t('事项：', 'Matter: '), label(r.matter), '　', t('申请人：', 'Applicant: '), el('span', { lang: 'zh-CN' }, r.applicant)),
      el('p', {}, t('受理时间：', 'Accepted: '), formatTime(r.acceptedAt), '　', t('承诺办结日期：', 'Promised date: '), formatDate(r.promisedDate, r.promisedDateProvisional)),
      el('h3', {}, t('已收材料', 'Received')),
      el('ul', {}, r.received.map(m => el('li', {}, label(m.name)))),
      r.missing?.length ? [el('h3', {}, t('容缺材料（须在期限内补正）', 'Gaps (to supply by the deadline)')),
        el('ul', {}, r.missing.map(g => el('li', {}, g.name)))] : null,
      r.commitmentNames?.length ? [el('h3', {}, t('告知承诺', 'Commitments')), el('ul', {}, r.commitmentNames.map(name => el('li', {}, label(name))))] : null,
      hallLines(r.hallDetails),
      el('p', {}, t('查询码：', 'Query code: '), el('strong', { id: 'receipt-code' }, r.queryCode), '　',
        el('span', { class: 'muted small' }, t('凭受理编号和查询码可在 /progress.html 查询办理进度，无需登录。',
          'With the case number and this code, follow the case at /progress.html without signing in.'))),
      el('div', { class: 'actions' }, el('button', { type: 'button', class: 'secondary', onclick: () => window.print() }, t('打印回执', 'Print the receipt')))));
  } catch (e) {
    showProblem(target, e);
  }
}

// --- 统一出件: at the window, or by free mail with its tracking number

function issueForm(c, message, reload) {
  const mail = c.delivery?.method === 'FREE_MAIL';
  const form = el('form', { id: 'issue-form', novalidate: true },
    el('p', {}, t('送达方式：', 'Delivery: '), el('strong', {}, deliveryName(c.delivery?.method)),
      c.delivery ? el('span', { class: 'muted' }, '　', [c.delivery.recipient, c.delivery.mobile, c.delivery.address].filter(Boolean).join(' · ')) : null),
    mail ? field('tracking', 'trackingNumber', t('快递单号', 'Tracking number'), el('input', { autocomplete: 'off' })) : null,
    el('div', { class: 'actions' }, el('button', { type: 'submit', id: 'issue' }, mail ? t('寄出并出件', 'Mail and issue') : t('窗口出件', 'Hand over and issue'))));
  form.addEventListener('submit', event => {
    event.preventDefault();
    const body = { version: c.version };
    if (mail) body.trackingNumber = form.trackingNumber.value.trim();
    act(form, message, () => api('POST', '/api/v1/cases/' + c.id + '/issue', body), t('已出件。', 'Issued.'), reload);
  });
  return form;
}
