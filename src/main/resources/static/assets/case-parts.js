// What the window and the departments both show of a case: its facts, the merged form's values, the
// materials and how each was resolved, the tasks' progress and the history. Everything read from the API.
import { api, el, t, label, state, stepAction, stepMove, colourBadge, formatDate, formatTime, ApiError, showProblem, regionName, typed } from '/assets/onego.js';

const CHANNELS = {
  ONLINE: ['网上办', 'Online'], MOBILE: ['掌上办', 'Mobile'], KIOSK: ['自助终端', 'Kiosk'],
  WINDOW: ['窗口帮代办', 'At the window'], AGENT: ['代理人', 'Agent'], PARTNER: ['异地收件转来', 'Forwarded by a partner platform'],
};

const SOURCES = {
  EXEMPT_BY_LAW: ['依法免交', 'Exempt by law'], MERGED_FORM: ['表单合并替代', 'Replaced by the merged form'],
  EARLIER_ITEM: ['前序事项结果', 'Result of an earlier item'], E_LICENCE: ['电子证照', 'E-licence'],
  REGISTRY: ['共享库调取', 'From a government registry'], COMMITMENT: ['告知承诺', 'Commitment'], UPLOAD: ['申请人上传', 'Uploaded'],
};

const DELIVERY = { WINDOW_PICKUP: ['窗口领取', 'Pickup at the window'], FREE_MAIL: ['免费邮寄', 'Free mail'] };

const words = (table, code) => (table[code] ? t(table[code][0], table[code][1]) : code || '');
export const channelName = code => words(CHANNELS, code);
export const sourceName = code => words(SOURCES, code);
export const deliveryName = code => words(DELIVERY, code);

let matterNames;

/** The names of the matters by code, read once per page (the queue only carries the code). */
export async function matterName(code) {
  if (!matterNames) {
    matterNames = api('GET', '/api/v1/matters').then(list => new Map(list.map(m => [m.code, m.name])))
      .catch(() => new Map());
  }
  return label((await matterNames).get(code)) || code;
}

/** The case view, its application and the merged form's labels for its answers. */
export async function loadCase(caseId) {
  const view = await api('GET', '/api/v1/cases/' + encodeURIComponent(caseId));
  const application = await api('GET', '/api/v1/cases/' + encodeURIComponent(caseId) + '/application');
  // the guidance for the same answers gives the form's sections and labels; the values are the application's
  const guidance = await api('POST', '/api/v1/matters/' + encodeURIComponent(application.matter) + '/guidance',
    { answers: application.answers || {}, commitments: [...(application.commitments || [])] }).catch(() => null);
  return { view, application, guidance };
}

/** The files submitted for the case, or null when the reader may not open them (a supervisor). */
export function loadFiles(caseId) {
  return api('GET', '/api/v1/cases/' + encodeURIComponent(caseId) + '/files').catch(() => null);
}

const fileUrl = (caseId, file) => '/api/v1/cases/' + encodeURIComponent(caseId) + '/files/' + encodeURIComponent(file.id);

function size(bytes) {
  return bytes >= 1024 * 1024 ? (bytes / 1024 / 1024).toFixed(1) + ' MB' : Math.max(1, Math.round(bytes / 1024)) + ' KB';
}

/**
 * Each material with its files: a preview in the page (an image, or the PDF in a frame), a download of the
 * original, who uploaded it and when, its size and the start of its SHA-256. Other types are downloaded only.
 */
export function submittedFiles(caseId, files) {
  if (files == null) return el('p', { class: 'muted' }, t('无权查看申请材料附件。', 'You may not open the submitted files.'));
  if (!files.length) return el('p', { class: 'muted' }, t('本办件没有上传的文件。', 'No files were uploaded for this case.'));
  const byMaterial = new Map();
  files.forEach(f => byMaterial.set(f.material, [...(byMaterial.get(f.material) || []), f]));
  return el('div', { class: 'submitted-files' }, [...byMaterial.values()].map(group => el('div', { class: 'material-files', dataset: { material: group[0].material } },
    el('h3', {}, label(group[0].materialName)),
    group.map(f => {
      const url = fileUrl(caseId, f);
      const name = label(group[0].materialName);
      const preview = f.mediaType.startsWith('image/') ? el('img', { class: 'file-preview', src: url, alt: name })
        : f.mediaType === 'application/pdf' ? el('iframe', { class: 'file-preview pdf', src: url, title: name })
          : el('p', { class: 'muted' }, t('此类文件不能在页面中预览，请下载后查看。', 'This kind of file cannot be shown in the page; download it.'));
      return el('figure', { class: 'submitted-file', dataset: { file: f.id } }, preview,
        el('figcaption', {},
          f.origin === 'SUPPLEMENT' ? el('span', { class: 'badge yellow' }, t('补正材料', 'Supplied later')) : null, ' ',
          el('span', { class: 'uploaded-by' }, label(f.uploadedBy)),
          f.uploadedAt ? el('span', { class: 'muted small' }, ' · ', formatTime(f.uploadedAt)) : null,
          el('span', { class: 'muted small' }, ' · ', f.fileName ? f.fileName + ' · ' : '', size(f.size)), ' · ',
          el('code', { class: 'small file-hash', title: 'SHA-256 ' + f.sha256 }, 'SHA-256 ' + f.sha256.substring(0, 12) + '…'), ' ',
          el('a', { class: 'file-download', href: url + '?download=true', download: '' }, t('下载原件', 'Download the original'))));
    }))));
}

