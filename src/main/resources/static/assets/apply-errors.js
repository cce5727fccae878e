// Errors where they belong: each problem of the server (or of the page's own checks) is put next to its field,
// named by the field's label in the page's language, and taken away as soon as that field changes. The
// server speaks in field paths (form.CONTACT_MOBILE, materials.X, idNumber); people never see those.
import { el, t, label, ApiError, count } from '/assets/onego.js';

let shown = 0;

/**
 * Where a path of the API is on the page: the element to mark, the step it is on and its label. Unknown paths
 * are placed in the summary of the step shown, under a general name.
 */
export function locate(path, page) {
  const [head, ...rest] = String(path || '').split('.');
  const tail = rest.join('.');
  const byId = id => document.getElementById(id);
  const field = page.field(tail);
  switch (head) {
    case 'answers': return { step: 1, target: byId('q-' + tail), name: page.question(tail) };
    case 'region': return { step: 1, target: byId('region'), name: t('办理地区', 'Region') };
    case 'applicant': case 'idNumber': case 'name':
      return tail === 'name' || head === 'name'
        ? { step: 1, target: byId('applicant-name'), name: t('申请人名称', "Applicant's name") }
        : { step: 1, target: byId('applicant-id'), name: t('申请人证件号码', "Applicant's identifier") };
    case 'acceptingHall': return { step: 4, target: byId('hall-fieldset'), name: t('递交和领取的大厅', 'Where to hand in and collect') };
    case 'consentId': return { step: 1, target: byId('consent'), name: t('数据授权', 'Consent') };
    case 'form':
      if (field && page.isDelivery(field)) return { step: 4, target: byId('delivery-fieldset'), name: t('领取方式', 'How to receive the result') };
      return { step: 2, target: byId('f-' + tail + '-picker') || byId('f-' + tail), name: field ? label(field.label) : t('申请表', 'The form') };
    case 'corrections':
      return { step: 2, target: byId('c-' + tail), name: t('修改原因', 'Reason for the change') + (field ? t('（', ' (') + label(field.label) + t('）', ')') : '') };
    case 'materials': case 'attachments':
      return { step: 3, target: byId('file-' + tail) || byId('material-' + tail), name: page.material(tail) };
    case 'commitments': return { step: 3, target: byId('commit-' + tail) || byId('material-' + tail), name: page.material(tail) };
    case 'delivery': {
      const ids = { recipient: ['recipient', t('收件人', 'Recipient')], mobile: ['delivery-mobile', t('收件人手机号码', "Recipient's mobile")],
        address: ['address', t('邮寄地址', 'Postal address')] };
      const [id, name] = ids[tail] || ['delivery-fieldset', t('领取方式', 'How to receive the result')];
      return { step: 4, target: byId(id), name };
    }
    default: return { step: null, target: null, name: t('申请', 'The application') };
  }
}

/** Takes every error off the page. */
export function clearAll(root) {
  root.querySelectorAll('.field-error[data-for]').forEach(node => unmark(node));
  document.getElementById('problems')?.replaceChildren();
}

function unmark(note) {
  const target = document.getElementById(note.dataset.for);
  note.remove();
  if (!target) return;
  const inputs = target.matches('input, select, textarea') ? [target] : [...target.querySelectorAll('input, select, textarea')];
  inputs.forEach(input => {
    input.removeAttribute('aria-invalid');
    const rest = (input.getAttribute('aria-describedby') || '').split(' ').filter(id => id && id !== note.id);
    rest.length ? input.setAttribute('aria-describedby', rest.join(' ')) : input.removeAttribute('aria-describedby');
  });
  if (!document.querySelector('.field-error[data-for]')) document.getElementById('problems')?.replaceChildren();
}

/** Puts one message next to its element (an input, a select, a fieldset or a material's card). */
export function mark(target, name, message) {
  if (!target.id) target.id = 'mark-' + (++shown);
  document.querySelectorAll('.field-error[data-for="' + CSS.escape(target.id) + '"]').forEach(unmark);
  const note = el('p', { class: 'field-error', id: 'error-' + (++shown), dataset: { for: target.id } },
    el('strong', {}, name), t('：', ': '), label(message));
  const inputs = target.matches('input, select, textarea') ? [target] : [...target.querySelectorAll('input, select, textarea')];
  inputs.forEach(input => {
    input.setAttribute('aria-invalid', 'true');
    input.setAttribute('aria-describedby', [input.getAttribute('aria-describedby'), note.id].filter(Boolean).join(' '));
  });
  const holder = target.closest('.field, .material, fieldset, .region-picker') || target;
  const after = target.matches('input, select, textarea') && !target.closest('.region-picker') ? target : null;
  after ? after.insertAdjacentElement('afterend', note) : holder.append(note);
  // fixed: the message goes as soon as the field changes (the next check or the server says again if still wrong)
  const watch = target.matches('input, select, textarea') ? target : holder;
  const clear = () => unmark(note);
  watch.addEventListener('input', clear, { once: true });
  watch.addEventListener('change', clear, { once: true });
  return note;
}

/**
 * Shows problems — [{field, message}] from the server's problem+json or the page's own checks — at their
 * fields, with a summary above that links to each; returns the first step that has one.
 */
export function showErrors(problems, page, detail) {
  clearAll(document);
  const placed = problems.map(p => ({ ...locate(p.field, page), message: p.message }));
  const steps = placed.map(p => p.step).filter(Boolean);
  const step = steps.length ? Math.min(...steps) : null;
  const items = placed.map(p => {
    const note = p.target ? mark(p.target, p.name, p.message) : null;
    const text = [el('strong', {}, p.name), t('：', ': '), label(p.message)];
    return el('li', {}, note && p.step === step ? el('a', { href: '#' + p.target.id }, ...text) : text);
  });
  document.getElementById('problems').replaceChildren(el('div', { class: 'notice error', role: 'alert' },
    el('strong', {}, detail || t('请修改以下 ' + problems.length + ' 处后继续：', 'Please correct ' + count(problems.length, '', 'thing') + ' to go on:')),
    el('ul', {}, items)));
  return step;
}

/** The field problems of an API error, or one general problem for an error without any. */
export function problemsOf(error) {
  const problem = error instanceof ApiError ? error.problem : { detail: String(error?.message || error) };
  if (problem.errors?.length) return { problems: problem.errors.map(e => ({ field: e.field, message: e.message })), problem };
  return { problems: [], problem };
}

/** A problem without fields (a conflict, an outage): its title and detail, and the request id to quote. */
export function showGeneral(target, problem) {
  target.replaceChildren(el('div', { class: 'notice error', role: 'alert' },
    el('strong', {}, problem.title || t('出错了', 'Something went wrong')),
    problem.detail && problem.detail !== problem.title ? el('p', {}, problem.detail) : null,
    problem.requestId ? el('p', { class: 'request-id' }, t('请求编号 ', 'Request id '), el('code', {}, problem.requestId)) : null));
}
