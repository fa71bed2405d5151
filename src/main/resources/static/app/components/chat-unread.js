// The Chat entry's badge: unread messages over the conversations not muted, recounted from the API shortly
// after anything that may change it (a message, a read position, a flag, a conversation joined or left);
// and the delivered receipt for each message that reaches this browser.
import { get, post } from '../api.js';
import { app } from '../context.js';
import { CHAT_API } from './chat-common.js';
import { onChat, onChatReload, startChatEvents } from './chat-events.js';
import { sectionBadge } from './section-badge.js';

const badge = sectionBadge('chat', 'app.chat.unread', async () => {
  const conversations = await get(`${CHAT_API}/conversations`, { state: 'active', limit: 40 });
  return conversations.filter((c) => !c.muted).reduce((sum, c) => sum + c.unread_count, 0);
});

export function start() {
  startChatEvents();
  onChat(['chat.message', 'chat.read', 'chat.member.flags', 'chat.conversation.create', 'chat.member.remove',
    'chat.message.delete', 'chat.message.hide'], badge.recountSoon);
  onChatReload(badge.recountSoon);
  // The message reached one of this person's devices: the sender may show it as delivered.
  onChat(['chat.message'], (entry) => {
    if (entry.payload.account_id === app.me.id) return;
    post(`${CHAT_API}/conversations/${entry.conversation_id}/delivered`, { last_delivered_id: entry.payload.id })
      .catch(() => { /* a receipt is a courtesy */ });
  });
  document.addEventListener('omnia:chat-read', badge.recountSoon);
  badge.recount();
}
