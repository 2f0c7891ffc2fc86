// Booking and rescheduling rules (docs/DOMAIN.md "Booking and rescheduling", "Review records"). Pure:
// who may do what, whether a date is within timescale, and whether a proposed start is acceptable.
import { hasRole, isManager, isReviewingManager } from './access.js';
import { isChildsIro, isChildsSocialWorker } from './case-roles.js';
import { coverOn, type Cover } from './cover.js';
import type { WorkingCalendar } from './calendar.js';
import { formatDate } from './dates-format.js';
import { AppError } from './errors.js';
import { londonDateTime, londonStart, type IroDiary } from './slots.js';
import { withinTimescale } from './timescales.js';
import { LATE_REASONS, type Child, type IsoDate, type LateReason, type Staff } from './types.js';

/**
 * Booking settings when config says nothing (docs/DOMAIN.md "Booking and rescheduling": slots at 10:00
 * and 14:00 London time, at most 3 reviews an IRO a day; reschedules within timescale still need a manager).
 * config.ts (SLOT_TIMES, MAX_REVIEWS_PER_DAY, RESCHEDULE_AUTO_APPROVE_WITHIN_TIMESCALE) defaults to these.
 */
export const BOOKING_DEFAULTS = Object.freeze({
  slotTimes: Object.freeze(['10:00', '14:00']) as readonly string[],
  maxReviewsPerDay: 3,
  autoApproveWithinTimescale: false,
});

/** Reason categories for a move (the report's categories of late reviews, docs/DOMAIN.md). */
export const RESCHEDULE_REASONS = LATE_REASONS;
export type RescheduleReason = LateReason;

export const REASON_LABELS: Readonly<Record<LateReason, string>> = {
  'not-notified': 'Reviewing team told late or not at all',
  'sw-unavailable': 'Social worker unavailable',
  'no-allocated-sw': 'No allocated social worker',
  'child-or-carer-ill': 'Child or carer ill',
  'family-or-carer-unavailable': 'Family or carer unavailable',
  'other-agency-unavailable': 'Another agency unavailable',
  'placement-disruption': 'Placement disruption',
  'safeguarding-first': 'Safeguarding came first',
  other: 'Other',
};

export function isRescheduleReason(v: unknown): v is RescheduleReason {
  return typeof v === 'string' && (RESCHEDULE_REASONS as readonly string[]).includes(v);
}

type ChildPeople = Pick<Child, 'iroId' | 'socialWorkerId'> & { cover?: Cover | null };

/**
 * Book, cancel or adjourn: the child's IRO or business support; and, where the caller passes today, the IRO
 * covering the review while the cover is in force (CV1: they chair it, so they book it).
 */
export function canBook(actor: Staff, child: ChildPeople, today?: IsoDate): boolean {
  if (isChildsIro(actor, child) || hasRole(actor, 'business-support')) return true;
  return !!today && isChildsIro(actor, { iroId: coverOn(child.cover, today)?.iroId ?? '' });
}

/** Ask to move a booked review: the IRO, business support or the child's social worker. */
export function canRequestReschedule(actor: Staff, child: ChildPeople, today?: IsoDate): boolean {
  return canBook(actor, child, today) || isChildsSocialWorker(actor, child);
}

/** Record a review as held (decision: the child's IRO, or business support recording for them). */
export function canRecordHeld(actor: Staff, child: ChildPeople): boolean {
  return canBook(actor, child);
}

/** Correct a held date recorded in error: the IRO or a manager (docs/DOMAIN.md). */
export function canCorrectHeld(actor: Staff, child: ChildPeople): boolean {
  return isChildsIro(actor, child) || isManager(actor);
}

/** Refuses, with who may, unless the person may record this child's review as held. */
export function assertMayRecordHeld(actor: Staff, child: ChildPeople & Pick<Child, 'ref'>, example: string): void {
  if (!canRecordHeld(actor, child)) {
    throw new AppError(
      'forbidden',
      `only ${child.ref}'s IRO or business support can record its review as held`,
      {
        example,
      },
      { key: 'errors.held.not-yours', params: { ref: child.ref } },
    );
  }
}

/** Refuses, with who may, unless the person may correct a held date of this child's reviews. */
export function assertMayCorrectHeld(actor: Staff, child: ChildPeople & Pick<Child, 'ref'>, example: string): void {
  if (!canCorrectHeld(actor, child))
    throw new AppError(
      'forbidden',
      `only ${child.ref}'s IRO or a manager can correct a held date`,
      { example },
      { key: 'errors.held.correct-not-yours', params: { ref: child.ref } },
    );
}

/** Record the written record as distributed: the IRO or business support. */
export function canRecordDistributed(actor: Staff, child: ChildPeople): boolean {
  return canBook(actor, child);
}

