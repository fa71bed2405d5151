// The Wallet entry's badge: payments received since the wallet was last opened, and money requests waiting for
// an answer. Counted by the server (GET notices), so what came while this browser was closed shows too; recounted
// after the wallet's live events. Opening the wallet marks the payments received so far as seen.
import { get, post } from '../api.js';
import { app } from '../context.js';
import { sectionBadge } from './section-badge.js';

const NOTICES = '/api/omnia/v1/wallet/notices';

// While the wallet is on screen, what arrives is seen as it arrives: the recount marks it so.
const badge = sectionBadge('wallet', 'app.wallet.notices', async () => {
  const notices = await (onWallet() ? post(`${NOTICES}/read`) : get(NOTICES));
  return notices.received + notices.money_requests;
});

export function start() {
  if (app.stream) {
    app.stream.subscribe('wallet');
    app.stream.on('wallet', ['wallet.transaction', 'wallet.request'], badge.recountSoon);
    app.stream.onOpen(badge.recountSoon);
  }
  badge.recount();
}

/** The wallet is on screen: what was received so far is seen (called by the wallet screen). */
export function walletSeen() {
  return badge.recount();
}

function onWallet() {
  return window.location.pathname === '/wallet' || window.location.pathname.startsWith('/wallet/');
}
