// Settings › Muted words: the person's filters (Mastodon's filters API v2), listed, created, edited and
// deleted. A filter has a title, keywords (each maybe whole-word), the places it applies (contexts), an action
// (warn: collapse behind its title; hide: leave out) and an optional expiry.
import { call } from '../api.js';
import { forgetFilters } from '../components/filters.js';
import { field, settingsForm } from '../components/settings-form.js';
import { announce, empty, fill, h, loading, problemBox } from '../dom.js';
import { formatDateTime, t } from '../i18n.js';
import { problemMessage } from '../components/problems.js';

const CONTEXTS = ['home', 'notifications', 'public', 'thread', 'account'];
const ACTIONS = ['warn', 'hide'];
/** Seconds, as Mastodon's web app offers them; '' never expires. */
const EXPIRIES = [['', 'never'], ['1800', '30m'], ['3600', '1h'], ['21600', '6h'], ['43200', '12h'], ['86400', '1d'], ['604800', '1w']];

export function filters(body) {
  showList(body);
}

async function showList(body, focusTitle) {
  fill(body, loading());
  let list;
  try {
    list = (await call('/api/v2/filters')).data;
  } catch (error) {
    fill(body, problemBox(error));
    return;
  }
  const add = h('button', { type: 'button', class: 'primary new-filter', onclick: () => showForm(body, null) }, t('app.settings.filters.new'));
  fill(body,
    h('p', { class: 'hint' }, t('app.settings.filters.intro')),
    add,
    list.length ? h('ul', { class: 'filter-list', 'aria-label': t('app.settings.filters') }, list.map((f) => item(body, f)))
      : empty(t('app.settings.filters.empty')));
  const heading = focusTitle && Array.from(body.querySelectorAll('.filter-item h2')).find((e) => e.textContent === focusTitle);
  (heading ? heading.closest('li').querySelector('button.edit-filter') : add).focus();
}

function item(body, filter) {
  const expired = filter.expires_at && Date.parse(filter.expires_at) <= Date.now();
  const remove = h('button', { type: 'button', class: 'danger delete-filter' }, t('app.settings.filters.delete'));
  remove.addEventListener('click', async () => {
    if (!window.confirm(t('app.settings.filters.delete_confirm', { title: filter.title }))) return;
    remove.disabled = true;
    try {
      await call(`/api/v2/filters/${filter.id}`, { method: 'DELETE' });
      forgetFilters();
      announce(t('app.settings.filters.deleted', { title: filter.title }));
      showList(body);
    } catch (error) {
      remove.disabled = false;
      remove.after(h('p', { class: 'problem', role: 'alert' }, problemMessage(error)));
    }
  });
  return h('li', { class: 'filter-item', dataset: { id: filter.id } },
    h('h2', { class: 'filter-title' }, filter.title),
    h('p', { class: 'meta' }, [
      t(`app.settings.filters.action_${filter.filter_action}`),
      filter.context.map((c) => t(`app.settings.filters.context_${c}`)).join(', '),
      expired ? t('app.settings.filters.expired')
        : filter.expires_at ? t('app.settings.filters.expires_at', { date: formatDateTime(filter.expires_at) })
          : t('app.settings.filters.expires_never'),
    ].join(' · ')),
    h('ul', { class: 'keywords', 'aria-label': t('app.settings.filters.keywords') }, filter.keywords.map((k) => h('li', { class: 'keyword' },
      k.keyword, k.whole_word ? h('small', { class: 'hint' }, ` (${t('app.settings.filters.whole_word')})`) : null))),
    h('div', { class: 'row' },
      h('button', { type: 'button', class: 'edit-filter', 'aria-label': t('app.settings.filters.edit_named', { title: filter.title }),
        onclick: () => showForm(body, filter) }, t('app.settings.filters.edit')),
      remove));
}

