// Chat: the conversation list beside the open conversation on wide screens; on a phone one or the other
// (/chat is the list, /chat/<id> the conversation). Also /chat/requests, /chat/archived, /chat/new and
// /chat/<id>/info (the conversation's details).
import { h } from '../dom.js';
import { t } from '../i18n.js';
import { conversationList } from '../components/chat-list.js';
import { conversationView } from '../components/chat-conversation.js';
import { conversationInfo, newConversation } from '../components/chat-group.js';
import { startChatEvents } from '../components/chat-events.js';
import { setTitle } from '../context.js';

const LISTS = { requests: 'request', archived: 'archived' };

export async function render(root, params) {
  startChatEvents();
  const view = params.view || null;
  const conversationId = /^\d+$/.test(view || '') ? view : null;
  const detail = Boolean(conversationId) || view === 'new';
  const listPane = h('section', { class: 'chat-list-pane', 'aria-labelledby': 'chat-list-title' });
  const pane = h('section', { class: 'chat-pane', 'aria-label': t('app.chat.conversation') });
  root.replaceChildren(h('div', { class: 'chat', dataset: { show: detail ? 'detail' : 'list' } }, listPane, pane));
  const shell = document.getElementById('shell');
  shell.classList.add('wide-main');

  const list = conversationList(listPane, { filter: LISTS[view] || 'active', selectedId: conversationId, heading: detail ? 'h2' : 'h1' });
  let stopPane = () => {};
  if (conversationId && params.tab === 'info') stopPane = await conversationInfo(pane, conversationId);
  else if (conversationId) stopPane = await conversationView(pane, conversationId);
  else if (view === 'new') stopPane = newConversation(pane);
  else {
    setTitle(t('app.chat.title'));
    pane.append(h('p', { class: 'empty chat-placeholder' }, t('app.chat.pick')));
  }
  return () => {
    shell.classList.remove('wide-main');
    list.stop();
    stopPane();
  };
}
