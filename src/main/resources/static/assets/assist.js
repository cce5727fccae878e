// 帮代办: a window clerk enters an application for a visitor. The API lets a clerk act for a person only
// with the visitor's signed authorisation on record (capacity ASSISTANT, the clerk as the authorised
// user), so the page records that first, then walks questions → merged form → materials → submit,
// with channel WINDOW. The case then lands in the hall's queue like any other. A visitor whose matter belongs to
// another region (跨域通办) has it accepted here for that region: the page names this hall as the accepting hall, and
// the server checks the items' 通办范围.
import { api, el, t, label, requireUser, showProblem, ApiError, today, shiftDay } from '/assets/onego.js';
import { questions, mergedForm, formValues, materialInputs, upload, uploadMaterials, regionPicker } from '/assets/form-fields.js';

export async function start() {
  const user = await requireUser('WINDOW_CLERK');
  const matters = await api('GET', '/api/v1/matters');
  const select = document.getElementById('matter');
  select.replaceChildren(el('option', { value: '' }, t('请选择', 'Choose')),
    ...matters.map(m => el('option', { value: m.code }, label(m.name))));
  // an authorisation for the visit: valid for a year unless the letter says otherwise
  const validUntil = document.getElementById('validUntil');
  validUntil.value = shiftDay(await today(), { years: 1 });
  const flow = { user, answers: {}, guidance: null };
  document.getElementById('competent-region').replaceChildren(regionPicker({ id: 'region', name: 'region',
    value: user.region, labelled: 'competent-hint' }));
  select.addEventListener('change', () => { flow.answers = {}; guide(flow); });
  document.getElementById('assist').addEventListener('submit', event => { event.preventDefault(); submit(flow); });
}

/** Asks the guidance for the answers so far and draws the questions, and the form once complete. */
async function guide(flow) {
  const matter = document.getElementById('matter').value;
  const questionsBox = document.getElementById('questions');
  const formBox = document.getElementById('application');
  formBox.hidden = true;
  if (!matter) {
    questionsBox.replaceChildren();
    return;
  }
  const kept = formValues(formBox);
  // busy while the questions are redrawn, so nobody (and no test) answers into a list about to go
  questionsBox.dataset.busy = 'true';
  flow.guidance = await api('POST', '/api/v1/matters/' + encodeURIComponent(matter) + '/guidance', { answers: flow.answers });
  questionsBox.replaceChildren(...questions(flow.guidance, flow.answers, (code, picked) => {
    flow.answers[code] = picked;
    guide(flow).catch(e => showProblem(document.getElementById('message'), e));
  }));
  delete questionsBox.dataset.busy;
  if (flow.guidance.complete) {
    document.getElementById('merged-form').replaceChildren(...mergedForm(flow.guidance, kept));
    document.getElementById('materials').replaceChildren(materialInputs(flow.guidance));
    formBox.hidden = false;
  }
}

async function submit(flow) {
  const form = document.getElementById('assist');
  const message = document.getElementById('message');
  const button = document.getElementById('submit');
  if (!flow.guidance?.complete) {
    message.replaceChildren(el('div', { class: 'notice error', role: 'alert' }, t('请先选择一件事并回答全部问题。', 'Choose a matter and answer every question first.')));
    return;
  }
  button.disabled = true;
  try {
    const visitor = { id: form.visitorId.value.trim().toUpperCase(), name: form.visitorName.value.trim() };
    await authorise(flow.user, visitor, form);
    const region = form.region.value || flow.user.region;
    const application = await api('POST', '/api/v1/applications', {
      matter: flow.guidance.matter, region, channel: 'WINDOW', acceptingHall: acceptingHall(flow.user, region),
      applicant: { kind: 'PERSON', id: visitor.id, name: visitor.name },
      answers: flow.answers, form: formValues(form), attachments: await uploadMaterials(form), commitments: [],
      delivery: delivery(form),
    }, { 'Idempotency-Key': flow.key || (flow.key = crypto.randomUUID()) });
    flow.key = null;
    form.replaceChildren();
    message.replaceChildren(el('div', { class: 'notice ok', role: 'status' },
      el('strong', {}, t('申请已提交，进入本大厅待受理队列。', 'Submitted: the application is in this hall\'s queue.')),
      el('p', {}, t('申请编号：', 'Application: '), el('code', {}, application.id)),
      el('p', {}, el('a', { href: '/window.html?state=AWAITING_ACCEPTANCE', id: 'to-queue' }, t('到待受理队列', 'Go to the queue')))));
  } catch (e) {
    showProblem(message, e, form);
    if (e instanceof ApiError && e.problem.halls?.length) {
      message.firstElementChild.append(el('p', {}, t('可以办理的大厅：', 'Halls that can accept it:')),
        el('ul', { id: 'halls-that-can' }, e.problem.halls.map(h => el('li', {}, el('strong', {}, label(h.name)),
          h.address ? ' · ' + label(h.address) : '', h.phone ? ' · ' + t('电话 ', 'phone ') + h.phone : ''))));
    }
  } finally {
    button.disabled = false;
  }
}

/**
 * This hall, when the visitor's matter belongs to a region off its line (another county, city or province: 异地收件);
 * none otherwise, the case then going to the competent region's hall as always. A hall's code begins with its
 * region's.
 */
function acceptingHall(user, region) {
  const hallRegion = (user.hall || '').substring(0, 6);
  if (!user.hall || !/^\d{6}$/.test(hallRegion) || onOneLine(hallRegion, region)) return undefined;
  return user.hall;
}

/** Whether one region lies within the other: the digits a province, city or county shares with those below it. */
function onOneLine(a, b) {
  const prefix = code => code.length === 6 && code.endsWith('0000') ? code.substring(0, 2)
    : code.length === 6 && code.endsWith('00') ? code.substring(0, 4) : code;
  return b.startsWith(prefix(a)) || a.startsWith(prefix(b));
}

/** Records the visitor's signed authorisation of this clerk (once per submission; a repeat is harmless). */
async function authorise(user, visitor, form) {
  const letter = form.authorisation.files[0];
  if (!letter) {
    throw new ApiError(400, { title: t('请上传授权委托书', 'Upload the authorisation'),
      errors: [{ field: 'authorisation', message: { zh: '请上传来访群众签字的授权委托书', en: 'upload the visitor\'s signed authorisation' } }] });
  }
  await api('POST', '/api/v1/representations', {
    subject: visitor.id, subjectName: visitor.name, username: user.username, capacity: 'ASSISTANT',
    authorisation: await upload(letter), validUntil: form.validUntil.value || null,
  }).catch(e => {
    // the representation's fields are named subject/subjectName; the page's are visitorId/visitorName
    if (e instanceof ApiError) {
      e.problem.errors = (e.problem.errors || []).map(f => ({ ...f,
        field: { subject: 'visitorId', subjectName: 'visitorName' }[f.field] || f.field }));
    }
    throw e;
  });
}

function delivery(form) {
  const method = form.querySelector('input[name="delivery.method"]:checked')?.value;
  return {
    method, recipient: form['delivery.recipient'].value.trim() || null, mobile: form['delivery.mobile'].value.trim() || null,
    address: method === 'FREE_MAIL' ? form['delivery.address'].value.trim() || null : null,
  };
}
