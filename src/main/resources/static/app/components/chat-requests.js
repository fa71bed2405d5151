// Answering a message request, from the requests list or from the conversation itself. Declining is
// silent for the sender (the API does not tell them); accepting moves the conversation to the chats.
import { post } from '../api.js';
import { announce, h, toast } from '../dom.js';
import { t } from '../i18n.js';
import { problemMessage } from './problems.js';
import { CHAT_API, conversationTitle } from './chat-common.js';

/** action 'accept' or 'decline'; answers true when done (a failure is shown as a toast). */
export async function answerRequest(conversation, action) {
  try {
    await post(`${CHAT_API}/conversations/${conversation.id}/${action}`);
    const name = conversationTitle(conversation);
    announce(action === 'accept' ? t('app.chat.request.accepted', { name }) : t('app.chat.request.declined', { name }));
    return true;
  } catch (error) {
    toast(problemMessage(error), 'error');
    return false;
  }
}

/** The Accept and Decline buttons; done(action) after a successful answer. */
export function requestButtons(conversation, done) {
  const name = conversationTitle(conversation);
  const answer = async (action) => { if (await answerRequest(conversation, action)) done(action); };
  return h('div', { class: 'chat-request-actions' },
    h('button', { type: 'button', class: 'primary accept', onclick: () => answer('accept'), 'aria-label': t('app.chat.request.accept_from', { name }) }, t('app.chat.request.accept')),
    h('button', { type: 'button', class: 'danger decline', onclick: () => answer('decline'), 'aria-label': t('app.chat.request.decline_from', { name }) }, t('app.chat.request.decline')));
}
