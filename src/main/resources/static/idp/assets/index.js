import { notice, param, t } from '/assets/onego.js';
import { about, page } from '/idp/assets/idp.js';

page(async () => {
  if (param('signedIn') !== null) {
    notice(document.getElementById('message'), t('您已登录统一身份认证平台。', 'You are signed in at the identity provider.'));
  }
  const info = await about();
  document.getElementById('sms-item').hidden = !info.smsSimulated;
  const discovery = document.getElementById('discovery');
  discovery.href = info.discovery;
  discovery.textContent = info.discovery;
});
