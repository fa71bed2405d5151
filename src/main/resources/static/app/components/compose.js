// The compose form: text with a live character count, content warning, up to 4 images each with a
// description (prompted for), or a poll, visibility, who may reply, and the reply or quote it belongs to.
// Posting uploads the images, then creates the status with an Idempotency-Key kept until it succeeds, so a
// retry after a network failure never posts twice.
import { call, newIdempotencyKey } from '../api.js';
import { app } from '../context.js';
import { announce, h, icon, problemBox } from '../dom.js';
import { t, tn } from '../i18n.js';
import { statusView } from './status.js';

const MAX_IMAGES = 4;
const DURATIONS = [300, 1800, 3600, 21600, 86400, 259200, 604800];
let formCount = 0;

export function composeForm({ replyTo = null, quote = null, onPosted = () => {}, autofocus = false } = {}) {
  const n = ++formCount;
  const limits = app.instance.configuration;
  const maxCharacters = limits.statuses.max_characters;
  const maxOptions = limits.polls.max_options;
  let idempotencyKey = newIdempotencyKey();
  const images = [];
  let pollOn = false;
  let altWarned = false;

  const text = h('textarea', {
    id: `compose-text-${n}`, name: 'status', class: 'compose-text', rows: '4', 'aria-describedby': `compose-count-${n}`,
    placeholder: t(replyTo ? 'app.compose.reply_placeholder' : 'app.compose.placeholder'),
  });
  if (replyTo) {
    const mentions = [replyTo.account.acct, ...replyTo.mentions.map((m) => m.acct)]
      .filter((acct, i, all) => acct !== app.me.acct && all.indexOf(acct) === i);
    text.value = mentions.map((acct) => `@${acct} `).join('');
  }
  const counter = h('span', { id: `compose-count-${n}`, class: 'counter', 'aria-live': 'polite' });
  const spoiler = h('input', { id: `compose-cw-${n}`, name: 'spoiler_text', class: 'compose-cw', maxlength: '500', placeholder: t('app.compose.cw_placeholder') });
  const spoilerRow = h('div', { class: 'row cw-row', hidden: !replyTo?.spoiler_text },
    h('label', { for: spoiler.id, class: 'visually-hidden' }, t('app.compose.cw_label')), spoiler);
  if (replyTo?.spoiler_text) spoiler.value = replyTo.spoiler_text;

  const fileInput = h('input', { id: `compose-files-${n}`, type: 'file', accept: 'image/jpeg,image/png,image/gif,image/webp', multiple: true, class: 'visually-hidden compose-files' });
  const imageList = h('ul', { class: 'compose-images' });
  const pollBox = h('fieldset', { class: 'compose-poll', hidden: true }, h('legend', {}, t('app.compose.poll_legend')));
  const pollOptions = h('div', { class: 'poll-options' });
  const duration = h('select', { id: `compose-poll-duration-${n}`, class: 'poll-duration' },
    DURATIONS.map((seconds) => h('option', { value: String(seconds), selected: seconds === 86400 }, t(`app.compose.duration.${seconds}`))));
  const multiple = h('input', { type: 'checkbox', id: `compose-poll-multiple-${n}` });
  const addOption = h('button', { type: 'button', class: 'link-button add-option', onclick: () => { addPollOption(); refresh(); pollOptions.lastElementChild.querySelector('input').focus(); } }, t('app.compose.poll_add'));
  pollBox.append(pollOptions, addOption,
    h('div', { class: 'row' }, h('label', { for: duration.id }, t('app.compose.poll_duration')), duration),
    h('label', { class: 'check' }, multiple, h('span', {}, t('app.compose.poll_multiple'))));

  const visibility = h('select', { id: `compose-visibility-${n}`, class: 'compose-visibility' },
    ['public', 'unlisted', 'private', 'direct'].map((v) => h('option', { value: v }, t(`app.visibility.${v}`))));
  if (replyTo && replyTo.visibility !== 'public') visibility.value = replyTo.visibility;
  const replyPolicy = h('select', { id: `compose-reply-policy-${n}`, class: 'compose-reply-policy' },
    ['everyone', 'following', 'mentioned'].map((v) => h('option', { value: v }, t(`app.reply_policy.choice.${v}`))));

  const imageButton = h('button', { type: 'button', class: 'icon-button add-image', 'aria-label': t('app.compose.add_images'), title: t('app.compose.add_images'), onclick: () => fileInput.click() }, icon('image'));
  const pollButton = h('button', { type: 'button', class: 'icon-button add-poll', 'aria-pressed': 'false', 'aria-label': t('app.compose.add_poll'), title: t('app.compose.add_poll'), onclick: () => togglePoll() }, icon('poll'));
  const cwButton = h('button', { type: 'button', class: 'icon-button add-cw', 'aria-pressed': String(!spoilerRow.hidden), 'aria-label': t('app.compose.add_cw'), title: t('app.compose.add_cw'),
    onclick: () => { spoilerRow.hidden = !spoilerRow.hidden; cwButton.setAttribute('aria-pressed', String(!spoilerRow.hidden)); if (!spoilerRow.hidden) spoiler.focus(); refresh(); } }, icon('warning'));
  const submit = h('button', { type: 'submit', class: 'primary compose-submit' }, t(replyTo ? 'app.compose.reply_submit' : 'app.compose.submit'));
  const errors = h('div', { class: 'compose-errors' });

  const form = h('form', { class: 'compose', novalidate: true },
    replyTo ? h('p', { class: 'context' }, t('app.compose.replying_to', { name: `@${replyTo.account.acct}` })) : null,
    h('label', { for: text.id, class: 'visually-hidden' }, t('app.compose.label')),
    spoilerRow, text, imageList, pollBox,
    quote ? h('div', { class: 'quote compose-quote' }, h('p', { class: 'context' }, t('app.compose.quoting')), statusView(quote, { compact: true })) : null,
    h('div', { class: 'compose-tools' },
      h('label', { for: fileInput.id, class: 'visually-hidden' }, t('app.compose.add_images')), fileInput,
      imageButton, pollButton, cwButton,
      h('label', { for: visibility.id, class: 'visually-hidden' }, t('app.compose.visibility')), visibility,
      h('label', { for: replyPolicy.id, class: 'visually-hidden' }, t('app.compose.reply_policy')), replyPolicy,
      h('span', { class: 'spacer' }), counter, submit),
    errors);

  function addPollOption(value = '') {
    const index = pollOptions.children.length;
    const input = h('input', { id: `compose-poll-${n}-${index}`, class: 'poll-option', maxlength: String(limits.polls.max_characters_per_option), value,
      placeholder: t('app.compose.poll_option', { n: index + 1 }), oninput: refresh });
    const remove = h('button', { type: 'button', class: 'icon-button', 'aria-label': t('app.compose.poll_remove', { n: index + 1 }),
      onclick: () => { row.remove(); renumber(); refresh(); } }, '×');
    const row = h('div', { class: 'row' }, h('label', { for: input.id, class: 'visually-hidden' }, t('app.compose.poll_option', { n: index + 1 })), input, remove);
    pollOptions.append(row);
  }

  function renumber() {
    Array.from(pollOptions.children).forEach((row, i) => {
      row.querySelector('label').textContent = t('app.compose.poll_option', { n: i + 1 });
      row.querySelector('input').placeholder = t('app.compose.poll_option', { n: i + 1 });
      row.querySelector('button').setAttribute('aria-label', t('app.compose.poll_remove', { n: i + 1 }));
    });
  }

  function togglePoll() {
    pollOn = !pollOn;
    pollBox.hidden = !pollOn;
    pollButton.setAttribute('aria-pressed', String(pollOn));
    if (pollOn && pollOptions.children.length === 0) { addPollOption(); addPollOption(); }
    if (pollOn) pollOptions.querySelector('input').focus();
    refresh();
  }

  fileInput.addEventListener('change', () => {
    const files = Array.from(fileInput.files);
    fileInput.value = '';
    const room = MAX_IMAGES - images.length;
    if (files.length > room) errors.replaceChildren(h('p', { class: 'problem', role: 'alert' }, tn('app.compose.too_many_images', MAX_IMAGES)));
    let firstAlt = null;
    for (const file of files.slice(0, room)) {
      const entry = { file, url: URL.createObjectURL(file), alt: null };
      images.push(entry);
      const alt = h('textarea', { class: 'alt-text', rows: '2', maxlength: '1500', id: `compose-alt-${n}-${images.length}`, placeholder: t('app.compose.alt_placeholder') });
      entry.alt = alt;
      const item = h('li', {},
        h('img', { src: entry.url, alt: '' }),
        h('div', { class: 'alt' }, h('label', { for: alt.id }, t('app.compose.alt_label', { name: file.name })), alt),
        h('button', { type: 'button', class: 'icon-button', 'aria-label': t('app.compose.remove_image', { name: file.name }),
          onclick: () => { images.splice(images.indexOf(entry), 1); URL.revokeObjectURL(entry.url); item.remove(); refresh(); imageButton.focus(); } }, '×'));
      imageList.append(item);
      firstAlt = firstAlt || alt;
    }
    refresh();
    if (firstAlt) {
      firstAlt.focus();
      announce(t('app.compose.alt_prompt'));
    }
  });

  function length() {
    return Array.from(text.value).length + (spoilerRow.hidden ? 0 : Array.from(spoiler.value).length);
  }

  function refresh() {
    const left = maxCharacters - length();
    counter.textContent = tn('app.compose.characters_left', left);
    counter.classList.toggle('over', left < 0);
    imageButton.disabled = pollOn || images.length >= MAX_IMAGES;
    pollButton.disabled = images.length > 0;
    addOption.hidden = pollOptions.children.length >= maxOptions;
    const hasContent = text.value.trim().length > 0 || images.length > 0;
    submit.disabled = left < 0 || !hasContent;
  }

  text.addEventListener('input', refresh);
  spoiler.addEventListener('input', refresh);
  text.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) form.requestSubmit();
  });

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    errors.replaceChildren();
    if (!altWarned && images.some((image) => !image.alt.value.trim())) {
      altWarned = true;
      errors.append(h('p', { class: 'warning', role: 'alert' }, t('app.compose.alt_missing')));
      images.find((image) => !image.alt.value.trim()).alt.focus();
      return;
    }
    submit.disabled = true;
    form.setAttribute('aria-busy', 'true');
    try {
      const mediaIds = [];
      for (const image of images) {
        if (!image.uploadedId) {
          const upload = new FormData();
          upload.append('file', image.file);
          if (image.alt.value.trim()) upload.append('description', image.alt.value.trim());
          image.uploadedId = (await call('/api/v2/media', { method: 'POST', form: upload })).data.id;
        }
        mediaIds.push(image.uploadedId);
      }
      const body = {
        status: text.value, visibility: visibility.value, reply_policy: replyPolicy.value,
        spoiler_text: spoilerRow.hidden ? '' : spoiler.value,
        sensitive: !spoilerRow.hidden && spoiler.value.trim().length > 0,
      };
      if (mediaIds.length) body.media_ids = mediaIds;
      if (replyTo) body.in_reply_to_id = replyTo.id;
      if (quote) body.quoted_status_id = quote.id;
      if (pollOn) {
        body.poll = {
          options: Array.from(pollOptions.querySelectorAll('input'), (input) => input.value.trim()),
          expires_in: Number(duration.value), multiple: multiple.checked,
        };
      }
      const { data } = await call('/api/v1/statuses', { method: 'POST', json: body, idempotencyKey });
      idempotencyKey = newIdempotencyKey();
      reset();
      announce(t('app.compose.posted'));
      document.dispatchEvent(new CustomEvent('omnia:posted', { detail: data }));
      onPosted(data);
    } catch (error) {
      errors.replaceChildren(problemBox(error));
      submit.disabled = false;
    } finally {
      form.removeAttribute('aria-busy');
    }
  });

  function reset() {
    text.value = '';
    spoiler.value = '';
    spoilerRow.hidden = true;
    cwButton.setAttribute('aria-pressed', 'false');
    images.splice(0).forEach((image) => URL.revokeObjectURL(image.url));
    imageList.replaceChildren();
    pollOptions.replaceChildren();
    if (pollOn) togglePoll();
    altWarned = false;
    refresh();
  }

  refresh();
  if (autofocus) {
    window.setTimeout(() => {
      text.focus();
      text.setSelectionRange(text.value.length, text.value.length);
    }, 0);
  }
  return form;
}
