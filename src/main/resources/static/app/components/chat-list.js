// The conversation list: newest activity first, each with its picture, title, last message, time and unread
// count; message requests with Accept and Decline; archived conversations. It follows the chat stream: a
// new message moves its conversation to the top, a conversation joined appears.
import { call } from '../api.js';
import { app } from '../context.js';
import { empty, h, icon, loading, problemBox } from '../dom.js';
import { relativeTime, t, tn } from '../i18n.js';
import { navigate } from '../router.js';
import { CHAT_API, conversationAvatar, conversationTitle, personName, preview, withDetails } from './chat-common.js';
import { onChat, onChatReload } from './chat-events.js';
import { requestButtons } from './chat-requests.js';

const PAGE = 20;
// The last list drawn per filter: opening another conversation redraws the screen, and the list shows at
// once (then refreshes) instead of flashing "Loading".
const lastDrawn = new Map();
const FILTERS = {
  active: { query: { state: 'active' }, empty: 'app.chat.list.empty' },
  request: { query: { state: 'request' }, empty: 'app.chat.requests.empty' },
  archived: { query: { archived: 'true' }, empty: 'app.chat.archived.empty' },
};

/** The Requests tab with how many requests wait (read once per drawing of the list; 40 or more show as 40+). */
function withRequestCount(link) {
  call(`${CHAT_API}/conversations`, { query: { state: 'request', limit: 40 } }).then(({ data }) => {
    if (!data.length) return;
    link.append(' ', h('span', { class: 'tab-count', 'aria-hidden': 'true' }, data.length >= 40 ? '40+' : String(data.length)),
      h('span', { class: 'visually-hidden' }, tn('app.chat.requests.waiting', data.length)));
  }).catch(() => { /* the tab stays without a count */ });
  return link;
}

