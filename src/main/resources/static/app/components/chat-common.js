// What the chat screens share: the people in conversations (fetched 40 at a time and kept), a
// conversation's title, picture and last message, and the order of ids (64-bit, so compared as BigInt).
import { get } from '../api.js';
import { app } from '../context.js';
import { h } from '../dom.js';
import { t } from '../i18n.js';
import { displayName } from './account.js';

export const CHAT_API = '/api/omnia/v1/chat';

const people = new Map();

/** Loads the accounts not known yet; answers the map id -> account. */
export async function loadPeople(ids) {
  const missing = [...new Set(ids)].filter((id) => id && !people.has(id));
  for (let i = 0; i < missing.length; i += 40) {
    const found = await get('/api/v1/accounts', { id: missing.slice(i, i + 40) });
    found.forEach((account) => people.set(account.id, account));
  }
  if (app.me) people.set(app.me.id, app.me);
  return people;
}

export function person(id) {
  return people.get(id) || null;
}

export function personName(id) {
  const found = people.get(id);
  return found ? displayName(found) : t('app.chat.someone');
}

/** Newer first: a positive number when a is newer than b. */
export function compareIds(a, b) {
  const x = BigInt(a || 0);
  const y = BigInt(b || 0);
  return x > y ? 1 : x < y ? -1 : 0;
}

/**
 * A conversation with what the screens use: the people in it (the API names the first few others in
 * account_ids) loaded, memberIds, and its newest message as last.
 */
export async function withDetails(conversation) {
  const others = conversation.account_ids || [];
  const last = conversation.last_message || null;
  await loadPeople(others.concat(last ? [last.account_id] : []));
  return { ...conversation, memberIds: [app.me.id, ...others], last };
}

export function otherId(conversation) {
  return (conversation.memberIds || []).find((id) => id !== app.me.id) || null;
}

export function conversationTitle(conversation) {
  if (conversation.type === 'group') return conversation.name || t('app.chat.group_untitled');
  const other = otherId(conversation);
  return other ? personName(other) : t('app.chat.direct_untitled');
}

export function conversationAvatar(conversation, size = '') {
  const other = conversation.type === 'direct' ? person(otherId(conversation)) : null;
  const src = conversation.avatar || (other ? other.avatar : null);
  if (src) return h('img', { class: `avatar ${size}`, src, alt: '', loading: 'lazy' });
  return h('span', { class: `avatar placeholder ${size}`, 'aria-hidden': 'true' }, conversationTitle(conversation).slice(0, 1).toUpperCase());
}

/** One line about a message: its text, or what it holds. */
export function preview(message) {
  if (!message) return t('app.chat.no_messages_yet');
  if (message.deleted_at) return t('app.chat.deleted');
  if (message.text) return message.text;
  if (message.ciphertext) return t('app.chat.encrypted');
  if ((message.media_attachments || []).length) return t('app.chat.photo');
  return '';
}

/** Makes list's children be items, touching only what differs: new ones at either end, changed ones in place. */
export function patchChildren(list, items) {
  const current = [...list.children];
  if (items.length === current.length) {
    items.forEach((item, i) => { if (item !== current[i] && !item.isConnected) current[i].replaceWith(item); });
    const now = [...list.children];
    if (now.length !== items.length || items.some((item, i) => item !== now[i])) list.replaceChildren(...items);
    return;
  }
  const start = items.indexOf(current[0]);
  const aligned = start >= 0 && current.every((item, i) => items[start + i] === item);
  if (current.length && aligned) {
    list.prepend(...items.slice(0, start));
    list.append(...items.slice(start + current.length));
  } else {
    list.replaceChildren(...items);
  }
}
