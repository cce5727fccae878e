// 监管看板: a thin client of GET /api/v1/supervision/dashboard (with its filters), the 好差评 statistics
// and the region's reduction metrics. Every figure, chart and table is drawn from those answers; each
// chart has its numbers as a table beside it, so the page reads without the picture.
import { api, page, requireUser, t, el, label, english, showProblem, state, colourBadge, formatDate, departmentName, count, asOfDay } from '/assets/onego.js';

const CHANNELS = [['ONLINE', '网上办', 'Online'], ['MOBILE', '掌上办', 'Mobile'], ['KIOSK', '自助终端', 'Kiosk'],
  ['WINDOW', '窗口办', 'Window'], ['AGENT', '帮代办', 'Agent'], ['PARTNER', '异地收件转来', 'From partner platforms']];
const LEVELS = [['非常满意', 'Very satisfied'], ['满意', 'Satisfied'], ['基本满意', 'Fairly satisfied'],
  ['不满意', 'Dissatisfied'], ['非常不满意', 'Very dissatisfied']];
const FILTERS = ['region', 'from', 'to', 'matter', 'department', 'channel', 'hall'];
const FONT = getComputedStyle(document.documentElement).fontFamily;

/** The charts drawn so far, by container id, so a reload redraws them in place. */
const charts = new Map();

page(async () => {
  const user = await requireUser('SUPERVISOR');
  const form = document.getElementById('filters');
  const root = user.region || '430000';
  restoreFilters(form);
  fillChannels(form.channel);
  await fillRegions(form.region, form.region.value || root, root);
  await fillScoped(form);
  form.addEventListener('submit', event => { event.preventDefault(); load(form); });
  form.addEventListener('change', async event => {
    if (event.target === form.region) {
      // drilling down: the region's own children become choosable, departments and matters follow it
      await fillRegions(form.region, form.region.value, root);
      await fillScoped(form);
    }
    await load(form);
  });
  // the charts follow their container (window resized, phone turned)
  const resize = new ResizeObserver(() => charts.forEach(chart => chart.resize()));
  document.querySelectorAll('.chart').forEach(node => resize.observe(node));
  await load(form);
});

/** The filters of the address (?region=…&from=…), so a view can be bookmarked and reloaded. */
function restoreFilters(form) {
  const query = new URLSearchParams(location.search);
  for (const name of FILTERS) {
    if (query.get(name)) {
      const input = form.elements[name];
      if (input.tagName === 'SELECT') {
        input.append(el('option', { value: query.get(name) }, query.get(name)));
      }
      input.value = query.get(name);
    }
  }
}

function filterQuery(form) {
  const query = new URLSearchParams();
  for (const name of FILTERS) {
    const value = form.elements[name].value.trim();
    if (value) query.set(name, value);
  }
  return query;
}

function fillChannels(select) {
  const chosen = select.value;
  select.replaceChildren(el('option', { value: '' }, t('全部渠道', 'All channels')),
    ...CHANNELS.map(([code, zh, en]) => el('option', { value: code }, t(zh, en))));
  select.value = chosen;
}

/** The regions the user may look at around the chosen one: its ancestors up to the user's own, itself, its children. */
async function fillRegions(select, code, root) {
  const detail = await api('GET', '/api/v1/regions/' + encodeURIComponent(code));
  const ancestors = [];
  for (const region of detail.lineage) {
    ancestors.unshift(region);
    if (region.code === root) break;
  }
  const options = [...ancestors.map((r, depth) => regionOption(r, depth)),
    ...detail.children.map(r => regionOption(r, ancestors.length))];
  select.replaceChildren(...options);
  select.value = code;
}

function regionOption(region, depth) {
  return el('option', { value: region.code }, '\u3000'.repeat(depth) + label({ zh: region.name, en: region.nameEn }));
}

/** Matters offered in the region and its departments, as the choices of those filters. */
async function fillScoped(form) {
  const region = form.region.value;
  const [matters, departments, halls] = await Promise.all([
    api('GET', '/api/v1/matters?region=' + encodeURIComponent(region)),
    api('GET', '/api/v1/departments?region=' + encodeURIComponent(region)),
    api('GET', '/api/v1/halls?region=' + encodeURIComponent(region)),
  ]);
  replaceOptions(form.matter, t('全部一件事', 'All matters'), matters.map(m => [m.code, label(m.name)]));
  replaceOptions(form.department, t('全部部门', 'All departments'), departments.map(d => [d.code, label({ zh: d.name, en: d.nameEn })]));
  // the hall by its name; its code is only the value the dashboard filters by
  replaceOptions(form.hall, t('全部大厅', 'All halls'), halls.map(h => [h.code, label(h.name)]));
}

