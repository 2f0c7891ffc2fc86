import { loadChild, requireNext } from '../../app/booking/booking-common.js';
import { assertCaseRef } from '../../domain/case-ref.js';
import { HELD_EXAMPLE } from '../../app/booking/record-held.js';
import { canCorrectHeld, canRecordHeld } from '../../domain/booking-rules.js';
import { AppError } from '../../domain/errors.js';
import { heldFormCard } from '../cards/held-form.js';
import type { CommandSpec } from './command-context.js';
import { today as currentDay, type AppDeps } from '../../app/deps.js';
import type { StaffDoc } from '../../store/documents.js';
import type { AdaptiveCardJson } from '../cards.js';
import type { FormError, TypedValues } from '../card-parts.js';
import { ANY_CONVERSATION } from './command-spec.js';

const CORRECT_EXAMPLE = '/held C1001 C1001-R3';

export const heldCommand: CommandSpec = {
  name: 'held',
  usage: '/held REF [REVIEW-ID]',
  description: 'Record a review as held (who chaired, combined with a CP conference); with a review id, correct a held date recorded in error',
  example: HELD_EXAMPLE,
  roles: ['iro', 'business-support', 'team-manager', 'head-of-service'],
  inCommandList: false,
  scopes: ANY_CONVERSATION,
  async run(ctx) {
    const [ref, reviewId, ...rest] = ctx.args.trim().split(/\s+/).filter(Boolean);
    assertCaseRef(ref, HELD_EXAMPLE);
    if (rest.length) throw new AppError('invalid-input', 'give a case reference and, to correct a date, one review id', { example: CORRECT_EXAMPLE });
    return heldForm(ctx.deps, ctx.actor, ref, reviewId ?? null, ctx.showChildNames);
  },
};

/** The record-held form (or, with a review id, the correct-a-date form); `again` after a refusal. */
export async function heldForm(deps: AppDeps, actor: StaffDoc, ref: string, reviewId: string | null, showNames: boolean,
  again?: { values: TypedValues; error: FormError }): Promise<AdaptiveCardJson> {
  const child = await loadChild(deps, actor, ref, HELD_EXAMPLE);
  const today = currentDay(deps);
  const iros = await deps.staff.listByRole('iro');
  const chairs = iros.map((s) => ({ title: s.external ? `${s.name} (external)` : s.name, value: s._id }));
  if (reviewId) {
    if (!canCorrectHeld(actor, child)) throw new AppError('forbidden', `only ${child.ref}'s IRO or a manager can correct a held date`, { example: `/case ${child.ref}` });
    const review = child.reviews.find((r) => r.id === reviewId);
    if (!review) throw new AppError('not-found', `${child.ref} has no review ${reviewId}`, { example: `/case ${child.ref}` });
    return heldFormCard({ child, next: null, showNames, today, chairs, review, again });
  }
  if (!canRecordHeld(actor, child)) throw new AppError('forbidden', `only ${child.ref}'s IRO or business support can record its review as held`, { example: `/case ${child.ref}` });
  return heldFormCard({ child, next: requireNext(child, deps), showNames, today, chairs, again });
}
