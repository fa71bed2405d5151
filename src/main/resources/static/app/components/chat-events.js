// The chat stream for the whole app: subscribed once, each event handed to the listeners once. While the
// socket is open the server's relay sends the account's events in seq order with no gap; after a reconnect
// the entries missed meanwhile are read from /chat/sync, from the last seq seen. Before any event was seen
// there is no position to read from, so listeners are asked to reload what they show instead.
import { get } from '../api.js';
import { app } from '../context.js';

const SYNC_PAGES = 4;
const REMEMBERED = 2000;

const listeners = new Set();
const reloaders = new Set();
const delivered = new Set();
let lastSeq = null;
let started = false;

export function startChatEvents() {
  if (started || !app.stream) return;
  started = true;
  app.stream.subscribe('chat');
  app.stream.addEventListener('event', (event) => {
    if (event.detail.stream[0] === 'chat' && event.detail.payload && typeof event.detail.payload === 'object') {
      deliver(event.detail.payload);
    }
  });
  let opened = app.stream.state === 'open';
  app.stream.onOpen(() => {
    if (opened) catchUp(lastSeq);
    opened = true;
  });
}

/** listener(entry) for entries whose type is in kinds (all when kinds is null); returns the remover. */
export function onChat(kinds, listener) {
  const wrapped = (entry) => { if (!kinds || kinds.includes(entry.type)) listener(entry); };
  listeners.add(wrapped);
  return () => listeners.delete(wrapped);
}

/** listener() when what was missed cannot be replayed and should be read again; returns the remover. */
export function onChatReload(listener) {
  reloaders.add(listener);
  return () => reloaders.delete(listener);
}

function deliver(entry) {
  if (typeof entry.seq === 'number') {
    if (delivered.has(entry.seq)) return;
    delivered.add(entry.seq);
    if (delivered.size > REMEMBERED) delivered.delete(delivered.values().next().value);
    lastSeq = Math.max(lastSeq || 0, entry.seq);
  }
  for (const listener of [...listeners]) {
    try { listener(entry); } catch (error) { console.error(error); }
  }
}

async function catchUp(from) {
  if (from === null) {
    reloaders.forEach((reload) => reload());
    return;
  }
  try {
    let since = from;
    for (let page = 0; page < SYNC_PAGES; page += 1) {
      const found = await get('/api/omnia/v1/chat/sync', { since, limit: 500 });
      found.events.forEach(deliver);
      since = found.last_seq;
      if (!found.more) return;
    }
  } catch { /* fall through: reading again is always right */ }
  reloaders.forEach((reload) => reload());
}
