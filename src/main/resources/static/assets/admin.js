// 系统管理: a thin client of the administration API — catalogue versions and imports, the working-day
// calendar, and staff users. Every list comes from the API; every refusal is shown as the API words it.
import { api, page, requireUser, hasRole, t, el, label, showProblem, notice, formatTime, ApiError, today, count, departmentName, regionName } from '/assets/onego.js';
import { startHalls } from '/assets/admin-halls.js';

const ROLES = [['WINDOW_CLERK', '综合窗口人员', 'Window clerk'], ['REVIEWER', '审批人员', 'Reviewer'],
  ['DEPARTMENT_HEAD', '部门负责人', 'Department head'], ['SUPERVISOR', '监管人员', 'Supervisor'],
  ['CREDIT_ADMIN', '信用管理员', 'Credit administrator'], ['CATALOGUE_ADMIN', '目录管理员', 'Catalogue administrator'], ['SYSTEM_ADMIN', '系统管理员', 'System administrator'],
  ['METRICS_READER', '监控采集账号', 'Metrics reader (monitoring)']];

page(async () => {
  const user = await requireUser('CATALOGUE_ADMIN', 'SYSTEM_ADMIN');
  // each administrator sees the parts of their role: the catalogue and the calendar, or the users
  const catalogue = hasRole(user, 'CATALOGUE_ADMIN');
  const system = hasRole(user, 'SYSTEM_ADMIN');
  for (const id of ['catalogue', 'import', 'calendar', 'halls-section']) document.getElementById(id).hidden = !catalogue;
  document.getElementById('users').hidden = !system;
  const loads = [];
  if (catalogue) {
    wireCatalogue();
    wireImport();
    await wireCalendar();
    loads.push(showVersions(), searchMatters(''), showYear(), showChanges(), startHalls());
  }
  if (system) {
    wireStaff();
    wireStaffEdit(user);
    loads.push(fillHalls().then(showStaff), fillDepartments());
  }
  await Promise.all(loads);
});

/** A table with column headings and rows of cells (text or elements). */
function table(id, headings, rows, empty) {
  return el('table', { id },
    el('thead', {}, el('tr', {}, headings.map(h => el('th', { scope: 'col' }, h)))),
    el('tbody', {}, rows.length ? rows.map(cells => el('tr', {}, cells.map(cell => el('td', {}, cell))))
      : el('tr', {}, el('td', { colspan: headings.length }, empty))));
}

// ---- catalogue browser

function wireCatalogue() {
  document.getElementById('matter-search').addEventListener('submit', event => {
    event.preventDefault();
    searchMatters(event.target.q.value.trim());
  });
}

async function showVersions() {
  const versions = await api('GET', '/api/v1/admin/catalog/versions');
  document.getElementById('versions').replaceChildren(table('version-list',
    [t('版本', 'Version'), t('时间', 'Created'), t('来源', 'Origin'), t('导入人', 'Imported by'), t('说明', 'Note'),
      t('文件数', 'Files'), t('状态', 'State'), t('下载', 'Download')],
    versions.map(v => [t('第 ' + v.version + ' 版', 'Version ' + v.version), formatTime(v.createdAt), origin(v.origin), v.importedBy || '—',
      v.origin === 'BUNDLED' ? '' : el('span', { lang: 'zh-CN' }, v.note || ''), count(v.files, '个', 'file'),
      v.inForce ? el('span', { class: 'badge green' }, t('现行', 'In force')) : '',
      el('span', {}, el('a', { href: '/api/v1/admin/catalog/versions/' + v.version + '/files.zip', download: true }, t('文件 zip', 'Files (zip)')),
        ' · ', el('a', { href: '/api/v1/admin/catalog/items.xlsx?version=' + v.version, download: true }, t('事项 Excel', 'Items (Excel)')))]),
    t('没有目录版本。', 'No catalogue version.')));
}

