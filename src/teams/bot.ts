import {
  ActivityTypes,
  ConfigurationServiceClientCredentialFactory,
  TurnContext,
  type Activity,
  type InvokeResponse,
} from 'botbuilder';
import type { AuthenticateRequestResult } from 'botframework-connector';
import { Application, TeamsAdapter, type TurnState } from '@microsoft/teams-ai';
import { randomUUID } from 'node:crypto';
import type { AppDeps } from '../app/deps.js';
import { councilTenantId, type Config } from '../config.js';
import { hasRole, mayShowChildNames } from '../domain/access.js';
import { AppError } from '../domain/errors.js';
import type { Logger } from '../logger.js';
import type { ChannelMember } from '../app/setup-channel.js';
import { cardAttachment, renderCard, type AdaptiveCardJson } from './cards.js';
import type { CommandContext } from './commands/command-context.js';
import { parseCommand } from './commands/parse-command.js';
import { assertRunsHere, COMMANDS, findCommand } from './commands/registry.js';
import { languageFor } from './i18n/choose-language.js';
import { translator, type Translate } from './i18n/translate.js';
import { errorNotice, notRegistered, textTooLong, unknownCommand } from './error-replies.js';
import { COMMAND_TEXT_LIMIT } from './activity-guard.js';
import { identifySender, resolvePersonArg, type SenderLookup } from './identity.js';
import { answerCardAction } from './invoke.js';
import { answerFileConsent, fileConsentAttachment } from './file-consent.js';
import { messageSizeGuard, READER_LANGUAGE } from './message-size.js';
import { conversationKind } from './conversation-kind.js';
import { checkAnswerAudience } from '../app/guest-safety.js';
import { isGuestStaff } from '../domain/guests.js';
import { addressOfActivity, channelConversationId } from './conversation-address.js';
import { assertGuestMay } from './guest-gate.js';
import { createMemberCache, pagedMembers, type MemberCache, type MembersApi } from './members.js';

export interface Bot {
  adapter: EdgeAdapter;
  app: Application<TurnState>;
}

/**
 * The Teams adapter with authentication as its own step, so the HTTP edge can authenticate first,
 * then apply the tenant guard, then run the turn (issue 10: 401 before 403, never the reverse).
 */
export class EdgeAdapter extends TeamsAdapter {
  /** Validates the Authorization header (JWT) for this activity; throws AuthenticationError if it fails. */
  authenticate(activity: Partial<Activity>, authHeader: string): Promise<AuthenticateRequestResult> {
    return this.botFrameworkAuthentication.authenticateRequest(activity as Activity, authHeader);
  }

  /** Runs a turn for an activity that `authenticate` accepted. */
  runAuthenticated(
    auth: AuthenticateRequestResult,
    activity: Activity,
    logic: (ctx: TurnContext) => Promise<void>,
  ): Promise<InvokeResponse | undefined> {
    return this.processActivity(auth, activity, logic);
  }
}

export function createAdapter(config: Config, logger: Logger): EdgeAdapter {
  const adapter = new EdgeAdapter(
    {},
    new ConfigurationServiceClientCredentialFactory({
      MicrosoftAppId: config.microsoftAppId ?? '',
      MicrosoftAppPassword: config.microsoftAppPassword ?? '',
      MicrosoftAppType: config.localMode ? 'MultiTenant' : config.microsoftAppType,
      MicrosoftAppTenantId: config.microsoftAppTenantId ?? '',
    }),
  );
  // Nothing a turn sends may exceed what Teams accepts (message-size.ts).
  adapter.use(messageSizeGuard(logger));
  // Errors inside a turn (ours or the SDK's) go to the JSON log with a reference; the person gets
  // only the reference, never SDK error text.
  adapter.onTurnError = async (ctx, err) => {
    const reference = randomUUID();
    logger.error(
      { reference, err: errorSummary(err), activityId: ctx.activity.id, conversationId: ctx.activity.conversation?.id },
      'turn failed',
    );
    if (ctx.activity.type === (ActivityTypes.Message as string)) {
      await ctx
        .sendActivity({
          attachments: [cardAttachment(renderCard('notice', errorNotice(err, reference, turnReader(ctx))))],
        })
        .catch(() => undefined);
    }
  };
  return adapter;
}

