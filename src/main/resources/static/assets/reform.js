// 改革模拟: a thin client of /api/v1/reform/drafts. A draft is composed from lists of the catalogue's names (matters,
// their items, an item's materials), saved, and run: the answer's figures are drawn as tables, the replayed load per
// week also as a chart with its numbers in the table beside it. The report downloads are the API's own.
import { api, page, requireUser, t, el, label, showProblem, hasRole, typed } from '/assets/onego.js';

const KINDS = [
  ['E_LICENCE', '材料改为电子证照获取', 'A material obtained as an e-licence'],
  ['FROM_REGISTRY', '材料改为从共享库获取', 'A material obtained from a registry'],
  ['SHORTEN_LIMIT', '压缩承诺时限', 'Shorten a promised limit'],
  ['ALLOW_GAP', '允许容缺受理', 'Allow acceptance with gaps'],
  ['ALLOW_COMMITMENT', '允许告知承诺', 'Allow a commitment instead'],
  ['MERGE_ITEMS', '合并两个事项', 'Merge two items'],
  ['CONNECT_REGISTRY', '接入共享库', 'Connect a registry'],
  ['AUTO_APPROVE', '实行秒批', 'Instant approval'],
];
const REGISTRIES = [['POPULATION', '人口库', 'population registry'], ['ENTERPRISE', '法人库', 'enterprise registry'],
  ['PROPERTY', '不动产登记信息', 'real-estate register'], ['SOCIAL_SECURITY', '社会保险信息', 'social-security records'],
  ['MEDICAL_INSURANCE', '医疗保障信息', 'medical-insurance records'], ['CIVIL_AFFAIRS', '民政信息', 'civil-affairs records'],
  ['HOUSING_FUND', '住房公积金信息', 'housing-fund records'], ['TAX', '税务信息', 'tax records'],
  ['EDUCATION', '学籍信息', 'school records'], ['HEALTH', '卫生健康信息', 'health records'], ['CREDIT', '信用信息', 'credit records'],
  ['DISABILITY', '残疾人信息', 'disability records'], ['VETERANS', '退役军人信息', "veterans' records"],
  ['GEOGRAPHY', '标准地址库', 'standard address registry']];
const FIGURES = [['materials', '材料', 'Materials'], ['formFields', '表单字段', 'Form fields'], ['steps', '环节', 'Steps'],
  ['trips', '跑动', 'Trips'], ['workingDays', '时限（工作日）', 'Working days']];

/** The operations added so far, as the API takes them, with their words for the list. */
const operations = [];
let chart;

page(async () => {
  const user = await requireUser('SUPERVISOR', 'CATALOGUE_ADMIN');
  const form = document.getElementById('draft');
  form.kind.replaceChildren(...KINDS.map(([code, zh, en]) => el('option', { value: code }, t(zh, en))));
  form.registry.replaceChildren(...REGISTRIES.map(([code, zh, en]) => el('option', { value: code }, t(zh, en))));
  await fillRegions(form.region, user);
  await fillMatters(form);
  showFields(form);
  form.kind.addEventListener('change', () => showFields(form));
  form.region.addEventListener('change', () => fillMatters(form));
  form.matter.addEventListener('change', () => fillItems(form));
  form.item.addEventListener('change', () => fillMaterials(form));
  document.getElementById('add').addEventListener('click', () => add(form));
  form.addEventListener('submit', event => { event.preventDefault(); save(form); });
  await listDrafts(form);
});

async function fillRegions(select, user) {
  const own = user.region || '430000';
  const detail = await api('GET', '/api/v1/regions/' + encodeURIComponent(own));
  const regions = [detail.region, ...detail.children];
  select.replaceChildren(...regions.map(r => el('option', { value: r.code }, t(r.name, r.nameEn))));
  select.value = own;
  select.dataset.admin = hasRole(user, 'CATALOGUE_ADMIN');
}

async function fillMatters(form) {
  const matters = await api('GET', '/api/v1/matters?region=' + encodeURIComponent(form.region.value));
  form.matter.replaceChildren(...matters.map(m => el('option', { value: m.code }, label(m.name))));
  await fillItems(form);
}

