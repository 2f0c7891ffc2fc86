// What the sweeper must send today: weekly digests and reminders, each with its idempotency key and
// addressee (docs/DESIGN.md "Proactive delivery and jobs", docs/DOMAIN.md "Review records"). Pure: `today`
// and the London hour are passed in; the sweeper turns these into outbox entries, and because an
// outbox key can be enqueued only once, computing the same list on every sweep is harmless.
//
// Decisions (where the issue is silent):
// - Nothing is sent before SEND_FROM_HOUR (07:00 London): a sweep just after midnight must not
//   buzz anyone's phone. The same hour applies to digests and reminders.
// - Weekly digest: keyed by the week's Monday. Due from Monday 07:00 until the end of Friday, so a
//   bot that was down on Monday sends it on its first sweep later that working week; never at the
//   weekend (a "this week" summary on Saturday is no use and Monday's comes soon).
// - Every IRO with at least one child on their caseload gets a digest, even when nothing is
//   outstanding ("Nothing outstanding"): a predictable weekly message, and a week's key is always
//   used on Monday, so an item appearing on Wednesday cannot set off a mid-week digest.
// - The service-wide digest (business support, the IRO channel) is sent every week, even if empty.
// - Daily reminder: on working days only, while the next review is not booked and its due-by date
//   is today or within REMINDER_WORKING_DAYS working days. Once overdue it stops: overdue reviews
//   are in the weekly digest and /actions (no open-ended daily nagging for legacy backlogs).
// - Record reminders (held date = day 0): 'day10' from day 10 to day 14, 'day15' (overdue) from day
//   15 to day 21, each on the first working day in its window at/after 07:00. A window, not a single
//   day, so a weekend, a holiday or downtime does not lose a reminder; bounded, so importing years
//   of undistributed records does not set off a flood (they are in the digests and /actions).
// - All reminders go to the child's current IRO (their caseload), never to a channel.
import { reviewOwnerOn, type Cover } from './cover.js';
import { addDays, weekdayOf, type WorkingCalendar } from './calendar.js';
import { compareCodeUnits } from './code-order.js';
import { byDueThenRef, type ReviewStatus } from './review-status.js';
import { RECORD_DAYS, recordDueBy, recordOverdue, reviewOverdue } from './timescales.js';
import type { Child, HeldReview, IsoDate } from './types.js';

/** London hour from which anything is sent. */
export const SEND_FROM_HOUR = 7;
/** Record reminder days after the review (held date = day 0). */
export const RECORD_REMINDER_DAY = 10;
export const RECORD_OVERDUE_DAY = RECORD_DAYS + 1;
/** How many days after its day a record reminder may still go out (downtime, weekends, holidays). */
export const RECORD_OVERDUE_GRACE_DAYS = 6;

export interface ReminderConfig {
  /** REMINDER_WORKING_DAYS: daily reminders start this many working days before the due-by date. */
  reminderWorkingDays: number;
  /** DIGEST_WEEKS: the digest lists reviews due from today to the end of this many weeks (this week first). */
  digestWeeks: number;
  /** Defaults to SEND_FROM_HOUR. */
  sendFromHour?: number;
}

export interface DueMessagesInput<C extends Child = Child> {
  /** Each child's next review and booking (children with no further review are absent). */
  statuses: ReviewStatus<C>[];
  /** All children, for their held reviews' records (also those with no further review). */
  children: C[];
  today: IsoDate;
  /** Wall-clock hour in Europe/London, 0–23. */
  hour: number;
  calendar: WorkingCalendar;
  config: ReminderConfig;
}

/** Where a message goes: an IRO's personal (1:1) chat, or the service's IRO channel. */
export type Addressee = { kind: 'personal'; staffId: string } | { kind: 'channel'; purpose: 'iro-channel' };

export interface RecordItem<C extends Child = Child> {
  child: C;
  reviewId: string;
  /** Who writes and distributes the record: the review's chair (rule RR1, recordOwnerId). */
  ownerId: string;
  heldOn: IsoDate;
  /** Last day within the 14 days. */
  deadline: IsoDate;
  overdue: boolean;
}

