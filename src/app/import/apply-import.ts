import type { ObjectId } from 'bson';
import type { UpdateFilter } from 'mongodb';
import { isAppError } from '../../domain/errors.js';
import type { Logger } from '../../logger.js';
import type { Store } from '../../store/doc-collection.js';
import { COLLECTIONS, type AuditDoc, type ChildDoc, type StaffDoc } from '../../store/documents.js';
import { ImportJournal, type JournalHead } from '../../store/import-journal.js';
import { entrust } from '../../store/embedded/clone.js';
import { isDuplicateKeyError } from '../../store/open-store.js';
import { ChildrenRepository } from '../../store/repositories/children-repository.js';
import { StaffRepository } from '../../store/repositories/staff-repository.js';
import type { ImportChild, ImportStaff } from './import-schema.js';
import { copyDefined } from './plain-copy.js';
import {
  childChange,
  mergeChild,
  mergeStaff,
  sameValue,
  type ChildChange,
  type ChildUpdate,
  type Counts,
} from './merge-import.js';

// Applying a committed import journal (src/store/import-journal.ts). Every write is computed by merging
// the journalled, validated input onto the record AS STORED NOW, so applying a chunk twice — after a
// crash, or by two processes at once on MongoDB — changes nothing the second time, and a change the
// bot made since planning is kept, not overwritten. Each chunk's writes go out together (one fsync
// per chunk on the embedded store's group commit), not one per child.

/** What the head of an import journal carries: enough to finish the import with no file at hand. */
export interface ImportJournalMeta {
  [key: string]: unknown;
  sourceName: string;
  now: Date;
  actor: AuditDoc['actor'];
  /** The audit entry's _id, fixed at planning, so a re-applied journal records one entry. */
  auditId: ObjectId;
  staff: Counts;
  children: Counts;
  conflicts: number;
  conflictRefs: string[];
}

/**
 * The child writes the planner computed (same process, just before the commit). A planned write is used
 * only while the child is still as it was planned against (absent for an insert, the same version for an
 * update), so each child is merged once; otherwise it is merged again onto the stored record.
 */
export interface PlannedChildWrites {
  inserts: ReadonlyMap<string, ChildDoc>;
  updates: ReadonlyMap<string, ChildUpdate>;
  /**
   * The change set as this process planned it (and journalled it, if it did), section by section: applied from
   * memory rather than read back and parsed from the journal (at 100k children, 113 MB of JSON parsed a second
   * time). The journal is what a crash falls back on; absent there, so the chunks are read.
   */
  changeSet?: readonly JournalSection[];
}

export interface JournalSection {
  section: string;
  items: readonly unknown[];
}

/** Children applied (and fsynced) together from memory: a journal chunk's worth (4 MB of JSON is about 3,500). */
export const APPLY_BATCH = 10_000;

function* inBatches(sections: readonly JournalSection[]): Generator<JournalSection> {
  for (const { section, items } of sections)
    for (let i = 0; i < items.length; i += APPLY_BATCH) yield { section, items: items.slice(i, i + APPLY_BATCH) };
}

/**
 * The derived fields of a child as written (the stored next review, issue 12). Without one the apply
 * step marks the next review as not computed (null), and the next start recomputes it.
 */
export type DeriveChildFields = (child: ChildDoc) => Partial<ChildDoc>;
const markNotComputed: DeriveChildFields = () => ({ nextReview: null });

export const JOURNAL_SECTIONS = { staff: 'staff', children: 'children' } as const;

/** Finishes every import a crash interrupted: committed ones are applied, uncommitted ones discarded. Call before anything reads. */
export async function completeInterruptedImports(
  store: Store,
  logger?: Logger,
  derive?: DeriveChildFields,
): Promise<{ completed: number; discarded: number }> {
  const journal = new ImportJournal(store);
  let completed = 0;
  let discarded = 0;
  for (const head of await journal.unfinished()) {
    if (head.state === 'committed') {
      await applyImportJournal(store, journal, head as JournalHead<ImportJournalMeta>, undefined, derive);
      completed++;
      logger?.warn({ journal: head._id }, 'completed an import that a crash interrupted after it was committed');
    } else if (journal.isAbandoned(head)) {
      await journal.discard(head._id);
      discarded++;
      logger?.warn(
        { journal: head._id },
        'discarded an import that a crash interrupted before it was committed; nothing of it was applied',
      );
    }
  }
  await journal.removeOrphanChunks();
  return { completed, discarded };
}

