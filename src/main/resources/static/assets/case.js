// One case as its applicant follows it: number, state, due date, each department's task with its clock
// colour, every step of its history, the acceptance receipt, and the rating (好差评) once it is closed.
import { api, page, el, t, label, param, requireUser, state, stepAction, stepMove, workingDays, colourBadge, formatDate, formatTime, showProblem, ApiError, english, typed } from '/assets/onego.js';
import { sourceBadge, fill } from '/assets/portal.js';
import { showDocuments } from '/assets/documents.js';
import { deliverySection } from '/assets/case-delivery.js';
import { applicantActions } from '/assets/case-actions.js';
import { placeFacts } from '/assets/cross-region.js';

const CLOSED = ['ISSUED', 'REFUSED', 'NOT_ACCEPTED'];

const LEVELS = [
  { value: 1, code: 'VERY_SATISFIED', zh: '非常满意', en: 'Very satisfied' },
  { value: 2, code: 'SATISFIED', zh: '满意', en: 'Satisfied' },
  { value: 3, code: 'BASICALLY_SATISFIED', zh: '基本满意', en: 'Basically satisfied' },
  { value: 4, code: 'DISSATISFIED', zh: '不满意', en: 'Dissatisfied' },
  { value: 5, code: 'VERY_DISSATISFIED', zh: '非常不满意', en: 'Very dissatisfied' },
];

page(async () => {
  await requireUser();
  const id = param('id');
  const target = document.getElementById('case');
  if (!id) {
    target.replaceChildren(el('p', { class: 'notice error', role: 'alert' }, t('未指定办件。', 'No case given.')));
    return;
  }
  const view = await api('GET', '/api/v1/cases/' + encodeURIComponent(id));
  const c = view.caseFile;
  document.title = c.number + ' · ' + t('办理进度', 'Case progress');
  fill(target, 
    el('h1', {}, label(view.matterName)),
    summary(view),
    el('div', { id: 'case-place' }),
    el('section', { id: 'applicant-actions', 'aria-live': 'polite' }),
    el('h2', {}, t('各部门办理情况', 'Departments')),
    tasks(view.tasks),
    el('h2', {}, t('办理结果与送达', 'Results and delivery')),
    el('div', { id: 'delivery', 'aria-live': 'polite' }),
    el('h2', {}, t('办理过程', 'History')),
    history(view.history),
    el('h2', {}, t('我提交的材料', 'What I submitted')),
    el('div', { id: 'my-files' }),
    el('h2', {}, t('受理回执', 'Acceptance receipt')),
    el('div', { id: 'receipt' }),
    el('h2', {}, t('评价', 'Rating')),
    el('div', { id: 'rating', 'aria-live': 'polite' }),
    el('h2', {}, t('文书', 'Documents')),
    el('div', { id: 'documents' }));
  await Promise.all([applicantActions(view, document.getElementById('applicant-actions')), receipt(c), rating(c), myFiles(c),
    placeFacts(view).then(facts => document.getElementById('case-place').replaceChildren(...(facts ? [facts] : []))),
    showDocuments(document.getElementById('documents'), c.id),
    deliverySection(c.id, document.getElementById('delivery'))]);
});

function summary(view) {
  const c = view.caseFile;
  const row = (zh, en, ...value) => el('div', {}, el('dt', { class: 'small muted' }, t(zh, en)), el('dd', { class: 'flush' }, ...value));
  return el('dl', { class: 'figures', id: 'summary' },
    row('办件编号', 'Case number', el('strong', { id: 'number' }, c.number)),
    row('状态', 'State', el('span', { class: 'badge state', id: 'state' }, state(c.state))),
    row('承诺办结日期', 'Promised date', formatDate(c.promisedDate, view.promisedDateProvisional)),
    row('预计办结日期', 'Due date', formatDate(view.dueDate, view.dueDateProvisional)),
    row('提交时间', 'Submitted', formatTime(c.submittedAt)),
    view.hall ? row('受理大厅', 'Hall', el('span', { id: 'hall' }, label(view.hall.name))) : null,
    c.delivery ? row('结果领取', 'Delivery', c.delivery.method === 'FREE_MAIL' ? t('免费邮寄', 'Free mail') : t('窗口领取', 'Window pick-up')) : null);
}

