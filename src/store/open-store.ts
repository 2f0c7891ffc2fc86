import type { Logger } from 'pino';
import type { Store } from './doc-collection.js';
import { openEmbeddedStore } from './embedded/embedded-store.js';

export interface StoreConfig {
  mongodbUri?: string;
  mongodbDb: string;
  dataDir: string;
}

/** MongoDB when a URI is configured, otherwise the embedded store in dataDir. */
export async function openStore(cfg: StoreConfig, logger?: Logger): Promise<Store> {
  if (cfg.mongodbUri) {
    // Loaded only when used: the driver takes a second to load, which the embedded store's start-up need not pay.
    const { openMongoStore } = await import('./mongo-store.js');
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
