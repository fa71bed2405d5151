// The one way the app talks to the server: same-origin JSON calls authenticated by the HttpOnly session
// cookie. Writes carry the CSRF token from the XSRF-TOKEN cookie (double submit); failures become ApiError,
// built from the RFC 9457 problem document every Omnia error is.

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem.detail || problem.title || problem.error || `HTTP ${status}`);
    this.status = status;
    this.title = problem.title || '';
    this.type = problem.type || '';
    this.fields = Array.isArray(problem.errors) ? problem.errors : [];
    this.retryAfter = problem.retryAfter || null;
  }

  /** The message for a field, if the server named it. */
  fieldMessage(field) {
    const hit = this.fields.find((e) => e.field === field);
    return hit ? hit.message : null;
  }
}

function cookie(name) {
  const prefix = `${name}=`;
  for (const part of document.cookie.split(';')) {
    const trimmed = part.trim();
    if (trimmed.startsWith(prefix)) return decodeURIComponent(trimmed.slice(prefix.length));
  }
  return null;
}

function csrfToken() {
  const field = document.querySelector('#sign-out-form input[name="_csrf"]');
  return cookie('XSRF-TOKEN') || (field ? field.value : '');
}

function withQuery(path, query) {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    if (Array.isArray(value)) value.forEach((v) => params.append(`${key}[]`, v));
    else params.append(key, value);
  }
  const text = params.toString();
  return text ? `${path}${path.includes('?') ? '&' : '?'}${text}` : path;
}

/** Mastodon's Link header: rel="next" (older) and rel="prev" (newer) page URLs. */
export function parseLink(header) {
  const links = {};
  if (!header) return links;
  for (const part of header.split(',')) {
    const match = part.match(/<([^>]+)>\s*;\s*rel="([^"]+)"/);
    if (match) {
      const url = new URL(match[1], window.location.origin);
      links[match[2]] = url.pathname + url.search;
    }
  }
  return links;
}

/**
 * Calls the API. Options: method, query (object; arrays become key[]), json (object body), form (FormData),
 * idempotencyKey (sent as Idempotency-Key), signal. Resolves to {data, links}; rejects with ApiError.
 */
export async function call(path, options = {}) {
  const method = options.method || 'GET';
  const headers = { Accept: 'application/json' };
  let body;
  if (options.json !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(options.json);
  } else if (options.form) {
    body = options.form;
  }
  if (UNSAFE.has(method)) headers['X-XSRF-TOKEN'] = csrfToken();
  if (options.idempotencyKey) headers['Idempotency-Key'] = options.idempotencyKey;
  let response;
  try {
    response = await fetch(withQuery(path, options.query), {
      method, headers, body, credentials: 'same-origin', signal: options.signal,
    });
  } catch (error) {
    if (error.name === 'AbortError') throw error;
    throw new ApiError(0, { type: 'network', title: 'network' });
  }
  const text = await response.text();
  let data = null;
  if (text) {
    try { data = JSON.parse(text); } catch { data = null; }
  }
  if (!response.ok) {
    const problem = data && typeof data === 'object' ? data : { title: response.statusText };
    problem.retryAfter = response.headers.get('Retry-After');
    throw new ApiError(response.status, problem);
  }
  return { data, links: parseLink(response.headers.get('Link')) };
}

export const get = (path, query, signal) => call(path, { query, signal }).then((r) => r.data);
export const post = (path, json) => call(path, { method: 'POST', json: json || {} }).then((r) => r.data);
export const del = (path, json) => call(path, { method: 'DELETE', json }).then((r) => r.data);

/** A fresh key for one logical write: the same key on a retry makes the server answer the first result. */
export function newIdempotencyKey() {
  return window.crypto.randomUUID ? window.crypto.randomUUID()
    : Array.from(window.crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}