function tasks(list) {
  if (!list.length) {
    return el('p', { class: 'muted', id: 'tasks' }, t('受理后分送各部门并联办理。', 'Once accepted, the departments work on it in parallel.'));
  }
  return el('div', { class: 'table-scroll' }, el('table', { id: 'tasks' },
    el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, t('事项', 'Item')), el('th', { scope: 'col' }, t('部门', 'Department')),
      el('th', { scope: 'col' }, t('状态', 'State')), el('th', { scope: 'col' }, t('到期日', 'Due')), el('th', { scope: 'col' }, t('时限', 'Clock')))),
    el('tbody', {}, list.map(task => el('tr', { dataset: { task: task.task.id } },
      el('td', {}, label(task.itemName)),
      el('td', {}, label({ zh: task.departmentName, en: task.departmentNameEn })),
      el('td', {}, el('span', { class: 'badge state' }, state(task.task.state))),
      el('td', {}, formatDate(task.task.dueOn, task.dueProvisional)),
      el('td', {}, colourBadge(task.colour), task.remainingWorkingDays != null
        ? el('span', { class: 'small' }, t(' 剩余 ' + workingDays(task.remainingWorkingDays), ' ' + workingDays(task.remainingWorkingDays) + ' left')) : null))))));
}

/** Each step in words: what happened, the state it led to when that adds something, who by name, what it says. */
function history(steps) {
  return el('ol', { class: 'timeline', id: 'history' }, steps.map(step => {
    const moved = stepMove(step);
    return el('li', {},
      el('div', {}, el('strong', {}, stepAction(step.action)), moved ? el('span', { class: 'small muted' }, ' → ' + moved) : null),
      el('div', { class: 'small muted' }, formatTime(step.at) + (step.actorName ? ' · ' + label(step.actorName) : '')),
      step.detail ? el('div', { class: 'small' }, label(step.detail)) : null);
  }));
}

/** The receipt exists once the window has accepted the case. */
async function receipt(c) {
  const target = document.getElementById('receipt');
  let r;
  try {
    r = await api('GET', '/api/v1/cases/' + c.id + '/receipt');
  } catch (e) {
    if (e instanceof ApiError && e.status === 404) {
      target.replaceChildren(el('p', { class: 'muted' }, t('综合窗口受理后生成受理回执。', 'The receipt is issued once the window accepts the case.')));
      return;
    }
    throw e;
  }
  target.replaceChildren(el('div', { class: 'card', id: 'receipt-card' },
    el('p', {}, t('编号：', 'Number: '), el('strong', {}, r.number), english() ? null : el('span', { class: 'small muted' }, '（' + r.numberSpoken + '）')),
    el('p', {}, t('申请人：', 'Applicant: '), el('span', { lang: 'zh-CN' }, r.applicant)),
    el('p', {}, t('受理时间：', 'Accepted: ') + formatTime(r.acceptedAt) + ' · ' + t('承诺办结：', 'Promised by: ') + formatDate(r.promisedDate, r.promisedDateProvisional)),
    el('h3', {}, t('已收材料', 'Received')),
    el('ul', {}, r.received.map(m => el('li', {}, label(m.name), ' ', sourceBadge(m.source)))),
    r.missing.length ? [el('h3', {}, t('容缺待补材料', 'To be supplied')), el('ul', {}, r.missing.map(g => el('li', {}, g.name)))] : null,
    r.commitmentNames?.length ? el('p', {}, t('告知承诺材料：', 'On commitment: ') + r.commitmentNames.map(label).join(t('、', ', '))) : null,
    r.hallDetails ? el('p', { id: 'receipt-hall' }, t('受理大厅：', 'Hall: '), label(r.hallDetails.name),
      r.hallDetails.address ? ' · ' + label(r.hallDetails.address) : '', r.hallDetails.phone ? ' · ' + r.hallDetails.phone : '',
      r.hallDetails.hours ? el('span', { class: 'small muted' }, ' （' + label(r.hallDetails.hours) + '）') : null) : null,
    el('p', {}, t('查询码：', 'Query code: '), el('strong', { id: 'receipt-code' }, r.queryCode),
      el('span', { class: 'small muted' }, t('（凭受理编号和查询码，无需登录即可查询进度）', ' (with the number and this code anyone follows the case without signing in)'))),
    el('div', { class: 'actions' }, el('button', { type: 'button', class: 'secondary', onclick: () => print() }, t('打印回执', 'Print the receipt')))));
}

