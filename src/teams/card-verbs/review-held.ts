import { z } from 'zod';
import { correctHeld, recordDistributed, recordHeld } from '../../app/booking/record-held.js';
import { formatDate } from '../../domain/dates-format.js';
import { staffNames } from '../presenters/common.js';
import { datesOf } from '../presenters/labels.js';
import { reviewHeldCard } from '../cards/review-held.js';
import { defineAction, type ActionContext } from './action-spec.js';
import type { FormError } from '../card-parts.js';
import { heldForm } from '../commands/held.js';
import { orFormAgain } from './form-again.js';
import { isoDate, optText, parseData, toggle } from './booking-data.js';

const heldSchema = z.object({ heldOn: isoDate, chairId: optText, combinedWithCP: toggle, lateReason: optText });

/** After a refusal, the same form again with what was typed (issue 11). */
const formAgain = (ctx: ActionContext, ref: string, reviewId: string | null) => async (error: FormError) =>
  heldForm(ctx.deps, ctx.actor, ref, reviewId, ctx.showChildNames, ctx.t, { values: ctx.data, error });

export const reviewHeldAction = defineAction({
  verb: 'review.held',
  subject: 'child',
  run: (ctx, { ref }) =>
    orFormAgain(
      ctx.t,
      async () => {
        const input = parseData(heldSchema, ctx.data, '/held C1001');
        const { child, review, withinTimescale, recordDueBy } = await recordHeld(ctx.deps, ctx.actor, {
          ...input,
          ref,
        });
        const recordDue = ctx.t('verbs.held.record-due', { date: formatDate(recordDueBy, datesOf(ctx.t)) });
        const outside = review.lateReason ? 'verbs.held.outside' : 'verbs.held.outside-no-reason';
        const text = ctx.t(withinTimescale ? 'verbs.held.within' : outside, { recordDue });
        return {
          kind: 'card',
          card: reviewHeldCard(
            child,
            review,
            ctx.showChildNames,
            ctx.t('verbs.held.title'),
            text,
            await staffNames(ctx.deps),
            ctx.t,
          ),
        };
      },
      formAgain(ctx, ref, null),
    ),
});

export const reviewHeldCorrectAction = defineAction({
  verb: 'review.held.correct',
  subject: 'review',
  run: (ctx, subject) =>
    orFormAgain(
      ctx.t,
      async () => {
        const input = parseData(z.object({ heldOn: isoDate, reason: optText }), ctx.data, '/held C1001 C1001-R3');
        const { child, review, was } = await correctHeld(ctx.deps, ctx.actor, {
          ...input,
          ref: subject.ref,
          reviewId: subject.review.id,
        });
        return {
          kind: 'card',
          card: reviewHeldCard(
            child,
            review,
            ctx.showChildNames,
            ctx.t('verbs.held.corrected.title'),
            ctx.t('verbs.held.corrected.text', { date: formatDate(was, datesOf(ctx.t)) }),
            await staffNames(ctx.deps),
            ctx.t,
          ),
        };
      },
      formAgain(ctx, subject.ref, subject.review.id),
    ),
});

export const reviewRecordDistributedAction = defineAction({
  verb: 'review.record.distributed',
  subject: 'review',
  async run(ctx, subject) {
    const { child, review } = await recordDistributed(ctx.deps, ctx.actor, {
      ref: subject.ref,
      reviewId: subject.review.id,
    });
    return {
      kind: 'card',
      card: reviewHeldCard(
        child,
        review,
        ctx.showChildNames,
        ctx.t('verbs.distributed.title'),
        ctx.t('verbs.distributed.text'),
        await staffNames(ctx.deps),
        ctx.t,
      ),
    };
  },
});
