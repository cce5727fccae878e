// The applicant's consents in words — which matter, which registries and licences, the purpose, until when,
// the status — each active one withdrawn after a confirmation. The server says everything in both languages.
import { api, page, el, t, label, param, requireUser, formatTime, showProblem, notice } from '/assets/onego.js';
import { subjectChoice, withSubject } from '/assets/transparency.js';
import '/assets/portal.js'; // kiosk mode

const subject = param('subject');

page(async () => {
  await requireUser('APPLICANT');
  subjectChoice(document.getElementById('subject-choice'), subject);
  document.getElementById('to-reads').href = withSubject('/data-access.html', subject);
  await show();
});

async function show() {
  const consents = await api('GET', withSubject('/api/v1/consents', subject));
  const target = document.getElementById('consents');
  if (!consents.length) {
    target.replaceChildren(el('p', { class: 'muted', id: 'no-consents' }, t('您还没有给出任何授权。', 'You have not given any consent.')));
    return;
  }
  target.replaceChildren(...consents.map(consent));
}

function consent(c) {
  const scope = [...c.registryNames.map(label), ...c.licenceNames.map(name => t('电子证照：', 'e-licence: ') + label(name))];
  const box = el('div', { id: 'confirm-' + c.id, hidden: true });
  return el('section', { class: 'card consent', dataset: { consent: c.id, status: c.status } },
    el('h2', {}, label(c.matterName), ' ',
      el('span', { class: 'badge ' + (c.status === 'ACTIVE' ? 'green' : 'state') }, label(c.statusText))),
    el('dl', {},
      el('dt', {}, t('可读取的数据', 'Data it allows to read')),
      el('dd', {}, scope.length ? el('ul', {}, scope.map(s => el('li', {}, s))) : t('无', 'none')),
      el('dt', {}, t('用途', 'Purpose')),
      // the purpose as the applicant gave it (in Chinese); in English, what it is for
      el('dd', {}, t(c.purpose || '办理“' + label(c.matterName) + '”', 'Applying for ' + label(c.matterName))),
      el('dt', {}, t('授权时间', 'Given')),
      el('dd', {}, formatTime(c.grantedAt)),
      el('dt', {}, t('有效期至', 'Valid until')),
      el('dd', {}, formatTime(c.validUntil))),
    c.status === 'ACTIVE' ? el('div', { class: 'actions' },
      el('button', { type: 'button', class: 'secondary withdraw', id: 'withdraw-' + c.id,
        onclick: () => { box.hidden = false; box.querySelector('button').focus(); } }, t('撤回授权', 'Withdraw'))) : null,
    c.status === 'ACTIVE' ? fillConfirmation(box, c) : null);
}

/** Withdrawing is asked twice: once to start, once to confirm with what it means. */
function fillConfirmation(box, c) {
  box.append(el('div', { class: 'notice', role: 'alertdialog', 'aria-label': t('确认撤回', 'Confirm withdrawal') },
    el('p', {}, t('确定撤回对“' + label(c.matterName) + '”的授权吗？撤回后平台不再依据此授权读取您的数据，尚未提交的申请需要您自行填写和上传材料。',
      'Withdraw your consent for "' + label(c.matterName) + '"? The platform will no longer read your data under it; for applications not yet submitted you will type and upload yourself.')),
    el('div', { class: 'actions' },
      el('button', { type: 'button', class: 'confirm-withdraw', id: 'confirm-withdraw-' + c.id, onclick: () => withdraw(c) }, t('确认撤回', 'Yes, withdraw')),
      el('button', { type: 'button', class: 'secondary', onclick: () => { box.hidden = true; } }, t('取消', 'Cancel')))));
  return box;
}

async function withdraw(c) {
  const message = document.getElementById('message');
  try {
    await api('DELETE', withSubject('/api/v1/consents/' + encodeURIComponent(c.id), subject));
    notice(message, t('已撤回对“' + label(c.matterName) + '”的授权。', 'Consent for "' + label(c.matterName) + '" withdrawn.'));
    await show();
  } catch (e) {
    showProblem(message, e);
  }
}
