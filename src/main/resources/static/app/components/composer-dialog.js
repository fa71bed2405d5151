// Compose in a modal <dialog> (replies, quotes, and the "New post" button): the browser traps focus,
// Escape closes it, and focus returns to the button that opened it.
import { h } from '../dom.js';
import { t } from '../i18n.js';
import { composeForm } from './compose.js';

export function openComposer({ replyTo = null, quote = null } = {}) {
  const opener = document.activeElement;
  const title = t(replyTo ? 'app.compose.reply_title' : quote ? 'app.compose.quote_title' : 'app.compose.title');
  const dialog = h('dialog', { class: 'composer-dialog', 'aria-labelledby': 'composer-title' },
    h('div', { class: 'dialog-head' },
      h('h2', { id: 'composer-title' }, title),
      h('button', { type: 'button', class: 'icon-button close', 'aria-label': t('app.close'), onclick: () => dialog.close() }, '×')),
    composeForm({ replyTo, quote, autofocus: true, onPosted: () => dialog.close() }));
  dialog.addEventListener('close', () => {
    dialog.remove();
    if (opener && opener.isConnected) opener.focus();
  });
  document.body.append(dialog);
  dialog.showModal();
  return dialog;
}
