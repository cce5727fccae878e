// 政务数据资源目录: the public catalogue of shared resources — search by text, provider, sharing class and data
// item, paged. Names and sentences only: no codes of resources, departments or data elements are shown.
import { api, el, t, label, page, showProblem, english, count } from '/assets/onego.js';

const SIZE = 10;

export const SHARING = {
  UNCONDITIONAL: ['无条件共享', 'Shared unconditionally'],
  CONDITIONAL: ['有条件共享', 'Shared on conditions'],
  NOT_SHARED: ['不予共享', 'Not shared'],
};

export const SHARING_MEANS = {
  UNCONDITIONAL: ['各部门依职责可直接使用。', 'Any department may use it for its duties.'],
  CONDITIONAL: ['部门须说明用途和依据提出申请，经提供部门同意后方可使用。', 'A department asks with purpose and legal basis; it may use the data once the provider approves.'],
  NOT_SHARED: ['不向其他部门提供，需要时由申请人自行提交。', 'Not given to other departments; where needed the applicant provides it.'],
};

export const FREQUENCY = {
  REAL_TIME: ['实时', 'Real time'], DAILY: ['每日', 'Daily'], WEEKLY: ['每周', 'Weekly'], MONTHLY: ['每月', 'Monthly'],
  QUARTERLY: ['每季度', 'Quarterly'], YEARLY: ['每年', 'Yearly'],
};

export const words = (table, key) => table[key] ? t(table[key][0], table[key][1]) : '';

let current = 0;

async function start() {
  const all = await api('GET', '/api/v1/shared-resources?size=100');
  const providers = new Map(all.items.map(r => [r.provider, label(r.providerLabel) || r.providerName]));
  const elements = new Map(all.items.flatMap(r => r.elements).map(e => [e.code, e.label]));
  const any = el('option', { value: '' }, t('全部', 'All'));
  document.getElementById('provider').replaceChildren(any.cloneNode(true),
    ...[...providers].sort((a, b) => a[1].localeCompare(b[1], english() ? 'en' : 'zh')).map(([code, name]) => el('option', { value: code }, name)));
  document.getElementById('sharing').replaceChildren(any.cloneNode(true),
    ...Object.keys(SHARING).map(key => el('option', { value: key }, words(SHARING, key))));
  document.getElementById('element').replaceChildren(any.cloneNode(true),
    ...[...elements].sort((a, b) => label(a[1]).localeCompare(label(b[1]), 'zh')).map(([code, l]) => el('option', { value: code }, label(l))));
  document.getElementById('search').addEventListener('submit', event => {
    event.preventDefault();
    show(0);
  });
  await show(0);
}

async function show(pageNumber) {
  const form = document.getElementById('search');
  const query = new URLSearchParams({ page: pageNumber, size: SIZE });
  for (const name of ['q', 'provider', 'sharing', 'element']) {
    const value = form.elements[name].value.trim();
    if (value) query.set(name, value);
  }
  const message = document.getElementById('message');
  let found;
  try {
    found = await api('GET', '/api/v1/shared-resources?' + query);
  } catch (e) {
    showProblem(message, e, form);
    return;
  }
  message.replaceChildren();
  current = pageNumber;
  document.getElementById('count').textContent = t('共 ' + found.total + ' 项资源', count(found.total, '', 'resource'));
  document.getElementById('results').replaceChildren(...(found.items.length
    ? found.items.map(resource)
    : [el('p', { class: 'muted' }, t('没有符合条件的资源。', 'No resource matches.'))]));
  const pages = Math.ceil(found.total / SIZE);
  document.getElementById('pages').replaceChildren(
    el('button', { type: 'button', class: 'secondary', disabled: current === 0, onclick: () => show(current - 1) }, t('上一页', 'Previous')),
    el('span', { class: 'muted' }, t('第 ' + (current + 1) + ' / ' + Math.max(pages, 1) + ' 页', 'Page ' + (current + 1) + ' of ' + Math.max(pages, 1))),
    el('button', { type: 'button', class: 'secondary', disabled: current + 1 >= pages, onclick: () => show(current + 1) }, t('下一页', 'Next')));
}

function resource(r) {
  return el('article', { class: 'card resource', dataset: { resource: r.code } },
    el('h2', {}, label(r.name), ' ', el('span', { class: 'badge ' + r.sharing.toLowerCase() }, words(SHARING, r.sharing))),
    el('p', {}, label(r.description)),
    el('dl', { class: 'facts' },
      el('dt', {}, t('提供部门', 'Provider')), el('dd', {}, label(r.providerLabel) || r.providerName),
      el('dt', {}, t('更新周期', 'Updated')), el('dd', {}, words(FREQUENCY, r.frequency)),
      el('dt', {}, t('共享方式', 'How it is shared')), el('dd', {}, words(SHARING_MEANS, r.sharing)),
      r.condition ? [el('dt', {}, t('共享条件', 'Condition')), el('dd', {}, label(r.condition))] : null,
      el('dt', {}, t('数据项', 'Data items')), el('dd', {}, r.elements.map(e => label(e.label)).join('、'))),
    r.assumption ? el('p', { class: 'muted small' }, t('注：本条目的提供部门、共享属性或更新周期为示例设定，以本省正式发布的目录为准。',
      'Note: the provider, sharing class or update frequency of this entry are examples; the province\'s published catalogue prevails.')) : null);
}

if (document.getElementById('results')) {
  page(start);
}
