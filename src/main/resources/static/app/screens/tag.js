// A hashtag: its public posts, live, and following it (its posts then join home).
import { call } from '../api.js';
import { app, setTitle } from '../context.js';
import { announce, clear, h, toast } from '../dom.js';
import { t } from '../i18n.js';
import { timeline } from '../components/timeline.js';
import { problemMessage } from '../components/problems.js';

export async function render(root, params) {
  const name = params.tag;
  setTitle(`#${name}`);
  const feed = timeline({
    path: `/api/v1/timelines/tag/${encodeURIComponent(name)}`, stream: { name: 'hashtag', tag: name },
    emptyText: t('app.tag.empty'), label: `#${name}`, context: 'public',
    accepts: (status) => status.visibility === 'public' && status.tags.some((tag) => tag.name.toLowerCase() === name.toLowerCase()),
  });
  const head = h('div', { class: 'screen-head' }, h('h1', { class: 'screen-title' }, `#${name}`));
  clear(root).append(head, feed.element);
  if (app.me) {
    try {
      const tag = (await call(`/api/v1/tags/${encodeURIComponent(name)}`)).data;
      const button = h('button', { type: 'button', class: 'follow-tag' });
      const draw = () => {
        button.textContent = t(tag.following ? 'app.tag.unfollow' : 'app.tag.follow');
        button.setAttribute('aria-pressed', String(Boolean(tag.following)));
      };
      button.addEventListener('click', async () => {
        try {
          const { data } = await call(`/api/v1/tags/${encodeURIComponent(name)}/${tag.following ? 'unfollow' : 'follow'}`, { method: 'POST' });
          Object.assign(tag, data);
          draw();
          announce(button.textContent);
        } catch (error) {
          toast(problemMessage(error), 'error');
        }
      });
      draw();
      head.append(button);
    } catch { /* an unknown tag has no follow button yet */ }
  }
  return feed.destroy;
}