function replaceOptions(select, all, pairs) {
  const chosen = select.value;
  select.replaceChildren(el('option', { value: '' }, all), ...pairs.map(([value, text]) => el('option', { value }, text)));
  select.value = pairs.some(([value]) => value === chosen) ? chosen : '';
}

/** Reads the dashboard for the filters and redraws everything; the page is ready again when done. */
async function load(form) {
  const message = document.getElementById('message');
  const query = filterQuery(form);
  history.replaceState(null, '', '?' + query);
  try {
    const overview = await api('GET', '/api/v1/supervision/dashboard?' + query);
    // the API fills in the default period: show it in the inputs
    form.from.value = overview.filter.from;
    form.to.value = overview.filter.to;
    const region = overview.filter.region || form.region.value;
    const [ratings, reduction] = await Promise.all([departmentRatings(overview.filter, region),
      api('GET', '/api/v1/metrics/regions/' + encodeURIComponent(region))]);
    // the answers name departments in Chinese only: their names in the page's language come from the catalogue
    const codes = new Set([...overview.warnings.map(w => w.department), ...overview.bottlenecks.map(b => b.department),
      ...ratings.map(r => r.key)]);
    const names = new Map(await Promise.all([...codes].map(async code => [code, await departmentName(code)])));
    overview.warnings.forEach(w => { w.departmentName = names.get(w.department); w.itemName = label(w.itemLabel) || w.itemName; });
    overview.bottlenecks.forEach(b => { b.name = names.get(b.department); });
    ratings.forEach(r => { r.name = names.get(r.key); });
    reduction.regionName = form.region.selectedOptions[0]?.textContent.trim() || reduction.regionName;
    message.replaceChildren();
    drawFigures(overview);
    drawVolumes(everyDay(overview.volumes, overview.filter));
    drawCrossRegion(overview.crossRegion);
    drawOnTime(overview);
    drawSatisfaction(overview.satisfaction, ratings);
    drawWarnings(overview.warnings, overview);
    drawBottlenecks(overview.bottlenecks);
    drawReduction(reduction);
    drawExports(filterQuery(form));
  } catch (e) {
    showProblem(message, e, form);
  } finally {
    // counts the loads done, so a test (or a screen reader script) can tell a reload has finished
    document.body.dataset.loads = String(Number(document.body.dataset.loads || 0) + 1);
  }
}

/** 好差评 per department for the same period ([from, to) in that API, so the day after "to"). */
function departmentRatings(filter, region) {
  const end = new Date(filter.to + 'T00:00:00Z');
  end.setUTCDate(end.getUTCDate() + 1);
  const query = new URLSearchParams({ groupBy: 'DEPARTMENT', from: filter.from, to: end.toISOString().substring(0, 10), region });
  return api('GET', '/api/v1/evaluation/statistics?' + query);
}

// ---- key figures

function drawFigures(o) {
  const sum = key => o.volumes.reduce((total, day) => total + day[key], 0);
  const figures = [
    ['submitted', '申请件数', 'Applications', sum('submitted')],
    ['accepted', '受理件数', 'Accepted', sum('accepted')],
    ['issued', '出件数', 'Issued', sum('issued')],
    ['decided', '办结任务', 'Tasks decided', o.tasksDecided],
    ['on-time', '按时办结率', 'On-time rate', percent(o.onTimeRate)],
    ['days', '平均用时/时限（工作日）', 'Average days / limit (working days)', o.averageHandlingDays + ' / ' + o.averageLimitDays],
    ['yellow', '黄牌预警', 'Yellow warnings', o.yellow],
    ['red', '红牌超期', 'Red (overdue)', o.red],
    ['satisfaction', '满意率', 'Satisfaction rate', percent(o.satisfaction.satisfactionRate)],
    ['ratings', '评价数', 'Ratings', o.satisfaction.total],
  ];
  document.getElementById('figures').replaceChildren(...figures.map(([id, zh, en, value]) =>
    el('div', { class: 'figure', id: 'figure-' + id },
      el('div', { class: 'value' }, String(value)),
      el('div', { class: 'small muted' }, t(zh, en)))));
}

