// A review recorded as held (docs/DOMAIN.md "Dates", "Review records"): the due-by date and rule it
// answered are stored with it, its booking is closed, the 14-day record clock starts; the written
// record distributed; a held date recorded in error corrected (the old value stays in the history).
import { hasRole } from '../../domain/access.js';
import {
  assertMayCorrectHeld,
  assertMayRecordHeld,
  canRecordDistributed,
  isRescheduleReason,
} from '../../domain/booking-rules.js';
import { isIsoDate } from '../../domain/calendar.js';
import { formatDate } from '../../domain/dates-format.js';
import { AppError, isAppError } from '../../domain/errors.js';
import { historyRefusal } from '../../domain/review-history.js';
import { recordDueBy, validateHistory, withinTimescale } from '../../domain/timescales.js';
import type { IsoDate, LateReason } from '../../domain/types.js';
import type { BookingDoc, ChildDoc, ReviewDoc, StaffDoc } from '../../store/documents.js';
import { today as currentDay, type AppDeps } from '../deps.js';
import { changeTo, updateChild, type Decision } from '../child-update.js';
import { liveBookingOf, loadChild, nextId, requireNext } from './booking-common.js';

export const HELD_EXAMPLE = '/held C1001';

/** A review recorded as held: whether it was within timescale, and when its written record is due. */
export interface RecordedHeld {
  child: ChildDoc;
  review: ReviewDoc;
  withinTimescale: boolean;
  recordDueBy: IsoDate;
}

export interface HeldInput {
  ref: string;
  heldOn: string;
  chairId?: string | null;
  combinedWithCP?: boolean;
  /** For a late review without an approved outside-timescale move. */
  lateReason?: unknown;
}

/** The date a check names, as the catalogue's select (errors.held.not-a-date). */
function whatKey(what: string): string {
  return what.includes('corrected') ? 'corrected' : what.includes('distribution') ? 'distributed' : 'held';
}

function checkDate(d: unknown, today: string, what: string, example: string): asserts d is string {
  if (!isIsoDate(d))
    throw new AppError(
      'invalid-input',
      `${what} is not a date (YYYY-MM-DD)`,
      { example },
      { key: 'errors.held.not-a-date', params: { what: whatKey(what) } },
    );
  if (d > today)
    throw new AppError(
      'invalid-input',
      `${what} ${formatDate(d)} is in the future`,
      {
        example,
        problem: 'future-date',
      },
      { key: 'errors.held.future', params: { what: whatKey(what), whenDate: d } },
    );
}

function checkHistory(child: ChildDoc, reviews: ReviewDoc[], example: string): void {
  try {
    validateHistory({ ref: child.ref, track: child.track, events: child.events, reviews });
  } catch (err) {
    if (isAppError(err, 'invalid-history'))
      throw new AppError(
        'invalid-input',
        `that date does not fit ${child.ref}'s history: ${err.message}`,
        { example },
        historyRefusal('errors.held.history', child.ref, err.userMessage),
      );
    throw err;
  }
}

/** The reason of the latest approved outside-timescale request for this review (counted in the report). */
function approvedOutsideReason(child: ChildDoc, lastHeld: string): LateReason | null {
  const approved = (child.rescheduleRequests ?? [])
    .filter((r) => r.status === 'approved' && r.outsideTimescale && r.to.slice(0, 10) > lastHeld)
    .sort((a, b) => (a.decidedAt! < b.decidedAt! ? 1 : -1));
  return approved[0]?.reason ?? null;
}

export function recordHeld(deps: AppDeps, actor: StaffDoc, input: HeldInput): Promise<RecordedHeld> {
  const example = HELD_EXAMPLE.replace('C1001', input.ref);
  return updateChild(
    deps,
    actor,
    () => loadChild(deps, actor, input.ref, example),
    (child) => decideHeld(deps, actor, input, child, example),
  );
}

