import type { Filter } from 'mongodb';
import type { DocCollection, Store } from '../doc-collection.js';
import { COLLECTIONS, type AuditDoc } from '../documents.js';

// Cross-cutting events (imports, setup, refused attempts, /case views): DESIGN rule 5.
export class AuditLog {
  private readonly col: DocCollection<AuditDoc>;

  constructor(store: Store) {
    this.col = store.collection<AuditDoc>(COLLECTIONS.audit);
  }

  async record(entry: Omit<AuditDoc, '_id'>): Promise<void> {
    // Copy: the driver adds _id to the object it is given.
    await this.col.insertOne({ ...entry });
  }

  /** Oldest first. */
  list(filter: Filter<AuditDoc> = {}, opts: { limit?: number } = {}): Promise<AuditDoc[]> {
    return this.col.find(filter, { sort: { at: 1 }, ...(opts.limit ? { limit: opts.limit } : {}) }).toArray();
  }
}
