// The results of a case and how they reach the applicant (送达): each item's result with its licence number,
// validity and e-licence, and either the pick-up at the hall (address, hours, the code) or free mail (courier,
// tracking number, every scan until signed for). The list refreshes while a parcel is on its way.
import { api, el, t, label, formatDate, formatTime } from '/assets/onego.js';

const SHIPMENT = {
  REQUESTED: ['已交寄，等待快递下单', 'Handed over, waiting for the courier'], CREATED: ['快递已下单', 'Order placed with the courier'],
  PICKED_UP: ['已揽收', 'Picked up'], IN_TRANSIT: ['运输中', 'In transit'], OUT_FOR_DELIVERY: ['派送中', 'Out for delivery'],
  SIGNED: ['已签收', 'Signed for'], RETURNED: ['已退回', 'Returned'], FAILED: ['投递异常', 'Delivery failed'],
};
const RESULT = {
  APPROVED: ['准予', 'Approved'], REFUSED: ['不予许可', 'Refused'], REVOKED: ['已撤销', 'Revoked'],
};
const SETTLED = ['SIGNED', 'RETURNED', 'FAILED'];
const REFRESH_MS = 3000;

function words(table, code) {
  const w = table[code];
  return w ? t(w[0], w[1]) : t('处理中', 'In progress');
}

/** Fills the target with the case's results and delivery, and keeps a parcel's scans up to date. */
export async function deliverySection(caseId, target) {
  const d = await api('GET', '/api/v1/cases/' + encodeURIComponent(caseId) + '/delivery');
  target.replaceChildren(results(d.results), way(d));
  await decisionDocuments(caseId, target);
  if (d.shipment && !SETTLED.includes(d.shipment.state) && target.isConnected) {
    setTimeout(() => deliverySection(caseId, target).catch(() => {}), REFRESH_MS);
  }
}

function results(list) {
  if (!list.length) {
    return el('p', { class: 'muted', id: 'results' }, t('各事项办结后在此显示办理结果。', 'Each item\'s result appears here once it is decided.'));
  }
  return el('div', { class: 'table-scroll' }, el('table', { id: 'results' },
    el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, t('事项', 'Item')), el('th', { scope: 'col' }, t('结果', 'Result')),
      el('th', { scope: 'col' }, t('证照编号', 'Licence number')), el('th', { scope: 'col' }, t('有效期至', 'Valid until')),
      el('th', { scope: 'col' }, t('电子证照与文书', 'E-licence and documents')))),
    el('tbody', {}, list.map(r => el('tr', { dataset: { item: r.item } },
      el('td', {}, label(r.itemName)),
      el('td', {}, words(RESULT, r.state), r.name ? el('div', { class: 'small muted' }, label(r.resultName) || r.name) : null),
      el('td', {}, r.number ? el('strong', { class: 'licence-number' }, r.number) : '—'),
      el('td', {}, r.validUntil ? formatDate(r.validUntil) : r.eLicence ? t('长期', 'No expiry') : '—'),
      el('td', {},
        r.eLicence ? el('a', { href: '/wallet.html', class: 'e-licence' }, t('查看电子证照', 'Open the e-licence')) : null,
        // the decision documents of the item (准予/不予许可决定书) are added here by the documents section
        el('span', { class: 'decision-documents', dataset: { item: r.item, task: r.taskId } })))))));
}

/** Each item's decision (准予/不予许可决定书), to download beside its result. */
async function decisionDocuments(caseId, target) {
  const places = [...target.querySelectorAll('.decision-documents[data-task]')];
  if (!places.length) return;
  const documents = await api('GET', '/api/v1/cases/' + encodeURIComponent(caseId) + '/documents');
  for (const place of places) {
    place.replaceChildren(...documents.filter(d => d.taskId === place.dataset.task).map(d => el('a', {
      href: '/api/v1/cases/' + encodeURIComponent(caseId) + '/documents/' + encodeURIComponent(d.number),
      download: d.number + '.pdf', class: 'decision-document',
    }, ' ', label(d.kindName))));
  }
}

function way(d) {
  if (d.method === 'FREE_MAIL') {
    return d.shipment ? shipment(d.shipment)
      : el('p', { class: 'muted', id: 'shipment' }, t('出件后由政府买单免费邮寄，快递单号将显示在这里。',
        'Once issued, the results are mailed free of charge; the tracking number appears here.'));
  }
  return d.pickUp ? pickUp(d.pickUp)
    : el('p', { class: 'muted', id: 'pick-up' }, t('办结后凭取件码到大厅窗口领取，取件码将以短信发送。',
      'Once done, collect the results at the hall\'s window with the pick-up code we text you.'));
}

function hall(place) {
  return [
    el('p', {}, el('strong', {}, label(place.name))),
    place.address?.zh ? el('p', {}, t('地址：', 'Address: ') + label(place.address)) : null,
    place.hours?.zh ? el('p', {}, t('办公时间：', 'Opening hours: ') + label(place.hours)) : null,
    place.phone ? el('p', {}, t('咨询电话：', 'Phone: ') + place.phone) : null,
  ];
}

function pickUp(p) {
  const done = p.state === 'HANDED_OVER';
  return el('div', { class: 'card', id: 'pick-up', dataset: { state: p.state } },
    el('h3', {}, t('窗口领取', 'Pick-up at the window')),
    ...hall(p.hall),
    done ? el('p', { class: 'notice ok' }, t('已领取（', 'Collected (') + formatTime(p.handedOverAt) + t('）', ')'))
      : el('p', {}, t('取件码：', 'Pick-up code: '), p.code ? el('strong', { id: 'pick-up-code' }, p.code) : t('已短信发送给您', 'texted to you'),
        el('span', { class: 'small muted' }, t('（请勿告诉他人，领取时出示）', ' (show it at the window; tell nobody else)'))));
}

function shipment(s) {
  return el('div', { class: 'card', id: 'shipment', dataset: { state: s.state } },
    el('h3', {}, t('免费邮寄', 'Free mail')),
    el('p', {}, t('快递公司：', 'Courier: ') + label(s.courier)),
    el('p', {}, t('快递单号：', 'Tracking number: '), el('strong', { id: 'tracking-number' }, s.trackingNumber || t('下单中', 'being ordered'))),
    el('p', {}, t('当前状态：', 'Now: '), el('strong', { id: 'shipment-state' }, words(SHIPMENT, s.state))),
    el('p', { class: 'small muted' }, t('寄件：', 'From: ') + label(s.from.name) + t('；邮费由政府承担', '; postage paid by the government')),
    el('ol', { class: 'timeline', id: 'tracking' }, s.events.map(e => el('li', { dataset: { state: e.state } },
      el('div', {}, el('strong', {}, words(SHIPMENT, e.state)), e.place ? ' · ' + e.place : ''),
      el('div', { class: 'small muted' }, formatTime(e.at))))));
}
