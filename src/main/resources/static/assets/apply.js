// Applying once for a matter: the guided questionnaire with its live consequences (public), then — signed
// in — consent, a draft with prefilled values, the one merged form, uploads and commitments, delivery
// and the submission. The server decides everything (items, form, materials, validity); this page only
// shows its answers and sends what the applicant enters.
import { api, page, el, t, label, param, me, hasRole, showProblem, notice, formatTime, formatDate, ApiError, today, shiftDay, workingDays } from '/assets/onego.js';
import { registryName, sourceBadge, reductionFigures, idempotencyKey, fill, kiosk } from '/assets/portal.js';
import { inputFor, hint } from '/assets/form-fields.js';

const state = {
  matter: null,        // the matter's detail (GET /matters/{code})
  user: null,
  answers: {},         // situation code → chosen option values
  commitments: new Set(),
  guidance: null,      // the latest POST /matters/{code}/guidance
  consent: null,
  draft: null,         // the draft as last stored (with its version)
  attachments: {},     // material code → uploaded file hash
  key: idempotencyKey(), // one per page: a retried submission answers the same application
};

const code = param('matter');
const saved = () => 'onego.apply.' + code;

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
  restoreAnswers();
  if (param('draft') && hasRole(user, 'APPLICANT')) {
    await resume(param('draft'));
  } else {
    await guide();
    await showConsentStep();
  }
  const form = document.getElementById('application');
  form.addEventListener('submit', submit);
  document.getElementById('save').addEventListener('click', saveDraft);
});

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
  const questions = state.guidance.questions;
  document.getElementById('questions').replaceChildren(...questions.map(question));
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
  await guide().catch(e => showProblem(document.getElementById('outcome'), e));
}

/** The consequences: the items that apply, the materials and how each is resolved, the metrics. */
function drawOutcome() {
  const g = state.guidance;
  const open = g.questions.filter(q => q.open).length;
  const uploads = g.materials.filter(m => m.required && resolutionOf(m).source === 'UPLOAD').length;
  document.getElementById('outcome-status').textContent = t('需要办理 ' + g.items.length + ' 个事项，提交 '
    + uploads + ' 份需上传的材料。', g.items.length + ' item(s) apply; ' + uploads + ' material(s) to upload.');
  document.getElementById('outcome').replaceChildren(
    g.complete ? el('p', { class: 'notice ok' }, t('情形已确定。', 'Your situation is complete.'))
      : el('p', { class: 'notice' }, t('还有 ' + open + ' 个问题待回答。', open + ' question(s) still to answer.')),
    el('h3', {}, t('需要办理的事项（' + g.items.length + '）', 'Items that apply (' + g.items.length + ')')),
    el('ul', { id: 'applicable-items' }, g.items.map(item => el('li', { dataset: { item: item.code } }, label(item.name),
      el('span', { class: 'small muted' }, ' · ' + label(item.departmentTypeName) + ' · '
        + (item.instant ? t('即办', 'on the spot') : t('承诺 ', '') + workingDays(item.promisedLimit)))))),
    el('h3', {}, t('材料清单', 'Materials')),
    el('ul', { id: 'material-list' }, g.materials.filter(m => m.required).map(m => el('li', { dataset: { material: m.code } },
      label(m.name), ' ', badgeOf(m), el('span', { class: 'small muted' }, ' ' + label(resolutionOf(m).explanation))))),
    el('h3', {}, t('一次办省了什么：原 → 现', 'What applying once saves: was → now')),
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

// ------------------------------------------------------------------ consent and draft

function isEnterpriseMatter() {
  const summary = state.matter.summary;
  // an enterprise being opened does not exist yet: its founder applies as a person
  return summary.applicantType === 'ENTERPRISE' && summary.theme !== 'ENTERPRISE_OPENING';
}

/** The step after the questionnaire: sign in, then consent to reading shared data (or not), then the draft. */
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
  fill(target, 
    isEnterpriseMatter() ? enterpriseFields() : null,
    regionChoice(),
    el('p', {}, t('为免于您重复提交材料和填写信息，需要您授权本平台读取以下数据：', 'So that you need not hand in or type what the government holds, allow this platform to read:')),
    el('div', { class: 'table-scroll' }, el('table', { id: 'consent-scope' },
      el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, t('读取什么', 'What')), el('th', { scope: 'col' }, t('从哪里读取', 'From where')))),
      el('tbody', {},
        scope.registries.map(r => el('tr', {}, el('td', {}, readFrom(r)), el('td', {}, registryName(r)))),
        scope.licenceTypes.map(type => el('tr', {}, el('td', {}, licenceName(type)), el('td', {}, t('电子证照库', 'E-licence library'))))))),
    isEnterpriseMatter() ? el('p', { class: 'small' }, t('您本人的身份证件等个人信息（如居民身份证）属于您本人，将另行以您本人的名义授权读取。',
      "Your own personal records (such as your identity card) are yours: you consent to reading them in your own name, separately.")) : null,
    el('p', {}, el('strong', {}, t('用途：', 'Purpose: ')), t('一件事一次办申请：', 'Applying once: ') + label(state.matter.summary.name)),
    el('p', {}, el('strong', {}, t('有效期至：', 'Valid until: ')), formatDate(validUntil),
      el('span', { class: 'small muted' }, t('（30天，可随时撤回；每次读取都会记录）', ' (30 days; you may withdraw it at any time; every read is logged)')),
      ' ', el('a', { href: '/consents.html' }, t('我的授权', 'My consents')), ' · ', el('a', { href: '/data-access.html' }, t('数据使用记录', 'Who read my data'))),
    el('div', { id: 'consent-message', 'aria-live': 'polite' }),
    el('div', { class: 'actions' },
      el('button', { type: 'button', id: 'grant', onclick: () => startDraft(true) }, t('同意授权并预填', 'Consent and prefill')),
      el('button', { type: 'button', id: 'no-consent', class: 'secondary', onclick: () => startDraft(false) }, t('不授权，自行填写和上传', 'Do not consent; I type and upload myself'))));
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
  return material ? label(material.name) : type;
}

