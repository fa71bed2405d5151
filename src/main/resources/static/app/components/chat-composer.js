// The message box: Enter sends, Shift+Enter starts a new line, Escape leaves reply or edit mode. An image
// may be attached (uploaded when the message is sent). While the person types, others are told, at most
// every few seconds.
import { post } from '../api.js';
import { h, icon } from '../dom.js';
import { t } from '../i18n.js';
import { personName, preview } from './chat-common.js';

const TYPING_EVERY_MS = 4000;

/** on: {send({text, files, replyTo}), edit(message, text)}; answers {element, replyTo(m), edit(m), showProblem(node)}. */
export function chatComposer(conversationId, on) {
  let replying = null;
  let editing = null;
  let files = [];
  let lastTyping = 0;
  const fileInput = h('input', { type: 'file', accept: 'image/png,image/jpeg,image/gif,image/webp', class: 'visually-hidden chat-file', id: `chat-file-${conversationId}`, multiple: true });
  const text = h('textarea', { class: 'chat-input', id: `chat-input-${conversationId}`, rows: 1, 'aria-label': t('app.chat.message_label'), placeholder: t('app.chat.message_placeholder'), title: t('app.chat.keys_hint'), 'aria-describedby': `chat-keys-${conversationId}`, maxlength: 4000 });
  const context = h('div', { class: 'chat-compose-context', hidden: true });
  const attachments = h('ul', { class: 'chat-attachments', hidden: true, 'aria-label': t('app.chat.attachments') });
  const problem = h('div', { class: 'chat-problem' });
  const sendButton = h('button', { type: 'submit', class: 'primary icon-button chat-send', 'aria-label': t('app.chat.send'), title: t('app.chat.send') }, icon('send'));
  const form = h('form', { class: 'chat-composer', 'aria-label': t('app.chat.composer') },
    problem, context, attachments,
    h('p', { class: 'visually-hidden', id: `chat-keys-${conversationId}` }, t('app.chat.keys_hint')),
    h('div', { class: 'chat-compose-row' },
      h('label', { class: 'button icon-button chat-attach', for: fileInput.id, title: t('app.chat.attach'), 'aria-label': t('app.chat.attach') }, icon('image')),
      fileInput, text, sendButton));

  const drawContext = () => {
    const subject = editing || replying;
    context.hidden = !subject;
    if (!subject) { context.replaceChildren(); return; }
    const label = editing ? t('app.chat.editing') : t('app.chat.replying_to', { name: personName(replying.account_id) });
    context.replaceChildren(h('span', { class: 'chat-compose-label' }, h('strong', {}, label), ' ', h('span', {}, preview(subject))),
      h('button', { type: 'button', class: 'link-button chat-compose-cancel', onclick: reset, 'aria-label': t('app.chat.cancel') }, t('app.chat.cancel')));
  };
  const drawFiles = () => {
    attachments.hidden = !files.length;
    attachments.replaceChildren(...files.map((file, index) => h('li', {},
      h('img', { src: file.url, alt: '' }), h('span', {}, file.file.name),
      h('button', { type: 'button', class: 'link-button', onclick: () => { files.splice(index, 1); drawFiles(); } }, t('app.chat.remove_image')))));
  };
  const grow = () => {
    text.style.height = 'auto';
    text.style.height = `${Math.min(text.scrollHeight + 2, 160)}px`;
    text.style.overflowY = text.scrollHeight > 160 ? 'auto' : 'hidden';
  };
  function reset() {
    replying = null;
    editing = null;
    drawContext();
    text.focus();
  }
  fileInput.addEventListener('change', () => {
    for (const file of Array.from(fileInput.files).slice(0, 4 - files.length)) files.push({ file, url: URL.createObjectURL(file) });
    fileInput.value = '';
    drawFiles();
    text.focus();
  });
  text.addEventListener('input', () => {
    grow();
    if (text.value.trim() && !editing && Date.now() - lastTyping > TYPING_EVERY_MS) {
      lastTyping = Date.now();
      post(`/api/omnia/v1/chat/conversations/${conversationId}/typing`).catch(() => { /* a lost notice matters to nobody */ });
    }
  });
  text.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      form.requestSubmit();
    } else if (event.key === 'Escape' && (replying || editing)) {
      event.preventDefault();
      if (editing) text.value = '';
      reset();
    }
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const value = text.value.trim();
    if (!value && !files.length) return;
    problem.replaceChildren();
    if (editing) on.edit(editing, value);
    else on.send({ text: value, files: files.map((f) => f.file), previews: files.map((f) => f.url), replyTo: replying });
    text.value = '';
    files = [];
    lastTyping = 0;
    drawFiles();
    grow();
    replying = null;
    editing = null;
    drawContext();
  });
  return {
    element: form,
    focus: () => text.focus(),
    replyTo(message) {
      editing = null;
      replying = message;
      drawContext();
      text.focus();
    },
    edit(message) {
      replying = null;
      editing = message;
      text.value = message.text || '';
      drawContext();
      grow();
      text.focus();
    },
    showProblem(node) { problem.replaceChildren(node || ''); },
  };
}
