import type { Activity, CloudAdapter, ConversationReference, TurnContext } from 'botbuilder';
import { parseRetryAfterMs } from '../jobs/backoff.js';
import type { AudienceMember } from '../domain/guests.js';
import { pagedMembers, type MembersApi } from './members.js';
import type { Logger } from '../logger.js';
import { fitMessage } from './message-size.js';

// The one wrapper over the SDK for proactive sends (docs/DESIGN.md: SDK calls stay in src/teams/).
//
// Both paths enter through `adapter.continueConversationAsync` (it builds the connector client with
// the bot's credentials) and then call the connector client directly:
//  - post / reply: POST /v3/conversations/{id}/activities (sendToConversation). A thread reply is
//    the same call with the thread's conversation id ('19:...;messageid=N').
//  - new channel thread: POST /v3/conversations (createConversation), as
//    TeamsInfo.sendMessageToTeamsChannel does, but without its need for a bot app id (local mode has
//    none) and returning Teams' own activity id.
//
// The SDK's own retry policy is removed from the per-call client: it would retry 429s with
// Retry-After, 5xx and dropped connections up to 3 times with its own delays, invisible to the
// outbox's rate limiter and backoff. Here one call = one HTTP request; the outbox sender retries.

/** Header carrying the outbox idempotency key (Teams ignores it; the fake connector dedupes on it). */
export const IDEMPOTENCY_HEADER = 'x-iro-idempotency-key';

export interface SendOptions {
  idempotencyKey?: string;
  /** Post into this conversation instead of the reference's (a thread id: reply into the thread). */
  conversationId?: string;
}

export interface SendOutcome {
  /** Teams' id of the sent message (null if Teams returned none). */
  activityId: string | null;
  /** Conversation the message is in; for a new thread, the thread's id ('...;messageid=N'). */
  conversationId: string;
}

/** What the outbox sender needs from Teams (tests may supply their own). */
export interface Notifier {
  post(reference: Partial<ConversationReference>, activity: Partial<Activity>, opts?: SendOptions): Promise<SendOutcome>;
  startThread(reference: Partial<ConversationReference>, channelId: string, activity: Partial<Activity>, opts?: SendOptions): Promise<SendOutcome>;
}

/** Reads a conversation's members outside a turn (the guest check before posting about a child). */
export interface MemberLister {
  listMembers(reference: Partial<ConversationReference>, conversationId: string): Promise<AudienceMember[]>;
}

export type DeliveryErrorKind = 'transient' | 'permanent';

/** A failed send, classified. `reason` is safe to store and show to admins: ids and codes, no content. */
export class DeliveryError extends Error {
  constructor(
    readonly kind: DeliveryErrorKind,
    readonly reason: string,
    readonly statusCode?: number,
    readonly retryAfterMs?: number,
    readonly code?: string,
  ) {
    super(reason);
    this.name = 'DeliveryError';
  }
}

/** Statuses Teams asks bots to retry (rate-limit doc: 429, 412, 502, 504; plus 503, 500, 408, 401 — see below). */
const TRANSIENT_STATUS = new Set([401, 408, 412, 429, 500, 502, 503, 504]);

/**
 * Maps an SDK/HTTP error to a DeliveryError.
 * - 429, 412, 502, 503, 504, 408 and network errors: transient (retry with backoff).
 * - 500: transient too; Teams' docs do not list it, but it is usually a passing service fault, and
 *   the sender's give-up time still bounds it.
 * - 401: transient: it means our credentials/token are wrong, not the message; retrying until the
 *   give-up time lets an operator fix the configuration without losing messages.
 * - Other 4xx (400, 403 bot removed/blocked, 404 conversation gone, 413...): permanent.
 * - Anything without an HTTP status (socket reset, timeout, DNS): transient.
 */
export function toDeliveryError(err: unknown, now: Date = new Date()): DeliveryError {
  if (err instanceof DeliveryError) return err;
  const e = (err ?? {}) as { statusCode?: unknown; code?: unknown; response?: { status?: number; headers?: unknown; bodyAsText?: string | null } };
  const status = typeof e.statusCode === 'number' ? e.statusCode : typeof e.response?.status === 'number' ? e.response.status : undefined;
  const retryAfterMs = parseRetryAfterMs(headerOf(e.response?.headers, 'retry-after'), now);
  const code = typeof e.code === 'string' ? e.code : errorCodeOf(e.response?.bodyAsText);
  if (status === undefined) {
    return new DeliveryError('transient', `network error${code ? ` ${code}` : ''}`, undefined, undefined, code);
  }
  const kind: DeliveryErrorKind = TRANSIENT_STATUS.has(status) || status >= 500 ? 'transient' : 'permanent';
  return new DeliveryError(kind, `HTTP ${status}${code ? ` ${code}` : ''}`, status, retryAfterMs, code);
}

