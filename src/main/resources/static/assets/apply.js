// Applying once for a matter, in four steps: 1 the situation (the guided questions with their live
// consequences, where to apply and — signed in — consent to reading shared data), 2 the one merged form,
// 3 the materials and commitments, 4 consent and submission, where the way of receiving the result and the hall
// to hand in and collect at (异地收件) are asked once. Every "next" saves the draft; a draft reopened resumes at
// the step it was left at. Nothing the government or the questions already know is asked again: it is shown,
// read-only, with where it came from.
// The server decides everything (items, form, materials, validity); this page shows its answers.
import { api, page, el, t, label, param, hasRole, notice, formatTime, formatDate, ApiError, today, shiftDay, workingDays, count } from '/assets/onego.js';
import { registryName, sourceBadge, reductionFigures, idempotencyKey, fill, kiosk } from '/assets/portal.js';
import { inputFor, hint, regionPicker, check } from '/assets/form-fields.js';
import { showErrors, problemsOf, showGeneral, clearAll, mark } from '/assets/apply-errors.js';

const STEPS = 4;
const state = {
  matter: null,        // the matter's detail (GET /matters/{code})
  user: null,
  answers: {},         // situation code → chosen option values
  commitments: new Set(),
  guidance: null,      // the latest POST /matters/{code}/guidance
  consent: null,
  draft: null,         // the draft as last stored (with its version)
  attachments: {},     // material code → uploaded file hash
  step: 1,
  key: idempotencyKey(), // one per page: a retried submission answers the same application
};

const code = param('matter');
const saved = () => 'onego.apply.' + code;
const stepKey = id => 'onego.apply.step.' + id;

/** What the error display needs to know about this page: labels of fields, questions and materials. */
const known = {
  field: element => state.guidance?.form.sections.flatMap(s => s.fields).find(f => f.element === element),
  isDelivery: field => deliverySection().some(f => f.element === field.element),
  question: situation => label(state.guidance?.questions.find(q => q.code === situation)?.question) || t('情形', 'Your situation'),
  material: material => label(state.guidance?.materials.find(m => m.code === material)?.name) || t('材料', 'A material'),
};

page(async user => {
  state.user = user;
  if (!code) {
    document.getElementById('application').replaceWith(el('p', { class: 'notice error', role: 'alert' }, t('未指定一件事。', 'No matter given.')));
    return;
  }
  state.matter = await api('GET', '/api/v1/matters/' + encodeURIComponent(code));
  document.getElementById('title').textContent = t('在线申请：', 'Apply: ') + label(state.matter.summary.name);
  document.title = label(state.matter.summary.name) + ' · ' + t('在线申请', 'Apply');
  document.getElementById('back').href = '/matter.html?' + new URLSearchParams({ code, ...(param('region') ? { region: param('region') } : {}) });
  document.querySelector('.stepper').setAttribute('aria-label', t('申请步骤', 'Steps of the application'));
  restoreAnswers();
  document.getElementById('application').addEventListener('submit', submit);
  document.getElementById('save').addEventListener('click', () => saveDraft(true));
  document.getElementById('next').addEventListener('click', next);
  document.getElementById('prev').addEventListener('click', () => leaveFor(state.step - 1));
  document.querySelectorAll('.step-link').forEach(b => b.addEventListener('click', () => leaveFor(Number(b.closest('li').dataset.step))));
  if (param('draft') && hasRole(user, 'APPLICANT')) {
    await resume(param('draft'));
  } else {
    await guide();
    await showConsentStep();
    show(1);
  }
});

// ------------------------------------------------------------------ steps

/** Shows one step: the progress indicator says which, the buttons fit it, the address remembers it. */
function show(step, focus = false) {
  const entering = step !== state.step;
  state.step = step;
  for (let i = 1; i <= STEPS; i++) {
    document.getElementById('step-' + i).hidden = i !== step;
    const item = document.querySelector('#steps li[data-step="' + i + '"]');
    item.classList.toggle('done', i < step);
    i === step ? item.setAttribute('aria-current', 'step') : item.removeAttribute('aria-current');
    document.getElementById('step-link-' + i).disabled = !state.draft || i === step;
  }
  document.getElementById('step-status').textContent = t('第 ' + step + ' 步，共 ' + STEPS + ' 步', 'Step ' + step + ' of ' + STEPS);
  // the first step is left by the consent buttons until a draft exists
  document.getElementById('step-actions').hidden = !state.draft;
  document.getElementById('prev').hidden = step === 1;
  document.getElementById('next').hidden = step === STEPS;
  document.getElementById('submit').hidden = step !== STEPS;
  if (state.draft) {
    localStorage.setItem(stepKey(state.draft.id), String(step));
    const query = new URLSearchParams(location.search);
    query.set('draft', state.draft.id);
    query.set('step', step);
    history.replaceState(null, '', location.pathname + '?' + query);
  }
  // the halls that may accept depend on the answers as saved: asked again whenever step 4 is entered
  if (state.draft && step === STEPS && entering) drawHallChoice().catch(() => {});
  if (focus) {
    const heading = document.getElementById('h-step-' + step);
    heading.setAttribute('tabindex', '-1');
    heading.focus();
    heading.scrollIntoView({ block: 'start' });
  }
}

/** Goes to another step, saving the draft on the way (no checks: checks belong to "next" and submission). */
async function leaveFor(step) {
  if (step < 1 || step > STEPS || !state.draft) return;
  clearAll(document);
  // answers changed in step 1 change what is known: the prefill is asked again
  if (await saveDraft(false) && (state.step !== 1 || await prefill())) show(step, true);
}

/** "Save and continue": the step's own checks, then the draft saved, then the next step. */
async function next() {
  clearAll(document);
  const problems = state.step === 1 ? situationProblems() : state.step === 2 ? formProblems() : [];
  if (problems.length) {
    showErrors(problems, known);
    focusFirstError();
    return;
  }
  if (state.step === 1 && !(await saveDraft(false) && await prefill())) return;
  if (state.step !== 1 && !(await saveDraft(false))) return;
  show(state.step + 1, true);
}

