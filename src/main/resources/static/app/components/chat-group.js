// Starting a conversation (one person: a direct one; several, or a name: a group) and a conversation's
// details: the group's name and members for those who may change them, mute, archive, leave.
import { call, del, get, newIdempotencyKey, post } from '../api.js';
import { app, setTitle } from '../context.js';
import { announce, fill, h, icon, problemBox, toast } from '../dom.js';
import { t, tn } from '../i18n.js';
import { navigate } from '../router.js';
import { accountLine } from './account.js';
import { problemMessage } from './problems.js';
import { CHAT_API, conversationTitle, loadPeople, person, withDetails } from './chat-common.js';
import { peoplePicker } from './chat-people-picker.js';

export function newConversation(pane) {
  setTitle(t('app.chat.new_title'));
  const picker = peoplePicker();
  const name = h('input', { id: 'chat-group-name', maxlength: 100, autocomplete: 'off' });
  const result = h('div', { class: 'form-result' });
  const submit = h('button', { type: 'submit', class: 'primary', id: 'chat-start' }, t('app.chat.start'));
  // One key per attempt at this form, so a double click or a retry makes one group.
  let key = newIdempotencyKey();
  const form = h('form', { class: 'stack chat-new-form' },
    picker.element,
    h('label', { for: name.id }, t('app.chat.group_name')), name,
    h('p', { class: 'hint' }, t('app.chat.group_name_hint')),
    result, submit);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const people = picker.selected();
    if (!people.length) {
      result.replaceChildren(h('p', { class: 'problem', role: 'alert' }, t('app.chat.pick_someone')));
      return;
    }
    const title = name.value.trim();
    const body = people.length === 1 && !title
      ? { type: 'direct', account_id: people[0].id }
      : { type: 'group', name: title, account_ids: people.map((p) => p.id) };
    submit.disabled = true;
    try {
      const created = (await call(`${CHAT_API}/conversations`, { method: 'POST', json: body, idempotencyKey: key })).data;
      navigate(`/chat/${created.id}`);
    } catch (error) {
      key = newIdempotencyKey();
      result.replaceChildren(problemBox(error));
    } finally {
      submit.disabled = false;
    }
  });
  fill(pane, h('header', { class: 'chat-pane-head' },
    h('a', { class: 'button icon-button chat-back', href: '/chat', 'aria-label': t('app.chat.back'), title: t('app.chat.back') }, '←'),
    h('h1', { class: 'chat-title' }, t('app.chat.new_title'))),
  h('div', { class: 'chat-pane-body' }, form));
  return () => {};
}

export async function conversationInfo(pane, id) {
  const base = `${CHAT_API}/conversations/${id}`;
  const body = h('div', { class: 'chat-pane-body chat-info' });
  const heading = h('h1', { class: 'chat-title' }, t('app.chat.info'));
  fill(pane, h('header', { class: 'chat-pane-head' },
    h('a', { class: 'button icon-button chat-up', href: `/chat/${id}`, 'aria-label': t('app.chat.back_to_conversation'), title: t('app.chat.back_to_conversation') }, '←'),
    heading), body);
  setTitle(t('app.chat.info'));
  const draw = async () => {
    let conversation;
    let members;
    try {
      [conversation, members] = await Promise.all([get(base).then(withDetails), get(`${base}/members`)]);
      await loadPeople(members.map((m) => m.account_id));
    } catch (error) {
      fill(body, problemBox(error));
      return;
    }
    heading.textContent = t('app.chat.info_of', { name: conversationTitle(conversation) });
    const manager = conversation.role === 'owner' || conversation.role === 'admin';
    const sections = [flags(conversation, base, draw)];
    if (conversation.type === 'group') {
      if (manager) sections.unshift(renameForm(conversation, base, draw));
      sections.push(memberList(conversation, members, base, manager, draw));
      if (manager) sections.push(addMembers(members, base, draw));
      sections.push(h('section', { class: 'chat-info-section' }, h('button', {
        type: 'button', class: 'danger', id: 'chat-leave',
        onclick: async () => {
          if (!window.confirm(t('app.chat.leave_confirm'))) return;
          try {
            await post(`${base}/leave`);
            announce(t('app.chat.left'));
            navigate('/chat');
          } catch (error) { toast(problemMessage(error), 'error'); }
        },
      }, t('app.chat.leave'))));
    } else {
      const other = person(members.map((m) => m.account_id).find((a) => a !== app.me.id));
      if (other) sections.unshift(h('section', { class: 'chat-info-section' }, accountLine(other)));
    }
    fill(body, ...sections);
  };
  await draw();
  return () => {};
}

