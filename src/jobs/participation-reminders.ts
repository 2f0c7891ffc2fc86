// PC3 (docs/DOMAIN.md "Participation"): an open participation checklist is reminded to the review's chair (the
// child's IRO, or the IRO covering the booked day, CV1), in
// their 1:1 chat, a week before the booked review. Queued in the child's document like any message about the
// child (the pending drainer moves it to the outbox, where the audience gate checks it); its key names the
// booking and its date, so it is queued once, and again only if the review moves.
import type { AppDeps } from '../app/deps.js';
import { todayIn } from '../domain/calendar.js';
import { reviewOwnerOn } from '../domain/cover.js';
import { participationReminder } from '../domain/participation.js';
import { upcomingBooking } from '../domain/review-status.js';
import type { IsoDate } from '../domain/types.js';
import type { BookingDoc, ChildDoc } from '../store/documents.js';
import type { OutboxRepository } from '../store/repositories/outbox-repository.js';
import { stepper } from './event-loop.js';

export const PARTICIPATION_REMINDER_KIND = 'participation-reminder';

export async function queueParticipationReminders(
  deps: Pick<AppDeps, 'children' | 'staff' | 'tzName'>,
  outbox: Pick<OutboxRepository, 'get'>,
  children: readonly ChildDoc[],
  today: IsoDate,
  /** PARTICIPATION_REMINDER_DAYS; the domain default when absent. */
  daysBefore?: number,
): Promise<string[]> {
  const queued: string[] = [];
  // Every child: requests go in between (event-loop.ts).
  const step = stepper();
  for (const child of children) {
    await step();
    const booking = upcomingBooking(child) as BookingDoc | null;
    if (!booking || !child.iroId) continue;
    const bookedOn = todayIn(new Date(booking.start), deps.tzName);
    const due = participationReminder(child.ref, booking.id, bookedOn, booking.participation, today, daysBefore);
    if (!due) continue;
    if ((child.pending ?? []).some((p) => p.key === due.key) || (await outbox.get(due.key))) continue;
    await deps.children.queuePending(child.ref, [
      {
        key: due.key,
        to: { kind: 'personal', staffId: reviewOwnerOn(child, bookedOn) },
        message: {
          type: PARTICIPATION_REMINDER_KIND,
          data: { bookingId: booking.id, date: bookedOn, open: due.open },
        },
      },
    ]);
    queued.push(due.key);
  }
  return queued;
}
