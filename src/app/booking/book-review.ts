// Book a child's next review (docs/DOMAIN.md "Booking and rescheduling"): the form's choices, and the
// booking itself. A date after the due-by date takes the outside-timescale path: reason + text, and a
// reviewing team manager's approval before the booking exists.
import {
  canBook,
  needsManagerApproval,
  requireOutsideReason,
  type RescheduleReason,
} from '../../domain/booking-rules.js';
import { AppError } from '../../domain/errors.js';
import { formatDate } from '../../domain/dates-format.js';
import { freeSlots, londonDateTime, type Slot } from '../../domain/slots.js';
import type { NextReview } from '../../domain/timescales.js';
import type { BookingDoc, ChildDoc, StaffDoc } from '../../store/documents.js';
import type { RescheduleRequestDoc } from '../../store/reschedule-documents.js';
import { proceedingsOpen } from '../../domain/liaison.js';
import { today, type AppDeps } from '../deps.js';
import { changeTo, updateChild, type Decision } from '../child-update.js';
import { bookingSettings } from './booking-settings.js';
import { approvalCards, bookingCards } from './booking-messages.js';
import {
  checkStartOfferingSlots,
  diaryOf,
  liveBookingOf,
  loadChild,
  nextId,
  requireNext,
  slotRules,
  who,
} from './booking-common.js';

export const BOOK_EXAMPLE = '/book C1001';

/** Venues offered, the child's preferred one first (decision: the venue of their last booking, else Placement). */
export const STANDARD_VENUES = ['Placement', 'School', 'Council office', 'Online (Teams)'];

/** Non-staff invitees offered on the form. */
export const OTHER_INVITEES = ['child', 'carers', 'parents', 'school'] as const;

export interface InviteeOption {
  value: string;
  /** Staff name, or the id of OTHER_INVITEES. */
  label: string;
  kind: 'staff' | 'other';
  role: 'social-worker' | 'guardian' | 'other';
}

export interface BookingFormInfo {
  child: ChildDoc;
  next: NextReview;
  today: string;
  venues: string[];
  invitees: InviteeOption[];
  /** Pre-selected: the social worker, and the Guardian for a child in proceedings. */
  defaultInvitees: string[];
  /** Earliest free slots (a good default date and time). */
  slots: Slot[];
}

export function inProceedings(child: ChildDoc): boolean {
  return proceedingsOpen(child) && !!child.proceedings?.guardianId;
}

function venuesFor(child: ChildDoc): string[] {
  const used = [...child.bookings].filter((b) => b.venue).sort((a, b) => (a.start < b.start ? 1 : -1))[0]?.venue;
  return [...new Set([used ?? 'Placement', ...STANDARD_VENUES])];
}

export async function bookingForm(deps: AppDeps, actor: StaffDoc, ref: string): Promise<BookingFormInfo> {
  const child = await loadChild(deps, actor, ref, BOOK_EXAMPLE);
  if (!canBook(actor, child, today(deps)))
    throw new AppError(
      'forbidden',
      `only ${child.ref}'s IRO or business support can book its review`,
      {
        example: '/due this week',
      },
      { key: 'errors.booking.not-yours', params: { ref: child.ref } },
    );
  const next = requireNext(child, deps);
  const existing = liveBookingOf(child);
  if (existing) {
    throw new AppError(
      'invalid-input',
      `${child.ref}'s next review is already booked: to move it, reschedule`,
      {
        example: `/reschedule ${child.ref}`,
        problem: 'already-booked',
      },
      { key: 'errors.booking.already-booked', params: { ref: child.ref } },
    );
  }
  const ids = [child.socialWorkerId, child.proceedings?.guardianId].filter((x): x is string => !!x);
  const people = await Promise.all(ids.map((id) => deps.staff.get(id)));
  const byId = new Map(people.filter((p): p is StaffDoc => !!p).map((p) => [p._id, p]));
  const invitees: InviteeOption[] = [];
  const defaults: string[] = [];
  if (child.socialWorkerId) {
    invitees.push({
      value: child.socialWorkerId,
      label: byId.get(child.socialWorkerId)?.name ?? child.socialWorkerId,
      kind: 'staff',
      role: 'social-worker',
    });
    defaults.push(child.socialWorkerId);
  }
  const guardianId = child.proceedings?.guardianId;
  if (guardianId && inProceedings(child)) {
    invitees.push({
      value: guardianId,
      label: byId.get(guardianId)?.name ?? guardianId,
      kind: 'staff',
      role: 'guardian',
    });
    defaults.push(guardianId); // L5: invite the Guardian when a review is booked
  }
  for (const o of OTHER_INVITEES) invitees.push({ value: o, label: o, kind: 'other', role: 'other' });
  const diary = await diaryOf(deps, child, null);
  const slots = freeSlots(diary, next.dueBy, deps.clock(), slotRules(deps), 3);
  return { child, next, today: today(deps), venues: venuesFor(child), invitees, defaultInvitees: defaults, slots };
}

export interface BookInput {
  ref: string;
  date: string;
  time: string;
  venue: string;
  invitees: string[];
  /** Outside timescale only; checked against the reason categories. */
  reason?: unknown;
  text?: string | null;
}

