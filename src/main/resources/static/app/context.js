// What every screen may need: the signed-in account (null for visitors), the instance's limits, the shared
// streaming socket. Filled in once by main.js before the first screen renders.
export const app = {
  me: null,
  instance: null,
  stream: null,
};

/** Sets the window title from a screen's heading. */
export function setTitle(text) {
  const site = document.getElementById('shell').dataset.title || 'Omnia';
  document.title = text ? `${text} · ${site}` : site;
}

/**
 * Whether the signed-in account may moderate: its role (Mastodon's CredentialAccount role) carries the
 * administrator (0x1) or manage-reports (0x10) permission. The server checks again on every call.
 */
export function isStaff(me = app.me) {
  const permissions = Number(me?.role?.permissions || 0);
  return (permissions & 0x1) !== 0 || (permissions & 0x10) !== 0;
}
