import type { Filter } from 'mongodb';
import type { DocCollection, Store } from '../doc-collection.js';
import { COLLECTIONS, type AuditDoc } from '../documents.js';
import { boundedAuditEntry, type AuditInput } from './audit-bounds.js';

// Cross-cutting events (imports, setup, refused attempts, /case views): DESIGN rule 5.
// Every record is bounded here, in the one place all of them pass (audit-bounds.ts): what was tried,
// by whom, ids and sizes, and an untrusted payload only as its SHA-256 and size.
export class AuditLog {
  private readonly col: DocCollection<AuditDoc>;

  constructor(
    store: Store,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.col = store.collection<AuditDoc>(COLLECTIONS.audit);
  }

  /** Writes whatever it is given (huge, deep, cyclic, hostile keys) as a small record; only a store failure throws. */
  async record(entry: AuditInput): Promise<void> {
    // A new object: the driver adds _id to the object it is given.
    await this.col.insertOne(boundedAuditEntry(entry, this.now));
  }

  /** Oldest first. */
  list(filter: Filter<AuditDoc> = {}, opts: { limit?: number } = {}): Promise<AuditDoc[]> {
    return this.col.find(filter, { sort: { at: 1 }, ...(opts.limit ? { limit: opts.limit } : {}) }).toArray();
  }
}
