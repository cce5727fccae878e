// 一件事编排: a thin client of the matter composer API. The page holds the draft as the API's JSON (the shape of a
// matter file); every change asks the API for a preview, which the catalogue's own validation and the public
// guidance compute, and shows the errors next to the parts of the draft they are about.
import { api, page, requireUser, t, el, label, showProblem, notice, formatTime, english, typed, workingDays } from '/assets/onego.js';

const DRAFTS = '/api/v1/admin/catalog/matter-drafts';
const THEMES = { BIRTH: ['出生', 'Birth'], EDUCATION: ['教育', 'Education'], EMPLOYMENT: ['就业', 'Employment'],
  MARRIAGE_FAMILY: ['婚姻家庭', 'Marriage and family'], HOUSING: ['住房', 'Housing'], TRAVEL: ['出行', 'Travel'],
  MEDICAL: ['医疗', 'Medical care'], ASSISTANCE: ['救助', 'Assistance'], RETIREMENT: ['退休', 'Retirement'],
  DEATH: ['身后事', 'Death'], MILITARY: ['退役军人', 'Veterans'], DISABILITY: ['残疾人', 'Disability'],
  ENTERPRISE_OPENING: ['企业开办', 'Opening a business'], ENTERPRISE_CHANGE: ['企业变更', 'Changing a business'],
  ENTERPRISE_OPERATION: ['企业经营', 'Running a business'], INVESTMENT_CONSTRUCTION: ['投资建设', 'Investment and construction'],
  ENTERPRISE_EXIT: ['企业注销', 'Closing a business'], POLICY_BENEFITS: ['惠企政策', 'Business subsidies'] };
const APPLICANTS = { PERSON: ['个人', 'Persons'], ENTERPRISE: ['企业', 'Enterprises'] };
const SITUATION_TYPES = { SINGLE: ['单选', 'One answer'], MULTIPLE: ['多选', 'Several answers'] };
const DRAFT_STATES = { DRAFT: ['编写中', 'Being composed'], IN_REVIEW: ['待审核', 'In review'], PUBLISHED: ['已发布', 'Published'] };
const METRICS = [['materials', '申请材料', 'Materials'], ['formFields', '表单字段', 'Form fields'], ['steps', '办理环节', 'Steps'],
  ['trips', '跑动次数', 'Trips'], ['workingDays', '办理时限（工作日）', 'Time limit (working days)']];

let user;
let choices;
let items = new Map();
let draft = null;
let answers = {};
let timer = null;
let asked = 0;

const $ = id => document.getElementById(id);
const words = (table, code) => table[code] ? t(table[code][0], table[code][1]) : t('（未知）', '(unknown)');

/** A catalogue name: English where the catalogue has it, otherwise the Chinese marked as such. */
function name(value) {
  if (!value) return t('（未命名）', '(unnamed)');
  return english() && !value.en ? el('span', { lang: 'zh-CN' }, value.zh) : label(value);
}

function itemName(code) {
  const item = items.get(code);
  return item ? name(item.name) : t('（目录中没有的事项）', '(an item not in the catalogue)');
}

function emptyContent() {
  return { code: '', name: { zh: '', en: '' }, aliases: [], theme: '', applicantType: '', leadDepartmentType: '',
    offeredIn: [], items: [], dependencies: [], situations: [] };
}

page(async () => {
  user = await requireUser('CATALOGUE_ADMIN');
  choices = await api('GET', '/api/v1/admin/catalog/composer-choices');
  items = new Map(choices.items.map(i => [i.code, i]));
  fillSelect($('draft-theme'), choices.themes.map(c => [c, words(THEMES, c)]));
  fillSelect($('draft-applicant'), choices.applicantTypes.map(c => [c, words(APPLICANTS, c)]));
  fillSelect($('draft-lead'), choices.departmentTypes.map(d => [d.code, name(d.name)]));
  fillSelect($('start-from'), choices.matters.map(m => [m.code, name(m.name)]));
  wire();
  await showDrafts();
});

function fillSelect(select, options) {
  select.replaceChildren(el('option', { value: '' }, t('请选择', 'Choose')),
    ...options.map(([value, text]) => el('option', { value }, text)));
}

