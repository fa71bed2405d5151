// Choosing people for a conversation: the people one follows, or anyone found by name, as checkboxes.
import { get } from '../api.js';
import { app } from '../context.js';
import { h } from '../dom.js';
import { t } from '../i18n.js';
import { displayName } from './account.js';

let pickers = 0;

/** exclude: account ids not offered (already members). Answers {element, selected() -> [accounts], clear()}. */
export function peoplePicker({ exclude = [] } = {}) {
  const n = ++pickers;
  const chosen = new Map();
  const input = h('input', { type: 'search', id: `chat-people-q-${n}`, class: 'chat-people-search', autocomplete: 'off', placeholder: t('app.chat.people.placeholder') });
  const list = h('ul', { class: 'chat-people', 'aria-label': t('app.chat.people.results') });
  const picked = h('p', { class: 'chat-people-picked', 'aria-live': 'polite' });
  const drawPicked = () => {
    picked.textContent = chosen.size ? t('app.chat.people.picked', { names: [...chosen.values()].map(displayName).join(', ') }) : '';
  };
  const draw = (accounts) => {
    const shown = accounts.filter((a) => a.id !== app.me.id && !exclude.includes(a.id));
    [...chosen.values()].forEach((a) => { if (!shown.some((s) => s.id === a.id)) shown.unshift(a); });
    list.replaceChildren(...shown.map((account) => {
      const box = h('input', {
        type: 'checkbox', id: `chat-pick-${n}-${account.id}`, value: account.id, checked: chosen.has(account.id),
        dataset: { username: account.username },
        onchange: (event) => {
          if (event.target.checked) chosen.set(account.id, account);
          else chosen.delete(account.id);
          drawPicked();
        },
      });
      return h('li', {}, h('label', { class: 'check chat-person', for: box.id }, box,
        h('img', { class: 'avatar small', src: account.avatar, alt: '' }),
        h('span', { class: 'names' }, h('span', { class: 'name' }, displayName(account)), h('span', { class: 'handle' }, `@${account.acct}`))));
    }));
    if (!shown.length) list.append(h('li', { class: 'empty' }, t('app.chat.people.none')));
  };
  const following = () => get(`/api/v1/accounts/${app.me.id}/following`, { limit: 40 }).then(draw).catch(() => draw([]));
  let timer = null;
  input.addEventListener('input', () => {
    window.clearTimeout(timer);
    timer = window.setTimeout(async () => {
      const q = input.value.trim();
      if (!q) { following(); return; }
      try {
        draw((await get('/api/v2/search', { q, type: 'accounts', limit: 20 })).accounts);
      } catch { draw([]); }
    }, 250);
  });
  input.addEventListener('keydown', (event) => { if (event.key === 'Enter') event.preventDefault(); });
  following();
  return {
    element: h('div', { class: 'chat-people-picker' },
      h('label', { for: input.id }, t('app.chat.people.label')), input, picked, list),
    selected: () => [...chosen.values()],
    clear: () => { chosen.clear(); drawPicked(); following(); },
  };
}
