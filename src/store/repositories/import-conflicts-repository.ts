import type { DocCollection, Store } from '../doc-collection.js';
import { SYNC_COLLECTIONS, type ImportConflictDoc } from '../sync-documents.js';

// Conflicts a sync found between the case system's file and what was recorded in Teams, until an admin
// settles them from the report card (app/import/sync-conflicts.ts).
export class ImportConflictsRepository {
  private readonly col: DocCollection<ImportConflictDoc>;

  constructor(store: Store) {
    this.col = store.collection<ImportConflictDoc>(SYNC_COLLECTIONS.conflicts);
  }

  get(id: string): Promise<ImportConflictDoc | null> {
    return this.col.findOne({ _id: id });
  }

  /** Marks it settled unless it already is; the child's history is the record, this the index. */
  async markSettled(id: string, status: ImportConflictDoc['status'], by: string, at: Date): Promise<void> {
    await this.col.updateOne({ _id: id, status: 'open' }, { $set: { status, settledBy: by, settledAt: at } });
  }
}
