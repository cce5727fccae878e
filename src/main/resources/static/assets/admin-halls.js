// 大厅管理: the service halls an administrator keeps (a province's administrator all of them, a city's those of the
// city), their windows and the window categories. Every refusal is shown as the API words it, next to its field.
import { api, t, el, label, showProblem, notice, formatTime, regionName } from '/assets/onego.js';

const THEMES = [['BIRTH', '出生', 'Birth'], ['EDUCATION', '教育', 'Education'], ['EMPLOYMENT', '就业', 'Employment'],
  ['MARRIAGE_FAMILY', '婚姻家庭', 'Marriage and family'], ['HOUSING', '住房', 'Housing'], ['TRAVEL', '出行', 'Travel'],
  ['MEDICAL', '医疗', 'Medical care'], ['ASSISTANCE', '救助', 'Assistance'], ['RETIREMENT', '退休', 'Retirement'],
  ['DEATH', '身后事', 'Death'], ['MILITARY', '退役军人', 'Veterans'], ['DISABILITY', '残疾人', 'Disability'],
  ['ENTERPRISE_OPENING', '企业开办', 'Opening a business'], ['ENTERPRISE_CHANGE', '企业变更', 'Changing a business'],
  ['ENTERPRISE_OPERATION', '企业经营', 'Running a business'], ['INVESTMENT_CONSTRUCTION', '投资建设', 'Investment and construction'],
  ['ENTERPRISE_EXIT', '企业注销', 'Closing a business'], ['POLICY_BENEFITS', '惠企政策', 'Business subsidies']];

let categories = [];
let editing = null;

export async function startHalls() {
  const form = document.getElementById('hall-form');
  form.addEventListener('submit', async event => {
    event.preventDefault();
    await saveHall(form);
  });
  form.querySelector('[name=everyCategory]').addEventListener('change', () => showCategoryChoice(form));
  document.getElementById('hall-new').addEventListener('click', () => fillHall(form, null));
  const categoryForm = document.getElementById('category-form');
  categoryForm.addEventListener('submit', async event => {
    event.preventDefault();
    await saveCategory(categoryForm);
  });
  document.getElementById('category-themes').replaceChildren(...THEMES.map(([code, zh, en]) =>
    el('label', { class: 'choice', for: 'theme-' + code },
      el('input', { type: 'checkbox', id: 'theme-' + code, name: 'themes', value: code }), t(zh, en))));
  await showCategories();
  await showHalls();
  fillHall(form, null);
}

function table(id, headings, rows, empty) {
  return el('table', { id },
    el('thead', {}, el('tr', {}, headings.map(h => el('th', { scope: 'col' }, h)))),
    el('tbody', {}, rows.length ? rows.map(cells => el('tr', {}, cells.map(cell => el('td', {}, cell))))
      : el('tr', {}, el('td', { colspan: headings.length }, empty))));
}

const categoryName = code => { const c = categories.find(x => x.code === code); return c ? label(c.name) : t('（未登记的窗口类别）', '(an unlisted window category)'); };
const CHANGES = {
  'hall.CREATED': ['新建大厅', 'Hall added'], 'hall.CHANGED': ['修改大厅', 'Hall changed'], 'hall.CLOSED': ['关闭大厅', 'Hall closed'],
  'hall.REOPENED': ['重新开放大厅', 'Hall reopened'], 'window-category.CREATED': ['新建窗口类别', 'Window category added'],
  'window-category.CHANGED': ['修改窗口类别', 'Window category changed'], SEED: ['导入随系统发布的大厅', 'Halls shipped with the release loaded'],
};
const themeName = code => { const th = THEMES.find(x => x[0] === code); return th ? t(th[1], th[2]) : code; };

async function showHalls() {
  const halls = await api('GET', '/api/v1/admin/halls');
  const places = new Map(await Promise.all([...new Set(halls.map(h => h.region))].map(async code => [code, await regionName(code)])));
  const form = document.getElementById('hall-form');
  document.getElementById('halls').replaceChildren(table('hall-list',
    [t('名称', 'Name'), t('行政区划', 'Region'), t('地址', 'Address'), t('电话', 'Telephone'), t('办公时间', 'Hours'),
      t('受理类别', 'Categories'), t('窗口', 'Windows'), t('状态', 'State'), t('操作', 'Actions')],
    halls.map(h => [t(h.name, h.nameEn || h.name), places.get(h.region), t(h.address, h.addressEn || h.address), h.phone, t(h.hours, h.hoursEn || h.hours),
      h.everyCategory ? t('全部类别', 'Every category') : h.categories.map(categoryName).join(t('、', ', ')),
      String(h.windows.length),
      h.closedAt ? el('span', { class: 'badge red' }, t('已关闭', 'Closed')) : el('span', { class: 'badge green' }, t('开放', 'Open')),
      el('span', {},
        el('button', { type: 'button', class: 'secondary', onclick: () => fillHall(form, h) }, t('修改', 'Edit')), ' ',
        el('button', { type: 'button', class: 'secondary', onclick: () => closeHall(h) },
          h.closedAt ? t('重新开放', 'Reopen') : t('关闭', 'Close')))]),
    t('没有大厅。', 'No hall.')));
  const changes = await api('GET', '/api/v1/admin/halls/changes?limit=20');
  // the audit's own record of a change (its action and the codes it touched) is said as words and names here
  const hallNamed = code => { const h = halls.find(x => x.code === code); return h ? t(h.name, h.nameEn || h.name) : t('（未登记的大厅）', '(an unlisted hall)'); };
  document.getElementById('hall-changes').replaceChildren(table('hall-change-list',
    [t('时间', 'When'), t('操作人', 'By'), t('操作', 'Action'), t('对象', 'What')],
    changes.map(c => [formatTime(c.at), c.actor === 'system' ? t('系统', 'System') : c.actor, CHANGES[c.action] ? t(...CHANGES[c.action]) : t('其他变更', 'Another change'),
      c.action === 'SEED' ? t('全部大厅', 'All halls') : c.action.startsWith('hall.') ? hallNamed(c.target) : categoryName(c.target)]),
    t('暂无变更。', 'No change yet.')));
}

