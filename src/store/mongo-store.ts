import { MongoClient, type Db, type Document } from 'mongodb';
import type { DocCollection, Store, StoreHealth } from './doc-collection.js';

/** How long /healthz waits for the database to answer a ping. */
export const MONGO_PING_TIMEOUT_MS = 2000;

/** The real engine: collections are the driver's own, passed through as-is. */
export class MongoStore implements Store {
  readonly kind = 'mongodb' as const;

  constructor(
    readonly client: MongoClient,
    readonly db: Db,
    private readonly pingTimeoutMs = MONGO_PING_TIMEOUT_MS,
  ) {}

  collection<T extends Document>(name: string): DocCollection<T> {
    return this.db.collection<T>(name);
  }

  /** A ping with a short timeout: degraded when the database does not answer (the driver's error text names hosts, so it is not shown). */
  async health(): Promise<StoreHealth> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('timeout')), this.pingTimeoutMs + 250);
    });
    try {
      await Promise.race([this.db.command({ ping: 1 }, { timeoutMS: this.pingTimeoutMs }), timeout]);
      return { status: 'ok', problems: [] };
    } catch {
      const reason = `database not answering (no reply to a ping within ${this.pingTimeoutMs} ms)`;
      return { status: 'degraded', reason, problems: [reason] };
    } finally {
      clearTimeout(timer);
    }
  }

  async close(): Promise<void> {
    await this.client.close();
  }
}

export async function openMongoStore(uri: string, dbName: string): Promise<MongoStore> {
  const client = new MongoClient(uri);
  await client.connect();
  return new MongoStore(client, client.db(dbName));
}