/** Where a catalogue version came from, in words. */
function origin(code) {
  return code === 'BUNDLED' ? t('随系统发布', 'Shipped with the release')
    : code === 'IMPORTED' ? t('管理员导入', 'Imported by an administrator') : t('其他来源', 'Other');
}

async function searchMatters(q) {
  const matters = await api('GET', '/api/v1/matters' + (q ? '?q=' + encodeURIComponent(q) : ''));
  const places = new Map(await Promise.all([...new Set(matters.flatMap(m => m.offeredIn))].map(async code => [code, await regionName(code)])));
  document.getElementById('matters').replaceChildren(
    el('p', { class: 'small muted', role: 'status' }, t('共 ' + matters.length + ' 个一件事', count(matters.length, '', 'matter'))),
    table('matter-list', [t('名称', 'Name'), t('事项数', 'Items'), t('涉及部门', 'Departments'), t('实施区域', 'Offered in')],
      matters.map(m => [el('button', { type: 'button', class: 'secondary', dataset: { matter: m.code }, onclick: () => showMatter(m.code) }, label(m.name)),
        m.items, m.departmentTypes.map(d => label(d.name)).join(t('、', ', ')), m.offeredIn.map(code => places.get(code)).join(t('、', ', '))]),
      t('没有符合条件的一件事。', 'No matter found.')));
}

async function showMatter(code) {
  const matter = await api('GET', '/api/v1/matters/' + encodeURIComponent(code));
  const box = document.getElementById('matter-detail');
  box.replaceChildren(
    el('h4', {}, label(matter.summary.name)),
    matter.description ? el('p', { class: 'small' }, label(matter.description)) : null,
    el('div', { class: 'table-scroll' }, table('item-list', [t('事项', 'Item'), t('部门类型', 'Department type'),
      t('前置', 'Needs'), t('法定时限', 'Legal limit'), t('承诺时限', 'Promised limit'), t('必办', 'Mandatory')],
    matter.items.map(i => [label(i.name), label(i.departmentType?.name),
      i.needs.map(need => label(matter.items.find(other => other.code === need)?.name) || t('（其他一件事的事项）', '(an item of another matter)')).join(t('、', ', ')) || '—',
      count(i.legalLimit, '个工作日', 'working day'), count(i.promisedLimit, '个工作日', 'working day'),
      i.mandatory ? t('是', 'yes') : t('否', 'no')]), t('没有事项。', 'No item.'))),
    el('p', { class: 'small muted' }, t('依据第 ' + matter.catalogueVersion + ' 版目录', 'From version ' + matter.catalogueVersion + ' of the catalogue')));
  box.focus();
}

// ---- import

function wireImport() {
  const form = document.getElementById('import-form');
  const paths = () => fillPaths(form);
  form.files.addEventListener('change', paths);
  form.folder.addEventListener('change', paths);
  form.addEventListener('submit', async event => {
    event.preventDefault();
    await importFiles(form);
  });
}

/** One path input per chosen file: the API names each file by its path in the catalogue. */
function fillPaths(form) {
  const files = [...form.files.files];
  document.getElementById('import-paths').replaceChildren(...files.map((file, i) => el('div', {},
    el('label', { for: 'import-path-' + i }, t('目录路径：', 'Catalogue path: ') + file.name),
    el('input', { id: 'import-path-' + i, name: 'path-' + i, value: form.folder.value + file.name, autocomplete: 'off' }))));
}

