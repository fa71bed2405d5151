// Balances per asset, kept current from the wallet stream: every transaction of one's own (a payment
// received, a top-up credited...) re-reads them, and so does a reconnect, for what came while away.
import { get } from '../../api.js';
import { announce, empty, fill, h, loading, problemBox } from '../../dom.js';
import { t } from '../../i18n.js';
import { WALLET, formatMoney, onWallet } from './money.js';

export async function render(body) {
  const list = h('ul', { class: 'wallet-balances' });
  const status = h('div', {}, loading());
  body.append(h('h2', { class: 'section-title' }, t('app.wallet.balance.title')), status, list,
    h('div', { class: 'row wallet-actions' },
      h('a', { class: 'button primary', href: '/wallet/send' }, t('app.wallet.tab.send')),
      h('a', { class: 'button', href: '/wallet/request' }, t('app.wallet.tab.request')),
      h('a', { class: 'button', href: '/wallet/topup' }, t('app.wallet.tab.topup'))));

  let shown = null;
  let reads = 0;
  const refresh = async () => {
    const read = ++reads;
    try {
      const balances = await get(`${WALLET}/balances`);
      if (read !== reads) return; // a later read (a later event) is the one to show
      status.replaceChildren();
      const held = balances.filter((b) => Number(b.balance_minor) !== 0);
      if (!held.length) status.append(empty(t('app.wallet.balance.empty')));
      // Every enabled asset is listed; the ones held first, so the money is what one sees.
      const ordered = [...held, ...balances.filter((b) => Number(b.balance_minor) === 0)];
      fill(list, ordered.map((b) => h('li', { class: 'wallet-balance', dataset: { asset: b.asset } },
        h('span', { class: 'asset' }, b.asset),
        h('span', { class: 'amount' }, formatMoney(b.balance, b.asset)))));
      const now = ordered.map((b) => `${b.asset}:${b.balance_minor}`).join();
      if (shown !== null && shown !== now) announce(t('app.wallet.balance.updated'));
      shown = now;
    } catch (error) {
      fill(status, problemBox(error));
    }
  };
  const stop = onWallet(['wallet.transaction'], refresh);
  await refresh();
  return stop;
}
