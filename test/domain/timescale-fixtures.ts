// Small builders for child histories in tests.
import type { ChildEvent, ChildHistory, EventType, HeldReview, Track } from '../../src/domain/types.js';

export type ReviewSpec = string | (Partial<HeldReview> & { heldOn: string });

export function ev(type: EventType, date: string, extra: Partial<ChildEvent> = {}): ChildEvent {
  return { type, date, ...extra };
}

export const la = (date: string): ChildEvent => ev('became-looked-after', date);
export const upc = (date: string): ChildEvent => ev('unplanned-placement-change', date);
export const adp = (date: string): ChildEvent => ev('placed-for-adoption', date);
export const ceased = (date: string): ChildEvent => ev('ceased-looked-after', date);
export const sb = (date: string): ChildEvent => ev('short-breaks-started', date);
export const ifst = (date: string): ChildEvent => ev('ifst-intensive-started', date);
export const fwd = (date: string, dueBy: string, reason: ChildEvent['reason'] = 'safety'): ChildEvent =>
  ev('review-brought-forward', date, { dueBy, reason });

export function child(track: Track, events: ChildEvent[], reviews: ReviewSpec[] = [], ref = 'C1'): ChildHistory {
  return {
    ref,
    track,
    events,
    reviews: reviews.map((r, i) =>
      typeof r === 'string' ? { id: `${ref}-R${i + 1}`, heldOn: r } : { id: `${ref}-R${i + 1}`, ...r },
    ),
  };
}

export const cla = (events: ChildEvent[], reviews: ReviewSpec[] = [], ref = 'C1'): ChildHistory =>
  child('cla', events, reviews, ref);