async function importFiles(form) {
  const result = document.getElementById('import-result');
  const data = new FormData();
  if (form.workbook.files.length) {
    // a workbook is imported alone: it names the item files it replaces
    data.append('workbook', form.workbook.files[0]);
  } else {
    [...form.files.files].forEach((file, i) => data.append('files', file, form.elements['path-' + i].value.trim()));
    if (form.archive.files.length) data.append('archive', form.archive.files[0]);
    data.append('mode', form.mode.value);
    form.delete.value.split('\n').map(line => line.trim()).filter(Boolean).forEach(path => data.append('delete', path));
  }
  if (form.note.value.trim()) data.append('note', form.note.value.trim());
  try {
    const outcome = await api('POST', '/api/v1/admin/catalog/imports', data);
    clearFieldErrors(form);
    notice(result, outcome.changed
      ? t('导入成功：第 ' + outcome.version.version + ' 版目录已生效（' + outcome.matters + ' 个一件事，' + outcome.items + ' 个事项）。',
        'Imported: version ' + outcome.version.version + ' is in force (' + count(outcome.matters, '', 'matter') + ', ' + count(outcome.items, '', 'item') + ').')
      : t('文件与现行的第 ' + outcome.version.version + ' 版目录相同，未产生新版本。',
        'The files equal the catalogue in force (version ' + outcome.version.version + '); no new version.'));
    await Promise.all([showVersions(), searchMatters(document.getElementById('matter-q').value.trim())]);
  } catch (e) {
    showImportErrors(result, e, form);
  }
}

/**
 * A rejected catalogue lists every error with where it is ("matters/x.yaml:9 items[1].item"), a rejected
 * workbook with its cell ("事项 Items!J12"): shown as a table of file or sheet, line or cell, path and
 * message, so a long list can be worked through.
 */
function showImportErrors(result, error, form) {
  showProblem(result, error, form);
  const errors = error instanceof ApiError ? error.problem.errors || [] : [];
  if (error.status !== 422 || !errors.length) return;
  const rows = errors.map(e => {
    const cell = /^(.+)!([A-Z]*\d+)$/.exec(e.field);
    if (cell) return [cell[1], cell[2], '', label(e.message)];
    const [, file, line, path] = /^(\S+?)(?::(\d+))?(?:\s+(.*))?$/.exec(e.field) || [null, e.field, '', ''];
    return [file, line || '', path ? el('code', {}, path) : '', label(e.message)];
  });
  // the table replaces the plain list of the problem box: same errors, columns to read them by
  result.querySelector('ul')?.remove();
  result.querySelector('.notice').append(el('div', { class: 'table-scroll' },
    table('import-errors', [t('文件或工作表', 'File or sheet'), t('行或单元格', 'Line or cell'), t('位置', 'Path'), t('错误说明', 'Message')], rows, '')));
}

// ---- calendar

async function wireCalendar() {
  const view = document.getElementById('year-view');
  view.year.value = (await today()).substring(0, 4);
  view.addEventListener('submit', event => { event.preventDefault(); showYear(); });
  document.getElementById('day-form').addEventListener('submit', event => { event.preventDefault(); addDay(event.target); });
  document.getElementById('year-form').addEventListener('submit', event => { event.preventDefault(); loadYear(event.target); });
  await showReadiness();
}

/** From 1 November, a missing next year is said before anything else: limits running into it are provisional. */
async function showReadiness() {
  const target = document.getElementById('calendar-readiness');
  const answer = await api('GET', '/api/v1/calendar/today');
  if (answer.calendarWarning) notice(target, t(answer.calendarWarning.zh, answer.calendarWarning.en), 'warn');
  else target.replaceChildren();
}

