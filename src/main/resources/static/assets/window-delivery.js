// 送达 at the window: the hand-over of a result against the applicant's pick-up code, and the hall's delivery
// problems — messages that could not be delivered (短信发送失败) and parcels not signed for in time.
import { api, el, t, formatTime, showProblem, count } from '/assets/onego.js';
import { act, field, section } from '/assets/case-parts.js';

const SHIPMENT = {
  REQUESTED: ['待快递下单', 'Waiting for the courier'], CREATED: ['已下单', 'Ordered'], PICKED_UP: ['已揽收', 'Picked up'],
  IN_TRANSIT: ['运输中', 'In transit'], OUT_FOR_DELIVERY: ['派送中', 'Out for delivery'],
};

/** The pick-up of a ready or issued case's results: the code's state, and the hand-over against it. */
export function pickUpSection(c, message, reload) {
  const target = el('div', { id: 'pick-up-control' });
  api('GET', '/api/v1/cases/' + c.id + '/delivery').then(d => {
    if (!d.pickUp) {
      target.replaceChildren(el('p', { class: 'muted' }, t('办结后系统向申请人发送取件码。', 'The applicant gets a pick-up code once the case is done.')));
      return;
    }
    if (d.pickUp.state === 'HANDED_OVER') {
      target.replaceChildren(el('p', { class: 'notice ok', id: 'handed-over' }, t('结果已凭取件码领取（', 'Handed over against the code (')
        + formatTime(d.pickUp.handedOverAt) + t('）。', ').')));
      return;
    }
    const form = el('form', { id: 'pick-up-form', novalidate: true },
      field('pick-up-code', 'code', t('申请人出示的取件码（6位数字）', 'The pick-up code the applicant shows (6 digits)'),
        el('input', { inputmode: 'numeric', maxlength: 6, autocomplete: 'off' })),
      el('div', { class: 'actions' }, el('button', { type: 'submit', id: 'hand-over' }, t('核验并交付', 'Check and hand over'))));
    form.addEventListener('submit', event => {
      event.preventDefault();
      act(form, message, () => api('POST', '/api/v1/cases/' + c.id + '/pick-up', { code: form.code.value.trim() }),
        t('已交付，送达完成。', 'Handed over: delivered.'), reload);
    });
    target.replaceChildren(form);
  }).catch(e => showProblem(target, e));
  return section(2, t('凭取件码领取', 'Pick-up against the code'), target);
}

/** The hall's failed messages and stuck parcels, for the queue page. */
export async function deliveryProblems(target) {
  if (!target) return;
  try {
    const p = await api('GET', '/api/v1/delivery/problems');
    if (!p.failedSms.length && !p.stuckShipments.length) {
      target.replaceChildren(el('p', { class: 'muted' }, t('暂无送达异常。', 'No delivery problems.')));
      return;
    }
    target.replaceChildren(
      p.failedSms.length ? [el('h3', {}, t('短信发送失败', 'Text messages not delivered')), el('ul', { id: 'failed-sms' },
        p.failedSms.map(m => el('li', {}, el('a', { href: '/window-case.html?id=' + m.caseId }, m.caseNumber), ' · ', m.mobile, ' · ',
          t('已尝试 ' + m.attempts + ' 次', count(m.attempts, '', 'attempt')), ' · ', formatTime(m.failedAt))))] : null,
      p.stuckShipments.length ? [el('h3', {}, t('快递超过' + p.stuckAfterDays + '天未签收', 'Parcels not signed for after ' + count(p.stuckAfterDays, '', 'day'))),
        el('ul', { id: 'stuck-shipments' }, p.stuckShipments.map(s => el('li', {},
          el('a', { href: '/window-case.html?id=' + s.caseId }, s.caseNumber), ' · ', s.trackingNumber || t('未下单', 'not ordered'), ' · ',
          SHIPMENT[s.state] ? t(SHIPMENT[s.state][0], SHIPMENT[s.state][1]) : '', ' · ', formatTime(s.requestedAt))))] : null);
  } catch (e) {
    showProblem(target, e);
  }
}
