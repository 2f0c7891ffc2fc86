// Each child's next review together with its booking: the row behind /due, /actions and digests.
import { addDays, diffDays } from './calendar.js';
import { compareCodeUnits } from './code-order.js';
import type { DueWindow } from './due-window.js';
import { reviewOverdue, type DueReason } from './timescales.js';
import type { Booking, Child, IsoDate } from './types.js';

/** The engine's answer for one child (see timescales.ts). */
export interface NextReviewLike {
  sequence: number;
  dueBy: IsoDate;
  rule: string;
  explanation: string;
  /** The explanation as data (timescales.ts DueReason); absent on a next review stored before it was kept. */
  reason?: DueReason;
}

export interface ReviewStatus<C extends Child = Child> {
  child: C;
  next: NextReviewLike;
  /** The live booking for this next review, if any. */
  booking: Booking | null;
}

/** London calendar date of a booking's start instant (bookings carry their offset). */
export function bookingDate(b: Booking): IsoDate {
  return b.start.slice(0, 10);
}

/** A booking still standing: booked (or imported without a status), not cancelled, adjourned or held. */
export function isLiveBooking(b: Pick<Booking, 'status'>): boolean {
  return (b.status ?? 'booked') === 'booked';
}

/** The earliest live booking after the last held review: that is the booking of the next review. */
export function upcomingBooking(child: Pick<Child, 'bookings' | 'reviews'>): Booking | null {
  const lastHeld = child.reviews.reduce<IsoDate>((max, r) => (r.heldOn > max ? r.heldOn : max), '');
  let best: Booking | null = null;
  for (const b of child.bookings) {
    if (!isLiveBooking(b)) continue;
    if (bookingDate(b) <= lastHeld) continue;
    if (!best || b.start < best.start) best = b;
  }
  return best;
}

export function daysOverdue(s: ReviewStatus, today: IsoDate): number {
  return Math.max(0, diffDays(today, s.next.dueBy));
}

// Ties by case ref in code-unit order, the order the store sorts `_id` in, so the list computed here and the
// one read page by page from the store's index (app/due-page.ts) agree.
export const byDueThenRef = (a: ReviewStatus, b: ReviewStatus): number =>
  compareCodeUnits(a.next.dueBy, b.next.dueBy) || compareCodeUnits(a.child.ref, b.child.ref);

export interface DueListing<C extends Child = Child> {
  overdue: ReviewStatus<C>[];
  due: ReviewStatus<C>[];
}

/**
 * docs/DESIGN.md "/due": relative windows list overdue (due before today, not held) first, then what is
 * due in the window from today on; explicit dates and ranges list every next review due in them.
 */
export function dueListing<C extends Child>(
  statuses: ReviewStatus<C>[],
  window: DueWindow,
  today: IsoDate,
): DueListing<C> {
  const overdue: ReviewStatus<C>[] = [];
  const due: ReviewStatus<C>[] = [];
  const from = window.kind === 'relative' && window.from < today ? today : window.from;
  for (const s of statuses) {
    const d = s.next.dueBy;
    if (window.kind === 'explicit') {
      if (d >= window.from && d <= window.to) due.push(s);
    } else if (reviewOverdue(d, today)) {
      overdue.push(s);
    } else if (window.kind === 'relative' && d >= from && d <= window.to) {
      due.push(s);
    }
  }
  overdue.sort(byDueThenRef);
  due.sort(byDueThenRef);
  return { overdue, due };
}

/** Reviews due within the next `days` calendar days from today (inclusive), for /caseload. */
export function dueWithinDays(statuses: ReviewStatus[], today: IsoDate, days: number): number {
  const last = addDays(today, days - 1);
  return statuses.filter((s) => !reviewOverdue(s.next.dueBy, today) && s.next.dueBy <= last).length;
}
