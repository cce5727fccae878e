// The search of a queue (the window's, a department's): a case number or its beginning, part of the
// applicant's name, the days of submission. The server filters within the caller's own hall or department;
// what it refuses is shown next to the field.
import { el, t, showProblem } from '/assets/onego.js';

/** The search form, put before the queue. */
export function searchForm() {
  const field = (name, zh, en, attributes = {}) => el('div', {},
    el('label', { for: 'search-' + name }, t(zh, en)), el('input', { id: 'search-' + name, name, autocomplete: 'off', ...attributes }));
  return el('form', { id: 'queue-search', class: 'row', role: 'search', novalidate: true },
    field('number', '受理编号（可只填开头）', 'Case number (or its beginning)', { maxlength: 64 }),
    field('applicant', '申请人姓名（包含）', "Applicant's name (contains)", { maxlength: 50 }),
    field('from', '提交日期自', 'Submitted from', { type: 'date' }),
    field('to', '至', 'to', { type: 'date' }),
    el('div', { class: 'actions' },
      el('button', { type: 'submit', id: 'search-submit' }, t('查询', 'Search')),
      el('button', { type: 'reset', class: 'secondary', id: 'search-reset' }, t('清除', 'Clear'))),
    el('div', { id: 'search-problem', 'aria-live': 'polite' }));
}

/** The query string of what the form asks ('' when nothing), starting with '&'. */
export function searchQuery(form) {
  if (!form) return '';
  const query = new URLSearchParams();
  for (const name of ['number', 'applicant', 'from', 'to']) {
    const value = form[name].value.trim();
    if (value) query.set(name, value);
  }
  const text = query.toString();
  return text ? '&' + text : '';
}

/** Puts the form before the target and runs the search on submit and on reset; problems stay on the form. */
export function wireSearch(before, show) {
  const form = searchForm();
  before.before(form);
  const run = async () => {
    const problem = form.querySelector('#search-problem');
    problem.replaceChildren();
    form.querySelectorAll('.field-error').forEach(node => node.remove());
    form.querySelectorAll('[aria-invalid]').forEach(input => input.removeAttribute('aria-invalid'));
    try {
      await show();
    } catch (e) {
      showProblem(problem, e, form);
    }
  };
  form.addEventListener('submit', event => { event.preventDefault(); run(); });
  form.addEventListener('reset', () => setTimeout(run));
  return form;
}
