import { assertCaseRef } from '../../domain/case-ref.js';
import { recordDistributed } from '../../app/booking/record-held.js';
import { AppError } from '../../domain/errors.js';
import { staffNames } from '../presenters/common.js';
import { reviewHeldCard } from '../cards/review-held.js';
import type { CommandSpec } from './command-context.js';
import { ANY_CONVERSATION } from './command-spec.js';

const EXAMPLE = '/distributed C1001 C1001-R3';

export const distributedCommand: CommandSpec = {
  name: 'distributed',
  usage: '/distributed REF REVIEW-ID',
  description: "Record a review's written record as distributed today (closes the 14-day record action)",
  example: EXAMPLE,
  roles: ['iro', 'business-support'],
  inCommandList: false,
  scopes: ANY_CONVERSATION,
  async run(ctx) {
    const [ref, reviewId, ...rest] = ctx.args.trim().split(/\s+/).filter(Boolean);
    assertCaseRef(ref, EXAMPLE);
    if (!reviewId || rest.length)
      throw new AppError(
        'invalid-input',
        'give the case reference and the review id',
        { example: EXAMPLE },
        { key: 'errors.distributed.usage' },
      );
    const { child, review } = await recordDistributed(ctx.deps, ctx.actor, { ref, reviewId });
    return reviewHeldCard(
      child,
      review,
      ctx.showChildNames,
      ctx.t('verbs.distributed.title'),
      ctx.t('verbs.distributed.text'),
      await staffNames(ctx.deps),
      ctx.t,
    );
  },
};