/** The teams-ai Application with one catch-all message route feeding the anchored command parser. */
export function createBot(config: Config, deps: AppDeps, logger: Logger): Bot {
  const adapter = createAdapter(config, logger);
  const app = new Application<TurnState>({
    adapter,
    botAppId: config.microsoftAppId ?? '',
    removeRecipientMention: true,
    startTypingTimer: false,
  });
  // Where the bot can post later: saved on install, membership changes and every message.
  const remember = async (ctx: TurnContext) => {
    // Inside the chain, so an activity without an address is logged like a failed save, not thrown.
    await Promise.resolve()
      .then(() => deps.conversations.save(addressOfActivity(ctx.activity), { now: deps.clock() }))
      .catch((err) =>
        logger.warn(
          { err: errorSummary(err), conversationId: ctx.activity.conversation?.id },
          'could not save conversation reference',
        ),
      );
  };
  app.activity(ActivityTypes.InstallationUpdate, remember);
  app.activity(ActivityTypes.ConversationUpdate, remember);
  // Teams' word on each sender (a guest or not), shared by messages and card actions: one read a minute per sender.
  const senders: SenderLookup = {
    councilTenantId: councilTenantId(config),
    members: createMemberCache(),
    log: logger,
  };
  // Who is in a conversation (the audience rule), read at most once a minute per conversation.
  const memberCache = createMemberCache();
  app.activity(ActivityTypes.Invoke, async (ctx) => {
    if (ctx.activity.name === 'adaptiveCard/action') {
      await answerCardAction(ctx, config, deps, logger, senders, () =>
        memberCache.get(membersKey(ctx), () => listMembers(ctx)),
      );
    } else if (ctx.activity.name === 'fileConsent/invoke') {
      await answerFileConsent(ctx, config, deps, logger, senders);
    } else {
      await ctx.sendActivity({ type: ActivityTypes.InvokeResponse, value: { status: 501 } });
    }
  });
  app.activity(ActivityTypes.Message, async (ctx) => {
    const length = typeof ctx.activity.text === 'string' ? ctx.activity.text.length : 0;
    if (length > COMMAND_TEXT_LIMIT) {
      // Too long to be a command: say so and do nothing else (no lookup, no store write).
      logger.info(
        { activityId: ctx.activity.id, conversationId: ctx.activity.conversation.id, length, outcome: 'text-too-long' },
        'message too long',
      );
      await ctx.sendActivity({
        attachments: [
          cardAttachment(
            renderCard(
              'notice',
              textTooLong(
                length,
                COMMAND_TEXT_LIMIT,
                translator(languageFor({}, ctx.activity.locale, config.defaultLanguage)),
              ),
            ),
          ),
        ],
      });
      return;
    }
    const card = await answerMessage(ctx, config, deps, logger, memberCache, senders);
    await ctx.sendActivity({ attachments: [cardAttachment(card)] });
  });
  return { adapter, app };
}

