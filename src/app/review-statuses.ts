import { isAppError } from '../domain/errors.js';
import type { ReviewStatus } from '../domain/review-status.js';
import { upcomingBooking } from '../domain/review-status.js';
import { nextReview } from '../domain/timescales.js';
import type { ChildDoc } from '../store/documents.js';
import type { AppDeps } from './deps.js';

export interface StatusesResult {
  statuses: ReviewStatus<ChildDoc>[];
  /** Children whose history the engine rejected: shown as a data problem, never hidden. */
  invalid: { ref: string; problem: string }[];
}

/** Next review and its booking for each child; children with no further review are left out. */
export function reviewStatuses(children: ChildDoc[], deps: Pick<AppDeps, 'policy' | 'calendar'>): StatusesResult {
  const statuses: ReviewStatus<ChildDoc>[] = [];
  const invalid: StatusesResult['invalid'] = [];
  for (const child of children) {
    try {
      const next = nextReview(child, deps.policy, deps.calendar);
      if (next) statuses.push({ child, next, booking: upcomingBooking(child) });
    } catch (err) {
      if (!isAppError(err, 'invalid-history')) throw err;
      invalid.push({ ref: child.ref, problem: err.message });
    }
  }
  return { statuses, invalid };
}
