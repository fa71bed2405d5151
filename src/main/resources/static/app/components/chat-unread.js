// The Chat entry's badge: unread messages over the conversations not muted, recounted from the API shortly
// after anything that may change it (a message, a read position, a flag, a conversation joined or left);
// and the delivered receipt for each message that reaches this browser.
import { get, post } from '../api.js';
import { app } from '../context.js';
import { tn } from '../i18n.js';
import { CHAT_API } from './chat-common.js';
import { onChat, onChatReload, startChatEvents } from './chat-events.js';

const RECOUNT_DELAY_MS = 400;
let timer = null;

export function start() {
  startChatEvents();
  onChat(['chat.message', 'chat.read', 'chat.member.flags', 'chat.conversation.create', 'chat.member.remove',
    'chat.message.delete', 'chat.message.hide'], recountSoon);
  onChatReload(recountSoon);
  // The message reached one of this person's devices: the sender may show it as delivered.
  onChat(['chat.message'], (entry) => {
    if (entry.payload.account_id === app.me.id) return;
    post(`${CHAT_API}/conversations/${entry.conversation_id}/delivered`, { last_delivered_id: entry.payload.id })
      .catch(() => { /* a receipt is a courtesy */ });
  });
  document.addEventListener('omnia:chat-read', recountSoon);
  recount();
}

function recountSoon() {
  window.clearTimeout(timer);
  timer = window.setTimeout(recount, RECOUNT_DELAY_MS);
}

async function recount() {
  try {
    const conversations = await get(`${CHAT_API}/conversations`, { state: 'active', limit: 40 });
    const count = conversations.filter((c) => !c.muted).reduce((sum, c) => sum + c.unread_count, 0);
    document.dispatchEvent(new CustomEvent('omnia:badge', {
      detail: { section: 'chat', count, label: count ? tn('app.chat.unread', count) : '' },
    }));
  } catch { /* the badge stays as it was; the next event tries again */ }
}
