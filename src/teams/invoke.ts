import { ActivityTypes, type TurnContext } from 'botbuilder';
import { randomUUID } from 'node:crypto';
import type { AppDeps } from '../app/deps.js';
import type { Config } from '../config.js';
import { AppError } from '../domain/errors.js';
import type { Logger } from '../logger.js';
import type { ActionContext, ActionReply } from './actions/action-spec.js';
import { findAction } from './actions/registry.js';
import { cardAttachment } from './cards.js';
import { errorNotice, NOT_REGISTERED } from './error-replies.js';
import { identifySender } from './identity.js';
import { conversationKind } from './conversation-kind.js';
import { isGuestStaff } from '../domain/guests.js';
import { assertGuestMay, GUEST_REFUSAL } from './guest-gate.js';

// Card verbs arrive as `adaptiveCard/action` invokes (Action.Execute). Each answer is an invoke
// response within Teams' 5 s; a card reply replaces the card for the person who clicked, and with
// updateForAll the message itself is updated for everyone. Every handler re-checks permission.

const CARD = 'application/vnd.microsoft.card.adaptive';
const MESSAGE = 'application/vnd.microsoft.activity.message';

interface ActionValue {
  action?: { type?: string; verb?: unknown; data?: unknown };
  trigger?: string;
}

export async function answerCardAction(ctx: TurnContext, config: Config, deps: AppDeps, logger: Logger): Promise<void> {
  const value = (ctx.activity.value ?? {}) as ActionValue;
  const verb = typeof value.action?.verb === 'string' ? value.action.verb : '';
  const log = logger.child({ activityId: ctx.activity.id, conversationId: ctx.activity.conversation.id, verb });
  const actor = await identifySender(ctx, deps.staff);
  if (!actor) {
    log.info({ outcome: 'not-registered' }, 'card action from unregistered sender');
    return respond(ctx, { kind: 'message', text: NOT_REGISTERED.text });
  }
  const spec = findAction(verb);
  if (!spec && isGuestStaff(actor)) {
    // A guest gets the same neutral refusal for every verb they may not use, known or not (audited).
    await deps.audit.record({ at: deps.clock(), actor: { id: actor._id, name: actor.name, kind: 'staff' }, action: 'action.refused', subject: verb.slice(0, 80), details: { guest: true } });
    return respond(ctx, { kind: 'message', text: `That's not available to you: ${GUEST_REFUSAL}.` });
  }
  if (!spec) {
    log.info({ staffId: actor._id, outcome: 'unknown-verb' }, 'card action with an unknown verb');
    return respond(ctx, { kind: 'message', text: 'This card is out of date or not mine; nothing was changed.' });
  }
  const data = value.action?.data;
  const conversationType = conversationKind(ctx);
  const actionCtx: ActionContext = {
    deps, actor, verb,
    data: data && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>) : {},
    conversationType,
    conversationId: ctx.activity.conversation.id,
    showChildNames: conversationType === 'personal' || config.showChildNamesInChannels,
    isRefresh: value.trigger === 'automatic',
  };
  try {
    assertGuestMay(actor, { verb });
    const reply = await spec.run(actionCtx);
    if (reply.kind === 'card' && reply.updateForAll && ctx.activity.replyToId) {
      await ctx.updateActivity({ type: ActivityTypes.Message, id: ctx.activity.replyToId, attachments: [cardAttachment(reply.card)] });
    }
    log.info({ staffId: actor._id, outcome: 'ok' }, 'card action answered');
    return respond(ctx, reply);
  } catch (err) {
    const known = err instanceof AppError;
    log[known ? 'info' : 'error']({ staffId: actor._id, outcome: known ? err.code : 'error' }, 'card action refused or failed');
    if (known && err.code === 'forbidden') {
      await deps.audit.record({
        at: deps.clock(), actor: { id: actor._id, name: actor.name, kind: 'staff' }, action: 'action.refused',
        subject: verb, details: { reason: err.message, ...(isGuestStaff(actor) ? { guest: true, data: actionCtx.data } : {}) },
      });
    }
    const notice = errorNotice(err, ctx.activity.id ?? randomUUID());
    return respond(ctx, { kind: 'message', text: `${notice.title}: ${notice.text}` });
  }
}

async function respond(ctx: TurnContext, reply: ActionReply): Promise<void> {
  const body = reply.kind === 'card'
    ? { statusCode: 200, type: CARD, value: reply.card }
    : { statusCode: 200, type: MESSAGE, value: reply.text };
  await ctx.sendActivity({ type: ActivityTypes.InvokeResponse, value: { status: 200, body } });
}