function enterpriseFields(applicant) {
  return el('fieldset', {}, el('legend', {}, t('申请企业', 'Enterprise applying')),
    el('label', { for: 'applicant-id' }, t('统一社会信用代码', 'Unified social credit code')),
    el('input', { id: 'applicant-id', name: 'applicant.id', maxlength: 18, autocomplete: 'off', required: true, value: applicant?.id || '' }),
    el('label', { for: 'applicant-name' }, t('企业名称', 'Enterprise name')),
    el('input', { id: 'applicant-name', name: 'applicant.name', required: true, value: applicant?.name || '' }));
}

/** The county or city where the application is made: it decides the hall and the departments. */
function regionChoice(chosen) {
  const select = el('select', { id: 'region', name: 'region', required: true });
  const wrapper = el('div', {}, el('label', { for: 'region' }, t('办理地区', 'Region'),
    el('span', { class: 'hint' }, t('决定受理大厅和办理部门', 'Decides the hall and the departments'))), select);
  const prefecture = param('region') || '430100';
  api('GET', '/api/v1/regions/' + encodeURIComponent(prefecture)).then(detail => {
    select.replaceChildren(el('option', { value: detail.region.code }, detail.region.name + t('（市本级）', ' (city level)')),
      ...detail.children.map(r => el('option', { value: r.code, selected: r.code === chosen }, r.name)));
  }).catch(() => select.replaceChildren(el('option', { value: prefecture }, prefecture)));
  return wrapper;
}

function applicantInput() {
  if (!isEnterpriseMatter()) return undefined; // the server takes the signed-in person
  return { kind: 'ENTERPRISE', id: document.getElementById('applicant-id').value.trim().toUpperCase(),
    name: document.getElementById('applicant-name').value.trim() };
}

