// Shared steps of the booking use cases: load a child the actor may act on, its next review, the
// IRO's diary, and ids. Changes are written by ../child-update.ts.
import { canSeeChild } from '../../domain/access.js';
import { AppError, isAppError, type UserMessage } from '../../domain/errors.js';
import { freeSlots, IroDiary, londonStart, type Slot, type SlotRules } from '../../domain/slots.js';
import { checkStart, type CheckedStart, type ProposedStart } from '../../domain/booking-rules.js';
import { coverNotOver } from '../../domain/cover.js';
import { formatDate } from '../../domain/dates-format.js';
import { nextReview, type NextReview } from '../../domain/timescales.js';
import { isLiveBooking, upcomingBooking } from '../../domain/review-status.js';
import type { BookingDoc, ChildDoc, StaffDoc } from '../../store/documents.js';
import { today, type AppDeps } from '../deps.js';
import { bookingSettings } from './booking-settings.js';

/** The child, or not-found; the actor must be allowed to see it (docs/DOMAIN.md "People and roles"). */
export async function loadChild(deps: AppDeps, actor: StaffDoc, ref: string, example: string): Promise<ChildDoc> {
  const child = await deps.children.get(ref);
  const sw = child?.socialWorkerId ? await deps.staff.get(child.socialWorkerId) : null;
  if (!child || !canSeeChild(actor, child, sw, today(deps))) {
    // Same answer whether it does not exist or is not theirs: no probing for case references.
    throw new AppError(
      'not-found',
      `I can't find case ${ref} among the children you work with`,
      { example },
      { key: 'errors.booking.case-unknown', params: { ref } },
    );
  }
  return child;
}

export function requireNext(child: ChildDoc, deps: AppDeps): NextReview {
  let next: NextReview | null;
  try {
    next = nextReview(child, deps.policy, deps.calendar);
  } catch (err) {
    if (isAppError(err, 'invalid-history')) {
      throw new AppError(
        'invalid-input',
        `${child.ref}'s history cannot be read, so I can't work out its due date: ask your administrator to check the import`,
        {},
        { key: 'errors.booking.history-unreadable', params: { ref: child.ref } },
      );
    }
    throw err;
  }
  if (!next)
    throw new AppError(
      'invalid-input',
      `${child.ref} has no review due (not looked after, or the plan has ended)`,
      {
        example: `/case ${child.ref}`,
        problem: 'no-review-due',
      },
      { key: 'errors.booking.no-review-due', params: { ref: child.ref } },
    );
  return next;
}

export function liveBookingOf(child: ChildDoc): BookingDoc | null {
  return upcomingBooking(child) as BookingDoc | null;
}

export function isLive(b: BookingDoc): boolean {
  return isLiveBooking(b);
}

/** The IRO's live bookings across their caseload, leaving out one booking (the one being moved). */
/**
 * The diary a booking of this child must fit: its IRO's, and while a cover is not over (CV1) the covering IRO's
 * too, as either may chair it depending on the day. An IRO's diary holds the live bookings of their own
 * children and of the children whose review they cover (docs/DOMAIN.md "Cover for an absent IRO").
 */
export async function diaryOf(
  deps: AppDeps,
  child: Pick<ChildDoc, 'iroId' | 'cover'>,
  exceptBookingId: string | null,
): Promise<IroDiary> {
  const t = today(deps);
  const iros = coverNotOver(child.cover, t) ? [child.iroId, child.cover!.iroId] : [child.iroId];
  const seen = new Map<string, ChildDoc>();
  for (const id of iros)
    for (const c of [...(await deps.children.listByIro(id)), ...(await deps.children.listCoveredBy(id, t))])
      seen.set(c.ref, c);
  const starts: string[] = [];
  for (const c of seen.values())
    for (const b of c.bookings) if (isLive(b) && b.id !== exceptBookingId) starts.push(b.start);
  return new IroDiary(starts, deps.tzName);
}

export function slotRules(deps: AppDeps): SlotRules {
  const s = bookingSettings(deps);
  return { slotTimes: s.slotTimes, maxPerDay: s.maxReviewsPerDay, calendar: deps.calendar, tzName: deps.tzName };
}

export function who(actor: StaffDoc): { id: string; name: string } {
  return { id: actor._id, name: actor.name };
}

export function nextId(prefix: string, taken: readonly string[]): string {
  const set = new Set(taken);
  let n = taken.length + 1;
  while (set.has(`${prefix}${n}`)) n++;
  return `${prefix}${n}`;
}

/** How many free slots a refusal offers instead (issue 11: a clash offers the next free slots). */
export const SLOTS_OFFERED_ON_CLASH = 3;

/**
 * checkStart, and when the time is taken, the day is full or is not a working day, the refusal names
 * the IRO's next free slots from that day on (details.slots, and in the text for plain replies).
 */
export function checkStartOfferingSlots(
  deps: AppDeps,
  p: ProposedStart,
  dueBy: string,
  diary: IroDiary,
  example: string,
): CheckedStart {
  const now = deps.clock();
  const s = slotRules(deps);
  try {
    return checkStart(
      p,
      { now, tzName: deps.tzName, calendar: deps.calendar, maxPerDay: s.maxPerDay, dueBy, diary },
      example,
    );
  } catch (err) {
    const problem = isAppError(err, 'invalid-input') ? err.details.problem : undefined;
    if (!isAppError(err) || !['clash', 'day-full', 'not-working-day'].includes(String(problem))) throw err;
    const from = new Date(Math.max(now.getTime(), Date.parse(londonStart(p.date, '00:00', deps.tzName))));
    const slots: Slot[] = freeSlots(diary, dueBy, from, s, SLOTS_OFFERED_ON_CLASH);
    const offer = slots.length
      ? `. The next free slots: ${slots.map((x) => `${formatDate(x.date)} ${x.time}${x.outsideTimescale ? ' (outside timescale)' : ''}`).join('; ')}`
      : `. There is no free slot from ${formatDate(p.date)} up to the due-by date (${formatDate(dueBy)})`;
    // The reader gets the offer in their words; the problem's title (clash, day full…) already says what was wrong.
    const said: UserMessage = slots.length
      ? {
          key: 'errors.booking.next-slots',
          params: {
            freeSlots: slots.map((x) => `${x.date} ${x.time}${x.outsideTimescale ? ' outside' : ''}`).join('; '),
          },
          before: err.userMessage,
        }
      : { key: 'errors.booking.no-free-slot', params: { fromDate: p.date, dueDate: dueBy }, before: err.userMessage };
    throw new AppError('invalid-input', err.message + offer, { ...err.details, slots }, said);
  }
}