/**
 * Whether a booking date needs a reviewing team manager's approval (docs/DOMAIN.md "Booking and
 * rescheduling"): every move does, unless the policy switch auto-approves moves that stay within
 * timescale; outside timescale always does, for a move and for a first booking after the due-by date.
 */
export function needsManagerApproval(
  kind: 'move' | 'book',
  outsideTimescale: boolean,
  policy: { autoApproveWithinTimescale: boolean },
): boolean {
  if (outsideTimescale) return true;
  return kind === 'move' && !policy.autoApproveWithinTimescale;
}

/**
 * Who decides a reschedule: a `team-manager` of team `reviewing` who is not the person asking; if the
 * only such manager asked, the `head-of-service` (docs/DOMAIN.md).
 */
export function decidersFor<S extends Staff>(staff: readonly S[], requesterId: string): S[] {
  const managers = staff.filter(isReviewingManager);
  const others = managers.filter((m) => m.id !== requesterId);
  if (others.length > 0) return others;
  return staff.filter((s) => hasRole(s, 'head-of-service') && s.id !== requesterId);
}

export function mayDecide(actor: Staff, staff: readonly Staff[], requesterId: string): boolean {
  return actor.id !== requesterId && decidersFor(staff, requesterId).some((s) => s.id === actor.id);
}

export interface ProposedStart {
  date: IsoDate;
  time: string;
}

export interface CheckedStart {
  start: string;
  date: IsoDate;
  time: string;
  outsideTimescale: boolean;
}

export interface StartRules {
  now: Date;
  tzName: string;
  calendar: WorkingCalendar;
  maxPerDay: number;
  dueBy: IsoDate;
  /** The IRO's other live bookings (the one being moved left out). */
  diary: IroDiary;
}

/**
 * Validates a proposed review start: a working day, not in the past, no other review of the IRO at
 * that time, fewer than the per-day maximum that day. Outside timescale is returned, not refused:
 * the caller decides whether the outside-timescale path (reason + approval) was taken.
 */
export function checkStart(p: ProposedStart, rules: StartRules, example: string): CheckedStart {
  const start = londonStart(p.date, p.time, rules.tzName);
  if (Date.parse(start) <= rules.now.getTime()) {
    throw new AppError(
      'invalid-input',
      `${formatDate(p.date)} ${p.time} is in the past`,
      {
        example,
        problem: 'in-past',
      },
      { key: 'errors.booking.in-past', params: { whenDate: p.date, time: p.time } },
    );
  }
  if (!rules.calendar.isWorkingDay(p.date)) {
    const weekend = [0, 6].includes(new Date(`${p.date}T12:00:00Z`).getUTCDay());
    throw new AppError(
      'invalid-input',
      `${formatDate(p.date)} is not a working day (${weekend ? 'a weekend' : 'a bank holiday or closure day'})`,
      { example, problem: 'not-working-day', date: p.date },
      { key: 'errors.booking.not-working-day', params: { whenDate: p.date, weekend: weekend ? 'yes' : 'no' } },
    );
  }
  if (rules.diary.busyAt(start)) {
    throw new AppError(
      'invalid-input',
      `the IRO already has a review at ${formatDate(p.date)} ${p.time}`,
      {
        example,
        problem: 'clash',
        date: p.date,
      },
      { key: 'errors.booking.clash', params: { whenDate: p.date, time: p.time } },
    );
  }
  const n = rules.diary.countOn(p.date);
  if (n >= rules.maxPerDay) {
    throw new AppError(
      'invalid-input',
      `the IRO already has ${n} reviews on ${formatDate(p.date)} (the most in one day is ${rules.maxPerDay})`,
      { example, problem: 'day-full', date: p.date },
      { key: 'errors.booking.day-full', params: { whenDate: p.date, count: n, max: rules.maxPerDay } },
    );
  }
  const { date, time } = londonDateTime(start, rules.tzName);
  return { start, date, time, outsideTimescale: !withinTimescale(date, rules.dueBy) };
}

/** Outside timescale needs a reason category and free text (docs/DOMAIN.md). */
export function requireOutsideReason(
  reason: unknown,
  text: string | null | undefined,
  dueBy: IsoDate,
  example: string,
): void {
  if (!isRescheduleReason(reason) || !text || !text.trim()) {
    throw new AppError(
      'invalid-input',
      `that date is after the due-by date (${formatDate(dueBy)}): outside timescale needs a reason category and an explanation, and a manager's approval`,
      { example, problem: 'needs-reason' },
      { key: 'errors.booking.outside-timescale', params: { dueDate: dueBy } },
    );
  }
}
