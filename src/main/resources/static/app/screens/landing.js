// What a visitor who is not signed in sees at / (and at screens that need an account).
import { setTitle } from '../context.js';
import { clear, h } from '../dom.js';
import { t } from '../i18n.js';

export function renderLanding(root) {
  const shell = document.getElementById('shell');
  setTitle('');
  const back = window.location.pathname === '/' ? '' : `?return_to=${encodeURIComponent(window.location.pathname)}`;
  clear(root).append(h('section', { class: 'landing' },
    h('h1', {}, shell.dataset.title || 'Omnia'),
    h('p', { class: 'lead' }, shell.dataset.description || ''),
    h('p', {}, t('app.landing.pitch')),
    h('div', { class: 'row' },
      h('a', { class: 'button primary', href: '/auth/sign_up' }, t('app.sign_up')),
      h('a', { class: 'button', href: `/auth/sign_in${back}` }, t('app.sign_in'))),
    h('p', {}, h('a', { href: '/public' }, t('app.landing.browse')))));
}
