import type { StoreHealth } from '../../app/setup-channel.js';

/** One line for `/setup status`: the store's state and anything an administrator should look at. */
export function describeStoreHealth(h: StoreHealth): string {
  const head =
    h.status === 'ok'
      ? 'Store: ok.'
      : `Store: DEGRADED (${h.reason ?? 'unknown'}); nothing can be saved until this is fixed.`;
  const rest = h.problems.filter((p) => p !== h.reason);
  return rest.length ? `${head}\nStore problems:\n- ${rest.join('\n- ')}` : head;
}
