// 帮代办: a window clerk enters an application for a visitor. The API lets a clerk act for a person only
// with the visitor's signed authorisation on record (capacity ASSISTANT, the clerk as the authorised
// user), so the page records that first, then walks questions → merged form → materials → submit,
// with channel WINDOW. The case then lands in the hall's queue like any other.
import { api, el, t, label, requireUser, showProblem, ApiError, today, shiftDay } from '/assets/onego.js';
import { questions, mergedForm, formValues, materialInputs, upload, uploadMaterials } from '/assets/form-fields.js';

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
    const application = await api('POST', '/api/v1/applications', {
      matter: flow.guidance.matter, region: flow.user.region, channel: 'WINDOW',
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
  } finally {
    button.disabled = false;
  }
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
