import type { Logger } from 'pino';
import type { Store, StoreHealth } from './doc-collection.js';
import { openEmbeddedStore } from './embedded/embedded-store.js';
import { openMongoStore } from './mongo-store.js';

export interface StoreConfig {
  mongodbUri?: string;
  mongodbDb: string;
  dataDir: string;
}

/** MongoDB when a URI is configured, otherwise the embedded store in dataDir. */
export async function openStore(cfg: StoreConfig, logger?: Logger): Promise<Store> {
  if (cfg.mongodbUri) {
    const store = await openMongoStore(cfg.mongodbUri, cfg.mongodbDb);
    // Never log the URI: it usually carries credentials.
    logger?.info({ store: 'mongodb', db: cfg.mongodbDb }, 'store opened');
    return store;
  }
  const store = await openEmbeddedStore(cfg.dataDir, { logger });
  logger?.info({ store: 'embedded', dataDir: store.dir, collections: store.collectionNames().length }, 'store opened');
  return store;
}

/** A unique-index violation from either engine (both use MongoDB's code 11000). */
export function isDuplicateKeyError(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { code?: unknown }).code === 11000;
}

/** One line for `/setup status`: the store's state and anything an administrator should look at. */
export function describeStoreHealth(h: StoreHealth): string {
  const head = h.status === 'ok' ? 'Store: ok.' : `Store: DEGRADED (${h.reason ?? 'unknown'}); nothing can be saved until this is fixed.`;
  const rest = h.problems.filter((p) => p !== h.reason);
  return rest.length ? `${head}\nStore problems:\n- ${rest.join('\n- ')}` : head;
}
