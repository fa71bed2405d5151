// How a person is shown: avatar, name, handle, and the verification badges Omnia's staff grant.
import { h, icon } from '../dom.js';
import { t } from '../i18n.js';
import { profilePath } from '../router.js';

export function displayName(account) {
  return account.display_name || account.username;
}

export function badges(account) {
  return (account.verifications || []).map((v) => h('span', {
    class: `badge-verified ${v.kind}`, role: 'img',
    'aria-label': t(`app.verified.${v.kind}`), title: t(`app.verified.${v.kind}`),
  }, icon('check')));
}

/** A compact line: avatar, name (a link to the profile), handle. */
export function accountLine(account, extra) {
  return h('div', { class: 'account-line' },
    h('img', { class: 'avatar', src: account.avatar, alt: '', loading: 'lazy', width: 44, height: 44 }),
    h('div', { class: 'names' },
      h('a', { class: 'name', href: profilePath(account) }, displayName(account), badges(account)),
      h('span', { class: 'handle' }, `@${account.acct}`)),
    extra || null);
}
