// Notifications: mentions, follows, favourites, boosts, polls, quotes; new ones arrive on the socket.
import { call } from '../api.js';
import { app, setTitle } from '../context.js';
import { announce, clear, empty, h, icon, loading, problemBox, toast } from '../dom.js';
import { relativeTime, t } from '../i18n.js';
import { profilePath } from '../router.js';
import { displayName } from '../components/account.js';
import { problemMessage } from '../components/problems.js';
import { statusView } from '../components/status.js';
import { filterVerdict, withFilterMarks } from '../components/filters.js';

const ICON = { mention: 'reply', status: 'bell', reblog: 'boost', follow: 'user', follow_request: 'user', favourite: 'star', poll: 'poll', update: 'pen', quote: 'quote' };

/** A notification about a status a `hide` filter for notifications matches is left out, as Mastodon's apps do. */
function shown(notification) {
  return filterVerdict(notification.status, 'notifications')?.action !== 'hide';
}

function item(notification) {
  const who = h('a', { href: profilePath(notification.account) }, displayName(notification.account));
  const known = Object.hasOwn(ICON, notification.type);
  const line = h('p', { class: 'notification-line' }, icon(ICON[notification.type] || 'bell'),
    h('span', {}, ...fill(t(known ? `app.notification.${notification.type}` : 'app.notification.other'), who)),
    h('time', { datetime: notification.created_at }, relativeTime(notification.created_at)));
  return h('li', { class: `notification ${notification.type}`, dataset: { id: notification.id } },
    line, notification.status ? statusView(notification.status, { compact: notification.type !== 'mention', filterContext: 'notifications' }) : null);
}

/** Puts the account link where the message says {name}. */
function fill(text, node) {
  const [before, after] = text.split('{name}');
  return after === undefined ? [text] : [before, node, after];
}

export async function render(root) {
  setTitle(t('app.nav.notifications'));
  const list = h('ul', { class: 'notifications', 'aria-label': t('app.nav.notifications') });
  const status = h('div', {}, loading());
  const more = h('button', { type: 'button', class: 'load-more', hidden: true }, t('app.timeline.load_more'));
  const clearButton = h('button', { type: 'button', class: 'link-button clear-all' }, t('app.notifications.clear'));
  clear(root).append(h('div', { class: 'screen-head' }, h('h1', { class: 'screen-title' }, t('app.nav.notifications')), clearButton), list, status, more);
  let next = null;
  const load = async (path) => {
    try {
      const { data, links } = await call(path);
      data.filter(shown).forEach((n) => list.append(item(n)));
      next = data.length ? links.next : null;
      more.hidden = !next;
      status.replaceChildren(list.children.length ? '' : empty(t('app.notifications.empty')));
    } catch (error) {
      status.replaceChildren(problemBox(error));
    }
  };
  more.addEventListener('click', () => load(next));
  clearButton.addEventListener('click', async () => {
    if (!window.confirm(t('app.notifications.clear_confirm'))) return;
    try {
      await call('/api/v1/notifications/clear', { method: 'POST' });
      list.replaceChildren();
      status.replaceChildren(empty(t('app.notifications.empty')));
      announce(t('app.notifications.cleared'));
    } catch (error) {
      toast(problemMessage(error), 'error');
    }
  });
  await load('/api/v1/notifications');
  if (!app.stream) return null;
  return app.stream.on('user', ['notification'], async (event) => {
    const heard = event.payload.status ? { ...event.payload, status: await withFilterMarks(event.payload.status) } : event.payload;
    if (!shown(heard) || list.querySelector(`[data-id="${CSS.escape(heard.id)}"]`)) return;
    list.prepend(item(heard));
    status.replaceChildren();
    announce(t('app.notifications.new'));
  });
}