export interface DigestContent<C extends Child = Child> {
  /** Monday of the digest's week (its key). */
  weekOf: IsoDate;
  /** Last day of the window: the Sunday `digestWeeks` weeks on. */
  windowEnd: IsoDate;
  /** Due before today (the next review is by definition not held), booked or not. */
  overdue: ReviewStatus<C>[];
  /** Due from today to windowEnd and not booked. */
  toBook: ReviewStatus<C>[];
  /** Held reviews whose record is not distributed, oldest deadline first. */
  records: RecordItem<C>[];
}

interface Keyed {
  /** Idempotency key = the outbox `_id`. */
  key: string;
  to: Addressee;
}

export type DueMessage<C extends Child = Child> =
  | (Keyed & { kind: 'iro-digest'; iroId: string; digest: DigestContent<C> })
  | (Keyed & { kind: 'service-digest'; digest: DigestContent<C> })
  | (Keyed & { kind: 'review-reminder'; status: ReviewStatus<C>; workingDaysLeft: number })
  | (Keyed & { kind: 'record-reminder'; record: RecordItem<C>; day: 'day10' | 'day15' });

// ---- keys ----

export const keys = {
  iroDigest: (staffId: string, monday: IsoDate) => `digest:iro:${staffId}:${monday}`,
  serviceDigest: (monday: IsoDate) => `digest:service:${monday}`,
  reviewReminder: (childRef: string, sequence: number, today: IsoDate) =>
    `review:${childRef}:${sequence}:reminder:${today}`,
  recordReminder: (childRef: string, reviewId: string, day: 'day10' | 'day15') =>
    `review:${childRef}:${reviewId}:record:${day}`,
};

/** Monday of the Monday–Sunday week containing `d`. */
export function mondayOf(d: IsoDate): IsoDate {
  return addDays(d, -((weekdayOf(d) + 6) % 7));
}

/** Whether this week's digest may go out now (see the decisions above). */
export function digestDue(today: IsoDate, hour: number, sendFromHour = SEND_FROM_HOUR): boolean {
  const wd = weekdayOf(today);
  if (wd === 0 || wd === 6) return false;
  return wd !== 1 || hour >= sendFromHour;
}

const byDeadlineThenRef = (a: RecordItem, b: RecordItem) =>
  compareCodeUnits(a.deadline, b.deadline) ||
  compareCodeUnits(a.child.ref, b.child.ref) ||
  compareCodeUnits(a.reviewId, b.reviewId);

/**
 * Rule RR1 (docs/DOMAIN.md "Review records"): the written record is the chair's to distribute, so its reminders
 * and digest lines go to the IRO who chaired the review, not to whoever is the child's IRO now; a review
 * stored without a chair (older imports) falls back to the child's IRO.
 */
export function recordOwnerId(review: Pick<HeldReview, 'chairId'>, child: Pick<Child, 'iroId'>): string {
  return review.chairId || child.iroId;
}

/** Undistributed records of held reviews (a held date in the future is a data error: ignored). */
export function outstandingRecords<C extends Child>(children: C[], today: IsoDate): RecordItem<C>[] {
  const items: RecordItem<C>[] = [];
  for (const child of children) {
    for (const r of child.reviews) {
      if (r.recordDistributedOn || r.heldOn > today) continue;
      items.push({
        child,
        reviewId: r.id,
        ownerId: recordOwnerId(r, child),
        heldOn: r.heldOn,
        deadline: recordDueBy(r.heldOn),
        overdue: recordOverdue(r.heldOn, today),
      });
    }
  }
  return items.sort(byDeadlineThenRef);
}

