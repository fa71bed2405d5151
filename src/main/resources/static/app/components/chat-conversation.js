// An open conversation: its messages (older ones load as the person scrolls up), live over the chat stream;
// the message box; who is typing; how far the others have read. Sending uses a client-made id kept across
// retries, so a resend never makes a second message.
import { call, del, get, newIdempotencyKey, post } from '../api.js';
import { app, setTitle } from '../context.js';
import { announce, empty, fill, h, icon, problemBox, toast } from '../dom.js';
import { t, tn } from '../i18n.js';
import { navigate } from '../router.js';
import { problemMessage } from './problems.js';
import { CHAT_API, compareIds, conversationAvatar, conversationTitle, loadPeople, patchChildren, person, personName, withDetails } from './chat-common.js';
import { chatComposer } from './chat-composer.js';
import { onChat, onChatReload } from './chat-events.js';
import { keepMyReactions, messageItem } from './chat-message.js';
import { ReadState } from './chat-receipts.js';
import { typingIndicator } from './chat-typing.js';
import { requestButtons } from './chat-requests.js';
import { sendDraft } from './chat-sending.js';

const PAGE = 40;
const NEAR_BOTTOM_PX = 120;
const OLDER_AT_PX = 80;

/** Draws conversation id into pane; answers the function that stops listening. */
export async function conversationView(pane, id) {
  const base = `${CHAT_API}/conversations/${id}`;
  let conversation;
  let page;
  try {
    [conversation, page] = await Promise.all([
      get(base).then(withDetails),
      call(`${base}/messages`, { query: { limit: PAGE } }),
    ]);
  } catch (error) {
    setTitle(t('app.chat.title'));
    fill(pane, h('div', { class: 'chat-pane-head' }, backLink(), h('h1', { class: 'screen-title' }, t('app.chat.conversation'))), problemBox(error));
    return () => {};
  }
  const group = conversation.type === 'group';
  const messages = new Map();
  const pending = new Map();
  const readState = new ReadState(base, group);
  let olderLink = page.data.length >= PAGE ? page.links.next : null;
  let loadingOlder = false;
  let lastReadSent = conversation.last_read_id;

  const list = h('ol', { class: 'chat-messages' });
  const older = h('button', { type: 'button', class: 'load-more chat-older', hidden: !olderLink }, t('app.chat.load_older'));
  const emptyNote = empty(t('app.chat.conversation_empty'));
  const log = h('div', { class: 'chat-log', role: 'log', 'aria-label': t('app.chat.messages'), tabindex: '0' }, older, emptyNote, list);
  const typingLine = h('p', { class: 'chat-typing', 'aria-live': 'polite' });
  const typing = typingIndicator(typingLine);
  const banner = h('div', { class: 'chat-request-banner', hidden: conversation.state !== 'request' });
  const title = h('h1', { class: 'chat-title', id: 'chat-title' }, conversationTitle(conversation));
  setTitle(conversationTitle(conversation));

  const ordered = () => [...messages.values()].sort((a, b) => compareIds(a.id, b.id));
  const newestMine = () => ordered().filter((m) => m.account_id === app.me.id && !m.deleted_at).pop();

  const composer = chatComposer(id, {
    send: (draft) => send(draft),
    edit: async (message, text) => {
      try {
        put(await call(`${base}/messages/${message.id}`, { method: 'PUT', json: { text } }).then((r) => r.data));
      } catch (error) {
        composer.showProblem(problemBox(error));
      }
    },
  });

  // What the viewer may do with a message (the menu, a reaction chip, a failed send's Retry, a reply quote).
  const on = {
    reply: (message) => composer.replyTo(message),
    edit: (message) => composer.edit(message),
    react: toggleReaction,
    remove: async (message) => {
      if (!window.confirm(t('app.chat.delete_everyone_confirm'))) return;
      try { put(await del(`${base}/messages/${message.id}`)); } catch (error) { toast(problemMessage(error), 'error'); }
    },
    hide: async (message) => {
      try {
        await post(`${base}/messages/${message.id}/hide`);
        dropMessage(message.id);
        announce(t('app.chat.hidden'));
      } catch (error) { toast(problemMessage(error), 'error'); }
    },
    report: (message) => document.dispatchEvent(new CustomEvent('omnia:report', {
      detail: {
        kind: 'message', messageId: message.id, conversationId: id, accountId: message.account_id,
        account: person(message.account_id), text: message.text || null,
      },
    })),
    retry: (message) => attempt(message),
    jump: (messageId) => {
      const target = list.querySelector(`[data-id="${CSS.escape(messageId)}"]`);
      if (!target) {
        toast(t('app.chat.reply_not_loaded'));
        return;
      }
      target.scrollIntoView({ block: 'center' });
      target.classList.add('flash');
      window.setTimeout(() => target.classList.remove('flash'), 1500);
    },
  };
  const context = () => {
    // Only the viewer's newest message says how far the others got.
    const mine = newestMine();
    return {
      group,
      on,
      find: (messageId) => messages.get(messageId) || null,
      state: (message) => (message === mine ? readState.of(message) : null),
      seenLabel: mine ? readState.label(mine) : '',
    };
  };

  const nearBottom = () => log.scrollHeight - log.scrollTop - log.clientHeight < NEAR_BOTTOM_PX;
  const toBottom = () => { log.scrollTop = log.scrollHeight; };
  // Items are redrawn only when what they show changed, and moved as little as possible, so that an open
  // message menu or a focused button survives the events that keep arriving.
  const rendered = new Map();
  const draw = () => {
    const shared = context();
    const items = [...ordered(), ...pending.values()].map((m) => {
      const key = m.id || m.client_message_id;
      const target = m.reply_to_id ? messages.get(m.reply_to_id) : null;
      const state = shared.state(m);
      const signature = JSON.stringify([m, state, state ? shared.seenLabel : null,
        target ? [target.account_id, target.text, target.deleted_at] : null]);
      const known = rendered.get(key);
      if (known && known.signature === signature) return known.element;
      const element = messageItem(m, shared);
      rendered.set(key, { signature, element });
      return element;
    });
    patchChildren(list, items);
    emptyNote.hidden = messages.size + pending.size > 0;
  };
  /** Adds or replaces a message from the API, keeping the viewer's own reaction marks. */
  function put(message, { keepMe = false } = {}) {
    const known = messages.get(message.id);
    if (keepMe && known) message = { ...message, reactions: keepMyReactions(message.reactions, known.reactions) };
    messages.set(message.id, message);
    if (message.client_message_id) pending.delete(message.client_message_id);
    const stick = nearBottom();
    draw();
    if (stick) toBottom();
  }
  function dropMessage(messageId) {
    messages.delete(messageId);
    draw();
  }

  async function send({ text, files, previews, replyTo }) {
    const draft = {
      client_message_id: newIdempotencyKey(), account_id: app.me.id, text, reply_to_id: replyTo ? replyTo.id : null,
      created_at: new Date().toISOString(), pending: true, files, local_images: previews.length ? previews : null, media_ids: null,
    };
    pending.set(draft.client_message_id, draft);
    draw();
    toBottom();
    await attempt(draft);
  }
  async function attempt(draft) {
    draft.pending = true;
    draft.failed = false;
    draw();
    try {
      const sent = await sendDraft(base, draft);
      if (conversation.state === 'request') {
        conversation.state = 'active';
        banner.hidden = true;
      }
      put(sent);
      toBottom();
      composer.showProblem(null);
    } catch (error) {
      draft.pending = false;
      draft.failed = true;
      draw();
      composer.showProblem(problemBox(error));
    }
  }

  async function toggleReaction(message, emoji, mine) {
    try {
      const path = `${base}/messages/${message.id}/reactions/${encodeURIComponent(emoji)}`;
      put(await call(path, { method: mine ? 'DELETE' : 'PUT' }).then((r) => r.data));
    } catch (error) {
      toast(problemMessage(error), 'error');
    }
  }

  async function loadOlder() {
    if (!olderLink || loadingOlder) return;
    loadingOlder = true;
    try {
      const { data, links } = await call(olderLink);
      await loadPeople(data.map((m) => m.account_id));
      const before = log.scrollHeight;
      data.forEach((m) => messages.set(m.id, m));
      olderLink = data.length >= PAGE ? links.next : null;
      older.hidden = !olderLink;
      draw();
      log.scrollTop += log.scrollHeight - before;
    } catch (error) {
      composer.showProblem(problemBox(error));
    } finally {
      loadingOlder = false;
    }
  }
  older.addEventListener('click', loadOlder);
  log.addEventListener('scroll', () => { if (log.scrollTop < OLDER_AT_PX) loadOlder(); });

  async function markRead() {
    const newest = ordered().filter((m) => !m.deleted_at).pop();
    if (!newest || document.visibilityState !== 'visible') return;
    if (lastReadSent && compareIds(lastReadSent, newest.id) >= 0) return;
    lastReadSent = newest.id;
    try {
      const answer = await post(`${base}/read`, { last_read_id: newest.id });
      document.dispatchEvent(new CustomEvent('omnia:chat-read', { detail: { conversationId: id, unread: answer.unread_count } }));
    } catch { /* read again on the next message */ }
  }
  async function loadReceipts() {
    try {
      await readState.load();
      draw();
    } catch { /* shown without read state */ }
  }

  const removers = [
    onChat(['chat.message'], async (entry) => {
      if (entry.conversation_id !== id) return;
      const message = entry.payload;
      await loadPeople([message.account_id]);
      typing.stopped(message.account_id);
      put(message);
      // Large groups are not pushed each member's receipts: a message is a good moment to read them again.
      if (group) loadReceipts();
      if (message.account_id !== app.me.id) {
        announce(t('app.chat.new_message', { name: personName(message.account_id) }));
        markRead();
      }
    }),
    onChat(['chat.message.update', 'chat.message.delete'], (entry) => {
      if (entry.conversation_id === id && messages.has(entry.payload.id)) put(entry.payload, { keepMe: true });
    }),
    onChat(['chat.message.hide'], (entry) => { if (entry.conversation_id === id) dropMessage(entry.payload.message_id); }),
    onChat(['chat.reaction'], (entry) => {
      const known = entry.conversation_id === id && messages.get(entry.payload.message_id);
      if (!known) return;
      const mineBefore = new Set((known.reactions || []).filter((r) => r.me).map((r) => r.name));
      if (entry.payload.account_id === app.me.id) {
        if (entry.payload.action === 'add') mineBefore.add(entry.payload.emoji);
        else mineBefore.delete(entry.payload.emoji);
      }
      put({ ...known, reactions: entry.payload.reactions.map((r) => ({ ...r, me: mineBefore.has(r.name) })) });
    }),
    onChat(['chat.read', 'chat.delivered'], (entry) => {
      if (entry.conversation_id !== id || entry.payload.account_id === app.me.id) return;
      readState.apply(entry);
      draw();
    }),
    onChat(['chat.typing'], (entry) => {
      if (entry.conversation_id !== id || entry.account_id === app.me.id) return;
      typing.heard(entry.account_id);
    }),
    onChat(['chat.conversation.update', 'chat.member.add', 'chat.member.remove'], async (entry) => {
      if (entry.conversation_id !== id) return;
      try {
        conversation = await get(base).then(withDetails);
        title.textContent = conversationTitle(conversation);
        loadReceipts();
      } catch (error) {
        if (error.status === 404) navigate('/chat', { replace: true });
      }
    }),
    onChatReload(async () => {
      try {
        const fresh = (await call(`${base}/messages`, { query: { limit: PAGE } })).data;
        await loadPeople(fresh.map((m) => m.account_id));
        fresh.forEach((m) => put(m, { keepMe: true }));
        loadReceipts();
      } catch { /* tried again on the next reconnect */ }
    }),
  ];
  const onVisible = () => markRead();
  document.addEventListener('visibilitychange', onVisible);
  removers.push(() => document.removeEventListener('visibilitychange', onVisible));
  removers.push(typing.stop);

  await loadPeople(page.data.map((m) => m.account_id));
  page.data.forEach((m) => messages.set(m.id, m));
  if (conversation.state === 'request') {
    banner.append(h('p', {}, t('app.chat.request.banner', { name: conversationTitle(conversation) })),
      requestButtons(conversation, (action) => {
        if (action === 'decline') navigate('/chat/requests');
        banner.hidden = true;
        conversation.state = 'active';
      }));
  }
  fill(pane,
    h('header', { class: 'chat-pane-head' },
      backLink(),
      conversationAvatar(conversation, 'small'),
      h('div', { class: 'chat-title-block' }, title,
        h('span', { class: 'chat-subtitle' }, subtitle(conversation)),
        typingLine),
      h('a', { class: 'button icon-button chat-info-link', href: `/chat/${id}/info`, 'aria-label': t('app.chat.info'), title: t('app.chat.info') }, icon('gear'))),
    banner, log, composer.element);
  draw();
  toBottom();
  await loadReceipts();
  toBottom();
  markRead();
  return () => removers.forEach((remove) => remove());
}

function backLink() {
  return h('a', { class: 'button icon-button chat-back', href: '/chat', 'aria-label': t('app.chat.back'), title: t('app.chat.back') }, '←');
}

function subtitle(conversation) {
  if (conversation.type === 'group') return tn('app.chat.members', conversation.member_count);
  const other = person(conversation.memberIds.find((m) => m !== app.me.id));
  return other ? `@${other.acct}` : '';
}
