// The guidance flow's pieces in their simplest complete form: situation questions, the merged form's
// inputs by data-element type, and a file input per material to hand in. Names match the API's field
// paths (answers.X, form.X, attachments.X) so showProblem puts each error next to its input.
import { api, el, t, label } from '/assets/onego.js';

/** The questions asked so far, as fieldsets of radios (one answer) or checkboxes (several). */
export function questions(guidance, answers, onChange) {
  return guidance.questions.map(q => {
    const multiple = q.type === 'MULTIPLE';
    const chosen = answers[q.code] || [];
    return el('fieldset', { name: 'answers.' + q.code, dataset: { question: q.code } },
      el('legend', {}, label(q.question)),
      q.options.map(option => {
        const id = 'q-' + q.code + '-' + option.value;
        return el('label', { class: 'choice', for: id },
          el('input', {
            type: multiple ? 'checkbox' : 'radio', name: 'q-' + q.code, id, value: option.value,
            checked: chosen.includes(option.value),
            onchange: event => {
              const picked = [...event.target.form.querySelectorAll('input[name="q-' + q.code + '"]:checked')].map(i => i.value);
              onChange(q.code, picked);
            },
          }), label(option.label));
      }));
  });
}

/** One input of the merged form, typed after its data element, with its validation as attributes. */
export function formField(f, value = '') {
  const id = 'f-' + f.element;
  const input = inputFor(f, id, value);
  const expects = hint(f);
  if (expects) input.setAttribute('aria-describedby', id + '-hint');
  return el('div', { class: 'field' },
    el('label', { for: id }, label(f.label), f.required ? el('span', { class: 'muted' }, t('（必填）', ' (required)')) : null,
      expects ? el('span', { class: 'hint', id: id + '-hint' }, expects) : null),
    input);
}

/** The input that suits the data element's type, with its limits as attributes. */
export function inputFor(field, id, value) {
  const common = { id, name: 'form.' + field.element, required: field.required, 'aria-required': String(field.required) };
  if (field.type === 'ENUM' || field.type === 'BOOLEAN') {
    const options = field.type === 'BOOLEAN'
      ? [{ value: 'true', label: { zh: '是', en: 'Yes' } }, { value: 'false', label: { zh: '否', en: 'No' } }]
      : field.options;
    return el('select', common, el('option', { value: '' }, t('请选择', 'Choose')),
      options.map(o => el('option', { value: o.value, selected: o.value === value }, label(o.label))));
  }
  const types = {
    NUMBER: { type: 'number', step: 'any', inputmode: 'decimal' }, AREA_M2: { type: 'number', step: 'any', inputmode: 'decimal' },
    MONEY: { type: 'number', step: '0.01', inputmode: 'decimal' }, INTEGER: { type: 'number', step: '1', inputmode: 'numeric' },
    DATE: { type: 'date' }, MOBILE: { type: 'tel', inputmode: 'numeric', autocomplete: 'tel' }, EMAIL: { type: 'email', autocomplete: 'email' },
    BANK_ACCOUNT: { inputmode: 'numeric', autocomplete: 'off' }, ID_NUMBER: { autocomplete: 'off' }, CREDIT_CODE: { autocomplete: 'off' },
    REGION: { inputmode: 'numeric', maxlength: 6 },
  };
  const v = field.validation || {};
  return el('input', { ...common, ...(types[field.type] || { type: 'text' }), value,
    minlength: v.minLength, maxlength: v.maxLength, min: v.min, max: v.max,
    placeholder: field.example ? t('例：', 'e.g. ') + field.example : null });
}