function situationProblems() {
  const open = state.guidance.questions.filter(q => q.open);
  const problems = open.map(q => ({ field: 'answers.' + q.code, message: { zh: '请回答此问题', en: 'please answer this question' } }));
  if (!document.getElementById('region')?.value) problems.push({ field: 'region', message: { zh: '请选择办理地区', en: 'choose where you apply' } });
  return problems;
}

/** The form's own checks (required, patterns, lengths) on the fields the applicant types. */
function formProblems() {
  const problems = [];
  for (const field of askedFields()) {
    const input = document.getElementById('f-' + field.element);
    if (!input || input.readOnly) continue;
    const message = check(field, input.value);
    if (message) problems.push({ field: 'form.' + field.element, message });
    const reason = document.getElementById('c-' + field.element);
    if (reason && !reason.closest('[hidden]') && !reason.value.trim()) {
      problems.push({ field: 'corrections.' + field.element, message: { zh: '修改预填的数据时请说明原因', en: 'give a reason when changing a prefilled value' } });
    }
  }
  return problems;
}

function focusFirstError() {
  const first = document.querySelector('.step:not([hidden]) [aria-invalid="true"]') || document.querySelector('#problems a');
  first?.focus();
}

/** The step a reopened draft continues at: the one it was left at, else how far its contents go. */
function resumeStep(draft) {
  const asked = Number(param('step') || localStorage.getItem(stepKey(draft.id)));
  if (asked >= 1 && asked <= STEPS) return asked;
  if (draft.delivery?.method) return 4;
  if (Object.keys(draft.materials?.attachments || {}).length || (draft.commitments || []).length) return 3;
  return 2;
}

// ------------------------------------------------------------------ questionnaire

/** Answers given before signing in come back after it (the sign-in page leaves this page). */
function restoreAnswers() {
  try {
    const kept = JSON.parse(sessionStorage.getItem(saved()) || 'null');
    if (kept) {
      state.answers = kept.answers || {};
      state.commitments = new Set(kept.commitments || []);
    }
  } catch (e) {
    sessionStorage.removeItem(saved());
  }
}

function keepAnswers() {
  sessionStorage.setItem(saved(), JSON.stringify({ answers: state.answers, commitments: [...state.commitments] }));
}

/** Asks the server what the answers so far mean, and redraws everything that depends on them. */
let asked = 0;

async function guide() {
  const values = collectForm(); // typed values survive the redraw of the form
  const question = ++asked;
  const guidance = await api('POST', '/api/v1/matters/' + encodeURIComponent(code) + '/guidance',
    { answers: state.answers, commitments: [...state.commitments] });
  if (question !== asked) return; // a later answer is on its way: an earlier reply must not overwrite it
  state.guidance = guidance;
  keepAnswers();
  const focused = document.activeElement?.id;
  drawQuestions();
  drawOutcome();
  if (state.draft) {
    drawForm(values);
    drawMaterials();
  }
  if (focused && document.getElementById(focused)) document.getElementById(focused).focus();
}

function drawQuestions() {
  document.getElementById('questions').replaceChildren(...state.guidance.questions.map(question));
}

/** One question as a fieldset of radio buttons (one answer) or checkboxes (several). */
function question(q) {
  const multiple = q.type === 'MULTIPLE';
  const chosen = state.answers[q.code] || [];
  return el('fieldset', { id: 'q-' + q.code, class: q.open ? 'open' : 'answered' },
    el('legend', {}, label(q.question), q.open ? el('span', { class: 'badge state' }, t('待回答', 'to answer')) : null),
    q.options.map(option => {
      const id = 'a-' + q.code + '-' + option.value;
      return el('label', { class: 'choice', for: id },
        el('input', { type: multiple ? 'checkbox' : 'radio', id, name: 'answers.' + q.code, value: option.value,
          checked: chosen.includes(option.value), onchange: () => answer(q, multiple) }),
        label(option.label));
    }));
}

async function answer(q, multiple) {
  const checked = [...document.querySelectorAll('[name="answers.' + q.code + '"]:checked')].map(input => input.value);
  state.answers[q.code] = multiple ? checked : checked.slice(0, 1);
  await guide().catch(failed);
}

/** The consequences: the items that apply, the materials and how each is resolved, the metrics. */
function drawOutcome() {
  const g = state.guidance;
  const open = g.questions.filter(q => q.open).length;
  const uploads = g.materials.filter(m => m.required && resolutionOf(m).source === 'UPLOAD').length;
  document.getElementById('outcome-status').textContent = t('需要办理 ' + g.items.length + ' 个事项，提交 '
    + uploads + ' 份需上传的材料。', count(g.items.length, '', 'item') + (g.items.length === 1 ? ' applies; ' : ' apply; ') + count(uploads, '', 'material') + ' to upload.');
  document.getElementById('outcome').replaceChildren(
    g.complete ? el('p', { class: 'notice ok' }, t('情形已确定。', 'Your situation is complete.'))
      : el('p', { class: 'notice' }, t('还有 ' + open + ' 个问题待回答。', count(open, '', 'question') + ' still to answer.')),
    el('h4', {}, t('需要办理的事项（' + g.items.length + '）', 'Items that apply (' + g.items.length + ')')),
    el('ul', { id: 'applicable-items' }, g.items.map(item => el('li', { dataset: { item: item.code } }, label(item.name),
      el('span', { class: 'small muted' }, ' · ' + label(item.departmentTypeName) + ' · '
        + (item.instant ? t('即办', 'on the spot') : t('承诺 ', '') + workingDays(item.promisedLimit)))))),
    el('h4', {}, t('材料清单', 'Materials')),
    el('ul', { id: 'material-list' }, g.materials.filter(m => m.required).map(m => el('li', { dataset: { material: m.code } },
      label(m.name), ' ', badgeOf(m), el('span', { class: 'small muted' }, ' ' + label(resolutionOf(m).explanation))))),
    el('h4', {}, t('一次办省了什么：原 → 现', 'What applying once saves: was → now')),
    reductionFigures(g.metrics));
}