/** The create (filter null) or edit form; saving or cancelling goes back to the list. */
function showForm(body, filter) {
  const editing = Boolean(filter);
  const rows = h('ul', { class: 'keyword-rows' });
  let counter = 0;
  const addRow = (keyword) => {
    counter += 1;
    const input = h('input', { name: 'keyword', class: 'keyword-input', maxlength: '100', value: keyword ? keyword.keyword : '',
      'aria-label': t('app.settings.filters.keyword') });
    const whole = h('input', { type: 'checkbox', class: 'whole-word', id: `whole-${counter}`, checked: keyword ? keyword.whole_word : true });
    const row = h('li', { class: 'row keyword-row', dataset: { id: keyword ? keyword.id : '' } }, input,
      h('label', { class: 'check', for: `whole-${counter}` }, whole, h('span', {}, t('app.settings.filters.whole_word'))),
      h('button', { type: 'button', class: 'remove-keyword', 'aria-label': t('app.settings.filters.remove_keyword'), onclick: () => {
        row.remove();
        (rows.querySelector('input.keyword-input') || addButton).focus();
      } }, t('app.settings.filters.remove')));
    rows.append(row);
    return input;
  };
  const addButton = h('button', { type: 'button', class: 'add-keyword', onclick: () => addRow(null).focus() }, t('app.settings.filters.add_keyword'));
  (editing ? filter.keywords : [null]).forEach(addRow);
  const contexts = editing ? filter.context : ['home', 'public', 'thread'];
  const action = editing ? filter.filter_action : 'warn';
  const expiry = h('select', { name: 'expires_in' },
    editing ? h('option', { value: 'keep', selected: true }, t('app.settings.filters.expires_keep')) : null,
    EXPIRIES.map(([seconds, label]) => h('option', { value: seconds }, t(`app.settings.filters.expires_${label}`))));
  const form = settingsForm([
    field('filter_title', t('app.settings.filters.title'), h('input', { name: 'title', maxlength: '100', required: true, value: editing ? filter.title : '' }),
      t('app.settings.filters.title_hint')),
    h('fieldset', { class: 'stack' }, h('legend', {}, t('app.settings.filters.keywords')), rows, addButton),
    h('fieldset', { class: 'stack' }, h('legend', {}, t('app.settings.filters.contexts')),
      CONTEXTS.map((c) => h('label', { class: 'check' },
        h('input', { type: 'checkbox', name: 'context', value: c, checked: contexts.includes(c) }),
        h('span', {}, t(`app.settings.filters.context_${c}`))))),
    h('fieldset', { class: 'stack' }, h('legend', {}, t('app.settings.filters.action')),
      ACTIONS.map((a) => h('label', { class: 'check' },
        h('input', { type: 'radio', name: 'filter_action', value: a, checked: a === action }),
        h('span', {}, t(`app.settings.filters.action_${a}`)),
        h('small', { class: 'hint' }, ` ${t(`app.settings.filters.action_${a}_hint`)}`)))),
    field('filter_expires', t('app.settings.filters.expires'), expiry),
  ], t(editing ? 'app.settings.save' : 'app.settings.filters.create'), async (submitted) => {
    const json = {
      title: submitted.querySelector('#filter_title').value,
      context: Array.from(submitted.querySelectorAll('input[name=context]:checked'), (i) => i.value),
      filter_action: submitted.querySelector('input[name=filter_action]:checked').value,
      keywords_attributes: keywordChanges(rows, editing ? filter.keywords : []),
    };
    if (expiry.value !== 'keep') json.expires_in = expiry.value;
    if (!Array.from(rows.querySelectorAll('input.keyword-input')).some((i) => i.value.trim())) {
      throw Object.assign(new Error(t('app.settings.filters.keyword_required')), { status: 422, fields: [] });
    }
    await call(editing ? `/api/v2/filters/${filter.id}` : '/api/v2/filters', { method: editing ? 'PUT' : 'POST', json });
    forgetFilters();
    announce(t('app.settings.saved'));
    showList(body, json.title.trim());
    return null;
  });
  form.classList.add('filter-form');
  fill(body,
    h('h2', { class: 'section-title', id: 'filter-form-title' }, t(editing ? 'app.settings.filters.edit_title' : 'app.settings.filters.new_title')),
    form,
    h('button', { type: 'button', class: 'cancel-filter', onclick: () => showList(body) }, t('app.settings.filters.cancel')));
  form.setAttribute('aria-labelledby', 'filter-form-title');
  form.querySelector('#filter_title').focus();
}

/** Rails' nested attributes: new rows are added, changed ones updated, removed ones sent with _destroy. */
function keywordChanges(rows, original) {
  const changes = [];
  const kept = new Set();
  for (const row of rows.querySelectorAll('li.keyword-row')) {
    const keyword = row.querySelector('input.keyword-input').value.trim();
    const wholeWord = row.querySelector('input.whole-word').checked;
    const id = row.dataset.id;
    if (id) {
      kept.add(id);
      const before = original.find((k) => k.id === id);
      if (!keyword) changes.push({ id, _destroy: true });
      else if (before.keyword !== keyword || before.whole_word !== wholeWord) changes.push({ id, keyword, whole_word: wholeWord });
    } else if (keyword) {
      changes.push({ keyword, whole_word: wholeWord });
    }
  }
  original.filter((k) => !kept.has(k.id)).forEach((k) => changes.push({ id: k.id, _destroy: true }));
  return changes;
}
