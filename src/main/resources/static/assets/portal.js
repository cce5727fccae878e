// The citizen and enterprise portal: words and pieces shared by its pages (home, matter, apply, my, case).
// Everything shown comes from the API; only the names of the API's fixed codes (themes, registries,
// resolution sources) are spelt out here, because the API answers them as codes.

import { el, t, label, asOfDay } from '/assets/onego.js';

const KIOSK_KEY = 'onego.kiosk';

/**
 * Whether the page runs on a service hall's self-service kiosk: opened once with ?kiosk, remembered for
 * the session. A kiosk gets larger targets (.kiosk in onego.css) and submits through the KIOSK channel.
 */
export function kiosk() {
  if (new URLSearchParams(location.search).has('kiosk')) sessionStorage.setItem(KIOSK_KEY, 'true');
  return sessionStorage.getItem(KIOSK_KEY) === 'true';
}

if (kiosk()) document.body.classList.add('kiosk');

/** Life-cycle themes in the order a life (or an enterprise) runs through them. */
export const THEMES = [
  { code: 'BIRTH', zh: '出生', en: 'Birth' },
  { code: 'EDUCATION', zh: '上学', en: 'Education' },
  { code: 'EMPLOYMENT', zh: '就业', en: 'Employment' },
  { code: 'MARRIAGE_FAMILY', zh: '婚育', en: 'Marriage and family' },
  { code: 'HOUSING', zh: '住房', en: 'Housing' },
  { code: 'TRAVEL', zh: '出行', en: 'Travel' },
  { code: 'MEDICAL', zh: '就医', en: 'Medical care' },
  { code: 'ASSISTANCE', zh: '救助', en: 'Assistance' },
  { code: 'RETIREMENT', zh: '退休', en: 'Retirement' },
  { code: 'DEATH', zh: '身后', en: 'After a death' },
  { code: 'MILITARY', zh: '退役', en: 'Veterans' },
  { code: 'DISABILITY', zh: '残疾人', en: 'Disability' },
  { code: 'ENTERPRISE_OPENING', zh: '开办', en: 'Opening', enterprise: true },
  { code: 'ENTERPRISE_CHANGE', zh: '变更', en: 'Changes', enterprise: true },
  { code: 'ENTERPRISE_OPERATION', zh: '经营', en: 'Operation', enterprise: true },
  { code: 'INVESTMENT_CONSTRUCTION', zh: '投资建设', en: 'Investment and construction', enterprise: true },
  { code: 'ENTERPRISE_EXIT', zh: '注销', en: 'Closing down', enterprise: true },
  { code: 'POLICY_BENEFITS', zh: '惠企政策', en: 'Policy benefits', enterprise: true },
];

export function themeName(code) {
  const theme = THEMES.find(x => x.code === code);
  return theme ? t(theme.zh, theme.en) : code;
}

const REGISTRIES = {
  POPULATION: ['人口库', 'Population registry'], ENTERPRISE: ['法人库', 'Enterprise registry'],
  PROPERTY: ['不动产登记库', 'Property registry'], SOCIAL_SECURITY: ['社会保险库', 'Social security registry'],
  MEDICAL_INSURANCE: ['医疗保障库', 'Medical insurance registry'], CIVIL_AFFAIRS: ['民政库', 'Civil affairs registry'],
  HOUSING_FUND: ['住房公积金库', 'Housing fund registry'], TAX: ['税务库', 'Tax registry'],
  EDUCATION: ['教育库', 'Education registry'], HEALTH: ['卫生健康库', 'Health registry'],
  CREDIT: ['信用库', 'Credit registry'], DISABILITY: ['残联库', 'Disability registry'],
  VETERANS: ['退役军人库', 'Veterans registry'], GEOGRAPHY: ['地理信息库', 'Geographic registry'],
};

export function registryName(code) {
  const words = REGISTRIES[code];
  return words ? t(words[0], words[1]) : code;
}

const SOURCES = {
  EXEMPT_BY_LAW: ['依法免交', 'Exempt by law'], MERGED_FORM: ['一表替代', 'Replaced by the form'],
  EARLIER_ITEM: ['前置事项产生', 'From an earlier item'], E_LICENCE: ['电子证照', 'E-licence'],
  REGISTRY: ['共享数据', 'Shared data'], COMMITMENT: ['告知承诺', 'Commitment'], UPLOAD: ['需上传', 'Upload'],
};

/** How a material is resolved, as a badge: spared ones green, the ones to hand in marked. */
export function sourceBadge(source) {
  const words = SOURCES[source] || [source, source];
  return el('span', { class: 'badge ' + (source === 'UPLOAD' ? 'state' : 'green') }, t(words[0], words[1]));
}