export async function applyImportJournal(
  store: Store,
  journal: ImportJournal,
  head: JournalHead<ImportJournalMeta>,
  planned?: PlannedChildWrites,
  derive: DeriveChildFields = markNotComputed,
): Promise<void> {
  const { meta } = head;
  if (planned?.changeSet) await applyFromMemory(store, planned.changeSet, meta.now, planned, derive);
  else {
    for await (const chunk of journal.chunks(head._id, head.chunks)) {
      if (chunk.section === JOURNAL_SECTIONS.staff) await applyStaff(store, chunk.items as ImportStaff[]);
      else if (chunk.section === JOURNAL_SECTIONS.children)
        await applyChildren(store, chunk.items as ImportChild[], meta.now, planned, derive);
      else throw new Error(`import journal ${head._id}: unknown section ${chunk.section}`);
    }
  }
  await recordAuditOnce(store, meta);
  await journal.finish(head._id);
}

/**
 * Applies a planned change set and its audit entry straight from memory, with no journal: for a caller that makes
 * it all or nothing itself (the import CLI, inside the embedded store's undoable change: run-import.ts).
 */
export async function applyChangeSet(
  store: Store,
  meta: ImportJournalMeta,
  planned: PlannedChildWrites & { changeSet: readonly JournalSection[] },
  derive: DeriveChildFields = markNotComputed,
): Promise<void> {
  await applyFromMemory(store, planned.changeSet, meta.now, planned, derive);
  await recordAuditOnce(store, meta);
}

/**
 * The change set as this process planned it: staff first, then the children a batch at a time, each batch
 * built and handed to the store while the one before is still being written (processor and disk both busy).
 * The children as stored are read once, up front; one that changes meanwhile (the bot, on the same store) makes
 * its insert or versioned update fail, and that child is merged again onto the record as stored then.
 */
async function applyFromMemory(
  store: Store,
  sections: readonly JournalSection[],
  now: Date,
  planned: PlannedChildWrites,
  derive: DeriveChildFields,
): Promise<void> {
  for (const { section, items } of sections) {
    if (section === JOURNAL_SECTIONS.staff) await applyStaff(store, items as ImportStaff[]);
    else if (section !== JOURNAL_SECTIONS.children) throw new Error(`import: unknown section ${section}`);
  }
  const children = sections.filter((s) => s.section === JOURNAL_SECTIONS.children);
  const refs = children.flatMap((s) => (s.items as ImportChild[]).map((c) => c.ref));
  const stored = new Map((await new ChildrenRepository(store).getMany(refs)).map((c) => [c._id, c]));
  const applying: Promise<void>[] = [];
  for (const { items } of inBatches(children)) {
    const done = applyChildren(store, items as ImportChild[], now, planned, derive, stored);
    done.catch(() => undefined); // awaited below, with the rest
    applying.push(done);
    await new Promise((resolve) => setImmediate(resolve)); // lets the store start writing this batch
  }
  await Promise.all(applying);
}

async function applyStaff(store: Store, items: readonly ImportStaff[]): Promise<void> {
  const repo = new StaffRepository(store);
  const col = store.collection<StaffDoc>(COLLECTIONS.staff);
  const stored = new Map((await col.find({ _id: { $in: items.map((s) => s.id) } }).toArray()).map((s) => [s._id, s]));
  const applyOne = async (s: ImportStaff, before: StaffDoc | null) => {
    const merged = mergeStaff(before, s);
    if (!before || !sameValue(before, merged)) await repo.upsert(merged);
  };
  // New staff in one batch, like new children (one fsync on the embedded store, not one per person).
  const fresh = items.filter((s) => !stored.has(s.id));
  if (fresh.length > 0) {
    try {
      await col.insertMany(fresh.map((s) => mergeStaff(null, s)));
    } catch (err) {
      if (!isDuplicateKeyError(err)) throw err;
      // Someone added one of them meanwhile: settle the batch person by person.
      await Promise.all(fresh.map(async (s) => applyOne(s, await repo.get(s.id))));
    }
  }
  await Promise.all(items.filter((s) => stored.has(s.id)).map((s) => applyOne(s, stored.get(s.id)!)));
}

