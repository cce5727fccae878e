// The guidance flow's pieces in their simplest complete form: situation questions, the merged form's
// inputs by data-element type, and a file input per material to hand in. Names match the API's field
// paths (answers.X, form.X, attachments.X) so showProblem puts each error next to its input.
import { api, el, t, label } from '/assets/onego.js';

const INPUT_TYPES = {
  DATE: 'date', NUMBER: 'number', INTEGER: 'number', AREA_M2: 'number', MONEY: 'number', MOBILE: 'tel', EMAIL: 'email',
};

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
  const name = 'form.' + f.element;
  const v = f.validation || {};
  let input;
  if (f.type === 'ENUM' && f.options?.length) {
    input = el('select', { id, name, required: f.required },
      el('option', { value: '' }, t('请选择', 'Choose')), f.options.map(o => el('option', { value: o.value, selected: o.value === value }, label(o.label))));
  } else if (f.type === 'BOOLEAN') {
    input = el('select', { id, name, required: f.required }, el('option', { value: '' }, t('请选择', 'Choose')),
      el('option', { value: 'true', selected: value === 'true' }, t('是', 'Yes')), el('option', { value: 'false', selected: value === 'false' }, t('否', 'No')));
  } else {
    input = el('input', {
      id, name, value, type: INPUT_TYPES[f.type] || 'text', required: f.required, min: v.min, max: v.max,
      maxlength: v.maxLength, step: f.type === 'INTEGER' ? '1' : f.type in INPUT_TYPES && INPUT_TYPES[f.type] === 'number' ? 'any' : null,
      inputmode: ['ID_NUMBER', 'CREDIT_CODE', 'BANK_ACCOUNT'].includes(f.type) ? 'text' : null, autocomplete: 'off',
    });
  }
  return el('div', { class: 'field' },
    el('label', { for: id }, label(f.label), f.required ? el('span', { class: 'muted' }, t('（必填）', ' (required)')) : null,
      f.example ? el('span', { class: 'hint' }, t('例：', 'e.g. ') + f.example) : null),
    input);
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