const FIGURES = [
  // English needs no unit after "Materials 5 → 2", except the days
  { key: 'materials', zh: '材料', en: 'Materials', unit: ['份', '', ''] },
  { key: 'formFields', zh: '填报字段', en: 'Form fields', unit: ['项', '', ''] },
  { key: 'steps', zh: '环节', en: 'Steps', unit: ['个', '', ''] },
  { key: 'workingDays', zh: '时限（承诺）', en: 'Time limit (promised)', unit: ['个工作日', ' working day', ' working days'] },
  { key: 'trips', zh: '跑动次数', en: 'Trips', unit: ['次', '', ''] },
];

/** The reduction metrics as "was → now" figures with the reduction in per cent. */
export function reductionFigures(metrics) {
  return el('div', { class: 'figures', id: 'figures' }, FIGURES.map(f => {
    const unit = t(f.unit[0], metrics.after[f.key] === 1 ? f.unit[1] : f.unit[2]);
    return el('div', { class: 'figure', dataset: { figure: f.key } },
      el('div', { class: 'small muted' }, t(f.zh, f.en)),
      el('div', {},
        el('span', { class: 'was', 'aria-label': t('原', 'was') + ' ' + metrics.before[f.key] }, metrics.before[f.key]),
        el('span', { 'aria-hidden': 'true' }, ' → '),
        el('span', { class: 'value' }, metrics.after[f.key]), el('span', { class: 'small' }, unit)),
      el('div', { class: 'small' }, t('减少 ', 'less ') + metrics.reduction[f.key] + '%'), ...figureNotes(f.key, metrics));
  }), measuredFigures(metrics.measured));
}

/**
 * What a figure's "was" means and what this deployment really gives: the days were counted from the items' promised
 * limits, and also from their legal limits; the materials assume every registry connected, and also what the
 * registries connected here remove.
 */
function figureNotes(key, metrics) {
  const days = metrics.workingDaysBefore;
  if (key === 'workingDays' && days) {
    return [el('div', { class: 'small muted', dataset: { before: 'promised' } }, t('原值按承诺时限相加', 'was: promised limits added up')),
      el('div', { class: 'small', dataset: { before: 'legal' } }, t('按法定时限：' + days.legal + ' → ' + days.after + '，减少 '
        + days.reductionFromLegal + '%', 'By legal limits: ' + days.legal + ' → ' + days.after + ', less ' + days.reductionFromLegal + '%'))];
  }
  const reach = metrics.registries;
  if (key === 'materials' && reach && reach.configured !== reach.allConnected) {
    return [el('div', { class: 'small', dataset: { materials: 'deployment' } }, t('按本地已接入的共享库：' + reach.configured + ' 份',
      "With this site's connected registries: " + reach.configured))];
  }
  return [];
}

/** What issued cases really took, when there are any. */
function measuredFigures(m) {
  if (!m) return [];
  return [el('div', { class: 'figure measured', dataset: { figure: 'measured' } },
    el('div', { class: 'small muted' }, t('实际办结 ' + m.cases + ' 件（近一年）', 'Measured over ' + m.cases + (m.cases === 1 ? ' issued case' : ' issued cases') + ' (last year)')),
    m.asOf ? el('div', { class: 'small muted', dataset: { measured: 'as-of' } }, asOfDay(m.asOf)) : null,
    el('div', { class: 'small' }, t('用时中位数 ' + m.workingDaysMedian + ' 个工作日', 'Median ' + m.workingDaysMedian + ' working days')),
    el('div', { class: 'small' }, t('平均跑动 ' + m.tripsMean + ' 次', 'Trips ' + m.tripsMean + ' on average')),
    m.materialsUploadedMean == null ? null : el('div', { class: 'small' },
      t('平均上传材料 ' + m.materialsUploadedMean + ' 份', 'Materials uploaded ' + m.materialsUploadedMean + ' on average')))];
}

/** A link to a matter's page, keeping the chosen region. */
export function matterLink(matter, region) {
  const query = new URLSearchParams({ code: matter.code });
  if (region) query.set('region', region);
  return el('a', { href: '/matter.html?' + query, class: 'matter-link' }, label(matter.name));
}

/** "国家重点事项 · 2024年第一批" beside a matter on the State Council's "高效办成一件事" lists; nothing otherwise. */
export function nationalBadge(matter) {
  if (!matter.nationalBatch) return null;
  const [year, number] = matter.nationalBatch.split('-');
  const ordinal = '一二三四五六七八九'[Number(number) - 1] || number;
  return el('span', { class: 'badge state national-badge', title: t('国务院“高效办成一件事”重点事项清单', "On the State Council's list of key matters") },
    t('国家重点事项 · ' + year + '年第' + ordinal + '批', 'National key matter · ' + year + ', batch ' + number));
}

/** A random key that makes a retried submission answer the same application. */
export function idempotencyKey() {
  return crypto.randomUUID ? crypto.randomUUID() : String(Date.now()) + Math.random().toString(16).slice(2);
}

/** Replaces the target's content; unlike replaceChildren it leaves out absent parts (null, false). */
export function fill(target, ...children) {
  target.replaceChildren(...children.flat().filter(child => child != null && child !== false));
}
