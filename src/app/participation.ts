// The pre-review participation checklist (docs/DOMAIN.md "Participation", PC1–PC3): shown for a child's
// booked review, answered item by item by the child's IRO, one versioned child update per answer set.
import { isChildsIro } from '../domain/case-roles.js';
import { isCoveringIro } from '../domain/cover.js';
import { AppError } from '../domain/errors.js';
import {
  applyAnswers,
  isChecklistComplete,
  PARTICIPATION_ITEMS,
  type ParticipationChecklist,
} from '../domain/participation.js';
import type { IsoDate } from '../domain/types.js';
import type { BookingDoc, ChildDoc, StaffDoc } from '../store/documents.js';
import { liveBookingOf, loadChild } from './booking/booking-common.js';
import { changeTo, unchanged, updateChild } from './child-update.js';
import { today, type AppDeps } from './deps.js';

export const PARTICIPATION_EXAMPLE = '/participation C1001';

export interface ParticipationView {
  child: ChildDoc;
  booking: BookingDoc;
  checklist: ParticipationChecklist;
  complete: boolean;
  /** PC2: only the child's IRO (or the IRO covering its review) answers the checklist; everyone else who may see the child reads it. */
  mayAnswer: boolean;
}

/**
 * PC2 (decision): the child's allocated IRO completes the checklist; the sources make it the IRO's duty. While a
 * cover is not over (CV1), the IRO covering the review prepares it and may complete the checklist too.
 */
export function mayAnswerChecklist(actor: StaffDoc, child: ChildDoc, today: IsoDate): boolean {
  return isChildsIro(actor, child) || isCoveringIro(actor, child, today);
}

function viewOf(actor: StaffDoc, child: ChildDoc, booking: BookingDoc, today: IsoDate): ParticipationView {
  const checklist = booking.participation ?? {};
  return {
    child,
    booking,
    checklist,
    complete: isChecklistComplete(checklist),
    mayAnswer: mayAnswerChecklist(actor, child, today),
  };
}

function requireBooking(child: ChildDoc): BookingDoc {
  const booking = liveBookingOf(child);
  if (!booking)
    throw new AppError(
      'invalid-input',
      `no review is booked for ${child.ref}: the checklist belongs to a booking`,
      {
        example: `/book ${child.ref}`,
      },
      { key: 'errors.more.checklist-no-booking', params: { ref: child.ref } },
    );
  return booking;
}

/** The checklist of the child's booked review, for someone who may see the child. */
export async function participationView(deps: AppDeps, actor: StaffDoc, ref: string): Promise<ParticipationView> {
  const example = PARTICIPATION_EXAMPLE.replace('C1001', ref);
  const child = await loadChild(deps, actor, ref, example);
  return viewOf(actor, child, requireBooking(child), today(deps));
}

export interface ParticipationInput {
  ref: string;
  bookingId: string;
  /** Untrusted answers from the card: checked by domain/participation.ts `applyAnswers`. */
  answers: { item: unknown; status: unknown; reason?: unknown }[];
}

/**
 * Records the IRO's answers on the booking (history `participation.recorded` with the items before and
 * after). A refusal changes nothing; the same answers again write nothing.
 */
export function recordParticipation(
  deps: AppDeps,
  actor: StaffDoc,
  input: ParticipationInput,
): Promise<ParticipationView & { changed: number }> {
  const example = PARTICIPATION_EXAMPLE.replace('C1001', input.ref);
  return updateChild(
    deps,
    actor,
    () => loadChild(deps, actor, input.ref, example),
    (child) => {
      if (!mayAnswerChecklist(actor, child, today(deps)))
        throw new AppError(
          'forbidden',
          `only ${child.ref}'s IRO completes its participation checklist`,
          { example },
          { key: 'errors.more.checklist-not-yours', params: { ref: child.ref } },
        );
      const booking = requireBooking(child);
      if (booking.id !== input.bookingId)
        throw new AppError(
          'conflict',
          'this checklist is for a booking that has since changed; nothing was changed',
          {
            example,
          },
          { key: 'errors.more.checklist-moved' },
        );
      const { checklist, changed } = applyAnswers(booking.participation, input.answers, actor._id, today(deps));
      if (changed.length === 0) return unchanged({ ...viewOf(actor, child, booking, today(deps)), changed: 0 });
      const bookings = child.bookings.map((b) => (b.id === booking.id ? { ...b, participation: checklist } : b));
      const before = Object.fromEntries(changed.map((i) => [i, booking.participation?.[i]?.status ?? null]));
      const after = Object.fromEntries(changed.map((i) => [i, checklist[i]!.status]));
      return changeTo(
        {
          set: { bookings },
          history: { action: 'participation.recorded', before: { bookingId: booking.id, ...before }, after },
          audit: {
            action: 'participation.recorded',
            details: { bookingId: booking.id, items: changed.length, complete: isChecklistComplete(checklist) },
          },
        },
        (stored) => {
          const b = stored.bookings.find((x) => x.id === booking.id)!;
          return { ...viewOf(actor, stored, b, today(deps)), changed: changed.length };
        },
      );
    },
  );
}

export { PARTICIPATION_ITEMS };