// ---- the drafts

async function showDrafts() {
  const drafts = await api('GET', DRAFTS);
  $('drafts').replaceChildren(el('table', { id: 'draft-list' },
    el('thead', {}, el('tr', {}, [t('一件事', 'Matter'), t('状态', 'State'), t('编写人', 'Author'), t('更新时间', 'Updated'), ''].map(h => el('th', { scope: 'col' }, h)))),
    el('tbody', {}, drafts.length ? drafts.map(d => el('tr', {},
      el('td', {}, d.content.name?.zh ? name(d.content.name) : t('（未命名）', '(unnamed)')),
      el('td', {}, words(DRAFT_STATES, d.state)),
      el('td', {}, d.author),
      el('td', {}, formatTime(d.updatedAt)),
      el('td', {}, el('button', { type: 'button', class: 'secondary', onclick: () => open(d) }, t('打开', 'Open')))))
      : el('tr', {}, el('td', { colspan: 5 }, t('还没有草稿。', 'No drafts yet.'))))));
}

function open(view) {
  draft = view;
  answers = {};
  $('composer').hidden = false;
  fillBasics();
  renderAll();
  showState();
  $('draft-result').replaceChildren();
  refresh(0);
  $('editor-title').scrollIntoView({ block: 'start' });
}

function wire() {
  $('new-draft').addEventListener('click', () => open({ id: null, version: null, state: 'DRAFT', author: user.username,
    replaces: null, content: emptyContent() }));
  $('start-from-button').addEventListener('click', async () => {
    const from = $('start-from').value;
    if (!from) return;
    try {
      open(await api('POST', DRAFTS, { from }));
      await showDrafts();
    } catch (e) {
      showProblem($('drafts-result'), e);
    }
  });
  const basics = [['draft-code', v => { draft.content.code = v.trim(); }],
    ['draft-name', v => { draft.content.name = { ...(draft.content.name || {}), zh: v }; }],
    ['draft-name-en', v => { draft.content.name = { ...(draft.content.name || {}), en: v }; }],
    ['draft-theme', v => { draft.content.theme = v; }],
    ['draft-applicant', v => { draft.content.applicantType = v; }],
    ['draft-lead', v => { draft.content.leadDepartmentType = v || null; }],
    ['draft-offered', v => { draft.content.offeredIn = v.split(/[,，\s]+/).filter(Boolean); }],
    ['draft-description', v => { draft.content.description = v.trim() ? { zh: v, en: draft.content.description?.en } : null; }]];
  for (const [id, apply] of basics) {
    for (const type of ['input', 'change']) $(id).addEventListener(type, event => { apply(event.target.value); refresh(); });
  }
  $('item-search').addEventListener('input', showResults);
  $('add-dependency').addEventListener('click', addDependency);
  $('add-situation').addEventListener('click', () => {
    draft.content.situations.push({ code: '', question: { zh: '' }, type: 'SINGLE', options: [
      { value: 'YES', label: { zh: '是', en: 'Yes' } }, { value: 'NO', label: { zh: '否', en: 'No' } }] });
    renderSituations();
    refresh();
  });
  $('save-draft').addEventListener('click', () => act(save));
  $('submit-draft').addEventListener('click', () => act(async () => {
    await save();
    return api('POST', DRAFTS + '/' + draft.id + '/submission', { version: draft.version });
  }, t('已提交审核。', 'Submitted for review.')));
  $('approve-draft').addEventListener('click', () => act(() => api('POST', DRAFTS + '/' + draft.id + '/approval',
    { version: draft.version }), t('已发布到现行目录。', 'Published in the catalogue in force.')));
  $('send-back').addEventListener('click', () => act(() => api('POST', DRAFTS + '/' + draft.id + '/send-back',
    { version: draft.version, reason: $('send-back-reason').value }), t('已退回编写人。', 'Sent back to the author.')));
}

async function save() {
  const saved = draft.id == null ? await api('POST', DRAFTS, { content: draft.content })
    : await api('PUT', DRAFTS + '/' + draft.id, { version: draft.version, content: draft.content });
  Object.assign(draft, saved);
  return saved;
}

