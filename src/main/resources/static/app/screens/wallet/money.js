// What every wallet view shares: money in the reader's language, the wallet's refusals in words, an
// Idempotency-Key per user action, and the second-confirmation step of large payments.
import { call, newIdempotencyKey } from '../../api.js';
import { app } from '../../context.js';
import { h, problemBox } from '../../dom.js';
import { currentLanguage, formatDateTime, t } from '../../i18n.js';

export const WALLET = '/api/omnia/v1/wallet';

/** "12.50" EUR as "€12.50" / "12,50 €": the API's decimal string, formatted for display only. */
export function formatMoney(amount, asset) {
  const value = Number(amount);
  try {
    return new Intl.NumberFormat(currentLanguage(), { style: 'currency', currency: asset }).format(value);
  } catch {
    return `${new Intl.NumberFormat(currentLanguage()).format(value)} ${asset}`;
  }
}

/** A signed change ("-12.50") with its sign always shown, for history rows. */
export function formatChange(change, asset) {
  const text = formatMoney(String(change).replace(/^-/, ''), asset);
  return String(change).startsWith('-') ? `−${text}` : `+${text}`;
}

/** What people type ("12,50", "1 000.5") as the API's decimal string ("12.50", "1000.5"). */
export function amountText(typed) {
  return String(typed || '').replace(/[\s\u00a0\u202f]/g, '').replace(',', '.');
}

export function when(iso) {
  return iso ? formatDateTime(iso) : '';
}

const KNOWN = [
  ['insufficient-funds', 'app.wallet.error.insufficient_funds'],
  ['spending-limit', 'app.wallet.error.over_limit'],
  ['wallet-frozen', 'app.wallet.error.frozen'],
  ['wallet-blocked', 'app.wallet.error.blocked'],
  ['challenge-failed', 'app.wallet.error.challenge_failed'],
];

/**
 * A refusal as a readable block: the wallet's own problems (unknown account, insufficient funds, over a
 * limit, frozen...) in the reader's words, with the server's detail under it; anything else as problemBox.
 * @param accountField the field naming a person in this form ("to" or "payer"), if any
 */
export function walletProblem(error, accountField) {
  const type = (error && error.type) || '';
  let key = null;
  for (const [suffix, message] of KNOWN) {
    if (type.endsWith(suffix)) key = message;
  }
  if (!key && accountField && error && error.status === 422 && error.fieldMessage && error.fieldMessage(accountField)) {
    key = /yourself/i.test(error.fieldMessage(accountField)) ? 'app.wallet.error.yourself' : 'app.wallet.error.unknown_account';
  }
  if (!key) return problemBox(error);
  return h('div', { class: 'problem', role: 'alert' }, h('p', {}, h('strong', {}, t(key))),
    error.message ? h('p', { class: 'hint' }, error.message) : null);
}

/**
 * One Idempotency-Key per user action on a form: made on the first submit, kept for a retry of the same
 * action after an answer that settled nothing (no connection, a server error, "still in progress"), and
 * dropped once the server decided (success or refusal) or the person changes the form (a new action).
 */
export class ActionKey {
  constructor(form) {
    this.key = null;
    if (form) form.addEventListener('input', () => this.reset());
  }

  current() {
    if (!this.key) this.key = newIdempotencyKey();
    return this.key;
  }

  /** After an answer: keep the key only if the action may not have happened and may be retried as is. */
  settle(error) {
    const inconclusive = error && (error.status === 0 || error.status >= 500 || error.status === 409);
    if (!inconclusive) this.reset();
  }

  reset() {
    this.key = null;
  }
}

/**
 * The second confirmation of a large payment (an answer with status requires_confirmation): says how much,
 * then confirms or cancels it. onDone(result) gets the confirmation's answer, or null when cancelled.
 */
export function confirmationStep(answer, onDone) {
  const titleId = `wallet-confirm-${answer.confirmation_id}`; // several may be open, one per request
  const box = h('section', { class: 'wallet-confirm', 'aria-labelledby': titleId });
  const result = h('div', { class: 'form-result' });
  const amount = answer.amount && answer.asset ? formatMoney(answer.amount, answer.asset) : '';
  const act = (what) => async () => {
    confirm.disabled = true;
    cancel.disabled = true;
    result.replaceChildren();
    try {
      const done = (await call(`${WALLET}/confirmations/${answer.confirmation_id}/${what}`, { method: 'POST', json: {} })).data;
      box.remove();
      onDone(what === 'confirm' ? done : null);
    } catch (error) {
      result.append(walletProblem(error));
      confirm.disabled = false;
      cancel.disabled = false;
    }
  };
  const confirm = h('button', { type: 'button', class: 'primary confirm-payment', onclick: act('confirm') },
    t('app.wallet.confirm.confirm'));
  const cancel = h('button', { type: 'button', class: 'cancel-payment', onclick: act('cancel') }, t('app.wallet.confirm.cancel'));
  box.append(h('h2', { id: titleId, class: 'section-title' }, t('app.wallet.confirm.title')),
    h('p', {}, t('app.wallet.confirm.text', { amount })), h('div', { class: 'row' }, confirm, cancel), result);
  window.setTimeout(() => confirm.focus(), 0);
  return box;
}

/** A labelled form field: label, control, optional hint, wired together by ids. */
export function field(id, label, control, hint) {
  control.id = id;
  if (!control.name) control.name = id;
  if (hint) control.setAttribute('aria-describedby', `${id}-hint`);
  return h('div', { class: 'stack field' }, h('label', { for: id }, label), control,
    hint ? h('small', { id: `${id}-hint`, class: 'hint' }, hint) : null);
}

/** The enabled assets, from the balances (every enabled asset has one), default first. */
export function assetSelect(id, balances) {
  return field(id, t('app.wallet.asset'), h('select', {},
    balances.map((b) => h('option', { value: b.asset }, b.asset))));
}

/** A status word for top-ups and withdrawals (pending, succeeded, requires_action...). */
export function statusBadge(status) {
  const known = ['created', 'pending', 'processing', 'succeeded', 'failed', 'reversed', 'requires_action', 'requires_confirmation', 'cancelled'];
  return h('span', { class: `wallet-status ${status}` }, known.includes(status) ? t(`app.wallet.status.${status}`) : status);
}

/**
 * Calls listener on the wallet stream's events of these kinds, and when the socket (re)opens (for what came
 * while it was down). Subscribe before the first read, so nothing between the two is missed. Returns the
 * clean-up.
 */
export function onWallet(kinds, listener) {
  if (!app.stream) return () => {};
  const unsubscribe = app.stream.subscribe('wallet');
  const offEvent = app.stream.on('wallet', kinds, () => listener());
  const offOpen = app.stream.onOpen(() => listener());
  return () => { unsubscribe(); offEvent(); offOpen(); };
}