async function fillItems(form) {
  if (!form.matter.value) return;
  const matter = await api('GET', '/api/v1/matters/' + encodeURIComponent(form.matter.value));
  const options = () => matter.items.map(i => el('option', { value: i.code }, label(i.name)));
  form.item.replaceChildren(...options());
  form.otherItem.replaceChildren(...options());
  if (form.otherItem.options.length > 1) form.otherItem.selectedIndex = 1;
  await fillMaterials(form);
}

async function fillMaterials(form) {
  if (!form.item.value) return;
  const item = await api('GET', '/api/v1/items/' + encodeURIComponent(form.item.value));
  form.material.replaceChildren(...item.materials.map(m => el('option', { value: m.code }, label(m.name))));
  form.days.max = Math.max(0, item.promisedLimit - 1);
  form.days.placeholder = t('现为 ' + item.promisedLimit + ' 个工作日', 'now ' + item.promisedLimit + ' working days');
}

/** Only the fields the chosen operation needs are shown. */
function showFields(form) {
  const kind = form.kind.value;
  form.querySelectorAll('[data-for]').forEach(node => { node.hidden = !node.dataset.for.split(' ').includes(kind); });
  const needsItem = kind !== 'CONNECT_REGISTRY';
  form.item.parentElement.hidden = !needsItem;
  form.matter.parentElement.hidden = !needsItem;
}

function add(form) {
  const kind = form.kind.value;
  const operation = { kind };
  const words = [t(KINDS.find(k => k[0] === kind)[1], KINDS.find(k => k[0] === kind)[2])];
  if (kind !== 'CONNECT_REGISTRY') {
    operation.item = form.item.value;
    words.push(form.item.selectedOptions[0]?.textContent || '');
  }
  if (kind === 'MERGE_ITEMS') {
    operation.otherItem = form.otherItem.value;
    words.push('← ' + (form.otherItem.selectedOptions[0]?.textContent || ''));
  }
  if (['E_LICENCE', 'FROM_REGISTRY', 'ALLOW_GAP', 'ALLOW_COMMITMENT'].includes(kind)) {
    operation.material = form.material.value;
    words.push(form.material.selectedOptions[0]?.textContent || '');
  }
  if (kind === 'E_LICENCE') operation.licenceType = form.licenceType.value.trim();
  if (kind === 'FROM_REGISTRY' || kind === 'CONNECT_REGISTRY') {
    operation.registry = form.registry.value;
    words.push(form.registry.selectedOptions[0]?.textContent || '');
  }
  if (kind === 'SHORTEN_LIMIT') {
    operation.days = form.days.value === '' ? null : Number(form.days.value);
    words.push(t(form.days.value + ' 个工作日', form.days.value + ' working days'));
  }
  operations.push({ operation, words: words.join(' · ') });
  drawOperations();
}

function drawOperations() {
  document.getElementById('operations').replaceChildren(...operations.map((o, i) => el('li', {}, typed(o.words), ' ',
    el('button', { type: 'button', class: 'link', onclick: () => { operations.splice(i, 1); drawOperations(); } }, t('删除', 'Remove')))));
}

async function save(form) {
  const message = document.getElementById('message');
  message.replaceChildren();
  try {
    const created = await api('POST', '/api/v1/reform/drafts', { name: form.name.value, region: form.region.value,
      operations: operations.map(o => o.operation) });
    operations.length = 0;
    drawOperations();
    await run(created.draft.id, form.months.value);
    await listDrafts(form);
  } catch (error) {
    showProblem(message, error, form);
  }
}

async function listDrafts(form) {
  const drafts = await api('GET', '/api/v1/reform/drafts');
  const target = document.getElementById('drafts');
  if (!drafts.length) {
    target.replaceChildren(el('p', { class: 'muted' }, t('还没有草案。', 'No drafts yet.')));
    return;
  }
  target.replaceChildren(el('ul', {}, drafts.map(d => el('li', {}, el('strong', { lang: 'zh-CN' }, d.draft.name), ' — ',
    d.described.map(label).join('；'), ' ',
    el('button', { type: 'button', class: 'link', onclick: () => run(d.draft.id, form.months.value) }, t('模拟', 'Run'))))));
}