function percent(value) {
  return Number(value).toFixed(2) + '%';
}

// ---- charts

/**
 * What a chart shows, said in a sentence for those who do not see it: each series with its figures by category
 * (ECharts' own description reads "数据是1，0").
 */
function describe(title, option, empty) {
  if (empty) return title + t('：暂无数据。', ': no data.');
  const sep = t('，', ', ');
  const parts = option.series.map(series => {
    if (series.type === 'pie' || series.type === 'gauge') {
      return series.data.map(d => d.name + ' ' + d.value + (series.type === 'gauge' ? '%' : '')).join(sep);
    }
    const categories = option.xAxis?.type === 'category' ? option.xAxis.data : option.yAxis?.data || [];
    return series.name + t('：', ': ') + categories.map((c, i) => c + ' ' + series.data[i]).join(sep);
  });
  return title + t('。', '. ') + parts.join(t('；', '; ')) + t('。', '.');
}

/** Draws (or redraws) a chart with the page's language, font and a description in words. */
function chart(id, title, option, empty = false, description = describe(title, option, empty)) {
  const node = document.getElementById(id);
  node.setAttribute('role', 'img');
  let instance = charts.get(id);
  if (!instance) {
    instance = echarts.init(node, null, { locale: english() ? 'EN' : 'ZH', renderer: 'canvas' });
    charts.set(id, instance);
  }
  instance.setOption({
    // ECharts describes the chart's title and data in the container's aria-label (in the chart's locale)
    aria: { enabled: true, label: { description } },
    textStyle: { fontFamily: FONT },
    title: { text: title, left: 'center', textStyle: { fontSize: 14 } },
    graphic: empty ? { type: 'text', left: 'center', top: 'middle', style: { text: t('暂无数据', 'No data'), fontSize: 16, fill: '#52606d' } } : [],
    tooltip: { trigger: 'axis' },
    grid: { left: 8, right: 16, bottom: 8, top: 64, containLabel: true },
    ...option,
    series: option.series.map(series => series.type === 'bar' ? { barMaxWidth: 48, ...series } : series),
  }, true);
  node.setAttribute('aria-label', description);
}

/** The numbers of a chart as a table, folded under the chart. */
function dataTable(id, caption, headings, rows) {
  const table = el('table', {},
    el('caption', { class: 'small muted' }, caption),
    el('thead', {}, el('tr', {}, headings.map((h, i) => el('th', { scope: 'col', class: i ? 'num' : null }, h)))),
    el('tbody', {}, rows.length ? rows.map(row => el('tr', {}, row.map((cell, i) => el('td', { class: i ? 'num' : null }, cell))))
      : el('tr', {}, el('td', { colspan: headings.length }, t('该期间没有数据。', 'No data for this period.')))));
  document.getElementById(id).replaceChildren(el('details', { class: 'data' },
    el('summary', {}, t('查看数据表', 'Show the data table')), el('div', { class: 'table-scroll' }, table)));
}

/** The API lists only days with cases: the period's other days had none, and the chart shows them as zero. */
function everyDay(volumes, filter) {
  const byDay = new Map(volumes.map(v => [v.day, v]));
  const days = [];
  for (const day = new Date(filter.from + 'T00:00:00Z'); day <= new Date(filter.to + 'T00:00:00Z'); day.setUTCDate(day.getUTCDate() + 1)) {
    const key = day.toISOString().substring(0, 10);
    days.push(byDay.get(key) || { day: key, submitted: 0, accepted: 0, notAccepted: 0, issued: 0, refused: 0 });
  }
  return days;
}

