// One WebSocket to /api/v1/streaming for the whole app, authenticated by the session cookie (the server
// checks that the page comes from its own origin). Screens subscribe to Mastodon streams and receive events;
// subscriptions survive reconnects, and listeners are told when the socket (re)opens so they can fetch what
// they missed while it was down.

const RETRY_MAX_MS = 30000;

export class Stream extends EventTarget {
  constructor() {
    super();
    this.subscriptions = new Map();
    this.socket = null;
    this.retryMs = 1000;
    this.stopped = false;
  }

  connect() {
    this.stopped = false;
    const scheme = window.location.protocol === 'https:' ? 'wss:' : 'ws:';
    const socket = new WebSocket(`${scheme}//${window.location.host}/api/v1/streaming`);
    this.socket = socket;
    this.setState('connecting');
    socket.addEventListener('open', () => {
      this.retryMs = 1000;
      for (const key of this.subscriptions.keys()) this.send('subscribe', key);
      this.setState('open');
      this.dispatchEvent(new CustomEvent('open'));
    });
    socket.addEventListener('message', (message) => this.receive(message.data));
    socket.addEventListener('close', () => {
      if (this.socket !== socket) return;
      this.setState('closed');
      if (!this.stopped) {
        window.setTimeout(() => this.connect(), this.retryMs);
        this.retryMs = Math.min(this.retryMs * 2, RETRY_MAX_MS);
      }
    });
  }

  stop() {
    this.stopped = true;
    if (this.socket) this.socket.close();
  }

  setState(state) {
    this.state = state;
    document.body.dataset.stream = state;
  }

  receive(text) {
    let message;
    try { message = JSON.parse(text); } catch { return; }
    if (!message.event) return;
    let payload = message.payload;
    if (typeof payload === 'string') {
      try { payload = JSON.parse(payload); } catch { /* delete events carry a bare id */ }
    }
    const streams = Array.isArray(message.stream) ? message.stream : [];
    this.dispatchEvent(new CustomEvent('event', { detail: { event: message.event, stream: streams, payload } }));
  }

  /** Subscribes (counted, so two screens can share a stream); returns the function that unsubscribes. */
  subscribe(stream, tag) {
    const key = tag ? `${stream}#${tag.toLowerCase()}` : stream;
    const count = this.subscriptions.get(key) || 0;
    this.subscriptions.set(key, count + 1);
    if (count === 0) this.send('subscribe', key);
    return () => {
      const left = (this.subscriptions.get(key) || 1) - 1;
      if (left > 0) {
        this.subscriptions.set(key, left);
      } else {
        this.subscriptions.delete(key);
        this.send('unsubscribe', key);
      }
    };
  }

  send(type, key) {
    if (!this.socket || this.socket.readyState !== WebSocket.OPEN) return;
    const [stream, tag] = key.split('#');
    this.socket.send(JSON.stringify(tag ? { type, stream, tag } : { type, stream }));
  }

  /** Calls listener(detail) for events of the given kinds on the given stream name; returns the remover. */
  on(streamName, kinds, listener) {
    const handler = (event) => {
      const { detail } = event;
      if (detail.stream[0] === streamName && kinds.includes(detail.event)) listener(detail);
    };
    this.addEventListener('event', handler);
    return () => this.removeEventListener('event', handler);
  }

  onOpen(listener) {
    this.addEventListener('open', listener);
    return () => this.removeEventListener('open', listener);
  }
}
