// OneGo pages: the shared part. Every page is a thin client of the public JSON API (/api/v1), so the
// browser, the mini-programs and third parties see the same rules and the same errors.
// Chinese first; ?lang=en (remembered) switches to English.

const LANG_KEY = 'onego.lang';

export function lang() {
  const asked = new URLSearchParams(location.search).get('lang');
  if (asked === 'en' || asked === 'zh') {
    localStorage.setItem(LANG_KEY, asked);
  }
  return localStorage.getItem(LANG_KEY) === 'en' ? 'en' : 'zh';
}

export const english = () => lang() === 'en';

/** The text in the page's language. */
export function t(zh, en) {
  // an empty English twin is an answer too: a Chinese measure word (份, 项) has none
  return english() && en != null ? en : zh;
}

/**
 * A count with its unit: "3 个工作日" in Chinese, "3 working days" or "1 working day" in English. The English
 * plural is the singular with an s unless given.
 */
export function count(n, zhUnit, enOne, enMany = enOne + 's') {
  return english() ? n + ' ' + (Number(n) === 1 ? enOne : enMany) : n + ' ' + zhUnit;
}

/** A catalogue label {zh, en} (or a plain string) in the page's language. */
export function label(value) {
  if (value == null) return '';
  if (typeof value === 'string') return value;
  return english() && value.en ? value.en : value.zh ?? value.en ?? '';
}

const departments = new Map();

/**
 * A department's name in the page's language, from the catalogue (answers that carry only the Chinese name still
 * carry the code); the code itself is never shown, an unknown department is named as such.
 */
export function departmentName(code) {
  if (!departments.has(code)) {
    departments.set(code, api('GET', '/api/v1/departments/' + encodeURIComponent(code))
      .then(d => ({ zh: d.name, en: d.nameEn })).catch(() => null));
  }
  return departments.get(code).then(name => name ? label(name) : t('（未登记的部门）', '(an unlisted department)'));
}

const regions = new Map();

/** A region's name in the page's language, from the catalogue; its code is never shown. */
export function regionName(code) {
  if (!code) return Promise.resolve('');
  if (!regions.has(code)) {
    regions.set(code, api('GET', '/api/v1/regions/' + encodeURIComponent(code))
      .then(d => ({ zh: d.region.name, en: d.region.nameEn })).catch(() => null));
  }
  return regions.get(code).then(name => name ? label(name) : t('（未登记的地区）', '(an unlisted region)'));
}

/** Switches static texts written in Chinese with an English twin in data-en (and data-en-*) attributes. */
export function translate(root = document) {
  document.documentElement.lang = english() ? 'en' : 'zh-CN';
  if (!english()) return;
  root.querySelectorAll('[data-en]').forEach(node => { node.textContent = node.dataset.en; });
  for (const attribute of ['placeholder', 'title', 'aria-label', 'alt', 'value']) {
    const key = 'data-en-' + attribute;
    root.querySelectorAll('[' + key + ']').forEach(node => node.setAttribute(attribute, node.getAttribute(key)));
  }
  if (document.title && document.querySelector('title[data-en]')) {
    document.title = document.querySelector('title').dataset.en;
  }
}

/** A DOM element: el('a', {href: '/'}, 'text', child, ...). Attributes starting with "on" are listeners. */
export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attributes || {})) {
    if (value == null || value === false) continue;
    if (key.startsWith('on') && typeof value === 'function') {
      node.addEventListener(key.substring(2), value);
    } else if (key === 'class') {
      node.className = value;
    } else if (key === 'dataset') {
      Object.assign(node.dataset, value);
    } else if (value === true) {
      node.setAttribute(key, '');
    } else {
      node.setAttribute(key, value);
    }
  }
  for (const child of children.flat()) {
    if (child == null || child === false) continue;
    node.append(child instanceof Node ? child : String(child));
  }
  return node;
}

function cookie(name) {
  const found = document.cookie.split('; ').find(c => c.startsWith(name + '='));
  return found ? decodeURIComponent(found.substring(name.length + 1)) : null;
}

/** An answer of the API that is not a success, with its problem+json. */
export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || problem?.title || ('HTTP ' + status));
    this.status = status;
    this.problem = problem || {};
  }
}

/**
 * Calls the API as the signed-in user (session cookie, CSRF token from the XSRF-TOKEN cookie).
 * body: an object (sent as JSON), FormData, or URLSearchParams. Resolves to the parsed JSON (or text).
 */
