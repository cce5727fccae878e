// 差评整改: the rectifications a hall or department owes for its bad ratings — receive (the rating, its
// comment, the case by number), verify (核实), rectify (整改), call the applicant back (回访). Supervisors follow
// those of their region. Every step sends the version read; a 409 reloads what someone else changed.
import { api, el, t, label, page, param, requireUser, hasRole, formatDate, formatTime, showProblem, notice, ApiError, typed, count }
  from '/assets/onego.js';
import { facts, matterName, section, table } from '/assets/case-parts.js';

const STATES = {
  OPEN: ['待核实', 'To verify'], VERIFIED: ['已核实', 'Verified'], RECTIFIED: ['已整改', 'Rectified'], CLOSED: ['已办结', 'Closed'],
};
const LEVELS = {
  VERY_SATISFIED: ['非常满意', 'Very satisfied'], SATISFIED: ['满意', 'Satisfied'],
  BASICALLY_SATISFIED: ['基本满意', 'Basically satisfied'], DISSATISFIED: ['不满意', 'Dissatisfied'],
  VERY_DISSATISFIED: ['非常不满意', 'Very dissatisfied'],
};
const CALLBACKS = {
  SATISFIED: ['满意', 'Satisfied'], BASICALLY_SATISFIED: ['基本满意', 'Basically satisfied'],
  DISSATISFIED: ['仍不满意', 'Still dissatisfied'], UNREACHABLE: ['联系不上', 'Could not be reached'],
};
const words = (table, code) => table[code] ? t(table[code][0], table[code][1]) : '';

page(async () => {
  const user = await requireUser('WINDOW_CLERK', 'REVIEWER', 'DEPARTMENT_HEAD', 'SUPERVISOR');
  const places = await responsibleChoices(user);
  const filter = document.getElementById('state-filter');
  filter.replaceChildren(el('option', { value: '' }, t('全部', 'All')),
    ...Object.keys(STATES).map(code => el('option', { value: code }, words(STATES, code))));
  filter.value = STATES[param('state')] ? param('state') : '';
  const choice = document.getElementById('responsible');
  const show = () => showList(user, places, choice.value, filter.value);
  filter.addEventListener('change', show);
  choice.addEventListener('change', show);
  await show();
});

/**
 * Where the user answers for rectifications: a clerk's hall, a reviewer's or head's department; a supervisor
 * chooses among the halls and departments of their region. Always by name.
 */
async function responsibleChoices(user) {
  const choice = document.getElementById('responsible');
  const places = [];
  if (hasRole(user, 'WINDOW_CLERK') && user.hall) places.push({ code: user.hall, kind: 'hall' });
  if (hasRole(user, 'REVIEWER', 'DEPARTMENT_HEAD') && user.department) places.push({ code: user.department, kind: 'department' });
  const halls = await api('GET', '/api/v1/halls').catch(() => []);
  if (hasRole(user, 'SUPERVISOR') && user.region) {
    const supervised = await api('GET', '/api/v1/halls?region=' + encodeURIComponent(user.region)).catch(() => []);
    supervised.forEach(h => places.push({ code: h.code, kind: 'hall', name: label(h.name) }));
    const departments = await api('GET', '/api/v1/departments?region=' + encodeURIComponent(user.region)).catch(() => []);
    departments.forEach(d => places.push({ code: d.code, kind: 'department', name: label({ zh: d.name, en: d.nameEn }) }));
  }
  for (const place of places) {
    if (place.name) continue;
    if (place.kind === 'hall') {
      const hall = halls.find(h => h.code === place.code);
      place.name = hall ? label(hall.name) : t('本大厅', 'this hall');
    } else {
      const department = await api('GET', '/api/v1/departments/' + encodeURIComponent(place.code)).catch(() => null);
      place.name = department ? label({ zh: department.name, en: department.nameEn }) : t('本部门', 'this department');
    }
  }
  if (!places.length) {
    throw new Error(t('当前账号未归属任何大厅或部门。', 'Your account belongs to no hall or department.'));
  }
  choice.replaceChildren(...places.map(p => el('option', { value: p.code }, p.name)));
  document.getElementById('responsible-choice').hidden = places.length < 2;
  return places;
}

async function showList(user, places, responsible, state) {
  const place = places.find(p => p.code === responsible) || places[0];
  document.getElementById('responsible-name').textContent = place.name;
  const query = new URLSearchParams({ responsible: place.code });
  if (state) query.set('state', state);
  const list = await api('GET', '/api/v1/rectifications?' + query);
  document.getElementById('count').textContent = t('共 ' + list.length + ' 件', count(list.length, '', 'rectification'));
  const target = document.getElementById('rectifications');
  if (!list.length) {
    target.replaceChildren(el('p', { class: 'muted' }, t('没有需要整改的差评。', 'No rectification to show.')));
    return;
  }
  const rows = await Promise.all(list.map(async r => el('tr', { dataset: { rectification: r.id }, class: r.colour === 'RED' ? 'overdue' : null },
    el('th', { scope: 'row' }, el('button', { type: 'button', class: 'link open-rectification', dataset: { id: r.id },
      onclick: () => showOne(user, place, r.id) }, r.caseNumber)),
    el('td', {}, await matterName(r.matter)),
    el('td', {}, words(LEVELS, r.level)),
    el('td', {}, typed(r.comment)),
    el('td', {}, formatDate(r.dueOn, r.dueProvisional), r.colour === 'RED' ? el('span', { class: 'badge red' }, t('超期', 'Overdue')) : null),
    el('td', {}, el('span', { class: 'badge state' }, words(STATES, r.state))))));
  target.replaceChildren(table([t('受理编号', 'Case number'), t('一件事', 'Matter'), t('评价', 'Rating'), t('评价内容', 'Comment'),
    t('整改时限', 'Due'), t('状态', 'State')], rows));
}