/** A definition list of label/value pairs, skipping empty values. */
export function facts(pairs) {
  return el('dl', { class: 'facts' }, pairs.filter(([, value]) => value != null && value !== '').flatMap(([name, value]) =>
    [el('dt', {}, name), el('dd', {}, value)]));
}

export function caseFacts(view) {
  const c = view.caseFile;
  return facts([
    [t('受理编号', 'Case number'), el('strong', { class: 'case-number' }, c.number)],
    [t('一件事', 'Matter'), label(view.matterName) || c.matter],
    [t('申请人', 'Applicant'), [el('span', { lang: 'zh-CN' }, c.applicantName), c.applicantId ? t('（', ' (') + c.applicantId + t('）', ')') : '']],
    [t('办理渠道', 'Channel'), channelName(c.channel)],
    [t('状态', 'State'), el('span', { class: 'badge state' }, state(c.state))],
    [t('提交时间', 'Submitted'), formatTime(c.submittedAt)],
    [t('受理时间', 'Accepted'), c.acceptedAt ? formatTime(c.acceptedAt) : null],
    [t('承诺办结日期', 'Promised date'), c.promisedDate ? formatDate(c.promisedDate, view.promisedDateProvisional) : null],
    [t('预计办结日期', 'Due date'), view.dueDate ? formatDate(view.dueDate, view.dueDateProvisional) : null],
    [t('送达方式', 'Delivery'), c.delivery ? [deliveryName(c.delivery.method), c.delivery.address ? t('：', ': ') : '', c.delivery.address ? el('span', { lang: 'zh-CN' }, c.delivery.address) : ''] : null],
  ]);
}

/** The merged form's values by section; fields the answers no longer ask for are listed at the end. */
export function formValues(application, guidance) {
  const values = application.form || {};
  const shown = new Set();
  const sections = (guidance?.form?.sections || []).flatMap(section => {
    const rows = section.fields.filter(f => values[f.element]).map(f => {
      shown.add(f.element);
      return valueRow(label(f.label), values[f.element], f);
    });
    return rows.length ? [el('h3', {}, label(section.label)), table([t('项目', 'Field'), t('填写内容', 'Value')], rows)] : [];
  });
  const rest = Object.keys(values).filter(key => !shown.has(key)).map(key => valueRow(key, values[key]));
  return el('div', { class: 'form-values' }, sections, rest.length ? table([t('项目', 'Field'), t('填写内容', 'Value')], rest) : null,
    !Object.keys(values).length ? el('p', { class: 'muted' }, t('无表单内容。', 'No form values.')) : null);
}

/** A value in words: an option's label for a choice, yes or no for a boolean, otherwise as typed. */
function shown(value, f) {
  const option = f?.options?.find(o => o.value === value);
  if (option) return label(option.label);
  if (f?.type === 'BOOLEAN') return value === 'true' ? t('是', 'Yes') : value === 'false' ? t('否', 'No') : value;
  if (f?.type === 'REGION') {
    // a region is chosen by its code; it is read by its name
    const name = el('span', {}, '');
    regionName(value).then(text => { name.textContent = text; });
    return name;
  }
  return value;
}

function valueRow(name, value, f) {
  const source = value.source === 'PREFILLED' ? t('（共享预填）', ' (prefilled)')
    : value.source === 'CORRECTED' ? t('（已更正：', ' (corrected: ') + (value.correctionReason || '') + t('）', ')') : '';
  return el('tr', {}, el('th', { scope: 'row' }, name), el('td', {}, shown(value.value, f), el('span', { class: 'muted small' }, source)));
}

export function table(headings, rows) {
  return el('div', { class: 'table-scroll' }, el('table', {},
    el('thead', {}, el('tr', {}, headings.map(h => el('th', { scope: 'col' }, h)))), el('tbody', {}, rows)));
}

