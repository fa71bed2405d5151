// The app's strings come from the server's message bundles (/app/i18n/<lang>), the same ones its sign-in and
// sign-up pages use. The language is the server's choice for this browser (cookie, else Accept-Language),
// and the switch writes the same cookie so both agree.

export const LANGUAGES = [{ code: 'en', name: 'English' }, { code: 'fr', name: 'Français' }];

let messages = {};
let language = 'en';

export async function loadLanguage(code) {
  const response = await fetch(`/app/i18n/${encodeURIComponent(code)}`, { credentials: 'same-origin' });
  if (!response.ok) throw new Error(`No messages for ${code}`);
  messages = await response.json();
  language = code;
  document.documentElement.lang = code;
}

export function currentLanguage() {
  return language;
}

/** Chooses a language for this browser (remembered for a year) and tells the app to redraw. */
export async function chooseLanguage(code) {
  document.cookie = `omnia_lang=${code}; path=/; max-age=31536000; samesite=lax`;
  await loadLanguage(code);
  document.dispatchEvent(new CustomEvent('omnia:language'));
}

/** The message for a key, with {name} placeholders filled in. A missing key shows itself (and is tested for). */
export function t(key, params) {
  let text = messages[key];
  if (text === undefined) {
    console.warn(`missing message ${key}`);
    return key;
  }
  if (params) {
    text = text.replace(/\{(\w+)\}/g, (whole, name) => (params[name] === undefined ? whole : String(params[name])));
  }
  return text;
}

/** A counted message: key.one or key.other, by the language's plural rules. */
export function tn(key, count, params) {
  const rule = new Intl.PluralRules(language).select(count);
  const formatted = new Intl.NumberFormat(language).format(count);
  return t(`${key}.${rule === 'one' ? 'one' : 'other'}`, { ...params, count: formatted });
}

export function formatNumber(value) {
  return new Intl.NumberFormat(language, { notation: value >= 10000 ? 'compact' : 'standard' }).format(value);
}

export function formatDateTime(iso) {
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}

const UNITS = [['year', 31536000], ['month', 2592000], ['day', 86400], ['hour', 3600], ['minute', 60], ['second', 1]];

/** "5 minutes ago", "in 2 days": for post times and poll deadlines. */
export function relativeTime(iso) {
  const seconds = Math.round((new Date(iso).getTime() - Date.now()) / 1000);
  const format = new Intl.RelativeTimeFormat(language, { numeric: 'auto', style: 'short' });
  for (const [unit, size] of UNITS) {
    if (Math.abs(seconds) >= size || unit === 'second') return format.format(Math.trunc(seconds / size), unit);
  }
  return '';
}