export async function api(method, path, body, headers = {}) {
  const options = {
    method,
    credentials: 'same-origin',
    headers: { 'Accept': 'application/json', 'Accept-Language': lang(), 'X-Requested-With': 'fetch', ...headers },
  };
  if (method !== 'GET' && method !== 'HEAD') {
    if (!cookie('XSRF-TOKEN')) {
      await fetch('/api/v1/regions?level=PROVINCE', { credentials: 'same-origin' }); // lets the server set the token
    }
    options.headers['X-XSRF-TOKEN'] = cookie('XSRF-TOKEN') || '';
  }
  if (body instanceof FormData || body instanceof URLSearchParams) {
    options.body = body;
  } else if (body !== undefined && body !== null) {
    options.headers['Content-Type'] = 'application/json';
    options.body = JSON.stringify(body);
  }
  const response = await fetch(path, options);
  const type = response.headers.get('Content-Type') || '';
  const payload = type.includes('json') ? await response.json() : await response.text();
  if (!response.ok) {
    throw new ApiError(response.status, typeof payload === 'object' ? payload : { detail: payload });
  }
  return payload;
}

let signedIn;

/** The signed-in user ({username, displayName, roles, …}) or null. */
export async function me() {
  if (signedIn === undefined) {
    try {
      signedIn = await api('GET', '/api/v1/me');
    } catch (e) {
      signedIn = null;
    }
  }
  return signedIn;
}

export function hasRole(user, ...roles) {
  return !!user && roles.some(role => user.roles.includes(role));
}

/** Sends an anonymous visitor to the sign-in page and back; returns the user when allowed. */
export async function requireUser(...roles) {
  const user = await me();
  if (!user) {
    location.href = '/login.html?continue=' + encodeURIComponent(location.pathname + location.search);
    return new Promise(() => {});
  }
  if (user.passwordChangeRequired && location.pathname !== '/password.html') {
    // an administrator reset the password: the API refuses everything else until the holder chooses their own
    location.href = '/password.html?continue=' + encodeURIComponent(location.pathname + location.search);
    return new Promise(() => {});
  }
  if (roles.length && !hasRole(user, ...roles)) {
    document.querySelector('main').replaceChildren(el('div', { class: 'notice error', role: 'alert' },
      t('当前账号无权使用此页面。', 'Your account may not use this page.')));
    document.body.dataset.ready = 'true'; // the page ends here: what it shows is complete
    return new Promise(() => {});
  }
  return user;
}

const NAV = [
  { href: '/', zh: '首页', en: 'Home' },
  { href: '/my.html', zh: '我的办件', en: 'My applications', roles: ['APPLICANT'] },
  { href: '/wallet.html', zh: '我的证照', en: 'My licences', roles: ['APPLICANT'] },
  { href: '/credit.html', zh: '我的信用', en: 'My credit', roles: ['APPLICANT'] },
  { href: '/progress.html', zh: '进度查询', en: 'Follow a case', anonymous: true },
  { href: '/verify.html', zh: '证照核验', en: 'Verify a licence', anonymous: true },
  { href: '/resources.html', zh: '数据目录', en: 'Data catalogue' },
  { href: '/window.html', zh: '综合窗口', en: 'Window', roles: ['WINDOW_CLERK'] },
  { href: '/department.html', zh: '部门审批', en: 'Department', roles: ['REVIEWER', 'DEPARTMENT_HEAD'] },
  { href: '/resource-access.html', zh: '数据共享', en: 'Data sharing', roles: ['REVIEWER', 'DEPARTMENT_HEAD'] },
  { href: '/rectifications.html', zh: '差评整改', en: 'Rectifications', roles: ['WINDOW_CLERK', 'REVIEWER', 'DEPARTMENT_HEAD', 'SUPERVISOR'] },
  { href: '/post-verification.html', zh: '事后核查', en: 'Post-verification', roles: ['REVIEWER', 'DEPARTMENT_HEAD'] },
  { href: '/dashboard.html', zh: '监管看板', en: 'Supervision', roles: ['SUPERVISOR'] },
  { href: '/reform.html', zh: '改革模拟', en: 'What-if', roles: ['SUPERVISOR', 'CATALOGUE_ADMIN'] },
  { href: '/credit-admin.html', zh: '信用管理', en: 'Credit', roles: ['CREDIT_ADMIN'] },
  { href: '/admin.html', zh: '系统管理', en: 'Administration', roles: ['CATALOGUE_ADMIN', 'SYSTEM_ADMIN'] },
];