async function decideHeld(
  deps: AppDeps,
  actor: StaffDoc,
  input: HeldInput,
  child: ChildDoc,
  example: string,
): Promise<Decision<RecordedHeld>> {
  assertMayRecordHeld(actor, child, '/actions');
  const next = requireNext(child, deps);
  const today = currentDay(deps);
  checkDate(input.heldOn, today, 'the held date', example);
  const chairId = input.chairId?.trim() || child.iroId;
  const chair = await deps.staff.get(chairId);
  if (!chair || !hasRole(chair, 'iro'))
    throw new AppError(
      'invalid-input',
      `the chair must be an IRO (${chairId} is not)`,
      { example },
      { key: 'errors.held.chair', params: { id: chairId } },
    );
  const lastHeld = child.reviews.reduce((m, r) => (r.heldOn > m ? r.heldOn : m), '');
  const live = liveBookingOf(child);
  const late = !withinTimescale(input.heldOn, next.dueBy);
  const lateReason: LateReason | null = !late
    ? null
    : (approvedOutsideReason(child, lastHeld) ?? (isRescheduleReason(input.lateReason) ? input.lateReason : null));
  const review: ReviewDoc = {
    id: nextId(
      `${child.ref}-R`,
      child.reviews.map((r) => r.id),
    ),
    heldOn: input.heldOn,
    chairId,
    combinedWithCP: !!input.combinedWithCP,
    recordDistributedOn: null,
    lateReason,
    dueBy: next.dueBy,
    rule: next.rule,
    source: 'bot',
    // PC4: the booking's participation checklist is recorded on the review it was for.
    ...(live?.participation ? { participation: live.participation } : {}),
  };
  const reviews = [...child.reviews, review];
  checkHistory(child, reviews, example);
  // The booking of this review is closed, even when it was held before the booked date.
  const bookings: BookingDoc[] = child.bookings.map((b) => (live && b.id === live.id ? { ...b, status: 'held' } : b));
  return changeTo(
    {
      set: { reviews, bookings },
      history: {
        action: 'review.held',
        after: {
          reviewId: review.id,
          heldOn: review.heldOn,
          chairId,
          dueBy: next.dueBy,
          rule: next.rule,
          lateReason,
          bookingId: live?.id ?? null,
        },
      },
      audit: { action: 'review.held', details: { reviewId: review.id, heldOn: review.heldOn, withinTimescale: !late } },
    },
    (after) => ({ child: after, review, withinTimescale: !late, recordDueBy: recordDueBy(review.heldOn) }),
  );
}

export interface CorrectHeldInput {
  ref: string;
  reviewId: string;
  heldOn: string;
  reason?: string | null;
}

export function correctHeld(
  deps: AppDeps,
  actor: StaffDoc,
  input: CorrectHeldInput,
): Promise<{ child: ChildDoc; review: ReviewDoc; was: string }> {
  const example = `/held ${input.ref} ${input.reviewId}`;
  return updateChild(
    deps,
    actor,
    () => loadChild(deps, actor, input.ref, example),
    (child) => decideCorrection(deps, actor, input, child, example),
  );
}