/**
 * How a material is resolved for this applicant. The guidance says what the catalogue allows; once the draft
 * is prefilled, the server has read the e-licences and registries under consent and decided which materials
 * it obtained — the same decision the submission follows — so that decision is shown instead.
 */
function resolutionOf(m) {
  const decided = state.draft?.materials?.resolved?.find(r => r.material === m.code);
  const read = source => source === 'E_LICENCE' || source === 'REGISTRY';
  if (decided && (read(decided.source) || read(m.resolution.source))) {
    return { source: decided.source, explanation: decided.explanation, decided: true };
  }
  return m.resolution;
}

/** The badge of a material: obtained only when the server read it for this applicant. */
function badgeOf(m) {
  const resolution = resolutionOf(m);
  const read = resolution.source === 'E_LICENCE' || resolution.source === 'REGISTRY';
  if (read && !resolution.decided) {
    return el('span', { class: 'badge' }, t('可免交（需授权且有记录）', 'Can be spared (with consent, if held)'));
  }
  return sourceBadge(resolution.source);
}

// ------------------------------------------------------------------ where, consent and the draft

function isEnterpriseMatter() {
  const summary = state.matter.summary;
  // an enterprise being opened does not exist yet: its founder applies as a person
  return summary.applicantType === 'ENTERPRISE' && summary.theme !== 'ENTERPRISE_OPENING';
}

/** The end of step 1: sign in, then where to apply, then consent to reading shared data (or not), then the draft. */
async function showConsentStep() {
  const target = document.getElementById('consent');
  if (!state.user) {
    const back = location.pathname + location.search;
    target.replaceChildren(el('p', {}, t('填写申请表前请先登录或实名注册；您的回答会保留。', 'Sign in or register before filling in the form; your answers are kept.')),
      el('div', { class: 'actions' },
        el('a', { class: 'button', id: 'sign-in', href: '/login.html?continue=' + encodeURIComponent(back) }, t('登录', 'Sign in')),
        el('a', { class: 'button secondary', id: 'register', href: '/register.html?continue=' + encodeURIComponent(back) }, t('实名注册', 'Register'))));
    return;
  }
  if (!hasRole(state.user, 'APPLICANT')) {
    target.replaceChildren(el('p', { class: 'notice error', role: 'alert' }, t('只有申请人账号可以在线申请。', 'Only applicant accounts can apply online.')));
    return;
  }
  const scope = await api('GET', '/api/v1/matters/' + encodeURIComponent(code) + '/consent-scope');
  const validUntil = shiftDay(await today(), { days: 30 });
  const what = t('读取什么', 'What');
  const where = t('从哪里读取', 'From where');
  fill(target,
    isEnterpriseMatter() ? enterpriseFields() : null,
    regionChoice(),
    el('p', {}, t('为免于您重复提交材料和填写信息，需要您授权本平台读取以下数据：', 'So that you need not hand in or type what the government holds, allow this platform to read:')),
    el('div', { class: 'table-scroll' }, el('table', { id: 'consent-scope', class: 'stack' },
      el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, what), el('th', { scope: 'col' }, where))),
      el('tbody', {},
        scope.registries.map(r => el('tr', {}, el('td', { dataset: { label: what } }, readFrom(r)), el('td', { dataset: { label: where } }, registryName(r)))),
        scope.licenceTypes.map(type => el('tr', {}, el('td', { dataset: { label: what } }, licenceName(type)),
          el('td', { dataset: { label: where } }, t('电子证照库', 'E-licence library'))))))),
    isEnterpriseMatter() ? el('p', { class: 'small' }, t('您本人的身份证件等个人信息（如居民身份证）属于您本人，将另行以您本人的名义授权读取。',
      "Your own personal records (such as your identity card) are yours: you consent to reading them in your own name, separately.")) : null,
    el('p', {}, el('strong', {}, t('用途：', 'Purpose: ')), t('一件事一次办申请：', 'Applying once: ') + label(state.matter.summary.name)),
    el('p', {}, el('strong', {}, t('有效期至：', 'Valid until: ')), formatDate(validUntil),
      el('span', { class: 'small muted' }, t('（30天，可随时撤回；每次读取都会记录）', ' (30 days; you may withdraw it at any time; every read is logged)')),
      ' ', el('a', { href: '/consents.html' }, t('我的授权', 'My consents')), ' · ', el('a', { href: '/data-access.html' }, t('数据使用记录', 'Who read my data'))),
    el('div', { class: 'actions' },
      el('button', { type: 'button', id: 'grant', onclick: () => startDraft(true) }, t('同意授权并预填，下一步', 'Consent, prefill and continue')),
      el('button', { type: 'button', id: 'no-consent', class: 'secondary', onclick: () => startDraft(false) }, t('不授权，自行填写，下一步', 'Do not consent; I type and upload myself'))));
}

/** What is read from a registry: the form's fields it supplies and the materials it answers for. */
function readFrom(registry) {
  const fields = state.guidance.form.sections.flatMap(s => s.fields).filter(f => f.registry === registry).map(f => label(f.label));
  const materials = state.matter.materials.filter(m => m.registry === registry && !m.licenceType).map(m => label(m.name));
  const all = [...new Set([...fields, ...materials])];
  return all.length ? all.join(t('、', ', ')) : t('本件事各事项所需的登记信息', 'Records the items of this matter use');
}

/** A licence type by the name of the material it proves, as the matter lists it. */
function licenceName(type) {
  const material = state.matter.materials.find(m => m.licenceType === type);
  return material ? label(material.name) : t('电子证照', 'An e-licence');
}

