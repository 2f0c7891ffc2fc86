import type { Filter, UpdateFilter } from 'mongodb';
import { AppError } from '../../domain/errors.js';
import type { DocCollection, Store } from '../doc-collection.js';
import {
  COLLECTIONS,
  type ChildDoc,
  type HistoryEntry,
  type PendingMessage,
  type StoredNextReview,
} from '../documents.js';

// Thin access to child documents. Every change goes through updateVersioned: one single-document
// update that bumps `version` and appends its history entry (DESIGN rules 5 and 6).
export class ChildrenRepository {
  private readonly col: DocCollection<ChildDoc>;

  constructor(store: Store) {
    this.col = store.collection<ChildDoc>(COLLECTIONS.children);
  }

  get(ref: string): Promise<ChildDoc | null> {
    return this.col.findOne({ _id: ref });
  }

  /** The child whose reference equals `ref` without regard to case (refs are compared so: docs/DESIGN.md "Import format"). */
  getIgnoringCase(ref: string): Promise<ChildDoc | null> {
    // A case reference is letters, digits, '-' and '_' (domain/case-ref.ts): nothing to escape; checked anyway.
    if (!/^[A-Za-z0-9_-]{1,40}$/.test(ref)) return Promise.resolve(null);
    return this.col.findOne({ _id: { $regex: `^${ref}$`, $options: 'i' } } as Filter<ChildDoc>);
  }

  /** Children whose review `iroId` covers for an absent IRO, in a cover not over before `today` (domain/cover.ts). */
  listCoveredBy(iroId: string, today: string): Promise<ChildDoc[]> {
    return this.col.find({ 'cover.iroId': iroId, 'cover.to': { $gte: today } } as Filter<ChildDoc>).toArray();
  }

  getMany(refs: readonly string[]): Promise<ChildDoc[]> {
    return this.col.find({ _id: { $in: [...refs] } }).toArray();
  }

  listByIro(iroId: string): Promise<ChildDoc[]> {
    return this.col.find({ iroId }, { sort: { _id: 1 } }).toArray();
  }

  listAll(): Promise<ChildDoc[]> {
    return this.col.find({}, { sort: { _id: 1 } }).toArray();
  }

  /**
   * Children with messages queued by a state change, waiting for the pending drainer. Answered from the
   * sparse `pending.key` index (indexes.ts): only the children that have a queued message are read.
   */
  listWithPending(limit?: number): Promise<ChildDoc[]> {
    return this.col.find({ 'pending.key': { $exists: true } }, limit ? { limit } : {}).toArray();
  }

  /** Children whose proceedings name this Guardian (liaison). */
  listByGuardian(guardianId: string): Promise<ChildDoc[]> {
    return this.col.find({ 'proceedings.guardianId': guardianId }, { sort: { _id: 1 } }).toArray();
  }

  /**
   * Queues messages computed by a job (not caused by a state change, e.g. a liaison prompt whose date
   * came): delivery bookkeeping like removePending, so no version bump. A key already queued is skipped.
   */
  async queuePending(ref: string, messages: PendingMessage[]): Promise<number> {
    let queued = 0;
    for (const m of messages) {
      const r = await this.col.updateOne(
        { _id: ref, 'pending.key': { $ne: m.key } } as Filter<ChildDoc>,
        { $push: { pending: m } } as UpdateFilter<ChildDoc>,
      );
      queued += r.matchedCount;
    }
    return queued;
  }

  /** Children with at least one open resolution (/actions for addressees and ladder roles). */
  listWithOpenResolutions(): Promise<ChildDoc[]> {
    return this.col.find({ 'resolutions.status': 'open' }, { sort: { _id: 1 } }).toArray();
  }

  /** Delivery bookkeeping, not a state change: no version bump, no history entry. */
  async removePending(ref: string, key: string): Promise<void> {
    await this.col.updateOne({ _id: ref }, { $pull: { pending: { key } } } as UpdateFilter<ChildDoc>);
  }

  /** Children with a reschedule request waiting for a manager's decision. */
  listWithPendingRequests(): Promise<ChildDoc[]> {
    return this.col.find({ rescheduleRequests: { $elemMatch: { status: 'pending' } } }).toArray();
  }

  /** Children whose stored next review is missing or was computed with another policy or calendar. */
  listWithStaleNextReview(fingerprint: string, limit: number): Promise<ChildDoc[]> {
    return this.col.find({ 'nextReview.fingerprint': { $ne: fingerprint } } as Filter<ChildDoc>, { limit }).toArray();
  }

  /**
   * Stores recomputed next reviews (same inputs, new policy or calendar): derived data, not a state
   * change, so no version bump; skipped for a child whose version moved on (that write computed its own).
   * The updates go out together (one fsync on the embedded store's group commit). Returns how many were written.
   */
  async storeNextReviews(
    writes: readonly { ref: string; version: number; nextReview: StoredNextReview }[],
  ): Promise<number> {
    const results = await Promise.all(
      writes.map((w) =>
        this.col.updateOne({ _id: w.ref, version: w.version }, {
          $set: { nextReview: w.nextReview },
        } as UpdateFilter<ChildDoc>),
      ),
    );
    return results.reduce((n, r) => n + r.matchedCount, 0);
  }

  count(): Promise<number> {
    return this.col.countDocuments({});
  }

  async insert(doc: ChildDoc): Promise<void> {
    await this.col.insertOne(doc);
  }

  /**
   * Applies `update` only if the stored version is still `expectedVersion`, bumping the version and
   * appending `historyEntry` in the same update. A lost race throws AppError('conflict') naming who
   * changed it last and when, never a silent overwrite (rule 6).
   */
  async updateVersioned(
    ref: string,
    expectedVersion: number,
    update: UpdateFilter<ChildDoc>,
    historyEntry: HistoryEntry,
  ): Promise<ChildDoc> {
    const full: UpdateFilter<ChildDoc> = {
      ...update,
      $inc: { ...(update.$inc ?? {}), version: 1 },
      $push: { ...(update.$push ?? {}), history: historyEntry },
    } as UpdateFilter<ChildDoc>;
    const after = await this.col.findOneAndUpdate({ _id: ref, version: expectedVersion }, full, {
      returnDocument: 'after',
    });
    if (after) return after;
    const current = await this.col.findOne({ _id: ref });
    if (!current) throw new AppError('not-found', `child ${ref} not found`, { ref });
    const last = current.history[current.history.length - 1];
    throw new AppError(
      'conflict',
      `child ${ref} was changed by ${last?.by.name ?? last?.by.id ?? 'someone'} at ${last?.at?.toISOString?.() ?? 'an unknown time'}`,
      {
        ref,
        expectedVersion,
        actualVersion: current.version,
        lastChange: last ? { by: last.by, at: last.at, action: last.action } : undefined,
      },
    );
  }
}
