// Validation and ordering of a child's history (docs/DOMAIN.md "Review timescales"). The timescale
// engine trusts what comes out of here, so every impossible history stops at this door with an
// AppError('invalid-history') that names the child and the problem.
//
// Same-day ordering (decision): on one date, events come first in their listed order, then the
// reviews held that day, except that a `ceased-looked-after` event and any event listed after it
// on that date come after the day's reviews. So a review held on the day a child becomes looked
// after, has an unplanned move or has a review brought forward counts after (and answers) that
// event, and a review held on the child's last day belongs to the episode that is ending.
//
// Each refusal also says what a reader is told (issue 13): a catalogue key `errors.history.<problem>` and its
// values; the English catalogue equals the message below word for word (test/domain/review-history-keys.spec.ts).
import { isIsoDate } from './calendar.js';
import { AppError, type UserMessage } from './errors.js';
import {
  BRING_FORWARD_REASONS,
  EVENT_TYPES,
  LATE_REASONS,
  RULE_IDS,
  TRACKS,
  type ChildEvent,
  type ChildHistory,
  type EventType,
  type HeldReview,
  type Track,
} from './types.js';

/** Events and reviews in the order the engine applies them. Reviews are the items with `heldOn`. */
export type TimelineItem = ChildEvent | HeldReview;

export const START_EVENT: Readonly<Record<Track, EventType>> = {
  cla: 'became-looked-after',
  'short-breaks': 'short-breaks-started',
  ifst: 'ifst-intensive-started',
};

const TRACK_EVENTS: Readonly<Record<Track, ReadonlySet<string>>> = {
  cla: new Set([
    'became-looked-after',
    'unplanned-placement-change',
    'placed-for-adoption',
    'ceased-looked-after',
    'review-brought-forward',
  ]),
  // `ceased-looked-after` ends a short-breaks series or an IFST plan too (decision).
  'short-breaks': new Set(['short-breaks-started', 'ceased-looked-after', 'review-brought-forward']),
  ifst: new Set(['ifst-intensive-started', 'ceased-looked-after', 'review-brought-forward']),
};

const STARTED_PHRASE: Readonly<Record<Track, string>> = {
  cla: 'the child became looked after',
  'short-breaks': 'short breaks started',
  ifst: 'the IFST intensive phase started',
};

const IFST_REVIEWS = 3;

const CLOSED_WHY = {
  after_final: "after the IFST plan's final review",
  not_looked_after: 'when the child was not looked after',
  not_open: 'when the track was not open',
} as const;

const EVENT_SET: ReadonlySet<string> = new Set(EVENT_TYPES);
const REASON_SET: ReadonlySet<string> = new Set(BRING_FORWARD_REASONS);
const LATE_SET: ReadonlySet<string> = new Set(LATE_REASONS);
const RULE_SET: ReadonlySet<string> = new Set(RULE_IDS);
const TRACK_SET: ReadonlySet<string> = new Set(TRACKS);

export function isReview(item: TimelineItem): item is HeldReview {
  return (item as HeldReview).heldOn !== undefined;
}

type Said = Record<string, string | number>;
/** A refusal of one item (event, review): `never`, so the checks after it narrow. */
type Refusal = (problem: string, key: string, params?: Said) => never;

function fail(
  ref: string,
  problem: string,
  said: [key: string, params?: Said],
  details: Record<string, unknown> | number = {},
): never {
  const extra = typeof details === 'number' ? { event: details } : details;
  throw new AppError(
    'invalid-history',
    `child ${ref}: ${problem}`,
    { ref, ...extra },
    {
      key: said[0],
      params: { ref, ...said[1] },
    },
  );
}

/** A value as the message quotes it (JSON), for the reader too. */
const q = (v: unknown): string => JSON.stringify(v) ?? 'undefined';

