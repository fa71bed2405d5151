// Addresses are real paths (/@alice/123, /tags/java): the server answers every one with the app's shell, so
// links can be shared and reloaded. Same-origin links inside the app are followed without a page load.
import { match } from './sections.js';

let onRoute = () => {};

export function startRouter(handler) {
  onRoute = handler;
  window.addEventListener('popstate', () => onRoute(currentRoute()));
  document.addEventListener('click', (event) => {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const link = event.target.closest('a[href]');
    if (!link || link.target === '_blank' || link.hasAttribute('download')) return;
    const url = new URL(link.href, window.location.href);
    if (url.origin !== window.location.origin || !match(url.pathname)) return;
    event.preventDefault();
    navigate(url.pathname + url.search);
  });
  onRoute(currentRoute());
}

export function currentRoute() {
  const found = match(window.location.pathname);
  return { path: window.location.pathname, query: new URLSearchParams(window.location.search), ...(found || {}) };
}

export function navigate(path, { replace = false } = {}) {
  if (replace) window.history.replaceState({}, '', path);
  else window.history.pushState({}, '', path);
  onRoute(currentRoute());
}

/** The thread address of a status, the one the API's url member names. */
export function statusPath(status) {
  return `/@${status.account.username}/${status.id}`;
}

export function profilePath(account, tab) {
  return `/@${account.username}${tab ? `/${tab}` : ''}`;
}
