// 跨域通办 on the pages: where a case was accepted and where it is handled (受理地 / 办理地), the paper transfer of its
// originals between the two halls (原件流转) — on the applicant's, the window's and the department's pages — and, on the
// window's page, the hall's parcels to send and to sign for. Regions and halls by name, never by code.
import { api, el, t, label, regionName, formatTime, count } from '/assets/onego.js';
import { act, field, table } from '/assets/case-parts.js';

const STATES = {
  AWAITING_DISPATCH: ['待寄出', 'Awaiting dispatch'],
  IN_TRANSIT: ['已寄出，运送中', 'On its way'],
  RECEIVED: ['已签收', 'Signed for'],
};

/** A transfer's state in words. */
export function transferState(code) {
  const words = STATES[code];
  return words ? t(words[0], words[1]) : t('原件流转', 'Paper originals');
}

/** Whether a hall of another region accepted the case for the competent one (异地收件). */
export function crossRegion(caseFile) {
  return !!caseFile.acceptingRegion && caseFile.acceptingRegion !== caseFile.region;
}

/**
 * The lines of a cross-region case — 受理地, 办理地 and its originals' transfer — as [name, value] pairs in the
 * reader's language; none for a case handled where it was accepted.
 */
export async function placePairs(view) {
  const c = view.caseFile;
  if (!crossRegion(c)) return [];
  const [accepting, competent] = await Promise.all([regionName(c.acceptingRegion), regionName(c.region)]);
  return [
    [t('受理地', 'Accepted in'), el('span', { id: 'accepting-region' }, accepting)],
    [t('办理地', 'Handled in'), el('span', { id: 'competent-region' }, competent)],
    view.transfer ? [t('原件流转', 'Paper originals'), transferLine(view.transfer)] : null,
    await partnerPair(c.id),
  ].filter(Boolean);
}

const PARTNER_STATES = {
  AWAITING_ACCEPTANCE: ['已接收，待对方受理', 'received, awaiting acceptance there'],
  IN_PROGRESS: ['对方办理中', 'being handled there'],
  READY: ['对方已办结，结果转回本地出件', 'decided there; the results are issued here'],
  ISSUED: ['对方已办结，结果转回本地出件', 'decided there; the results are issued here'],
  NOT_ACCEPTED: ['对方不予受理', 'not accepted there'],
  REFUSED: ['对方不予许可', 'refused there'],
};

/**
 * 远程流转 to a partner platform: sent and not yet received (with a warning once that lasts), then the partner's case
 * number and where it stands; none for a case handled on this platform.
 */
async function partnerPair(caseId) {
  let status;
  try {
    status = await api('GET', `/api/v1/cases/${encodeURIComponent(caseId)}/partner`);
  } catch (e) {
    return null; // not forwarded: handled here
  }
  const partner = el('span', { lang: 'zh-CN' }, label(status.partner));
  const words = PARTNER_STATES[status.partnerState];
  const line = !status.delivered
    ? [t('已发往', 'Sent to '), partner, t('，对方平台尚未接收', '; not received there yet'),
      status.overdue ? [' ', el('span', { class: 'badge red', id: 'partner-overdue' },
        t('超时未接收，请联系对方平台', 'Not received for too long: contact the partner platform'))] : null]
    : [partner, t('办件编号 ', ', case number '), el('span', { class: 'mono' }, status.partnerNumber || ''),
      words ? [t('，', ': '), t(words[0], words[1])] : null];
  return [t('转办平台', 'Handled by'), el('span', { id: 'partner-status' }, line)];
}

/** The pairs as a definition list, or nothing. */
export async function placeFacts(view) {
  const pairs = await placePairs(view);
  if (!pairs.length) return null;
  return el('dl', { class: 'facts', id: 'cross-region' }, pairs.flatMap(([name, value]) => [el('dt', {}, name), el('dd', {}, value)]));
}

/** Where the originals are: state, between which halls, since when, and which. */
function transferLine(transfer) {
  return el('span', { id: 'transfer' },
    el('span', { class: 'badge state', id: 'transfer-state' }, transferState(transfer.state)),
    transfer.overdue ? [' ', overdueBadge()] : null,
    ' ', label(transfer.from.name), ' → ', label(transfer.to.name),
    transfer.dispatchedAt ? el('span', { class: 'small muted' }, t('（寄出于 ', ' (sent ') + formatTime(transfer.dispatchedAt) + t('）', ')')) : null,
    el('div', { class: 'small muted' }, originalsText(transfer.originals)));
}

function overdueBadge() {
  return el('span', { class: 'badge red' }, t('寄递超时', 'Overdue'));
}

/** "变更决议 原件1份；公司章程 原件1份" / "Resolution: 1 original; …". */
function originalsText(originals) {
  return (originals || []).map(o => label(o.name) + t(' 原件' + o.originals + '份', ': ' + count(o.originals, '', 'original'))).join(t('；', '; '));
}

// ------------------------------------------------------------------ the hall's lists (window.html)