async function showYear() {
  const view = document.getElementById('year-view');
  const target = document.getElementById('calendar-days');
  const region = view.region.value.trim();
  try {
    const year = await api('GET', '/api/v1/calendar/' + encodeURIComponent(view.year.value) + (region ? '?region=' + encodeURIComponent(region) : ''));
    const days = Object.entries(year.exceptions);
    target.replaceChildren(
      el('p', { role: 'status' }, t(year.year + ' 年共 ' + year.workingDays + ' 个工作日；节假日与调休 ' + days.length + ' 天。',
        year.year + ': ' + year.workingDays + ' working days; ' + days.length + ' holidays and adjusted days.')),
      el('div', { class: 'months' }, Array.from({ length: 12 }, (_, month) => monthTable(year.year, month, year.exceptions))),
      el('h4', {}, t('节假日与调休上班日', 'Holidays and adjusted working days')),
      el('div', { class: 'table-scroll' }, table('calendar-exceptions', [t('日期', 'Day'), t('星期', 'Weekday'), t('类型', 'Kind'), t('名称', 'Name')],
        days.map(([day, text]) => {
          // "OFF 国庆节" or "WORK 国庆节调休上班 (431200)": the kind, then the name and the region of a local day
          const [kind, ...name] = text.split(' ');
          return [day, weekday(day), el('span', { class: 'badge ' + kind.toLowerCase() }, kind === 'OFF' ? t('放假', 'Day off') : t('调休上班', 'Working day')),
            el('span', { lang: 'zh-CN' }, name.join(' '))];
        }), t('该年尚未导入节假日安排。', 'The year is not loaded.'))));
  } catch (e) {
    showProblem(target, e, view);
  }
}

/**
 * A month as a week grid, Monday first, every day numbered; a day off is marked 休 and an adjusted
 * working day 班, as Chinese wall calendars do, with the day's name as its tooltip.
 */
function monthTable(year, month, exceptions) {
  const first = new Date(Date.UTC(year, month, 1));
  const length = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const cells = Array((first.getUTCDay() + 6) % 7).fill(null);
  for (let d = 1; d <= length; d++) cells.push(d);
  const weeks = [];
  for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7));
  const names = t('一二三四五六日', 'MTWTFSS').split('');
  return el('table', { class: 'month' },
    el('caption', {}, t(year + '年' + (month + 1) + '月', first.toLocaleDateString('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' }))),
    el('thead', {}, el('tr', {}, names.map(n => el('th', { scope: 'col' }, n)))),
    el('tbody', {}, weeks.map(week => el('tr', {}, week.map((d, column) => dayCell(year, month, d, column, exceptions))))));
}

function dayCell(year, month, d, column, exceptions) {
  if (d == null) return el('td', {});
  const key = year + '-' + String(month + 1).padStart(2, '0') + '-' + String(d).padStart(2, '0');
  const text = exceptions[key];
  if (!text) return el('td', { class: column >= 5 ? 'weekend' : null }, String(d));
  const [kind, ...name] = text.split(' ');
  return el('td', { class: kind === 'OFF' ? 'off' : 'work', title: name.join(' '), 'data-day': key },
    String(d), el('span', { class: 'mark' }, kind === 'OFF' ? t('休', 'off') : t('班', 'work')));
}

function weekday(day) {
  return new Date(day + 'T00:00:00Z').toLocaleDateString(t('zh-CN', 'en-GB'), { weekday: 'short', timeZone: 'UTC' });
}

async function addDay(form) {
  const result = document.getElementById('day-result');
  const body = { region: form.region.value.trim() || null, day: form.day.value || null, kind: form.kind.value, name: form.name.value.trim() };
  try {
    await api('POST', '/api/v1/admin/calendar/days', body);
    notice(result, t('已添加：', 'Added: ') + body.day + ' ' + body.name);
    // show the year of the new day, for its region, so the change is seen at once
    const view = document.getElementById('year-view');
    view.year.value = body.day.substring(0, 4);
    view.region.value = body.region || '';
    await Promise.all([showYear(), showChanges()]);
  } catch (e) {
    showProblem(result, e, form);
  }
}

async function loadYear(form) {
  const result = document.getElementById('year-result');
  const lines = text => text.split('\n').map(line => line.trim()).filter(Boolean).map(line => line.split(/\s+/));
  const body = {
    year: Number(form.year.value) || null,
    source: form.source.value.trim(),
    off: lines(form.off.value).map(([from, to, ...name]) => ({ from, to, name: name.join(' ') })),
    work: lines(form.work.value).map(([day, ...name]) => ({ day, name: name.join(' ') })),
  };
  try {
    const year = await api('POST', '/api/v1/admin/calendar/years', body);
    notice(result, t(year.year + ' 年已导入，共 ' + year.workingDays + ' 个工作日。', year.year + ' loaded: ' + year.workingDays + ' working days.'));
    const view = document.getElementById('year-view');
    view.year.value = year.year;
    view.region.value = '';
    await Promise.all([showYear(), showChanges(), showReadiness()]);
  } catch (e) {
    showProblem(result, e, form);
  }
}

