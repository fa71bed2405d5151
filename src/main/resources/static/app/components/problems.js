// One sentence for a failed call, for toasts (problemBox in dom.js is the long form).
import { t } from '../i18n.js';

export function problemMessage(error) {
  if (!error || error.status === undefined) return t('app.error.generic');
  if (error.status === 0) return t('app.error.network');
  if (error.status === 429) return t('app.error.rate_limited', { seconds: error.retryAfter || '60' });
  if (error.status >= 500) return t('app.error.server');
  return error.message;
}
