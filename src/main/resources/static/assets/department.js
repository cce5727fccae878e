// 部门审批: the department's queue with its due-date colours, and one task — 领取, 退回队列, 准予,
// 不予许可, 要求补正, 特别程序 and 恢复. Every action sends the version read; a 409 reloads the view.
import { api, el, t, label, state, param, requireUser, colourBadge, formatDate, count, typed } from '/assets/onego.js';
import {
  act, caseFacts, facts, field, formValues, history, loadCase, loadFiles, materials, section, submittedFiles,
  supplementRequests, supplementRows, table, tasks, resultText,
} from '/assets/case-parts.js';
import { searchQuery, wireSearch } from '/assets/queue-search.js';
import { placeFacts } from '/assets/cross-region.js';

const OPEN = ['WAITING', 'PENDING', 'CLAIMED', 'SUSPENDED', 'AWAITING_SUPPLEMENT'];
const FILTERS = ['OPEN', ...OPEN, 'APPROVED', 'REFUSED', 'ALL'];
const PROCEDURES = {
  EXPERT_REVIEW: ['专家评审', 'Expert review'], PUBLIC_NOTICE: ['公示', 'Public notice'],
  ON_SITE_INSPECTION: ['现场核查', 'On-site inspection'], HEARING: ['听证', 'Hearing'], TESTING: ['检验检测', 'Testing'],
};

const filterName = key => key === 'OPEN' ? t('未办结', 'Open') : key === 'ALL' ? t('全部', 'All') : state(key);

// ------------------------------------------------------------------ the queue

export async function startQueue() {
  const user = await requireUser('REVIEWER', 'DEPARTMENT_HEAD');
  if (!user.department) {
    throw new Error(t('当前账号未归属任何部门。', 'Your account belongs to no department.'));
  }
  const filter = document.getElementById('filter');
  filter.replaceChildren(...FILTERS.map(key => el('option', { value: key }, filterName(key))));
  filter.value = FILTERS.includes(param('state')) ? param('state') : 'OPEN';
  filter.addEventListener('change', () => showQueue(user.department, filter.value));
  wireSearch(document.getElementById('count'), () => showQueue(user.department, filter.value));
  await showQueue(user.department, filter.value);
}

async function showQueue(department, filter) {
  const target = document.getElementById('queue');
  const query = OPEN.includes(filter) || ['APPROVED', 'REFUSED'].includes(filter) ? '?state=' + filter : '?';
  let views = await api('GET', '/api/v1/departments/' + encodeURIComponent(department) + '/tasks' + query
    + searchQuery(document.getElementById('queue-search')));
  if (filter === 'OPEN') views = views.filter(v => OPEN.includes(v.task.state));
  const named = await api('GET', '/api/v1/departments/' + encodeURIComponent(department)).catch(() => null);
  document.getElementById('department').textContent = named ? label({ zh: named.name, en: named.nameEn }) : '';
  document.getElementById('count').textContent = t('共 ' + views.length + ' 件', count(views.length, '', 'task'));
  if (!views.length) {
    target.replaceChildren(el('p', { class: 'muted' }, t('没有符合条件的待办。', 'No tasks match.')));
    return;
  }
  // each entry carries its case's number, matter and applicant: the queue is one request
  const rows = views.map(v => el('tr', { dataset: { task: v.task.id } },
    el('th', { scope: 'row' }, el('a', { href: '/department-task.html?case=' + v.task.caseId + '&task=' + v.task.id }, v.caseNumber || v.task.caseId)),
    el('td', {}, label(v.itemName) || v.task.item, el('div', { class: 'muted small' }, label(v.matterName) || v.matter || ''),
      // accepted by a hall of another region for this one (跨域通办): the result goes back there
      v.acceptingHallName ? el('div', { class: 'small muted cross-region' }, t('异地收件：', 'Received at: '), label(v.acceptingHallName)) : null),
    el('td', { lang: 'zh-CN' }, v.applicantName || ''),
    el('td', {}, el('span', { class: 'badge state' }, state(v.task.state))),
    el('td', {}, formatDate(v.task.dueOn, v.dueProvisional)),
    el('td', { class: 'num' }, v.remainingWorkingDays ?? '—'),
    el('td', {}, colourBadge(v.colour))));
  target.replaceChildren(table([t('受理编号', 'Case number'), t('事项', 'Item'), t('申请人', 'Applicant'), t('状态', 'State'),
    t('办理时限', 'Due'), t('剩余工作日', 'Working days left'), t('预警', 'Colour')], rows));
}

// ------------------------------------------------------------------ one task