/** The form for a new hall (null) or for changing one; windows one a line: number | name | category codes | closed. */
function fillHall(form, hall) {
  editing = hall;
  form.code.value = hall?.code || '';
  form.code.readOnly = !!hall;
  for (const name of ['name', 'nameEn', 'region', 'address', 'addressEn', 'phone', 'hours', 'hoursEn']) {
    form[name].value = hall?.[name] || '';
  }
  form.everyCategory.checked = hall ? hall.everyCategory : true;
  document.getElementById('hall-categories').replaceChildren(...categories.map(c =>
    el('label', { class: 'choice', for: 'hall-category-' + c.code },
      el('input', { type: 'checkbox', id: 'hall-category-' + c.code, name: 'categories', value: c.code,
        checked: !!hall && hall.categories.includes(c.code) }), label(c.name))));
  form.windows.value = (hall?.windows || []).map(w => [w.number, w.name, w.categories.join(','), w.open ? '' : t('关闭', 'closed')]
    .join(' | ').replace(/ \| $/, '')).join('\n');
  document.getElementById('hall-form-title').textContent = hall ? t('修改大厅：', 'Change the hall: ') + hall.name : t('新增大厅', 'Add a hall');
  showCategoryChoice(form);
}

function showCategoryChoice(form) {
  document.getElementById('hall-categories').hidden = form.everyCategory.checked;
}

function windows(text) {
  return text.split('\n').map(line => line.trim()).filter(Boolean).map(line => {
    const [number, name, codes, closed] = line.split('|').map(part => part.trim());
    return { number, name, categories: codes ? codes.split(/[,，、\s]+/).filter(Boolean) : [], open: !closed };
  });
}

async function saveHall(form) {
  const result = document.getElementById('hall-result');
  const body = {
    code: form.code.value.trim(), name: form.name.value, nameEn: form.nameEn.value || null, region: form.region.value.trim(),
    address: form.address.value, addressEn: form.addressEn.value || null, phone: form.phone.value.trim(), hours: form.hours.value,
    hoursEn: form.hoursEn.value || null, everyCategory: form.everyCategory.checked,
    categories: [...form.querySelectorAll('input[name=categories]:checked')].map(box => box.value),
    windows: windows(form.windows.value), version: editing ? editing.version : null,
  };
  try {
    const hall = editing ? await api('PUT', '/api/v1/admin/halls/' + encodeURIComponent(editing.code), body)
      : await api('POST', '/api/v1/admin/halls', body);
    notice(result, t('已保存：', 'Saved: ') + hall.name);
    await showHalls();
    fillHall(form, hall);
  } catch (e) {
    showProblem(result, e, form);
  }
}

async function closeHall(hall) {
  const result = document.getElementById('hall-result');
  try {
    const changed = await api('PUT', '/api/v1/admin/halls/' + encodeURIComponent(hall.code) + '/closed',
      { closed: !hall.closedAt, version: hall.version });
    notice(result, (changed.closedAt ? t('已关闭（原有办件仍由该大厅办理，新办件分往其他大厅）：', 'Closed (its cases stay; new ones go elsewhere): ')
      : t('已重新开放：', 'Reopened: ')) + changed.name);
    await showHalls();
  } catch (e) {
    showProblem(result, e);
  }
}

async function showCategories() {
  categories = await api('GET', '/api/v1/window-categories');
  const form = document.getElementById('category-form');
  document.getElementById('categories').replaceChildren(table('category-list',
    [t('类别', 'Category'), t('受理的一件事主题', 'Matter themes'), t('操作', 'Actions')],
    categories.map(c => [label(c.name), c.themes.map(themeName).join(t('、', ', ')),
      el('button', { type: 'button', class: 'secondary', onclick: () => fillCategory(form, c) }, t('修改', 'Edit'))]),
    t('没有窗口类别。', 'No window category.')));
}

let editingCategory = null;

function fillCategory(form, category) {
  editingCategory = category;
  form.code.value = category?.code || '';
  form.code.readOnly = !!category;
  form.name.value = category?.name.zh || '';
  form.nameEn.value = category?.name.en || '';
  form.querySelectorAll('input[name=themes]').forEach(box => { box.checked = !!category && category.themes.includes(box.value); });
}

async function saveCategory(form) {
  const result = document.getElementById('category-result');
  const body = {
    code: form.code.value.trim(), name: form.name.value, nameEn: form.nameEn.value || null,
    themes: [...form.querySelectorAll('input[name=themes]:checked')].map(box => box.value),
    version: editingCategory ? editingCategory.version : null,
  };
  try {
    const saved = editingCategory ? await api('PUT', '/api/v1/admin/window-categories/' + encodeURIComponent(editingCategory.code), body)
      : await api('POST', '/api/v1/admin/window-categories', body);
    notice(result, t('已保存：', 'Saved: ') + label(saved.name));
    await showCategories();
    fillCategory(form, null);
    fillHall(document.getElementById('hall-form'), editing);
  } catch (e) {
    showProblem(result, e, form);
  }
}
