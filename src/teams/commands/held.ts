import { heldFormData } from '../../app/booking/held-form.js';
import { assertCaseRef } from '../../domain/case-ref.js';
import { HELD_EXAMPLE } from '../../app/booking/record-held.js';
import { AppError } from '../../domain/errors.js';
import { heldFormCard } from '../cards/held-form.js';
import type { Translate } from '../i18n/translate.js';
import type { CommandSpec } from './command-context.js';
import type { AppDeps } from '../../app/deps.js';
import type { StaffDoc } from '../../store/documents.js';
import type { AdaptiveCardJson } from '../cards.js';
import type { FormError, TypedValues } from '../card-parts.js';
import { ANY_CONVERSATION } from './command-spec.js';

const CORRECT_EXAMPLE = '/held C1001 C1001-R3';

export const heldCommand: CommandSpec = {
  name: 'held',
  usage: '/held REF [REVIEW-ID]',
  description:
    'Record a review as held (who chaired, combined with a CP conference); with a review id, correct a held date recorded in error',
  example: HELD_EXAMPLE,
  roles: ['iro', 'business-support', 'team-manager', 'head-of-service'],
  inCommandList: false,
  scopes: ANY_CONVERSATION,
  async run(ctx) {
    const [ref, reviewId, ...rest] = ctx.args.trim().split(/\s+/).filter(Boolean);
    assertCaseRef(ref, HELD_EXAMPLE);
    if (rest.length)
      throw new AppError(
        'invalid-input',
        'give a case reference and, to correct a date, one review id',
        { example: CORRECT_EXAMPLE },
        { key: 'errors.held.usage' },
      );
    return heldForm(ctx.deps, ctx.actor, ref, reviewId ?? null, ctx.showChildNames, ctx.t);
  },
};

/** The record-held form (or, with a review id, the correct-a-date form); `again` after a refusal. */
export async function heldForm(
  deps: AppDeps,
  actor: StaffDoc,
  ref: string,
  reviewId: string | null,
  showNames: boolean,
  t: Translate,
  again?: { values: TypedValues; error: FormError },
): Promise<AdaptiveCardJson> {
  const form = await heldFormData(deps, actor, ref, reviewId);
  const chairs = form.chairs.map((s) => ({
    title: s.external ? t('held-form.chair.external', { name: s.name }) : s.name,
    value: s._id,
  }));
  const { child, next, today } = form;
  return form.review
    ? heldFormCard({ child, next, showNames, today, chairs, review: form.review, again, t })
    : heldFormCard({ child, next, showNames, today, chairs, again, t });
}