async function showOne(user, place, id) {
  const message = document.getElementById('message');
  message.replaceChildren();
  const list = await api('GET', '/api/v1/rectifications?responsible=' + encodeURIComponent(place.code));
  const r = list.find(x => x.id === id);
  if (!r) return;
  const mayAct = place.kind === 'hall' ? hasRole(user, 'WINDOW_CLERK') && user.hall === place.code
    : hasRole(user, 'REVIEWER', 'DEPARTMENT_HEAD') && user.department === place.code;
  const reload = async () => {
    await showList(user, [place], place.code, document.getElementById('state-filter').value);
    await showOne(user, place, id);
  };
  const parts = [section(2, t('差评整改：', 'Rectification: ') + r.caseNumber, facts([
    [t('受理编号', 'Case number'), el('strong', {}, r.caseNumber)],
    [t('一件事', 'Matter'), await matterName(r.matter)],
    [t('评价', 'Rating'), words(LEVELS, r.level)],
    [t('评价内容', 'Comment'), typed(r.comment)],
    [t('评价时间', 'Rated at'), formatTime(r.ratedAt)],
    [t('整改时限', 'Due'), [formatDate(r.dueOn, r.dueProvisional), ' ', r.colour === 'RED' ? el('span', { class: 'badge red' }, t('超期', 'Overdue')) : '']],
    [t('状态', 'State'), el('span', { class: 'badge state', id: 'rectification-state' }, words(STATES, r.state))],
    [t('核实情况', 'Finding'), r.finding ? [typed(r.finding), ' (', r.justified ? t('差评属实', 'justified') : t('差评不实', 'not justified'), ')'] : null],
    [t('整改措施', 'Measures'), typed(r.measures)],
    [t('回访结果', 'Callback'), r.callback ? [words(CALLBACKS, r.callback), r.callbackNote ? t('：', ': ') : '', typed(r.callbackNote)] : null],
    [t('办结时间', 'Closed at'), r.closedAt ? formatTime(r.closedAt) : null],
  ]))];
  if (mayAct) {
    const form = nextStep(r, message, reload);
    if (form) parts.push(form);
  } else if (r.state !== 'CLOSED') {
    parts.push(el('p', { class: 'muted' }, t('由负责的大厅或部门办理；监管人员在此跟踪。', 'The responsible hall or department handles it; supervisors follow it here.')));
  }
  const target = document.getElementById('rectification');
  target.replaceChildren(...parts);
  target.scrollIntoView({ block: 'nearest' });
}

/** The form of the step the rectification's state allows, or null when it is closed. */
function nextStep(r, message, reload) {
  if (r.state === 'OPEN') {
    return stepForm('verify-form', t('核实', 'Verify'), [
      area('finding', t('核实情况', 'What the verification found')),
      el('fieldset', {}, el('legend', {}, t('差评是否属实', 'Is the complaint justified?')),
        el('label', { class: 'choice' }, el('input', { type: 'radio', name: 'justified', value: 'true', checked: true }), t('属实，需要整改', 'Justified: to rectify')),
        el('label', { class: 'choice' }, el('input', { type: 'radio', name: 'justified', value: 'false' }), t('不实，解释说明后回访', 'Not justified: explain and call back'))),
    ], t('保存核实结果', 'Save the finding'), form => api('POST', '/api/v1/rectifications/' + r.id + '/verification',
      { version: r.version, finding: form.finding.value, justified: form.justified.value === 'true' }), message, reload);
  }
  if (r.state === 'VERIFIED' && r.justified !== false) {
    return stepForm('rectify-form', t('整改', 'Rectify'), [area('measures', t('整改措施', 'The measures taken'))],
      t('保存整改措施', 'Save the measures'), form => api('POST', '/api/v1/rectifications/' + r.id + '/rectification',
        { version: r.version, measures: form.measures.value }), message, reload);
  }
  if (r.state === 'VERIFIED' || r.state === 'RECTIFIED') {
    return stepForm('callback-form', t('回访申请人', 'Call the applicant back'), [
      el('div', {}, el('label', { for: 'callback-result' }, t('回访结果', 'Result of the callback')),
        el('select', { id: 'callback-result', name: 'result' },
          ...Object.keys(CALLBACKS).map(code => el('option', { value: code }, words(CALLBACKS, code))))),
      area('note', t('回访记录（可选）', 'Notes of the call (optional)')),
    ], t('记录回访并办结', 'Record the callback and close'), form => api('POST', '/api/v1/rectifications/' + r.id + '/callback',
      { version: r.version, result: form.result.value, note: form.note.value || null }), message, reload);
  }
  return null;
}

function area(name, text) {
  return el('div', {}, el('label', { for: 'rectification-' + name }, text),
    el('textarea', { id: 'rectification-' + name, name, rows: 3, maxlength: 1000 }));
}

function stepForm(id, title, fields, button, send, message, reload) {
  const form = el('form', { id, novalidate: true }, ...fields, el('div', { class: 'actions' }, el('button', { type: 'submit' }, button)));
  form.addEventListener('submit', async event => {
    event.preventDefault();
    try {
      await send(form);
      await reload();
      notice(message, t('已保存。', 'Saved.'));
    } catch (e) {
      showProblem(message, e, form);
      if (e instanceof ApiError && e.status === 409) await reload();
    }
  });
  return section(3, title, form);
}