function drawVolumes(volumes) {
  const series = [['submitted', '申请', 'Submitted'], ['accepted', '受理', 'Accepted'], ['notAccepted', '不予受理', 'Not accepted'],
    ['issued', '出件', 'Issued'], ['refused', '不予许可', 'Refused']];
  const title = t('每日办件量（件）', 'Cases per day');
  chart('chart-volumes', title, {
    legend: { top: 28 },
    xAxis: { type: 'category', data: volumes.map(v => v.day) },
    yAxis: { type: 'value', minInterval: 1 },
    series: series.map(([key, zh, en]) => ({ name: t(zh, en), type: key === 'submitted' ? 'bar' : 'line', data: volumes.map(v => v[key]) })),
  }, false, t('本期', 'In the period: ') + series.map(([key, zh, en]) => {
    const total = volumes.reduce((sum, v) => sum + v[key], 0);
    return t(zh + ' ' + total + ' 件', total + ' ' + en.toLowerCase());
  }).join(t('，', ', ')) + t('。', '.'));
  dataTable('table-volumes', title + t('（仅列有办件的日期）', ' (days with cases only)'),
    [t('日期', 'Day'), ...series.map(([, zh, en]) => t(zh, en))],
    volumes.filter(v => series.some(([key]) => v[key])).map(v => [v.day, ...series.map(([key]) => v[key])]));
}

/**
 * 跨域通办 in both directions: the counts of the period and the partner regions with the most cases, by name (the
 * answer carries their codes only to tell them apart).
 */
function drawCrossRegion(cross) {
  const directions = [
    ['cross-for-others', cross.receivedForOthers, '异地代收：本地区收件、外地办理', 'Received here for other regions'],
    ['cross-elsewhere', cross.receivedElsewhere, '外地收件、本地办理', 'Received elsewhere for this region'],
  ];
  for (const [id, flow, zh, en] of directions) {
    const figures = [['submitted', '申请', 'Submitted'], ['accepted', '受理', 'Accepted'], ['issued', '出件', 'Issued']];
    const headings = [t('对方地区', 'Partner region'), ...figures.map(([, fzh, fen]) => t(fzh, fen))];
    const table = el('table', { class: 'cross-partners' },
      el('caption', { class: 'small muted' }, t('办件最多的对方地区', 'Partner regions with the most cases')),
      el('thead', {}, el('tr', {}, headings.map((h, i) => el('th', { scope: 'col', class: i ? 'num' : null }, h)))),
      el('tbody', {}, flow.partners.length ? flow.partners.map(p => el('tr', {},
        el('td', { lang: english() && !p.name.en ? 'zh-CN' : null }, label(p.name)),
        ...figures.map(([key]) => el('td', { class: 'num' }, p[key]))))
        : el('tr', {}, el('td', { colspan: headings.length }, t('该期间没有跨域办件。', 'No cross-region case in this period.')))));
    document.getElementById(id).replaceChildren(
      el('h3', {}, t(zh, en)),
      el('div', { class: 'figures' }, figures.map(([key, fzh, fen]) =>
        el('div', { class: 'figure', id: id + '-' + key },
          el('div', { class: 'value' }, String(flow[key])),
          el('div', { class: 'small muted' }, t(fzh, fen))))),
      el('div', { class: 'table-scroll' }, table));
  }
}

function drawOnTime(o) {
  const title = t('按时办结率', 'On-time rate');
  chart('chart-ontime', title, {
    tooltip: { formatter: '{b}: {c}%' },
    series: [{ type: 'gauge', min: 0, max: 100, center: ['50%', '60%'], radius: '80%', progress: { show: true },
      detail: { formatter: '{value}%', fontSize: 22 }, data: [{ value: Number(o.onTimeRate), name: t('按时', 'On time') }] }],
  });
  dataTable('table-ontime', title, [t('指标', 'Figure'), t('数值', 'Value')], [
    [t('办结任务', 'Tasks decided'), o.tasksDecided], [t('超期办结', 'Decided late'), o.tasksLate],
    [t('按时办结率', 'On-time rate'), percent(o.onTimeRate)],
    [t('平均用时（工作日）', 'Average handling (working days)'), o.averageHandlingDays],
    [t('平均时限（工作日）', 'Average limit (working days)'), o.averageLimitDays]]);
}

