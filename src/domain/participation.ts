// The pre-review participation checklist (docs/DOMAIN.md "Participation", rules PC1–PC4): what the IRO
// does before each review so the child, carers and parents take part. Kept on the booking while the
// review is ahead, copied onto the review when it is recorded as held, counted in /report. Pure.
import { addDays, diffDays } from './calendar.js';
import { compliancePercent, type ReportPeriod } from './compliance.js';
import { AppError } from './errors.js';
import type { IsoDate } from './types.js';

/** The items, in the order the card shows them (PC1). */
export const PARTICIPATION_ITEMS = [
  'child-consulted',
  'child-consultation-document',
  'carer-consultation-document',
  'parent-consultation-document',
  'advocacy-offered',
  'language-communication',
  'preferred-venue',
] as const;
export type ParticipationItem = (typeof PARTICIPATION_ITEMS)[number];

export const ITEM_STATUSES = ['done', 'not-applicable', 'not-done'] as const;
export type ItemStatus = (typeof ITEM_STATUSES)[number];

/** The longest reason kept for "not applicable" or "not done" (PC2). */
export const MAX_REASON_LENGTH = 500;

export interface ChecklistEntry {
  status: ItemStatus;
  /** Required for not-applicable (PC2); optional for not-done. */
  reason?: string | null;
  by: string;
  on: IsoDate;
}

export type ParticipationChecklist = Partial<Record<ParticipationItem, ChecklistEntry>>;

export function isParticipationItem(v: unknown): v is ParticipationItem {
  return typeof v === 'string' && (PARTICIPATION_ITEMS as readonly string[]).includes(v);
}

export function isItemStatus(v: unknown): v is ItemStatus {
  return typeof v === 'string' && (ITEM_STATUSES as readonly string[]).includes(v);
}

/** PC2: an item is settled when done, or not applicable with its reason; "not done" and unanswered are open. */
export function isSettled(entry: ChecklistEntry | undefined): boolean {
  return !!entry && (entry.status === 'done' || entry.status === 'not-applicable');
}

/** PC2: complete = every item settled. */
export function isChecklistComplete(list: ParticipationChecklist | null | undefined): boolean {
  return PARTICIPATION_ITEMS.every((item) => isSettled(list?.[item]));
}

export function openItems(list: ParticipationChecklist | null | undefined): ParticipationItem[] {
  return PARTICIPATION_ITEMS.filter((item) => !isSettled(list?.[item]));
}

export interface ItemAnswer {
  item: ParticipationItem;
  status: ItemStatus;
  reason?: string | null;
}

/**
 * Checks the answers a card sent (untrusted) and returns the checklist with them applied. Answers that
 * repeat what is stored change nothing (so the same form sent twice is not a second change).
 */
export function applyAnswers(
  list: ParticipationChecklist | null | undefined,
  answers: readonly { item: unknown; status: unknown; reason?: unknown }[],
  by: string,
  on: IsoDate,
): { checklist: ParticipationChecklist; changed: ParticipationItem[] } {
  const checklist: ParticipationChecklist = { ...(list ?? {}) };
  const changed: ParticipationItem[] = [];
  for (const a of answers) {
    if (!isParticipationItem(a.item))
      throw new AppError(
        'invalid-input',
        'that checklist item is not one I know; nothing was changed',
        {},
        { key: 'errors.more.checklist-item-unknown' },
      );
    if (a.status === undefined || a.status === null || a.status === '') continue; // left unanswered
    if (!isItemStatus(a.status))
      throw new AppError(
        'invalid-input',
        `${a.item}: choose done, not applicable or not done; nothing was changed`,
        {},
        { key: 'errors.more.checklist-status', params: { item: a.item } },
      );
    const reason = typeof a.reason === 'string' ? a.reason.trim() : '';
    if (reason.length > MAX_REASON_LENGTH)
      throw new AppError(
        'invalid-input',
        `${a.item}: the reason is longer than ${MAX_REASON_LENGTH} characters`,
        {
          problem: 'reason-required',
        },
        { key: 'errors.more.checklist-reason-long', params: { item: a.item, max: MAX_REASON_LENGTH } },
      );
    if (a.status === 'not-applicable' && !reason)
      throw new AppError(
        'invalid-input',
        `${a.item}: "not applicable" needs a reason; nothing was changed`,
        {
          problem: 'reason-required',
          item: a.item,
        },
        { key: 'errors.more.checklist-reason', params: { item: a.item } },
      );
    const was = checklist[a.item];
    const next: ChecklistEntry = { status: a.status, reason: a.status === 'done' ? null : reason || null, by, on };
    if (was && was.status === next.status && (was.reason ?? null) === next.reason) continue;
    checklist[a.item] = next;
    changed.push(a.item);
  }
  return { checklist, changed };
}

/** PC3 (decision): an open checklist is reminded this many calendar days before the booked review. */
export const PARTICIPATION_REMINDER_DAYS = 7;

/**
 * PC3: whether the IRO is reminded today of an open checklist for a review booked on `bookedOn`: from
 * `daysBefore` days ahead until the day before the review (a booking made later is reminded at once). Once
 * a day is enough: the key names the booking and its date, so a moved review is reminded again.
 */
export function participationReminder(
  ref: string,
  bookingId: string,
  bookedOn: IsoDate,
  checklist: ParticipationChecklist | null | undefined,
  today: IsoDate,
  daysBefore = PARTICIPATION_REMINDER_DAYS,
): { key: string; open: number } | null {
  if (today < addDays(bookedOn, -daysBefore) || today >= bookedOn) return null;
  const open = openItems(checklist).length;
  if (open === 0) return null;
  return { key: `participation:${ref}:${bookingId}:${bookedOn}`, open };
}

/** PC4: completion over the reviews held in a period (by held date), with each item's answers. */
export interface ParticipationFigures {
  held: number;
  /** Reviews that carry a checklist at all (imported reviews do not). */
  recorded: number;
  complete: number;
  /** complete ÷ held, two decimals; null when none was held. */
  completePercent: string | null;
  items: { item: ParticipationItem; done: number; notApplicable: number; notDone: number; notRecorded: number }[];
}

export interface HeldWithChecklist {
  heldOn: IsoDate;
  participation?: ParticipationChecklist | null;
}

export function participationFigures(
  reviews: readonly HeldWithChecklist[],
  period: ReportPeriod,
): ParticipationFigures {
  const inPeriod = reviews.filter((r) => r.heldOn >= period.from && r.heldOn <= period.to);
  const items = PARTICIPATION_ITEMS.map((item) => {
    const counts = { item, done: 0, notApplicable: 0, notDone: 0, notRecorded: 0 };
    for (const r of inPeriod) {
      const s = r.participation?.[item]?.status;
      if (s === 'done') counts.done++;
      else if (s === 'not-applicable') counts.notApplicable++;
      else if (s === 'not-done') counts.notDone++;
      else counts.notRecorded++;
    }
    return counts;
  });
  const complete = inPeriod.filter((r) => isChecklistComplete(r.participation)).length;
  return {
    held: inPeriod.length,
    recorded: inPeriod.filter((r) => r.participation && Object.keys(r.participation).length > 0).length,
    complete,
    completePercent: compliancePercent(complete, inPeriod.length),
    items,
  };
}

/** Days left before the booked review (0 = today); used by the card's subtitle. */
export function daysUntil(bookedOn: IsoDate, today: IsoDate): number {
  return diffDays(bookedOn, today);
}
