// Events notified from Teams (issue 14; docs/DOMAIN.md "Review timescales", "Vocabularies"): which
// events a person may notify, who may notify them, and what a notified event must look like. Pure:
// `today` is passed in. The timescale engine (timescales.ts) turns the stored events into due dates.
import { isChildsIro, isChildsSocialWorker } from './case-roles.js';
import { hasRole } from './access.js';
import { isIsoDate } from './calendar.js';
import { formatDate } from './dates-format.js';
import { AppError } from './errors.js';
import { reviewOverdue } from './timescales.js';
import {
  BRING_FORWARD_REASONS,
  EVENT_TYPES,
  type BringForwardReason,
  type Child,
  type ChildEvent,
  type EventType,
  type IsoDate,
  type Staff,
} from './types.js';

type ChildPeople = Pick<Child, 'ref' | 'iroId' | 'socialWorkerId'>;

/** Events that change timescales and are notified by date alone (bringing forward has its own form). */
export const NOTIFIABLE_EVENTS = EVENT_TYPES.filter((t) => t !== 'review-brought-forward');
export type NotifiableEvent = Exclude<EventType, 'review-brought-forward'>;

export const EVENT_LABELS: Readonly<Record<EventType, string>> = {
  'became-looked-after': 'became looked after',
  'unplanned-placement-change': 'unplanned placement change',
  'placed-for-adoption': 'placed with an adoptive family',
  'short-breaks-started': 'first period of a series of short breaks',
  'ifst-intensive-started': 'IFST intensive phase started',
  'ceased-looked-after': 'ceased to be looked after',
  'review-brought-forward': 'review brought forward',
};

export function isNotifiableEvent(v: unknown): v is NotifiableEvent {
  return typeof v === 'string' && (NOTIFIABLE_EVENTS as readonly string[]).includes(v);
}

export function isBringForwardReason(v: unknown): v is BringForwardReason {
  return typeof v === 'string' && (BRING_FORWARD_REASONS as readonly string[]).includes(v);
}

/** Who may notify an event about a child they can see: its social worker, its IRO, business support. */
export function mayNotifyEvent(actor: Staff, child: ChildPeople): boolean {
  return hasRole(actor, 'business-support') || isChildsIro(actor, child) || isChildsSocialWorker(actor, child);
}

export function assertMayNotifyEvent(actor: Staff, child: ChildPeople, example: string): void {
  if (!mayNotifyEvent(actor, child))
    throw new AppError(
      'forbidden',
      `only ${child.ref}'s social worker, its IRO or business support can notify an event`,
      {
        example,
      },
      { key: 'errors.event.notify-not-yours', params: { ref: child.ref } },
    );
}

/** Only the child's IRO brings its review forward (docs/DOMAIN.md "Bringing a review forward"). */
export function mayBringForward(actor: Staff, child: ChildPeople): boolean {
  return isChildsIro(actor, child);
}

export function assertMayBringForward(actor: Staff, child: ChildPeople, example: string): void {
  if (!mayBringForward(actor, child))
    throw new AppError(
      'forbidden',
      `only ${child.ref}'s IRO can bring its review forward`,
      { example },
      { key: 'errors.event.forward-not-yours', params: { ref: child.ref } },
    );
}

/** An event's date: a real date, not in the future (an event is notified once it has happened). */
export function checkEventDate(date: unknown, today: IsoDate, example: string): asserts date is IsoDate {
  if (!isIsoDate(date))
    throw new AppError(
      'invalid-input',
      'the date of the event is not a date (YYYY-MM-DD)',
      { example },
      { key: 'errors.event.not-a-date' },
    );
  if (date > today)
    throw new AppError(
      'invalid-input',
      `the event date ${formatDate(date)} is in the future`,
      {
        example,
        problem: 'future-date',
      },
      { key: 'errors.event.future', params: { whenDate: date } },
    );
}

/**
 * A bring-forward: set today, to an earlier due-by date than the one in force and not before today
 * (DOMAIN.md: the earlier date wins, so a later one would change nothing).
 */
export function bringForwardEvent(
  input: { dueBy: unknown; reason: unknown },
  today: IsoDate,
  currentDueBy: IsoDate,
  example: string,
): ChildEvent {
  const { dueBy, reason } = input;
  if (!isIsoDate(dueBy))
    throw new AppError(
      'invalid-input',
      'the new due-by date is not a date (YYYY-MM-DD)',
      { example },
      { key: 'errors.event.due-not-a-date' },
    );
  if (!isBringForwardReason(reason))
    throw new AppError(
      'invalid-input',
      `choose a reason: ${BRING_FORWARD_REASONS.join(', ')}`,
      { example },
      { key: 'errors.event.forward-reason', params: { reasons: BRING_FORWARD_REASONS.join(', ') } },
    );
  if (reviewOverdue(dueBy, today))
    throw new AppError(
      'invalid-input',
      `the new due-by date ${formatDate(dueBy)} has already passed`,
      { example },
      { key: 'errors.event.due-passed', params: { whenDate: dueBy } },
    );
  if (dueBy >= currentDueBy)
    throw new AppError(
      'invalid-input',
      `the review is already due by ${formatDate(currentDueBy)}: bringing it forward needs an earlier date`,
      { example, problem: 'not-earlier' },
      { key: 'errors.event.due-not-earlier', params: { whenDate: currentDueBy } },
    );
  return { type: 'review-brought-forward', date: today, dueBy, reason };
}

/** Whether the same event on the same date is already recorded (a second click, a resent form). */
export function sameEventRecorded(events: readonly ChildEvent[], e: ChildEvent): boolean {
  return events.some((x) => x.type === e.type && x.date === e.date && (x.dueBy ?? null) === (e.dueBy ?? null));
}

/**
 * The event a correction is about: recorded from Teams (an imported event is corrected in the case
 * system), and still as the form showed it (type and date), so a stale form never corrects another.
 */
export function correctableEvent<E extends ChildEvent & { source?: string }>(
  events: readonly E[],
  index: number,
  seen: { type: unknown; date: unknown },
  example: string,
): E {
  const e = Number.isInteger(index) && index >= 0 ? events[index] : undefined;
  if (!e || e.type !== seen.type || e.date !== seen.date)
    throw new AppError(
      'conflict',
      'that event is no longer recorded as the form showed it; nothing was changed: open it again',
      { example },
      { key: 'errors.event.changed' },
    );
  if (e.source !== 'bot')
    throw new AppError(
      'forbidden',
      'an event from the case system is corrected there (the next import brings it)',
      {
        example,
      },
      { key: 'errors.event.from-import' },
    );
  return e;
}