export type BookResult =
  | { outcome: 'booked'; child: ChildDoc; booking: BookingDoc; next: NextReview }
  | { outcome: 'approval-needed'; child: ChildDoc; request: RescheduleRequestDoc; next: NextReview };

export function bookReview(deps: AppDeps, actor: StaffDoc, input: BookInput): Promise<BookResult> {
  const example = BOOK_EXAMPLE.replace('C1001', input.ref);
  return updateChild(
    deps,
    actor,
    () => loadChild(deps, actor, input.ref, example),
    (child) => decideBooking(deps, actor, input, child, example),
  );
}

/** On a fresh read after a lost race this refuses "already booked" rather than booking twice. */
async function decideBooking(
  deps: AppDeps,
  actor: StaffDoc,
  input: BookInput,
  child: ChildDoc,
  example: string,
): Promise<Decision<BookResult>> {
  if (!canBook(actor, child, today(deps)))
    throw new AppError(
      'forbidden',
      `only ${child.ref}'s IRO or business support can book its review`,
      {
        example: '/due this week',
      },
      { key: 'errors.booking.not-yours', params: { ref: child.ref } },
    );
  const next = requireNext(child, deps);
  const existing = liveBookingOf(child);
  if (existing) {
    const by = existing.bookedBy ? ((await deps.staff.get(existing.bookedBy))?.name ?? existing.bookedBy) : null;
    const { date, time } = londonDateTime(existing.start, deps.tzName);
    const booked = `already booked${by ? ` by ${by}` : ''} for ${formatDate(date)} ${time}`;
    throw new AppError(
      'conflict',
      `${child.ref}'s next review is ${booked}: to move it, reschedule`,
      {
        example: `/reschedule ${child.ref}`,
      },
      { key: 'errors.booking.booked-by', params: { ref: child.ref, by: by ?? 'none', whenDate: date, time } },
    );
  }
  const venue = input.venue.trim();
  if (!venue) throw new AppError('invalid-input', 'choose a venue', { example }, { key: 'errors.booking.venue' });
  const diary = await diaryOf(deps, child, null);
  const checked = checkStartOfferingSlots(deps, { date: input.date, time: input.time }, next.dueBy, diary, example);
  const bookingId = nextId(
    `${child.ref}-B`,
    child.bookings.map((b) => b.id),
  );
  const invitees = [...new Set(input.invitees.map((i) => i.trim()).filter(Boolean))];

  if (needsManagerApproval('book', checked.outsideTimescale, bookingSettings(deps))) {
    // A first booking after the due-by date takes the reschedule approval path (docs/DOMAIN.md).
    requireOutsideReason(input.reason, input.text, next.dueBy, example);
    const requests = child.rescheduleRequests ?? [];
    const open = requests.find((r) => r.status === 'pending');
    if (open) {
      throw new AppError(
        'conflict',
        `a request for ${child.ref} is already waiting for a manager (asked by ${open.requestedBy.name ?? open.requestedBy.id})`,
        { example: `/case ${child.ref}` },
        {
          key: 'errors.booking.request-waiting',
          params: { ref: child.ref, by: open.requestedBy.name ?? open.requestedBy.id },
        },
      );
    }
    const request: RescheduleRequestDoc = {
      id: nextId(
        `${child.ref}-RQ`,
        requests.map((r) => r.id),
      ),
      kind: 'book',
      bookingId,
      from: null,
      to: checked.start,
      venue,
      invitees,
      dueBy: next.dueBy,
      rule: next.rule,
      outsideTimescale: true,
      reason: input.reason as RescheduleReason,
      text: input.text!.trim(),
      requestedBy: who(actor),
      requestedAt: deps.clock(),
      status: 'pending',
      version: 1,
    };
    const pending = await approvalCards(deps, request.id, actor._id);
    return changeTo(
      {
        set: { rescheduleRequests: [...requests, request] },
        pending,
        history: {
          action: 'booking.requested-outside-timescale',
          after: { requestId: request.id, to: request.to, dueBy: next.dueBy, reason: request.reason },
        },
        audit: {
          action: 'booking.requested-outside-timescale',
          details: { requestId: request.id, to: request.to, dueBy: next.dueBy, reason: request.reason },
        },
      },
      (after) => ({ outcome: 'approval-needed', child: after, request, next }),
    );
  }

  const booking: BookingDoc = {
    id: bookingId,
    start: checked.start,
    venue,
    status: 'booked',
    source: 'bot',
    invitees,
    bookedBy: actor._id,
  };
  return changeTo(
    {
      set: { bookings: [...child.bookings, booking] },
      pending: bookingCards(child, `booking:${bookingId}:booked`, { bookingId, event: 'booked' }),
      history: {
        action: 'booking.booked',
        after: { bookingId, start: booking.start, venue, dueBy: next.dueBy, rule: next.rule },
      },
      audit: { action: 'booking.booked', details: { bookingId, start: booking.start, dueBy: next.dueBy } },
    },
    (after) => ({ outcome: 'booked', child: after, booking, next }),
  );
}