async function run(id, months) {
  const message = document.getElementById('message');
  try {
    const query = '?months=' + encodeURIComponent(months || 6);
    const c = await api('GET', '/api/v1/reform/drafts/' + id + '/comparison' + query);
    draw(c, id, query);
  } catch (error) {
    showProblem(message, error);
  }
}

function table(head, rows) {
  return el('table', {}, el('thead', {}, el('tr', {}, head.map(h => el('th', { scope: 'col' }, h)))),
    el('tbody', {}, rows.map(r => el('tr', {}, r.map(c => el('td', {}, c))))));
}

function draw(c, id, query) {
  document.getElementById('result').hidden = false;
  const base = '/api/v1/reform/drafts/' + id + '/report' + query;
  document.getElementById('downloads').replaceChildren(
    el('a', { href: base + '&format=pdf', download: '' }, t('下载 PDF 报告', 'Download the PDF report')), ' ',
    el('a', { href: base + '&format=xlsx', download: '' }, t('下载 Excel 报告', 'Download the Excel report')));
  const head = [t('一件事', 'Matter'), ...FIGURES.map(([, zh, en]) => t(zh + '（现行 → 草案）', en + ' (in force → draft)'))];
  document.getElementById('matters').replaceChildren(c.matters.length
    ? table(head, c.matters.map(m => [label(m.name), ...FIGURES.map(([key]) => m.before[key] + ' → ' + m.after[key])]))
    : el('p', { class: 'muted' }, t('草案不改变本地区任何一件事的指标。', 'The draft changes no matter of this region.')));
  document.getElementById('affected').replaceChildren(
    el('p', {}, el('strong', {}, t('部门：', 'Departments: ')), c.departments.map(label).join('、') || t('无', 'none')),
    el('p', {}, el('strong', {}, t('大厅：', 'Halls: ')), c.halls.map(label).join('、') || t('无', 'none')));
  const r = c.replay;
  document.getElementById('replay').replaceChildren(
    el('p', {}, t('近 ' + r.months + ' 个月（' + r.from + ' 至 ' + r.to + '）受影响一件事的办件 ' + r.cases + ' 件，其中 '
      + r.changedCases.length + ' 件按草案结果不同。', r.cases + ' cases of the matters affected in the last ' + r.months
      + ' months (' + r.from + ' to ' + r.to + '); ' + r.changedCases.length + ' of them would have gone differently.')),
    table([t('', ''), t('基线', 'Baseline'), t('草案', 'Draft')], [
      [t('工作日合计', 'Working days'), r.baseline.workingDays, r.draft.workingDays],
      [t('跑动合计', 'Trips'), r.baseline.trips, r.draft.trips],
      [t('材料合计', 'Materials'), r.baseline.materials, r.draft.materials]]),
    r.changedCases.length ? table([t('办件编号', 'Case number'), t('一件事', 'Matter'), t('工作日', 'Working days'), t('跑动', 'Trips'),
      t('材料', 'Materials')], r.changedCases.map(k => [k.number, label(k.matter), k.workingDaysBefore + ' → ' + k.workingDaysAfter,
      k.tripsBefore + ' → ' + k.tripsAfter, k.materialsBefore + ' → ' + k.materialsAfter])) : '');
  document.getElementById('load').replaceChildren(table([t('部门', 'Department'), t('周', 'Week'), t('基线任务数', 'Tasks (baseline)'),
    t('草案任务数', 'Tasks (draft)')], r.load.map(row => [label(row.departmentName), row.week, row.baseline, row.draft])));
  drawChart(r.load);
}

/** Tasks per week over all departments, baseline and draft side by side. */
function drawChart(load) {
  if (typeof echarts === 'undefined') return;
  const weeks = [...new Set(load.map(r => r.week))].sort();
  const sum = key => weeks.map(w => load.filter(r => r.week === w).reduce((n, r) => n + r[key], 0));
  chart ??= echarts.init(document.getElementById('chart-load'));
  chart.setOption({ tooltip: { trigger: 'axis' }, legend: {}, xAxis: { type: 'category', data: weeks }, yAxis: { type: 'value' },
    series: [{ name: t('基线', 'Baseline'), type: 'bar', data: sum('baseline') }, { name: t('草案', 'Draft'), type: 'bar', data: sum('draft') }] });
}
