// An event that changes timescales, notified from Teams (issue 14; docs/DOMAIN.md "Review timescales"):
// recorded on the child through updateChild with its history entry (who, when), the next review
// recomputed at once, and a 1:1 card to the child's IRO queued in the same update. Bringing a review
// forward (the IRO, with a reason; the earlier date wins) is recorded the same way.
import {
  assertMayBringForward,
  assertMayNotifyEvent,
  bringForwardEvent,
  checkEventDate,
  correctableEvent,
  EVENT_LABELS,
  isNotifiableEvent,
  NOTIFIABLE_EVENTS,
  sameEventRecorded,
} from '../domain/events.js';
import { isChildsIro } from '../domain/case-roles.js';
import { formatDate, formatDateShort } from '../domain/dates-format.js';
import { AppError, isAppError } from '../domain/errors.js';
import { historyRefusal } from '../domain/review-history.js';
import { nextReview, validateHistory, type NextReview } from '../domain/timescales.js';
import type { ChildEvent } from '../domain/types.js';
import type { ChildDoc, EventDoc, PendingMessage, StaffDoc } from '../store/documents.js';
import { changeTo, unchanged, updateChild, type Decision } from './child-update.js';
import { today as currentDay, type AppDeps } from './deps.js';
import { loadChild, requireNext } from './booking/booking-common.js';

export const NOTIFY_EXAMPLE = '/notify C1001';
/** The kind of the IRO's 1:1 card (registered in teams/presenters/pending-messages.ts). */
export const TIMESCALE_CHANGED_KIND = 'timescale-changed';

export interface NotifiedEvent {
  child: ChildDoc;
  event: ChildEvent;
  /** The next review before and after the event (null: none due). */
  before: NextReview | null;
  after: NextReview | null;
  /** False when the same event was already recorded (nothing written, no second card). */
  recorded: boolean;
}

export interface NotifyInput {
  ref: string;
  type: unknown;
  date: unknown;
}

export interface BringForwardInput {
  ref: string;
  dueBy: unknown;
  reason: unknown;
  note?: string | null;
}

function safeNext(child: Pick<ChildDoc, 'ref' | 'track' | 'events' | 'reviews'>, deps: AppDeps): NextReview | null {
  try {
    return nextReview(child, deps.policy, deps.calendar);
  } catch (err) {
    if (isAppError(err, 'invalid-history')) return null;
    throw err;
  }
}

/** The sentence the IRO reads: "C1001's next review is now due by 14 Jan 2027 — UPC: 28 days after …". */
export function timescaleSentence(ref: string, event: ChildEvent, after: NextReview | null): string {
  if (!after) return `${ref} has no review due now: ${EVENT_LABELS[event.type]} on ${formatDateShort(event.date)}.`;
  return `${ref}'s next review is now due by ${formatDate(after.dueBy)} — ${after.rule}: ${after.explanation}.`;
}

function iroCard(child: ChildDoc, actor: StaffDoc, event: ChildEvent, after: NextReview | null): PendingMessage[] {
  if (isChildsIro(actor, child)) return []; // the IRO did it: the answer card is theirs already
  return [
    {
      key: `event:${child.ref}:${event.type}:${event.date}:${event.dueBy ?? ''}`,
      to: { kind: 'personal', staffId: child.iroId },
      message: {
        type: TIMESCALE_CHANGED_KIND,
        data: {
          title: `${EVENT_LABELS[event.type]} (notified by ${actor.name})`,
          text: timescaleSentence(child.ref, event, after),
          tone: 'warning',
        },
      },
    },
  ];
}

function checkFits(child: ChildDoc, events: EventDoc[], example: string): void {
  try {
    validateHistory({ ref: child.ref, track: child.track, events, reviews: child.reviews });
  } catch (err) {
    if (isAppError(err, 'invalid-history'))
      throw new AppError(
        'invalid-input',
        `that event does not fit ${child.ref}'s history: ${err.message}`,
        {
          example,
        },
        historyRefusal('errors.event.history', child.ref, err.userMessage),
      );
    throw err;
  }
}

function decideEvent(
  deps: AppDeps,
  actor: StaffDoc,
  child: ChildDoc,
  event: ChildEvent,
  note: string | null,
  example: string,
) {
  const before = safeNext(child, deps);
  const result = (c: ChildDoc, recorded: boolean): NotifiedEvent => ({
    child: c,
    event,
    before,
    after: safeNext(c, deps),
    recorded,
  });
  if (sameEventRecorded(child.events, event)) return unchanged(result(child, false));
  const stored: EventDoc = { ...event, source: 'bot' };
  const events = [...child.events, stored];
  try {
    validateHistory({ ref: child.ref, track: child.track, events, reviews: child.reviews });
  } catch (err) {
    if (isAppError(err, 'invalid-history'))
      throw new AppError(
        'invalid-input',
        `that event does not fit ${child.ref}'s history: ${err.message}`,
        {
          example,
        },
        historyRefusal('errors.event.history', child.ref, err.userMessage),
      );
    throw err;
  }
  const after = safeNext({ ...child, events }, deps);
  const decision: Decision<NotifiedEvent> = changeTo(
    {
      set: { events },
      pending: iroCard(child, actor, event, after),
      history: {
        action: 'event.notified',
        before: before ? { dueBy: before.dueBy, rule: before.rule } : null,
        after: { ...event, note, dueBy: after?.dueBy ?? null, rule: after?.rule ?? null },
      },
      audit: { action: 'event.notified', details: { type: event.type, date: event.date, rule: after?.rule ?? null } },
    },
    (c) => result(c, true),
  );
  return decision;
}