/** Grants consent when asked, opens the draft, prefills it under the consent, and shows the form. */
async function startDraft(withConsent) {
  const message = document.getElementById('consent-message');
  const applicant = applicantInput();
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
    if (state.consent) {
      state.draft = await api('POST', '/api/v1/drafts/' + state.draft.id + '/prefill?version=' + state.draft.version);
    }
    const prefilled = Object.values(state.draft.form).filter(v => v.source === 'PREFILLED').length;
    const spared = (state.draft.materials?.resolved || []).filter(m => m.source === 'E_LICENCE' || m.source === 'REGISTRY').length;
    notice(message, state.consent
      ? t('已授权（有效期至 ' + formatDate(state.consent.validUntil) + '），已预填 ' + prefilled + ' 项，' + spared + ' 份材料已由政府获取、无需提交。',
        'Consent given (until ' + formatDate(state.consent.validUntil) + '); ' + prefilled + (prefilled === 1 ? ' field' : ' fields')
          + ' prefilled, ' + spared + (spared === 1 ? ' material' : ' materials') + ' obtained by the government.')
      : t('未授权：请自行填写并上传材料。', 'No consent: type the form and upload the materials yourself.'));
    document.querySelectorAll('#grant, #no-consent').forEach(b => { b.disabled = true; });
    openSteps();
    document.getElementById('form-step').scrollIntoView({ block: 'start' });
  } catch (e) {
    showProblem(message, e, document.getElementById('application'));
  }
}

function channel() {
  if (kiosk()) return 'KIOSK';
  return matchMedia('(max-width: 40rem)').matches ? 'MOBILE' : 'ONLINE';
}

/** A draft saved earlier: its answers, consent, values and uploads come back, and every step is open. */
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
  fill(document.getElementById('consent'),
    isEnterpriseMatter() ? enterpriseFields(draft.applicant) : null,
    regionChoice(draft.region),
    el('p', { class: 'notice' }, state.consent ? t('继续填写草稿；已授权读取共享数据。', 'Continuing the draft; consent was given.')
      : t('继续填写草稿；未授权读取共享数据。', 'Continuing the draft; no consent was given.')));
  await guide();
  openSteps();
}

function openSteps() {
  for (const id of ['form-step', 'materials-step', 'delivery-step']) document.getElementById(id).hidden = false;
  drawForm({});
  drawMaterials();
  drawDelivery();
}

// ------------------------------------------------------------------ the merged form

/** The merged form from the guidance, each field with the draft's value (prefilled ones marked). */
function drawForm(typed) {
  const sections = state.guidance.form.sections;
  document.getElementById('form').replaceChildren(
    el('p', { class: 'small muted' }, t('带 * 的为必填项。标“已预填”的数据来自您的实名认证信息、政府共享库或您在情形引导中的回答，标签写明来源；如有错误可修改并说明原因。',
      'Fields marked * are required. "Prefilled" values come from your verified identity, a shared registry or your answers, as each label says; correct them with a reason if wrong.')),
    ...sections.map(section => el('fieldset', { id: 'section-' + section.section },
      el('legend', {}, label(section.label)),
      section.fields.map(field => formField(field, typed)))));
}

function formField(field, typed) {
  const stored = state.draft.form[field.element];
  const value = typed['form.' + field.element] ?? stored?.value ?? '';
  const id = 'f-' + field.element;
  const input = inputFor(field, id, value);
  const prefilled = stored && stored.prefilledValue != null;
  const wrapper = el('div', { class: 'field', dataset: { element: field.element } },
    el('label', { for: id }, label(field.label), field.required ? el('span', { 'aria-hidden': 'true' }, ' *') : null,
      prefilled ? el('span', { class: 'badge green prefilled' }, t('已预填：', 'Prefilled: ') + originOf(stored)) : null,
      hint(field) ? el('span', { class: 'hint', id: id + '-hint' }, hint(field)) : null),
    input);
  if (hint(field)) input.setAttribute('aria-describedby', id + '-hint');
  if (prefilled) {
    // a changed prefilled value needs a reason, which the server records beside the registry's value
    const reason = correctionReason(field, stored, typed);
    wrapper.append(reason);
    const toggle = () => { reason.hidden = input.value === stored.prefilledValue; };
    input.addEventListener('input', toggle);
    input.addEventListener('change', toggle);
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
          await guide().catch(e => showProblem(document.getElementById('message'), e));
        } }),
      t('以告知承诺代替此材料', 'Replace this material by a signed commitment')),
    el('p', { class: 'small' }, t('承诺书：本人承诺，“' + label(m.name) + '”所证明的事项真实、准确、完整。如承诺不实，本人愿意承担相应法律责任，已作出的决定可被撤销，并接受事后核查。',
      'Commitment: I declare that what "' + label(m.name) + '" would prove is true, accurate and complete. If it is not, I bear the legal consequences, the decision may be revoked, and I accept a later verification.')));
}