function enterpriseFields(applicant) {
  return el('fieldset', {}, el('legend', {}, t('申请企业', 'Enterprise applying')),
    el('div', { class: 'field' }, el('label', { for: 'applicant-id' }, t('统一社会信用代码', 'Unified social credit code')),
      el('input', { id: 'applicant-id', name: 'applicant.id', maxlength: 18, autocomplete: 'off', required: true, value: applicant?.id || '' })),
    el('div', { class: 'field' }, el('label', { for: 'applicant-name' }, t('企业名称', 'Enterprise name')),
      el('input', { id: 'applicant-name', name: 'applicant.name', required: true, value: applicant?.name || '' })));
}

/** The county or city where the application is made: it decides the hall and the departments. */
function regionChoice(chosen) {
  const select = el('select', { id: 'region', name: 'region', required: true });
  const wrapper = el('div', { class: 'field' }, el('label', { for: 'region' }, t('办理地区', 'Region'),
    el('span', { class: 'hint' }, t('决定受理大厅和办理部门', 'Decides the hall and the departments'))), select);
  const prefecture = param('region') || (chosen ? chosen.substring(0, 4) + '00' : '430100');
  api('GET', '/api/v1/regions/' + encodeURIComponent(prefecture)).then(detail => {
    select.replaceChildren(el('option', { value: detail.region.code }, label({ zh: detail.region.name, en: detail.region.nameEn }) + t('（市本级）', ' (city level)')),
      ...detail.children.map(r => el('option', { value: r.code, selected: r.code === chosen }, label({ zh: r.name, en: r.nameEn }))));
  }).catch(() => select.replaceChildren(el('option', { value: prefecture }, t('所选地区', 'The chosen region'))));
  return wrapper;
}

function applicantInput() {
  if (!isEnterpriseMatter()) return undefined; // the server takes the signed-in person
  return { kind: 'ENTERPRISE', id: document.getElementById('applicant-id').value.trim().toUpperCase(),
    name: document.getElementById('applicant-name').value.trim() };
}

function channel() {
  if (kiosk()) return 'KIOSK';
  return matchMedia('(max-width: 40rem)').matches ? 'MOBILE' : 'ONLINE';
}

/** Grants consent when asked, opens the draft, prefills what is known, and goes on to the form. */
async function startDraft(withConsent) {
  clearAll(document);
  const problems = situationProblems();
  const applicant = applicantInput();
  if (applicant) {
    const wrong = check({ type: 'CREDIT_CODE', required: true }, applicant.id);
    if (wrong) problems.push({ field: 'applicant.id', message: wrong });
    if (!applicant.name) problems.push({ field: 'applicant.name', message: { zh: '此项必填', en: 'this is required' } });
  }
  if (problems.length) {
    showErrors(problems, known);
    focusFirstError();
    return;
  }
  const buttons = document.querySelectorAll('#grant, #no-consent');
  buttons.forEach(b => { b.disabled = true; });
  try {
    if (withConsent) {
      const purpose = t('一件事一次办申请：', 'Applying once: ') + label(state.matter.summary.name);
      state.consent = await api('POST', '/api/v1/consents', { matter: code, subject: applicant?.id, purpose });
      if (applicant) {
        // the representative's own identity card and records are theirs to consent to, not the enterprise's
        await api('POST', '/api/v1/consents', { matter: code, purpose });
      }
    }
    state.draft = await api('POST', '/api/v1/drafts', { matter: code, region: document.getElementById('region').value,
      applicant, answers: state.answers, commitments: [...state.commitments], consentId: state.consent?.id,
      channel: channel() });
    if (!(await prefill())) return;
    const prefilled = Object.values(state.draft.form).filter(v => v.source === 'PREFILLED').length;
    const spared = (state.draft.materials?.resolved || []).filter(m => m.source === 'E_LICENCE' || m.source === 'REGISTRY').length;
    notice(document.getElementById('consent-message'), state.consent
      ? t('已授权（有效期至 ' + formatDate(state.consent.validUntil) + '），已预填 ' + prefilled + ' 项，' + spared + ' 份材料已由政府获取、无需提交。',
        'Consent given (until ' + formatDate(state.consent.validUntil) + '); ' + prefilled + (prefilled === 1 ? ' field' : ' fields')
          + ' prefilled, ' + spared + (spared === 1 ? ' material' : ' materials') + ' obtained by the government.')
      : t('未授权：请自行填写并上传材料；您的实名信息和情形回答已填入。', 'No consent: type the form and upload the materials yourself; your verified identity and your answers are filled in.'));
    drawConsentDone();
    openSteps();
    show(2, true);
  } catch (e) {
    buttons.forEach(b => { b.disabled = false; });
    failed(e);
  }
}

/**
 * Fills the draft with what is known: the verified identity and the answers always, the shared registries under
 * the consent (without one the server reads nothing and logs the refusal).
 */
async function prefill() {
  try {
    state.draft = await api('POST', '/api/v1/drafts/' + state.draft.id + '/prefill?version=' + state.draft.version);
    drawForm({});
    drawMaterials();
    return true;
  } catch (e) {
    failed(e);
    return false;
  }
}

/** Step 1 once the draft exists: where, and what was consented, as sentences; the region can still change. */
function drawConsentDone() {
  fill(document.getElementById('consent'),
    isEnterpriseMatter() ? enterpriseFields(state.draft.applicant) : null,
    regionChoice(state.draft.region),
    el('p', { class: 'notice' }, state.consent ? t('继续填写草稿；已授权读取共享数据。', 'Continuing the draft; consent was given.')
      : t('继续填写草稿；未授权读取共享数据。', 'Continuing the draft; no consent was given.')));
}