/** What the field expects, in words. */
export function hint(field) {
  const v = field.validation || {};
  const parts = [];
  const kinds = {
    ID_NUMBER: ['18位公民身份号码', '18-character citizen ID number'], CREDIT_CODE: ['18位统一社会信用代码', '18-character unified social credit code'],
    MOBILE: ['11位手机号码', '11-digit mobile number'], DATE: ['日期', 'a date'], REGION: ['6位行政区划代码', '6-digit region code'],
    BANK_ACCOUNT: ['银行卡号', 'bank account number'], AREA_M2: ['平方米', 'square metres'], MONEY: ['元', 'yuan'],
  };
  if (kinds[field.type]) parts.push(t(kinds[field.type][0], kinds[field.type][1]));
  if (v.minLength != null && v.maxLength != null) parts.push(t(v.minLength + '至' + v.maxLength + '字', v.minLength + ' to ' + v.maxLength + ' characters'));
  else if (v.maxLength != null) parts.push(t('至多' + v.maxLength + '字', 'at most ' + v.maxLength + ' characters'));
  if (v.min != null) parts.push(t('不小于' + v.min, 'at least ' + v.min));
  if (v.max != null) parts.push(t('不大于' + v.max, 'at most ' + v.max));
  if (field.usedBy?.length > 1) parts.push(t(field.usedBy.length + '个事项共用，只填一次', 'shared by ' + field.usedBy.length + ' items, asked once'));
  return parts.join('；');
}

/** The merged form by section. */
export function mergedForm(guidance, values = {}) {
  return (guidance.form?.sections || []).map(section => el('fieldset', {},
    el('legend', {}, label(section.label)), section.fields.map(f => formField(f, values[f.element] || ''))));
}

/** The values typed in the merged form's inputs, by element. */
export function formValues(container) {
  const values = {};
  container.querySelectorAll('[name^="form."]').forEach(input => {
    if (input.value !== '') values[input.name.substring(5)] = input.value.trim();
  });
  return values;
}

// materials the government may hold are uploaded too when the visitor gives no consent to share
const TO_HAND_IN = ['UPLOAD', 'E_LICENCE', 'REGISTRY'];

/** A file input for each material to hand in; the others say how they are resolved. */
export function materialInputs(guidance) {
  return el('fieldset', {}, el('legend', {}, t('申请材料', 'Materials')),
    guidance.materials.map(m => {
      const id = 'm-' + m.code;
      if (!TO_HAND_IN.includes(m.resolution?.source)) {
        return el('p', { class: 'small' }, el('strong', {}, label(m.name)), '：', label(m.resolution?.explanation) || m.resolution?.source);
      }
      return el('div', { class: 'field' },
        el('label', { for: id }, label(m.name), m.required ? el('span', { class: 'muted' }, t('（必需）', ' (required)')) : null,
          el('span', { class: 'hint' }, label(m.resolution?.explanation) || t('PDF、OFD、JPG 或 PNG，不超过20MB', 'PDF, OFD, JPG or PNG, at most 20 MB'))),
        el('input', { type: 'file', id, name: 'attachments.' + m.code, accept: '.pdf,.ofd,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png', dataset: { material: m.code } }));
    }));
}

/** Uploads one file; resolves to its hash. */
export async function upload(file) {
  const data = new FormData();
  data.append('file', file, file.name);
  const stored = await api('POST', '/api/v1/attachments', data);
  return stored.hash;
}

/** Uploads every chosen file; resolves to {material: hash}. */
export async function uploadMaterials(container) {
  const attachments = {};
  for (const input of container.querySelectorAll('input[type=file][data-material]')) {
    if (input.files.length) attachments[input.dataset.material] = await upload(input.files[0]);
  }
  return attachments;
}

/**
 * A region as people know it: province → city → county chosen by name, the code sent in a hidden input named
 * {@code name} (so the form's values and the server's errors find it). Starts at {@code value}, else at
 * {@code fallback} (the region the application is made in), else empty.
 */
