// A list read from a paged API (Mastodon's Link header), one page at a time behind a "Load more" button,
// with its loading, empty and error states. Timelines and notifications have their own (they also grow live).
import { call } from '../api.js';
import { empty, h, loading, problemBox } from '../dom.js';
import { t } from '../i18n.js';

/**
 * The section for a list whose first page is at `first`: each item drawn by `draw`, `emptyText` when there are
 * none; `listClass` names the list, `label` the section for assistive technology, `intro` comes before it.
 */
export function pagedList({ first, draw, emptyText, listClass, label = null, intro = null }) {
  const list = h('ul', { class: listClass });
  const status = h('div', {}, loading());
  const more = h('button', { type: 'button', class: 'load-more', hidden: true }, t('app.timeline.load_more'));
  let next = first;
  const load = async () => {
    try {
      const { data, links } = await call(next);
      data.forEach((item) => list.append(draw(item)));
      next = data.length ? links.next : null;
      more.hidden = !next;
      status.replaceChildren(list.children.length ? '' : empty(emptyText));
    } catch (error) {
      status.replaceChildren(problemBox(error));
    }
  };
  more.addEventListener('click', load);
  load();
  return h('section', { 'aria-label': label }, intro, list, status, more);
}
