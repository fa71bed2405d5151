// Settings: profile, password, two-factor authentication and sessions, privacy (with chat's), muted words,
// appearance.
import { call } from '../api.js';
import { check, field, settingsForm } from '../components/settings-form.js';
import { setTitle } from '../context.js';
import { announce, clear, fill, h, loading, problemBox } from '../dom.js';
import { LANGUAGES, chooseLanguage, currentLanguage, t } from '../i18n.js';
import { filters } from './settings-filters.js';

const SECTIONS = ['profile', 'password', 'security', 'privacy', 'filters', 'appearance'];

export async function render(root, params) {
  const section = params.section || 'profile';
  setTitle(`${t('app.nav.settings')} · ${t(`app.settings.${section}`)}`);
  const tabs = h('nav', { class: 'tabs', 'aria-label': t('app.settings.sections') },
    SECTIONS.map((s) => h('a', { href: `/settings/${s}`, 'aria-current': s === section ? 'page' : null }, t(`app.settings.${s}`))));
  const body = h('section', { class: 'settings' });
  clear(root).append(h('h1', { class: 'screen-title' }, t('app.nav.settings')), tabs, body);
  // On a phone the tabs scroll sideways: bring the open one into view (Muted words sits past the edge).
  tabs.querySelector('[aria-current=page]')?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  const me = (await call('/api/v1/accounts/verify_credentials')).data;
  ({ profile, password, security, privacy, filters, appearance })[section](body, me);
  return null;
}

function profile(body, me) {
  const avatarPreview = h('img', { class: 'avatar large', src: me.avatar, alt: t('app.settings.avatar_current') });
  const avatar = h('input', { type: 'file', name: 'avatar', accept: 'image/jpeg,image/png,image/gif,image/webp' });
  avatar.addEventListener('change', () => {
    if (avatar.files[0]) avatarPreview.src = URL.createObjectURL(avatar.files[0]);
  });
  body.append(settingsForm([
    field('display_name', t('app.settings.display_name'), h('input', { name: 'display_name', maxlength: '30', value: me.display_name })),
    field('note', t('app.settings.note'), h('textarea', { name: 'note', maxlength: '500', rows: '4', text: me.source?.note ?? '' })),
    h('div', { class: 'row' }, avatarPreview, h('div', { class: 'stack' }, field('avatar', t('app.settings.avatar'), avatar))),
  ], t('app.settings.save'), async (form) => {
    const data = new FormData();
    data.append('display_name', form.querySelector('#display_name').value);
    data.append('note', form.querySelector('#note').value);
    if (avatar.files[0]) data.append('avatar', avatar.files[0]);
    const updated = (await call('/api/v1/accounts/update_credentials', { method: 'PATCH', form: data })).data;
    document.dispatchEvent(new CustomEvent('omnia:me', { detail: updated }));
    return t('app.settings.saved');
  }));
}

function password(body) {
  body.append(settingsForm([
    field('current_password', t('app.settings.current_password'), h('input', { type: 'password', autocomplete: 'current-password', required: true })),
    field('new_password', t('app.settings.new_password'), h('input', { type: 'password', autocomplete: 'new-password', minlength: '10', required: true }), t('app.settings.password_hint')),
  ], t('app.settings.change_password'), async (form) => {
    await call('/api/omnia/v1/account/password', { method: 'POST', json: {
      current_password: form.querySelector('#current_password').value, password: form.querySelector('#new_password').value } });
    window.location.assign('/auth/sign_in'); // every session ends with a new password, this one too
    return null;
  }));
}