function upload(m, note) {
  const id = 'file-' + m.code;
  const status = el('span', { class: 'small', id: id + '-status', 'aria-live': 'polite' },
    state.attachments[m.code] ? t('已上传', 'Uploaded') : '');
  return el('div', {},
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
    showProblem(document.getElementById('message'), e);
  }
}

// ------------------------------------------------------------------ delivery and submission

function drawDelivery() {
  const chosen = state.draft.delivery?.method || 'WINDOW_PICKUP';
  const mail = el('div', { id: 'mail', hidden: chosen !== 'FREE_MAIL' },
    el('label', { for: 'recipient' }, t('收件人', 'Recipient')),
    el('input', { id: 'recipient', name: 'delivery.recipient', autocomplete: 'name', value: state.draft.delivery?.recipient || state.user.displayName || '' }),
    el('label', { for: 'delivery-mobile' }, t('收件人手机号码', "Recipient's mobile")),
    el('input', { id: 'delivery-mobile', name: 'delivery.mobile', type: 'tel', inputmode: 'numeric', maxlength: 11, autocomplete: 'tel', value: state.draft.delivery?.mobile || '' }),
    el('label', { for: 'address' }, t('邮寄地址', 'Postal address')),
    el('input', { id: 'address', name: 'delivery.address', autocomplete: 'street-address', value: state.draft.delivery?.address || '' }));
  const option = (value, zh, en) => el('label', { class: 'choice', for: 'delivery-' + value },
    el('input', { type: 'radio', id: 'delivery-' + value, name: 'delivery.method', value, checked: chosen === value,
      onchange: () => { mail.hidden = value !== 'FREE_MAIL'; } }), t(zh, en));
  document.getElementById('delivery').replaceChildren(el('fieldset', {},
    el('legend', {}, t('领取方式', 'How to receive the result')),
    option('WINDOW_PICKUP', '到窗口领取', 'Pick up at the window'),
    option('FREE_MAIL', '免费邮寄', 'Free mail')), mail);
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
  // values the draft holds for fields that other answers took out of the form are cleared
  for (const element of Object.keys(state.draft.form)) {
    if (!(element in form)) form[element] = '';
  }
  const method = document.querySelector('[name="delivery.method"]:checked')?.value;
  const delivery = method === 'FREE_MAIL'
    ? { method, recipient: values['delivery.recipient'], mobile: values['delivery.mobile'], address: values['delivery.address'] }
    : method ? { method } : null;
  return { matter: code, region: values.region || undefined, applicant: applicantInput(), answers: state.answers, form, corrections,
    commitments: [...state.commitments], attachments: state.attachments, delivery, consentId: state.consent?.id };
}

async function saveDraft() {
  const target = document.getElementById('saved');
  try {
    state.draft = await api('PUT', '/api/v1/drafts/' + state.draft.id + '?version=' + state.draft.version, input());
    notice(target, t('草稿已保存（' + formatTime(state.draft.updatedAt) + '）。', 'Draft saved (' + formatTime(state.draft.updatedAt) + ').'));
  } catch (e) {
    showProblem(target, e, document.getElementById('application'));
  }
}

async function submit(event) {
  event.preventDefault();
  if (!state.draft) return;
  const message = document.getElementById('message');
  const button = document.getElementById('submit');
  button.disabled = true;
  try {
    const application = await api('POST', '/api/v1/drafts/' + state.draft.id + '/submission', input(), { 'Idempotency-Key': state.key });
    sessionStorage.removeItem(saved());
    confirmation(application);
  } catch (e) {
    showProblem(message, e, document.getElementById('application'));
    if (e instanceof ApiError && e.status === 409) {
      message.append(el('p', {}, t('草稿已在别处修改，请刷新页面。', 'The draft was changed elsewhere; reload the page.')));
    }
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
    el('h1', {}, t('申请已提交', 'Application submitted')),
    el('div', { class: 'notice ok', role: 'status', id: 'confirmation' },
      el('p', {}, t('您的“' + label(state.matter.summary.name) + '”申请已提交，综合窗口将进行受理审查。',
        'Your application for "' + label(state.matter.summary.name) + '" is submitted; the window will review it for acceptance.')),
      el('p', {}, t('申请编号：', 'Application: '), el('code', {}, application.id)),
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
  main.querySelector('h1').focus?.();
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