/** A draft saved earlier: its answers, consent, values and uploads come back, at the step it was left at. */
async function resume(id) {
  const draft = await api('GET', '/api/v1/applications/' + encodeURIComponent(id));
  if (draft.status !== 'DRAFT') {
    location.replace('/my.html');
    return new Promise(() => {});
  }
  state.draft = draft;
  state.answers = draft.answers || {};
  state.commitments = new Set(draft.commitments || []);
  state.attachments = { ...(draft.materials?.attachments || {}) };
  state.consent = draft.consentId ? { id: draft.consentId } : null;
  drawConsentDone();
  await guide();
  openSteps();
  show(resumeStep(draft));
}

function openSteps() {
  drawForm({});
  drawMaterials();
  drawDelivery();
  drawConsentSummary();
  drawHallChoice().catch(() => {});
}

// ------------------------------------------------------------------ the merged form

/** The fields of the delivery section: asked once, in step 4, and mapped into the form from there. */
function deliverySection() {
  return (state.guidance?.form.sections || []).filter(s => s.section === 'DELIVERY')
    .flatMap(s => s.fields).filter(f => f.type === 'ENUM' || f.type === 'ADDRESS');
}

/** The fields step 2 shows: all but the delivery's, which step 4 asks. */
function askedFields() {
  const delivery = new Set(deliverySection().map(f => f.element));
  return state.guidance.form.sections.flatMap(s => s.fields).filter(f => !delivery.has(f.element));
}

/** Values nobody should type again: the verified identity's and the answers' (changed in step 1, not here). */
function isKnown(stored) {
  return stored?.source === 'PREFILLED' && (stored.origin === 'IDENTITY' || stored.origin === 'QUESTIONNAIRE');
}

/** The merged form from the guidance, each field with the draft's value (prefilled ones marked). */
function drawForm(typed) {
  const delivery = new Set(deliverySection().map(f => f.element));
  const sections = state.guidance.form.sections
    .map(section => ({ ...section, fields: section.fields.filter(f => !delivery.has(f.element)) }))
    .filter(section => section.fields.length);
  document.getElementById('form').replaceChildren(
    el('p', { class: 'small muted' }, t('带 * 的为必填项。标“已预填”的数据来自您的实名认证信息、政府共享库或您在第1步的回答，标签写明来源；共享库的数据如有错误可修改并说明原因。',
      'Fields marked * are required. "Prefilled" values come from your verified identity, a shared registry or your answers in step 1, as each label says; correct a registry\'s value with a reason if wrong.')),
    ...sections.map(section => el('fieldset', { id: 'section-' + section.section },
      el('legend', {}, label(section.label)),
      section.fields.map(field => formField(field, typed)))));
}

function formField(field, typed) {
  const stored = state.draft.form[field.element];
  const id = 'f-' + field.element;
  const prefilled = stored && stored.prefilledValue != null;
  const badge = prefilled ? el('span', { class: 'badge green prefilled' }, t('已预填：', 'Prefilled: ') + originOf(stored)) : null;
  const required = field.required ? el('span', { 'aria-hidden': 'true' }, ' *') : null;
  if (isKnown(stored)) {
    // shown, not asked: the value as words, read-only; the answers are changed where they were given
    const shown = field.options?.find(o => o.value === stored.value);
    return el('div', { class: 'field known', dataset: { element: field.element } },
      el('label', { for: id }, label(field.label), badge,
        el('span', { class: 'hint', id: id + '-hint' }, stored.origin === 'QUESTIONNAIRE'
          ? t('来自您在第1步的回答，如需修改请返回第1步', 'From your answer in step 1; change it there')
          : t('来自实名认证，无需填写', 'From your verified identity; nothing to type'))),
      el('input', { id, readonly: true, value: shown ? label(shown.label) : stored.value, 'aria-describedby': id + '-hint' }));
  }
  const value = typed['form.' + field.element] ?? stored?.value ?? '';
  const expects = field.type === 'REGION' ? t('请依次选择省、市、县（区）', 'Choose the province, city and county') : hint(field);
  const input = field.type === 'REGION'
    ? regionPicker({ id, name: 'form.' + field.element, value, fallback: document.getElementById('region')?.value || state.draft.region, labelled: id + '-hint' })
    : inputFor(field, id, value);
  const wrapper = el('div', { class: 'field', dataset: { element: field.element } },
    el('label', { for: field.type === 'REGION' ? id + '-province' : id }, label(field.label), required, badge,
      expects ? el('span', { class: 'hint', id: id + '-hint' }, expects) : null),
    input);
  if (expects && field.type !== 'REGION') input.setAttribute('aria-describedby', id + '-hint');
  if (prefilled) {
    // a changed prefilled value needs a reason, which the server records beside the registry's value
    const reason = correctionReason(field, stored, typed);
    wrapper.append(reason);
    const source = field.type === 'REGION' ? input.querySelector('input[type=hidden]') : input;
    const toggle = () => { reason.hidden = source.value === stored.prefilledValue; };
    wrapper.addEventListener('input', toggle);
    wrapper.addEventListener('change', toggle);
    toggle();
  }
  return wrapper;
}

/** Where a prefilled value came from, in words. */
function originOf(value) {
  if (value.origin === 'IDENTITY') return t('实名认证信息', 'your verified identity');
  if (value.origin === 'QUESTIONNAIRE') return t('您在情形引导中的回答', 'your answer to the questions');
  return value.registry ? registryName(value.registry) : t('共享数据', 'shared data');
}

function correctionReason(field, stored, typed) {
  const id = 'c-' + field.element;
  return el('div', { class: 'correction' },
    el('label', { for: id }, t('修改原因', 'Reason for the change'),
      el('span', { class: 'hint' }, t('预填的值（', 'Prefilled value (') + originOf(stored) + t('）：', '): ') + stored.prefilledValue)),
    el('input', { id, name: 'corrections.' + field.element, value: typed['corrections.' + field.element] ?? stored.correctionReason ?? '' }));
}