function checkStatic(child: ChildHistory): void {
  const ref = typeof child?.ref === 'string' && child.ref !== '' ? child.ref : '(no ref)';
  if (ref === '(no ref)') fail(ref, 'missing case reference', ['errors.history.no-ref']);
  if (!TRACK_SET.has(child.track))
    fail(ref, `unknown track ${q(child.track)}`, ['errors.history.unknown-track', { track: q(child.track) }]);
  if (!Array.isArray(child.events)) fail(ref, 'events must be a list', ['errors.history.events-not-list']);
  if (!Array.isArray(child.reviews)) fail(ref, 'reviews must be a list', ['errors.history.reviews-not-list']);
  const allowed = TRACK_EVENTS[child.track];
  for (let i = 0; i < child.events.length; i++) {
    const e = child.events[i];
    if (!EVENT_SET.has(e?.type))
      fail(
        ref,
        `event ${i + 1} has unknown type ${q(e?.type)}`,
        ['errors.history.event-unknown-type', { n: i + 1, type: q(e?.type) }],
        i,
      );
    if (!isIsoDate(e.date))
      fail(
        ref,
        `event ${e.type} has an invalid date ${q(e.date)}`,
        ['errors.history.event-bad-date', { eventType: e.type, value: q(e.date) }],
        i,
      );
    if (!allowed.has(e.type))
      fail(
        ref,
        `event ${e.type} on ${e.date} does not apply to the ${child.track} track`,
        ['errors.history.event-wrong-track', { eventType: e.type, onDate: e.date, track: child.track }],
        i,
      );
    if (e.type === 'review-brought-forward') {
      const fwd: Refusal = (problem, key, params = {}) =>
        fail(ref, `review-brought-forward on ${e.date} ${problem}`, [key, { onDate: e.date, ...params }], i);
      if (e.dueBy === undefined) fwd('has no dueBy', 'errors.history.forward-no-due-by');
      if (!isIsoDate(e.dueBy))
        fwd(`has an invalid dueBy ${q(e.dueBy)}`, 'errors.history.forward-bad-due-by', { value: q(e.dueBy) });
      if (e.dueBy < e.date)
        fwd(`has dueBy ${e.dueBy} before the day it was set`, 'errors.history.forward-due-before', {
          dueByDate: e.dueBy,
        });
      if (e.reason === undefined) fwd('has no reason', 'errors.history.forward-no-reason');
      if (!REASON_SET.has(e.reason))
        fwd(`has unknown reason ${q(e.reason)}`, 'errors.history.forward-unknown-reason', { reason: q(e.reason) });
    }
  }
  const reviews = child.reviews;
  for (let i = 0; i < reviews.length; i++) {
    const r = reviews[i];
    if (typeof r?.id !== 'string' || r.id === '') fail(ref, 'a review has no id', ['errors.history.review-no-id']);
    const review: Refusal = (problem, key, params = {}) =>
      fail(ref, `review ${r.id} ${problem}`, [key, { review: r.id, ...params }], { reviewId: r.id });
    // Quadratic, but lists are short and this allocates nothing.
    for (let j = 0; j < i; j++)
      if (reviews[j].id === r.id)
        fail(ref, `duplicate review id ${r.id}`, ['errors.history.review-duplicate', { review: r.id }], {
          reviewId: r.id,
        });
    if (!isIsoDate(r.heldOn))
      review(`has an invalid heldOn ${q(r.heldOn)}`, 'errors.history.review-bad-held', { value: q(r.heldOn) });
    if (r.recordDistributedOn != null) {
      if (!isIsoDate(r.recordDistributedOn)) {
        review(`has an invalid recordDistributedOn ${q(r.recordDistributedOn)}`, 'errors.history.review-bad-record', {
          value: q(r.recordDistributedOn),
        });
      }
      if (r.recordDistributedOn < r.heldOn) {
        review(
          `record distributed on ${r.recordDistributedOn}, before the review was held on ${r.heldOn}`,
          'errors.history.record-before-held',
          { recordDate: r.recordDistributedOn, heldDate: r.heldOn },
        );
      }
    }
    if (r.lateReason != null && !LATE_SET.has(r.lateReason)) {
      review(`has unknown lateReason ${q(r.lateReason)}`, 'errors.history.review-unknown-late', {
        reason: q(r.lateReason),
      });
    }
    if (r.dueBy !== undefined && !isIsoDate(r.dueBy))
      review(`has an invalid stored dueBy ${q(r.dueBy)}`, 'errors.history.review-bad-due-by', { value: q(r.dueBy) });
    if (r.rule !== undefined && !RULE_SET.has(r.rule))
      review(`has unknown stored rule ${q(r.rule)}`, 'errors.history.review-unknown-rule', { rule: q(r.rule) });
  }
}

function sortedBy<T>(items: T[], key: (x: T) => string): T[] {
  for (let i = 1; i < items.length; i++) {
    // Already-sorted input (the usual case) is used as it is; Array#sort is stable otherwise.
    if (key(items[i]) < key(items[i - 1]))
      return [...items].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
  }
  return items;
}