export function regionPicker({ id, name, value, fallback, labelled, onchange }) {
  const levels = [['province', '省', 'Province'], ['city', '市', 'City'], ['county', '县（区）', 'County']];
  const hidden = el('input', { type: 'hidden', id, name, value: value || '' });
  const selects = levels.map(([level, zh, en]) => el('select', { id: id + '-' + level, 'aria-label': t(zh, en),
    'aria-describedby': labelled || null, dataset: { level } }));
  const picker = el('div', { class: 'region-picker', id: id + '-picker' },
    levels.map(([level, zh, en], i) => el('div', { class: 'region-level' },
      el('span', { class: 'hint', 'aria-hidden': 'true' }, t(zh, en)), selects[i])),
    hidden);
  const options = (select, regions, chosen) => select.replaceChildren(el('option', { value: '' }, t('请选择', 'Choose')),
    ...regions.map(r => el('option', { value: r.code, selected: r.code === chosen }, label({ zh: r.name, en: r.nameEn }))));
  const children = code => api('GET', '/api/v1/regions?parent=' + encodeURIComponent(code));
  const chosen = () => [...selects].reverse().map(s => s.value).find(v => v) || '';
  async function below(index, chosenCodes = []) {
    for (let i = index + 1; i < selects.length; i++) {
      const parent = selects[i - 1].value;
      const list = parent ? await children(parent).catch(() => []) : [];
      options(selects[i], list, chosenCodes[i]);
      selects[i].disabled = !list.length;
    }
  }
  selects.forEach((select, index) => select.addEventListener('change', async () => {
    await below(index);
    hidden.value = chosen();
    hidden.dispatchEvent(new Event('change', { bubbles: true }));
    onchange?.(hidden.value);
  }));
  (async () => {
    const start = value || fallback;
    let path = [];
    if (start) {
      const detail = await api('GET', '/api/v1/regions/' + encodeURIComponent(start)).catch(() => null);
      // from the province down, whichever order the lineage comes in
      const depth = code => code.replace(/0+$/, '').length;
      if (detail) path = [...new Set([...detail.lineage, detail.region].map(r => r.code))].sort((a, b) => depth(a) - depth(b));
    }
    options(selects[0], await api('GET', '/api/v1/regions').catch(() => []), path[0]);
    await below(0, path);
    hidden.value = chosen();
    picker.dataset.ready = 'true';
  })();
  return picker;
}

const PATTERNS = {
  MOBILE: [/^1[3-9]\d{9}$/, '请填写11位手机号码', 'enter an 11-digit mobile number'],
  ID_NUMBER: [/^\d{17}[\dX]$/i, '请填写18位公民身份号码', 'enter an 18-character citizen ID number'],
  CREDIT_CODE: [/^[0-9A-HJ-NP-RTUWXY]{18}$/i, '请填写18位统一社会信用代码', 'enter an 18-character unified social credit code'],
  EMAIL: [/^[^@\s]+@[^@\s]+\.[^@\s]+$/, '请填写有效的电子邮箱', 'enter a valid e-mail address'],
  BANK_ACCOUNT: [/^\d{12,30}$/, '银行账号应为12至30位数字', 'a bank account number has 12 to 30 digits'],
  REGION: [/^\d{6}$/, '请选择行政区划', 'choose a region'],
};

/**
 * What is wrong with a value before it goes to the server — required, the type's pattern, the lengths and
 * bounds the catalogue gives — as {zh, en}, or null. The server checks again; this only spares a round trip.
 */
export function check(field, raw) {
  const value = (raw ?? '').trim();
  const v = field.validation || {};
  if (!value) return field.required ? { zh: '此项必填', en: 'this is required' } : null;
  const pattern = PATTERNS[field.type];
  // spaces people put in long numbers are theirs to add: the server takes them out too
  if (pattern && !pattern[0].test(field.type === 'BANK_ACCOUNT' ? value.replace(/ /g, '') : value)) return { zh: pattern[1], en: pattern[2] };
  if (v.minLength != null && [...value].length < v.minLength) return { zh: '至少' + v.minLength + '字', en: 'at least ' + v.minLength + ' characters' };
  if (v.maxLength != null && [...value].length > v.maxLength) return { zh: '至多' + v.maxLength + '字', en: 'at most ' + v.maxLength + ' characters' };
  if (['NUMBER', 'AREA_M2', 'MONEY', 'INTEGER'].includes(field.type)) {
    const number = Number(value);
    if (Number.isNaN(number)) return { zh: '请填写数字', en: 'enter a number' };
    if (v.min != null && number < v.min) return { zh: '不小于' + v.min, en: 'at least ' + v.min };
    if (v.max != null && number > v.max) return { zh: '不大于' + v.max, en: 'at most ' + v.max };
  }
  if (v.pattern) {
    try {
      if (!new RegExp('^(?:' + v.pattern + ')$').test(value)) return { zh: '格式不正确', en: 'not in the expected format' };
    } catch (e) { /* a pattern this browser cannot read is left to the server */ }
  }
  return null;
}