/** The values now in the page's inputs, by their names (form.X, corrections.X, delivery.X …). */
function collectForm() {
  const values = {};
  document.querySelectorAll('#application [name]').forEach(input => {
    if ((input.type === 'radio' || input.type === 'checkbox' || input.type === 'file')) return;
    values[input.name] = input.value;
  });
  return values;
}

// ------------------------------------------------------------------ materials

/** The materials to hand in: uploads, and commitments where the law allows them instead. */
function drawMaterials() {
  const materials = state.guidance.materials.filter(m => m.required);
  document.getElementById('materials').replaceChildren(
    el('p', { class: 'small muted' }, t('文件支持 PDF、OFD、JPEG、PNG，单个不超过20MB。', 'PDF, OFD, JPEG or PNG, at most 20 MB each.')),
    ...materials.map(material));
}

function material(m) {
  return el('div', { class: 'material card', id: 'material-' + m.code, dataset: { material: m.code } },
    el('h3', {}, label(m.name), ' ', badgeOf(m)),
    el('p', { class: 'small muted' }, label(resolutionOf(m).explanation)),
    m.commitmentAllowed ? commitment(m) : null,
    uploadFor(m));
}

/**
 * An upload where the applicant has to hand the material in. What the prefill obtained needs none: the
 * submission follows the same decision. A material the catalogue says can be obtained but that was not read
 * yet (no consent, or it came up with a later answer) keeps an upload, required without consent.
 */
function uploadFor(m) {
  const resolution = resolutionOf(m);
  if (resolution.source === 'UPLOAD') return upload(m, null);
  if (resolution.decided) return null;
  if (resolution.source === 'E_LICENCE' || resolution.source === 'REGISTRY') {
    return upload(m, state.consent
      ? t('提交时将在授权范围内读取；如未找到，请上传', 'Read under your consent when you submit; upload it if it is not found')
      : t('您未授权读取共享数据，请上传', 'You did not consent to reading shared data, so upload it'));
  }
  return null;
}

/** 告知承诺: the applicant signs that the facts the material would prove are true, and is checked later. */
function commitment(m) {
  const id = 'commit-' + m.code;
  return el('div', { class: 'commitment' },
    el('label', { class: 'choice', for: id },
      el('input', { type: 'checkbox', id, name: 'commitments.' + m.code, checked: state.commitments.has(m.code),
        onchange: async event => {
          event.target.checked ? state.commitments.add(m.code) : state.commitments.delete(m.code);
          await guide().catch(failed);
        } }),
      t('以告知承诺代替此材料', 'Replace this material by a signed commitment')),
    el('p', { class: 'small' }, t('承诺书：本人承诺，“' + label(m.name) + '”所证明的事项真实、准确、完整。如承诺不实，本人愿意承担相应法律责任，已作出的决定可被撤销，并接受事后核查。',
      'Commitment: I declare that what "' + label(m.name) + '" would prove is true, accurate and complete. If it is not, I bear the legal consequences, the decision may be revoked, and I accept a later verification.')));
}

function upload(m, note) {
  const id = 'file-' + m.code;
  const status = el('span', { class: 'small', id: id + '-status', 'aria-live': 'polite' },
    state.attachments[m.code] ? t('已上传', 'Uploaded') : '');
  return el('div', { class: 'field' },
    el('label', { for: id }, t('上传文件', 'Upload a file'), note ? el('span', { class: 'hint' }, note) : null),
    el('input', { type: 'file', id, name: 'materials.' + m.code, accept: 'application/pdf,.pdf,.ofd,image/jpeg,image/png',
      onchange: event => send(m, event.target, status) }),
    status);
}

async function send(m, input, status) {
  const file = input.files[0];
  if (!file) return;
  status.textContent = t('正在上传…', 'Uploading…');
  const body = new FormData();
  body.append('file', file);
  try {
    const stored = await api('POST', '/api/v1/attachments', body);
    state.attachments[m.code] = stored.hash;
    status.textContent = t('已上传：', 'Uploaded: ') + file.name;
  } catch (e) {
    status.textContent = '';
    // the upload's own problem ("file") belongs to this material's input
    const { problems, problem } = problemsOf(e);
    mark(input, label(m.name), problems[0]?.message || problem.detail || problem.title || t('上传失败', 'the upload failed'));
  }
}

// ------------------------------------------------------------------ consent and submission

/** What was consented to, as a sentence (the scope itself is in step 1, where it was asked). */
function drawConsentSummary() {
  fill(document.getElementById('consent-summary'),
    el('h3', {}, t('数据授权', 'Consent to reading shared data')),
    el('p', { id: 'consent-state' }, state.consent
      ? t('您已授权本平台为本次申请读取共享数据' + (state.consent.validUntil ? '，有效期至 ' + formatDate(state.consent.validUntil) : '') + '；可随时撤回，每次读取都有记录。',
        'You allowed this platform to read shared data for this application' + (state.consent.validUntil ? ', until ' + formatDate(state.consent.validUntil) : '') + '; you may withdraw it at any time, and every read is logged.')
      : t('您未授权读取共享数据；您填写的信息和上传的材料将随申请提交。', 'You did not consent to reading shared data; what you typed and uploaded is submitted.')),
    el('p', { class: 'small' }, el('a', { href: '/consents.html' }, t('我的授权', 'My consents')), ' · ',
      el('a', { href: '/data-access.html' }, t('数据使用记录', 'Who read my data'))));
}