const eventDate = (e: ChildEvent): string => e.date;
const heldDate = (r: HeldReview): string => r.heldOn;

/** Merges events and reviews in applying order (see the same-day rule at the top of this file). */
function mergeTimeline(events: ChildEvent[], reviews: HeldReview[]): TimelineItem[] {
  const out = new Array<TimelineItem>(events.length + reviews.length);
  let i = 0;
  let k = 0;
  for (const r of reviews) {
    while (i < events.length) {
      const e = events[i];
      if (e.date < r.heldOn || (e.date === r.heldOn && e.type !== 'ceased-looked-after')) out[k++] = events[i++];
      else break;
    }
    out[k++] = r;
  }
  while (i < events.length) out[k++] = events[i++];
  return out;
}

/** Checks the order of things: starts, ends, and reviews only while the track is open. */
function checkOrder(child: ChildHistory, timeline: TimelineItem[]): void {
  const { ref, track } = child;
  const started = STARTED_PHRASE[track];
  const startType = START_EVENT[track];
  let open = false;
  let openedOn = '';
  let everOpened = false;
  let closedOn = '';
  let heldInPlan = 0;
  let planEndedByFinal = false;
  for (const item of timeline) {
    if (isReview(item)) {
      if (!open) {
        const held: Refusal = (problem, key, params = {}) =>
          fail(
            ref,
            `review ${item.id} held on ${item.heldOn}${problem}`,
            [key, { review: item.id, heldDate: item.heldOn, track, ...params }],
            { reviewId: item.id },
          );
        if (!everOpened) held(`, before ${started}`, 'errors.history.review-before-start');
        if (planEndedByFinal) {
          held(`, after the IFST plan's final review (held on ${closedOn})`, 'errors.history.review-after-final', {
            finalDate: closedOn,
          });
        }
        held(
          ` while not ${track === 'cla' ? 'looked after' : 'open'} (ended on ${closedOn})`,
          'errors.history.review-while-closed',
          { endedDate: closedOn },
        );
      }
      heldInPlan++;
      if (track === 'ifst' && heldInPlan === IFST_REVIEWS) {
        open = false;
        planEndedByFinal = true;
        closedOn = item.heldOn;
      }
      continue;
    }
    const e = item;
    if (e.type === startType) {
      if (open)
        fail(ref, `${e.type} on ${e.date}, but ${started} on ${openedOn} with no ceased-looked-after since`, [
          'errors.history.started-twice',
          { eventType: e.type, onDate: e.date, track, openedDate: openedOn },
        ]);
      open = everOpened = true;
      openedOn = e.date;
      heldInPlan = 0;
      planEndedByFinal = false;
    } else if (e.type === 'ceased-looked-after') {
      // Closing an IFST case after its final review is normal; anything else must be open.
      if (!open && !planEndedByFinal) {
        fail(
          ref,
          `ceased-looked-after on ${e.date}, but the child was not ${track === 'cla' ? 'looked after' : 'open on this track'} then`,
          ['errors.history.ceased-while-closed', { onDate: e.date, track }],
        );
      }
      open = false;
      planEndedByFinal = false;
      closedOn = e.date;
    } else if (!open) {
      const why = planEndedByFinal ? 'after_final' : track === 'cla' ? 'not_looked_after' : 'not_open';
      fail(ref, `${e.type} on ${e.date} ${CLOSED_WHY[why]}`, [
        'errors.history.event-while-closed',
        { eventType: e.type, onDate: e.date, why },
      ]);
    }
  }
}

/**
 * Checks a history and returns its events and reviews in the order the engine applies them.
 * Throws AppError('invalid-history') naming the child and the problem.
 */
export function orderedTimeline(child: ChildHistory): TimelineItem[] {
  checkStatic(child);
  const timeline = mergeTimeline(sortedBy(child.events, eventDate), sortedBy(child.reviews, heldDate));
  checkOrder(child, timeline);
  return timeline;
}

/** Rejects an impossible history with AppError('invalid-history'); returns nothing when it is fine. */
export function validateHistory(child: ChildHistory): void {
  orderedTimeline(child);
}

/**
 * A refusal that names its own context first ("that event does not fit C1's history", key `headKey`), then
 * what is impossible (`why`, the userMessage of this file's AppError), both in the reader's words (issue 13).
 */
export function historyRefusal(headKey: string, ref: string, why: UserMessage | undefined): UserMessage {
  const head = { key: headKey, params: { ref } };
  return why ? { ...why, before: head } : head;
}
