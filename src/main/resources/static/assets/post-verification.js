// 事后核查: a department's verifications of what applicants committed to (告知承诺) — the case by number, the
// applicant by name, the committed materials by name, the due day with its colour — and the conclusion: kept,
// or not kept, which revokes the approval and lists the applicant (confirmed first, in a dialog that says so).
import { api, el, t, label, page, requireUser, colourBadge, formatDate, formatTime, showProblem, notice, typed } from '/assets/onego.js';
import { facts, section, table } from '/assets/case-parts.js';

const STATES = { PENDING: ['待核查', 'To verify'], PASSED: ['核查属实', 'Commitment kept'], FAILED: ['核查不实', 'Commitment not kept'] };
const stateName = code => STATES[code] ? t(STATES[code][0], STATES[code][1]) : '';

page(async () => {
  const user = await requireUser('REVIEWER', 'DEPARTMENT_HEAD');
  if (!user.department) {
    throw new Error(t('当前账号未归属任何部门。', 'Your account belongs to no department.'));
  }
  const department = await api('GET', '/api/v1/departments/' + encodeURIComponent(user.department)).catch(() => null);
  document.getElementById('department').textContent = department ? label({ zh: department.name, en: department.nameEn }) : t('本部门', 'this department');
  await showList(user.department);
});

async function showList(department) {
  const list = await api('GET', '/api/v1/departments/' + encodeURIComponent(department) + '/verifications');
  const pending = list.filter(v => v.state === 'PENDING').length;
  document.getElementById('count').textContent = t('共 ' + list.length + ' 件，待核查 ' + pending + ' 件',
    list.length + ' verification(s), ' + pending + ' to do');
  const target = document.getElementById('verifications');
  if (!list.length) {
    target.replaceChildren(el('p', { class: 'muted' }, t('没有事后核查任务。', 'No post-verification.')));
    return;
  }
  const rows = list.map(v => el('tr', { dataset: { verification: v.id }, class: v.colour === 'RED' ? 'overdue' : null },
    el('th', { scope: 'row' }, el('button', { type: 'button', class: 'link open-verification',
      onclick: () => showOne(department, v) }, v.caseNumber)),
    el('td', {}, typed(v.applicantName)),
    el('td', {}, label(v.itemName)),
    el('td', {}, v.materials.map(label).join('、') || t('告知承诺材料', 'materials on commitment')),
    el('td', {}, formatDate(v.dueOn), ' ', colourBadge(v.colour)),
    el('td', {}, el('span', { class: 'badge state' }, stateName(v.state)))));
  target.replaceChildren(table([t('受理编号', 'Case number'), t('申请人', 'Applicant'), t('事项', 'Item'),
    t('承诺的材料', 'Committed materials'), t('核查期限', 'Due'), t('状态', 'State')], rows));
}

function showOne(department, v) {
  const message = document.getElementById('message');
  message.replaceChildren();
  const parts = [facts([
    [t('受理编号', 'Case number'), el('strong', {}, v.caseNumber)],
    [t('申请人', 'Applicant'), typed(v.applicantName)],
    [t('事项', 'Item'), label(v.itemName)],
    [t('承诺的材料', 'Committed materials'), v.materials.map(label).join('、')],
    [t('核查期限', 'Due'), [formatDate(v.dueOn), ' ', colourBadge(v.colour)]],
    [t('状态', 'State'), el('span', { class: 'badge state', id: 'verification-state' }, stateName(v.state))],
    [t('核查结论', 'Finding'), typed(v.finding)],
    [t('核查时间', 'Verified at'), v.decidedAt ? formatTime(v.decidedAt) : null],
  ])];
  if (v.state === 'PENDING') parts.push(conclusionForm(department, v, message));
  const target = document.getElementById('verification');
  target.replaceChildren(section(2, t('事后核查：', 'Post-verification: ') + v.caseNumber, ...parts));
  target.scrollIntoView({ block: 'nearest' });
}

function conclusionForm(department, v, message) {
  const form = el('form', { id: 'verification-form', novalidate: true },
    el('div', {}, el('label', { for: 'verification-finding' }, t('核查情况', 'What the verification found')),
      el('textarea', { id: 'verification-finding', name: 'finding', rows: 3, maxlength: 1000 })),
    el('div', { class: 'actions' },
      el('button', { type: 'button', id: 'verification-passed' }, t('核查属实', 'Commitment kept')),
      el('button', { type: 'button', id: 'verification-failed', class: 'danger' }, t('核查不实…', 'Commitment not kept…'))));
  const send = async passed => {
    try {
      await api('POST', '/api/v1/verifications/' + v.id, { passed, finding: form.finding.value });
      await showList(department);
      document.getElementById('verification').replaceChildren();
      notice(message, passed ? t('已记录：核查属实。', 'Recorded: the commitment was kept.')
        : t('已记录：核查不实，审批结果已撤销，申请人已列入失信名单。', 'Recorded: not kept; the approval is revoked and the applicant listed.'));
    } catch (e) {
      showProblem(message, e, form);
    }
  };
  form.querySelector('#verification-passed').addEventListener('click', () => send(true));
  form.querySelector('#verification-failed').addEventListener('click', () => {
    const dialog = document.getElementById('confirm-failure');
    dialog.returnValue = '';
    dialog.addEventListener('close', () => { if (dialog.returnValue === 'confirm') send(false); }, { once: true });
    dialog.showModal();
  });
  return form;
}