function plannedChange(
  planned: PlannedChildWrites | undefined,
  ref: string,
  before: ChildDoc | null,
): ChildChange | null {
  if (!planned) return null;
  if (!before) {
    const doc = planned.inserts.get(ref);
    return doc ? { kind: 'insert', doc } : null;
  }
  const update = planned.updates.get(ref);
  return update && update.expectedVersion === before.version ? { kind: 'update', update } : null;
}

async function applyChildren(
  store: Store,
  items: readonly ImportChild[],
  now: Date,
  planned: PlannedChildWrites | undefined,
  derive: DeriveChildFields,
  storedBefore?: ReadonlyMap<string, ChildDoc>,
): Promise<void> {
  const repo = new ChildrenRepository(store);
  const stored = storedBefore ?? new Map((await repo.getMany(items.map((c) => c.ref))).map((c) => [c._id, c]));
  const inserts: ChildDoc[] = [];
  const rest: ImportChild[] = [];
  for (const c of items) {
    const before = stored.get(c.ref) ?? null;
    const change = before
      ? null
      : (plannedChange(planned, c.ref, null) ?? childChange(null, mergeChild(null, c, ''), now));
    if (change?.kind === 'insert') inserts.push(withDerived(change.doc, derive));
    else rest.push(c);
  }
  // New children in one batch (one acknowledgement, one fsync on the embedded store).
  if (inserts.length > 0) {
    try {
      await store.collection<ChildDoc>(COLLECTIONS.children).insertMany(inserts);
    } catch (err) {
      if (!isDuplicateKeyError(err)) throw err;
      // Someone created one of them meanwhile: settle the batch child by child (inserted ones come out unchanged).
      const refs = new Set(inserts.map((d) => d._id));
      await Promise.all(
        items.filter((c) => refs.has(c.ref)).map(async (c) => applyChild(repo, c, await repo.get(c.ref), now, derive)),
      );
    }
  }
  await Promise.all(
    rest.map((c) => {
      const before = stored.get(c.ref) ?? null;
      return applyChild(repo, c, before, now, derive, plannedChange(planned, c.ref, before));
    }),
  );
}

/**
 * The document to insert: the planned one (built for this insert, used once) completed with its derived fields
 * and entrusted to the store to keep as it is rather than copy (src/store/embedded/clone.ts).
 */
function withDerived(doc: ChildDoc, derive: DeriveChildFields): ChildDoc {
  return entrust(copyDefined(doc, derive(doc)));
}

const MAX_ATTEMPTS = 5;

async function applyChild(
  repo: ChildrenRepository,
  input: ImportChild,
  stored: ChildDoc | null,
  now: Date,
  derive: DeriveChildFields,
  planned: ChildChange | null = null,
): Promise<void> {
  let before = stored;
  for (let attempt = 1; ; attempt++) {
    // The planned write holds only on the first attempt: after a race the child is no longer as planned.
    const change = (attempt === 1 ? planned : null) ?? childChange(before, mergeChild(before, input, ''), now);
    try {
      if (change.kind === 'insert') await repo.insert(withDerived(change.doc, derive));
      else if (change.kind === 'update') {
        const u = change.update;
        const set = { ...u.set, ...derive({ ...before!, ...u.set } as ChildDoc) };
        await repo.updateVersioned(u.ref, u.expectedVersion, { $set: set } as UpdateFilter<ChildDoc>, u.history);
      }
      return;
    } catch (err) {
      // Someone else wrote this child in between (the bot, or another applier): merge onto theirs.
      const raced = isDuplicateKeyError(err) || isAppError(err, 'conflict');
      if (!raced || attempt >= MAX_ATTEMPTS) throw err;
      before = await repo.get(input.ref);
    }
  }
}

async function recordAuditOnce(store: Store, meta: ImportJournalMeta): Promise<void> {
  const entry: AuditDoc = {
    _id: meta.auditId,
    at: meta.now,
    actor: meta.actor,
    action: 'import',
    details: {
      sourceName: meta.sourceName,
      staff: meta.staff,
      children: meta.children,
      conflicts: meta.conflicts,
      // Paths and refs only: no names or dates of birth in the audit trail's summary.
      conflictRefs: meta.conflictRefs,
    },
  };
  try {
    await store.collection<AuditDoc>(COLLECTIONS.audit).insertOne(entry);
  } catch (err) {
    if (!isDuplicateKeyError(err)) throw err; // already recorded before a crash
  }
}