function renameForm(conversation, base, redraw) {
  const input = h('input', { id: 'chat-rename', value: conversation.name || '', maxlength: 100, autocomplete: 'off' });
  const result = h('div', { class: 'form-result' });
  const form = h('form', { class: 'stack chat-info-section' },
    h('label', { for: input.id }, t('app.chat.group_name')), input, result,
    h('button', { type: 'submit', class: 'primary', id: 'chat-rename-save' }, t('app.chat.rename')));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    try {
      await call(base, { method: 'PATCH', json: { name: input.value.trim() } });
      announce(t('app.chat.renamed'));
      redraw();
    } catch (error) {
      result.replaceChildren(problemBox(error));
    }
  });
  return form;
}

function flags(conversation, base, redraw) {
  const toggle = (on, cls, labelOn, labelOff, pathOn, pathOff) => h('button', {
    type: 'button', class: cls, 'aria-pressed': String(on),
    onclick: async () => {
      try {
        await post(`${base}/${on ? pathOff : pathOn}`);
        redraw();
      } catch (error) { toast(problemMessage(error), 'error'); }
    },
  }, on ? labelOff : labelOn);
  return h('section', { class: 'chat-info-section row' },
    toggle(conversation.muted, 'chat-mute', t('app.chat.mute'), t('app.chat.unmute'), 'mute', 'unmute'),
    toggle(conversation.archived, 'chat-archive', t('app.chat.archive'), t('app.chat.unarchive'), 'archive', 'unarchive'));
}

function memberList(conversation, members, base, manager, redraw) {
  const rows = members.map((m) => {
    const account = person(m.account_id);
    const role = h('span', { class: 'meta' }, t(`app.chat.role.${m.role}`));
    const canRemove = manager && m.account_id !== app.me.id && m.role !== 'owner'
      && (conversation.role === 'owner' || m.role === 'member');
    const remove = canRemove ? h('button', {
      type: 'button', class: 'danger chat-remove-member', 'aria-label': t('app.chat.remove_member_named', { name: account ? account.username : m.account_id }),
      onclick: async () => {
        try {
          await del(`${base}/members/${m.account_id}`);
          redraw();
        } catch (error) { toast(problemMessage(error), 'error'); }
      },
    }, t('app.chat.remove_member')) : null;
    return h('li', { dataset: { accountId: m.account_id } }, account ? accountLine(account, h('div', { class: 'row' }, role, remove))
      : h('div', { class: 'account-line' }, role, remove));
  });
  return h('section', { class: 'chat-info-section' },
    h('h2', { class: 'section-title' }, tn('app.chat.members', members.length)),
    h('ul', { class: 'accounts chat-members' }, rows));
}

function addMembers(members, base, redraw) {
  const picker = peoplePicker({ exclude: members.map((m) => m.account_id) });
  const result = h('div', { class: 'form-result' });
  const form = h('form', { class: 'stack chat-info-section chat-add-members' },
    h('h2', { class: 'section-title' }, t('app.chat.add_members')), picker.element, result,
    h('button', { type: 'submit', class: 'primary', id: 'chat-add-submit' }, icon('user'), t('app.chat.add')));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const people = picker.selected();
    if (!people.length) {
      result.replaceChildren(h('p', { class: 'problem', role: 'alert' }, t('app.chat.pick_someone')));
      return;
    }
    try {
      await post(`${base}/members`, { account_ids: people.map((p) => p.id) });
      announce(t('app.chat.added'));
      redraw();
    } catch (error) {
      result.replaceChildren(problemBox(error));
    }
  });
  return form;
}
