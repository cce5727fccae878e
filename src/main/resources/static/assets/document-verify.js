// 文书核验: the public check of an official document, by what its QR carries (?n=…&c=…) or by uploading the PDF.
// The answer says in a sentence whether it is genuine, and who issued it on which day for which case.
import { api, page, el, t, label, showProblem, formatDate, param } from '/assets/onego.js';

const VERDICT = {
  GENUINE: ['green', '真实有效', 'Genuine'],
  MODIFIED: ['red', '核验未通过：文书已被修改', 'Failed: the document was altered'],
  NOT_FOUND: ['yellow', '未查到', 'Not found'],
};

page(async () => {
  const form = document.getElementById('by-upload');
  const message = document.getElementById('message');
  if (param('n') || param('c')) {
    await show(message, () => api('GET', '/api/v1/documents/verification?' + new URLSearchParams({ n: param('n') || '', c: param('c') || '' })));
  }
  form.addEventListener('submit', async event => {
    event.preventDefault();
    const body = new FormData();
    if (form.file.files.length) {
      body.append('file', form.file.files[0]);
    }
    await show(message, () => api('POST', '/api/v1/documents/verification', body), form);
  });
});

async function show(message, call, form) {
  const target = document.getElementById('verification');
  message.replaceChildren();
  target.replaceChildren();
  try {
    const answer = await call();
    const [colour, zh, en] = VERDICT[answer.status] || ['yellow', answer.status, answer.status];
    const rows = [
      [t('文书种类', 'Kind'), answer.kind && answer.status === 'GENUINE' ? label(answer.kind) : null],
      [t('文书标题', 'Title'), answer.title],
      [t('签发机关', 'Issued by'), answer.issuer],
      [t('签发日期', 'Issued on'), answer.issuedOn ? formatDate(answer.issuedOn) : null],
      [t('受理编号', 'Case number'), answer.caseNumber],
      [t('文书编号', 'Document number'), answer.status === 'GENUINE' ? answer.number : null],
    ].filter(row => row[1]);
    target.replaceChildren(el('div', { class: 'card', id: 'verdict', dataset: { status: answer.status } },
      el('h2', {}, el('span', { class: 'badge ' + colour }, t(zh, en))),
      el('p', { id: 'verdict-message' }, label(answer.message)),
      rows.length ? el('dl', { class: 'facts' }, rows.flatMap(([name, value]) => [el('dt', {}, name), el('dd', {}, value)])) : null,
      answer.signatureAlgorithm ? el('p', { class: 'small muted' },
        t('已用签发机关公钥验证电子印章（' + answer.signatureAlgorithm + '）。',
          'The issuer\'s electronic seal was checked with its public key (' + answer.signatureAlgorithm + ').')) : null));
  } catch (e) {
    showProblem(message, e, form);
  }
}
