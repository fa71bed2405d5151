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