async function answerMessage(
  ctx: TurnContext,
  config: Config,
  deps: AppDeps,
  logger: Logger,
  memberCache: MemberCache,
  senders: SenderLookup,
): Promise<AdaptiveCardJson> {
  const parsed = parseCommand(ctx.activity.text);
  const log = logger.child({
    activityId: ctx.activity.id,
    conversationId: ctx.activity.conversation.id,
    command: parsed?.name,
  });
  const actor = await identifySender(ctx, deps.staff, senders);
  if (!actor) {
    log.info({ outcome: 'not-registered' }, 'message from unregistered sender');
    return renderCard(
      'notice',
      notRegistered(translator(languageFor({}, ctx.activity.locale, config.defaultLanguage))),
    );
  }
  const saved = await deps.conversations.save(addressOfActivity(ctx.activity), {
    now: deps.clock(),
    staffId: ctx.activity.conversation.conversationType === 'personal' ? actor._id : null,
  });
  const language = languageFor(actor, ctx.activity.locale, config.defaultLanguage);
  ctx.turnState.set(READER_LANGUAGE, language);
  const t = translator(language);
  const spec = parsed ? findCommand(parsed.name) : undefined;
  if (!parsed || !spec) {
    log.info({ outcome: 'unknown-command' }, 'unknown command');
    return renderCard('notice', unknownCommand(parsed?.name ?? null, t));
  }
  const conversationType = conversationKind(ctx);
  const commandCtx: CommandContext = {
    deps,
    actor,
    args: parsed.args,
    conversationType,
    conversationId: saved._id,
    listMembers: () => memberCache.get(membersKey(ctx), () => listMembers(ctx)),
    councilTenantId: councilTenantId(config),
    showChildNames: mayShowChildNames(conversationType, config.showChildNamesInChannels),
    resolvePerson: (text) => resolvePersonArg(ctx, deps.staff, text),
    language,
    t,
    commands: COMMANDS,
    offerFile: async (offer) => {
      await ctx.sendActivity({ attachments: [fileConsentAttachment(offer)] });
    },
  };
  try {
    assertGuestMay(actor, { command: spec.name });
    assertRunsHere(spec, conversationType);
    if (!spec.guestSafe && conversationType !== 'personal') await assertNoStrangers(commandCtx);
    if (spec.roles && !hasRole(actor, ...spec.roles)) {
      throw new AppError(
        'forbidden',
        `/${spec.name} is not available to your role`,
        { example: '/help' },
        { key: 'errors.command.role', params: { command: spec.name } },
      );
    }
    const card = await spec.run(commandCtx);
    log.info({ staffId: actor._id, outcome: 'ok' }, 'command answered');
    return card;
  } catch (err) {
    const reference = ctx.activity.id ?? randomUUID();
    const known = err instanceof AppError;
    log[known ? 'info' : 'error'](
      { staffId: actor._id, outcome: known ? err.code : 'error', err: known ? undefined : errorSummary(err) },
      'command refused or failed',
    );
    if (known && err.code === 'forbidden') {
      await deps.audit.record({
        at: deps.clock(),
        actor: { id: actor._id, name: actor.name, kind: 'staff' },
        action: 'command.refused',
        subject: spec.name,
        details: {
          reason: err.message,
          ...(isGuestStaff(actor) ? { guest: true, args: parsed.args.slice(0, 200) } : {}),
        },
      });
    }
    return renderCard('notice', errorNotice(err, reference, t));
  }
}

/** The conversation whose roster counts: a channel's own id (a private channel has its own members). */
function membersKey(ctx: TurnContext): string {
  return channelConversationId(ctx.activity.conversation.id);
}

async function listMembers(ctx: TurnContext): Promise<ChannelMember[]> {
  const client = ctx.turnState.get<MembersApi | undefined>(ctx.adapter.ConnectorClientKey);
  if (!client) throw new Error('no connector client in this turn');
  return pagedMembers(client, membersKey(ctx));
}

/** The guest rule for answers in a channel or group chat (app/guest-safety.ts checkAnswerAudience). */
async function assertNoStrangers(ctx: CommandContext): Promise<void> {
  const verdict = await checkAnswerAudience(ctx.deps, ctx.actor, {
    conversation: { kind: ctx.conversationType },
    members: () => ctx.listMembers(),
    councilTenantId: ctx.councilTenantId,
  });
  if (!verdict.ok) {
    throw new AppError(
      'forbidden',
      "I can't show anything about children here: someone in this conversation is a guest. Ask me in a personal chat",
      {
        example: '/help',
        withheld: true,
      },
      { key: 'errors.guest.channel-withheld' },
    );
  }
}

/** Error type and stack for logs, without messages that could carry user input. */
export function errorSummary(err: unknown): Record<string, unknown> {
  if (err instanceof AppError) return { code: err.code };
  if (err instanceof Error) return { name: err.name, stack: err.stack?.split('\n').slice(1, 6).join('\n') };
  return { type: typeof err };
}

/** The reader of a failed turn: the language the turn was answering in, if it got that far; else English. */
function turnReader(ctx: TurnContext): Translate {
  return translator(ctx.turnState.get(READER_LANGUAGE) === 'cy' ? 'cy' : 'en');
}
