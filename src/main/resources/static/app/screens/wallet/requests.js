// Money requests waiting for an answer: the ones asked of me (pay or decline) and the ones I sent (cancel).
// Paying a large one asks for the second confirmation first. The wallet stream re-reads both lists.
import { call, get } from '../../api.js';
import { announce, empty, fill, h, loading, problemBox } from '../../dom.js';
import { t } from '../../i18n.js';
import { ActionKey, WALLET, confirmationStep, formatMoney, onWallet, walletProblem, when } from './money.js';

const DONE = { approve: 'app.wallet.requests.approved', decline: 'app.wallet.requests.declined', cancel: 'app.wallet.requests.cancelled' };

export async function render(body) {
  const incoming = h('div', {}, loading());
  const outgoing = h('div', {}, loading());
  body.append(h('h2', { class: 'section-title' }, t('app.wallet.requests.incoming')), incoming,
    h('h2', { class: 'section-title' }, t('app.wallet.requests.outgoing')), outgoing);
  // One key per request being paid, kept across a retry of that same approval.
  const keys = new Map();

  const refresh = async () => {
    try {
      const [asked, sent] = await Promise.all([
        get(`${WALLET}/requests`, { box: 'incoming', state: 'pending', limit: 40 }),
        get(`${WALLET}/requests`, { box: 'outgoing', state: 'pending', limit: 40 }),
      ]);
      fill(incoming, asked.length ? h('ul', { class: 'wallet-list' }, asked.map((r) => row(r, true)))
        : empty(t('app.wallet.requests.none_incoming')));
      fill(outgoing, sent.length ? h('ul', { class: 'wallet-list' }, sent.map((r) => row(r, false)))
        : empty(t('app.wallet.requests.none_outgoing')));
    } catch (error) {
      fill(incoming, problemBox(error));
    }
  };

  function row(request, asked) {
    const amount = formatMoney(request.amount, request.asset);
    const other = asked ? request.requester.username : request.payer.username;
    const result = h('div', { class: 'form-result' });
    const buttons = h('div', { class: 'row' });
    const act = (what, button) => async () => {
      buttons.querySelectorAll('button').forEach((b) => { b.disabled = true; });
      result.replaceChildren();
      const key = what === 'approve' ? (keys.get(request.id) || keys.set(request.id, new ActionKey()).get(request.id)) : null;
      try {
        const answer = (await call(`${WALLET}/requests/${request.id}/${what}`,
          { method: 'POST', json: {}, idempotencyKey: key ? key.current() : null })).data;
        if (key) key.settle(null);
        if (answer && answer.status === 'requires_confirmation') {
          result.append(confirmationStep(answer, (done) => {
            if (done) { announce(t('app.wallet.requests.paid', { amount })); refresh(); }
            else buttons.querySelectorAll('button').forEach((b) => { b.disabled = false; });
          }));
          return;
        }
        announce(t(DONE[what], { amount }));
        await refresh();
      } catch (error) {
        if (key) key.settle(error);
        result.append(walletProblem(error));
        buttons.querySelectorAll('button').forEach((b) => { b.disabled = false; });
        button.focus();
      }
    };
    if (asked) {
      const pay = h('button', { type: 'button', class: 'primary approve' }, t('app.wallet.requests.approve'));
      const decline = h('button', { type: 'button', class: 'decline' }, t('app.wallet.requests.decline'));
      pay.addEventListener('click', act('approve', pay));
      decline.addEventListener('click', act('decline', decline));
      buttons.append(pay, decline);
    } else {
      const cancel = h('button', { type: 'button', class: 'cancel' }, t('app.wallet.requests.cancel'));
      cancel.addEventListener('click', act('cancel', cancel));
      buttons.append(cancel);
    }
    return h('li', { class: 'wallet-item wallet-request', dataset: { id: request.id } },
      h('div', { class: 'wallet-line' },
        h('span', { class: 'who' }, t(asked ? 'app.wallet.requests.from' : 'app.wallet.requests.to', { name: `@${other}` })),
        h('span', { class: 'amount' }, amount)),
      request.note ? h('p', { class: 'note' }, request.note) : null,
      h('p', { class: 'hint' }, when(request.created_at)), buttons, result);
  }

  const stop = onWallet(['wallet.request'], refresh);
  await refresh();
  return stop;
}
