import { z } from 'zod';
import { decideReschedule, viewRequest, type DecideResult } from '../../app/booking/reschedule.js';
import { approvalCard, decisionText } from '../presenters/booking.js';
import type { ActionContext, ActionReply, ActionSpec } from './action-spec.js';
import { id, optText, parseData, ref } from './booking-data.js';
import { orFormAgain } from './form-again.js';

const schema = z.object({ ref, requestId: id, comment: optText });

async function decide(ctx: ActionContext, decision: 'approve' | 'decline'): Promise<ActionReply> {
  const input = parseData(schema, ctx.data, 'Use the buttons on the request card');
  const result: DecideResult = await decideReschedule(ctx.deps, ctx.actor, { ...input, decision });
  const { child, request } = result.view;
  if (result.outcome === 'already-decided') {
    return { kind: 'message', text: `Already decided — ${decisionText(request, ctx.deps.tzName)}. Nothing was changed.` };
  }
  // The decided card for everyone (updateForAll); each viewer's refresh renders the same status.
  return { kind: 'card', card: approvalCard(child, request, { showNames: ctx.showChildNames, canDecide: false, refreshUserIds: [], tzName: ctx.deps.tzName }), updateForAll: true };
}

export const reviewRescheduleApproveAction: ActionSpec = { verb: 'review.reschedule.approve', run: (ctx) => decide(ctx, 'approve') };
export const reviewRescheduleDeclineAction: ActionSpec = {
  verb: 'review.reschedule.decline',
  // A decline without a comment comes back as the same card, with the comment box and what is missing.
  run: (ctx) => orFormAgain(() => decide(ctx, 'decline'), async (error) => {
    const input = parseData(z.object({ ref, requestId: id }), ctx.data, 'Use the buttons on the request card');
    const v = await viewRequest(ctx.deps, ctx.actor, input.ref, input.requestId);
    return approvalCard(v.child, v.request, { showNames: ctx.showChildNames, canDecide: v.canDecide, refreshUserIds: [], tzName: ctx.deps.tzName, again: { values: ctx.data, error } });
  }),
};

/** The card's refresh: rendered for whoever invokes (deciders get the buttons, everyone else the status). */
export const reviewRescheduleViewAction: ActionSpec = {
  verb: 'review.reschedule.view',
  async run(ctx) {
    const input = parseData(z.object({ ref, requestId: id }), ctx.data, 'Use the buttons on the request card');
    const v = await viewRequest(ctx.deps, ctx.actor, input.ref, input.requestId);
    return { kind: 'card', card: approvalCard(v.child, v.request, { showNames: ctx.showChildNames, canDecide: v.canDecide, refreshUserIds: [], tzName: ctx.deps.tzName }) };
  },
};