/** Draws the list into pane; answers {stop, refresh}. selectedId marks the open conversation. */
export function conversationList(pane, { filter, selectedId, heading }) {
  const conversations = [];
  const list = h('ul', { class: 'chat-conversations', 'aria-label': t(`app.chat.tab.${filter}`) });
  const status = h('div', {}, loading());
  const more = h('button', { type: 'button', class: 'load-more', hidden: true }, t('app.timeline.load_more'));
  const tab = (name, href) => h('a', { href, 'aria-current': name === filter ? 'page' : null, dataset: { tab: name } },
    t(`app.chat.tab.${name}`));
  pane.append(
    h('div', { class: 'screen-head chat-head' },
      h(heading, { class: 'screen-title', id: 'chat-list-title' }, t('app.chat.title')),
      h('a', { class: 'button primary', href: '/chat/new', id: 'chat-new' }, icon('pen'), h('span', {}, t('app.chat.new')))),
    h('nav', { class: 'tabs chat-tabs', 'aria-label': t('app.chat.tabs') },
      tab('active', '/chat'), withRequestCount(tab('request', '/chat/requests')), tab('archived', '/chat/archived')),
    list, status, more);
  let next = null;
  const path = `${CHAT_API}/conversations`;

  const draw = () => {
    list.replaceChildren(...conversations.map((c) => item(c, filter, c.id === selectedId, remove)));
    status.replaceChildren(conversations.length ? '' : empty(t(FILTERS[filter].empty)));
    lastDrawn.set(filter, conversations.slice());
  };
  const remove = (id) => {
    const index = conversations.findIndex((c) => c.id === id);
    if (index >= 0) conversations.splice(index, 1);
    draw();
  };
  const load = async (path, reset) => {
    try {
      const { data, links } = await call(path, path.includes('?') ? {} : { query: { ...FILTERS[filter].query, limit: PAGE } });
      const detailed = await Promise.all(data.map(withDetails));
      if (reset) conversations.length = 0;
      detailed.forEach((c) => { if (!conversations.some((known) => known.id === c.id)) conversations.push(c); });
      next = data.length >= PAGE ? links.next : null;
      more.hidden = !next;
      draw();
    } catch (error) {
      status.replaceChildren(problemBox(error));
    }
  };
  more.addEventListener('click', () => load(next, false));

  const belongs = (c) => (filter === 'archived' ? c.archived : !c.archived && c.state === filter);
  const refreshOne = async (id) => {
    try {
      const fresh = await withDetails((await call(`${CHAT_API}/conversations/${id}`)).data);
      const index = conversations.findIndex((c) => c.id === id);
      if (index >= 0) conversations.splice(index, 1);
      if (belongs(fresh)) conversations.splice(index >= 0 ? index : 0, 0, fresh);
      draw();
    } catch (error) {
      if (error.status === 404) remove(id);
    }
  };
  const removers = [
    onChat(['chat.message'], (entry) => {
      const message = entry.payload;
      const index = conversations.findIndex((c) => c.id === entry.conversation_id);
      if (index < 0) {
        refreshOne(entry.conversation_id);
        return;
      }
      const [found] = conversations.splice(index, 1);
      found.last = message;
      if (message.account_id !== app.me.id && entry.conversation_id !== selectedId) found.unread_count += 1;
      conversations.unshift(found);
      draw();
    }),
    onChat(['chat.message.update', 'chat.message.delete'], (entry) => {
      const found = conversations.find((c) => c.id === entry.conversation_id);
      if (found && found.last && found.last.id === entry.payload.id) {
        found.last = entry.payload;
        draw();
      }
    }),
    onChat(['chat.conversation.create', 'chat.conversation.update', 'chat.member.add', 'chat.member.flags',
      'chat.message.hide'], (entry) => refreshOne(entry.conversation_id)),
    onChat(['chat.member.remove'], (entry) => {
      if (entry.payload && entry.payload.account_id === app.me.id) remove(entry.conversation_id);
      else refreshOne(entry.conversation_id);
    }),
    onChat(['chat.read'], (entry) => {
      const found = conversations.find((c) => c.id === entry.conversation_id);
      if (found && entry.payload.account_id === app.me.id) {
        refreshOne(entry.conversation_id);
      }
    }),
    onChatReload(() => load(path, true)),
  ];
  const onRead = (event) => {
    const found = conversations.find((c) => c.id === event.detail.conversationId);
    if (found && found.unread_count !== event.detail.unread) {
      found.unread_count = event.detail.unread;
      draw();
    }
  };
  document.addEventListener('omnia:chat-read', onRead);
  removers.push(() => document.removeEventListener('omnia:chat-read', onRead));
  if (lastDrawn.has(filter)) {
    conversations.push(...lastDrawn.get(filter));
    draw();
  }
  load(path, true);
  return {
    stop: () => removers.forEach((r) => r()),
    select: (id) => { selectedId = id; draw(); },
  };
}

function item(conversation, filter, selected, remove) {
  const title = conversationTitle(conversation);
  const last = conversation.last;
  const mine = last && last.account_id === app.me.id;
  const sender = last && !mine && conversation.type === 'group' ? `${personName(last.account_id)}: ` : '';
  const link = h('a', {
    class: 'chat-conversation', href: `/chat/${conversation.id}`, 'aria-current': selected ? 'page' : null,
    dataset: { id: conversation.id },
  },
  conversationAvatar(conversation),
  h('span', { class: 'chat-conversation-text' },
    h('span', { class: 'chat-conversation-top' },
      h('span', { class: 'chat-conversation-title' }, title),
      conversation.muted ? h('span', { class: 'chat-muted', title: t('app.chat.muted'), 'aria-label': t('app.chat.muted'), role: 'img' }, icon('bell-off')) : null,
      last ? h('time', { datetime: last.created_at }, relativeTime(last.created_at)) : null),
    h('span', { class: 'chat-conversation-bottom' },
      h('span', { class: 'chat-preview' }, mine ? t('app.chat.you_prefix') : sender, preview(last)),
      conversation.unread_count > 0 ? h('span', { class: 'chat-unread' },
        h('span', { 'aria-hidden': 'true' }, String(conversation.unread_count)),
        h('span', { class: 'visually-hidden' }, tn('app.chat.unread', conversation.unread_count))) : null)));
  const row = h('li', { dataset: { id: conversation.id } }, link);
  if (filter === 'request') {
    row.append(requestButtons(conversation, (action) => {
      remove(conversation.id);
      if (action === 'accept') navigate(`/chat/${conversation.id}`);
    }));
  }
  return row;
}