/** The page header: name, navigation for the user's roles, language switch, sign-in or sign-out. */
export async function header() {
  translate();
  const user = await me();
  const links = NAV.filter(link => link.anonymous ? !user : !link.roles || hasRole(user, ...link.roles)).map(link =>
    el('a', { href: link.href, 'aria-current': location.pathname === link.href ? 'page' : null }, t(link.zh, link.en)));
  const switchTo = english() ? 'zh' : 'en';
  const languageLink = el('a', { href: '?' + new URLSearchParams({ ...Object.fromEntries(new URLSearchParams(location.search)), lang: switchTo }),
    lang: switchTo === 'en' ? 'en' : 'zh-CN', class: 'lang' }, switchTo === 'en' ? 'English' : '中文');
  let account;
  if (user) {
    account = el('form', { method: 'post', action: '/logout', class: 'account', onsubmit: signOut },
      el('span', { class: 'who', lang: 'zh-CN' }, user.displayName || user.username),
      el('button', { type: 'submit', class: 'link' }, t('退出', 'Sign out')));
  } else {
    account = el('a', { href: '/login.html?continue=' + encodeURIComponent(location.pathname + location.search), class: 'account' },
      t('登录', 'Sign in'));
  }
  const bar = el('header', { class: 'top' },
    el('a', { href: '/', class: 'brand' }, el('span', { class: 'logo', 'aria-hidden': 'true', lang: 'zh-CN' }, '一'), t('一件事一次办', 'OneGo')),
    el('nav', { 'aria-label': t('主导航', 'Main') }, links),
    el('div', { class: 'tools' }, languageLink, account));
  document.body.prepend(el('a', { href: '#main', class: 'skip' }, t('跳到正文', 'Skip to content')), bar);
  return user;
}

async function signOut(event) {
  event.preventDefault();
  await api('POST', '/logout', new URLSearchParams()).catch(() => {});
  location.href = '/';
}

/** Shows a problem+json: its detail and each field's message, next to the field when the form has it. */
export function showProblem(target, error, form) {
  const problem = error instanceof ApiError ? error.problem : { detail: String(error?.message || error) };
  const fields = problem.errors || [];
  form?.querySelectorAll('[aria-invalid]').forEach(input => input.removeAttribute('aria-invalid'));
  form?.querySelectorAll('.field-error').forEach(node => node.remove());
  for (const field of fields) {
    const input = form?.querySelector('[name="' + CSS.escape(field.field) + '"]');
    if (input) {
      input.setAttribute('aria-invalid', 'true');
      input.insertAdjacentElement('afterend', el('span', { class: 'field-error' }, label(field.message)));
    }
  }
  target.replaceChildren(el('div', { class: 'notice error', role: 'alert' },
    el('strong', {}, problem.title || t('出错了', 'Something went wrong')),
    problem.detail && problem.detail !== problem.title ? el('p', {}, problem.detail) : null,
    fields.length ? el('ul', {}, fields.map(f => el('li', {}, el('code', {}, f.field), ' ', label(f.message)))) : null,
    // what to quote when reporting it: the operators find the request's log lines by this id
    problem.requestId ? el('p', { class: 'request-id' }, t('请求编号 ', 'Request id '), el('code', {}, problem.requestId)) : null));
  target.scrollIntoView({ block: 'nearest' });
}

export function notice(target, text, kind = 'ok') {
  target.replaceChildren(el('div', { class: 'notice ' + kind, role: 'status' }, text));
}

export function param(name) {
  return new URLSearchParams(location.search).get(name);
}

let platformToday;

/**
 * The platform's today as 'YYYY-MM-DD', in China Standard Time: dates a page proposes come from the
 * platform's clock, on which every due day is counted, never from the visitor's computer.
 */
export function today() {
  platformToday ??= api('GET', '/api/v1/calendar/today').then(answer => answer.date);
  return platformToday;
}

/** The day 'YYYY-MM-DD' moved by whole days, months or years (calendar arithmetic, no time zone). */
export function shiftDay(day, { days = 0, months = 0, years = 0 }) {
  const [y, m, d] = day.split('-').map(Number);
  const shifted = new Date(Date.UTC(y + years, m - 1 + months, d + days));
  return shifted.toISOString().substring(0, 10);
}

/**
 * A day as people read it; a provisional one (its year's public holidays not published yet, counted on weekends
 * alone) says so.
 */
export function formatDate(value, provisional) {
  if (!value) return t('待定', 'to be set');
  return String(value).substring(0, 10) + (provisional ? t('（暂定）', ' (provisional)') : '');
}

/**
 * The day figures were counted on, 'YYYY-MM-DD', as a page says it: "截至 2026年12月7日" / "as of 7 December 2026" —
 * for figures that are a snapshot, not live.
 */
export function asOfDay(day) {
  const [y, m, d] = String(day).substring(0, 10).split('-').map(Number);
  const english = new Date(Date.UTC(y, m - 1, d)).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
  return t('截至 ' + y + '年' + m + '月' + d + '日', 'as of ' + english);
}

/**
 * What a person typed (a reason, a comment, a legal basis), shown as written: marked as Chinese, the language it is
 * written in, so that an English page says so to screen readers (and to the test that walks every page).
 */
export function typed(text) {
  return text ? el('span', { lang: 'zh-CN' }, text) : '';
}