function drawSatisfaction(s, byDepartment) {
  const title = t('评价等级分布', 'Ratings by level');
  chart('chart-satisfaction', title, {
    tooltip: { trigger: 'item', formatter: '{b}: {c} ({d}%)' },
    legend: { bottom: 0, type: 'scroll' },
    series: [{ type: 'pie', radius: ['35%', '62%'], center: ['50%', '52%'],
      data: LEVELS.map(([zh, en], i) => ({ name: t(zh, en), value: s.counts[i] })) }],
  }, s.total === 0);
  const rows = [[t('本区域合计', 'This region'), s.total, percent(s.satisfactionRate), percent(s.goodRate), percent(s.badRate),
    percent(s.rectificationRate)], ...byDepartment.map(d => [d.name, d.total, percent(d.satisfactionRate), percent(d.goodRate),
    percent(d.badRate), percent(d.rectificationRate)])];
  const table = el('table', {},
    el('caption', { class: 'small muted' }, t('满意率、好评率、差评率与整改率（按部门）', 'Satisfaction, good, bad and rectification rates by department')),
    el('thead', {}, el('tr', {}, [t('部门', 'Department'), t('评价数', 'Ratings'), t('满意率', 'Satisfied'), t('好评率', 'Good'),
      t('差评率', 'Bad'), t('整改率', 'Rectified')].map((h, i) => el('th', { scope: 'col', class: i ? 'num' : null }, h)))),
    el('tbody', {}, rows.map(row => el('tr', {}, row.map((cell, i) => el('td', { class: i ? 'num' : null }, cell))))));
  document.getElementById('table-satisfaction').replaceChildren(el('div', { class: 'table-scroll' }, table));
}

function drawWarnings(warnings, o) {
  // yellow and red per department: where the live warnings pile up
  const byDepartment = new Map();
  for (const w of warnings) {
    const counts = byDepartment.get(w.departmentName) || { YELLOW: 0, RED: 0 };
    counts[w.colour]++;
    byDepartment.set(w.departmentName, counts);
  }
  const names = [...byDepartment.keys()];
  const title = t('预警任务（按部门）：黄牌 ', 'Warned tasks by department: yellow ') + o.yellow + t('，红牌 ', ', red ') + o.red;
  chart('chart-warnings', title, {
    legend: { top: 28 },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: names, axisLabel: { width: 160, overflow: 'truncate' } },
    series: [{ name: state('YELLOW'), type: 'bar', stack: 'w', color: '#e0a100', data: names.map(n => byDepartment.get(n).YELLOW) },
      { name: state('RED'), type: 'bar', stack: 'w', color: '#b71c1c', data: names.map(n => byDepartment.get(n).RED) }],
  }, names.length === 0);
  const table = el('table', { id: 'warnings' },
    el('caption', { class: 'small muted' }, t('实时预警任务（红牌在前，期限最早在前）', 'Live warned tasks (red first, earliest due first)')),
    el('thead', {}, el('tr', {}, [t('办件编号', 'Case'), t('事项', 'Item'), t('部门', 'Department'), t('期限', 'Due'),
      t('预警', 'Colour')].map(h => el('th', { scope: 'col' }, h)))),
    el('tbody', {}, warnings.length ? warnings.map(w => el('tr', {},
      el('td', {}, w.caseNumber), el('td', {}, w.itemName), el('td', {}, w.departmentName), el('td', {}, formatDate(w.dueOn)),
      el('td', {}, colourBadge(w.colour))))
      : el('tr', {}, el('td', { colspan: 5 }, t('当前没有黄牌或红牌任务。', 'No yellow or red task now.')))));
  document.getElementById('table-warnings').replaceChildren(el('div', { class: 'table-scroll' }, table));
}

function drawBottlenecks(bottlenecks) {
  const names = bottlenecks.map(b => b.name);
  const title = t('超期任务最多的部门', 'Departments with the most late tasks');
  chart('chart-bottlenecks', title, {
    legend: { top: 28 },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: names, inverse: true, axisLabel: { width: 160, overflow: 'truncate' } },
    series: [{ name: t('超期', 'Late'), type: 'bar', data: bottlenecks.map(b => b.late) },
      { name: t('关键路径上超期', 'Late on the critical path'), type: 'bar', data: bottlenecks.map(b => b.lateOnCriticalPath) }],
  }, bottlenecks.length === 0);
  const headings = [t('部门', 'Department'), t('办结', 'Decided'), t('超期', 'Late'), t('关键路径超期', 'Late on critical path'),
    t('按时率', 'On-time rate'), t('平均用时', 'Average days'), t('平均时限', 'Average limit')];
  const table = el('table', { id: 'bottlenecks' },
    el('caption', { class: 'small muted' }, title),
    el('thead', {}, el('tr', {}, headings.map((h, i) => el('th', { scope: 'col', class: i ? 'num' : null }, h)))),
    el('tbody', {}, bottlenecks.length ? bottlenecks.map(b => el('tr', {}, [b.name, b.decided, b.late, b.lateOnCriticalPath,
      percent(b.onTimeRate), b.averageHandlingDays, b.averageLimitDays].map((cell, i) => el('td', { class: i ? 'num' : null }, cell))))
      : el('tr', {}, el('td', { colspan: headings.length }, t('该期间没有超期任务。', 'No late task in this period.')))));
  document.getElementById('table-bottlenecks').replaceChildren(el('div', { class: 'table-scroll' }, table));
}

