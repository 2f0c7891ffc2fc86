// The one way a use case changes a child document (docs/DESIGN.md rules 5 and 6): load the child,
// decide (domain rules, no writes), write the change with its history entry and the messages it
// causes in one single-document update filtered on `version`; on a lost race load again and decide
// again, at most MAX_UPDATE_ATTEMPTS times. Deciding again on the fresh document is what turns a
// second click or a second manager into "already decided by X at T" instead of a silent overwrite.
import { AppError, isAppError } from '../domain/errors.js';
import { isDuplicateKeyError } from '../store/open-store.js';
import type { ChildDoc, HistoryEntry, PendingMessage, StaffDoc } from '../store/documents.js';
import type { AppDeps } from './deps.js';
import { nextReviewFields, type NextReviewInputs } from './next-review-fields.js';

/** Attempts (first try included) before a child that keeps changing under us is given up on. */
export const MAX_UPDATE_ATTEMPTS = 3;

/**
 * Top-level fields a change may replace whole. Identity, `version`, `history` and the `pending` queue
 * belong to this helper (the drainer removes pending messages without a version bump, so they are
 * pushed, never replaced).
 */
export type ChildFields = Partial<Omit<ChildDoc, '_id' | 'ref' | 'version' | 'history' | 'pending'>>;

export interface ChildChange {
  set: ChildFields;
  /** Messages the change causes, queued in the same update (rule 5). */
  pending?: readonly PendingMessage[];
  /** Stamped with the time and the actor by the helper. */
  history: Omit<HistoryEntry, 'at' | 'by'>;
  audit: { action: string; details?: Record<string, unknown> };
}

/**
 * What a decide step returns. A refusal is a thrown AppError (nothing written). `unchanged` answers
 * without writing (e.g. "already decided", found on a fresh read); `change` is written, then `result`
 * builds the answer from the stored document.
 */
export type Decision<R> =
  | { kind: 'change'; change: ChildChange; result: (after: ChildDoc) => R | Promise<R> }
  | { kind: 'unchanged'; result: R };

export function changeTo<R>(change: ChildChange, result: (after: ChildDoc) => R | Promise<R>): Decision<R> {
  return { kind: 'change', change, result };
}

export function unchanged<R>(result: R): Decision<R> {
  return { kind: 'unchanged', result };
}

/**
 * Fields computed from the child as it will be after a change, written in the same update: the one
 * place for derived fields (issue 12: each child's computed next review, next-review-fields.ts).
 */
export function derivedFields(next: ChildDoc, inputs: NextReviewInputs): ChildFields {
  return nextReviewFields(next, inputs);
}

/**
 * Loads with `load` (access checks included: they run again on every attempt), decides with `decide`
 * on what was loaded, writes. Throws AppError('conflict', problem 'busy') when every attempt lost its
 * race, with nothing written.
 */
export async function updateChild<R>(
  deps: AppDeps,
  actor: StaffDoc,
  load: () => Promise<ChildDoc>,
  decide: (child: ChildDoc) => Decision<R> | Promise<Decision<R>>,
): Promise<R> {
  let ref = '';
  for (let attempt = 1; attempt <= MAX_UPDATE_ATTEMPTS; attempt++) {
    const child = await load();
    ref = child.ref;
    const decision = await decide(child);
    if (decision.kind === 'unchanged') return decision.result;
    const after = await write(deps, actor, child, decision.change);
    if (!after) continue;
    const { audit } = decision.change;
    await deps.audit.record({
      at: deps.clock(),
      actor: { id: actor._id, name: actor.name, kind: 'staff' },
      action: audit.action,
      subject: child.ref,
      details: audit.details,
    });
    if (decision.change.pending?.length) deps.messagesQueued([child.ref]);
    return decision.result(after);
  }
  throw new AppError(
    'conflict',
    `${ref} kept changing while I was saving (${MAX_UPDATE_ATTEMPTS} tries); nothing was saved: try again`,
    {
      ref,
      attempts: MAX_UPDATE_ATTEMPTS,
      problem: 'busy',
    },
    { key: 'errors.update.busy', params: { ref, tries: MAX_UPDATE_ATTEMPTS } },
  );
}

/** The versioned write; null when the version moved on (someone else changed the child first). */
async function write(deps: AppDeps, actor: StaffDoc, child: ChildDoc, change: ChildChange): Promise<ChildDoc | null> {
  const set: ChildFields = { ...change.set, ...derivedFields({ ...child, ...change.set }, deps) };
  const pending = change.pending ?? [];
  try {
    return await deps.children.updateVersioned(
      child.ref,
      child.version,
      {
        ...(Object.keys(set).length ? { $set: set } : {}),
        ...(pending.length ? { $push: { pending: { $each: [...pending] } } } : {}),
      },
      { at: deps.clock(), by: { id: actor._id, name: actor.name }, ...change.history },
    );
  } catch (err) {
    if (isAppError(err, 'conflict')) return null;
    throw err;
  }
}

/**
 * For a change made from a form showing `seenVersion` (e.g. /liaison): anything saved since is the
 * answer, naming who changed the child and when, so a stale form never overwrites a newer record.
 */
export function requireUnchangedSince(child: ChildDoc, seenVersion: number, example: string): void {
  if (child.version === seenVersion) return;
  const last = child.history[child.history.length - 1];
  const by = last ? (last.by.name ?? last.by.id) : 'someone';
  const at = last?.at instanceof Date ? ` at ${last.at.toISOString()}` : '';
  throw new AppError(
    'conflict',
    `${child.ref} was changed by ${by}${at} after this form was opened; nothing was saved: open it again`,
    {
      ref: child.ref,
      expectedVersion: seenVersion,
      actualVersion: child.version,
      example,
    },
    { key: 'errors.update.stale', params: { ref: child.ref, by } },
  );
}

/**
 * A child first recorded from Teams (a new entry to care, issue 14): inserted at version 1 with its
 * history entry, its derived fields and the messages it causes in the one insert, then audited — the
 * same guarantees as updateChild. A child already stored under that reference is a conflict, nothing written.
 */
export async function createChild(
  deps: AppDeps,
  actor: StaffDoc,
  child: Omit<ChildDoc, '_id' | 'version' | 'history' | 'pending'>,
  change: Omit<ChildChange, 'set'>,
): Promise<ChildDoc> {
  const base: ChildDoc = {
    ...child,
    _id: child.ref,
    version: 1,
    history: [{ at: deps.clock(), by: { id: actor._id, name: actor.name }, ...change.history }],
    pending: [...(change.pending ?? [])],
  };
  const doc: ChildDoc = { ...base, ...derivedFields(base, deps) };
  try {
    await deps.children.insert(doc);
  } catch (err) {
    if (isDuplicateKeyError(err))
      throw new AppError(
        'conflict',
        `${child.ref} is already known; nothing was saved`,
        { ref: child.ref },
        { key: 'errors.more.already-known', params: { ref: child.ref } },
      );
    throw err;
  }
  await deps.audit.record({
    at: deps.clock(),
    actor: { id: actor._id, name: actor.name, kind: 'staff' },
    action: change.audit.action,
    subject: child.ref,
    details: change.audit.details,
  });
  if (doc.pending?.length) deps.messagesQueued([doc.ref]);
  return doc;
}
