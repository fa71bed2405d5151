// One chat message as a list item: sender (in groups), the message it replies to, text and images, time,
// "edited", its delivery state for the sender's own, reactions, and a menu of what the viewer may do with it.
import { app } from '../context.js';
import { h, icon } from '../dom.js';
import { formatDateTime, t } from '../i18n.js';
import { personName, preview } from './chat-common.js';

export const QUICK_REACTIONS = ['👍', '❤️', '😂', '😮', '😢', '🙏'];

/**
 * message: the API's message (or a pending one: pending / failed set). context: {group, find(id),
 * state(message) -> 'seen' | 'delivered' | null, seenLabel, on: {reply, react, edit, remove, hide, report, retry, jump}}.
 */
export function messageItem(message, context) {
  const mine = message.account_id === app.me.id;
  const deleted = Boolean(message.deleted_at);
  const item = h('li', {
    class: `chat-message ${mine ? 'mine' : 'theirs'}${message.pending ? ' pending' : ''}${message.failed ? ' failed' : ''}`,
    dataset: { id: message.id || '', clientId: message.client_message_id || '' },
  });
  if (context.group && !mine) item.append(h('span', { class: 'chat-sender' }, personName(message.account_id)));
  if (message.reply_to_id && !deleted) item.append(replyQuote(message.reply_to_id, context));
  const bubble = h('div', { class: 'chat-bubble' });
  if (deleted) {
    bubble.append(h('em', { class: 'chat-deleted' }, t('app.chat.deleted')));
  } else {
    const media = message.media_attachments || [];
    if (media.length) {
      bubble.append(h('div', { class: `chat-media count-${media.length}` }, media.map((m) => h('a', { href: m.url, target: '_blank', rel: 'noopener' },
        h('img', { src: m.preview_url || m.url, alt: m.description || t('app.chat.image'), loading: 'lazy' })))));
    }
    if (message.local_images) {
      bubble.append(h('div', { class: 'chat-media' }, message.local_images.map((url) => h('img', { src: url, alt: t('app.chat.image') }))));
    }
    if (message.text) bubble.append(h('p', { class: 'chat-text' }, message.text));
    else if (message.ciphertext) bubble.append(h('p', { class: 'chat-text chat-encrypted' }, t('app.chat.encrypted')));
  }
  const line = meta(message, mine, context);
  if (!message.pending && !message.failed && !deleted) line.append(menu(message, mine, context));
  item.append(bubble);
  if (!deleted && (message.reactions || []).length) item.append(reactions(message, context));
  item.append(line);
  return item;
}

function replyQuote(replyToId, context) {
  const target = context.find(replyToId);
  const label = target
    ? t('app.chat.reply_to', { name: personName(target.account_id), text: preview(target) })
    : t('app.chat.reply_to_earlier');
  return h('button', { type: 'button', class: 'chat-reply-quote', onclick: () => context.on.jump(replyToId) },
    icon('reply'), h('span', {}, label));
}

function meta(message, mine, context) {
  const line = h('div', { class: 'chat-meta' });
  if (message.created_at) {
    line.append(h('time', { datetime: message.created_at, title: formatDateTime(message.created_at) },
      new Intl.DateTimeFormat(document.documentElement.lang, { timeStyle: 'short' }).format(new Date(message.created_at))));
  }
  if (message.edited_at && !message.deleted_at) line.append(h('span', { class: 'chat-edited' }, t('app.chat.edited')));
  if (message.pending) line.append(h('span', { class: 'chat-state' }, t('app.chat.sending')));
  if (message.failed) {
    line.append(h('span', { class: 'chat-state failed', role: 'alert' }, t('app.chat.not_sent')),
      h('button', { type: 'button', class: 'link-button chat-retry', onclick: () => context.on.retry(message) }, t('app.chat.retry')));
  }
  if (mine && !message.pending && !message.failed) {
    const state = context.state(message);
    if (state) line.append(h('span', { class: `chat-state ${state}` }, state === 'seen' ? context.seenLabel : t('app.chat.delivered')));
  }
  return line;
}

function reactions(message, context) {
  return h('div', { class: 'chat-reactions' }, message.reactions.map((r) => h('button', {
    type: 'button', class: 'chat-reaction', 'aria-pressed': String(Boolean(r.me)),
    'aria-label': t('app.chat.reaction_label', { emoji: r.name, count: r.count }),
    onclick: () => context.on.react(message, r.name, Boolean(r.me)),
  }, `${r.name} ${r.count}`)));
}

function menu(message, mine, context) {
  const details = h('details', { class: 'chat-menu' });
  // Near the bottom of the conversation the menu opens upwards, so that it is not cut off.
  details.addEventListener('toggle', () => {
    const log = details.closest('.chat-log');
    if (!details.open || !log) return;
    const box = log.getBoundingClientRect();
    details.classList.toggle('up', details.getBoundingClientRect().top > box.top + box.height / 2);
  });
  const close = () => details.removeAttribute('open');
  const action = (cls, label, handler) => h('button', { type: 'button', class: `chat-action ${cls}`, onclick: () => { close(); handler(message); } }, label);
  const mineOwn = (message.reactions || []).filter((r) => r.me).map((r) => r.name);
  details.append(
    h('summary', { class: 'chat-menu-button', 'aria-label': t('app.chat.actions') }, '⋯'),
    h('div', { class: 'chat-menu-items' },
      h('div', { class: 'chat-quick-reactions', role: 'group', 'aria-label': t('app.chat.react') },
        QUICK_REACTIONS.map((emoji) => h('button', {
          type: 'button', class: 'chat-react', 'aria-pressed': String(mineOwn.includes(emoji)),
          'aria-label': t('app.chat.react_with', { emoji }),
          onclick: () => { close(); context.on.react(message, emoji, mineOwn.includes(emoji)); },
        }, emoji))),
      action('reply', t('app.chat.reply'), context.on.reply),
      mine && message.text ? action('edit', t('app.chat.edit'), context.on.edit) : null,
      mine ? action('delete danger', t('app.chat.delete_everyone'), context.on.remove) : null,
      action('hide', t('app.chat.delete_me'), context.on.hide),
      mine ? null : action('report danger', t('app.chat.report'), context.on.report)));
  return details;
}

/** Reactions from an event (which cannot say which are the viewer's) with the viewer's marks kept. */
export function keepMyReactions(fresh, known) {
  const mine = new Set((known || []).filter((r) => r.me).map((r) => r.name));
  return (fresh || []).map((r) => (r.me === undefined || r.me === null ? { ...r, me: mine.has(r.name) } : r));
}
