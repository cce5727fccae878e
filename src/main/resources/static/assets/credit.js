// The applicant's own credit: their listings (失信记录) in sentences, an appeal for each that may be appealed, and
// how to repair their credit (信用修复), step by step. No codes, no staff names: what happened, when, and why.
import { api, page, el, t, label, param, requireUser, formatDate, formatTime, showProblem, notice, typed } from '/assets/onego.js';
import { subjectChoice, withSubject } from '/assets/transparency.js';

// the person's own records, or (with ?subject=its credit code) those of an enterprise they represent
const subject = param('subject');
const mine = () => api('GET', withSubject('/api/v1/my/credit', subject));

const STATE = {
  ACTIVE: ['正在生效：办事时不能使用容缺受理和告知承诺制。', 'In effect: you cannot use acceptance with gaps or on commitment.'],
  UNDER_APPEAL: ['正在处理您的申诉；处理完毕前，记录仍然有效。', 'Your appeal is being decided; until then the record stays in effect.'],
  LIFTED: ['已移出，不再影响办事。', 'Lifted: it no longer affects your applications.'],
  EXPIRED: ['有效期已满，已自动失效。', 'Its period has ended: it no longer has effect.'],
};

const STEP = {
  LISTED: ['列入失信记录', 'Listed'],
  APPEAL: ['您提出了申诉', 'You appealed'],
  DISMISS_APPEAL: ['申诉不成立，记录继续有效', 'Appeal dismissed: the record stays in effect'],
  GRANT_APPEAL: ['申诉成立，记录已移出', 'Appeal granted: the record was lifted'],
  LIFT: ['信用修复完成，记录已移出', 'Credit repaired: the record was lifted'],
};

const REPAIR = [
  ['纠正失信行为：按办件的要求补交真实材料、履行您作出的承诺，或把核查发现的问题整改到位。',
    'Put right what was wrong: hand in true materials, keep the commitment you made, or correct what the check found.'],
  ['作出信用承诺：书面承诺今后如实提交材料、诚信申报。承诺书可在办件所在地政务服务大厅的综合窗口领取和签署。',
    'Give a written credit commitment that you will submit true materials from now on; the window of the service hall where your case was handled has the form.'],
  ['提出修复申请：带上身份证件、整改证明和信用承诺书，到记录的“列入地区”的政务服务大厅信用窗口申请信用修复。',
    'Apply for repair: bring your ID, the proof of correction and the commitment to the credit window of the service hall of the region the record was listed in.'],
  ['等待核实：信用管理员核实后将记录移出。移出后，您办事时即可重新使用容缺受理和告知承诺制。',
    'Wait for the check: a credit administrator lifts the record once it is verified; you can then use acceptance with gaps and on commitment again.'],
  ['认为记录有误：可在本页对该记录提出申诉，写明事实和理由。申诉处理期间记录仍然有效，处理结果会显示在本页。',
    'If you think the record is wrong, appeal it on this page, stating the facts and your reasons; it stays in effect while the appeal is decided, and the decision appears here.'],
  ['期满自动失效：有期限的记录在有效期届满后自动失效，无需申请。',
    'A record with an end date stops having effect by itself when its period ends; nothing to apply for.'],
];

page(async () => {
  await requireUser('APPLICANT');
  subjectChoice(document.getElementById('subject-choice'), subject);
  document.getElementById('repair').replaceChildren(...REPAIR.map(([zh, en]) => el('li', {}, t(zh, en))));
  await show(await mine());
});

const regionNames = new Map();

/** The region's name (where to apply for repair), from the public catalogue; empty when it cannot be read. */
function regionName(code) {
  if (!regionNames.has(code)) {
    regionNames.set(code, api('GET', '/api/v1/regions/' + encodeURIComponent(code)).then(d => label({ zh: d.region.name, en: d.region.nameEn })).catch(() => ''));
  }
  return regionNames.get(code);
}

async function show(listings) {
  const target = document.getElementById('listings');
  if (!listings.length) {
    target.replaceChildren(el('p', { class: 'notice ok' }, subject
      ? t('该企业没有失信记录，可以正常使用容缺受理和告知承诺制。', 'The enterprise has no credit record: acceptance with gaps and on commitment are open to it.')
      : t('您没有失信记录，可以正常使用容缺受理和告知承诺制。', 'You have no credit record: acceptance with gaps and on commitment are open to you.')));
    return;
  }
  const names = await Promise.all(listings.map(l => regionName(l.region)));
  target.replaceChildren(...listings.map((l, i) => listing(l, names[i])));
}

function listing(l, region) {
  const words = STATE[l.state] || STATE.ACTIVE;
  const box = el('div', { class: 'status' });
  return el('article', { class: 'card', dataset: { listing: l.id, inEffect: String(l.inEffect) } },
    el('p', {}, el('span', { class: 'badge ' + (l.inEffect ? 'red' : 'green') }, l.inEffect ? t('有效', 'In effect') : t('已失效', 'No effect')),
      ' ', t(words[0], words[1])),
    el('dl', {},
      el('dt', {}, t('列入理由', 'Reason')), el('dd', {}, typed(l.reason)),
      el('dt', {}, t('依据办件', 'Evidence case')), el('dd', {}, l.evidenceNumber),
      region ? el('dt', {}, t('列入地区（向该地区申请信用修复）', 'Listed in (apply for repair there)')) : null,
      region ? el('dd', {}, region) : null,
      el('dt', {}, t('列入日期', 'Listed on')), el('dd', {}, formatDate(l.listedOn)),
      el('dt', {}, t('有效期至', 'In effect until')), el('dd', {}, l.until ? formatDate(l.until) : t('长期', 'For life'))),
    el('h3', {}, t('记录经过', 'What happened')),
    el('ol', { class: 'history' }, l.history.map(s => {
      const step = STEP[s.action] || STEP.LISTED;
      return el('li', {}, formatTime(s.at), ' ', t(step[0], step[1]), s.detail ? t('：', ': ') + s.detail : '');
    })),
    l.mayAppeal ? appealForm(l, box) : null,
    box);
}

function appealForm(l, box) {
  const form = el('form', { class: 'appeal', onsubmit: async event => {
    event.preventDefault();
    try {
      await api('POST', withSubject('/api/v1/my/credit/' + l.id + '/appeal', subject), { statement: form.elements.statement.value });
      notice(box, t('申诉已提交，处理结果会显示在本页。', 'Your appeal was submitted; the decision will appear on this page.'));
      await show(await mine());
    } catch (e) {
      showProblem(box, e, form);
    }
  } },
  el('label', { for: 'statement-' + l.id }, t('对该记录有异议？写明事实和理由后提出申诉：', 'Disagree with this record? State the facts and your reasons to appeal:')),
  el('textarea', { id: 'statement-' + l.id, name: 'statement', rows: 3, maxlength: 1000, required: true }),
  el('button', { type: 'submit' }, t('提出申诉', 'Appeal')));
  return form;
}
