// 办件进度查询: the public look-up by case number and query code (or the mobile's last four digits). The answer
// holds stages and dates only; every refusal is shown as the API words it, next to the field it names.
import { api, page, el, t, label, showProblem, formatDate, formatTime, state, param } from '/assets/onego.js';

page(async () => {
  const form = document.getElementById('lookup');
  const target = document.getElementById('progress');
  const message = document.getElementById('message');
  if (param('number')) form.number.value = param('number');
  form.addEventListener('submit', async event => {
    event.preventDefault();
    message.replaceChildren();
    target.replaceChildren();
    const query = new URLSearchParams({ number: form.number.value.trim() });
    if (form.code.value.trim()) query.set('code', form.code.value.trim());
    if (form.mobileLast4.value.trim()) query.set('mobileLast4', form.mobileLast4.value.trim());
    try {
      const p = await api('GET', '/api/v1/progress?' + query);
      target.replaceChildren(
        el('h2', {}, label(p.matter) || p.number),
        el('p', {}, t('受理编号：', 'Case number: '), el('strong', {}, p.number)),
        el('p', { id: 'progress-state' }, t('当前状态：', 'Stage: '), el('strong', {}, state(p.state))),
        el('p', {}, t('提交时间：', 'Submitted: ') + formatTime(p.submittedAt)
          + (p.acceptedAt ? ' · ' + t('受理时间：', 'Accepted: ') + formatTime(p.acceptedAt) : '')),
        p.promisedDate ? el('p', {}, t('承诺办结日期：', 'Promised date: ') + formatDate(p.promisedDate, p.promisedDateProvisional)) : null,
        p.hall ? el('p', { id: 'progress-hall' }, t('受理大厅：', 'Hall: '), label(p.hall.name),
          p.hall.address ? ' · ' + label(p.hall.address) : '', p.hall.phone ? ' · ' + p.hall.phone : '') : null,
        p.departments.length ? el('div', { class: 'table-scroll' }, el('table', { id: 'progress-departments' },
          el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, t('事项', 'Item')), el('th', { scope: 'col' }, t('办理部门', 'Department')),
            el('th', { scope: 'col' }, t('状态', 'Stage')), el('th', { scope: 'col' }, t('期限', 'Due')))),
          el('tbody', {}, p.departments.map(d => el('tr', {}, el('td', {}, label(d.item)), el('td', {}, label(d.department)),
            el('td', {}, state(d.state)), el('td', {}, d.dueOn ? formatDate(d.dueOn, d.dueProvisional) : '')))))) : null);
    } catch (e) {
      showProblem(message, e, form);
    }
  });
});