function decideCorrection(
  deps: AppDeps,
  actor: StaffDoc,
  input: CorrectHeldInput,
  child: ChildDoc,
  example: string,
): Decision<{ child: ChildDoc; review: ReviewDoc; was: string }> {
  assertMayCorrectHeld(actor, child, '/actions');
  const review = child.reviews.find((r) => r.id === input.reviewId);
  if (!review)
    throw new AppError(
      'not-found',
      `${child.ref} has no review ${input.reviewId}`,
      { example: `/case ${child.ref}` },
      { key: 'errors.held.no-review', params: { ref: child.ref, id: input.reviewId } },
    );
  checkDate(input.heldOn, currentDay(deps), 'the corrected date', example);
  const reason = input.reason?.trim();
  if (!reason)
    throw new AppError(
      'invalid-input',
      'say why the held date was wrong',
      { example, problem: 'reason-required' },
      { key: 'errors.held.why-wrong' },
    );
  if (input.heldOn === review.heldOn)
    throw new AppError(
      'invalid-input',
      `review ${review.id} is already recorded as held on ${formatDate(review.heldOn)}`,
      { example, problem: 'nothing-to-change' },
      { key: 'errors.held.already-held', params: { id: review.id, whenDate: review.heldOn } },
    );
  if (review.recordDistributedOn && review.recordDistributedOn < input.heldOn) {
    throw new AppError(
      'invalid-input',
      `its record was distributed on ${formatDate(review.recordDistributedOn)}, before that date`,
      { example, problem: 'date-order' },
      { key: 'errors.held.distributed-before', params: { whenDate: review.recordDistributedOn } },
    );
  }
  const corrected: ReviewDoc = { ...review, heldOn: input.heldOn };
  const reviews = child.reviews.map((r) => (r.id === review.id ? corrected : r));
  checkHistory(child, reviews, example);
  return changeTo(
    {
      set: { reviews },
      history: {
        action: 'review.held-corrected',
        before: { reviewId: review.id, heldOn: review.heldOn },
        after: { reviewId: review.id, heldOn: input.heldOn, reason },
      },
      audit: {
        action: 'review.held-corrected',
        details: { reviewId: review.id, from: review.heldOn, to: input.heldOn },
      },
    },
    (after) => ({ child: after, review: corrected, was: review.heldOn }),
  );
}

export interface DistributedInput {
  ref: string;
  reviewId: string;
  on?: string | null;
}

export function recordDistributed(
  deps: AppDeps,
  actor: StaffDoc,
  input: DistributedInput,
): Promise<{ child: ChildDoc; review: ReviewDoc }> {
  const example = `/distributed ${input.ref} ${input.reviewId || 'C1001-R4'}`;
  return updateChild(
    deps,
    actor,
    () => loadChild(deps, actor, input.ref, example),
    (child) => decideDistributed(deps, actor, input, child, example),
  );
}

function decideDistributed(
  deps: AppDeps,
  actor: StaffDoc,
  input: DistributedInput,
  child: ChildDoc,
  example: string,
): Decision<{ child: ChildDoc; review: ReviewDoc }> {
  if (!canRecordDistributed(actor, child))
    throw new AppError(
      'forbidden',
      `only ${child.ref}'s IRO or business support can record its review record as distributed`,
      { example: '/actions' },
      { key: 'errors.distribute.not-yours', params: { ref: child.ref } },
    );
  const review = child.reviews.find((r) => r.id === input.reviewId);
  if (!review)
    throw new AppError(
      'not-found',
      `${child.ref} has no review ${input.reviewId || '(none given)'}`,
      {
        example: `/case ${child.ref}`,
      },
      { key: 'errors.held.no-review', params: { ref: child.ref, id: input.reviewId || '—' } },
    );
  if (review.recordDistributedOn) {
    throw new AppError(
      'conflict',
      `the record of review ${review.id} was already recorded as distributed on ${formatDate(review.recordDistributedOn)}`,
      { example: `/case ${child.ref}` },
      { key: 'errors.distribute.already', params: { id: review.id, whenDate: review.recordDistributedOn } },
    );
  }
  const today = currentDay(deps);
  const on = input.on || today;
  checkDate(on, today, 'the distribution date', example);
  if (on < review.heldOn)
    throw new AppError(
      'invalid-input',
      `the record cannot be distributed before the review was held (${formatDate(review.heldOn)})`,
      { example, problem: 'date-order' },
      { key: 'errors.distribute.before-held', params: { whenDate: review.heldOn } },
    );
  const updated: ReviewDoc = { ...review, recordDistributedOn: on };
  return changeTo(
    {
      set: { reviews: child.reviews.map((r) => (r.id === review.id ? updated : r)) },
      history: {
        action: 'review.record-distributed',
        before: { reviewId: review.id, recordDistributedOn: null },
        after: { reviewId: review.id, recordDistributedOn: on },
      },
      audit: { action: 'review.record-distributed', details: { reviewId: review.id, on } },
    },
    (after) => ({ child: after, review: updated }),
  );
}
