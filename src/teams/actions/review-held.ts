import { z } from 'zod';
import { correctHeld, recordDistributed, recordHeld } from '../../app/booking/record-held.js';
import { addDays } from '../../domain/calendar.js';
import { formatDate } from '../../domain/dates-format.js';
import { RECORD_DAYS } from '../../domain/timescales.js';
import { staffNames } from '../presenters/common.js';
import { reviewHeldCard } from '../presenters/booking.js';
import type { ActionContext, ActionReply, ActionSpec } from './action-spec.js';
import type { FormError } from '../booking-view-models.js';
import { heldForm } from '../commands/held.js';
import { orFormAgain } from './form-again.js';
import { id, isoDate, optText, parseData, ref, toggle } from './booking-data.js';

const heldSchema = z.object({ ref, heldOn: isoDate, chairId: optText, combinedWithCP: toggle, lateReason: optText });

/** After a refusal, the same form again with what was typed (issue 11). */
const formAgain = (ctx: ActionContext, withReview: boolean) => async (error: FormError) => {
  const data = parseData(z.object({ ref, reviewId: id.optional() }), ctx.data, '/held C1001');
  return heldForm(ctx.deps, ctx.actor, data.ref, withReview ? data.reviewId ?? null : null, ctx.showChildNames, { values: ctx.data, error });
};

export const reviewHeldAction: ActionSpec = {
  verb: 'review.held',
  run: (ctx) => orFormAgain(() => recordAsHeld(ctx), formAgain(ctx, false)),
};

async function recordAsHeld(ctx: ActionContext): Promise<ActionReply> {
  const input = parseData(heldSchema, ctx.data, '/held C1001');
  const { child, review } = await recordHeld(ctx.deps, ctx.actor, input);
  const late = review.dueBy !== undefined && review.heldOn > review.dueBy;
  const text = late
    ? `Held after its due-by date: counted outside timescale${review.lateReason ? '' : ' (no reason given)'}. The written record is due by ${formatDate(addDays(review.heldOn, RECORD_DAYS))}.`
    : `Within timescale. The written record is due by ${formatDate(addDays(review.heldOn, RECORD_DAYS))}.`;
  return { kind: 'card', card: reviewHeldCard(child, review, ctx.showChildNames, 'Review recorded as held', text, await staffNames(ctx.deps)) };
}

export const reviewHeldCorrectAction: ActionSpec = {
  verb: 'review.held.correct',
  run: (ctx) => orFormAgain(() => correctDate(ctx), formAgain(ctx, true)),
};

async function correctDate(ctx: ActionContext): Promise<ActionReply> {
  const input = parseData(z.object({ ref, reviewId: id, heldOn: isoDate, reason: optText }), ctx.data, '/held C1001 C1001-R3');
  const { child, review, was } = await correctHeld(ctx.deps, ctx.actor, input);
  return {
    kind: 'card',
    card: reviewHeldCard(child, review, ctx.showChildNames, 'Held date corrected', `Was ${formatDate(was)}; the old date stays in the case history.`, await staffNames(ctx.deps)),
  };
}

export const reviewRecordDistributedAction: ActionSpec = {
  verb: 'review.record.distributed',
  async run(ctx) {
    const input = parseData(z.object({ ref, reviewId: id }), ctx.data, '/distributed C1001 C1001-R3');
    const { child, review } = await recordDistributed(ctx.deps, ctx.actor, input);
    return { kind: 'card', card: reviewHeldCard(child, review, ctx.showChildNames, 'Record distributed', 'The written record is recorded as distributed.', await staffNames(ctx.deps)) };
  },
};
