// The stored next review (issue 12): each child document carries its computed next review, written in
// the same versioned update as every change (child-update.ts derivedFields) and by the import's apply
// step, with the fingerprint of the policy and calendar it was computed with. When the fingerprint
// differs at start (policy, bank holidays or closure days changed), every child is recomputed in batches.
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import type { WorkingCalendar } from '../domain/calendar.js';
import { caseloadStanding } from '../domain/caseload.js';
import { isAppError } from '../domain/errors.js';
import type { TimescalePolicy } from '../domain/policies.js';
import { upcomingBooking } from '../domain/review-status.js';
import { nextReview } from '../domain/timescales.js';
import type { ChildDoc, StoredNextReview } from '../store/documents.js';
import type { ChildrenRepository } from '../store/repositories/children-repository.js';

export type NextReviewInputs = { policy: TimescalePolicy; calendar: WorkingCalendar };

/**
 * The bank holidays come from the date-holidays package (src/domain/calendar.ts): its version stands for
 * them (hashing decades of holidays costs over a second at start; they change only with the package).
 */
const HOLIDAY_DATA_VERSION = (createRequire(__filename)('date-holidays/package.json') as { version: string }).version;

const fingerprints = new WeakMap<WorkingCalendar, Map<TimescalePolicy, string>>();

/** Policy (id and limits), holiday region and data, closure days, hashed; memoised per calendar and policy. */
export function nextReviewFingerprint({ policy, calendar }: NextReviewInputs): string {
  let byPolicy = fingerprints.get(calendar);
  if (!byPolicy) fingerprints.set(calendar, (byPolicy = new Map<TimescalePolicy, string>()));
  const known = byPolicy.get(policy);
  if (known) return known;
  const hash = createHash('sha256');
  hash.update(
    JSON.stringify({
      // What is stored beside the next review: 2 added the caseload standing (open, lastEventOn).
      derivation: 2,
      policy,
      region: calendar.region,
      holidays: HOLIDAY_DATA_VERSION,
      closureDays: calendar.closureDays,
      // What is stored: 2 = with the due date's reason as data (issue 13), so older documents are recomputed once.
      stored: 2,
    }),
  );
  const fingerprint = `${policy.id}:${hash.digest('hex').slice(0, 16)}`;
  byPolicy.set(policy, fingerprint);
  return fingerprint;
}

/** The next review of `child` as it is stored on the document. Pure apart from the memoised fingerprint. */
export function computeStoredNextReview(child: ChildDoc, inputs: NextReviewInputs): StoredNextReview {
  const fingerprint = nextReviewFingerprint(inputs);
  const standing = caseloadStanding(child);
  const none = { dueBy: null, rule: null, sequence: null, explanation: null, booking: null, fingerprint, ...standing };
  let next;
  try {
    next = nextReview(child, inputs.policy, inputs.calendar);
  } catch (err) {
    if (!isAppError(err, 'invalid-history')) throw err;
    return { ...none, problem: err.message };
  }
  if (!next) return none;
  const booking = upcomingBooking(child);
  return {
    dueBy: next.dueBy,
    rule: next.rule,
    sequence: next.sequence,
    explanation: next.explanation,
    reason: next.reason,
    booking: booking ? { id: booking.id, start: booking.start } : null,
    fingerprint,
    ...standing,
  };
}

/** The derived fields of a child as it will be after a write (child-update.ts, the import's apply step). */
export function nextReviewFields(child: ChildDoc, inputs: NextReviewInputs): { nextReview: StoredNextReview } {
  return { nextReview: computeStoredNextReview(child, inputs) };
}

/** Same value, key order aside (documents come back from the store with their own key order). */
export function sameStoredNextReview(a: StoredNextReview | null | undefined, b: StoredNextReview): boolean {
  if (!a) return false;
  return (
    a.dueBy === b.dueBy &&
    a.rule === b.rule &&
    a.sequence === b.sequence &&
    a.explanation === b.explanation &&
    JSON.stringify(a.reason ?? null) === JSON.stringify(b.reason ?? null) &&
    a.booking?.id === b.booking?.id &&
    a.booking?.start === b.booking?.start &&
    (a.problem ?? null) === (b.problem ?? null) &&
    a.fingerprint === b.fingerprint &&
    a.open === b.open &&
    (a.lastEventOn ?? null) === (b.lastEventOn ?? null)
  );
}

export const RECOMPUTE_BATCH = 500;

/**
 * At start: recomputes every child whose stored next review is missing or has another fingerprint, a
 * batch at a time. Not a state change (no version bump, no history entry): the stored value is what the
 * engine answers for the unchanged child; written only where it differs, and only if the child did not
 * change meanwhile (a concurrent versioned write computed it with the same inputs).
 */
export async function recomputeStaleNextReviews(
  children: ChildrenRepository,
  inputs: NextReviewInputs,
): Promise<{ recomputed: number }> {
  const fingerprint = nextReviewFingerprint(inputs);
  let recomputed = 0;
  for (;;) {
    const batch = await children.listWithStaleNextReview(fingerprint, RECOMPUTE_BATCH);
    if (batch.length === 0) break;
    const writes = batch.map((c) => ({
      ref: c.ref,
      version: c.version,
      nextReview: computeStoredNextReview(c, inputs),
    }));
    const written = await children.storeNextReviews(writes);
    recomputed += written;
    // A batch none of which could be written changed under us meanwhile (and was computed by that write).
    if (batch.length < RECOMPUTE_BATCH || written === 0) break;
  }
  return { recomputed };
}

export interface NextReviewDrift {
  checked: number;
  /** Refs only, never names. */
  drifted: { ref: string; stored: string | null; recomputed: string | null }[];
}

/** Every child whose stored next review differs from the engine's answer now (the store check). */
export async function findNextReviewDrift(
  children: ChildrenRepository,
  inputs: NextReviewInputs,
): Promise<NextReviewDrift> {
  const drifted: NextReviewDrift['drifted'] = [];
  let checked = 0;
  for (const c of await children.listAll()) {
    checked++;
    const now = computeStoredNextReview(c, inputs);
    if (sameStoredNextReview(c.nextReview, now)) continue;
    drifted.push({ ref: c.ref, stored: describe(c.nextReview), recomputed: describe(now) });
  }
  return { checked, drifted };
}

function describe(n: StoredNextReview | null | undefined): string | null {
  if (!n) return null;
  return `${n.dueBy ?? 'none'} ${n.rule ?? ''} booking ${n.booking?.id ?? 'none'} [${n.fingerprint}]`.replace(
    /\s+/g,
    ' ',
  );
}
