// Top-up (money pulled from a card into the wallet) and withdrawal (pushed from the wallet to a card). A
// top-up may stop for the card's challenge (enter the code the bank sent); a large withdrawal for the second
// confirmation. Either may stay pending while the card network answers: the list below shows each one's
// state and is re-read when the wallet stream reports a transaction (a late credit, a returned payout).
import { call, get } from '../../api.js';
import { announce, empty, fill, h, loading, problemBox } from '../../dom.js';
import { t } from '../../i18n.js';
import { cardLabel } from './cards.js';
import { ActionKey, WALLET, amountText, assetSelect, confirmationStep, field, formatMoney, onWallet, statusBadge, walletProblem, when } from './money.js';

const MESSAGES = {
  topup: { succeeded: 'app.wallet.topup.succeeded', pending: 'app.wallet.topup.pending', failed: 'app.wallet.topup.failed' },
  withdraw: { succeeded: 'app.wallet.withdraw.succeeded', pending: 'app.wallet.withdraw.pending', failed: 'app.wallet.withdraw.failed' },
};

export async function render(body, view) {
  const topUp = view === 'topup';
  const path = topUp ? `${WALLET}/topups` : `${WALLET}/withdrawals`;
  const wait = loading();
  body.append(wait);
  let cards;
  let balances;
  try {
    [cards, balances] = await Promise.all([get(`${WALLET}/cards`, { limit: 40 }), get(`${WALLET}/balances`)]);
  } catch (error) {
    wait.replaceWith(problemBox(error));
    return null;
  }
  wait.remove();
  const title = h('h2', { class: 'section-title' }, t(topUp ? 'app.wallet.topup.title' : 'app.wallet.withdraw.title'));
  if (!cards.length) {
    body.append(title, empty(t('app.wallet.cards.none_yet')), h('p', {}, h('a', { class: 'button primary', href: '/wallet/cards' }, t('app.wallet.cards.add'))));
    return null;
  }
  const cardsById = new Map(cards.map((c) => [c.id, c]));
  const result = h('div', { class: 'form-result', 'aria-live': 'polite' });
  const submit = h('button', { type: 'submit', class: 'primary' }, t(topUp ? 'app.wallet.topup.submit' : 'app.wallet.withdraw.submit'));
  const form = h('form', { class: 'stack wallet-form', novalidate: true }, title,
    field(`${view}-card`, t('app.wallet.card'), h('select', {}, cards.map((c) => h('option', { value: c.id }, cardLabel(c))))),
    h('div', { class: 'row wallet-amount' },
      field(`${view}-amount`, t('app.wallet.amount'), h('input', { type: 'text', inputmode: 'decimal', autocomplete: 'off', required: true, placeholder: '0.00' })),
      assetSelect(`${view}-asset`, balances)),
    submit, result);
  const history = h('div', {}, loading());
  body.append(form, h('h2', { class: 'section-title' }, t(topUp ? 'app.wallet.topup.recent' : 'app.wallet.withdraw.recent')), history);
  const key = new ActionKey(form);

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    submit.disabled = true;
    result.replaceChildren();
    const json = { card_id: form.querySelector(`#${view}-card`).value, amount: amountText(form.querySelector(`#${view}-amount`).value),
      asset: form.querySelector(`#${view}-asset`).value };
    try {
      const op = (await call(path, { method: 'POST', json, idempotencyKey: key.current() })).data;
      key.settle(null);
      show(op);
    } catch (error) {
      key.settle(error);
      result.append(walletProblem(error));
    }
    submit.disabled = false;
  });

  /** Says where an operation stands, and offers its next step (the challenge, the confirmation). */
  function show(op) {
    result.replaceChildren();
    const amount = formatMoney(op.amount, op.asset);
    if (op.status === 'requires_action') {
      result.append(challenge(op));
    } else if (op.status === 'requires_confirmation') {
      result.append(confirmationStep(op, (done) => {
        if (done && done.withdrawal) show(done.withdrawal);
        else result.append(h('p', { class: 'notice', role: 'status' }, t('app.wallet.confirm.cancelled')));
        refresh();
      }));
    } else {
      const failed = op.status === 'failed' || op.status === 'reversed';
      const outcome = failed ? 'failed' : op.status === 'succeeded' ? 'succeeded' : 'pending';
      const message = t(MESSAGES[view][outcome], { amount, reason: op.failure_code || '' });
      result.append(h('p', { class: failed ? 'problem' : 'notice wallet-done', role: failed ? 'alert' : 'status', dataset: { status: op.status } },
        statusBadge(op.status), ' ', message));
      announce(message);
      if (!failed) form.reset();
    }
    refresh();
  }

  function challenge(op) {
    const note = h('div', { class: 'form-result' });
    const code = h('input', { type: 'text', inputmode: 'numeric', autocomplete: 'one-time-code', maxlength: '8', required: true });
    const send = h('button', { type: 'submit', class: 'primary' }, t('app.wallet.challenge.submit'));
    const box = h('form', { class: 'stack wallet-challenge', novalidate: true, 'aria-labelledby': 'challenge-title' },
      h('h2', { class: 'section-title', id: 'challenge-title' }, t('app.wallet.challenge.title')),
      h('p', {}, t('app.wallet.challenge.text', { amount: formatMoney(op.amount, op.asset) })),
      field('challenge-code', t('app.wallet.challenge.code'), code, t('app.wallet.challenge.hint')), send, note);
    box.addEventListener('submit', async (event) => {
      event.preventDefault();
      send.disabled = true;
      note.replaceChildren();
      try {
        const done = (await call(`${WALLET}/topups/${op.id}/confirm`, { method: 'POST', json: { code: code.value.trim() } })).data;
        show(done);
      } catch (error) {
        note.append(walletProblem(error));
        code.value = '';
        code.focus();
        send.disabled = false;
      }
    });
    window.setTimeout(() => code.focus(), 0);
    return box;
  }

  async function refresh() {
    try {
      const ops = await get(path, { limit: 10 });
      fill(history, ops.length ? h('ul', { class: 'wallet-list wallet-operations' }, ops.map((op) => {
        const card = cardsById.get(op.card_id);
        const next = op.status === 'requires_action'
          ? h('button', { type: 'button', class: 'link-button', onclick: () => { result.replaceChildren(challenge(op)); } }, t('app.wallet.challenge.enter'))
          : null;
        return h('li', { class: 'wallet-item', dataset: { id: op.id, status: op.status } },
          h('div', { class: 'wallet-line' }, h('span', { class: 'amount' }, formatMoney(op.amount, op.asset)), statusBadge(op.status)),
          h('p', { class: 'hint' }, [card ? cardLabel(card) : '', when(op.created_at)].filter(Boolean).join(' · ')), next);
      })) : empty(t(topUp ? 'app.wallet.topup.none' : 'app.wallet.withdraw.none')));
    } catch (error) {
      fill(history, problemBox(error));
    }
  }

  const stop = onWallet(['wallet.transaction'], refresh);
  await refresh();
  return stop;
}