function security(body, me) {
  const enabled = Boolean(me.source?.two_factor_enabled);
  body.append(h('h2', { class: 'section-title' }, t('app.settings.two_factor')),
    h('p', {}, t(enabled ? 'app.settings.two_factor_on' : 'app.settings.two_factor_off')));
  if (enabled) {
    body.append(settingsForm([
      field('tf_password', t('app.settings.current_password'), h('input', { type: 'password', autocomplete: 'current-password' })),
    ], t('app.settings.two_factor_disable'), async (form) => {
      await call('/api/omnia/v1/account/two_factor', { method: 'DELETE', json: { password: form.querySelector('#tf_password').value } });
      clear(body);
      security(body, { ...me, source: { ...me.source, two_factor_enabled: false } });
      return null;
    }));
  } else {
    const setup = h('div', { class: 'stack' });
    const begin = h('button', { type: 'button', class: 'primary' }, t('app.settings.two_factor_begin'));
    begin.addEventListener('click', async () => {
      try {
        const secret = (await call('/api/omnia/v1/account/two_factor', { method: 'POST' })).data;
        begin.remove();
        setup.append(h('p', {}, t('app.settings.two_factor_secret')), h('code', { class: 'secret' }, secret.secret),
          h('p', {}, h('a', { href: secret.otpauth_uri }, t('app.settings.two_factor_open_app'))),
          settingsForm([field('otp', t('app.settings.two_factor_code'), h('input', { inputmode: 'numeric', autocomplete: 'one-time-code', pattern: '[0-9]{6}' }))],
            t('app.settings.two_factor_confirm'), async (form) => {
              await call('/api/omnia/v1/account/two_factor/confirm', { method: 'POST', json: { otp: form.querySelector('#otp').value } });
              clear(body);
              security(body, { ...me, source: { ...me.source, two_factor_enabled: true } });
              announce(t('app.settings.two_factor_on'));
              return null;
            }));
        setup.querySelector('#otp').focus();
      } catch (error) {
        setup.append(problemBox(error));
      }
    });
    body.append(begin, setup);
  }
  body.append(h('h2', { class: 'section-title' }, t('app.settings.sessions')), h('p', {}, t('app.settings.sessions_text')),
    h('button', { type: 'button', class: 'danger', onclick: () => document.getElementById('sign-out-form').submit() }, t('app.settings.sign_out_everywhere')));
}

function privacy(body, me) {
  body.append(settingsForm([
    check('locked', t('app.settings.locked'), me.locked, t('app.settings.locked_hint')),
    check('discoverable', t('app.settings.discoverable'), Boolean(me.discoverable), t('app.settings.discoverable_hint')),
    check('bot', t('app.settings.bot'), me.bot),
  ], t('app.settings.save'), async (form) => {
    const json = {};
    for (const name of ['locked', 'discoverable', 'bot']) json[name] = form.querySelector(`#${name}`).checked;
    const updated = (await call('/api/v1/accounts/update_credentials', { method: 'PATCH', json })).data;
    document.dispatchEvent(new CustomEvent('omnia:me', { detail: updated }));
    return t('app.settings.saved');
  }));
  const chat = h('div', { class: 'chat-privacy' }, loading());
  body.append(h('h2', { class: 'section-title' }, t('app.settings.chat')), chat);
  chatPrivacy(chat);
}

const ALLOW_MESSAGES_FROM = ['everyone', 'followed', 'nobody'];

/** Messaging's own settings: who may start a conversation with me, and whether I send read receipts. */
async function chatPrivacy(box) {
  let current;
  try {
    current = (await call('/api/omnia/v1/chat/settings')).data;
  } catch (error) {
    fill(box, problemBox(error));
    return;
  }
  fill(box, settingsForm([
    h('fieldset', { class: 'stack' }, h('legend', {}, t('app.settings.chat_allow')),
      ALLOW_MESSAGES_FROM.map((value) => h('label', { class: 'check' },
        h('input', { type: 'radio', name: 'allow_messages_from', value, checked: value === current.allow_messages_from }),
        h('span', {}, t(`app.settings.chat_allow_${value}`))))),
    check('read_receipts', t('app.settings.chat_receipts'), Boolean(current.read_receipts), t('app.settings.chat_receipts_hint')),
  ], t('app.settings.save'), async (form) => {
    const chosen = form.querySelector('input[name=allow_messages_from]:checked');
    const json = { read_receipts: form.querySelector('#read_receipts').checked };
    if (chosen) json.allow_messages_from = chosen.value;
    await call('/api/omnia/v1/chat/settings', { method: 'PUT', json });
    return t('app.settings.saved');
  }));
}

function appearance(body) {
  const saved = document.documentElement.dataset.theme || 'system';
  const themes = h('fieldset', { class: 'stack' }, h('legend', {}, t('app.settings.theme')),
    ['system', 'light', 'dark'].map((value) => h('label', { class: 'check' },
      h('input', { type: 'radio', name: 'theme', value, checked: value === saved, onchange: () => {
        if (value === 'system') delete document.documentElement.dataset.theme;
        else document.documentElement.dataset.theme = value;
        try {
          if (value === 'system') window.localStorage.removeItem('omnia.theme'); else window.localStorage.setItem('omnia.theme', value);
        } catch { /* not remembered */ }
        announce(t(`app.settings.theme_${value}`));
      } }), h('span', {}, t(`app.settings.theme_${value}`)))));
  const languages = h('fieldset', { class: 'stack' }, h('legend', {}, t('app.language')),
    LANGUAGES.map((l) => h('label', { class: 'check', lang: l.code },
      h('input', { type: 'radio', name: 'language', value: l.code, checked: l.code === currentLanguage(), onchange: () => chooseLanguage(l.code) }),
      h('span', {}, l.name))));
  body.append(themes, languages);
}