/** Records an event that changes timescales (not a bring-forward: see bringForward). */
export function notifyEvent(deps: AppDeps, actor: StaffDoc, input: NotifyInput): Promise<NotifiedEvent> {
  const example = NOTIFY_EXAMPLE.replace('C1001', input.ref);
  return updateChild(
    deps,
    actor,
    () => loadChild(deps, actor, input.ref, example),
    (child) => {
      assertMayNotifyEvent(actor, child, example);
      if (!isNotifiableEvent(input.type))
        throw new AppError(
          'invalid-input',
          `choose the event: ${NOTIFIABLE_EVENTS.join(', ')}`,
          { example },
          { key: 'errors.event.choose', params: { events: NOTIFIABLE_EVENTS.join(', ') } },
        );
      checkEventDate(input.date, currentDay(deps), example);
      return decideEvent(deps, actor, child, { type: input.type, date: input.date }, null, example);
    },
  );
}

/** The IRO brings the next review forward to an earlier date, with a reason (rule FWD). */
export function bringForward(deps: AppDeps, actor: StaffDoc, input: BringForwardInput): Promise<NotifiedEvent> {
  const example = `/case ${input.ref}`;
  return updateChild(
    deps,
    actor,
    () => loadChild(deps, actor, input.ref, example),
    (child) => {
      assertMayBringForward(actor, child, example);
      const current = requireNext(child, deps);
      const event = bringForwardEvent(input, currentDay(deps), current.dueBy, example);
      return decideEvent(deps, actor, child, event, input.note?.trim() || null, example);
    },
  );
}

export interface CorrectEventInput {
  ref: string;
  /** The event's position in the child's events, with its type and date as the form showed them. */
  index: number;
  type: unknown;
  date: unknown;
  /** The corrected date; with `withdraw`, the event is removed instead (recorded in error). */
  newDate: unknown;
  withdraw: boolean;
  reason: string | null;
}

/** Corrects the date of an event notified from Teams, or withdraws it; the history keeps both. */
export function correctEvent(deps: AppDeps, actor: StaffDoc, input: CorrectEventInput): Promise<NotifiedEvent> {
  const example = `/notify ${input.ref} correct`;
  return updateChild(
    deps,
    actor,
    () => loadChild(deps, actor, input.ref, example),
    (child) => {
      assertMayNotifyEvent(actor, child, example);
      const was = correctableEvent(child.events, input.index, input, example);
      if (!input.reason?.trim())
        throw new AppError(
          'invalid-input',
          'say why the event is corrected',
          { example, problem: 'reason-required' },
          { key: 'errors.event.correct-why' },
        );
      let events: EventDoc[];
      let event: ChildEvent;
      if (input.withdraw) {
        events = child.events.filter((_, i) => i !== input.index);
        event = was;
      } else {
        checkEventDate(input.newDate, currentDay(deps), example);
        if (input.newDate === was.date)
          throw new AppError(
            'invalid-input',
            `it is already recorded on ${formatDate(was.date)}`,
            {
              example,
              problem: 'nothing-to-change',
            },
            { key: 'errors.event.already-on', params: { whenDate: was.date } },
          );
        event = { ...was, date: input.newDate };
        events = child.events.map((e, i) => (i === input.index ? { ...e, date: input.newDate as string } : e));
      }
      checkFits(child, events, example);
      const before = safeNext(child, deps);
      const after = safeNext({ ...child, events }, deps);
      return changeTo(
        {
          set: { events },
          pending: iroCard(child, actor, event, after).map((p) => ({
            ...p,
            key: `${p.key}:corrected:v${child.version}`,
          })),
          history: {
            action: input.withdraw ? 'event.withdrawn' : 'event.corrected',
            before: {
              index: input.index,
              type: was.type,
              date: was.date,
              dueBy: before?.dueBy ?? null,
              rule: before?.rule ?? null,
            },
            after: {
              ...(input.withdraw ? {} : { date: event.date }),
              reason: input.reason.trim(),
              dueBy: after?.dueBy ?? null,
              rule: after?.rule ?? null,
            },
          },
          audit: {
            action: input.withdraw ? 'event.withdrawn' : 'event.corrected',
            details: { type: was.type, from: was.date },
          },
        },
        (c) => ({ child: c, event, before, after: safeNext(c, deps), recorded: true }),
      );
    },
  );
}
