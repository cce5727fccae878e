// 电子证照核验: the public check of an electronic licence, by what its QR carries (?id=…&code=…) or by type and
// number. The answer says in a sentence whether the licence is genuine and in force; nothing more than a verifier needs.
import { api, page, el, t, label, showProblem, formatDate, param } from '/assets/onego.js';

const VERDICT = {
  VALID: ['green', '真实有效', 'Genuine and valid'],
  NOT_YET_VALID: ['yellow', '尚未生效', 'Not valid yet'],
  EXPIRED: ['red', '已过期', 'Expired'],
  REVOKED: ['red', '已失效', 'No longer valid'],
  NOT_GENUINE: ['red', '核验未通过', 'Verification failed'],
  NOT_FOUND: ['yellow', '未查到', 'Not found'],
};

page(async () => {
  const form = document.getElementById('by-number');
  const message = document.getElementById('message');
  const types = await api('GET', '/api/v1/e-licences/types');
  form.type.replaceChildren(el('option', { value: '' }, t('请选择', 'Choose')),
    ...types.map(type => el('option', { value: type.code }, label(type.name))));
  if (param('id') || param('code')) {
    await show(message, '/api/v1/e-licences/verification?' + new URLSearchParams({ id: param('id') || '', code: param('code') || '' }));
  }
  form.addEventListener('submit', async event => {
    event.preventDefault();
    await show(message, '/api/v1/e-licences/verification?' + new URLSearchParams({ type: form.type.value, number: form.number.value.trim() }), form);
  });
});

async function show(message, path, form) {
  const target = document.getElementById('verification');
  message.replaceChildren();
  target.replaceChildren();
  try {
    const answer = await api('GET', path);
    const [colour, zh, en] = VERDICT[answer.status] || ['yellow', answer.status, answer.status];
    const rows = [
      [t('证照类型', 'Licence type'), answer.licenceType ? label(answer.licenceType) : null],
      [t('证照名称', 'Name'), answer.licenceName],
      [t('持证主体', 'Holder'), answer.holder],
      [t('发证机关', 'Issued by'), answer.issuer],
      [t('发证日期', 'Issued on'), answer.issuedOn ? formatDate(answer.issuedOn) : null],
      [t('有效期至', 'Valid until'), answer.status === 'NOT_FOUND' || answer.status === 'NOT_GENUINE' ? null
        : answer.validUntil ? formatDate(answer.validUntil) : t('长期', 'No end date')],
      [t('失效方式', 'Ended by'), answer.revocationLabel ? label(answer.revocationLabel) : null],
      [t('失效日期', 'Ended on'), answer.revokedOn ? formatDate(answer.revokedOn) : null],
      [t('电子证照标识', 'Identifier'), answer.identifier],
    ].filter(row => row[1]);
    target.replaceChildren(el('div', { class: 'card', id: 'verdict', dataset: { status: answer.status } },
      el('h2', {}, el('span', { class: 'badge ' + colour }, t(zh, en))),
      el('p', { id: 'verdict-message' }, label(answer.message)),
      rows.length ? el('dl', { class: 'facts' }, rows.flatMap(([name, value]) => [el('dt', {}, name), el('dd', {}, value)])) : null,
      answer.signatureAlgorithm ? el('p', { class: 'small muted' },
        t('已用发证机关公钥验证数字签名（' + answer.signatureAlgorithm + '）。',
          'The issuer\'s digital signature was checked with its public key (' + answer.signatureAlgorithm + ').')) : null));
  } catch (e) {
    showProblem(message, e, form);
  }
}
