// A navigation entry's badge (chat's unread messages, the wallet's notices), shared by their background modules:
// counted by the given function, recounted a moment after anything that may change it (a burst of events costs
// one request), and shown through the 'omnia:badge' event that main.js listens to.
import { tn } from '../i18n.js';

const RECOUNT_DELAY_MS = 400;

/** `count` resolves to the number to show; `labelKey` is the plural message naming it. */
export function sectionBadge(section, labelKey, count) {
  let timer = null;

  async function recount() {
    try {
      const n = await count();
      document.dispatchEvent(new CustomEvent('omnia:badge', {
        detail: { section, count: n, label: n ? tn(labelKey, n) : '' },
      }));
    } catch { /* the badge stays as it was; the next event tries again */ }
  }

  function recountSoon() {
    window.clearTimeout(timer);
    timer = window.setTimeout(recount, RECOUNT_DELAY_MS);
  }

  return { recount, recountSoon };
}
