import { DeliveryError, type DeliveryPort, type SendOutcome } from '../app/delivery-port.js';
import type { Clock } from '../clock.js';
import type { Logger } from '../logger.js';
import type { ChannelLanguage, ConversationDoc, OutboxDoc, OutboxRender } from '../store/delivery-documents.js';
import type { ConversationRepository } from '../store/repositories/conversation-repository.js';
import type { OutboxRepository } from '../store/repositories/outbox-repository.js';
import { DEFAULT_GIVE_UP_AFTER_MS } from '../store/repositories/outbox-repository.js';
import type { AudienceGate } from './audience-gate.js';
import { DEFAULT_BACKOFF, jitteredBackoffMs, type BackoffOptions } from './backoff.js';
import { stepper } from './event-loop.js';
import { SlidingWindowLimiter, TEAMS_LIMITS, windowsOf, type ConversationLimits } from './rate-limiter.js';

// Delivers the outbox (docs/DESIGN.md "Proactive delivery and jobs").
//
// - Order: per conversation, strictly in outbox order; a message backing off holds back the later
//   messages of its conversation (head-of-line). Other conversations carry on.
// - Rate: a sliding-window limiter per conversation (Teams: 7/1 s and 60/30 s), counting every HTTP
//   attempt, failed ones included. The delivery port makes one HTTP request per call (teams/notifier.ts
//   keeps the SDK from retrying on its own), so nothing is sent that the limiter did not count.
// - Retries: Retry-After when given, else exponential backoff with full jitter, for transient
//   errors (429, 412, 500, 502, 503, 504, network); other 4xx fail the message at once. A message
//   whose next attempt would fall after its give-up time is marked failed (listed for admins).
// - Audience: every message, whatever its kind, passes the audience gate (audience-gate.ts) right
//   before it is sent; a message a guest there may not see is withheld (final, never sent).
// - At-least-once: a message is marked sent right after Teams accepts it. A crash between the two
//   can repeat that one message. At most `maxConcurrentConversations` messages (default 1) are in
//   flight, so with the default at most one message can ever be repeated.

export interface OutboxSenderOptions {
  outbox: OutboxRepository;
  conversations: Pick<ConversationRepository, 'get'>;
  /** Posts through Teams (teams/notifier.ts implements the port). */
  notifier: DeliveryPort;
  /** Checks who is in the target conversation before every send (required: nothing is sent unchecked). */
  audience: AudienceGate;
  /** Must be a running clock: a fixed demo clock (IRO_NOW) would freeze retries and rate windows. */
  clock: Clock;
  logger: Logger;
  limits?: ConversationLimits;
  /** Give up this long after a message was enqueued (or at its own giveUpAt, if sooner). */
  giveUpAfterMs?: number;
  /** Conversations delivered in parallel; each has at most one message in flight. Default 1. */
  maxConcurrentConversations?: number;
  backoff?: BackoffOptions;
  /** Messages read per round. */
  batchSize?: number;
  /** Longest sleep when idle: picks up messages enqueued without kick() (another process). */
  idlePollMs?: number;
  random?: () => number;
  /**
   * What a conversation reads (teams/presenters/reader-language.ts), for the short notice that replaces a
   * message too large to send; without it, or when it cannot tell, the notice is in Welsh and English.
   */
  readerLanguage?: (conversation: ConversationDoc) => Promise<ChannelLanguage | undefined>;
  /**
   * Writes a message queued with `render` again, in the conversation's language at delivery (issue 13); null, or a
   * failure, sends the activity written when it was queued.
   */
  renderAtDelivery?: (
    render: OutboxRender,
    conversation: ConversationDoc,
    language: ChannelLanguage | undefined,
  ) => Promise<Record<string, unknown> | null>;
}

export interface RunCounts {
  /** Delivered and marked sent. */
  sent: number;
  /** Failed transiently and rescheduled. */
  retried: number;
  /** Marked failed (permanent error, gave up, or nothing to send to). */
  failed: number;
  /** Stopped by the audience gate (final). */
  withheld: number;
  /** Due but held back by a rate window or a thread start not sent yet. */
  deferred: number;
}

export interface OutboxSender {
  /** Delivers what is due now within the rate limits (never waits for a window). Runs never overlap. */
  runOnce(): Promise<RunCounts>;
  /** When the next message could go: the earliest conversation head, after its rate window (null: idle). */
  nextWakeAt(): Promise<Date | null>;
  /** Starts the background loop. */
  start(): void;
  /** Stops the loop after the send in flight (if any) is recorded. */
  stop(): Promise<void>;
  /** Wakes the loop now (call after enqueueing). */
  kick(): void;
}

type Outcome = 'sent' | 'retried' | 'failed' | 'deferred' | 'withheld';