/** How the result is received: asked here once, for the whole matter (the items' own question is mapped). */
function drawDelivery() {
  const chosen = state.draft.delivery?.method || 'WINDOW_PICKUP';
  // the recipient's mobile starts as the form's mobile number, typed once
  const mobile = state.guidance.form.sections.flatMap(s => s.fields).find(f => f.type === 'MOBILE' && state.draft.form[f.element]?.value);
  const contact = mobile ? state.draft.form[mobile.element].value : '';
  const mail = el('div', { id: 'mail', hidden: chosen !== 'FREE_MAIL' },
    el('div', { class: 'field' }, el('label', { for: 'recipient' }, t('收件人', 'Recipient')),
      el('input', { id: 'recipient', name: 'delivery.recipient', autocomplete: 'name', maxlength: 50, value: state.draft.delivery?.recipient || state.user.displayName || '' })),
    el('div', { class: 'field' }, el('label', { for: 'delivery-mobile' }, t('收件人手机号码', "Recipient's mobile")),
      el('input', { id: 'delivery-mobile', name: 'delivery.mobile', type: 'tel', inputmode: 'numeric', maxlength: 11, autocomplete: 'tel', value: state.draft.delivery?.mobile || contact || '' })),
    el('div', { class: 'field' }, el('label', { for: 'address' }, t('邮寄地址', 'Postal address')),
      el('input', { id: 'address', name: 'delivery.address', autocomplete: 'street-address', maxlength: 200, value: state.draft.delivery?.address || '' })));
  const option = (value, zh, en) => el('label', { class: 'choice', for: 'delivery-' + value },
    el('input', { type: 'radio', id: 'delivery-' + value, name: 'delivery.method', value, checked: chosen === value,
      onchange: () => { mail.hidden = value !== 'FREE_MAIL'; } }), t(zh, en));
  fill(document.getElementById('delivery'), el('h3', {}, t('结果领取', 'Receiving the result')),
    el('fieldset', { id: 'delivery-fieldset' },
      el('legend', {}, t('领取方式', 'How to receive the result')),
      option('WINDOW_PICKUP', '到窗口领取', 'Pick up at the window'),
      option('FREE_MAIL', '免费邮寄', 'Free mail')), mail);
}

/** The hall chosen to hand in and collect at: null for the competent region's own. */
function chosenHall() {
  return state.acceptingHall !== undefined ? state.acceptingHall : state.draft?.acceptingHall || null;
}

/** 在哪里递交和领取: the halls the server says may accept this application, asked for the draft as saved. */
async function drawHallChoice() {
  drawHalls(await api('GET', '/api/v1/applications/' + encodeURIComponent(state.draft.id) + '/accepting-halls'));
}

/**
 * The competent region's own hall, chosen unless the applicant picks another of the halls every item of the
 * application may be accepted at (异地收件、属地办理): names, addresses and phones, never codes.
 */
function drawHalls(halls) {
  const box = document.getElementById('accepting-hall');
  box.hidden = !halls.length;
  if (!halls.length) return;
  let chosen = chosenHall();
  const gone = chosen && !halls.some(h => !h.local && h.code === chosen);
  if (gone) chosen = state.acceptingHall = null;
  const option = (hall, i) => el('label', { class: 'choice', for: 'hall-' + i },
    el('input', { type: 'radio', id: 'hall-' + i, name: 'acceptingHall', checked: hall.local ? !chosen : chosen === hall.code,
      onchange: () => { state.acceptingHall = hall.local ? null : hall.code; } }),
    el('span', {}, el('strong', {}, label(hall.name)), hall.local ? t('（本地办理）', ' (local)') : '',
      hall.address ? el('span', { class: 'small muted' }, ' · ' + label(hall.address)) : null,
      hall.phone ? el('span', { class: 'small muted' }, t(' · 电话 ', ' · phone ') + hall.phone) : null,
      hall.hours ? el('span', { class: 'small muted' }, ' · ' + label(hall.hours)) : null));
  const others = halls.filter(h => !h.local);
  fill(box, el('h3', {}, t('在哪里递交和领取', 'Where to hand in and collect')),
    el('p', { class: 'small' }, t('默认在有权办理地区的政务服务大厅递交材料、领取结果。您也可以选择下列其他大厅“异地收件”：由该大厅收取材料，电子化流转到有权办理的部门“属地办理”，办理结果在该大厅领取或免费邮寄给您。只列出本次申请的全部事项都可以在那里办理的大厅。',
      'By default you hand in and collect at the service hall of the region competent for your application. You may instead choose one of the other halls below: it receives your materials, they travel electronically to the competent departments, who handle the case there, and the result is handed over at that hall or mailed to you free of charge. Only halls where every item of this application can be accepted are listed.')),
    gone ? el('p', { class: 'notice', role: 'status' }, t('您之前选择的大厅不能受理本次申请的全部事项，已改回本地办理。', 'The hall you chose before cannot accept every item of this application; the local hall is chosen again.')) : null,
    el('fieldset', { id: 'hall-fieldset' }, el('legend', {}, t('递交和领取的大厅', 'Hall to hand in and collect at')),
      ...halls.filter(h => h.local).map(option), ...others.map((h, i) => option(h, i + 1))),
    others.length ? null : el('p', { class: 'small muted' }, t('本次申请的事项仅能在本地办理。', 'The items of this application can be handed in only locally.')));
}

/** The form's delivery answers, from the one delivery choice: the window or mail, and the address. */
function deliveryIntoForm(form, delivery) {
  for (const field of deliverySection()) {
    if (field.type === 'ENUM') {
      const wanted = delivery?.method === 'FREE_MAIL' ? 'MAIL' : delivery?.method === 'WINDOW_PICKUP' ? 'WINDOW' : null;
      form[field.element] = wanted && field.options?.some(o => o.value === wanted) ? wanted : '';
    } else {
      form[field.element] = delivery?.method === 'FREE_MAIL' ? (delivery.address || '').trim() : '';
    }
  }
}

