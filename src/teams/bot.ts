import { ActivityTypes, ConfigurationServiceClientCredentialFactory, TeamsInfo, TurnContext } from 'botbuilder';
import { Application, TeamsAdapter, type TurnState } from '@microsoft/teams-ai';
import { randomUUID } from 'node:crypto';
import type { AppDeps } from '../app/deps.js';
import type { Config } from '../config.js';
import { hasRole } from '../domain/access.js';
import { AppError } from '../domain/errors.js';
import type { Logger } from '../logger.js';
import type { ChannelMember } from '../app/setup-channel.js';
import { cardAttachment, renderCard, type AdaptiveCardJson } from './cards.js';
import type { CommandContext } from './commands/command-context.js';
import { parseCommand } from './commands/parse-command.js';
import { COMMANDS, findCommand } from './commands/registry.js';
import { errorNotice, NOT_REGISTERED, unknownCommand } from './error-replies.js';
import { identifySender, resolvePersonArg } from './identity.js';
import { answerCardAction } from './invoke.js';
import { conversationKind } from './conversation-kind.js';

export interface Bot {
  adapter: TeamsAdapter;
  app: Application<TurnState>;
}

export function createAdapter(config: Config, logger: Logger): TeamsAdapter {
  const adapter = new TeamsAdapter(
    {},
    new ConfigurationServiceClientCredentialFactory({
      MicrosoftAppId: config.microsoftAppId ?? '',
      MicrosoftAppPassword: config.microsoftAppPassword ?? '',
      MicrosoftAppType: config.localMode ? 'MultiTenant' : config.microsoftAppType,
      MicrosoftAppTenantId: config.microsoftAppTenantId ?? '',
    }),
  );
  adapter.onTurnError = async (ctx, err) => {
    const reference = ctx.activity.id ?? randomUUID();
    logger.error({ err: errorSummary(err), activityId: ctx.activity.id, conversationId: ctx.activity.conversation?.id }, 'turn failed');
    if (ctx.activity.type === ActivityTypes.Message) {
      await ctx.sendActivity({ attachments: [cardAttachment(renderCard('notice', errorNotice(err, reference)))] }).catch(() => undefined);
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
    await deps.conversations.save(ctx.activity, { now: deps.clock() }).catch((err) =>
      logger.warn({ err: errorSummary(err), conversationId: ctx.activity.conversation?.id }, 'could not save conversation reference'));
  };
  app.activity(ActivityTypes.InstallationUpdate, remember);
  app.activity(ActivityTypes.ConversationUpdate, remember);
  app.activity(ActivityTypes.Invoke, async (ctx) => {
    if (ctx.activity.name === 'adaptiveCard/action') {
      await answerCardAction(ctx, config, deps, logger);
    } else {
      await ctx.sendActivity({ type: ActivityTypes.InvokeResponse, value: { status: 501 } });
    }
  });
  app.activity(ActivityTypes.Message, async (ctx) => {
    const card = await answerMessage(ctx, config, deps, logger);
    await ctx.sendActivity({ attachments: [cardAttachment(card)] });
  });
  return { adapter, app };
}

async function answerMessage(ctx: TurnContext, config: Config, deps: AppDeps, logger: Logger): Promise<AdaptiveCardJson> {
  const parsed = parseCommand(ctx.activity.text);
  const log = logger.child({ activityId: ctx.activity.id, conversationId: ctx.activity.conversation.id, command: parsed?.name });
  const actor = await identifySender(ctx, deps.staff);
  if (!actor) {
    log.info({ outcome: 'not-registered' }, 'message from unregistered sender');
    return renderCard('notice', NOT_REGISTERED);
  }
  const saved = await deps.conversations.save(ctx.activity, {
    now: deps.clock(), staffId: ctx.activity.conversation.conversationType === 'personal' ? actor._id : null,
  });
  const spec = parsed ? findCommand(parsed.name) : undefined;
  if (!parsed || !spec) {
    log.info({ outcome: 'unknown-command' }, 'unknown command');
    return renderCard('notice', unknownCommand(parsed?.name ?? null));
  }
  const conversationType = conversationKind(ctx);
  const commandCtx: CommandContext = {
    deps,
    actor,
    args: parsed.args,
    conversationType,
    conversationId: saved._id,
    listMembers: () => listMembers(ctx),
    councilTenantId: config.microsoftAppTenantId ?? config.allowedTenantIds[0] ?? null,
    showChildNames: conversationType === 'personal' || config.showChildNamesInChannels,
    resolvePerson: (text) => resolvePersonArg(ctx, deps.staff, text),
    commands: COMMANDS,
  };
  try {
    if (spec.roles && !hasRole(actor, ...spec.roles)) {
      throw new AppError('forbidden', `/${spec.name} is not available to your role`, { example: '/help' });
    }
    const card = await spec.run(commandCtx);
    log.info({ staffId: actor._id, outcome: 'ok' }, 'command answered');
    return card;
  } catch (err) {
    const reference = ctx.activity.id ?? randomUUID();
    const known = err instanceof AppError;
    log[known ? 'info' : 'error']({ staffId: actor._id, outcome: known ? err.code : 'error', err: known ? undefined : errorSummary(err) },
      'command refused or failed');
    if (known && err.code === 'forbidden') {
      await deps.audit.record({
        at: deps.clock(), actor: { id: actor._id, name: actor.name, kind: 'staff' }, action: 'command.refused',
        subject: spec.name, details: { reason: err.message },
      });
    }
    return renderCard('notice', errorNotice(err, reference));
  }
}

async function listMembers(ctx: TurnContext): Promise<ChannelMember[]> {
  const members: ChannelMember[] = [];
  let token: string | undefined;
  do {
    const page = await TeamsInfo.getPagedMembers(ctx, 500, token);
    members.push(...page.members.map((m) => ({
      aadObjectId: m.aadObjectId, userPrincipalName: m.userPrincipalName, email: m.email, tenantId: m.tenantId, userRole: m.userRole,
    })));
    token = page.continuationToken;
  } while (token);
  return members;
}

/** Error type and stack for logs, without messages that could carry user input. */
function errorSummary(err: unknown): Record<string, unknown> {
  if (err instanceof AppError) return { code: err.code };
  if (err instanceof Error) return { name: err.name, stack: err.stack?.split('\n').slice(1, 6).join('\n') };
  return { type: typeof err };
}
