// The shell's sections: each is an address pattern, a screen module loaded on first use, and (optionally) a
// place in the navigation. Chat, wallet and moderation add themselves here as more entries; nothing else in
// the shell needs to change.

export const SECTIONS = [
  { id: 'home', pattern: /^\/$/, screen: () => import('./screens/home.js'), nav: { href: '/', label: 'app.nav.home', icon: 'home' }, signedIn: true },
  { id: 'notifications', pattern: /^\/notifications$/, screen: () => import('./screens/notifications.js'), nav: { href: '/notifications', label: 'app.nav.notifications', icon: 'bell' }, signedIn: true },
  { id: 'chat', pattern: /^\/chat(?:\/(requests|archived|new|\d+))?(?:\/(info))?$/, params: ['view', 'tab'], screen: () => import('./screens/chat.js'), nav: { href: '/chat', label: 'app.nav.chat', icon: 'chat' }, signedIn: true, start: () => import('./components/chat-unread.js') },
  { id: 'public', pattern: /^\/public(?:\/(local))?$/, params: ['scope'], screen: () => import('./screens/public.js'), nav: { href: '/public', label: 'app.nav.public', icon: 'globe' } },
  { id: 'search', pattern: /^\/search$/, screen: () => import('./screens/search.js'), nav: { href: '/search', label: 'app.nav.search', icon: 'search' }, signedIn: true },
  { id: 'wallet', pattern: /^\/wallet(?:\/(send|request|requests|cards|topup|withdraw|history))?$/, params: ['view'], screen: () => import('./screens/wallet.js'), nav: { href: '/wallet', label: 'app.nav.wallet', icon: 'wallet' }, signedIn: true, start: () => import('./components/wallet-notices.js') },
  { id: 'bookmarks', pattern: /^\/bookmarks$/, screen: () => import('./screens/bookmarks.js'), nav: { href: '/bookmarks', label: 'app.nav.bookmarks', icon: 'bookmark', wideOnly: true }, signedIn: true },
  { id: 'settings', pattern: /^\/settings(?:\/(profile|password|security|privacy|filters|appearance))?$/, params: ['section'], screen: () => import('./screens/settings.js'), nav: { href: '/settings', label: 'app.nav.settings', icon: 'gear', wideOnly: true }, signedIn: true },
  { id: 'moderation', pattern: /^\/moderation(?:\/(appeals|supervision|resolved))?$/, params: ['view'], screen: () => import('./screens/moderation.js'), nav: { href: '/moderation', label: 'app.moderation.nav', icon: 'shield' }, signedIn: true, staff: true },
  { id: 'moderation-report', navSection: 'moderation', pattern: /^\/moderation\/reports\/(\d+)$/, params: ['id'], screen: () => import('./screens/moderation-report.js'), signedIn: true, staff: true },
  { id: 'safety', pattern: /^\/safety(?:\/(reports))?$/, params: ['view'], screen: () => import('./screens/safety.js'), nav: { href: '/safety', label: 'app.moderation.safety.nav', icon: 'flag', wideOnly: true }, signedIn: true },
  { id: 'tag', pattern: /^\/tags\/([^/]+)$/, params: ['tag'], screen: () => import('./screens/tag.js') },
  { id: 'thread', pattern: /^\/@([A-Za-z0-9_]+)\/(\d+)$/, params: ['username', 'id'], screen: () => import('./screens/thread.js') },
  { id: 'status', pattern: /^\/statuses\/(\d+)$/, params: ['id'], screen: () => import('./screens/thread.js') },
  { id: 'profile', pattern: /^\/@([A-Za-z0-9_]+)(?:\/(with_replies|media|followers|following))?$/, params: ['username', 'tab'], screen: () => import('./screens/profile.js') },
];

/** The section and its parameters for an address, or null. */
export function match(pathname) {
  for (const section of SECTIONS) {
    const found = section.pattern.exec(pathname);
    if (found) {
      const params = {};
      (section.params || []).forEach((name, index) => {
        params[name] = found[index + 1] === undefined ? null : decodeURIComponent(found[index + 1]);
      });
      return { section, params };
    }
  }
  return null;
}
