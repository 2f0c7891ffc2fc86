import type { Activity, CloudAdapter, ConversationReference, TurnContext } from 'botbuilder';
import { DeliveryError, type DeliveryPort, type MemberDirectory, type SendOptions } from '../app/delivery-port.js';
import { referenceOf } from './conversation-address.js';
import { toDeliveryError } from './delivery-errors.js';
import { pagedMembers, type MembersApi } from './members.js';
import type { Logger } from '../logger.js';
import { fitMessage } from './message-size.js';
import { turnOffSdkRetries } from './sdk-retries.js';

// The one wrapper over the SDK for proactive sends (docs/DESIGN.md: SDK calls stay in src/teams/):
// implements the delivery port (app/delivery-port.ts) over botbuilder, from neutral addresses.
//
// Both paths enter through `adapter.continueConversationAsync` (it builds the connector client with
// the bot's credentials) and then call the connector client directly:
//  - post / reply: POST /v3/conversations/{id}/activities (sendToConversation). A thread reply is
//    the same call with the thread's conversation id ('19:...;messageid=N').
//  - new channel thread: POST /v3/conversations (createConversation), as
//    TeamsInfo.sendMessageToTeamsChannel does, but without its need for a bot app id (local mode has
//    none) and returning Teams' own activity id.
//
// The SDK's own retry policy is turned off on the per-call client (sdk-retries.ts): it would retry 429s
// with Retry-After, 5xx and dropped connections up to 3 times with its own delays, invisible to the
// outbox's rate limiter and backoff. Here one call = one HTTP request; the outbox sender retries.

/** Header carrying the outbox idempotency key (Teams ignores it; the fake connector dedupes on it). */
export const IDEMPOTENCY_HEADER = 'x-iro-idempotency-key';

export { DeliveryError, toDeliveryError };

export interface NotifierOptions {
  /** The bot's app id ('' in local mode). */
  botAppId?: string;
  /** Per-request timeout; a hung connection must not hold a conversation forever. */
  timeoutMs?: number;
  /** Where an oversize message is reported (ids and size only). */
  logger: Pick<Logger, 'warn'>;
}

/** The minimal connector-client surface used here (the SDK's ConnectorClient satisfies it). */
interface ConversationsApi {
  sendToConversation(
    conversationId: string,
    activity: Partial<Activity>,
    options?: RequestOptions,
  ): Promise<{ id?: string }>;
  createConversation(
    parameters: Record<string, unknown>,
    options?: RequestOptions,
  ): Promise<{ id?: string; activityId?: string }>;
}
interface RequestOptions {
  customHeaders?: Record<string, string>;
  timeout?: number;
}
interface ConnectorClientLike {
  conversations: ConversationsApi;
}

export function createNotifier(adapter: CloudAdapter, opts: NotifierOptions): DeliveryPort & MemberDirectory {
  const botAppId = opts.botAppId ?? '';
  const timeout = opts.timeoutMs ?? 15_000;
  // Proactive sends do not pass the turn middleware: the same size guard, here.
  const fit = (activity: Partial<Activity>, conversationId: string, language: SendOptions['language']) =>
    fitMessage(activity, opts.logger, { conversationId, language });

  let warnedSdkRetries = false;
  const warnSdkRetriesOnce = () => {
    if (warnedSdkRetries) return;
    warnedSdkRetries = true;
    const why = 'could not turn off the SDK retry policy (SDK changed?): it may retry sends on its own';
    opts.logger.warn({ outcome: 'sdk-retries-on' }, why);
  };

  /** Runs `fn` with a retry-free connector client for the reference's service URL. */
  async function withClient<T>(
    reference: Partial<ConversationReference>,
    fn: (client: ConnectorClientLike, ctx: TurnContext) => Promise<T>,
  ): Promise<T> {
    if (!reference.serviceUrl || !reference.conversation?.id) {
      throw new DeliveryError('permanent', 'conversation reference has no serviceUrl or conversation id');
    }
    let ran = false;
    let failure: unknown;
    let result: T | undefined;
    try {
      await adapter.continueConversationAsync(botAppId, reference, async (ctx) => {
        ran = true;
        // Caught here, not thrown: the adapter's onTurnError would swallow it and the send would
        // look successful.
        try {
          const client = ctx.turnState.get<ConnectorClientLike | undefined>(ctx.adapter.ConnectorClientKey);
          if (!client) throw new DeliveryError('transient', 'no connector client in the proactive turn');
          if (!turnOffSdkRetries(client)) warnSdkRetriesOnce();
          result = await fn(client, ctx);
        } catch (err) {
          failure = err ?? new Error('send failed');
        }
      });
    } catch (err) {
      throw toDeliveryError(err);
    }
    if (failure !== undefined) throw toDeliveryError(failure);
    // A middleware that does not call next() would make the send silently not happen.
    if (!ran) throw new DeliveryError('transient', 'proactive turn did not run (stopped by middleware)');
    return result as T;
  }

  const requestOptions = (key?: string): RequestOptions => ({
    timeout,
    customHeaders: key ? { [IDEMPOTENCY_HEADER]: key } : undefined,
  });

  return {
    listMembers(address) {
      return withClient(referenceOf(address), (client) =>
        pagedMembers(client as unknown as MembersApi, address.conversationId),
      );
    },

    post(address, activity, sendOpts = {}) {
      const reference = referenceOf(address);
      return withClient(reference, async (client) => {
        const conversationId = sendOpts.conversationId ?? reference.conversation!.id;
        const outgoing: Partial<Activity> = {
          type: 'message',
          ...fit(activity, conversationId, sendOpts.language),
          channelId: reference.channelId,
          serviceUrl: reference.serviceUrl,
          from: reference.bot,
          recipient: reference.user,
          conversation: { ...reference.conversation!, id: conversationId },
        };
        delete outgoing.replyToId;
        const res = await client.conversations.sendToConversation(
          conversationId,
          outgoing,
          requestOptions(sendOpts.idempotencyKey),
        );
        return { activityId: res?.id ?? null, conversationId };
      });
    },

    startThread(address, activity, sendOpts = {}) {
      const reference = referenceOf(address);
      const channelId = address.channelId ?? address.conversationId;
      return withClient(reference, async (client) => {
        const res = await client.conversations.createConversation(
          {
            isGroup: true,
            channelData: { channel: { id: channelId } },
            activity: { type: 'message', ...fit(activity, channelId, sendOpts.language) },
            bot: reference.bot,
            tenantId: reference.conversation?.tenantId,
          },
          requestOptions(sendOpts.idempotencyKey),
        );
        if (!res?.id) throw new DeliveryError('transient', 'create conversation returned no conversation id');
        // Teams returns the thread id '19:...;messageid=N'; N is the root message's id.
        return { activityId: res.activityId ?? res.id.split(';messageid=')[1] ?? null, conversationId: res.id };
      });
    },
  };
}
