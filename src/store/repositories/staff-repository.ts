import type { LanguageCode, Role } from '../../domain/types.js';
import { AppError } from '../../domain/errors.js';
import type { DocCollection, Store } from '../doc-collection.js';
import { COLLECTIONS, type StaffDoc } from '../documents.js';

// Thin access to the staff directory; works on both stores (DocCollection port).
export class StaffRepository {
  private readonly col: DocCollection<StaffDoc>;

  constructor(store: Store) {
    this.col = store.collection<StaffDoc>(COLLECTIONS.staff);
  }

  get(id: string): Promise<StaffDoc | null> {
    return this.col.findOne({ _id: id });
  }

  findByAadObjectId(oid: string): Promise<StaffDoc | null> {
    return this.col.findOne({ aadObjectId: oid });
  }

  /** Case-insensitive exact match on upn or email (first contact, before the AAD id is linked). */
  findByUpnOrEmail(value: string): Promise<StaffDoc | null> {
    const v = value.trim();
    if (!v) return Promise.resolve(null);
    const re = new RegExp(`^${escapeRegExp(v)}$`, 'i');
    return this.col.findOne({ $or: [{ upn: re }, { email: re }] }, { sort: { _id: 1 } });
  }

  async linkAadObjectId(id: string, oid: string): Promise<StaffDoc> {
    const doc = await this.col.findOneAndUpdate(
      { _id: id },
      { $set: { aadObjectId: oid } },
      { returnDocument: 'after' },
    );
    if (!doc) throw staffNotFound(id);
    return doc;
  }

  /** Remembers the language a person chose (issue 13). */
  async setLanguage(id: string, language: LanguageCode): Promise<void> {
    const doc = await this.col.findOneAndUpdate({ _id: id }, { $set: { language } }, { returnDocument: 'after' });
    if (!doc) throw staffNotFound(id);
  }

  list(): Promise<StaffDoc[]> {
    return this.col.find({}, { sort: { _id: 1 } }).toArray();
  }

  listByRole(role: Role): Promise<StaffDoc[]> {
    // Equality on an array field matches any element (MongoDB semantics).
    return this.col.find({ roles: role }, { sort: { _id: 1 } }).toArray();
  }

  /** Insert or replace the listed fields of one staff member (import). */
  async upsert(doc: StaffDoc): Promise<void> {
    const { _id, ...fields } = doc;
    await this.col.updateOne({ _id }, { $set: fields }, { upsert: true });
  }
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function staffNotFound(id: string): AppError {
  return new AppError(
    'not-found',
    `staff ${id} not found`,
    { staffId: id },
    { key: 'errors.store.staff-not-found', params: { id } },
  );
}
