// 数据共享 in the staff workbench: a department asks for conditional resources and sees the answers; the
// provider's head approves (perhaps until a day), refuses or revokes with a reason; a department reads a resource
// about a person or an enterprise. Every change reloads the lists from the API.
import { api, el, t, label, page, requireUser, hasRole, showProblem, notice, formatDate, formatTime, typed } from '/assets/onego.js';
import { table } from '/assets/case-parts.js';
import { SHARING, words } from '/assets/resources.js';

const STATUS = {
  REQUESTED: ['待答复', 'Awaiting answer'], APPROVED: ['已同意', 'Approved'], EXPIRED: ['已到期', 'Expired'],
  REFUSED: ['已拒绝', 'Refused'], REVOKED: ['已撤销', 'Revoked'],
};

let user;
let resources = [];
const elementLabels = new Map();

async function start() {
  user = await requireUser('REVIEWER', 'DEPARTMENT_HEAD');
  if (!user.department) {
    throw new Error(t('当前账号未归属任何部门。', 'Your account belongs to no department.'));
  }
  resources = (await api('GET', '/api/v1/shared-resources?size=100')).items;
  resources.flatMap(r => r.elements).forEach(e => elementLabels.set(e.code, e.label));
  const option = r => el('option', { value: r.code }, label(r.name) + ' — ' + (label(r.providerLabel) || r.providerName) + t('（', ' (') + words(SHARING, r.sharing) + t('）', ')'));
  document.getElementById('ask-resource').replaceChildren(
    ...resources.filter(r => r.sharing === 'CONDITIONAL' && r.provider !== user.department).map(option));
  document.getElementById('read-resource').replaceChildren(...resources.filter(r => r.sharing !== 'NOT_SHARED').map(option));
  const department = await api('GET', '/api/v1/departments/' + encodeURIComponent(user.department)).catch(() => null);
  document.getElementById('department').textContent = department ? label({ zh: department.name, en: department.nameEn }) : '';
  document.getElementById('ask').addEventListener('submit', ask);
  document.getElementById('read').addEventListener('submit', read);
  await lists();
}

async function lists() {
  const requests = await api('GET', '/api/v1/access-requests');
  const status = a => el('span', { class: 'badge state', dataset: { status: a.status } }, t(STATUS[a.status][0], STATUS[a.status][1]));
  const answer = a => [a.reason ? el('div', {}, typed(a.reason)) : null,
    a.revocationReason ? el('div', {}, t('撤销原因：', 'Revoked: '), typed(a.revocationReason)) : null,
    ['APPROVED', 'EXPIRED'].includes(a.status) ? el('div', { class: 'muted small' }, a.validUntil
      ? t('使用至 ' + a.validUntil, 'Until ' + a.validUntil) : t('长期有效，至撤销为止', 'Until revoked')) : null];
  const made = requests.made.map(a => el('tr', { dataset: { request: a.id } },
    el('th', { scope: 'row' }, label(a.resourceName)), el('td', {}, label(a.providerLabel) || a.providerName), el('td', {}, typed(a.purpose)),
    el('td', {}, typed(a.legalBasis)), el('td', {}, formatTime(a.requestedAt)), el('td', {}, formatDate(a.answerDue, a.answerDueProvisional)),
    el('td', {}, status(a)), el('td', {}, answer(a))));
  document.getElementById('made').replaceChildren(made.length
    ? table([t('资源', 'Resource'), t('提供部门', 'Provider'), t('用途', 'Purpose'), t('依据', 'Legal basis'), t('申请时间', 'Asked'),
      t('答复期限', 'Answer due'), t('状态', 'Status'), t('答复', 'Answer')], made)
    : el('p', { class: 'muted' }, t('本部门尚未提出申请。', 'Your department has asked for nothing yet.')));
  const received = requests.received.map(a => el('tr', { dataset: { request: a.id } },
    el('th', { scope: 'row' }, label(a.resourceName)), el('td', {}, label(a.requesterLabel) || a.requesterName), el('td', {}, typed(a.purpose)),
    el('td', {}, typed(a.legalBasis)), el('td', {}, formatDate(a.answerDue, a.answerDueProvisional)), el('td', {}, status(a)), el('td', {}, answer(a)),
    el('td', {}, hasRole(user, 'DEPARTMENT_HEAD') ? actions(a) : null)));
  document.getElementById('received').replaceChildren(received.length
    ? table([t('资源', 'Resource'), t('申请部门', 'Requester'), t('用途', 'Purpose'), t('依据', 'Legal basis'), t('答复期限', 'Answer due'),
      t('状态', 'Status'), t('答复', 'Answer'), t('操作', 'Action')], received)
    : el('p', { class: 'muted' }, t('没有对本部门资源的申请。', 'Nobody has asked for your resources.')));
}

