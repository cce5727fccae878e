// The official documents of a case (文书): each notice and decision with its issuer and day, to download as the
// sealed PDF it was issued as. Shared by the applicant's case page and the window's.
import { api, el, t, label, formatTime, showProblem } from '/assets/onego.js';

/** Fills the target with the case's documents, or a sentence while there are none. */
export async function showDocuments(target, caseId) {
  try {
    const list = await api('GET', '/api/v1/cases/' + encodeURIComponent(caseId) + '/documents');
    if (!list.length) {
      target.replaceChildren(el('p', { class: 'muted' }, t('暂无文书。受理、补正、作出决定和出件时，加盖电子印章的文书会出现在这里。',
        'No documents yet. The sealed notices and decisions appear here when the case is accepted, a supplement is asked for, a decision is made and the result is issued.')));
      return;
    }
    target.replaceChildren(el('ul', { class: 'documents', id: 'document-list' }, ...list.map(d => el('li', {},
      el('a', { href: '/api/v1/cases/' + encodeURIComponent(caseId) + '/documents/' + encodeURIComponent(d.number),
        download: d.number + '.pdf', class: 'document-link' }, label(d.kindName)), ' ',
      el('span', { class: 'small muted' }, el('span', { lang: 'zh-CN' }, d.issuer), ' · ' + formatTime(d.issuedAt) + ' · ' + t('文书编号 ', 'No. ') + d.number)))),
      el('p', { class: 'small muted' }, t('文书加盖了签发机关的电子印章，可在', 'Each document carries its issuer\'s electronic seal; check it on the '),
        el('a', { href: '/document-verify.html' }, t('文书核验', 'document verification')), t('页面上传PDF或扫描二维码核验真伪。', ' page by uploading the PDF or scanning its QR code.')));
  } catch (e) {
    showProblem(target, e);
  }
}
