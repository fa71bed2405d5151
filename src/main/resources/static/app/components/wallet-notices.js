// The Wallet entry's badge: payments received since the wallet was last opened, and money requests waiting for
// an answer. Counted by the server (GET notices), so what came while this browser was closed shows too; recounted
// after the wallet's live events. Opening the wallet marks the payments received so far as seen.
import { get, post } from '../api.js';
import { app } from '../context.js';
import { tn } from '../i18n.js';

const NOTICES = '/api/omnia/v1/wallet/notices';
const RECOUNT_DELAY_MS = 400;
let timer = null;

export function start() {
  if (app.stream) {
    app.stream.subscribe('wallet');
    app.stream.on('wallet', ['wallet.transaction', 'wallet.request'], recountSoon);
    app.stream.onOpen(recountSoon);
  }
  recount();
}

/** The wallet is on screen: what was received so far is seen (called by the wallet screen, and on each event there). */
export async function walletSeen() {
  try {
    show(await post(`${NOTICES}/read`));
  } catch { /* the badge stays as it was; the next visit tries again */ }
}

function recountSoon() {
  window.clearTimeout(timer);
  timer = window.setTimeout(() => (onWallet() ? walletSeen() : recount()), RECOUNT_DELAY_MS);
}

function onWallet() {
  return window.location.pathname === '/wallet' || window.location.pathname.startsWith('/wallet/');
}

async function recount() {
  try {
    show(await get(NOTICES));
  } catch { /* the badge stays as it was; the next event tries again */ }
}

function show(notices) {
  const count = notices.received + notices.money_requests;
  document.dispatchEvent(new CustomEvent('omnia:badge', {
    detail: { section: 'wallet', count, label: count ? tn('app.wallet.notices', count) : '' },
  }));
}