export function createOutboxSender(opts: OutboxSenderOptions): OutboxSender {
  const { outbox, conversations, notifier, clock, audience } = opts;
  if (!audience) throw new Error('the outbox sender needs the audience gate');
  const log = opts.logger.child({ component: 'outbox-sender' });
  const limiter = new SlidingWindowLimiter(windowsOf(opts.limits ?? TEAMS_LIMITS));
  const giveUpAfterMs = opts.giveUpAfterMs ?? DEFAULT_GIVE_UP_AFTER_MS;
  const concurrency = Math.max(1, opts.maxConcurrentConversations ?? 1);
  const backoff = opts.backoff ?? DEFAULT_BACKOFF;
  const batchSize = opts.batchSize ?? 500;
  const idlePollMs = opts.idlePollMs ?? 30_000;
  const random = opts.random ?? Math.random;
  const nowMs = () => clock().getTime();

  let chain: Promise<unknown> = Promise.resolve();
  let loop: Promise<void> | null = null;
  let stopping = false;
  let wake: (() => void) | null = null;
  /** Set by kick(); a kick that lands while a round runs must not be lost. */
  let kicked = false;

  async function runRound(): Promise<RunCounts> {
    const counts: RunCounts = { sent: 0, retried: 0, failed: 0, deferred: 0, withheld: 0 };
    const due = await outbox.due(clock(), batchSize);
    const byConversation = new Map<string, OutboxDoc[]>();
    for (const doc of due) {
      const list = byConversation.get(doc.target.conversationId);
      if (list) list.push(doc);
      else byConversation.set(doc.target.conversationId, [doc]);
    }
    const queue = [...byConversation.entries()];
    // Each attempt between requests, not during one (event-loop.ts).
    const step = stepper();
    const worker = async () => {
      for (let next = queue.shift(); next; next = queue.shift()) {
        const [conversationId, docs] = next;
        for (let i = 0; i < docs.length; i++) {
          await step();
          if (stopping) return;
          const t = nowMs();
          if (limiter.nextAllowedAt(conversationId, t) > t) {
            counts.deferred += docs.length - i;
            break;
          }
          const outcome = await attempt(docs[i]!);
          counts[outcome]++;
          // Head-of-line: only a message that is done (sent or failed) lets the next one go.
          if (outcome === 'retried' || outcome === 'deferred') {
            counts.deferred += docs.length - i - 1;
            break;
          }
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, queue.length) }, worker));
    limiter.prune(nowMs());
    return counts;
  }

  async function attempt(doc: OutboxDoc): Promise<Outcome> {
    const key = doc._id;
    const conversationId = doc.target.conversationId;
    const now = clock();
    const deadline = Math.min(doc.giveUpAt.getTime(), doc.enqueuedAt.getTime() + giveUpAfterMs);
    const attempts = doc.attempts + 1;
    const fail = async (reason: string, n: number): Promise<Outcome> => {
      await outbox.markFailed(key, reason, clock(), n);
      log.warn({ key, conversationId, attempts: n, reason }, 'outbox message failed');
      return 'failed';
    };

    const conv = await conversations.get(conversationId);
    if (!conv) return fail(`no saved conversation ${conversationId}`, doc.attempts);

    // The audience gate, before anything else: no kind of message reaches a conversation unchecked.
    const gate = await audience.check(doc, conv);
    if (!gate.send && gate.withhold) {
      await audience.withhold(doc, conv, gate, clock());
      return 'withheld';
    }
    if (!gate.send) {
      // Not a send attempt: the roster could not be read. Try again later; give up at the deadline.
      const delay = jitteredBackoffMs(attempts, backoff, random);
      const next = now.getTime() + delay;
      if (next > deadline) return fail(`gave up: ${gate.reason}`, doc.attempts);
      await outbox.reschedule(key, attempts, new Date(next), gate.reason);
      log.info({ key, conversationId, retryInMs: delay }, 'outbox: could not check the audience, will retry');
      return 'retried';
    }

    // A reply goes into the thread its first message started, so that message must be sent first.
    let threadId: string | undefined;
    if (doc.target.threadOf) {
      const parent = await outbox.get(doc.target.threadOf);
      if (!parent) return fail(`thread start ${doc.target.threadOf} is not in the outbox`, doc.attempts);
      if (parent.status === 'failed' || parent.status === 'withheld')
        return fail(`thread start ${doc.target.threadOf} ${parent.status}`, doc.attempts);
      if (parent.status === 'pending') {
        if (now.getTime() >= deadline)
          return fail(`gave up waiting for thread start ${doc.target.threadOf}`, doc.attempts);
        // Not an attempt: wait for the thread start without spinning on this message.
        const at = new Date(Math.min(deadline, Math.max(parent.nextAttemptAt.getTime(), now.getTime() + 1_000)));
        await outbox.reschedule(key, doc.attempts, at, `waiting for thread start ${doc.target.threadOf}`);
        return 'deferred';
      }
      threadId = threadIdOf(parent);
      if (!threadId) return fail(`thread start ${doc.target.threadOf} has no thread id`, doc.attempts);
    }

    const language = await opts.readerLanguage?.(conv).catch(() => undefined);
    const written =
      doc.render && opts.renderAtDelivery
        ? await opts.renderAtDelivery(doc.render, conv, language).catch((err: unknown) => {
            log.warn(
              { key, err: (err as Error)?.name },
              'outbox: could not write the message again; sending it as queued',
            );
            return null;
          })
        : null;
    const activity = written ?? doc.activity;
    let sent: SendOutcome;
    try {
      sent = doc.target.newThread
        ? await notifier.startThread(conv.address, activity, { idempotencyKey: key, language })
        : await notifier.post(conv.address, activity, { idempotencyKey: key, conversationId: threadId, language });
    } catch (err) {
      limiter.record(conversationId, nowMs());
      // The port classifies its failures; anything else is a fault in it, treated as passing.
      const e = err instanceof DeliveryError ? err : new DeliveryError('transient', 'send failed (unclassified error)');
      const failedAt = clock();
      if (e.kind === 'permanent') return fail(e.reason, attempts);
      const delay = e.retryAfterMs ?? jitteredBackoffMs(attempts, backoff, random);
      const next = failedAt.getTime() + delay;
      if (next > deadline) return fail(`gave up after ${attempts} attempts: ${e.reason}`, attempts);
      await outbox.reschedule(key, attempts, new Date(next), e.reason);
      log.info(
        { key, conversationId, attempts, statusCode: e.statusCode, retryInMs: delay },
        'outbox send failed, will retry',
      );
      return 'retried';
    }
    limiter.record(conversationId, nowMs());
    // Nothing between the send and this write: a crash here is the one repeat at-least-once allows.
    await outbox.markSent(key, {
      at: clock(),
      attempts,
      activityId: sent.activityId,
      conversationId: sent.conversationId,
    });
    log.debug({ key, conversationId, attempts }, 'outbox message sent');
    return 'sent';
  }

  async function nextWakeAt(): Promise<Date | null> {
    let min: number | null = null;
    for (const head of await outbox.heads()) {
      const t = Math.max(head.nextAttemptAt.getTime(), limiter.nextAllowedAt(head.target.conversationId, nowMs()));
      if (min === null || t < min) min = t;
    }
    return min === null ? null : new Date(min);
  }

  function runOnce(): Promise<RunCounts> {
    const run = chain.then(runRound);
    chain = run.catch(() => undefined);
    return run;
  }

  async function runLoop(): Promise<void> {
    let errorDelay = 0;
    while (!stopping) {
      let sleepMs: number;
      kicked = false;
      try {
        const counts = await runOnce();
        errorDelay = 0;
        const at = await nextWakeAt();
        const progressed = counts.sent + counts.retried + counts.failed + counts.withheld > 0;
        sleepMs = at === null ? idlePollMs : Math.min(idlePollMs, Math.max(progressed ? 0 : 5, at.getTime() - nowMs()));
      } catch (err) {
        // A store error: keep the loop alive, back off so a broken store is not hammered.
        errorDelay = Math.min(30_000, Math.max(500, errorDelay * 2));
        sleepMs = errorDelay;
        log.error(
          { err: { name: (err as Error)?.name, code: (err as { code?: unknown })?.code } },
          'outbox round failed',
        );
      }
      if (stopping) break;
      if (sleepMs > 0 && !kicked) await sleep(sleepMs);
    }
  }

  function sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        wake = null;
        resolve();
      }
      wake = done;
    });
  }

  return {
    runOnce,
    nextWakeAt,
    start() {
      if (loop) return;
      stopping = false;
      loop = runLoop();
    },
    async stop() {
      stopping = true;
      wake?.();
      await loop;
      loop = null;
      stopping = false; // runOnce() still works after stop() (e.g. a final flush)
    },
    kick() {
      kicked = true;
      wake?.();
    },
  };
}

/** The thread a reply goes into: the new thread's id, or '<channel>;messageid=<root id>' for a post. */
function threadIdOf(parent: OutboxDoc): string | undefined {
  const conv = parent.sentConversationId ?? parent.target.conversationId;
  if (conv.includes(';messageid=')) return conv;
  return parent.sentActivityId ? `${conv};messageid=${parent.sentActivityId}` : undefined;
}
