import { ActivityTypes, type TurnContext } from 'botbuilder';
import { randomUUID } from 'node:crypto';
import type { AppDeps } from '../app/deps.js';
import { councilTenantId, type Config } from '../config.js';
import { mayShowChildNames } from '../domain/access.js';
import { AppError } from '../domain/errors.js';
import type { Logger } from '../logger.js';
import type { ActionReply, InvokeContext } from './card-verbs/action-spec.js';
import { findAction } from './card-verbs/registry.js';
import { cardAttachment } from './cards.js';
import { errorNotice, notRegistered } from './error-replies.js';
import { READER_LANGUAGE } from './message-size.js';
import { identifySender, type SenderLookup } from './identity.js';
import { conversationKind } from './conversation-kind.js';
import { isGuestStaff, type AudienceMember } from '../domain/guests.js';
import { checkAudience } from '../app/guest-safety.js';
import { languageFor } from './i18n/choose-language.js';
import { translator } from './i18n/translate.js';

// Card verbs arrive as `adaptiveCard/action` invokes (Action.Execute). Each answer is an invoke
// response within Teams' 5 s; a card reply replaces the card for the person who clicked, and with
// updateForAll the message itself is updated for everyone. Every verb answers through its access-checked
// loader (actions/action-spec.ts: guest gate → card-data shape → who may see this child → handler);
// its use case then checks what this person may do.

const CARD = 'application/vnd.microsoft.card.adaptive';
const MESSAGE = 'application/vnd.microsoft.activity.message';

interface ActionValue {
  action?: { type?: string; verb?: unknown; data?: unknown };
  trigger?: string;
}

export async function answerCardAction(
  ctx: TurnContext,
  config: Config,
  deps: AppDeps,
  logger: Logger,
  senders: SenderLookup,
  members: () => Promise<AudienceMember[]>,
): Promise<void> {
  const value = (ctx.activity.value ?? {}) as ActionValue;
  const verb = typeof value.action?.verb === 'string' ? value.action.verb : '';
  const log = logger.child({ activityId: ctx.activity.id, conversationId: ctx.activity.conversation.id, verb });
  const actor = await identifySender(ctx, deps.staff, senders);
  if (!actor) {
    log.info({ outcome: 'not-registered' }, 'card action from unregistered sender');
    // No person to ask: their Teams client's language, else the council's.
    const t = translator(languageFor({}, ctx.activity.locale, config.defaultLanguage));
    return respond(ctx, { kind: 'message', text: notRegistered(t).text });
  }
  const language = languageFor(actor, ctx.activity.locale, config.defaultLanguage);
  ctx.turnState.set(READER_LANGUAGE, language);
  const t = translator(language);
  const spec = findAction(verb);
  if (!spec && isGuestStaff(actor)) {
    // A guest gets the same neutral refusal for every verb they may not use, known or not (audited).
    await deps.audit.record({
      at: deps.clock(),
      actor: { id: actor._id, name: actor.name, kind: 'staff' },
      action: 'action.refused',
      subject: verb.slice(0, 80),
      details: { guest: true },
    });
    return respond(ctx, { kind: 'message', text: t('errors.invoke.guest', { reason: t('errors.guest.refused') }) });
  }
  if (!spec) {
    log.info({ staffId: actor._id, outcome: 'unknown-verb' }, 'card action with an unknown verb');
    return respond(ctx, { kind: 'message', text: t('errors.invoke.unknown-verb') });
  }
  const conversationType = conversationKind(ctx);
  const invokeCtx: InvokeContext = {
    deps,
    actor,
    verb,
    data: value.action?.data,
    conversationType,
    conversationId: ctx.activity.conversation.id,
    showChildNames: mayShowChildNames(conversationType, config.showChildNamesInChannels),
    isRefresh: value.trigger === 'automatic',
    language,
    t,
  };
  try {
    const reply = await spec.answer(invokeCtx);
    if (reply.kind === 'card' && reply.updateForAll && ctx.activity.replyToId) {
      // Updating the message for everyone posts into the conversation: the same audience rule as every
      // proactive message (app/guest-safety.ts). The person who clicked still gets the card in reply.
      const verdict =
        conversationType === 'personal'
          ? { ok: true }
          : await checkAudience(deps, {
              conversation: { kind: conversationType },
              children: [...reply.about],
              members,
              councilTenantId: councilTenantId(config),
            });
      if (verdict.ok) {
        await ctx.updateActivity({
          type: ActivityTypes.Message,
          id: ctx.activity.replyToId,
          attachments: [cardAttachment(reply.card)],
        });
      } else {
        log.warn(
          { staffId: actor._id, outcome: 'update-withheld' },
          'card update for everyone withheld: a guest in this conversation may not see it',
        );
        await deps.audit.record({
          at: deps.clock(),
          actor: { id: actor._id, name: actor.name, kind: 'staff' },
          action: 'action.update-withheld',
          subject: verb,
          details: { conversationId: ctx.activity.conversation.id, children: reply.about.map((c) => c.ref) },
        });
      }
    }
    log.info({ staffId: actor._id, outcome: 'ok' }, 'card action answered');
    return respond(ctx, reply);
  } catch (err) {
    const known = err instanceof AppError;
    log[known ? 'info' : 'error'](
      { staffId: actor._id, outcome: known ? err.code : 'error' },
      'card action refused or failed',
    );
    // Refused attempts are audited once (the loader audits its own): what was tried, by whom and how
    // big the payload was — never the payload itself (untrusted, unbounded).
    if (known && !err.details.audited && (err.code === 'forbidden' || err.details.malformedCardData)) {
      await deps.audit.record({
        at: deps.clock(),
        actor: { id: actor._id, name: actor.name, kind: 'staff' },
        action: 'action.refused',
        subject: verb,
        details: {
          reason: err.message,
          dataBytes: payloadSize(invokeCtx.data),
          ...(isGuestStaff(actor) ? { guest: true } : {}),
        },
      });
    }
    const notice = errorNotice(err, ctx.activity.id ?? randomUUID(), t);
    return respond(ctx, { kind: 'message', text: `${notice.title}: ${notice.text}` });
  }
}

/** The payload's size for the audit record; -1 when it cannot even be serialised (e.g. nested too deep). */
function payloadSize(data: unknown): number {
  try {
    return JSON.stringify(data ?? null).length;
  } catch {
    return -1;
  }
}

async function respond(ctx: TurnContext, reply: ActionReply): Promise<void> {
  const body =
    reply.kind === 'card'
      ? { statusCode: 200, type: CARD, value: reply.card }
      : { statusCode: 200, type: MESSAGE, value: reply.kind === 'file' ? reply.file.name : reply.text };
  await ctx.sendActivity({ type: ActivityTypes.InvokeResponse, value: { status: 200, body } });
}