function drawReduction(report) {
  const a = report.aggregate;
  const measures = [['materials', '材料', 'Materials'], ['formFields', '表单字段', 'Form fields'], ['steps', '环节', 'Steps'],
    ['trips', '跑动次数', 'Trips'], ['workingDays', '时限（工作日）', 'Time limit (working days)']];
  const title = t(report.regionName + '：' + a.matters + ' 个一件事办理前后对比',
    report.regionName + ': ' + count(a.matters, '', 'matter') + ' before and after applying once');
  chart('chart-reduction', title, {
    legend: { top: 28 },
    xAxis: { type: 'category', data: measures.map(([, zh, en]) => t(zh, en)) },
    yAxis: { type: 'value' },
    series: [{ name: t('分别办理', 'Separately'), type: 'bar', data: measures.map(([key]) => a.before[key]) },
      { name: t('一件事一次办', 'Applying once'), type: 'bar', data: measures.map(([key]) => a.after[key]) }],
  });
  dataTable('table-reduction', title, [t('指标', 'Measure'), t('分别办理', 'Separately'), t('一件事一次办', 'Applying once'),
    t('减少', 'Reduction')], measures.map(([key, zh, en]) => [t(zh, en), a.before[key], a.after[key], a.reduction[key] + '%']));
  drawMatterDays(report);
}

/**
 * Per matter, the working days before counted both ways (legal and promised limits one after another), the critical
 * path after, and what issued cases really took — with the number of cases the measured figures rest on.
 */
function drawMatterDays(report) {
  // the measured figures are a daily snapshot: the caption says of which day
  const asOf = report.matters.map(m => m.metrics.measured?.asOf).find(day => day);
  const caption = t(report.regionName + '：各一件事时限（工作日）与实际办结情况', report.regionName + ': working days per matter, computed and measured')
    + (asOf ? t('（实际情况', ' (measured ') + asOfDay(asOf) + t('）', ')') : '');
  const headings = [t('一件事', 'Matter'), t('法定时限相加', 'Legal limits added'), t('承诺时限相加', 'Promised limits added'),
    t('一件事一次办', 'Applying once'), t('实际用时中位数', 'Measured median'), t('实际平均跑动', 'Measured trips'),
    t('实际平均上传材料', 'Measured uploads'), t('办结件数', 'Issued cases')];
  const dash = '—';
  const table = el('table', { id: 'matter-days' },
    el('caption', { class: 'small muted' }, caption),
    el('thead', {}, el('tr', {}, headings.map((h, i) => el('th', { scope: 'col', class: i ? 'num' : null }, h)))),
    el('tbody', {}, report.matters.map(m => {
      const days = m.metrics.workingDaysBefore, measured = m.metrics.measured;
      return el('tr', { dataset: { matter: m.code } }, [el('span', { lang: 'zh-CN' }, m.name), days.legal, days.promised, days.after,
        measured ? measured.workingDaysMedian : dash, measured ? measured.tripsMean : dash,
        measured?.materialsUploadedMean ?? dash, measured ? measured.cases : 0]
        .map((cell, i) => el('td', { class: i ? 'num' : null }, cell)));
    })));
  document.getElementById('table-matter-days').replaceChildren(el('div', { class: 'table-scroll' }, table));
}

/** Export links of each table, with the filters now shown. */
function drawExports(query) {
  document.querySelectorAll('.exports').forEach(node => {
    const table = node.dataset.table;
    const link = format => el('a', { href: '/api/v1/supervision/export/' + table + '?' + new URLSearchParams({ ...Object.fromEntries(query), format }),
      download: true, class: 'export-' + format }, format === 'csv' ? t('导出 CSV', 'Export CSV') : t('导出 Excel', 'Export Excel'));
    node.replaceChildren(link('csv'), link('xlsx'));
  });
}
