import { isAppError } from '../domain/errors.js';
import type { NextReviewLike, ReviewStatus } from '../domain/review-status.js';
import { upcomingBooking } from '../domain/review-status.js';
import { nextReview } from '../domain/timescales.js';
import type { ChildDoc } from '../store/documents.js';
import type { AppDeps } from './deps.js';
import { nextReviewFingerprint } from './next-review-fields.js';

export interface StatusesResult {
  statuses: ReviewStatus<ChildDoc>[];
  /** Children whose history the engine rejected: shown as a data problem, never hidden. */
  invalid: { ref: string; problem: string }[];
}

type Answer = { next: NextReviewLike | null } | { problem: string };

/**
 * The child's next review: the stored one when it was computed with today's policy and calendar (issue
 * 12: no recomputation per read), else the engine's answer (not computed yet, or inputs changed).
 */
function nextOf(child: ChildDoc, deps: Pick<AppDeps, 'policy' | 'calendar'>, fingerprint: string): Answer {
  const stored = child.nextReview;
  if (stored && stored.fingerprint === fingerprint) {
    if (stored.problem !== undefined) return { problem: stored.problem };
    if (stored.dueBy === null || stored.rule === null || stored.sequence === null) return { next: null };
    return {
      next: {
        sequence: stored.sequence,
        dueBy: stored.dueBy,
        rule: stored.rule,
        explanation: stored.explanation ?? '',
        ...(stored.reason ? { reason: stored.reason } : {}),
      },
    };
  }
  try {
    return { next: nextReview(child, deps.policy, deps.calendar) };
  } catch (err) {
    if (!isAppError(err, 'invalid-history')) throw err;
    return { problem: err.message };
  }
}

/** Next review and its booking for each child; children with no further review are left out. */
export function reviewStatuses(children: ChildDoc[], deps: Pick<AppDeps, 'policy' | 'calendar'>): StatusesResult {
  const statuses: ReviewStatus<ChildDoc>[] = [];
  const invalid: StatusesResult['invalid'] = [];
  const fingerprint = nextReviewFingerprint(deps);
  for (const child of children) {
    const answer = nextOf(child, deps, fingerprint);
    if ('problem' in answer) invalid.push({ ref: child.ref, problem: answer.problem });
    else if (answer.next) statuses.push({ child, next: answer.next, booking: upcomingBooking(child) });
  }
  return { statuses, invalid };
}
