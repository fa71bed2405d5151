// Home: the composer, then the people and hashtags one follows, live.
import { setTitle } from '../context.js';
import { clear, h } from '../dom.js';
import { t } from '../i18n.js';
import { composeForm } from '../components/compose.js';
import { timeline } from '../components/timeline.js';

export function render(root) {
  setTitle(t('app.nav.home'));
  const feed = timeline({
    path: '/api/v1/timelines/home', stream: { name: 'user' }, emptyText: t('app.home.empty'), label: t('app.nav.home'), context: 'home',
  });
  clear(root).append(h('h1', { class: 'screen-title' }, t('app.nav.home')),
    h('div', { class: 'inline-composer' }, composeForm({})), feed.element);
  return feed.destroy;
}