async function act(step, done = t('草稿已保存。', 'Draft saved.')) {
  try {
    Object.assign(draft, await step());
    // the answer's content is a new object: the editor's controls must work on it, not on the one sent
    renderAll();
    showState();
    notice($('draft-result'), done);
    await showDrafts();
  } catch (e) {
    showProblem($('draft-result'), e);
  }
}

function showState() {
  const mine = draft.author === user.username;
  const editable = draft.state === 'DRAFT' && mine;
  $('draft-state').replaceChildren(el('p', {}, el('span', { class: 'badge' }, words(DRAFT_STATES, draft.state)), ' ',
    t('编写人：', 'Author: '), draft.author,
    draft.reviewer ? [' · ', t('审核人：', 'Reviewer: '), draft.reviewer] : null,
    draft.catalogueVersion ? [' · ', t('发布于目录第 ' + draft.catalogueVersion + ' 版', 'published in catalogue version ' + draft.catalogueVersion)] : null),
  draft.sentBackReason && draft.state === 'DRAFT' ? el('p', { class: 'notice warn' }, t('退回理由：', 'Sent back: '), typed(draft.sentBackReason)) : null);
  $('editor').querySelectorAll('input, select, textarea, button').forEach(control => {
    if (!control.closest('#draft-actions') && !control.closest('#send-back-box')) control.disabled = !editable;
  });
  $('save-draft').hidden = !editable;
  $('submit-draft').hidden = !editable;
  $('approve-draft').hidden = !(draft.state === 'IN_REVIEW' && !mine);
  $('send-back-box').hidden = !(draft.state === 'IN_REVIEW' && !mine);
}

function fillBasics() {
  const c = draft.content;
  $('draft-code').value = c.code || '';
  $('draft-name').value = c.name?.zh || '';
  $('draft-name-en').value = c.name?.en || '';
  $('draft-theme').value = c.theme || '';
  $('draft-applicant').value = c.applicantType || '';
  $('draft-lead').value = c.leadDepartmentType || '';
  $('draft-offered').value = (c.offeredIn || []).join(', ');
  $('draft-description').value = c.description?.zh || '';
  $('item-search').value = '';
  $('item-results').replaceChildren();
}

function renderAll() {
  renderItems();
  renderDependencies();
  renderSituations();
}

// ---- items

function showResults() {
  const query = $('item-search').value.trim().toLowerCase();
  const chosen = new Set(draft.content.items.map(line => line.item));
  const found = !query ? [] : choices.items.filter(i => !chosen.has(i.code) && [i.code, i.name?.zh, i.name?.en,
    i.departmentTypeName?.zh, i.departmentTypeName?.en].some(text => text && text.toLowerCase().includes(query))).slice(0, 12);
  $('item-results').replaceChildren(...found.map(i => el('li', {},
    el('button', { type: 'button', class: 'secondary add-item', dataset: { item: i.code }, onclick: () => addItem(i.code) }, t('添加', 'Add')), ' ',
    name(i.name), ' · ', name(i.departmentTypeName), ' · ', t('承诺时限 ', 'promised in '), workingDays(i.promisedLimit))),
  query && !found.length ? el('li', { class: 'muted' }, t('没有找到事项。', 'No item found.')) : '');
}

function addItem(code) {
  draft.content.items.push({ item: code, mandatory: true, included: true });
  renderAll();
  showResults();
  refresh();
}

function renderItems() {
  const lines = draft.content.items;
  $('chosen-items').replaceChildren(lines.length ? el('table', { id: 'item-list' },
    el('thead', {}, el('tr', {}, [t('事项', 'Item'), t('部门', 'Department'), t('承诺时限', 'Promised'), t('必办', 'Mandatory'),
      t('默认办理', 'Included by default'), ''].map(h => el('th', { scope: 'col' }, h)))),
    el('tbody', {}, lines.map((line, i) => el('tr', { dataset: { part: 'items[' + i + ']' } },
      el('td', {}, itemName(line.item)),
      el('td', {}, items.has(line.item) ? name(items.get(line.item).departmentTypeName) : ''),
      el('td', {}, items.has(line.item) ? workingDays(items.get(line.item).promisedLimit) : ''),
      el('td', {}, checkbox(line.mandatory !== false, t('必办', 'Mandatory'), on => { line.mandatory = on; })),
      el('td', {}, checkbox(line.included !== false, t('默认办理', 'Included by default'), on => { line.included = on; })),
      el('td', {}, el('button', { type: 'button', class: 'secondary', onclick: () => removeItem(i) }, t('移除', 'Remove')))))))
    : el('p', { class: 'muted' }, t('尚未选择事项：在上方查找并添加。', 'No item chosen yet: find and add items above.')));
}

