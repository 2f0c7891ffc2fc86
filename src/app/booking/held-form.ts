// What the /held form needs (record a review as held, or with a review id correct a held date): the child
// the person may see, the permission for what they are about to do, checked before the form is shown (the
// save checks again), and the IROs who may chair.
import { assertMayCorrectHeld, assertMayRecordHeld } from '../../domain/booking-rules.js';
import { AppError } from '../../domain/errors.js';
import type { NextReview } from '../../domain/timescales.js';
import type { IsoDate } from '../../domain/types.js';
import type { ChildDoc, ReviewDoc, StaffDoc } from '../../store/documents.js';
import { today as currentDay, type AppDeps } from '../deps.js';
import { loadChild, requireNext } from './booking-common.js';
import { HELD_EXAMPLE } from './record-held.js';

export interface HeldFormData {
  child: ChildDoc;
  /** The review being recorded (record form); null when correcting. */
  next: NextReview | null;
  /** The review whose held date is being corrected; null when recording. */
  review: ReviewDoc | null;
  /** Everyone who may chair: the IROs. */
  chairs: StaffDoc[];
  today: IsoDate;
}

export async function heldFormData(
  deps: AppDeps,
  actor: StaffDoc,
  ref: string,
  reviewId: string | null,
): Promise<HeldFormData> {
  const child = await loadChild(deps, actor, ref, HELD_EXAMPLE);
  const today = currentDay(deps);
  const chairs = await deps.staff.listByRole('iro');
  const example = `/case ${child.ref}`;
  if (reviewId) {
    assertMayCorrectHeld(actor, child, example);
    const review = child.reviews.find((r) => r.id === reviewId);
    if (!review)
      throw new AppError(
        'not-found',
        `${child.ref} has no review ${reviewId}`,
        { example },
        { key: 'errors.held.no-review', params: { ref: child.ref, id: reviewId } },
      );
    return { child, next: null, review, chairs, today };
  }
  assertMayRecordHeld(actor, child, example);
  return { child, next: requireNext(child, deps), review: null, chairs, today };
}
