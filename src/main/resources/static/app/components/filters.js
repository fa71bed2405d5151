// The viewer's muted words (Mastodon's filters v2) where statuses are shown. The server marks each status it
// sends with the filters it matches (`filtered`) and already drops `hide` matches from timeline pages; the
// client decides per place (context) as Mastodon's apps do: hide, or collapse behind the filter's title.
// Statuses heard on the streaming socket carry no viewer's marks, so they are fetched again first, but only
// when the viewer has a filter at all.
import { get } from '../api.js';
import { app } from '../context.js';

let known = null;

/** Settings call this after a change, so the next streamed status is checked against the new filters. */
export function forgetFilters() {
  known = null;
}

async function anyFilter() {
  if (!app.me) return false;
  if (!known) known = get('/api/v2/filters').then((filters) => filters.length > 0).catch(() => { known = null; return false; });
  return known;
}

/** {action: 'hide'} or {action: 'warn', titles} for a status shown in a context (home, public, ...), or null. */
export function filterVerdict(status, context) {
  if (!context || !status) return null;
  const marks = [...(status.filtered || []), ...((status.reblog && status.reblog.filtered) || [])];
  const now = Date.now();
  const results = marks.filter((r) => r.filter && (r.filter.context || []).includes(context)
    && (!r.filter.expires_at || Date.parse(r.filter.expires_at) > now));
  if (!results.length) return null;
  if (results.some((r) => r.filter.filter_action === 'hide')) return { action: 'hide' };
  return { action: 'warn', titles: [...new Set(results.map((r) => r.filter.title))] };
}

/** A streamed status with the viewer's filter marks: fetched again when the viewer has filters. */
export async function withFilterMarks(status) {
  if (!(await anyFilter())) return status;
  try {
    return await get(`/api/v1/statuses/${status.id}`);
  } catch {
    return status; // gone or not visible: the caller shows what it heard, as before
  }
}
