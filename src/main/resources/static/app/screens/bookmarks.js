// The statuses one bookmarked, newest bookmark first.
import { setTitle } from '../context.js';
import { clear, h } from '../dom.js';
import { t } from '../i18n.js';
import { timeline } from '../components/timeline.js';

export function render(root) {
  setTitle(t('app.nav.bookmarks'));
  const feed = timeline({ path: '/api/v1/bookmarks', stream: null, emptyText: t('app.bookmarks.empty'), label: t('app.nav.bookmarks'), accepts: () => false });
  clear(root).append(h('h1', { class: 'screen-title' }, t('app.nav.bookmarks')), feed.element);
  return feed.destroy;
}