/**
 * The hall's paper transfers: what it sends (to dispatch, on the way, signed for) and what comes to it (to sign for),
 * each with its case number, the materials by name and the other hall by name; the dispatch and receipt forms show
 * their problems at the field.
 */
export async function hallTransfers(target, hall) {
  if (!hall) {
    target.replaceChildren();
    return;
  }
  const message = el('div', { id: 'transfer-message', 'aria-live': 'polite' });
  const outgoing = el('div', { id: 'transfers-outgoing' });
  const incoming = el('div', { id: 'transfers-incoming' });
  target.replaceChildren(message,
    el('h3', {}, t('本大厅寄出', 'Sent by this hall')), outgoing,
    el('h3', {}, t('寄往本大厅', 'Coming to this hall')), incoming);
  const reload = async () => {
    const path = direction => '/api/v1/halls/' + encodeURIComponent(hall) + '/transfers?direction=' + direction;
    const [sent, coming] = await Promise.all([api('GET', path('outgoing')), api('GET', path('incoming'))]);
    outgoing.replaceChildren(list(sent, true, message, reload));
    incoming.replaceChildren(list(coming, false, message, reload));
  };
  await reload();
}

function list(transfers, outgoing, message, reload) {
  if (!transfers.length) {
    return el('p', { class: 'muted' }, outgoing ? t('没有需要寄出的原件。', 'No originals to send.') : t('没有寄往本大厅的原件。', 'No originals are coming.'));
  }
  const rows = transfers.map(tr => el('tr', { dataset: { transfer: tr.id } },
    el('th', { scope: 'row' }, outgoing ? el('a', { href: '/window-case.html?id=' + tr.caseId }, tr.caseNumber) : tr.caseNumber),
    el('td', {}, el('ul', { class: 'flush' }, (tr.originals || []).map(o => el('li', {}, label(o.name), ' ',
      el('span', { class: 'small muted' }, t('原件' + o.originals + '份', count(o.originals, '', 'original'))))))),
    el('td', {}, label(outgoing ? tr.to.name : tr.from.name)),
    el('td', {}, el('span', { class: 'badge state' }, transferState(tr.state)), tr.overdue ? [' ', overdueBadge()] : null,
      tr.trackingNumber ? el('div', { class: 'small' }, el('span', { lang: 'zh-CN' }, tr.courier), ' ', el('code', {}, tr.trackingNumber)) : null,
      tr.dispatchedAt ? el('div', { class: 'small muted' }, t('寄出 ', 'Sent ') + formatTime(tr.dispatchedAt)) : null,
      tr.receivedAt ? el('div', { class: 'small muted' }, t('签收 ', 'Signed for ') + formatTime(tr.receivedAt)) : null,
      tr.discrepancy ? el('div', { class: 'small' }, t('差异：', 'Discrepancy: '), el('span', { lang: 'zh-CN' }, tr.discrepancy)) : null),
    el('td', {}, outgoing && tr.state === 'AWAITING_DISPATCH' ? dispatchForm(tr, message, reload)
      : !outgoing && tr.state === 'IN_TRANSIT' ? receiptForm(tr, message, reload) : null)));
  return table([t('受理编号', 'Case number'), t('原件', 'Originals'), outgoing ? t('寄往', 'To') : t('寄自', 'From'),
    t('状态', 'State'), t('操作', 'Action')], rows);
}

function dispatchForm(transfer, message, reload) {
  const courier = el('input', { type: 'text', maxlength: '50', autocomplete: 'off' });
  const number = el('input', { type: 'text', maxlength: '40', autocomplete: 'off', spellcheck: 'false' });
  const form = el('form', { class: 'dispatch-form', id: 'dispatch-' + transfer.id },
    field('courier-' + transfer.id, 'courier', t('快递公司', 'Courier'), courier),
    field('tracking-' + transfer.id, 'trackingNumber', t('运单号', 'Tracking number'), number),
    el('button', { type: 'submit' }, t('寄出原件', 'Send the originals')));
  form.addEventListener('submit', event => {
    event.preventDefault();
    act(form, message, () => api('POST', '/api/v1/transfers/' + transfer.id + '/dispatch',
      { courier: courier.value, trackingNumber: number.value, version: transfer.version }),
    t('已登记寄出，等待办理地大厅签收。', 'Sent; the receiving hall will sign for it.'), reload);
  });
  return form;
}

function receiptForm(transfer, message, reload) {
  const note = el('textarea', { rows: '2', maxlength: '1000' });
  const form = el('form', { class: 'receipt-form', id: 'receipt-' + transfer.id },
    field('note-' + transfer.id, 'note', t('与清单不符之处（如有）', 'What differs from the list (if anything)'), note),
    el('button', { type: 'submit' }, t('签收原件', 'Sign for the originals')));
  form.addEventListener('submit', event => {
    event.preventDefault();
    act(form, message, () => api('POST', '/api/v1/transfers/' + transfer.id + '/receipt', { note: note.value, version: transfer.version }),
      t('已签收原件。', 'Signed for.'), reload);
  });
  return form;
}