function checkbox(checked, text, change) {
  return el('input', { type: 'checkbox', checked, 'aria-label': text, onchange: event => { change(event.target.checked); refresh(); } });
}

function removeItem(index) {
  const [removed] = draft.content.items.splice(index, 1);
  const code = removed.item;
  draft.content.dependencies = draft.content.dependencies.filter(d => d.item !== code)
    .map(d => ({ ...d, needs: d.needs.filter(n => n !== code) })).filter(d => d.needs.length);
  for (const s of draft.content.situations) {
    for (const o of s.options || []) {
      for (const effect of [o.include, o.exclude]) {
        if (effect?.items) effect.items = effect.items.filter(item => item !== code);
      }
    }
  }
  renderAll();
  refresh();
}

// ---- dependencies

function renderDependencies() {
  const chosen = draft.content.items.map(line => [line.item, itemName(line.item)]);
  fillSelect($('dependency-item'), chosen);
  fillSelect($('dependency-needs'), chosen);
  const deps = draft.content.dependencies;
  $('dependencies').replaceChildren(deps.length ? el('ul', { id: 'dependency-list' }, deps.map((d, i) => el('li', { dataset: { part: 'dependencies[' + i + ']' } },
    itemName(d.item), t(' 需要 ', ' needs '), d.needs.flatMap((n, j) => [j ? t('、', ', ') : '', itemName(n)]), ' ',
    el('button', { type: 'button', class: 'secondary', onclick: () => { deps.splice(i, 1); renderDependencies(); refresh(); } }, t('删除', 'Delete')))))
    : el('p', { class: 'muted' }, t('没有依赖关系：各事项并行办理。', 'No dependencies: the items run in parallel.')));
}

function addDependency() {
  const item = $('dependency-item').value;
  const needs = $('dependency-needs').value;
  if (!item || !needs) return;
  const deps = draft.content.dependencies;
  const existing = deps.find(d => d.item === item);
  if (existing) {
    if (!existing.needs.includes(needs)) existing.needs.push(needs);
  } else {
    deps.push({ item, needs: [needs] });
  }
  renderDependencies();
  refresh();
}

// ---- situations

function materialsOfChosen() {
  const seen = new Map();
  for (const line of draft.content.items) {
    for (const m of items.get(line.item)?.materials || []) seen.set(m.code, m);
  }
  return [...seen.values()];
}

function renderSituations() {
  const situations = draft.content.situations;
  $('situations').replaceChildren(...situations.map((s, i) => el('fieldset', { class: 'situation', dataset: { part: 'situations[' + i + ']' } },
    el('legend', {}, t('情形问题 ' + (i + 1), 'Question ' + (i + 1))),
    el('div', { class: 'row' },
      textInput('situation-code-' + i, t('编码', 'Code'), s.code, v => { s.code = v.trim(); }, 'situations[' + i + '].code'),
      textInput('situation-question-' + i, t('问题', 'Question'), s.question?.zh, v => { s.question = { ...(s.question || {}), zh: v }; }, 'situations[' + i + '].question'),
      textInput('situation-question-en-' + i, t('英文问题', 'Question in English'), s.question?.en, v => { s.question = { ...(s.question || {}), en: v }; }),
      el('div', {}, el('label', { for: 'situation-type-' + i }, t('回答方式', 'Answers')),
        el('select', { id: 'situation-type-' + i, onchange: event => { s.type = event.target.value; refresh(); } },
          Object.keys(SITUATION_TYPES).map(code => el('option', { value: code, selected: s.type === code }, words(SITUATION_TYPES, code)))))),
    (s.options || []).map((o, j) => option(s, i, o, j)),
    el('div', { class: 'actions' },
      el('button', { type: 'button', class: 'secondary', onclick: () => { s.options.push({ value: '', label: { zh: '' } }); renderSituations(); refresh(); } }, t('添加选项', 'Add an option')),
      el('button', { type: 'button', class: 'secondary', onclick: () => { situations.splice(i, 1); renderSituations(); refresh(); } }, t('删除此问题', 'Delete the question'))))));
}