export async function startTask() {
  const user = await requireUser('REVIEWER', 'DEPARTMENT_HEAD');
  const message = document.getElementById('message');
  const reload = async () => render({ ...await loadCase(param('case')), files: await loadFiles(param('case')) }, param('task'), user,
    message, reload);
  await reload();
}

function render(loaded, taskId, user, message, reload) {
  const { view, application, guidance, files } = loaded;
  const current = view.tasks.find(v => v.task.id === taskId);
  if (!current) throw new Error(t('找不到该子件。', 'No such task.'));
  const task = current.task;
  document.getElementById('title').textContent = label(current.itemName) || task.item;
  const parts = [
    section(2, t('子件', 'Task'), facts([
      [t('部门', 'Department'), label({ zh: current.departmentName || '', en: current.departmentNameEn })],
      [t('状态', 'State'), el('span', { class: 'badge state', id: 'task-state' }, state(task.state))],
      [t('领取人', 'Claimed by'), task.claimedBy],
      [t('办理时限', 'Due'), [formatDate(task.dueOn, current.dueProvisional), ' ', colourBadge(current.colour)]],
      [t('剩余工作日', 'Working days left'), current.remainingWorkingDays],
      [t('特别程序', 'Special procedure'), task.decision?.procedure ? [procedureName(task.decision.procedure), t('：', ': '), typed(task.decision.reason)] : null],
      [t('结果', 'Result'), task.result ? resultText(task, current.resultName) : null],
      [t('理由', 'Reason'), task.decision?.reason && !task.decision?.procedure ? typed(task.decision.reason) : null],
      [t('法律依据', 'Legal basis'), task.decision?.legalBasis],
    ]), actions(task, user, message, reload)),
    section(2, t('前序事项结果', 'Results of earlier items'), inputs(task, view)),
    section(2, t('办件信息', 'Case'), caseFacts(view), el('div', { id: 'case-place' })),
    section(2, t('申请表', 'Application form'), formValues(application, guidance)),
    section(2, t('申请材料', 'Materials'), materials(application, view.caseFile)),
    section(2, t('材料附件', 'Submitted files'), submittedFiles(view.caseFile.id, files)),
    section(2, t('各部门办理进度', 'All tasks'), tasks(view, task.id)),
    section(2, t('办理记录', 'History'), history(view)),
  ];
  document.getElementById('task').replaceChildren(...parts);
  return placeFacts(view).then(facts => document.getElementById('case-place')?.replaceChildren(...(facts ? [facts] : [])));
}

const procedureName = code => PROCEDURES[code] ? t(PROCEDURES[code][0], PROCEDURES[code][1]) : t('特别程序', 'Special procedure');

/** What earlier items decided that this one builds on, e.g. the business licence number. */
function inputs(task, view) {
  const entries = Object.entries(task.inputs || {});
  if (!entries.length) return el('p', { class: 'muted' }, t('本事项无前置事项。', 'This item has no prerequisites.'));
  const names = new Map(view.tasks.map(v => [v.task.item, label(v.itemName)]));
  const results = new Map(view.tasks.map(v => [v.task.item, label(v.resultName)]));
  return table([t('前序事项', 'Earlier item'), t('结果', 'Result'), t('编号', 'Number')], entries.map(([item, r]) =>
    el('tr', {}, el('th', { scope: 'row' }, names.get(item) || t('（前序事项）', '(an earlier item)')),
      el('td', {}, results.get(item) || r.name || ''),
      el('td', {}, r.number ? el('code', { class: 'input-number' }, r.number) : '—'))));
}

// --- the actions the task's state allows

function actions(task, user, message, reload) {
  const post = (path, body) => () => api('POST', '/api/v1/tasks/' + task.id + '/' + path, { version: task.version, ...body });
  const button = (id, text, path, done, secondary) => {
    const form = el('form', { id: id + '-form' }, el('button', { type: 'submit', id, class: secondary ? 'secondary' : null }, text));
    form.addEventListener('submit', event => { event.preventDefault(); act(form, message, post(path, {}), done, reload); });
    return form;
  };
  if (task.state === 'PENDING') {
    return el('div', { class: 'actions' }, button('claim', t('领取', 'Claim'), 'claim', t('已领取。', 'Claimed.')));
  }
  if (task.state === 'SUSPENDED') {
    return el('div', { class: 'actions' }, button('resume', t('恢复办理', 'Resume'), 'resumption', t('已恢复办理。', 'Resumed.')));
  }
  if (task.state !== 'CLAIMED') return null;
  if (task.claimedBy !== user.username) {
    return el('p', { class: 'notice' }, t('该子件已由 ' + task.claimedBy + ' 领取。', 'Claimed by ' + task.claimedBy + '.'));
  }
  return el('div', {},
    el('div', { class: 'actions' }, button('release', t('退回队列', 'Release'), 'release', t('已退回队列。', 'Released.'), true)),
    approveForm(post, message, reload), refuseForm(post, message, reload), supplementForm(post, message, reload),
    suspendForm(post, message, reload));
}

