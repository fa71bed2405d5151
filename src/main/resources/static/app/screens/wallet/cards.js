// Debit cards: add one (the number and security code go straight from the fields to the server and the
// fields are emptied at once; only brand, last four and expiry come back and are shown), remove one.
import { call, get } from '../../api.js';
import { announce, empty, fill, h, loading, problemBox } from '../../dom.js';
import { t } from '../../i18n.js';
import { ActionKey, WALLET, field } from './money.js';

/** "Visa •••• 3184 · 12/31": all the app ever shows of a card. */
export function cardLabel(card) {
  const brand = { visa: 'Visa', mastercard: 'Mastercard', amex: 'American Express', discover: 'Discover' }[card.brand] || card.brand;
  return `${brand} •••• ${card.last4} · ${String(card.exp_month).padStart(2, '0')}/${String(card.exp_year).slice(-2)}`;
}

export async function render(body) {
  const list = h('div', {}, loading());
  const title = h('h2', { class: 'section-title', tabindex: '-1' }, t('app.wallet.cards.title'));
  body.append(title, list, addForm(() => refresh()));

  async function refresh() {
    try {
      const cards = await get(`${WALLET}/cards`, { limit: 40 });
      fill(list, cards.length ? h('ul', { class: 'wallet-list wallet-cards' }, cards.map(row)) : empty(t('app.wallet.cards.empty')));
    } catch (error) {
      fill(list, problemBox(error));
    }
  }

  function row(card) {
    const label = cardLabel(card);
    const remove = h('button', { type: 'button', class: 'danger remove-card', 'aria-label': t('app.wallet.cards.remove_label', { card: label }) },
      t('app.wallet.cards.remove'));
    const item = h('li', { class: 'wallet-item wallet-card', dataset: { id: card.id } },
      h('div', { class: 'wallet-line' }, h('span', { class: 'card-label' }, label), remove));
    remove.addEventListener('click', async () => {
      if (!window.confirm(t('app.wallet.cards.remove_confirm', { card: label }))) return;
      remove.disabled = true;
      try {
        await call(`${WALLET}/cards/${card.id}`, { method: 'DELETE' });
        announce(t('app.wallet.cards.removed', { card: label }));
        await refresh();
        title.focus(); // the removed card's button is gone: keep keyboard focus on the list
      } catch (error) {
        remove.disabled = false;
        item.append(problemBox(error));
      }
    });
    return item;
  }

  await refresh();
  return null;
}

function addForm(onAdded) {
  const result = h('div', { class: 'form-result', 'aria-live': 'polite' });
  const submit = h('button', { type: 'submit', class: 'primary' }, t('app.wallet.cards.add'));
  const year = new Date().getFullYear();
  const form = h('form', { class: 'stack wallet-form add-card', novalidate: true, autocomplete: 'on' },
    h('h2', { class: 'section-title' }, t('app.wallet.cards.add_title')),
    field('card-number', t('app.wallet.cards.number'),
      h('input', { type: 'text', inputmode: 'numeric', autocomplete: 'cc-number', required: true, maxlength: '23' }),
      t('app.wallet.cards.sandbox_hint')),
    h('div', { class: 'row wallet-expiry' },
      field('card-exp-month', t('app.wallet.cards.exp_month'), h('select', { autocomplete: 'cc-exp-month' },
        Array.from({ length: 12 }, (_, i) => h('option', { value: String(i + 1) }, String(i + 1).padStart(2, '0'))))),
      field('card-exp-year', t('app.wallet.cards.exp_year'), h('select', { autocomplete: 'cc-exp-year' },
        Array.from({ length: 15 }, (_, i) => h('option', { value: String(year + i) }, String(year + i))))),
      field('card-cvc', t('app.wallet.cards.cvc'), h('input', { type: 'password', inputmode: 'numeric', autocomplete: 'cc-csc', maxlength: '4', required: true }))),
    submit, result);
  const key = new ActionKey(form);
  const number = form.querySelector('#card-number');
  const cvc = form.querySelector('#card-cvc');
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    submit.disabled = true;
    result.replaceChildren();
    try {
      // Read from the fields into the request body only: nothing else in the app holds the number.
      const card = (await call(`${WALLET}/cards`, { method: 'POST', idempotencyKey: key.current(), json: {
        number: number.value.replace(/\D/g, ''), cvc: cvc.value.trim(),
        exp_month: form.querySelector('#card-exp-month').value, exp_year: form.querySelector('#card-exp-year').value,
      } })).data;
      key.settle(null);
      form.reset();
      const message = t('app.wallet.cards.added', { card: cardLabel(card) });
      result.append(h('p', { class: 'notice', role: 'status' }, message, ' ', h('a', { href: '/wallet/topup' }, t('app.wallet.tab.topup'))));
      announce(message);
      await onAdded();
    } catch (error) {
      key.settle(error);
      cvc.value = '';
      result.append(problemBox(error));
    }
    submit.disabled = false;
  });
  return form;
}