async function showChanges() {
  const changes = await api('GET', '/api/v1/admin/calendar/changes?limit=50');
  const regionCodes = changes.filter(c => c.action === 'ADD_DAY').map(c => String(c.detail).split(' ')[0]).filter(code => /^\d{6}$/.test(code));
  const places = new Map(await Promise.all([...new Set(regionCodes)].map(async code => [code, await regionName(code)])));
  document.getElementById('calendar-changes').replaceChildren(table('calendar-change-list',
    [t('时间', 'When'), t('操作人', 'By'), t('操作', 'Action'), t('内容', 'Detail')],
    changes.map(c => [formatTime(c.at), c.actor, change(c.action), changeDetail(c, places)]), t('暂无变更。', 'No change yet.')));
}

const CHANGES = { ADD_DAY: ['添加节假日或调休日', 'Day added'], LOAD_YEAR: ['导入全年安排', 'Year loaded'] };

function change(action) {
  const words = CHANGES[action];
  return words ? t(words[0], words[1]) : t('其他变更', 'Other change');
}

/** "national 2026-10-01 OFF 国庆节" or "2026 国办发明电〔2025〕7号" as a sentence; names and sources stay as written. */
function changeDetail(c, places) {
  const parts = String(c.detail || '').split(' ');
  if (c.action === 'ADD_DAY' && parts.length >= 3) {
    const [where, day, kind, ...name] = parts;
    return el('span', {}, (where === 'national' ? t('全国', 'Nationwide') : places.get(where) || t('一个地区', 'A region')) + ' · ' + day + ' · '
      + (kind === 'OFF' ? t('放假', 'day off') : t('调休上班', 'working day')) + ' · ', el('span', { lang: 'zh-CN' }, name.join(' ')));
  }
  if (c.action === 'LOAD_YEAR' && parts.length >= 1) {
    const [year, ...source] = parts;
    return el('span', {}, t(year + ' 年 · 依据 ', year + ' · source: '), el('span', { lang: 'zh-CN' }, source.join(' ')));
  }
  return el('span', { lang: 'zh-CN' }, c.detail || '');
}

// ---- users and roles

function wireStaff() {
  const form = document.getElementById('staff-form');
  document.getElementById('staff-roles').replaceChildren(...ROLES.map(([code, zh, en]) =>
    el('label', { class: 'choice', for: 'role-' + code },
      el('input', { type: 'checkbox', id: 'role-' + code, name: 'roles', value: code }), t(zh, en))));
  form.region.addEventListener('change', fillDepartments);
  form.addEventListener('submit', async event => {
    event.preventDefault();
    await createStaff(form);
  });
}

/** The departments of the region typed, as the choices of a reviewer's department. */
async function fillDepartments() {
  const form = document.getElementById('staff-form');
  const select = form.department;
  const region = form.region.value.trim();
  let departments = [];
  if (/^\d{6}$/.test(region)) {
    departments = await api('GET', '/api/v1/departments?region=' + region).catch(() => []);
  }
  select.replaceChildren(el('option', { value: '' }, t('（不属于部门）', '(no department)')),
    ...departments.map(d => el('option', { value: d.code }, label({ zh: d.name, en: d.nameEn }))));
}

