// Search: people, hashtags and posts; the query is in the address (?q=), so results can be shared.
import { call } from '../api.js';
import { setTitle } from '../context.js';
import { clear, empty, h, loading, problemBox } from '../dom.js';
import { t } from '../i18n.js';
import { navigate } from '../router.js';
import { accountLine } from '../components/account.js';
import { statusView } from '../components/status.js';

export async function render(root, params, query) {
  const q = (query.get('q') || '').trim();
  setTitle(q ? t('app.search.title_for', { q }) : t('app.nav.search'));
  const input = h('input', { id: 'search-q', type: 'search', name: 'q', value: q, autocomplete: 'off', placeholder: t('app.search.placeholder') });
  const form = h('form', { class: 'search-form', role: 'search' },
    h('label', { for: 'search-q', class: 'visually-hidden' }, t('app.search.label')), input,
    h('button', { type: 'submit', class: 'primary' }, t('app.search.submit')));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    navigate(`/search?q=${encodeURIComponent(input.value.trim())}`);
  });
  const results = h('div', { class: 'search-results', 'aria-live': 'polite' });
  clear(root).append(h('h1', { class: 'screen-title' }, t('app.nav.search')), form, results);
  if (!q) {
    results.append(empty(t('app.search.hint')));
    if (!params.keepFocus) input.focus();
    return null;
  }
  results.append(loading());
  try {
    const { data } = await call('/api/v2/search', { query: { q, limit: 20 } });
    results.replaceChildren();
    if (!data.accounts.length && !data.hashtags.length && !data.statuses.length) {
      results.append(empty(t('app.search.none', { q })));
      return null;
    }
    if (data.accounts.length) {
      results.append(h('h2', { class: 'section-title' }, t('app.search.people')), h('ul', { class: 'accounts' }, data.accounts.map((a) => h('li', {}, accountLine(a)))));
    }
    if (data.hashtags.length) {
      results.append(h('h2', { class: 'section-title' }, t('app.search.hashtags')),
        h('ul', { class: 'hashtags' }, data.hashtags.map((tag) => h('li', {}, h('a', { href: `/tags/${encodeURIComponent(tag.name)}` }, `#${tag.name}`)))));
    }
    if (data.statuses.length) {
      results.append(h('h2', { class: 'section-title' }, t('app.search.posts')), h('div', { class: 'feed' }, data.statuses.map((s) => statusView(s))));
    }
  } catch (error) {
    results.replaceChildren(problemBox(error));
  }
  return null;
}
