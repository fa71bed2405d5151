// "Alice is typing…": each typing notice shows its author for a few seconds, or until their message comes.
import { t } from '../i18n.js';
import { loadPeople, personName } from './chat-common.js';

const SHOWN_MS = 6000;

export function typingIndicator(line) {
  const typers = new Map();
  const show = () => {
    const names = [...typers.keys()].map(personName);
    line.textContent = names.length === 0 ? ''
      : names.length === 1 ? t('app.chat.typing_one', { name: names[0] }) : t('app.chat.typing_many');
  };
  const stopped = (accountId) => {
    if (!typers.has(accountId)) return;
    window.clearTimeout(typers.get(accountId));
    typers.delete(accountId);
    show();
  };
  return {
    heard(accountId) {
      window.clearTimeout(typers.get(accountId));
      typers.set(accountId, window.setTimeout(() => stopped(accountId), SHOWN_MS));
      loadPeople([accountId]).then(show, show);
    },
    stopped,
    stop: () => typers.forEach((timer) => window.clearTimeout(timer)),
  };
}