function option(s, i, o, j) {
  const part = 'situations[' + i + '].options[' + j + ']';
  const chosen = draft.content.items.map(line => [line.item, itemName(line.item)]);
  const materials = materialsOfChosen().map(m => [m.code, name(m.name)]);
  return el('div', { class: 'option', dataset: { part } },
    el('div', { class: 'row' },
      textInput('option-value-' + i + '-' + j, t('选项取值', 'Value'), o.value, v => { o.value = v.trim(); }, part + '.value'),
      textInput('option-label-' + i + '-' + j, t('选项文字', 'Option'), o.label?.zh, v => { o.label = { ...(o.label || {}), zh: v }; }, part + '.label'),
      textInput('option-label-en-' + i + '-' + j, t('英文选项文字', 'Option in English'), o.label?.en, v => { o.label = { ...(o.label || {}), en: v }; }),
      el('div', { class: 'actions' }, el('button', { type: 'button', class: 'secondary', onclick: () => { s.options.splice(j, 1); renderSituations(); refresh(); } }, t('删除选项', 'Delete the option')))),
    effectChoices(o, 'include', 'items', t('选此项时加办的事项', 'Items this answer adds'), chosen, part),
    effectChoices(o, 'exclude', 'items', t('选此项时免办的事项', 'Items this answer removes'), chosen, part),
    materials.length ? effectChoices(o, 'include', 'materials', t('选此项时加交的材料', 'Materials this answer adds'), materials, part) : null,
    materials.length ? effectChoices(o, 'exclude', 'materials', t('选此项时免交的材料', 'Materials this answer removes'), materials, part) : null);
}

function effectChoices(o, rule, kind, legend, options, part) {
  const current = o[rule]?.[kind] || [];
  return el('fieldset', { class: 'effect', dataset: { part: part + '.' + rule } }, el('legend', {}, legend),
    el('div', { class: 'roles' }, options.map(([code, text]) => el('label', { class: 'choice' },
      el('input', { type: 'checkbox', checked: current.includes(code), onchange: event => {
        const effect = o[rule] || (o[rule] = { items: [], materials: [] });
        effect[kind] = (effect[kind] || []).filter(c => c !== code).concat(event.target.checked ? [code] : []);
        if (!(effect.items || []).length && !(effect.materials || []).length) o[rule] = null;
        refresh();
      } }), ' ', text))));
}

function textInput(id, text, value, apply, part) {
  return el('div', { dataset: part ? { part } : {} }, el('label', { for: id }, text),
    el('input', { id, value: value || '', autocomplete: 'off', oninput: event => { apply(event.target.value); refresh(); } }));
}

// ---- the preview

/** Asks for a preview once the administrator pauses (every keystroke would be a request). */
function refresh(delay = 400) {
  clearTimeout(timer);
  timer = setTimeout(preview, delay);
}

async function preview() {
  const mine = ++asked;
  const target = $('preview');
  target.setAttribute('aria-busy', 'true');
  try {
    const result = await api('POST', DRAFTS + '/preview', { content: draft.content, replaces: draft.replaces, answers });
    if (mine !== asked) return;
    markErrors(result.valid ? [] : result.errors);
    target.replaceChildren(...(result.valid ? shown(result) : [el('div', { class: 'notice error', role: 'alert', id: 'preview-errors' },
      el('strong', {}, t('草稿有 ' + result.errors.length + ' 处错误', 'The draft has ' + result.errors.length + (result.errors.length === 1 ? ' error' : ' errors'))),
      el('ul', {}, result.errors.map(e => el('li', {}, label(e.message)))))]));
    showAnswers(result.valid ? result.questions : []);
  } catch (e) {
    if (mine === asked) showProblem(target, e);
  } finally {
    if (mine === asked) {
      target.removeAttribute('aria-busy');
      target.dataset.asked = String(mine);
    }
  }
}

