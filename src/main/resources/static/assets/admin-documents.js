// The texts of the official documents (文书模板), for system administrators: the shipped defaults and every stored
// text, and a form that stores a hall's, a department's or the default text of one kind (refused field by field).
import { api, me, hasRole, t, el, label, showProblem, notice, formatTime, departmentName } from '/assets/onego.js';

const KINDS = [
  ['ACCEPTANCE_NOTICE', '受理通知书', 'Acceptance notice'],
  ['NON_ACCEPTANCE_NOTICE', '不予受理通知书', 'Notice of non-acceptance'],
  ['SUPPLEMENT_NOTICE', '一次性告知补正通知书', 'One-time notice to supplement'],
  ['APPROVAL_DECISION', '准予行政许可决定书', 'Decision to grant'],
  ['REFUSAL_DECISION', '不予行政许可决定书', 'Decision to refuse'],
  ['COMPLETION_NOTICE', '办结通知书', 'Notice of completion'],
  ['SERVICE_RECEIPT', '送达回证', 'Proof of service'],
];
const kindName = code => { const k = KINDS.find(x => x[0] === code); return k ? t(k[1], k[2]) : code; };

let stored = [];

// not through page(): admin.js draws the page's header; this only adds its own section
start().catch(e => showProblem(document.getElementById('template-result'), e));

async function start() {
  const user = await me();
  if (!user || !hasRole(user, 'SYSTEM_ADMIN')) return;
  const section = document.getElementById('document-templates');
  section.hidden = false;
  const form = document.getElementById('template-form');
  form.kind.replaceChildren(...KINDS.map(([code, zh, en]) => el('option', { value: code }, t(zh, en))));
  document.getElementById('template-load').addEventListener('click', () => load(form));
  form.addEventListener('submit', async event => {
    event.preventDefault();
    await save(form);
  });
  await showTemplates();
  load(form);
}

async function showTemplates() {
  stored = await api('GET', '/api/v1/admin/document-templates');
  // a hall's or a department's own text is named by whose it is, not by its code
  const halls = await api('GET', '/api/v1/halls').catch(() => []);
  const scopes = new Map(await Promise.all([...new Set(stored.map(s => s.scope))].map(async scope => [scope,
    scope === 'shipped' ? t('随系统提供', 'Shipped') : scope === 'default' ? t('默认', 'Default')
      : halls.some(h => h.code === scope) ? label(halls.find(h => h.code === scope).name) : await departmentName(scope)])));
  document.getElementById('template-list').replaceChildren(el('table', { id: 'templates' },
    el('thead', {}, el('tr', {}, [t('文书种类', 'Kind'), t('适用范围', 'For'), t('标题', 'Title'), t('修改人', 'Changed by'), t('修改时间', 'Changed at')]
      .map(h => el('th', { scope: 'col' }, h)))),
    el('tbody', {}, stored.map(s => el('tr', {}, [kindName(s.kind), scopes.get(s.scope), el('span', { lang: 'zh-CN' }, s.template.title),
      s.updatedBy || '', s.updatedAt ? formatTime(s.updatedAt) : ''].map(cell => el('td', {}, cell)))))));
}

/** Fills the form with the text in force for the kind and scope: the scope's own, the default, or the shipped one. */
function load(form) {
  const scope = form.scope.value.trim();
  const of = s => stored.find(x => x.kind === form.kind.value && x.scope === s);
  const found = of(scope) || of('default') || of('shipped');
  if (!found) return;
  const tpl = found.template;
  form.title.value = tpl.title || '';
  form.paragraphs.value = (tpl.paragraphs || []).join('\n');
  form.legalBasis.value = tpl.legalBasis || '';
  form.remedy.value = tpl.remedy || '';
  form.commitment.value = tpl.commitment || '';
  form.supplementWorkingDays.value = tpl.supplementWorkingDays == null ? '' : tpl.supplementWorkingDays;
}

async function save(form) {
  const result = document.getElementById('template-result');
  const days = form.supplementWorkingDays.value.trim();
  const body = {
    title: form.title.value.trim(),
    paragraphs: form.paragraphs.value.split('\n').map(p => p.trim()).filter(p => p),
    legalBasis: form.legalBasis.value.trim() || null,
    remedy: form.remedy.value.trim() || null,
    commitment: form.commitment.value.trim() || null,
    supplementWorkingDays: days === '' ? null : Number(days),
  };
  form.querySelectorAll('[aria-invalid]').forEach(input => input.removeAttribute('aria-invalid'));
  form.querySelectorAll('.field-error').forEach(node => node.remove());
  try {
    await api('PUT', '/api/v1/admin/document-templates/' + encodeURIComponent(form.kind.value) + '/' + encodeURIComponent(form.scope.value.trim()), body);
    notice(result, t('已保存：', 'Stored: ') + kindName(form.kind.value) + ' · ' + form.scope.value.trim());
    await showTemplates();
  } catch (e) {
    showProblem(result, e, form);
  }
}