async function createStaff(form) {
  const result = document.getElementById('staff-result');
  const body = {
    username: form.username.value.trim(), name: form.name.value.trim(), password: form.password.value,
    roles: [...form.querySelectorAll('input[name=roles]:checked')].map(box => box.value),
    region: form.region.value.trim(), hall: form.hall.value || null, department: form.department.value || null,
  };
  try {
    const user = await api('POST', '/api/v1/admin/staff', body);
    clearFieldErrors(form);
    notice(result, t('已创建工作人员 ', 'Staff user created: ') + user.username);
    form.password.value = '';
    await showStaff();
  } catch (e) {
    showProblem(result, e, form);
  }
}

/** Removes the messages an earlier refused try left next to the fields. */
function clearFieldErrors(form) {
  form.querySelectorAll('[aria-invalid]').forEach(input => input.removeAttribute('aria-invalid'));
  form.querySelectorAll('.field-error').forEach(node => node.remove());
}

/** The open halls by name, as the choices of a window clerk's hall (the account keeps its code). */
let halls = [];
async function fillHalls() {
  halls = await api('GET', '/api/v1/halls').catch(() => []);
  document.getElementById('staff-hall').replaceChildren(el('option', { value: '' }, t('（不属于大厅）', '(no hall)')),
    ...halls.map(h => el('option', { value: h.code }, label(h.name))));
}

function hallName(code) {
  if (!code) return '';
  const hall = halls.find(h => h.code === code);
  return hall ? label(hall.name) : t('（已关闭或未登记的大厅）', '(a closed or unlisted hall)');
}

async function showStaff() {
  const staff = await api('GET', '/api/v1/admin/staff');
  const roleName = code => { const role = ROLES.find(r => r[0] === code); return role ? t(role[1], role[2]) : t('其他角色', 'Other role'); };
  const codes = [...new Set(staff.map(s => s.department).filter(Boolean))];
  const departments = new Map(await Promise.all(codes.map(async code => [code, await departmentName(code)])));
  const places = new Map(await Promise.all([...new Set(staff.map(s => s.region).filter(Boolean))].map(async code => [code, await regionName(code)])));
  document.getElementById('staff').replaceChildren(table('staff-list',
    [t('用户名', 'Username'), t('姓名', 'Name'), t('角色', 'Roles'), t('行政区划', 'Region'), t('政务大厅', 'Hall'), t('部门', 'Department'),
      t('来源', 'Source'), t('操作', 'Actions')],
    staff.map(s => [s.username, el('span', { lang: 'zh-CN' }, s.name), s.roles.map(roleName).join(t('、', ', ')), places.get(s.region) || '',
      hallName(s.hall), departments.get(s.department) || '',
      s.source === 'DEMO' ? t('演示数据', 'Demo data') : t('管理员创建', 'Created'), staffActions(s)]),
    t('没有工作人员。', 'No staff user.')));
}

// ---- a staff account changed: edited, disabled or enabled, its password reset (demo users come from their file)

let signedInAdmin;

function wireStaffEdit(user) {
  signedInAdmin = user.username;
  const form = document.getElementById('staff-edit-form');
  document.getElementById('staff-edit-roles').replaceChildren(...ROLES.map(([code, zh, en]) =>
    el('label', { class: 'choice', for: 'edit-role-' + code },
      el('input', { type: 'checkbox', id: 'edit-role-' + code, name: 'roles', value: code }), t(zh, en))));
  form.region.addEventListener('change', () => fillEditDepartments(form.region.value.trim(), ''));
  document.getElementById('staff-edit-cancel').addEventListener('click', () => { form.hidden = true; });
  form.addEventListener('submit', async event => {
    event.preventDefault();
    const result = document.getElementById('staff-actions-result');
    const body = {
      name: form.name.value.trim(), roles: [...form.querySelectorAll('input[name=roles]:checked')].map(box => box.value),
      region: form.region.value.trim(), hall: form.hall.value || null, department: form.department.value || null,
    };
    try {
      await api('PUT', '/api/v1/admin/staff/' + encodeURIComponent(form.dataset.username), body);
      clearFieldErrors(form);
      form.hidden = true;
      notice(result, t('已保存对工作人员的修改：', 'Staff user saved: ') + body.name);
      await showStaff();
    } catch (e) {
      showProblem(result, e, form);
    }
  });
}

