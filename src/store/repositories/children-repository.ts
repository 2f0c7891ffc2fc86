import type { Filter, UpdateFilter } from 'mongodb';
import { AppError } from '../../domain/errors.js';
import { withCurrentLadder } from '../../domain/resolutions/ladder-migration.js';
import type { DocCollection, Store } from '../doc-collection.js';
import {
  COLLECTIONS,
  type ChildDoc,
  type HistoryEntry,
  type PendingMessage,
  type StoredNextReview,
} from '../documents.js';

/** Bounds on the stored next review's due date (ISO dates; strings compare as dates). */
export interface DueRange {
  $gt?: string;
  $gte?: string;
  $lt?: string;
  $lte?: string;
}

/** One IRO's counts in a due listing, from the store (see dueCountsByIro). */
export interface IroDueCountsRow {
  iroId: string;
  overdue: number;
  due: number;
  notBooked: number;
}

// Thin access to child documents. Every change goes through updateVersioned: one single-document
// update that bumps `version` and appends its history entry (DESIGN rules 5 and 6). Every child read here
// has its resolutions on the current stage ladder (RS2, migrated on read: domain/resolutions/ladder-migration.ts).

const current = (doc: ChildDoc | null): ChildDoc | null => (doc ? withCurrentLadder(doc) : doc);
const allCurrent = (docs: ChildDoc[]): ChildDoc[] => docs.map(withCurrentLadder);
export class ChildrenRepository {
  private readonly col: DocCollection<ChildDoc>;

  constructor(store: Store) {
    this.col = store.collection<ChildDoc>(COLLECTIONS.children);
  }

  get(ref: string): Promise<ChildDoc | null> {
    return this.col.findOne({ _id: ref }).then(current);
  }

  /** The child whose reference equals `ref` without regard to case (refs are compared so: docs/DESIGN.md "Import format"). */
  getIgnoringCase(ref: string): Promise<ChildDoc | null> {
    // A case reference is letters, digits, '-' and '_' (domain/case-ref.ts): nothing to escape; checked anyway.
    if (!/^[A-Za-z0-9_-]{1,40}$/.test(ref)) return Promise.resolve(null);
    return this.col.findOne({ _id: { $regex: `^${ref}$`, $options: 'i' } } as Filter<ChildDoc>);
  }

  /** Children whose cover is not over (CV1): few at any time, so the team view counts them from one read. */
  listWithCoverNotOver(today: string): Promise<ChildDoc[]> {
    return this.col.find({ 'cover.to': { $gte: today } } as Filter<ChildDoc>).toArray();
  }

  /** Children whose review `iroId` covers for an absent IRO, in a cover not over before `today` (domain/cover.ts). */
  listCoveredBy(iroId: string, today: string): Promise<ChildDoc[]> {
    return this.col.find({ 'cover.iroId': iroId, 'cover.to': { $gte: today } } as Filter<ChildDoc>).toArray();
  }

  getMany(refs: readonly string[]): Promise<ChildDoc[]> {
    return this.col
      .find({ _id: { $in: [...refs] } })
      .toArray()
      .then(allCurrent);
  }

  listByIro(iroId: string): Promise<ChildDoc[]> {
    return this.col
      .find({ iroId }, { sort: { _id: 1 } })
      .toArray()
      .then(allCurrent);
  }

  listAll(): Promise<ChildDoc[]> {
    return this.col
      .find({}, { sort: { _id: 1 } })
      .toArray()
      .then(allCurrent);
  }

  /**
   * Children with messages queued by a state change, waiting for the pending drainer. Answered from the
   * sparse `pending.key` index (indexes.ts): only the children that have a queued message are read.
   */
  listWithPending(limit?: number): Promise<ChildDoc[]> {
    return this.col
      .find({ 'pending.key': { $exists: true } }, limit ? { limit } : {})
      .toArray()
      .then(allCurrent);
  }