function actions(a) {
  if (a.status === 'REQUESTED') {
    const until = el('input', { type: 'date', name: 'until', 'aria-label': t('同意至', 'Approve until') });
    const reason = el('input', { name: 'reason', maxlength: 1000, 'aria-label': t('拒绝理由', 'Reason for refusal'),
      placeholder: t('拒绝理由', 'Reason for refusal') });
    const form = el('form', { class: 'row' }, until,
      el('button', { type: 'button', class: 'approve', onclick: () => decide(a.id, 'approval', { until: until.value || null }, form) }, t('同意', 'Approve')),
      reason,
      el('button', { type: 'button', class: 'secondary refuse', onclick: () => decide(a.id, 'refusal', { reason: reason.value }, form) }, t('拒绝', 'Refuse')));
    return form;
  }
  if (a.status === 'APPROVED') {
    const reason = el('input', { name: 'reason', maxlength: 1000, 'aria-label': t('撤销原因', 'Reason for revoking'),
      placeholder: t('撤销原因', 'Reason for revoking') });
    const form = el('form', { class: 'row' }, reason,
      el('button', { type: 'button', class: 'secondary revoke', onclick: () => decide(a.id, 'revocation', { reason: reason.value }, form) }, t('撤销', 'Revoke')));
    return form;
  }
  return null;
}

async function decide(id, decision, body, form) {
  const message = document.getElementById('message');
  try {
    await api('POST', '/api/v1/access-requests/' + id + '/' + decision, body);
    notice(message, t('已处理。', 'Done.'));
    await lists();
  } catch (e) {
    showProblem(message, e, form);
  }
}

async function ask(event) {
  event.preventDefault();
  const form = event.target;
  const message = document.getElementById('message');
  const body = { purpose: form.elements.purpose.value, legalBasis: form.elements.legalBasis.value, until: form.elements.until.value || null };
  try {
    const asked = await api('POST', '/api/v1/shared-resources/' + encodeURIComponent(form.elements.resource.value) + '/access-requests', body);
    notice(message, t('申请已提交，答复期限 ' + formatDate(asked.answerDue, asked.answerDueProvisional) + '。', 'Request sent; the answer is due ' + formatDate(asked.answerDue, asked.answerDueProvisional) + '.'));
    form.reset();
    await lists();
  } catch (e) {
    showProblem(message, e, form);
  }
}

async function read(event) {
  event.preventDefault();
  const form = event.target;
  const target = document.getElementById('served');
  const body = { subject: form.elements.subject.value.trim(), purpose: form.elements.purpose.value, legalBasis: form.elements.legalBasis.value };
  try {
    const served = await api('POST', '/api/v1/shared-resources/' + encodeURIComponent(form.elements.resource.value) + '/reads', body);
    const rows = Object.entries(served.data).map(([code, value]) => [el('dt', {}, label(elementLabels.get(code)) || code), el('dd', {}, String(value))]);
    target.replaceChildren(el('div', { class: 'card', dataset: { served: 'true' } }, served.held && rows.length
      ? el('dl', { class: 'facts' }, rows.flat())
      : el('p', {}, t('共享库中没有该主体的记录。', 'The registry holds nothing about this subject.'))));
  } catch (e) {
    showProblem(target, e, form);
  }
}

page(start);
