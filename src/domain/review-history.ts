// Validation and ordering of a child's history (docs/DOMAIN.md "Review timescales"). The timescale
// engine trusts what comes out of here, so every impossible history stops at this door with an
// AppError('invalid-history') that names the child and the problem.
//
// Same-day ordering (decision): on one date, events come first in their listed order, then the
// reviews held that day, except that a `ceased-looked-after` event and any event listed after it
// on that date come after the day's reviews. So a review held on the day a child becomes looked
// after, has an unplanned move or has a review brought forward counts after (and answers) that
// event, and a review held on the child's last day belongs to the episode that is ending.
import { isIsoDate } from './calendar.js';
import { AppError } from './errors.js';
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

const EVENT_SET: ReadonlySet<string> = new Set(EVENT_TYPES);
const REASON_SET: ReadonlySet<string> = new Set(BRING_FORWARD_REASONS);
const LATE_SET: ReadonlySet<string> = new Set(LATE_REASONS);
const RULE_SET: ReadonlySet<string> = new Set(RULE_IDS);
const TRACK_SET: ReadonlySet<string> = new Set(TRACKS);

export function isReview(item: TimelineItem): item is HeldReview {
  return (item as HeldReview).heldOn !== undefined;
}

function fail(ref: string, problem: string, details: Record<string, unknown> | number = {}): never {
  const extra = typeof details === 'number' ? { event: details } : details;
  throw new AppError('invalid-history', `child ${ref}: ${problem}`, { ref, ...extra });
}

function checkStatic(child: ChildHistory): void {
  const ref = typeof child?.ref === 'string' && child.ref !== '' ? child.ref : '(no ref)';
  if (ref === '(no ref)') fail(ref, 'missing case reference');
  if (!TRACK_SET.has(child.track)) fail(ref, `unknown track ${JSON.stringify(child.track)}`);
  if (!Array.isArray(child.events)) fail(ref, 'events must be a list');
  if (!Array.isArray(child.reviews)) fail(ref, 'reviews must be a list');
  const allowed = TRACK_EVENTS[child.track];
  for (let i = 0; i < child.events.length; i++) {
    const e = child.events[i];
    if (!EVENT_SET.has(e?.type)) fail(ref, `event ${i + 1} has unknown type ${JSON.stringify(e?.type)}`, i);
    if (!isIsoDate(e.date)) fail(ref, `event ${e.type} has an invalid date ${JSON.stringify(e.date)}`, i);
    if (!allowed.has(e.type)) fail(ref, `event ${e.type} on ${e.date} does not apply to the ${child.track} track`, i);
    if (e.type === 'review-brought-forward') {
      if (e.dueBy === undefined) fail(ref, `review-brought-forward on ${e.date} has no dueBy`, i);
      if (!isIsoDate(e.dueBy))
        fail(ref, `review-brought-forward on ${e.date} has an invalid dueBy ${JSON.stringify(e.dueBy)}`, i);
      if (e.dueBy < e.date)
        fail(ref, `review-brought-forward on ${e.date} has dueBy ${e.dueBy} before the day it was set`, i);
      if (e.reason === undefined) fail(ref, `review-brought-forward on ${e.date} has no reason`, i);
      if (!REASON_SET.has(e.reason))
        fail(ref, `review-brought-forward on ${e.date} has unknown reason ${JSON.stringify(e.reason)}`, i);
    }
  }
  const reviews = child.reviews;
  for (let i = 0; i < reviews.length; i++) {
    const r = reviews[i];
    if (typeof r?.id !== 'string' || r.id === '') fail(ref, 'a review has no id');
    // Quadratic, but lists are short and this allocates nothing.
    for (let j = 0; j < i; j++)
      if (reviews[j].id === r.id) fail(ref, `duplicate review id ${r.id}`, { reviewId: r.id });
    if (!isIsoDate(r.heldOn))
      fail(ref, `review ${r.id} has an invalid heldOn ${JSON.stringify(r.heldOn)}`, { reviewId: r.id });
    if (r.recordDistributedOn != null) {
      if (!isIsoDate(r.recordDistributedOn)) {
        fail(ref, `review ${r.id} has an invalid recordDistributedOn ${JSON.stringify(r.recordDistributedOn)}`, {
          reviewId: r.id,
        });
      }
      if (r.recordDistributedOn < r.heldOn) {
        fail(
          ref,
          `review ${r.id} record distributed on ${r.recordDistributedOn}, before the review was held on ${r.heldOn}`,
          { reviewId: r.id },
        );
      }
    }
    if (r.lateReason != null && !LATE_SET.has(r.lateReason)) {
      fail(ref, `review ${r.id} has unknown lateReason ${JSON.stringify(r.lateReason)}`, { reviewId: r.id });
    }
    if (r.dueBy !== undefined && !isIsoDate(r.dueBy))
      fail(ref, `review ${r.id} has an invalid stored dueBy ${JSON.stringify(r.dueBy)}`, { reviewId: r.id });
    if (r.rule !== undefined && !RULE_SET.has(r.rule))
      fail(ref, `review ${r.id} has unknown stored rule ${JSON.stringify(r.rule)}`, { reviewId: r.id });
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
        if (!everOpened)
          fail(ref, `review ${item.id} held on ${item.heldOn}, before ${started}`, { reviewId: item.id });
        if (planEndedByFinal) {
          fail(
            ref,
            `review ${item.id} held on ${item.heldOn}, after the IFST plan's final review (held on ${closedOn})`,
            { reviewId: item.id },
          );
        }
        fail(
          ref,
          `review ${item.id} held on ${item.heldOn} while not ${track === 'cla' ? 'looked after' : 'open'} (ended on ${closedOn})`,
          { reviewId: item.id },
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
      if (open) fail(ref, `${e.type} on ${e.date}, but ${started} on ${openedOn} with no ceased-looked-after since`);
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
        );
      }
      open = false;
      planEndedByFinal = false;
      closedOn = e.date;
    } else if (!open) {
      const why = planEndedByFinal
        ? "after the IFST plan's final review"
        : track === 'cla'
          ? 'when the child was not looked after'
          : 'when the track was not open';
      fail(ref, `${e.type} on ${e.date} ${why}`);
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
