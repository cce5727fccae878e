// 办事指南: a matter's guide as the page shows it — each item's department, limits, fee and its basis, legal basis
// and materials; the situations; the halls with address, hours and telephone; the channels — printable on its
// own, and downloadable as the PDF the server draws (in Chinese).
import { api, el, t, label, count } from '/assets/onego.js';

/** The guide of the matter into target; with a region, that region's departments and halls. */
export async function showGuide(target, code, region) {
  const query = region ? '?region=' + encodeURIComponent(region) : '';
  const base = '/api/v1/matters/' + encodeURIComponent(code) + '/guide';
  const g = await api('GET', base + query);
  const row = (zh, en, value) => value == null || value === '' ? null
    : [el('dt', {}, t(zh, en)), el('dd', {}, value)];
  // el() flattens the optional parts and skips the absent ones (replaceChildren would print them)
  target.replaceChildren(el('div', {},
    el('div', { class: 'actions' },
      el('button', { type: 'button', id: 'print-guide', class: 'secondary', onclick: printGuide }, t('打印办事指南', 'Print the guide')),
      el('a', { class: 'button secondary', id: 'guide-pdf', href: base + '.pdf' + query, download: '' },
        t('下载PDF（中文）', 'Download the PDF (in Chinese)'))),
    el('h3', { class: 'print-only' }, t('办事指南：', 'Service guide: '), label(g.name)),
    el('dl', { class: 'facts', id: 'guide-basics' },
      row('适用对象', 'Who applies', label(g.applicants)),
      row('牵头部门', 'Lead department', g.leadDepartment ? label(g.leadDepartment) : null),
      row('办理地区', 'Region', g.region ? label(g.region) : null),
      row('办理渠道', 'How to apply', el('ul', { id: 'guide-channels' }, g.channels.map(c => el('li', {}, label(c))))),
      row('结果送达', 'Results', el('ul', {}, g.deliveries.map(d => el('li', {}, label(d)))))),
    el('h3', {}, t('办理事项', 'Items')),
    el('div', { id: 'guide-items' }, g.items.map((item, i) => itemCard(item, i + 1))),
    g.situations.length ? [el('h3', {}, t('办理情形', 'Situations')),
      el('p', { class: 'small muted' }, t('您的回答决定需要办理的事项和提交的材料。', 'Your answers decide which items apply and what to hand in.')),
      el('ul', { id: 'guide-situations' }, g.situations.map(s => el('li', {}, label(s.question), '：',
        s.answers.map(a => label(a)).join(t('／', ' / ')))))] : null,
    el('h3', {}, t('办理地点和时间', 'Where and when')),
    g.halls.length ? el('ul', { id: 'guide-halls' }, g.halls.map(h => el('li', {},
      el('strong', {}, label(h.name)),
      h.address ? el('div', { class: 'small' }, t('地址：', 'Address: '), label(h.address)) : null,
      h.hours ? el('div', { class: 'small' }, t('办公时间：', 'Hours: '), label(h.hours)) : null,
      h.phone ? el('div', { class: 'small' }, t('咨询电话：', 'Telephone: '), h.phone) : null)))
      : el('p', { class: 'muted' }, t('请咨询当地政务服务中心。', 'Ask your local government service centre.')),
    el('p', { class: 'small muted' }, t('本指南根据事项目录第 ' + g.catalogueVersion + ' 版生成，以受理时的规定为准。',
      'Made from version ' + g.catalogueVersion + ' of the catalogue; the rules in force at acceptance apply.'))));
}

function itemCard(item, n) {
  return el('section', { class: 'card guide-item' },
    el('h4', {}, n + '. ', label(item.name), el('span', { class: 'small muted' }, ' · ', label(item.handled))),
    el('dl', { class: 'facts' },
      el('dt', {}, t('实施部门', 'Department')), el('dd', {}, label(item.department)),
      el('dt', {}, t('办结时限', 'Time limit')), el('dd', {},
        item.legalLimit === 0 ? t('法定即办', 'By law on the spot')
          : t('法定 ' + item.legalLimit + ' 个工作日', 'By law ' + count(item.legalLimit, '', 'working day')),
        t('，承诺', '; promised ') + (item.instant || item.promisedLimit === 0 ? t('即办', 'on the spot')
          : count(item.promisedLimit, '个工作日', 'working day'))),
      el('dt', {}, t('收费', 'Fee')), el('dd', { class: 'guide-fee' }, label(item.fee.text),
        item.fee.basis ? el('div', { class: 'small' }, t('收费依据：', 'Basis (in Chinese): '), el('span', { lang: 'zh-CN' }, item.fee.basis)) : null),
      // the legal basis is cited as the law reads, in Chinese
      item.legalBasis ? [el('dt', {}, t('设定依据', 'Legal basis')), el('dd', { class: 'small', lang: 'zh-CN' }, item.legalBasis)] : null,
      item.result ? [el('dt', {}, t('办理结果', 'Result')), el('dd', {}, label(item.result))] : null),
    item.materials.length ? el('div', { class: 'table-scroll' }, el('table', { class: 'guide-materials' },
      el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, t('材料', 'Material')), el('th', { scope: 'col' }, t('份数', 'Copies')),
        el('th', { scope: 'col' }, t('来源', 'Source')), el('th', { scope: 'col', class: 'hide-narrow' }, t('说明', 'Notes')))),
      el('tbody', {}, item.materials.map(m => el('tr', {},
        el('td', {}, label(m.name), m.issuer ? el('div', { class: 'small muted' }, t('出具：', 'Issued by: '), label(m.issuer)) : null),
        el('td', {}, label(m.form)),
        el('td', {}, label(m.source)),
        el('td', { class: 'hide-narrow small' }, [
          m.required ? t('必交', 'Required') : t('按情形提交', 'Depending on your answers'),
          m.gapAllowed ? t('；可容缺受理', '; may follow after acceptance') : '',
          m.commitmentAllowed ? t('；可告知承诺', '; a commitment may replace it') : '',
          m.exemptByLaw ? t('；依法免交：', '; exempt by law: ') + m.exemptByLaw : '',
        ].join(''), m.sample && /^(https:\/\/|\/)/.test(m.sample) ? el('a', { href: m.sample, target: '_blank', rel: 'noopener' }, t(' 样本', ' Sample')) : null)))))) : null);
}

/** Prints the guide alone: the page's print style hides everything else while this class is on the body. */
function printGuide() {
  document.body.classList.add('print-guide');
  addEventListener('afterprint', () => document.body.classList.remove('print-guide'), { once: true });
  print();
}