/** A moment in Beijing time, the time of every hall and deadline, wherever the browser's clock is set. */
export function formatTime(value) {
  if (!value) return '';
  const date = new Date(value);
  return date.toLocaleString(english() ? 'en-GB' : 'zh-CN', { hour12: false, timeZone: 'Asia/Shanghai' });
}

const STATES = {
  // cases (CaseState)
  AWAITING_ACCEPTANCE: ['待受理', 'Awaiting acceptance'], AWAITING_SUPPLEMENT: ['待补正', 'Awaiting supplement'],
  NOT_ACCEPTED: ['不予受理', 'Not accepted'], IN_PROGRESS: ['办理中', 'In progress'], READY: ['待出件', 'Ready to issue'],
  ISSUED: ['已出件', 'Issued'], REFUSED: ['不予许可', 'Refused'], WITHDRAWN: ['已撤回', 'Withdrawn'],
  // tasks (TaskState; AWAITING_SUPPLEMENT and REFUSED as above)
  WAITING: ['等待前置', 'Waiting for prerequisites'], PENDING: ['待领取', 'Pending'], CLAIMED: ['审查中', 'Under review'],
  SUSPENDED: ['特别程序', 'Suspended'], APPROVED: ['准予', 'Approved'], CANCELLED: ['已取消', 'Cancelled'],
  REVOKED: ['已撤销', 'Revoked'],
  // deadline colours
  GREEN: ['正常', 'On time'], YELLOW: ['预警', 'Warning'], RED: ['超期', 'Overdue'],
};

/** A state or colour code in words. */
export function state(code) {
  const words = STATES[code];
  return words ? t(words[0], words[1]) : code;
}

/** So many working days, with the unit in the number's grammar: '1 个工作日' / '1 working day', '2 working days'. */
export function workingDays(n) {
  return t(n + ' 个工作日', n + (n === 1 ? ' working day' : ' working days'));
}

const STEPS = {
  SUBMITTED: ['提交申请', 'Submitted'], ACCEPTED: ['综合窗口受理', 'Accepted at the window'], NOT_ACCEPTED: ['不予受理', 'Not accepted'],
  DISPATCHED: ['分送部门', 'Sent to the departments'], STARTED: ['部门开始办理', 'Department started'], CLAIMED: ['审查人员领取', 'Taken up for review'],
  RELEASED: ['退回部门队列', 'Put back in the queue'], APPROVED: ['准予', 'Approved'], REFUSED: ['不予许可', 'Refused'],
  SUPPLEMENT_REQUESTED: ['一次性告知补正', 'Supplement requested'], SUPPLIED: ['提交补正材料', 'Supplement supplied'],
  SUSPENDED: ['特别程序，暂停计时', 'Special procedure, clock paused'], RESUMED: ['恢复计时', 'Clock resumed'],
  READY: ['办结，待出件', 'Done, ready to issue'], ISSUED: ['统一出件', 'Result issued'], CANCELLED: ['取消', 'Cancelled'],
  REVOKED: ['撤销', 'Revoked'], GAPS_OVERDUE: ['容缺材料逾期未补', 'Missing materials overdue'],
  VERIFICATION_SCHEDULED: ['安排事后核查', 'Post-verification scheduled'], VERIFIED: ['事后核查通过', 'Post-verification passed'],
  VERIFICATION_FAILED: ['事后核查未通过', 'Post-verification failed'],
  PROMISED_DATE_SETTLED: ['按新公布的节假日安排确定承诺办结日期', 'Promised date settled on the newly published holidays'], BLACKLISTED: ['列入失信名单', 'Blacklisted'],
  WITHDRAWN: ['撤回申请', 'Application withdrawn'],
  WARNING: ['临近办理期限（黄牌）', 'Close to the limit (yellow)'], OVERDUE: ['超过办理期限（红牌）', 'Overdue (red)'],
};

/** A step of a case's history in words (never its code: an action this page does not know reads as a step). */
export function stepAction(code) {
  const words = STEPS[code];
  return words ? t(words[0], words[1]) : STATES[code] ? state(code) : t('办理记录', 'Step');
}

/**
 * The state a step moved to, in words, or null when there is nothing to add: no move, or the same words as the
 * step's own ('准予 → 准予').
 */
export function stepMove(step) {
  if (!step.to || step.to === step.from) return null;
  const to = state(step.to);
  return to === stepAction(step.action) ? null : to;
}

export function colourBadge(colour) {
  if (!colour) return null;
  return el('span', { class: 'badge ' + colour.toLowerCase() }, state(colour));
}

/** Runs the page's start function after the header, showing any failure instead of a blank page. */
export async function page(start) {
  try {
    const user = await header();
    await start(user);
  } catch (e) {
    const main = document.querySelector('main') || document.body;
    const box = el('div');
    main.prepend(box);
    showProblem(box, e);
    console.error(e);
  } finally {
    document.body.dataset.ready = 'true';
  }
}
