// Shared by the client-library tests: what Node.js 20 lacks, and waiting for streaming events.

// masto.js 8's streaming client calls Promise.withResolvers (Node.js 22); this machine may have Node.js 20.
Promise.withResolvers ??= function withResolvers() {
  let resolve;
  let reject;
  const promise = new Promise((yes, no) => { resolve = yes; reject = no; });
  return { promise, resolve, reject };
};

/** Collects a subscription's events as they come, and waits (with a deadline) for one that matches. */
export function collect(subscription) {
  const seen = [];
  const waiting = [];
  (async () => {
    for await (const event of subscription) {
      seen.push(event);
      for (const w of [...waiting]) if (w.test(event)) { waiting.splice(waiting.indexOf(w), 1); w.resolve(event); }
    }
  })().catch(() => {});
  return {
    next(test, ms = 10_000) {
      const already = seen.find(test);
      if (already) return Promise.resolve(already);
      return new Promise((resolve, reject) => {
        const w = { test, resolve };
        waiting.push(w);
        setTimeout(() => reject(new Error("no matching streaming event within " + ms + " ms")), ms).unref();
      });
    },
  };
}