  /** Children whose proceedings name this Guardian (liaison). */
  listByGuardian(guardianId: string): Promise<ChildDoc[]> {
    return this.col
      .find({ 'proceedings.guardianId': guardianId }, { sort: { _id: 1 } })
      .toArray()
      .then(allCurrent);
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

  /**
   * Children with plan actions this person owns, or (a named other's) reports on as the social worker (/actions).
   * Two reads, each from an index (`plan.actions.owner.staffId`, `socialWorkerId`), rather than one `$or` that the
   * embedded store would answer by reading every child; a child in both comes once. By ref.
   */
  async listWithPlanActionsFor(staffId: string): Promise<ChildDoc[]> {
    const [owned, reported] = await Promise.all([
      this.col.find({ 'plan.actions.owner.staffId': staffId }).toArray(),
      this.col.find({ socialWorkerId: staffId, 'plan.actions.owner.kind': 'other' }).toArray(),
    ]);
    const byRef = new Map([...owned, ...reported].map((c) => [c._id, c] as const));
    return allCurrent([...byRef.values()].sort((a, b) => (a._id < b._id ? -1 : a._id > b._id ? 1 : 0)));
  }

  /** Children with at least one open resolution (/actions for addressees and ladder roles). */
  listWithOpenResolutions(): Promise<ChildDoc[]> {
    return this.col
      .find({ 'resolutions.status': 'open' }, { sort: { _id: 1 } })
      .toArray()
      .then(allCurrent);
  }

  /** Delivery bookkeeping, not a state change: no version bump, no history entry. */
  async removePending(ref: string, key: string): Promise<void> {
    await this.col.updateOne({ _id: ref }, { $pull: { pending: { key } } } as UpdateFilter<ChildDoc>);
  }

  /** Children with a reschedule request waiting for a manager's decision. */
  listWithPendingRequests(): Promise<ChildDoc[]> {
    // The same as $elemMatch on one condition, and answered from the sparse index on it.
    return this.col.find({ 'rescheduleRequests.status': 'pending' } as Filter<ChildDoc>).toArray();
  }

  // --- the due lists as queries (issue 12): each answered from an index on the stored next review, costing per
  // row shown (indexes.ts: iroId + nextReview.dueBy, nextReview.dueBy). `iroId` null: the whole service.

  /** Children whose stored next review falls in `range`, by due date then case ref; a page of them. */
  listByNextReviewDue(
    iroId: string | null,
    range: DueRange,
    page: { skip: number; limit: number },
  ): Promise<ChildDoc[]> {
    if (page.limit <= 0) return Promise.resolve([]);
    return this.col
      .find(this.dueFilter(iroId, range), {
        sort: { 'nextReview.dueBy': 1, _id: 1 },
        skip: page.skip,
        limit: page.limit,
      })
      .toArray();
  }

  countByNextReviewDue(iroId: string | null, range: DueRange): Promise<number> {
    return this.col.countDocuments(this.dueFilter(iroId, range));
  }

  /** Children whose history the engine rejected (their stored next review carries the problem). */
  countWithNextReviewProblem(iroId: string | null): Promise<number> {
    const problem = { 'nextReview.problem': { $exists: true } };
    return this.col.countDocuments((iroId === null ? problem : { iroId, ...problem }) as Filter<ChildDoc>);
  }

  /** How many children's stored next review is missing or was computed with another policy or calendar. */
  countWithStaleNextReview(fingerprint: string): Promise<number> {
    return this.col.countDocuments({ 'nextReview.fingerprint': { $ne: fingerprint } } as Filter<ChildDoc>);
  }

  /**
   * Per IRO, over the children whose next review is in `range`: how many are overdue (due before
   * `overdueBefore`; null: none count as overdue), how many are due in `due` (inclusive; null: none), and how
   * many of those are not booked. IROs with none of either are left out. One aggregation over the range.
   */
  async dueCountsByIro(
    range: DueRange,
    classes: { overdueBefore: string | null; due: { from: string; to: string } | null },
  ): Promise<IroDueCountsRow[]> {
    // Counted here from the rows in the range, three fields each: mingo's $group expressions cost ~0.1 ms a
    // document in the embedded store, and MongoDB sends these few fields as cheaply as it would the counts.
    const rows = await this.col
      .find(this.dueFilter(null, range), {
        projection: { _id: 0, iroId: 1, 'nextReview.dueBy': 1, 'nextReview.booking': 1 },
      })
      .toArray();
    const by = new Map<string, IroDueCountsRow>();
    for (const r of rows) {
      const dueBy = r.nextReview?.dueBy;
      if (typeof dueBy !== 'string') continue;
      const overdue = classes.overdueBefore !== null && dueBy < classes.overdueBefore;
      const due = !overdue && !!classes.due && dueBy >= classes.due.from && dueBy <= classes.due.to;
      if (!overdue && !due) continue;
      const c = by.get(r.iroId) ?? { iroId: r.iroId, overdue: 0, due: 0, notBooked: 0 };
      if (overdue) c.overdue++;
      else c.due++;
      if (!r.nextReview?.booking) c.notBooked++;
      by.set(r.iroId, c);
    }
    return [...by.values()];
  }

  private dueFilter(iroId: string | null, range: DueRange): Filter<ChildDoc> {
    const due = { 'nextReview.dueBy': range };
    return (iroId === null ? due : { iroId, ...due }) as Filter<ChildDoc>;
  }

  // --- caseload counts (issue 12): from the stored caseload standing (next-review-fields.ts), index only.

  /** Children of this IRO on the caseload once every recorded event has happened. */
  countOpenByIro(iroId: string): Promise<number> {
    return this.col.countDocuments({ iroId, 'nextReview.open': true } as Filter<ChildDoc>);
  }

  /** Of those, the ones whose next review is due in `range`. */
  countOpenDueByIro(iroId: string, range: DueRange): Promise<number> {
    return this.col.countDocuments({ iroId, 'nextReview.open': true, 'nextReview.dueBy': range } as Filter<ChildDoc>);
  }

  /** Children with a recorded event after `date` (a planned start or end): their standing as at `date` differs. */
  listWithEventsAfter(date: string): Promise<ChildDoc[]> {
    return this.col.find({ 'nextReview.lastEventOn': { $gt: date } } as Filter<ChildDoc>).toArray();
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
    if (after) return withCurrentLadder(after);
    const current = await this.col.findOne({ _id: ref });
    if (!current)
      throw new AppError(
        'not-found',
        `child ${ref} not found`,
        { ref },
        { key: 'errors.store.child-not-found', params: { ref } },
      );
    const last = current.history[current.history.length - 1];
    const by = last?.by.name ?? last?.by.id ?? 'someone';
    throw new AppError(
      'conflict',
      `child ${ref} was changed by ${by} at ${last?.at?.toISOString?.() ?? 'an unknown time'}`,
      {
        ref,
        expectedVersion,
        actualVersion: current.version,
        lastChange: last ? { by: last.by, at: last.at, action: last.action } : undefined,
      },
      { key: 'errors.store.child-changed', params: { ref, name: by } },
    );
  }
}
