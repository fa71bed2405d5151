// The wallet: balances (live), send, request, money requests, cards, top-up, withdraw and history, each a
// tab with its own address (/wallet, /wallet/send, ...). Each view lives in screens/wallet/ and returns
// its clean-up (stream listeners) like any screen.
import { setTitle } from '../context.js';
import { clear, h } from '../dom.js';
import { t } from '../i18n.js';
import { walletSeen } from '../components/wallet-notices.js';

const VIEWS = {
  balance: () => import('./wallet/balance.js'),
  send: () => import('./wallet/transfer.js'),
  request: () => import('./wallet/transfer.js'),
  requests: () => import('./wallet/requests.js'),
  cards: () => import('./wallet/cards.js'),
  topup: () => import('./wallet/card-money.js'),
  withdraw: () => import('./wallet/card-money.js'),
  history: () => import('./wallet/history.js'),
};

export const VIEW_NAMES = Object.keys(VIEWS);

const LABELS = {
  balance: 'app.wallet.tab.balance',
  send: 'app.wallet.tab.send',
  request: 'app.wallet.tab.request',
  requests: 'app.wallet.tab.requests',
  cards: 'app.wallet.tab.cards',
  topup: 'app.wallet.tab.topup',
  withdraw: 'app.wallet.tab.withdraw',
  history: 'app.wallet.tab.history',
};

export async function render(root, params) {
  const view = params.view || 'balance';
  setTitle(`${t('app.nav.wallet')} · ${t(LABELS[view])}`);
  const tabs = h('nav', { class: 'tabs wallet-tabs', 'aria-label': t('app.wallet.sections') },
    VIEW_NAMES.map((v) => h('a', { href: v === 'balance' ? '/wallet' : `/wallet/${v}`, 'aria-current': v === view ? 'page' : null,
      dataset: { view: v } }, t(LABELS[v]))));
  const body = h('section', { class: `wallet view-${view}`, 'aria-labelledby': 'wallet-title' });
  clear(root).append(h('h1', { class: 'screen-title', id: 'wallet-title' }, t('app.nav.wallet')), tabs, body);
  walletSeen();
  const module = await VIEWS[view]();
  return (await module.render(body, view)) || null;
}