function approveForm(post, message, reload) {
  const form = el('form', { id: 'approve-form', novalidate: true }, el('h3', {}, t('准予', 'Approve')),
    field('approve-number', 'number', t('结果编号（证照编号）', 'Result number (licence number)'), el('input', { autocomplete: 'off' })),
    field('approve-notice', 'notice', t('审批意见', 'Notice'), el('textarea', { rows: '2' }, t('经审查，符合条件，准予办理。', 'Meets the conditions; approved.'))),
    el('div', { class: 'actions' }, el('button', { type: 'submit', id: 'approve' }, t('准予', 'Approve'))));
  form.addEventListener('submit', event => {
    event.preventDefault();
    act(form, message, post('approval', { number: form.number.value.trim() || null, notice: form.notice.value.trim() }),
      t('已准予。', 'Approved.'), reload);
  });
  return form;
}

function refuseForm(post, message, reload) {
  const form = el('form', { id: 'refuse-form', novalidate: true }, el('h3', {}, t('不予许可', 'Refuse')),
    field('refuse-reason', 'reason', t('理由', 'Reason'), el('textarea', { rows: '3' })),
    field('refuse-basis', 'legalBasis', t('法律依据', 'Legal basis'), el('input', {})),
    // false materials also put the applicant on the credit list (失信记录), with this case as the evidence
    el('label', {}, el('input', { type: 'checkbox', name: 'falseMaterials', id: 'refuse-false' }), ' ',
      t('申请人提供虚假材料（将列入失信记录）', 'The applicant gave false materials (they will be listed in credit)')),
    el('div', { class: 'actions' }, el('button', { type: 'submit', id: 'refuse', class: 'secondary' }, t('不予许可', 'Refuse'))));
  form.addEventListener('submit', event => {
    event.preventDefault();
    act(form, message, post('refusal', { reason: form.reason.value.trim(), legalBasis: form.legalBasis.value.trim(),
      falseMaterials: form.falseMaterials.checked }),
      t('已作出不予许可决定。', 'Refused.'), reload);
  });
  return form;
}

function supplementForm(post, message, reload) {
  const rows = el('div', { id: 'supplement-rows' });
  const add = supplementRows(rows, []);
  const form = el('form', { id: 'supplement-form', novalidate: true }, el('h3', {}, t('要求补正', 'Ask for a supplement')),
    el('fieldset', { name: 'requests' }, el('legend', {}, t('补正清单（经综合窗口一次性告知）', 'What to supply (told once through the window)')), rows,
      el('button', { type: 'button', class: 'secondary', onclick: () => add() }, t('添加一项', 'Add a line'))),
    el('div', { class: 'actions' }, el('button', { type: 'submit', id: 'ask-supplement', class: 'secondary' }, t('要求补正', 'Ask'))));
  form.addEventListener('submit', event => {
    event.preventDefault();
    act(form, message, post('supplement-request', { requests: supplementRequests(rows) }),
      t('已要求补正。', 'Supplement asked for.'), reload);
  });
  return form;
}

function suspendForm(post, message, reload) {
  const form = el('form', { id: 'suspend-form', novalidate: true }, el('h3', {}, t('特别程序', 'Special procedure')),
    field('suspend-procedure', 'procedure', t('程序', 'Procedure'),
      el('select', {}, Object.keys(PROCEDURES).map(code => el('option', { value: code }, procedureName(code))))),
    field('suspend-reason', 'reason', t('理由', 'Reason'), el('textarea', { rows: '2' })),
    field('suspend-days', 'maxWorkingDays', t('最长期限（工作日）', 'Longest duration (working days)'),
      el('input', { type: 'number', min: '1', max: '250', value: '10', inputmode: 'numeric' })),
    el('div', { class: 'actions' }, el('button', { type: 'submit', id: 'suspend', class: 'secondary' }, t('启动特别程序', 'Suspend'))));
  form.addEventListener('submit', event => {
    event.preventDefault();
    act(form, message, post('suspension', {
      procedure: form.procedure.value, reason: form.reason.value.trim(),
      maxWorkingDays: form.maxWorkingDays.value ? Number(form.maxWorkingDays.value) : null,
    }), t('已启动特别程序，时限暂停计算。', 'Suspended; the clock stops.'), reload);
  });
  return form;
}
