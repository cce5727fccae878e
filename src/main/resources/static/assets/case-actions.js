// What the applicant does on their own case: 补正 answered online — a file for each thing the window or a
// department asked for and each material accepted as missing (容缺), with a note — and 撤回申请 while the case
// still waits for the window. Both reload the page, which then shows the case as it is now.
import { api, el, t, label, state, formatTime, showProblem } from '/assets/onego.js';
import { upload } from '/assets/form-fields.js';

const WITHDRAWABLE = ['AWAITING_ACCEPTANCE', 'AWAITING_SUPPLEMENT'];
const ACCEPTS = '.pdf,.ofd,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png';

/** The applicant's sections of the case page, into target; nothing when there is nothing for them to do. */
export async function applicantActions(view, target) {
  const c = view.caseFile;
  const parts = [];
  if (c.state === 'WITHDRAWN') {
    const step = [...view.history].reverse().find(s => s.action === 'WITHDRAWN');
    parts.push(el('div', { class: 'notice ok', id: 'withdrawn', role: 'status' },
      el('p', {}, el('strong', {}, t('本申请已撤回，不再办理。', 'This application was withdrawn and will not be handled.'))),
      el('p', { class: 'small' }, t('撤回时间：', 'Withdrawn: ') + formatTime(c.closedAt)),
      step?.detail ? el('p', { class: 'small' }, t('撤回原因：', 'Reason: ') + step.detail) : null,
      el('p', { class: 'small muted' }, t('如仍需办理，请重新提交申请。', 'To go ahead after all, apply again.'))));
  }
  const openGaps = (c.gaps || []).filter(g => !g.suppliedAttachment);
  const open = (c.supplement || []).length || (c.state === 'IN_PROGRESS' && openGaps.length);
  if (open && ['AWAITING_SUPPLEMENT', 'IN_PROGRESS', 'READY'].includes(c.state)) {
    parts.push(await supplyForm(c, openGaps));
  } else if (justSupplied(view)) {
    parts.push(el('div', { class: 'notice ok', id: 'supplied', role: 'status' },
      t('您已提交补正材料，', 'You handed in the supplement; ') + (c.state === 'AWAITING_ACCEPTANCE'
        ? t('等待综合窗口受理。', 'the window will now decide on acceptance.')
        : t('相关部门继续办理。', 'the departments go on with the case.'))));
  }
  if (WITHDRAWABLE.includes(c.state)) {
    parts.push(withdrawForm(c));
  }
  if (!parts.length) {
    target.replaceChildren();
    return;
  }
  target.replaceChildren(el('h2', {}, t('我要办理', 'What I can do')), ...parts);
}

/** The last thing that happened to the case is the supplement its applicant handed in. */
function justSupplied(view) {
  const last = view.history[view.history.length - 1];
  return last?.action === 'SUPPLIED';
}

/** Names of what may be asked for: materials and form fields, from the public catalogue. */
async function names() {
  const [materials, elements] = await Promise.all([
    api('GET', '/api/v1/materials').catch(() => []),
    api('GET', '/api/v1/data-elements').catch(() => []),
  ]);
  const byCode = new Map();
  materials.forEach(m => byCode.set(m.code, m.name));
  elements.forEach(e => byCode.set(e.code, e.label));
  return byCode;
}

