// A poll inside a status: choices to vote on while it is open (and not one's own), results otherwise.
import { call } from '../api.js';
import { app } from '../context.js';
import { announce, h, problemBox } from '../dom.js';
import { relativeTime, t, tn } from '../i18n.js';

export function pollView(poll, own) {
  const box = h('div', { class: 'poll', dataset: { pollId: poll.id } });
  draw(box, poll, own);
  return box;
}

function draw(box, poll, own) {
  box.replaceChildren();
  const canVote = app.me && !own && !poll.expired && !poll.voted;
  if (canVote) box.append(ballot(box, poll, own));
  else box.append(results(poll));
  const votes = tn('app.poll.votes', poll.votes_count);
  const when = poll.expires_at ? (poll.expired ? t('app.poll.closed') : t('app.poll.ends', { when: relativeTime(poll.expires_at) })) : '';
  box.append(h('p', { class: 'meta' }, [votes, when].filter(Boolean).join(' · ')));
}

function ballot(box, poll, own) {
  const name = `poll-${poll.id}-${Math.random().toString(36).slice(2, 7)}`;
  const form = h('form', { class: 'ballot' });
  const fieldset = h('fieldset', {}, h('legend', { class: 'visually-hidden' }, t('app.poll.choose')));
  poll.options.forEach((option, index) => {
    fieldset.append(h('label', { class: 'choice' },
      h('input', { type: poll.multiple ? 'checkbox' : 'radio', name, value: String(index) }), h('span', {}, option.title)));
  });
  const error = h('div', {});
  form.append(fieldset, error, h('button', { type: 'submit', class: 'vote-button' }, t('app.poll.vote')));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const choices = Array.from(form.querySelectorAll('input:checked'), (input) => Number(input.value));
    if (!choices.length) {
      error.replaceChildren(h('p', { class: 'problem', role: 'alert' }, t('app.poll.pick_one')));
      return;
    }
    form.querySelector('button').disabled = true;
    try {
      const { data } = await call(`/api/v1/polls/${poll.id}/votes`, { method: 'POST', json: { choices } });
      draw(box, data, own);
      announce(t('app.poll.voted'));
    } catch (failure) {
      form.querySelector('button').disabled = false;
      error.replaceChildren(problemBox(failure));
    }
  });
  return form;
}

function results(poll) {
  const total = poll.multiple && poll.voters_count ? poll.voters_count : poll.votes_count;
  const list = h('ul', { class: 'results' });
  poll.options.forEach((option, index) => {
    const count = option.votes_count ?? 0;
    const share = total > 0 ? Math.round((count / total) * 100) : 0;
    const mine = (poll.own_votes || []).includes(index);
    list.append(h('li', { class: mine ? 'mine' : null },
      h('span', { class: 'bar', style: `width:${share}%` }),
      h('span', { class: 'share' }, `${share}%`),
      h('span', { class: 'title' }, option.title, mine ? h('span', { class: 'visually-hidden' }, ` (${t('app.poll.your_choice')})`) : null)));
  });
  return list;
}