/** The digest's lists for a set of statuses and records (one IRO's, or the whole service's). */
export function digestContent<C extends Child>(
  statuses: ReviewStatus<C>[],
  records: RecordItem<C>[],
  today: IsoDate,
  digestWeeks: number,
): DigestContent<C> {
  const weekOf = mondayOf(today);
  const windowEnd = addDays(weekOf, 7 * digestWeeks - 1);
  const overdue = statuses.filter((s) => reviewOverdue(s.next.dueBy, today)).sort(byDueThenRef);
  const toBook = statuses
    .filter((s) => !s.booking && !reviewOverdue(s.next.dueBy, today) && s.next.dueBy <= windowEnd)
    .sort(byDueThenRef);
  return { weekOf, windowEnd, overdue, toBook, records };
}

/** Items by key, each list in the items' order. */
function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}

/** Every message due now. Deterministic order: service digest, IRO digests, then reminders by key. */
export function dueMessages<C extends Child & { cover?: Cover | null }>(input: DueMessagesInput<C>): DueMessage<C>[] {
  const { statuses, children, today, hour, calendar, config } = input;
  const fromHour = config.sendFromHour ?? SEND_FROM_HOUR;
  if (hour < fromHour) return [];
  const records = outstandingRecords(children, today);
  const out: DueMessage<C>[] = [];

  if (digestDue(today, hour, fromHour)) {
    const monday = mondayOf(today);
    out.push({
      kind: 'service-digest',
      key: keys.serviceDigest(monday),
      to: { kind: 'channel', purpose: 'iro-channel' },
      digest: digestContent(statuses, records, today, config.digestWeeks),
    });
    const iroIds = [
      ...new Set(
        [
          ...children.map((c) => c.iroId),
          ...statuses.map((s) => reviewOwnerOn(s.child, today)),
          ...records.map((r) => r.ownerId),
        ].filter(Boolean),
      ),
    ].sort();
    // Grouped once: filtering the whole service per IRO was 1,000 IROs × 100,000 children at a region's size.
    // A review under cover is in the covering IRO's digest while the cover is in force (CV1).
    const statusesOf = groupBy(statuses, (s) => reviewOwnerOn(s.child, today));
    const recordsOf = groupBy(records, (r) => r.ownerId);
    for (const iroId of iroIds) {
      out.push({
        kind: 'iro-digest',
        key: keys.iroDigest(iroId, monday),
        to: { kind: 'personal', staffId: iroId },
        iroId,
        digest: digestContent(statusesOf.get(iroId) ?? [], recordsOf.get(iroId) ?? [], today, config.digestWeeks),
      });
    }
  }

  if (calendar.isWorkingDay(today)) {
    const reminders: DueMessage<C>[] = [];
    const horizon = calendar.addWorkingDays(today, config.reminderWorkingDays);
    for (const s of statuses) {
      // A child new to care with no IRO yet has no one to remind: the managers' allocation card asks for one.
      if (!s.child.iroId || s.booking || reviewOverdue(s.next.dueBy, today) || s.next.dueBy > horizon) continue;
      reminders.push({
        kind: 'review-reminder',
        key: keys.reviewReminder(s.child.ref, s.next.sequence, today),
        to: { kind: 'personal', staffId: reviewOwnerOn(s.child, today) },
        status: s,
        workingDaysLeft: calendar.workingDaysBetween(today, s.next.dueBy),
      });
    }
    for (const r of records) {
      const day = recordReminderDay(r.heldOn, today);
      if (!day) continue;
      reminders.push({
        kind: 'record-reminder',
        key: keys.recordReminder(r.child.ref, r.reviewId, day),
        to: { kind: 'personal', staffId: r.ownerId },
        record: r,
        day,
      });
    }
    out.push(...reminders.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)));
  }
  return out;
}

/** Which record reminder's window `today` is in, if any (held date = day 0). */
export function recordReminderDay(heldOn: IsoDate, today: IsoDate): 'day10' | 'day15' | null {
  const day10 = addDays(heldOn, RECORD_REMINDER_DAY);
  const day15 = addDays(heldOn, RECORD_OVERDUE_DAY);
  if (today >= day10 && today < day15) return 'day10';
  if (today >= day15 && today <= addDays(day15, RECORD_OVERDUE_GRACE_DAYS)) return 'day15';
  return null;
}