/** The materials and how each was resolved; a missing one (gap) is marked for the window's decision. */
export function materials(application, caseFile) {
  const resolved = application.materials?.resolved || [];
  const gaps = new Set((caseFile?.gaps || []).map(g => g.material));
  const rows = resolved.map(m => el('tr', { dataset: { material: m.material } },
    el('th', { scope: 'row' }, label(m.name)),
    el('td', {}, m.required ? t('必需', 'Required') : t('视情形', 'Optional')),
    el('td', {}, sourceName(m.source), m.explanation ? el('div', { class: 'muted small' }, label(m.explanation)) : null),
    el('td', {}, m.attachment
      ? el('span', { title: m.attachment }, t('已上传 ', 'Uploaded '), el('code', { class: 'small' }, m.attachment.substring(0, 12) + '…'))
      : m.gap ? el('span', { class: 'badge red' }, t('未提交', 'Missing'))
        : gaps.has(m.material) ? el('span', { class: 'badge yellow' }, t('容缺', 'Gap')) : '—')));
  return rows.length ? table([t('材料', 'Material'), t('要求', 'Requirement'), t('取得方式', 'How resolved'), t('提交情况', 'Status')], rows)
    : el('p', { class: 'muted' }, t('无需提交材料。', 'No materials are needed.'));
}

/** The tasks: which department, state, due day and colour, and the result once decided. */
export function tasks(view, highlight) {
  const rows = (view.tasks || []).map(tv => {
    const task = tv.task;
    return el('tr', { class: task.id === highlight ? 'current' : null, dataset: { task: task.id } },
      el('th', { scope: 'row' }, label(tv.itemName)),
      el('td', {}, label({ zh: tv.departmentName || '', en: tv.departmentNameEn })),
      el('td', {}, el('span', { class: 'badge state' }, state(task.state))),
      el('td', {}, formatDate(task.dueOn, tv.dueProvisional), ' ', colourBadge(tv.colour)),
      el('td', {}, resultText(task, tv.resultName)));
  });
  return rows.length ? table([t('事项', 'Item'), t('部门', 'Department'), t('状态', 'State'), t('办理时限', 'Due'), t('结果', 'Result')], rows)
    : el('p', { class: 'muted' }, t('受理后分发到各部门。', 'Tasks are dispatched on acceptance.'));
}

export function resultText(task, name) {
  if (task.result) {
    return [label(name) || task.result.name || '', ' ', task.result.number ? el('code', {}, task.result.number) : null];
  }
  if (task.decision?.reason) return typed(task.decision.reason);
  return '';
}

/** The history, oldest first. */
export function history(view) {
  const steps = view.history || [];
  // staff see who by name and by username
  return steps.length ? el('ol', { class: 'timeline' }, steps.map(step => {
    const moved = stepMove(step);
    return el('li', {},
      el('strong', {}, stepAction(step.action)), moved ? el('span', { class: 'small muted' }, ' → ' + moved) : null, ' ',
      el('span', { class: 'muted small' }, formatTime(step.at), ' · ', label(step.actorName), step.actor ? '（' + step.actor + '）' : ''),
      step.detail ? el('div', { class: 'small' }, label(step.detail)) : null);
  }))
    : el('p', { class: 'muted' }, t('暂无记录。', 'No history yet.'));
}

/** A section with a heading of the given level and its content. */
export function section(level, title, ...content) {
  return el('section', { class: 'card' }, el('h' + level, {}, title), ...content);
}

/**
 * Runs an action of a form. On success: reload and say so. When someone else acted first (409) the
 * message says so and the view reloads, so the user sees what changed. Other problems stay next to
 * the form's fields and change nothing.
 */
export async function act(form, message, action, done, reload) {
  const submit = form.querySelector('button[type=submit]');
  if (submit) submit.disabled = true;
  try {
    await action();
    await reload();
    message.replaceChildren(el('div', { class: 'notice ok', role: 'status' }, done));
  } catch (e) {
    if (e instanceof ApiError && e.status === 409) {
      await reload();
      showProblem(message, e);
    } else {
      showProblem(message, e, form);
    }
  } finally {
    if (submit && submit.isConnected) submit.disabled = false;
  }
}

/** A labelled input (or textarea/select) with a unique id. */
export function field(id, name, text, input) {
  input.id = id;
  input.name = name;
  return el('div', { class: 'field' }, el('label', { for: id }, text), input);
}

/** Lines of a supplement list: one row per thing to supply, with what and why. */
export function supplementRows(container, initial) {
  const add = (subject = '', why = '') => {
    const i = container.children.length;
    container.append(el('div', { class: 'row supplement-row' },
      field('req-subject-' + i, 'requests[' + i + ']', t('需补正的内容', 'What to supply'), el('input', { value: subject })),
      field('req-why-' + i, 'requests[' + i + '].why', t('原因', 'Why'), el('input', { value: why }))));
  };
  (initial.length ? initial : [['', '']]).forEach(([subject, why]) => add(subject, why));
  return add;
}

/** The filled supplement rows as the API's requests. */
export function supplementRequests(container) {
  return [...container.querySelectorAll('.supplement-row')].map(row => ({
    subject: row.querySelector('input[name^="requests"]:not([name$=".why"])').value.trim(),
    why: row.querySelector('input[name$=".why"]').value.trim(),
  })).filter(r => r.subject || r.why);
}
