// The demo identity provider's pages: their header and what they share. The calls themselves go through
// OneGo's api() (CSRF token from the XSRF-TOKEN cookie, problem+json shown next to the field).
import { api, el, english, showProblem, t, translate } from '/assets/onego.js';

let aboutProvider;

/** The provider's issuer and whether SMS is simulated. */
export function about() {
  aboutProvider ??= api('GET', '/idp/api/about');
  return aboutProvider;
}

/** The header: the provider's name, a language switch and a ribbon saying that this is a demo. */
export function header() {
  translate();
  const switchTo = english() ? 'zh' : 'en';
  const params = new URLSearchParams(location.search);
  params.set('lang', switchTo);
  const bar = el('header', { class: 'top' },
    el('a', { href: '/idp/', class: 'brand' }, el('span', { class: 'logo', 'aria-hidden': 'true', lang: 'zh-CN' }, '证'),
      t('统一身份认证平台（演示）', 'Identity provider (demo)')),
    el('nav', { 'aria-label': t('主导航', 'Main') },
      el('a', { href: '/idp/register.html' }, t('实名注册', 'Register')),
      el('a', { href: '/idp/login' }, t('登录', 'Sign in'))),
    el('div', { class: 'tools' }, el('a', { href: '?' + params, class: 'lang', lang: switchTo === 'en' ? 'en' : 'zh-CN' },
      switchTo === 'en' ? 'English' : '中文')));
  const ribbon = el('div', { class: 'demo-ribbon', role: 'note' }, t(
    '演示用身份认证服务：随 OneGo 内置，正式环境应接入省统一身份认证平台。',
    'A demo identity provider built into OneGo; a real deployment connects to the province\'s identity platform.'));
  document.body.prepend(el('a', { href: '#main', class: 'skip' }, t('跳到正文', 'Skip to content')), bar, ribbon);
}

/** Runs the page's start function after the header, showing any failure instead of a blank page. */
export async function page(start) {
  try {
    header();
    await start();
  } catch (e) {
    const box = el('div');
    (document.querySelector('main') || document.body).prepend(box);
    showProblem(box, e);
    console.error(e);
  } finally {
    document.body.dataset.ready = 'true';
  }
}

/** A link to the simulated SMS inbox, shown only when SMS is simulated. */
export async function smsInboxHint(target, mobileHint) {
  const info = await about().catch(() => null);
  if (!info?.smsSimulated) return;
  target.replaceChildren(el('div', { class: 'notice', role: 'note' },
    t('演示环境不真正发送短信：', 'Text messages are simulated here: '),
    el('a', { href: '/idp/demo/sms.html', target: '_blank', rel: 'noopener' }, t('打开模拟短信收件箱', 'open the simulated SMS inbox')),
    mobileHint ? ' ' + mobileHint : ''));
  target.hidden = false;
}
