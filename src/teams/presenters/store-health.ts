import type { StoreHealth } from '../../app/setup-channel.js';
import { translator, type Translate } from '../i18n/translate.js';

/** One line for `/setup status`: the store's state and anything an administrator should look at. */
export function describeStoreHealth(h: StoreHealth, t: Translate = translator('en')): string {
  const head =
    h.status === 'ok'
      ? t('replies.setup.store-ok')
      : t('replies.setup.store-degraded', { reason: h.reason ?? t('replies.setup.unknown') });
  // The problems are the store's own diagnostics (file names, errno codes), shown as they are.
  const rest = h.problems.filter((p) => p !== h.reason);
  return rest.length ? `${head}\n${t('replies.setup.store-problems')}\n- ${rest.join('\n- ')}` : head;
}
