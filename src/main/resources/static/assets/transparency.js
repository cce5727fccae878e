// What the consents page and the data-access page share: whose records they show — the person's own, or an
// enterprise's they represent (by its unified social credit code).
import { el, t } from '/assets/onego.js';

/** The path with ?subject=… (or &subject=…) when an enterprise is chosen. */
export function withSubject(path, subject) {
  if (!subject) return path;
  return path + (path.includes('?') ? '&' : '?') + new URLSearchParams({ subject });
}

/** A small form to switch between one's own records and an enterprise's. */
export function subjectChoice(target, subject) {
  const input = el('input', { id: 'subject', name: 'subject', maxlength: 18, autocomplete: 'off', value: subject || '' });
  target.replaceChildren(el('form', { method: 'get', class: 'subject-choice' },
    el('label', { for: 'subject' }, t('查看所代表企业的记录（统一社会信用代码，留空为本人）', "An enterprise you represent (its unified social credit code; empty for yourself)")),
    input, el('button', { type: 'submit', class: 'secondary' }, t('查看', 'Show'))));
}
