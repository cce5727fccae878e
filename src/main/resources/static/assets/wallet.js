// 我的证照: the signed-in applicant's electronic licences, each with the data on it, its status, its QR code (the
// verification URL, drawn by the server) and a PDF to download.
import { api, page, el, t, label, requireUser, formatDate, showProblem, param } from '/assets/onego.js';
import '/assets/portal.js'; // kiosk mode

const STATUS = {
  VALID: ['green', '有效', 'Valid'],
  NOT_YET_VALID: ['yellow', '尚未生效', 'Not valid yet'],
  EXPIRED: ['red', '已过期', 'Expired'],
  REVOKED: ['red', '已失效', 'Ended'],
  NOT_GENUINE: ['red', '核验未通过，请联系发证机关', 'Failed verification: contact the issuer'],
};

page(async () => {
  await requireUser('APPLICANT');
  const form = document.getElementById('enterprise');
  const message = document.getElementById('message');
  if (param('holder')) form.holder.value = param('holder');
  form.addEventListener('submit', event => {
    event.preventDefault();
    const holder = form.holder.value.trim();
    history.replaceState(null, '', holder ? '?' + new URLSearchParams({ holder }) : location.pathname);
    show(holder, message, form);
  });
  await show(param('holder') || '', message, form);
});

async function show(holder, message, form) {
  const target = document.getElementById('licences');
  message.replaceChildren();
  target.replaceChildren();
  const query = holder ? '?' + new URLSearchParams({ holder }) : '';
  let licences;
  try {
    licences = await api('GET', '/api/v1/my/e-licences' + query);
  } catch (e) {
    showProblem(message, e, form);
    return;
  }
  if (!licences.length) {
    target.replaceChildren(el('p', { class: 'muted' }, holder ? t('该企业暂无电子证照。', 'The enterprise has no electronic licences yet.')
      : t('暂无电子证照。办件出件后，其中的证照会出现在这里。', 'No electronic licences yet. The licences of your cases appear here once they are issued.')));
    return;
  }
  target.replaceChildren(el('ul', { class: 'licence-list', id: 'licence-list' }, licences.map(licence => card(licence, query))));
}

function card(licence, query) {
  const [colour, zh, en] = STATUS[licence.status] || ['yellow', licence.status, licence.status];
  const verifyUrl = licence.verificationPath ? new URL(licence.verificationPath, location.origin).href : null;
  const facts = [
    [t('证照编号', 'Number'), licence.number],
    ...Object.entries(licence.data || {}),
    [t('发证机关', 'Issued by'), licence.issuer],
    [t('发证日期', 'Issued on'), licence.issuedOn ? formatDate(licence.issuedOn) : null],
    [t('有效期至', 'Valid until'), licence.validUntil ? formatDate(licence.validUntil) : t('长期', 'No end date')],
    [t('失效方式', 'Ended by'), licence.revocation ? label(licence.revocation) : null],
    [t('电子证照标识', 'Identifier'), licence.identifier],
  ].filter(row => row[1]);
  return el('li', { class: 'card licence', dataset: { licence: licence.id, number: licence.number } },
    el('h2', {}, licence.name || label(licence.typeName), ' ', el('span', { class: 'badge ' + colour }, t(zh, en))),
    el('div', { class: 'licence-body' },
      el('dl', { class: 'facts' }, facts.flatMap(([name, value]) => [el('dt', {}, name), el('dd', {}, value)])),
      verifyUrl ? el('figure', { class: 'licence-qr' },
        el('img', { src: '/api/v1/my/e-licences/' + licence.id + '/qr.svg' + query, width: 160, height: 160,
          alt: t('证照核验二维码', 'QR code to verify the licence'), dataset: { verify: verifyUrl } }),
        el('figcaption', { class: 'small muted' }, t('扫码核验', 'Scan to verify'))) : null),
    el('div', { class: 'actions' },
      el('a', { href: '/api/v1/my/e-licences/' + licence.id + '/pdf' + query, class: 'button', download: '' }, t('下载PDF', 'Download PDF')),
      verifyUrl ? el('a', { href: verifyUrl, class: 'verify-link' }, t('在线核验', 'Verify online')) : null));
}
