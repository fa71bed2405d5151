// A list of statuses that pages backwards ("Load more") and stays current without a reload: new posts heard
// on the streaming socket wait behind a "new posts" banner (one's own appear at once), deletions and edits
// apply in place, and when the socket (re)connects the gap is fetched with min_id.
import { call } from '../api.js';
import { app } from '../context.js';
import { announce, empty, h, loading, problemBox } from '../dom.js';
import { t, tn } from '../i18n.js';
import { filterVerdict, withFilterMarks } from './filters.js';
import { statusView } from './status.js';

/**
 * options: path (API list), query, stream ({name, tag}) or null, emptyText, accepts(status) to filter own
 * posts and stream events (default: all), label (the feed's accessible name), context (the filter context:
 * home, public or account; the viewer's muted words hide or collapse statuses there).
 */
export function timeline(options) {
  const accepts = options.accepts || (() => true);
  const feed = h('div', { class: 'feed', role: 'feed', 'aria-busy': 'true', 'aria-label': options.label });
  const banner = h('button', { type: 'button', class: 'new-posts', hidden: true, onclick: () => showPending() });
  const more = h('button', { type: 'button', class: 'load-more', hidden: true, onclick: () => loadOlder() }, t('app.timeline.load_more'));
  const status = h('div', { class: 'feed-status' }, loading());
  const root = h('section', { class: 'timeline' }, banner, feed, status, more);
  const pending = [];
  let nextPath = null;
  let newestId = null;
  const seen = new Set();
  const removers = [];

  function add(statusJson, where) {
    if (seen.has(statusJson.id)) return null;
    seen.add(statusJson.id);
    if (hidden(statusJson)) return null;
    const view = statusView(statusJson, { filterContext: options.context });
    if (where === 'top') feed.prepend(view); else feed.append(view);
    if (!newestId || BigInt(statusJson.id) > BigInt(newestId)) newestId = statusJson.id;
    return view;
  }

  function hidden(statusJson) {
    const verdict = filterVerdict(statusJson, options.context);
    return Boolean(verdict && verdict.action === 'hide');
  }

  function refreshEmpty() {
    status.replaceChildren(feed.children.length || pending.length ? '' : empty(options.emptyText));
  }

  async function loadFirst() {
    try {
      const { data, links } = await call(options.path, { query: options.query });
      data.forEach((s) => add(s, 'bottom'));
      nextPath = data.length ? links.next || null : null;
      more.hidden = !nextPath;
      refreshEmpty();
    } catch (error) {
      status.replaceChildren(problemBox(error));
    } finally {
      feed.setAttribute('aria-busy', 'false');
    }
  }

  async function loadOlder() {
    more.disabled = true;
    try {
      const { data, links } = await call(nextPath);
      data.forEach((s) => add(s, 'bottom'));
      nextPath = data.length ? links.next || null : null;
      more.hidden = !nextPath;
      announce(tn('app.timeline.loaded', data.length));
    } catch (error) {
      status.replaceChildren(problemBox(error));
    } finally {
      more.disabled = false;
    }
  }

  const isNew = (statusJson) => !seen.has(statusJson.id) && !pending.some((p) => p.id === statusJson.id);

  /** marked: the status came from a REST answer, with the viewer's filter marks (a streamed one has none). */
  async function queue(heard, marked = false) {
    if (!isNew(heard) || !accepts(heard)) return;
    const statusJson = options.context && !marked ? await withFilterMarks(heard) : heard;
    if (!isNew(statusJson) || hidden(statusJson)) return;
    if (app.me && statusJson.account.id === app.me.id && !statusJson.reblog) {
      add(statusJson, 'top');
      refreshEmpty();
      return;
    }
    pending.push(statusJson);
    banner.textContent = tn('app.timeline.new_posts', pending.length);
    banner.hidden = false;
    refreshEmpty();
  }

  function showPending() {
    pending.sort((a, b) => (BigInt(a.id) < BigInt(b.id) ? -1 : 1)).splice(0).forEach((s) => add(s, 'top'));
    banner.hidden = true;
    refreshEmpty();
    const first = feed.querySelector('article');
    if (first) first.focus();
    window.scrollTo({ top: 0 });
  }

  async function catchUp() {
    if (!newestId) return;
    try {
      const { data } = await call(options.path, { query: { ...options.query, min_id: newestId } });
      data.forEach((s) => queue(s, true));
    } catch { /* the next event or reconnect tries again */ }
  }

  if (options.stream && app.stream) {
    removers.push(app.stream.subscribe(options.stream.name, options.stream.tag));
    removers.push(app.stream.on(options.stream.name, ['update'], (event) => queue(event.payload)));
    removers.push(app.stream.on(options.stream.name, ['delete'], (event) => {
      feed.querySelectorAll(`article[data-status-id="${CSS.escape(String(event.payload))}"], article[data-id="${CSS.escape(String(event.payload))}"]`).forEach((a) => a.remove());
    }));
    removers.push(app.stream.on(options.stream.name, ['status.update'], (event) => {
      const old = feed.querySelector(`article[data-id="${CSS.escape(event.payload.id)}"]`);
      if (old) old.replaceWith(statusView(event.payload, { filterContext: options.context }));
    }));
    removers.push(app.stream.onOpen(catchUp));
  }
  const onPosted = (event) => queue(event.detail, true);
  document.addEventListener('omnia:posted', onPosted);
  removers.push(() => document.removeEventListener('omnia:posted', onPosted));

  loadFirst();
  return { element: root, destroy: () => removers.forEach((remove) => remove()) };
}