/** Each error next to the part of the draft it is about: the nearest enclosing part the page shows. */
function markErrors(errors) {
  const editor = $('editor');
  editor.querySelectorAll('.field-error').forEach(node => node.remove());
  editor.querySelectorAll('[aria-invalid]').forEach(node => node.removeAttribute('aria-invalid'));
  for (const error of errors) {
    let part = error.part;
    let at = null;
    while (part && !(at = editor.querySelector('[data-part="' + CSS.escape(part) + '"]'))) {
      part = part.replace(/(\.[^.[\]]+|\[\d+\])$/, '');
    }
    at ??= $('basics');
    at.querySelector('input, select, textarea')?.setAttribute('aria-invalid', 'true');
    const message = el('span', { class: 'field-error', role: 'alert' }, label(error.message));
    if (at.tagName === 'TR') {
      at.lastElementChild.append(message);
    } else {
      at.append(message);
    }
  }
}

function showAnswers(questions) {
  $('preview-answers').replaceChildren(...(questions.length ? [el('h3', {}, t('按情形回答预览', 'Preview for these answers')),
    ...questions.map((q, i) => el('div', {}, el('label', { for: 'answer-' + i }, name(q.question)),
      el('select', { id: 'answer-' + i, onchange: event => {
        if (event.target.value) answers[q.code] = [event.target.value]; else delete answers[q.code];
        refresh(0);
      } }, el('option', { value: '' }, t('（未回答）', '(not answered)')),
      q.options.map(o => el('option', { value: o.value, selected: (answers[q.code] || []).includes(o.value) }, name(o.label))))))] : []));
}

function shown(p) {
  const byCode = new Map(p.items.map(i => [i.code, i]));
  return [
    el('h3', {}, t('关键路径', 'Critical path')),
    el('p', {}, t('共 ', 'In all '), el('strong', { id: 'critical-days' }, workingDays(p.criticalPath.workingDays))),
    el('ol', { id: 'critical-path' }, p.criticalPath.items.map(code => el('li', {}, name(byCode.get(code)?.name), ' · ',
      workingDays(byCode.get(code)?.promisedLimit ?? 0)))),
    el('div', { class: 'table-scroll' }, el('table', { id: 'schedule' },
      el('thead', {}, el('tr', {}, [t('事项', 'Item'), t('开始（第几个工作日后）', 'Starts after (working days)'), t('办结', 'Done after'), ''].map(h => el('th', { scope: 'col' }, h)))),
      el('tbody', {}, p.items.map(i => el('tr', {}, el('td', {}, name(i.name)), el('td', {}, String(i.startsOnDay)),
        el('td', {}, String(i.finishesOnDay)), el('td', {}, i.critical ? el('span', { class: 'badge' }, t('关键', 'critical')) : '')))))),
    el('h3', {}, t('减材料、减环节、减时限、减跑动', 'What applying once saves')),
    el('div', { class: 'table-scroll' }, el('table', { id: 'metrics' },
      el('thead', {}, el('tr', {}, [t('指标', 'Measure'), t('改革前', 'Before'), t('一件事', 'Applying once'), t('减少', 'Reduction')].map(h => el('th', { scope: 'col' }, h)))),
      el('tbody', {}, METRICS.map(([key, zh, en]) => el('tr', {}, el('td', {}, t(zh, en)), el('td', {}, String(p.metrics.before[key])),
        el('td', {}, String(p.metrics.after[key])), el('td', {}, p.metrics.reduction[key] + '%')))))),
    el('h3', {}, t('合并表单', 'Merged form')),
    el('div', { id: 'merged-form' }, p.form.sections.map(section => el('div', {}, el('h4', {}, name(section.label)),
      el('ul', {}, section.fields.map(f => el('li', {}, name(f.label), f.required ? t('（必填）', ' (required)') : '')))))),
    el('h3', {}, t('材料清单', 'Material list')),
    el('ul', { id: 'material-list' }, p.materials.map(m => el('li', {}, name(m.name), m.required ? '' : t('（视情形）', ' (depending on answers)'),
      m.explanation ? [' — ', label(m.explanation)] : '')))];
}