/** Rating is open once the case is closed; a rating already given is shown instead. */
async function rating(c) {
  const target = document.getElementById('rating');
  if (c.state === 'WITHDRAWN') {
    target.replaceChildren(el('p', { class: 'muted' }, t('申请已撤回，无需评价。', 'The application was withdrawn: there is nothing to rate.')));
    return;
  }
  if (!CLOSED.includes(c.state)) {
    target.replaceChildren(el('p', { class: 'muted' }, t('办结后可对本次服务进行评价。', 'You can rate the service once the case is closed.')));
    return;
  }
  const given = await api('GET', '/api/v1/cases/' + c.id + '/rating').catch(e => {
    if (e instanceof ApiError && e.status === 404) return null;
    throw e;
  });
  if (given) {
    showRating(target, given);
    return;
  }
  target.replaceChildren(ratingForm(c));
}

function showRating(target, given) {
  const level = LEVELS.find(l => l.code === given.level || l.value === given.level);
  target.replaceChildren(el('div', { class: 'notice ok', id: 'rated' },
    el('p', {}, t('您的评价：', 'Your rating: '), el('strong', {}, level ? t(level.zh, level.en) : given.level)),
    given.comment ? el('p', {}, typed(given.comment)) : null,
    el('p', { class: 'small muted' }, formatTime(given.ratedAt))));
}

function ratingForm(c) {
  const message = el('div', { 'aria-live': 'assertive' });
  const form = el('form', { id: 'rating-form', novalidate: true },
    el('fieldset', {}, el('legend', {}, t('您对本次办理是否满意？', 'How satisfied are you with this service?')),
      LEVELS.map(l => el('label', { class: 'choice', for: 'level-' + l.value },
        el('input', { type: 'radio', id: 'level-' + l.value, name: 'level', value: l.value }), t(l.zh, l.en)))),
    el('label', { for: 'comment' }, t('文字评价', 'Comment'),
      el('span', { class: 'hint' }, t('至多500字；不满意时请写明原因，以便整改', 'At most 500 characters; if dissatisfied, say why so that it can be put right'))),
    el('textarea', { id: 'comment', name: 'comment', rows: 3, maxlength: 500 }),
    message,
    el('div', { class: 'actions' }, el('button', { type: 'submit' }, t('提交评价', 'Submit the rating'))));
  form.addEventListener('submit', async event => {
    event.preventDefault();
    const level = form.querySelector('[name=level]:checked')?.value;
    const channel = matchMedia('(max-width: 40rem)').matches ? 'MOBILE' : 'PC';
    try {
      const given = await api('POST', '/api/v1/cases/' + c.id + '/rating',
        { level: level ? Number(level) : null, channel, comment: form.comment.value.trim() || null });
      showRating(document.getElementById('rating'), given);
    } catch (e) {
      showProblem(message, e, form);
    }
  });
  return form;
}

/** The files the applicant submitted for the case, each to open (images and PDFs) or download. */
async function myFiles(c) {
  const target = document.getElementById('my-files');
  const files = await api('GET', '/api/v1/cases/' + encodeURIComponent(c.id) + '/files').catch(() => null);
  if (!files?.length) {
    target.replaceChildren(el('p', { class: 'muted' }, t('本办件没有上传的文件。', 'No files were uploaded for this case.')));
    return;
  }
  target.replaceChildren(el('ul', {}, files.map(f => {
    const url = '/api/v1/cases/' + encodeURIComponent(c.id) + '/files/' + encodeURIComponent(f.id);
    return el('li', { dataset: { file: f.id } }, label(f.materialName), ' · ',
      f.inline ? [el('a', { href: url, target: '_blank', rel: 'noopener' }, t('查看', 'Open')), ' · '] : null,
      el('a', { href: url + '?download=true', download: '' }, t('下载', 'Download')),
      el('span', { class: 'muted small' }, ' · ', label(f.uploadedBy), f.uploadedAt ? ' · ' + formatTime(f.uploadedAt) : ''));
  })));
}
