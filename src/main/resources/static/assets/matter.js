// A matter (一件事): what it bundles, who decides, what to bring, how long it takes, and what applying
// once saves compared with applying for each item separately.
import { api, page, el, t, label, param, showProblem, workingDays, count } from '/assets/onego.js';
import { themeName, registryName, reductionFigures, fill, nationalBadge } from '/assets/portal.js';
import { showGuide } from '/assets/matter-guide.js';

page(async () => {
  const code = param('code');
  const target = document.getElementById('matter');
  if (!code) {
    target.replaceChildren(el('p', { class: 'notice error', role: 'alert' }, t('未指定一件事。', 'No matter given.')));
    return;
  }
  const [matter, metrics] = await Promise.all([
    api('GET', '/api/v1/matters/' + encodeURIComponent(code)),
    api('GET', '/api/v1/matters/' + encodeURIComponent(code) + '/metrics'),
  ]);
  document.title = label(matter.summary.name) + ' · ' + t('一件事一次办', 'OneGo');
  const apply = new URLSearchParams({ matter: code });
  if (param('region')) apply.set('region', param('region'));
  fill(target, 
    el('h1', {}, label(matter.summary.name)),
    el('p', { class: 'muted' }, themeName(matter.summary.theme), ' · ',
      matter.summary.applicantType === 'ENTERPRISE' ? t('法人', 'Enterprises') : t('个人', 'Citizens'),
      matter.summary.leadDepartmentType ? ' · ' + t('牵头部门：', 'Lead department: ') + label(matter.summary.leadDepartmentType.name) : '',
      matter.summary.nationalBatch ? ' ' : '', nationalBadge(matter.summary)),
    el('p', {}, label(matter.description)),
    el('div', { class: 'actions' }, el('a', { class: 'button', id: 'apply', href: '/apply.html?' + apply }, t('开始办理', 'Apply'))),
    el('h2', {}, t('一次办省了什么', 'What applying once saves')),
    el('p', { class: 'small muted' }, t('与逐项分别申请相比（按默认情形计算）：原 → 现', 'Compared with applying for each item separately (default answers): was → now')),
    reductionFigures(metrics),
    el('h2', {}, t('包含的事项', 'Items bundled')),
    itemsTable(matter.items),
    el('h2', {}, t('涉及部门', 'Departments')),
    el('ul', { id: 'departments' }, matter.summary.departmentTypes.map(d => el('li', {}, label(d.name)))),
    el('h2', {}, t('可能需要的材料', 'Materials that may be needed')),
    el('p', { class: 'small muted' }, t('实际需要提交的材料取决于您的情形；政府已掌握的材料在授权后免于提交。',
      'What you hand in depends on your answers; what the government already holds is spared once you consent.')),
    materialsList(matter.materials),
    matter.assumption ? el('p', { class: 'small muted' }, t('说明：', 'Note: ') + matter.assumption) : null,
    el('section', { id: 'guide-section' }, el('h2', {}, t('办事指南', 'Service guide')),
      el('div', { id: 'guide', 'aria-live': 'polite' }, el('p', { class: 'muted' }, t('正在载入…', 'Loading…')))));
  const guide = document.getElementById('guide');
  await showGuide(guide, code, param('region')).catch(e => showProblem(guide, e));
});

function itemsTable(items) {
  return el('div', { class: 'table-scroll' }, el('table', { id: 'items' },
    el('thead', {}, el('tr', {},
      el('th', { scope: 'col' }, t('事项', 'Item')), el('th', { scope: 'col' }, t('部门', 'Department')),
      el('th', { scope: 'col', class: 'num hide-narrow' }, t('法定时限', 'Legal limit')),
      el('th', { scope: 'col', class: 'num' }, t('承诺时限', 'Promised limit')),
      el('th', { scope: 'col' }, t('说明', 'Notes')))),
    el('tbody', {}, items.map(item => el('tr', {},
      el('td', {}, label(item.name)),
      el('td', {}, label(item.departmentType.name)),
      el('td', { class: 'num hide-narrow' }, workingDays(item.legalLimit)),
      el('td', { class: 'num' }, item.instant ? t('即办', 'on the spot') : workingDays(item.promisedLimit)),
      el('td', {}, [
        item.mandatory ? t('必办', 'always') : item.included ? t('默认包含，可按情形调整', 'included by default') : t('按情形办理', 'depending on your answers'),
        item.commitmentAllowed ? t('；可告知承诺', '; commitment possible') : '',
      ].join('')))))));
}

function materialsList(materials) {
  return el('ul', { id: 'materials' }, materials.map(m => el('li', {}, label(m.name),
    m.licenceType ? el('span', { class: 'small muted' }, t('（可用电子证照）', ' (e-licence accepted)')) : null,
    !m.licenceType && m.registry ? el('span', { class: 'small muted' }, t('（可由' + registryName(m.registry) + '获取）', ' (obtainable from the ' + registryName(m.registry) + ')')) : null)));
}
