// The shell: loads the language, who is signed in and the instance's limits, draws the top bar and the
// navigation, opens the streaming socket, and shows the screen for the current address.
import { get } from './api.js';
import { app, isStaff, setTitle } from './context.js';
import { h, clear, icon, problemBox, loading } from './dom.js';
import { LANGUAGES, chooseLanguage, currentLanguage, loadLanguage, t } from './i18n.js';
import { currentRoute, startRouter } from './router.js';
import { SECTIONS } from './sections.js';
import { Stream } from './stream.js';
import { openComposer } from './components/composer-dialog.js';
import { installReportListener } from './components/report-dialog.js';
import { renderLanding } from './screens/landing.js';

const main = document.getElementById('main');
let cleanup = null;
let firstRender = true;
let unreadNotifications = 0;
// Other sections' badges (chat's unread count...), set by their background modules through 'omnia:badge'.
const badges = {};

async function boot() {
  try {
    await loadLanguage(document.documentElement.lang || 'en');
    const [instance, me] = await Promise.all([
      get('/api/v2/instance'),
      get('/api/v1/accounts/verify_credentials').catch((error) => (error.status === 401 ? null : Promise.reject(error))),
    ]);
    app.instance = instance;
    app.me = me;
  } catch (error) {
    clear(main).append(problemBox(error));
    return;
  }
  if (app.me) {
    app.stream = new Stream();
    app.stream.on('user', ['notification'], () => {
      if (currentRoute().section?.id !== 'notifications') {
        unreadNotifications += 1;
        renderNav();
      }
    });
    app.stream.connect();
    // Sections that keep something up to date in the background (a badge) start once signed in.
    SECTIONS.filter((section) => section.start).forEach((section) => section.start()
      .then((module) => module.start())
      .catch((error) => console.error(error)));
  }
  document.addEventListener('omnia:badge', (event) => {
    badges[event.detail.section] = event.detail;
    renderNav();
  });
  document.addEventListener('omnia:language', () => {
    renderChrome();
    show(currentRoute());
  });
  document.addEventListener('omnia:me', (event) => {
    app.me = event.detail;
    renderChrome();
  });
  if (app.me) installReportListener();
  renderChrome();
  startRouter(show);
}

function renderChrome() {
  renderTopbar();
  renderNav();
}

function themeButton() {
  const dark = document.documentElement.dataset.theme === 'dark'
    || (!document.documentElement.dataset.theme && window.matchMedia('(prefers-color-scheme: dark)').matches);
  return h('button', {
    type: 'button', class: 'icon-button', id: 'theme-switch', 'aria-pressed': String(dark), title: t('app.theme.dark'),
    'aria-label': t('app.theme.dark'),
    onclick: () => {
      const next = dark ? 'light' : 'dark';
      document.documentElement.dataset.theme = next;
      try { window.localStorage.setItem('omnia.theme', next); } catch { /* not remembered */ }
      renderTopbar();
      document.getElementById('theme-switch').focus();
    },
  }, icon(dark ? 'moon' : 'sun'));
}

function languageSelect() {
  const select = h('select', {
    id: 'language-switch', 'aria-label': t('app.language'),
    onchange: (event) => chooseLanguage(event.target.value).then(() => document.getElementById('language-switch').focus()),
  }, LANGUAGES.map((l) => h('option', { value: l.code, lang: l.code, selected: l.code === currentLanguage() }, l.name)));
  return select;
}

function renderTopbar() {
  const bar = clear(document.getElementById('topbar'));
  bar.append(h('a', { class: 'brand', href: '/' }, document.getElementById('shell').dataset.title || 'Omnia'));
  const tools = h('div', { class: 'tools' }, themeButton(), languageSelect());
  if (app.me) {
    tools.append(
      h('button', { type: 'button', class: 'primary compose-button', id: 'compose-button', onclick: () => openComposer({}) },
        icon('pen'), h('span', { class: 'label' }, t('app.compose.open'))),
      h('a', { class: 'avatar-link', href: `/@${app.me.username}`, title: t('app.nav.profile') },
        h('img', { class: 'avatar small', src: app.me.avatar, alt: t('app.nav.profile_of', { name: app.me.username }) })),
      h('button', {
        type: 'button', class: 'link-button', id: 'sign-out', title: t('app.sign_out'), 'aria-label': t('app.sign_out'),
        onclick: () => document.getElementById('sign-out-form').submit(),
      }, icon('logout'), h('span', { class: 'label' }, t('app.sign_out'))),
    );
  } else {
    tools.append(h('a', { class: 'button', href: '/auth/sign_in' }, t('app.sign_in')),
      h('a', { class: 'button primary', href: '/auth/sign_up' }, t('app.sign_up')));
  }
  bar.append(tools);
}

function renderNav() {
  const nav = clear(document.getElementById('nav'));
  const route = currentRoute();
  const list = h('ul', {});
  for (const section of SECTIONS) {
    if (!section.nav || (section.signedIn && !app.me) || (section.staff && !isStaff())) continue;
    const current = route.section && (route.section.id === section.id || route.section.navSection === section.id);
    let badge = null;
    let badgeLabel = null;
    if (section.id === 'notifications' && unreadNotifications > 0) {
      badge = h('span', { class: 'badge', id: 'notification-badge' }, String(unreadNotifications));
      badgeLabel = t('app.notifications.unread', { count: unreadNotifications });
    } else if (badges[section.id] && badges[section.id].count > 0) {
      badge = h('span', { class: 'badge', id: `${section.id}-badge` }, String(badges[section.id].count));
      badgeLabel = badges[section.id].label;
    }
    list.append(h('li', { class: section.nav.wideOnly ? 'wide-only' : null },
      h('a', { href: section.nav.href, 'aria-current': current ? 'page' : null, dataset: { section: section.id } },
        icon(section.nav.icon), h('span', { class: 'label' }, t(section.nav.label)), badge,
        badge ? h('span', { class: 'visually-hidden' }, badgeLabel) : null)));
  }
  if (app.me) {
    list.append(h('li', { class: 'narrow-only' }, h('a', { href: `/@${app.me.username}`, dataset: { section: 'me' } },
      icon('user'), h('span', { class: 'label' }, t('app.nav.profile')))));
  }
  nav.append(list);
}

async function show(route) {
  if (cleanup) {
    try { cleanup(); } catch { /* a screen failing to clean up must not block the next one */ }
    cleanup = null;
  }
  if (route.section?.id === 'notifications') unreadNotifications = 0;
  renderNav();
  clear(main).append(loading());
  main.setAttribute('aria-busy', 'true');
  if (!route.section || (route.section.signedIn && !app.me) || (route.section.staff && !isStaff())) {
    if (!app.me) renderLanding(main);
    else notFound();
  } else {
    try {
      const screen = await route.section.screen();
      if (currentRoute().path !== route.path) return; // the person moved on while the module loaded
      cleanup = (await screen.render(main, route.params, route.query)) || null;
    } catch (error) {
      clear(main).append(problemBox(error));
    }
  }
  main.removeAttribute('aria-busy');
  if (!firstRender) {
    const heading = main.querySelector('h1');
    (heading || main).setAttribute('tabindex', '-1');
    (heading || main).focus({ preventScroll: false });
  }
  firstRender = false;
}

function notFound() {
  setTitle(t('app.not_found.title'));
  clear(main).append(h('h1', {}, t('app.not_found.title')), h('p', {}, t('app.not_found.text')),
    h('p', {}, h('a', { href: '/' }, t('app.nav.home'))));
}


boot();
