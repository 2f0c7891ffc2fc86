// Cover for an IRO's absence (issue 14; docs/DOMAIN.md "Cover for an absent IRO"): a reviewing team
// manager names the absent IRO and the dates; each of their reviews due or booked in that window is
// offered to the other IROs (W54.3 per child, as for an allocation); the cover is recorded on the child
// (who covers whom, from–to) while the allocation stays with the absent IRO. Pure: `today` is passed in.
import { isIsoDate, diffDays, todayIn } from './calendar.js';
import { isChildsIro, type PersonRoles } from './case-roles.js';
import { formatDate } from './dates-format.js';
import { AppError, type UserMessage } from './errors.js';
import type { IsoDate } from './types.js';

export const COVER_EXAMPLE = '/cover @Alex Wilber 2026-12-07 to 2026-12-18';
/** The longest absence one cover may span (a longer one is a reallocation: /allocate). */
export const MAX_COVER_DAYS = 183;

/** Cover as stored on a child (store/documents.ts ChildDoc.cover). */
export interface Cover {
  /** The IRO covering. */
  iroId: string;
  /** The absent IRO (the child's allocated IRO when the cover was set). */
  forIroId: string;
  from: IsoDate;
  to: IsoDate;
}

export interface CoverWindow {
  from: IsoDate;
  to: IsoDate;
}

/** The absence's dates: real dates, from ≤ to, not over by today, at most MAX_COVER_DAYS long. */
export function coverWindow(from: unknown, to: unknown, today: IsoDate): CoverWindow {
  const bad = (text: string, said: UserMessage, problem?: string) =>
    new AppError('invalid-input', text, { example: COVER_EXAMPLE, ...(problem ? { problem } : {}) }, said);
  if (!isIsoDate(from) || !isIsoDate(to))
    throw bad(
      'give the first and last day of the absence (YYYY-MM-DD)',
      { key: 'errors.cover.dates-needed' },
      'missing',
    );
  if (to < from)
    throw bad(
      `the absence ends (${formatDate(to)}) before it starts (${formatDate(from)})`,
      { key: 'errors.cover.ends-before', params: { fromDate: from, toDate: to } },
      'date-order',
    );
  if (to < today)
    throw bad(
      `the absence ended on ${formatDate(to)}: cover is set for today or later`,
      { key: 'errors.cover.ended', params: { toDate: to } },
      'date-order',
    );
  if (diffDays(to, from) + 1 > MAX_COVER_DAYS)
    throw bad(`cover spans at most ${MAX_COVER_DAYS} days; for a longer absence reallocate the children (/allocate)`, {
      key: 'errors.cover.too-long',
      params: { max: MAX_COVER_DAYS },
    });
  return { from, to };
}

/** A review that falls in the window: due by a date in it, or booked on a day in it. */
export interface CoverableReview {
  ref: string;
  dueBy: IsoDate | null;
  /** The live booking's day (Europe/London), when booked. */
  bookedOn: IsoDate | null;
}

export function reviewInWindow(
  next: { dueBy: string | null; booking: { start: string } | null } | null | undefined,
  window: CoverWindow,
  tzName: string,
): Omit<CoverableReview, 'ref'> | null {
  if (!next) return null;
  const bookedOn = next.booking ? todayIn(new Date(next.booking.start), tzName) : null;
  const inside = (d: string | null) => d !== null && d >= window.from && d <= window.to;
  if (!inside(next.dueBy) && !inside(bookedOn)) return null;
  return { dueBy: next.dueBy, bookedOn };
}

/** The cover in force on `day` (a cover outside its dates is history only). */
export function coverOn(cover: Cover | null | undefined, day: IsoDate): Cover | null {
  return cover && cover.from <= day && day <= cover.to ? cover : null;
}

/** Cover recorded and not over by `today` (in force or still to come): the child's review is someone else's to chair. */
export function coverNotOver(cover: Cover | null | undefined, today: IsoDate): boolean {
  return !!cover && cover.to >= today;
}

/**
 * The IRO covering this child's review while the cover is not over (rule CV1): they may see the child as
 * its own IRO does, to prepare and chair the review; once the cover is over, no longer.
 */
export function isCoveringIro(person: PersonRoles, child: { cover?: Cover | null }, today: IsoDate): boolean {
  return coverNotOver(child.cover, today) && isChildsIro(person, { iroId: child.cover!.iroId });
}

/**
 * CV1: whether this person covers the child's review today, for another IRO (the cover in force): its booking
 * and chasing are theirs meanwhile (/actions), not the absent IRO's.
 */
export function coversToday(
  person: PersonRoles,
  child: { iroId: string; cover?: Cover | null },
  today: IsoDate,
): boolean {
  const cover = coverOn(child.cover, today);
  return !!cover && isChildsIro(person, { iroId: cover.iroId }) && !isChildsIro(person, child);
}

/**
 * CV1: who books and chases the child's next review on `today`: the covering IRO while a cover is in force,
 * else the child's IRO (review reminders and the IRO digest follow /actions).
 */
export function reviewOwnerOn(child: { iroId: string; cover?: Cover | null }, today: IsoDate): string {
  return coverOn(child.cover, today)?.iroId ?? child.iroId;
}
