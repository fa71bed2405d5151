// The statement: one's transactions, newest first, a page at a time (the API's Link header), with the CSV
// export of the same history. While only the first page is shown, a new transaction re-reads it live.
import { call } from '../../api.js';
import { empty, fill, h, loading, problemBox } from '../../dom.js';
import { t } from '../../i18n.js';
import { WALLET, formatChange, onWallet, when } from './money.js';

const PAGE = 20;

const SYSTEM = { issuance: 'app.wallet.history.system_issuance', card_settlement: 'app.wallet.history.system_card',
  suspense: 'app.wallet.history.system_card' };

function counterparty(entry) {
  const other = entry.direction === 'sent' ? entry.to : entry.from;
  if (!other) return '';
  if (other.type === 'account') return `@${other.username}`;
  return SYSTEM[other.name] ? t(SYSTEM[other.name]) : other.name || '';
}

function row(entry) {
  const received = entry.direction === 'received';
  const label = received ? t('app.wallet.history.received_from', { name: counterparty(entry) })
    : t('app.wallet.history.sent_to', { name: counterparty(entry) });
  return h('li', { class: `wallet-item wallet-entry ${entry.direction}`, dataset: { id: entry.id } },
    h('div', { class: 'wallet-line' }, h('span', { class: 'who' }, label),
      h('span', { class: `amount ${received ? 'in' : 'out'}` }, formatChange(entry.balance_change, entry.asset))),
    entry.note ? h('p', { class: 'note' }, entry.note) : null,
    h('p', { class: 'hint' }, h('time', { datetime: entry.created_at }, when(entry.created_at))));
}

export async function render(body) {
  const list = h('ul', { class: 'wallet-list wallet-history' });
  const status = h('div', {}, loading());
  const more = h('button', { type: 'button', class: 'load-more', hidden: true }, t('app.timeline.load_more'));
  body.append(h('div', { class: 'screen-head' }, h('h2', { class: 'section-title' }, t('app.wallet.history.title')),
    h('a', { class: 'button csv-export', href: `${WALLET}/transactions.csv?limit=1000`, download: 'omnia-wallet-statement.csv' },
      t('app.wallet.history.csv'))), status, list, more);
  let next = null;
  let pages = 0;

  async function load(path, reset) {
    more.disabled = true;
    try {
      const { data, links } = await call(path, reset ? { query: { limit: PAGE } } : {});
      if (reset) { list.replaceChildren(); pages = 0; }
      pages += 1;
      list.append(...data.map(row));
      // The API links a next page after any non-empty one; a short page is the last.
      next = data.length >= PAGE ? links.next || null : null;
      more.hidden = !next;
      status.replaceChildren();
      if (!list.children.length) status.append(empty(t('app.wallet.history.empty')));
    } catch (error) {
      fill(status, problemBox(error));
    }
    more.disabled = false;
  }

  more.addEventListener('click', () => next && load(next, false));
  // A new transaction re-reads the first page, unless older pages are open below it.
  const stop = onWallet(['wallet.transaction'], () => { if (pages <= 1) load(`${WALLET}/transactions`, true); });
  await load(`${WALLET}/transactions`, true);
  return stop;
}