/** What the applicant entered, as the API's ApplicationInput (laid over the draft). */
function input() {
  const values = collectForm();
  const form = {};
  const corrections = {};
  for (const [name, value] of Object.entries(values)) {
    if (name.startsWith('form.')) form[name.substring(5)] = value.trim();
    if (name.startsWith('corrections.') && value.trim()) corrections[name.substring(12)] = value.trim();
  }
  // what is known is sent as it was prefilled: shown, never typed
  for (const field of askedFields()) {
    const stored = state.draft.form[field.element];
    if (isKnown(stored)) form[field.element] = stored.value;
  }
  const method = document.querySelector('[name="delivery.method"]:checked')?.value;
  const delivery = method === 'FREE_MAIL'
    ? { method, recipient: values['delivery.recipient'], mobile: values['delivery.mobile'], address: values['delivery.address'] }
    : method ? { method } : null;
  deliveryIntoForm(form, delivery);
  // values the draft holds for fields that other answers took out of the form are cleared
  for (const element of Object.keys(state.draft.form)) {
    if (!(element in form)) form[element] = '';
  }
  return { matter: code, region: values.region || undefined, applicant: applicantInput(), answers: state.answers, form, corrections,
    commitments: [...state.commitments], attachments: state.attachments, delivery, consentId: state.consent?.id,
    acceptingHall: chosenHall() || '' };
}

/** Saves the draft; says so when asked to (the save button), shows the problems at their fields otherwise. */
async function saveDraft(announce) {
  const target = document.getElementById('saved');
  try {
    state.draft = await api('PUT', '/api/v1/drafts/' + state.draft.id + '?version=' + state.draft.version, input());
    notice(target, t('草稿已保存（' + formatTime(state.draft.updatedAt) + '）。', 'Draft saved (' + formatTime(state.draft.updatedAt) + ').'));
    if (announce) clearAll(document);
    return true;
  } catch (e) {
    failed(e);
    return false;
  }
}

/** Any failure: field problems at their fields (on the first step that has one), anything else in words. */
function failed(e) {
  const { problems, problem } = problemsOf(e);
  // refused at the chosen hall (通办范围): the halls that can take it, to choose from at once
  if (Array.isArray(problem.halls) && state.draft) drawHalls(problem.halls);
  if (!problems.length) {
    showGeneral(document.getElementById('message'), problem);
    if (e instanceof ApiError && e.status === 409) {
      document.getElementById('message').append(el('p', {}, t('草稿已在别处修改，请刷新页面。', 'The draft was changed elsewhere; reload the page.')));
    }
    return;
  }
  document.getElementById('message').replaceChildren();
  const step = showErrors(problems, known, problem.title);
  if (step && step !== state.step) show(step, false);
  focusFirstError();
}

async function submit(event) {
  event.preventDefault();
  if (!state.draft) return;
  if (state.step !== STEPS) {
    await next(); // Enter in a field of an earlier step continues, it does not submit
    return;
  }
  clearAll(document);
  const problems = formProblems();
  if (problems.length) {
    const step = showErrors(problems, known);
    if (step) show(step);
    focusFirstError();
    return;
  }
  const button = document.getElementById('submit');
  button.disabled = true;
  try {
    const application = await api('POST', '/api/v1/drafts/' + state.draft.id + '/submission', input(), { 'Idempotency-Key': state.key });
    sessionStorage.removeItem(saved());
    localStorage.removeItem(stepKey(state.draft.id));
    confirmation(application);
  } catch (e) {
    failed(e);
  } finally {
    button.disabled = false;
  }
}

// ------------------------------------------------------------------ confirmation

/** The application as submitted: what was received, how each material was resolved, and the case. */
function confirmation(application) {
  const main = document.getElementById('main');
  const caseBox = el('div', { id: 'case-link', 'aria-live': 'polite' }, el('p', {}, t('正在生成办件编号…', 'Opening the case…')));
  main.replaceChildren(
    el('h1', { tabindex: '-1' }, t('申请已提交', 'Application submitted')),
    el('div', { class: 'notice ok', role: 'status', id: 'confirmation' },
      el('p', {}, t('您的“' + label(state.matter.summary.name) + '”申请已提交，综合窗口将进行受理审查。',
        'Your application for "' + label(state.matter.summary.name) + '" is submitted; the window will review it for acceptance.')),
      el('p', {}, t('申请编号：', 'Application: '), el('code', { class: 'long' }, application.id)),
      el('p', {}, t('提交时间：', 'Submitted: ') + formatTime(application.submittedAt))),
    caseBox,
    el('h2', {}, t('材料情况', 'Materials')),
    el('ul', { id: 'resolved' }, application.materials.resolved.filter(m => m.required).map(m => el('li', {},
      label(m.name), ' ', sourceBadge(m.source), el('span', { class: 'small muted' }, ' ' + label(m.explanation)),
      m.gap ? el('span', { class: 'badge yellow' }, t('容缺', 'gap')) : null))),
    el('h2', {}, t('结果领取', 'Receiving the result')),
    el('p', {}, application.delivery?.method === 'FREE_MAIL'
      ? t('免费邮寄至：', 'Free mail to: ') + application.delivery.recipient + '，' + application.delivery.address
      : t('到窗口领取', 'Pick up at the window')),
    el('p', {}, el('a', { href: '/my.html' }, t('查看我的办件', 'See my applications'))));
  history.replaceState(null, '', location.pathname + '?' + new URLSearchParams({ matter: code }));
  main.querySelector('h1').focus();
  findCase(application.id, caseBox);
}

/** The case is opened just after the submission; look for it for a while, then point to my.html. */
async function findCase(applicationId, target) {
  for (let attempt = 0; attempt < 40; attempt++) {
    // 404 until the case is opened
    const view = await api('GET', '/api/v1/cases?application=' + encodeURIComponent(applicationId)).catch(() => null);
    const found = view?.caseFile;
    if (found) {
      target.replaceChildren(el('p', {}, t('办件编号：', 'Case number: '), el('strong', { id: 'case-number' }, found.number), ' '),
        el('p', {}, el('a', { class: 'button', id: 'case', href: '/case.html?id=' + found.id }, t('查看办理进度', 'Follow the case'))));
      return;
    }
    await new Promise(resolve => setTimeout(resolve, 500));
  }
  target.replaceChildren(el('p', {}, t('办件编号稍后生成，请在“我的办件”中查看。', 'The case number comes shortly; see My applications.')));
}
