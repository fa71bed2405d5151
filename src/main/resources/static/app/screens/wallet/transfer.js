// Send money to @someone, or ask someone for money: the same form (person, amount, asset, note), one
// Idempotency-Key per action. A large send first asks for the second confirmation.
import { call, get } from '../../api.js';
import { announce, h, loading, problemBox } from '../../dom.js';
import { t } from '../../i18n.js';
import { ActionKey, WALLET, amountText, assetSelect, confirmationStep, field, formatMoney, walletProblem } from './money.js';

export async function render(body, view) {
  const sending = view === 'send';
  const wait = loading();
  body.append(wait);
  let balances;
  try {
    balances = await get(`${WALLET}/balances`);
  } catch (error) {
    wait.replaceWith(problemBox(error));
    return null;
  }
  wait.remove();
  const who = sending ? 'to' : 'payer';
  const prefix = sending ? 'send' : 'ask';
  const result = h('div', { class: 'form-result', 'aria-live': 'polite' });
  const submit = h('button', { type: 'submit', class: 'primary' }, t(sending ? 'app.wallet.send.submit' : 'app.wallet.request.submit'));
  const form = h('form', { class: 'stack wallet-form', novalidate: true },
    h('h2', { class: 'section-title' }, t(sending ? 'app.wallet.send.title' : 'app.wallet.request.title')),
    field(`${prefix}-${who}`, t(sending ? 'app.wallet.send.to' : 'app.wallet.request.payer'),
      h('input', { type: 'text', autocomplete: 'off', autocapitalize: 'none', spellcheck: 'false', required: true, placeholder: '@username' })),
    h('div', { class: 'row wallet-amount' },
      field(`${prefix}-amount`, t('app.wallet.amount'), h('input', { type: 'text', inputmode: 'decimal', autocomplete: 'off', required: true, placeholder: '0.00' })),
      assetSelect(`${prefix}-asset`, balances)),
    field(`${prefix}-note`, t('app.wallet.note'), h('textarea', { rows: '2', maxlength: '280' }), t('app.wallet.note_hint')),
    submit, result);
  body.append(form);
  const key = new ActionKey(form);
  const value = (name) => form.querySelector(`#${prefix}-${name}`).value;

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    submit.disabled = true;
    result.replaceChildren();
    const json = { [who]: value(who).trim(), amount: amountText(value('amount')), asset: value('asset'), note: value('note') };
    try {
      const answer = (await call(sending ? `${WALLET}/transfers` : `${WALLET}/requests`,
        { method: 'POST', json, idempotencyKey: key.current() })).data;
      key.settle(null);
      if (answer && answer.status === 'requires_confirmation') {
        result.append(confirmationStep(answer, (done) => {
          submit.disabled = false;
          if (done) finished(json);
          else result.append(h('p', { class: 'notice', role: 'status' }, t('app.wallet.confirm.cancelled')));
        }));
        return;
      }
      finished(json);
    } catch (error) {
      key.settle(error);
      result.append(walletProblem(error, who));
    }
    submit.disabled = false;
  });

  function finished(json) {
    const amount = formatMoney(json.amount, json.asset);
    const name = json[who].startsWith('@') ? json[who] : `@${json[who]}`;
    const message = sending ? t('app.wallet.send.done', { amount, name }) : t('app.wallet.request.done', { amount, name });
    form.reset();
    result.replaceChildren(h('p', { class: 'notice wallet-done', role: 'status' }, message,
      ' ', h('a', { href: sending ? '/wallet/history' : '/wallet/requests' }, t(sending ? 'app.wallet.tab.history' : 'app.wallet.tab.requests'))));
    announce(message);
  }
  return null;
}
