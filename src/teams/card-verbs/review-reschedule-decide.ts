import { z } from 'zod';
import { decideReschedule, viewRequest, type DecideResult } from '../../app/booking/reschedule.js';
import { rescheduleApprovalCard } from '../cards/reschedule-approval.js';
import { decisionText } from '../presenters/booking.js';
import type { SubjectOf } from '../../app/load-for-actor.js';
import { defineAction, type ActionContext, type ActionReply } from './action-spec.js';
import { optText, parseData } from './booking-data.js';
import { orFormAgain } from './form-again.js';

const schema = z.object({ comment: optText });

async function decide(
  ctx: ActionContext,
  subject: SubjectOf<'reschedule-request'>,
  decision: 'approve' | 'decline',
): Promise<ActionReply> {
  const input = parseData(schema, ctx.data, 'Use the buttons on the request card');
  const result: DecideResult = await decideReschedule(ctx.deps, ctx.actor, {
    ref: subject.ref,
    requestId: subject.request.id,
    comment: input.comment,
    decision,
  });
  const { child, request } = result.view;
  if (result.outcome === 'already-decided') {
    return {
      kind: 'message',
      text: ctx.t('verbs.decided.already', { decision: decisionText(request, ctx.deps.tzName, ctx.t) }),
    };
  }
  // The decided card for everyone (updateForAll); each viewer's refresh renders the same status.
  return {
    kind: 'card',
    card: rescheduleApprovalCard(child, request, {
      showNames: ctx.showChildNames,
      canDecide: false,
      refreshUserIds: [],
      tzName: ctx.deps.tzName,
    }),
    updateForAll: true,
  };
}

export const reviewRescheduleApproveAction = defineAction({
  verb: 'review.reschedule.approve',
  subject: 'reschedule-request',
  run: (ctx, s) => decide(ctx, s, 'approve'),
});
export const reviewRescheduleDeclineAction = defineAction({
  verb: 'review.reschedule.decline',
  subject: 'reschedule-request',
  // A decline without a comment comes back as the same card, with the comment box and what is missing.
  run: (ctx, s) =>
    orFormAgain(
      ctx.t,
      () => decide(ctx, s, 'decline'),
      async (error) => {
        const v = await viewRequest(ctx.deps, ctx.actor, s.ref, s.request.id);
        return rescheduleApprovalCard(v.child, v.request, {
          showNames: ctx.showChildNames,
          canDecide: v.canDecide,
          refreshUserIds: [],
          tzName: ctx.deps.tzName,
          again: { values: ctx.data, error },
        });
      },
    ),
});

/** The card's refresh: rendered for whoever invokes (deciders get the buttons, everyone else the status). */
export const reviewRescheduleViewAction = defineAction({
  verb: 'review.reschedule.view',
  subject: 'reschedule-request',
  async run(ctx, subject) {
    const v = await viewRequest(ctx.deps, ctx.actor, subject.ref, subject.request.id);
    return {
      kind: 'card',
      card: rescheduleApprovalCard(v.child, v.request, {
        showNames: ctx.showChildNames,
        canDecide: v.canDecide,
        refreshUserIds: [],
        tzName: ctx.deps.tzName,
      }),
    };
  },
});
