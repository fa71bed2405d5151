// The public timelines: this server only (local) or everything it knows.
import { app, setTitle } from '../context.js';
import { fill, h } from '../dom.js';
import { t } from '../i18n.js';
import { timeline } from '../components/timeline.js';

export function render(root, params) {
  const local = params.scope === 'local';
  const title = t(local ? 'app.public.local' : 'app.public.all');
  setTitle(title);
  const feed = timeline({
    path: '/api/v1/timelines/public', query: local ? { local: true } : {},
    stream: { name: local ? 'public:local' : 'public' }, emptyText: t('app.public.empty'), label: title, context: 'public',
    accepts: (status) => status.visibility === 'public',
  });
  const tabs = h('nav', { class: 'tabs', 'aria-label': t('app.public.scope') },
    h('a', { href: '/public', 'aria-current': local ? null : 'page' }, t('app.public.all')),
    h('a', { href: '/public/local', 'aria-current': local ? 'page' : null }, t('app.public.local')));
  fill(root, h('h1', { class: 'screen-title' }, t('app.nav.public')), tabs,
    app.me ? null : h('p', { class: 'notice' }, t('app.public.visitor')), feed.element);
  return feed.destroy;
}
