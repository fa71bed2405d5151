// A thread: the posts it replies to, the post itself, a reply box, and the replies, which arrive live
// (from the streaming socket, and re-read when the socket reconnects).
import { call } from '../api.js';
import { app, setTitle } from '../context.js';
import { fill, clear, empty, h, problemBox } from '../dom.js';
import { t } from '../i18n.js';
import { displayName } from '../components/account.js';
import { composeForm } from '../components/compose.js';
import { filterVerdict, withFilterMarks } from '../components/filters.js';
import { statusView } from '../components/status.js';

export async function render(root, params) {
  let focused;
  let context;
  try {
    [focused, context] = await Promise.all([
      call(`/api/v1/statuses/${params.id}`).then((r) => r.data),
      call(`/api/v1/statuses/${params.id}/context`).then((r) => r.data),
    ]);
  } catch (error) {
    setTitle(t('app.thread.title'));
    fill(root, h('h1', {}, t('app.thread.title')), problemBox(error));
    return null;
  }
  setTitle(t('app.thread.by', { name: displayName(focused.account) }));
  // The viewer's hide filters for conversations leave those posts out (warn ones are collapsed by statusView).
  const kept = (s) => filterVerdict(s, 'thread')?.action !== 'hide';
  const ids = new Set([focused.id, ...context.ancestors.map((s) => s.id), ...context.descendants.map((s) => s.id)]);
  const replies = h('div', { class: 'feed replies', role: 'feed', 'aria-label': t('app.thread.replies') });
  const noReplies = empty(t('app.thread.no_replies'));
  const addReply = (status) => {
    if (ids.has(status.id) || !ids.has(status.in_reply_to_id)) return;
    ids.add(status.id);
    noReplies.remove();
    replies.append(statusView(status, { inThread: true, filterContext: 'thread' }));
  };
  context.descendants.filter(kept).forEach((s) => replies.append(statusView(s, { inThread: true, filterContext: 'thread' })));
  fill(root, 
    h('h1', { class: 'screen-title' }, t('app.thread.title')),
    h('div', { class: 'feed ancestors' }, context.ancestors.filter(kept).map((s) => statusView(s, { inThread: true, filterContext: 'thread' }))),
    statusView(focused, { focused: true }),
    app.me ? h('div', { class: 'inline-composer reply-box' }, composeForm({ replyTo: focused })) : null,
    h('h2', { class: 'section-title' }, t('app.thread.replies')),
    context.descendants.some(kept) ? null : noReplies,
    replies);
  const removers = [];
  const onPosted = (event) => addReply(event.detail);
  document.addEventListener('omnia:posted', onPosted);
  removers.push(() => document.removeEventListener('omnia:posted', onPosted));
  if (app.stream) {
    removers.push(app.stream.subscribe('public'));
    // A streamed reply carries no viewer's filter marks: checked against them first, then kept or left out.
    const heard = async (status) => {
      if (ids.has(status.id) || !ids.has(status.in_reply_to_id)) return;
      const marked = await withFilterMarks(status);
      if (kept(marked)) addReply(marked);
    };
    for (const name of ['user', 'public']) removers.push(app.stream.on(name, ['update'], (event) => heard(event.payload)));
    removers.push(app.stream.onOpen(async () => {
      try {
        const fresh = (await call(`/api/v1/statuses/${params.id}/context`)).data;
        fresh.descendants.filter(kept).forEach(addReply);
      } catch { /* tried again on the next reconnect */ }
    }));
  }
  return () => removers.forEach((remove) => remove());
}