export interface NotifierOptions {
  /** The bot's app id ('' in local mode). */
  botAppId?: string;
  /** Per-request timeout; a hung connection must not hold a conversation forever. */
  timeoutMs?: number;
  /** Where an oversize message is reported (ids and size only); without one, the line goes to stderr. */
  logger?: Pick<Logger, 'warn'>;
}

/** The minimal connector-client surface used here (the SDK's ConnectorClient satisfies it). */
interface ConversationsApi {
  sendToConversation(conversationId: string, activity: Partial<Activity>, options?: RequestOptions): Promise<{ id?: string }>;
  createConversation(parameters: Record<string, unknown>, options?: RequestOptions): Promise<{ id?: string; activityId?: string }>;
}
interface RequestOptions {
  customHeaders?: Record<string, string>;
  timeout?: number;
}
interface ConnectorClientLike {
  conversations: ConversationsApi;
}

export function createNotifier(adapter: CloudAdapter, opts: NotifierOptions = {}): Notifier & MemberLister {
  const botAppId = opts.botAppId ?? '';
  const timeout = opts.timeoutMs ?? 15_000;
  const sizeLog = opts.logger ?? { warn: (fields: object, msg: string) => console.warn(JSON.stringify({ level: 'warn', ...fields, msg })) } as Pick<Logger, 'warn'>;
  // Proactive sends do not pass the turn middleware: the same size guard, here.
  const fit = (activity: Partial<Activity>, conversationId: string) => fitMessage(activity, sizeLog, { conversationId });

  /** Runs `fn` with a retry-free connector client for the reference's service URL. */
  async function withClient<T>(reference: Partial<ConversationReference>, fn: (client: ConnectorClientLike, ctx: TurnContext) => Promise<T>): Promise<T> {
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
          disableSdkRetries(client);
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
    listMembers(reference, conversationId) {
      return withClient(reference, (client) => pagedMembers(client as unknown as MembersApi, conversationId));
    },

    post(reference, activity, sendOpts = {}) {
      return withClient(reference, async (client) => {
        const conversationId = sendOpts.conversationId ?? reference.conversation!.id;
        const outgoing: Partial<Activity> = {
          type: 'message',
          ...fit(activity, conversationId),
          channelId: reference.channelId,
          serviceUrl: reference.serviceUrl,
          from: reference.bot,
          recipient: reference.user,
          conversation: { ...reference.conversation!, id: conversationId },
        };
        delete outgoing.replyToId;
        const res = await client.conversations.sendToConversation(conversationId, outgoing, requestOptions(sendOpts.idempotencyKey));
        return { activityId: res?.id ?? null, conversationId };
      });
    },

    startThread(reference, channelId, activity, sendOpts = {}) {
      return withClient(reference, async (client) => {
        const res = await client.conversations.createConversation({
          isGroup: true,
          channelData: { channel: { id: channelId } },
          activity: { type: 'message', ...fit(activity, channelId) },
          bot: reference.bot,
          tenantId: reference.conversation?.tenantId,
        }, requestOptions(sendOpts.idempotencyKey));
        if (!res?.id) throw new DeliveryError('transient', 'create conversation returned no conversation id');
        // Teams returns the thread id '19:...;messageid=N'; N is the root message's id.
        return { activityId: res.activityId ?? res.id.split(';messageid=')[1] ?? null, conversationId: res.id };
      });
    },
  };
}

/**
 * Removes the SDK's retry policy from a connector client made for this one proactive turn (the
 * adapter builds a new client per continueConversationAsync, so inbound turns are unaffected).
 * `client.client.pipeline` is the @azure/core-client pipeline inside botbuilder's compat layer; if a
 * future SDK moves it, sends still work and the SDK may retry on its own again (see the report).
 */
function disableSdkRetries(client: unknown): void {
  const pipeline = (client as { client?: { pipeline?: { removePolicy?(o: { name: string }): unknown } } }).client?.pipeline;
  pipeline?.removePolicy?.({ name: 'defaultRetryPolicy' });
}

function headerOf(headers: unknown, name: string): string | undefined {
  if (!headers) return undefined;
  const h = headers as { get?(n: string): string | undefined | null };
  if (typeof h.get === 'function') return h.get(name) ?? undefined;
  const v = (headers as Record<string, unknown>)[name];
  return typeof v === 'string' ? v : undefined;
}

/** Teams' error code from an error body ({ error: { code } }), never its message text. */
function errorCodeOf(body: string | null | undefined): string | undefined {
  if (!body) return undefined;
  try {
    const code = (JSON.parse(body) as { error?: { code?: unknown } }).error?.code;
    return typeof code === 'string' && /^[A-Za-z0-9_.-]{1,64}$/.test(code) ? code : undefined;
  } catch {
    return undefined;
  }
}