/** The buttons of a staff account's row: edit, disable or enable, reset the password; none for demo users. */
function staffActions(s) {
  if (s.source === 'DEMO') return el('span', { class: 'muted small' }, t('演示用户，不可修改', 'Demo user: not editable'));
  const own = s.username === signedInAdmin;
  return el('span', { class: 'staff-actions', dataset: { username: s.username } },
    el('button', { type: 'button', class: 'secondary staff-edit', onclick: () => openStaffEdit(s) }, t('修改', 'Edit')), ' ',
    el('button', { type: 'button', class: 'secondary staff-toggle', disabled: own && !s.disabled,
      onclick: () => setStaffDisabled(s, !s.disabled) }, s.disabled ? t('启用', 'Enable') : t('停用', 'Disable')), ' ',
    el('button', { type: 'button', class: 'secondary staff-reset', onclick: () => resetStaffPassword(s) }, t('重置密码', 'Reset password')),
    s.disabled ? el('span', { class: 'badge red' }, t('已停用', 'Disabled')) : null);
}

async function openStaffEdit(s) {
  const form = document.getElementById('staff-edit-form');
  form.dataset.username = s.username;
  document.getElementById('staff-edit-title').textContent = t('修改工作人员：', 'Edit a staff user: ') + s.name;
  form.name.value = s.name;
  form.region.value = s.region || '';
  form.querySelectorAll('input[name=roles]').forEach(box => { box.checked = s.roles.includes(box.value); });
  form.hall.replaceChildren(el('option', { value: '' }, t('（不属于大厅）', '(no hall)')),
    ...halls.map(h => el('option', { value: h.code }, label(h.name))));
  form.hall.value = s.hall || '';
  await fillEditDepartments(s.region || '', s.department || '');
  clearFieldErrors(form);
  form.hidden = false;
  form.scrollIntoView({ block: 'nearest' });
}

async function fillEditDepartments(region, chosen) {
  const select = document.getElementById('staff-edit-department');
  const departments = /^\d{6}$/.test(region) ? await api('GET', '/api/v1/departments?region=' + region).catch(() => []) : [];
  select.replaceChildren(el('option', { value: '' }, t('（不属于部门）', '(no department)')),
    ...departments.map(d => el('option', { value: d.code }, label({ zh: d.name, en: d.nameEn }))));
  select.value = departments.some(d => d.code === chosen) ? chosen : '';
}

async function setStaffDisabled(s, disabled) {
  const result = document.getElementById('staff-actions-result');
  try {
    await api('PUT', '/api/v1/admin/staff/' + encodeURIComponent(s.username) + '/disabled', { disabled });
    notice(result, disabled ? t('已停用：', 'Disabled: ') + s.name : t('已启用：', 'Enabled: ') + s.name);
    await showStaff();
  } catch (e) {
    showProblem(result, e);
  }
}

async function resetStaffPassword(s) {
  const result = document.getElementById('staff-actions-result');
  try {
    const reset = await api('POST', '/api/v1/admin/staff/' + encodeURIComponent(s.username) + '/password-reset');
    // shown this once: it is stored hashed only, and its holder must replace it at the next sign-in
    result.replaceChildren(el('div', { class: 'notice ok', role: 'status' },
      el('p', {}, t('已为 ' + s.name + ' 重置密码。临时密码（只显示这一次，请当面或通过安全渠道告知本人）：',
        'The password of ' + s.name + ' is reset. The temporary password (shown this once only: hand it over in person or by a safe channel):')),
      el('p', {}, el('code', { id: 'temporary-password' }, reset.temporaryPassword)),
      el('p', { class: 'small' }, t('本人下次登录时须先设置自己的新密码。', 'At the next sign-in they must choose their own password first.'))));
  } catch (e) {
    showProblem(result, e);
  }
}

