import { MongoClient, type Db, type Document } from 'mongodb';
import type { DocCollection, Store } from './doc-collection.js';

/** The real engine: collections are the driver's own, passed through as-is. */
export class MongoStore implements Store {
  readonly kind = 'mongodb' as const;

  constructor(readonly client: MongoClient, readonly db: Db) {}

  collection<T extends Document>(name: string): DocCollection<T> {
    return this.db.collection<T>(name);
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
