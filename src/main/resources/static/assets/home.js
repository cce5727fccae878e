// Portal home: the matters of the chosen region, grouped by life event for citizens (个人) and
// enterprises (法人), and a search over the catalogue.
import { api, page, el, t, param, count, label } from '/assets/onego.js';
import { THEMES, themeName, matterLink, nationalBadge } from '/assets/portal.js';

const DEFAULT_REGION = '430100'; // 长沙市, where the platform is run

page(async () => {
  const region = param('region') || DEFAULT_REGION;
  await fillRegions(region);
  const form = document.getElementById('search');
  form.addEventListener('submit', event => {
    event.preventDefault();
    search(form.q.value.trim(), form.region.value);
  });
  form.region.addEventListener('change', () => {
    history.replaceState(null, '', '?' + new URLSearchParams({ ...Object.fromEntries(new URLSearchParams(location.search)), region: form.region.value }));
    showThemes(form.region.value, audience());
    if (form.q.value.trim()) search(form.q.value.trim(), form.region.value);
  });
  document.querySelectorAll('#audience button').forEach(button => button.addEventListener('click', () => {
    document.querySelectorAll('#audience button').forEach(b => {
      const on = b === button;
      b.setAttribute('aria-pressed', String(on));
      b.classList.toggle('secondary', !on);
    });
    showThemes(form.region.value, audience());
  }));
  if (param('q')) {
    form.q.value = param('q');
    await search(form.q.value, region);
  }
  await showThemes(region, audience());
});

function audience() {
  return document.querySelector('#audience [aria-pressed="true"]').dataset.audience;
}

/** The prefectures of Hunan and their counties, so that an applicant picks where they live. */
async function fillRegions(chosen) {
  const select = document.getElementById('region');
  const prefectures = await api('GET', '/api/v1/regions?parent=430000');
  const options = prefectures.map(r => el('option', { value: r.code, selected: r.code === chosen }, label({ zh: r.name, en: r.nameEn })));
  if (!prefectures.some(r => r.code === chosen)) {
    const found = await api('GET', '/api/v1/regions/' + encodeURIComponent(chosen)).catch(() => null);
    if (found) options.unshift(el('option', { value: chosen, selected: true }, label({ zh: found.region.name, en: found.region.nameEn })));
  }
  select.replaceChildren(...options);
}

/** Each theme of the audience with its matters; themes without matters are left out. */
async function showThemes(region, who) {
  const target = document.getElementById('themes');
  const matters = await api('GET', '/api/v1/matters?region=' + encodeURIComponent(region));
  const themes = THEMES.filter(theme => !!theme.enterprise === (who === 'enterprise'));
  const sections = themes.map(theme => ({ theme, matters: matters.filter(m => m.theme === theme.code) }))
    .filter(group => group.matters.length);
  const heading = el('h2', {}, who === 'enterprise' ? t('法人办事：企业全生命周期', 'Enterprises: from opening to closing')
    : t('个人办事：人生重要阶段', 'Citizens: life events'));
  if (!sections.length) {
    target.replaceChildren(heading, el('p', { class: 'notice' }, t('该地区暂无此类一件事。', 'No matters of this kind in this region yet.')));
    return;
  }
  target.replaceChildren(heading, el('div', { class: 'grid' }, sections.map(group =>
    el('section', { class: 'card theme', id: 'theme-' + group.theme.code, 'aria-labelledby': 'h-' + group.theme.code },
      el('h3', { id: 'h-' + group.theme.code }, themeName(group.theme.code)),
      el('ul', {}, group.matters.map(m => el('li', {}, matterLink(m, region),
        el('span', { class: 'small muted' }, ' · ' + count(m.items, '个事项', 'item', 'items')), nationalBadge(m))))))));
}

async function search(q, region) {
  const target = document.getElementById('results');
  target.hidden = false;
  if (!q) {
    target.replaceChildren(el('p', { class: 'notice' }, t('请输入要办的事，如“退休”。', 'Type what you need to do, e.g. "retirement".')));
    return;
  }
  const found = await api('GET', '/api/v1/matters?' + new URLSearchParams({ q, region }));
  const heading = el('h2', {}, t('搜索结果', 'Search results'));
  if (!found.length) {
    const close = await api('GET', '/api/v1/matters/suggestions?' + new URLSearchParams({ q, region }));
    target.replaceChildren(heading, el('p', { class: 'notice', id: 'no-results' },
      t('没有找到与“' + q + '”相关的一件事。', 'No matter found for "' + q + '".'),
      close.length ? null : ' ' + t('可以换个说法，或按下面的人生阶段浏览。', 'Try other words, or browse by the stages of life below.')),
      close.length ? el('div', { id: 'suggestions' }, el('p', {}, t('您是不是要找：', 'Did you mean:')),
        el('ul', { class: 'card' }, close.map(m => el('li', {}, matterLink(m, region))))) : null);
    return;
  }
  target.replaceChildren(heading, el('ul', { class: 'card' }, found.map(m => el('li', {}, matterLink(m, region),
    el('span', { class: 'small muted' }, ' · ' + themeName(m.theme) + ' · '
      + count(m.departmentTypes.length, '个部门', 'department')), nationalBadge(m)))));
}