async function supplyForm(c, openGaps) {
  const byCode = await names();
  // a subject the catalogue does not name is the clerk's own words (or a code nobody should read): said generally
  const nameOf = subject => byCode.has(subject) ? label(byCode.get(subject))
    : /^[A-Z0-9_-]+$/.test(subject) ? t('其他补正事项', 'Something else to supply') : subject;
  const wanted = [
    ...(c.supplement || []).map(r => ({ key: r.subject, name: nameOf(r.subject), why: r.why })),
    ...openGaps.filter(g => !(c.supplement || []).some(r => r.subject === g.material))
      .map(g => ({ key: g.material, name: g.name, why: t('容缺受理时缺少的材料，请在期限内补齐', 'Missing when the case was accepted with gaps; supply it by the deadline') })),
  ];
  const message = el('div', { 'aria-live': 'assertive' });
  const form = el('form', { id: 'answer-supplement', novalidate: true },
    el('h3', {}, t('在线补正', 'Supply what was asked online')),
    el('p', { class: 'small muted' }, t('请按要求一次性补齐下列材料；每项可上传一个文件（PDF、OFD、JPG 或 PNG）。',
      'Please supply everything below in one go; one file each (PDF, OFD, JPG or PNG).')),
    c.gapDeadline && openGaps.length ? el('p', { class: 'small' }, t('容缺材料补正期限：', 'Deadline for the missing materials: ') + c.gapDeadline) : null,
    el('ol', { id: 'supplement-requests' }, wanted.map((w, i) => el('li', { class: 'field', dataset: { subject: w.key } },
      el('label', { for: 'answer-' + i }, el('strong', {}, w.name)),
      w.why ? el('p', { class: 'small' }, t('原因：', 'Why: '), w.why) : null,
      el('input', { type: 'file', id: 'answer-' + i, name: 'attachments.' + w.key, accept: ACCEPTS, dataset: { key: w.key } })))),
    el('label', { for: 'answer-note' }, t('说明（选填）', 'Note (optional)'),
      el('span', { class: 'hint' }, t('至多1000字；表单内容有误的，请在此写明正确内容', 'At most 1,000 characters; where a form entry was wrong, give the right one here'))),
    el('textarea', { id: 'answer-note', name: 'note', rows: 3, maxlength: 1000 }),
    message,
    el('div', { class: 'actions' }, el('button', { type: 'submit', id: 'send-supplement' }, t('提交补正材料', 'Hand in the supplement'))));
  form.addEventListener('submit', async event => {
    event.preventDefault();
    const button = form.querySelector('#send-supplement');
    button.disabled = true;
    try {
      const attachments = {};
      for (const input of form.querySelectorAll('input[type=file]')) {
        if (input.files.length) attachments[input.dataset.key] = await upload(input.files[0]);
      }
      await api('POST', '/api/v1/cases/' + encodeURIComponent(c.id) + '/supplement',
        { attachments, note: form.note.value.trim() || null });
      location.reload();
    } catch (e) {
      showProblem(message, e, form);
      button.disabled = false;
    }
  });
  return form;
}

function withdrawForm(c) {
  const message = el('div', { 'aria-live': 'assertive' });
  const form = el('form', { id: 'withdraw-form', novalidate: true },
    el('p', { class: 'small' }, t('综合窗口受理前，您可以撤回申请；受理后如需撤回，请联系受理大厅。撤回后本申请不再办理。',
      'Until the window accepts it you may withdraw the application; afterwards, contact the hall. A withdrawn application is not handled.')),
    el('label', { for: 'withdraw-reason' }, t('撤回原因（选填）', 'Reason (optional)'),
      el('span', { class: 'hint' }, t('至多1000字', 'At most 1,000 characters'))),
    el('textarea', { id: 'withdraw-reason', name: 'reason', rows: 2, maxlength: 1000 }),
    message,
    el('div', { class: 'actions' }, el('button', { type: 'submit', id: 'withdraw', class: 'secondary' }, t('确认撤回申请', 'Withdraw the application'))));
  form.addEventListener('submit', async event => {
    event.preventDefault();
    const button = form.querySelector('#withdraw');
    button.disabled = true;
    try {
      await api('POST', '/api/v1/cases/' + encodeURIComponent(c.id) + '/withdrawal', { reason: form.reason.value.trim() || null });
      location.reload();
    } catch (e) {
      showProblem(message, e, form);
      button.disabled = false;
    }
  });
  return el('details', { id: 'withdrawal', class: 'card' },
    el('summary', {}, t('撤回申请', 'Withdraw the application'), el('span', { class: 'small muted' }, ' · ' + state(c.state))),
    form);
}
