// Small DOM helpers: an element builder (text is always set as text, never parsed as HTML), a sanitiser for
// the one piece of HTML the API sends (status content), and the shared live region and toasts.
import { t } from './i18n.js';

/**
 * h('button', {class: 'x', onclick: fn, 'aria-label': '...'}, child, ...): children are nodes, strings
 * (text), arrays or null. Boolean attribute values add or omit the attribute.
 */
export function h(tag, attributes, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') element.addEventListener(name.slice(2), value);
    else if (name === 'class') element.className = value;
    else if (name === 'text') element.textContent = value;
    else if (name === 'dataset') Object.assign(element.dataset, value);
    else if (name === 'value' || name === 'checked' || name === 'disabled' || name === 'selected') element[name] = value;
    else element.setAttribute(name, value === true ? '' : value);
  }
  append(element, children);
  return element;
}

function append(parent, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(parent, child);
    else parent.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

export function clear(element) {
  element.replaceChildren();
  return element;
}

/** Replaces an element's children; null and false children are skipped (DOM's own append would print them). */
export function fill(element, ...children) {
  element.replaceChildren();
  append(element, children);
  return element;
}

const ALLOWED = { A: ['href', 'class', 'rel'], P: [], BR: [], SPAN: ['class'], B: [], STRONG: [], I: [], EM: [],
  CODE: [], PRE: [], BLOCKQUOTE: [], UL: [], OL: [], LI: [], DEL: [] };

/** Status content as nodes: only a few inline tags survive, links keep http(s) targets only. */
export function sanitizedContent(html) {
  const template = document.createElement('template');
  template.innerHTML = html || '';
  const walk = (node) => {
    for (const child of Array.from(node.childNodes)) {
      if (child.nodeType === Node.TEXT_NODE) continue;
      if (child.nodeType !== Node.ELEMENT_NODE || !(child.tagName in ALLOWED)) {
        child.replaceWith(document.createTextNode(child.textContent || ''));
        continue;
      }
      for (const attribute of Array.from(child.attributes)) {
        if (!ALLOWED[child.tagName].includes(attribute.name)) child.removeAttribute(attribute.name);
      }
      if (child.tagName === 'A') {
        const href = child.getAttribute('href') || '';
        if (!/^https?:\/\//i.test(href) && !href.startsWith('/')) child.removeAttribute('href');
        const internal = href.startsWith('/') || href.startsWith(window.location.origin);
        if (!internal) {
          child.setAttribute('rel', 'nofollow noopener noreferrer');
          child.setAttribute('target', '_blank');
        }
      }
      walk(child);
    }
  };
  walk(template.content);
  return template.content;
}

/** Says something to screen readers without moving focus. */
export function announce(message) {
  const region = document.getElementById('announcer');
  region.textContent = '';
  window.setTimeout(() => { region.textContent = message; }, 30);
}

export function toast(message, kind = 'info') {
  const box = document.getElementById('toasts');
  const item = h('div', { class: `toast ${kind}`, role: kind === 'error' ? 'alert' : 'status' }, message);
  box.append(item);
  window.setTimeout(() => item.remove(), 6000);
}

/** An API failure as a readable block: the problem's detail, each named field, and what to do next. */
export function problemBox(error) {
  const box = h('div', { class: 'problem', role: 'alert' });
  if (!error || error.status === undefined) {
    box.append(h('p', {}, t('app.error.generic')));
    return box;
  }
  let lead = error.message;
  if (error.status === 0) lead = t('app.error.network');
  else if (error.status === 401) lead = t('app.error.signed_out');
  else if (error.status === 429) lead = t('app.error.rate_limited', { seconds: error.retryAfter || '60' });
  else if (error.status >= 500) lead = t('app.error.server');
  box.append(h('p', {}, lead));
  if (error.fields && error.fields.length) {
    box.append(h('ul', {}, error.fields.map((f) => h('li', {}, f.field ? `${f.field}: ${f.message}` : f.message))));
  }
  return box;
}

export function loading() {
  return h('p', { class: 'loading', role: 'status' }, t('app.loading'));
}

export function empty(message) {
  return h('p', { class: 'empty' }, message);
}

/** An <svg> icon from the inline sprite (icons.js); decorative unless labelled by its button. */
export function icon(name) {
  const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  svg.setAttribute('class', 'icon');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('viewBox', '0 0 24 24');
  const use = document.createElementNS('http://www.w3.org/2000/svg', 'path');
  use.setAttribute('d', ICONS[name] || ICONS.dot);
  svg.append(use);
  return svg;
}

const ICONS = {
  home: 'M3 11l9-8 9 8v10h-6v-6H9v6H3z',
  globe: 'M12 2a10 10 0 100 20 10 10 0 000-20zm0 2c1.5 1.7 2.5 4.4 2.6 7H9.4c.1-2.6 1.1-5.3 2.6-7zM4.1 13h3.3c.1 2.3.8 4.4 1.8 6.2A8 8 0 014.1 13zm0-2a8 8 0 015.1-6.2C8.2 6.6 7.5 8.7 7.4 11zm5.3 2h5.2c-.1 2.6-1.1 5.3-2.6 7-1.5-1.7-2.5-4.4-2.6-7zm7.2 0h3.3a8 8 0 01-5.1 6.2c1-1.8 1.7-3.9 1.8-6.2zm0-2c-.1-2.3-.8-4.4-1.8-6.2A8 8 0 0119.9 11z',
  bell: 'M12 22a2 2 0 002-2h-4a2 2 0 002 2zm6-6V11a6 6 0 00-5-5.9V4a1 1 0 10-2 0v1.1A6 6 0 006 11v5l-2 2v1h16v-1z',
  search: 'M10 3a7 7 0 015.6 11.2l5.1 5.1-1.4 1.4-5.1-5.1A7 7 0 1110 3zm0 2a5 5 0 100 10 5 5 0 000-10z',
  bookmark: 'M6 3h12v18l-6-4-6 4z',
  gear: 'M12 8a4 4 0 110 8 4 4 0 010-8zm8.4 5.5l2 1.5-2 3.5-2.4-1a7 7 0 01-1.9 1.1L15.8 21h-4l-.4-2.4a7 7 0 01-1.9-1.1l-2.3 1-2-3.5 2-1.5a7 7 0 010-2.2l-2-1.5 2-3.5 2.3 1a7 7 0 011.9-1.1L11.8 3h4l.3 2.6a7 7 0 011.9 1.1l2.4-1 2 3.5-2 1.5a7 7 0 010 2.2z',
  user: 'M12 12a5 5 0 100-10 5 5 0 000 10zm0 2c-4.4 0-8 2.2-8 5v2h16v-2c0-2.8-3.6-5-8-5z',
  pen: 'M3 17.2V21h3.8l11-11-3.8-3.8zM20.7 7a1 1 0 000-1.4l-2.3-2.3a1 1 0 00-1.4 0l-1.8 1.8 3.8 3.8z',
  reply: 'M10 9V5l-7 7 7 7v-4.1c5 0 8.5 1.6 11 5.1-1-5-4-10-11-11z',
  boost: 'M7 7h10v3l4-4-4-4v3H5v6h2zm10 10H7v-3l-4 4 4 4v-3h12v-6h-2z',
  star: 'M12 17.3l6.2 3.7-1.6-7 5.4-4.7-7.1-.6L12 2 9.1 8.7 2 9.3l5.4 4.7-1.6 7z',
  quote: 'M6 17h3l2-4V7H5v6h3zm8 0h3l2-4V7h-6v6h3z',
  trash: 'M6 19a2 2 0 002 2h8a2 2 0 002-2V7H6zM19 4h-3.5l-1-1h-5l-1 1H5v2h14z',
  sun: 'M12 7a5 5 0 110 10 5 5 0 010-10zM11 1h2v3h-2zm0 19h2v3h-2zM1 11h3v2H1zm19 0h3v2h-3z',
  moon: 'M12 3a9 9 0 109 9 7 7 0 01-9-9z',
  image: 'M21 19V5a2 2 0 00-2-2H5a2 2 0 00-2 2v14a2 2 0 002 2h14a2 2 0 002-2zM8.5 13.5l2.5 3 3.5-4.5 4.5 6H5z',
  poll: 'M4 20h4V10H4zm6 0h4V4h-4zm6 0h4v-7h-4z',
  warning: 'M1 21h22L12 2zm12-3h-2v-2h2zm0-4h-2v-4h2z',
  check: 'M9 16.2l-4.2-4.2-1.4 1.4L9 19 21 7l-1.4-1.4z',
  logout: 'M10 17l1.4-1.4L8.8 13H20v-2H8.8l2.6-2.6L10 7l-5 5zM4 5h7V3H4a2 2 0 00-2 2v14a2 2 0 002 2h7v-2H4z',
  dot: 'M12 9a3 3 0 110 6 3 3 0 010-6z',
  chat: 'M4 4h16v12H7l-3 3z',
  send: 'M2 21l21-9L2 3v7l15 2-15 2z',
  'bell-off': 'M12 22a2 2 0 002-2h-4a2 2 0 002 2zm6-6v-5a6 6 0 00-5-5.9V4a1 1 0 10-2 0v1.1c-.6.1-1.2.3-1.7.6L18 14.4zM3.3 2.3L2 3.6l4.3 4.3A6 6 0 006 11v5l-2 2v1h13.4l2.9 2.9 1.3-1.3z',
  wallet: 'M3 6h16v3h2v6h-2v3H3zm13 5a1 1 0 100 2 1 1 0 000-2z',
  shield: 'M12 2l8 3v6c0 5-3.4 9.7-8 11-4.6-1.3-8-6-8-11V5z',
  flag: 'M5 3h2v18H5zm3 1h10l-2 4 2 4H8z',
};
