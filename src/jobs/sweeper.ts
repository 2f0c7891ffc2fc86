// The sweeper (docs/DESIGN.md "Proactive delivery and jobs"): every few minutes it asks the domain what
// is due now (domain/reminders.ts), renders each message and enqueues it in the outbox under its
// idempotency key. The key is the outbox `_id`, so the same message computed by every sweep of the
// day, by two sweeps at once, or after a restart, is enqueued once; the sender delivers it.
// With a lease (several instances on MongoDB) one instance sweeps at a time; without one (embedded
// store, one process) the keys alone are enough.
import { TZDate } from '@date-fns/tz';
import type { AppDeps } from '../app/deps.js';
import { reviewStatuses } from '../app/review-statuses.js';
import { mayShowChildNames } from '../domain/access.js';
import { todayIn } from '../domain/calendar.js';
import { isAppError } from '../domain/errors.js';
import { dueMessages, SEND_FROM_HOUR, type Addressee, type DueMessage } from '../domain/reminders.js';
import { queueLiaisonPrompts } from './liaison-prompts.js';
import { queueParticipationReminders } from './participation-reminders.js';
import { queuePlanPrompts } from './plan-prompts.js';
import { sweepResolutionDeadlines } from './resolution-reminders.js';
import { RESOLUTION_STAGES } from '../domain/resolutions/index.js';
import type { Config } from '../config.js';
import type { Logger } from '../logger.js';
import type { Store } from '../store/doc-collection.js';
import type { ConversationDoc } from '../store/delivery-documents.js';
import type { ChildDoc } from '../store/documents.js';
import type { NewOutboxMessage, OutboxRepository } from '../store/repositories/outbox-repository.js';
import { cardAttachment, renderCard } from '../teams/cards.js';
import { digestCardData, messageSummary, type PresentOptions } from '../teams/cards/digest.js';
import { reminderCardData } from '../teams/cards/reminder.js';
import { cardIn, conversationLanguage, summaryIn, type ReaderLanguage } from '../teams/presenters/reader-language.js';
import { resolveAddress, type ConversationsPort } from './addresses.js';
import { stepper, yieldToEventLoop } from './event-loop.js';
import { acquireLease, releaseLease } from './lease.js';

/**
 * The outbox as the sweeper uses it: a duplicate key is `{ enqueued: false }`, not an error. `get`
 * skips rendering a card whose key is already queued (most messages, most sweeps: rendering is the
 * expensive part); the insert's unique key stays the guarantee.
 */
export type OutboxPort = Pick<OutboxRepository, 'enqueue' | 'get'>;

export interface SweepLease {
  store: Store;
  /** This instance's id (host + pid, say); the lease says who holds it. */
  holder: string;
  /** Defaults to max(60 s, 3 × intervalMs): renewed on every sweep, so it lapses only when the holder stops sweeping. */
  ttlMs?: number;
  /** Defaults to 'sweeper'. */
  name?: string;
}

/** What the sweeper needs of the app's ports (an AppDeps will do). */
export type SweeperDeps = Pick<
  AppDeps,
  'staff' | 'children' | 'policy' | 'calendar' | 'clock' | 'tzName' | 'resolutionStages' | 'liaison' | 'plan'
>;

export interface SweeperOptions {
  deps: SweeperDeps;
  outbox: OutboxPort;
  conversations: ConversationsPort;
  /** Pass on MongoDB (store.kind === 'mongodb'); harmless on the embedded store. */
  leases?: SweepLease;
  config: Pick<Config, 'reminderWorkingDays' | 'digestWeeks' | 'showChildNamesInChannels'> &
    Partial<Pick<Config, 'defaultLanguage' | 'participationReminderDays'>>;
  logger: Logger;
  intervalMs: number;
  /** Called after a sweep that enqueued something: the outbox sender's kick. */
  onEnqueued?: () => void;
  /** Called after liaison prompts were queued in child documents: the pending drainer's kick. */
  onPendingQueued?: () => void;
  /**
   * Real time for the outbox's delivery timestamps. The business clock (deps.clock, fixed by IRO_NOW
   * in demos) decides what is due; delivery and give-up run on the wall clock. Defaults to deps.clock.
   */
  deliveryClock?: () => Date;
}

export interface SweepResult {
  today: string;
  /** Newly written to the outbox. */
  enqueued: number;
  /** Due now but its key was already in the outbox (an earlier or concurrent sweep). */
  alreadyQueued: number;
  /** Due now but nowhere to send it: the IRO has no personal chat with the bot, or no IRO channel is set up. */
  noAddress: number;
  /** Children whose history the engine rejected (left out; shown in /due as a data problem). */
  invalidChildren: number;
  /** Keys enqueued by this sweep (ids only: child refs and staff ids). */
  enqueuedKeys: string[];
  /** Set when the sweep did nothing because another instance holds the lease. */
  skipped?: 'lease-held';
  /** Liaison prompts queued in child documents for the pending drainer (keys). */
  liaisonQueued?: string[];
  /** Participation checklist reminders queued (PC3). */
  participationQueued?: string[];
  /** Plan reminders and midway prompts queued in child documents (keys; docs/DOMAIN.md PT3, PT4). */
  planQueued?: string[];
}

export interface Sweeper {
  sweepOnce(): Promise<SweepResult>;
  /**
   * Sweeps now (or once `notBefore` settles) and then every intervalMs (the next sweep is scheduled when
   * one ends: never overlapping).
   */
  start(notBefore?: Promise<unknown>): void;
  /** Stops the timer, waits for a running sweep, and gives the lease up. */
  stop(): Promise<void>;
}

/** How long an undelivered message is worth retrying: a digest stays useful for a few days, a reminder for one. */
const GIVE_UP_MS = { digest: 3 * 24 * 3600_000, reminder: 24 * 3600_000 };

function londonHour(now: Date, tz: string): number {
  return new TZDate(now.getTime(), tz).getHours();
}

export function createSweeper(opts: SweeperOptions): Sweeper {
  const { deps, outbox, conversations, config, logger, intervalMs } = opts;
  if (!(intervalMs > 0)) throw new Error(`sweeper interval must be positive, got ${intervalMs}`);
  const lease = opts.leases;
  const leaseName = lease?.name ?? 'sweeper';
  const leaseTtl = lease?.ttlMs ?? Math.max(60_000, 3 * intervalMs);

  /** One sweep: the lease, then each delivery path in turn (resolution deadlines, due reviews, liaison prompts). */
  async function sweepOnce(): Promise<SweepResult> {
    const now = deps.clock();
    const today = todayIn(now, deps.tzName);
    const result: SweepResult = {
      today,
      enqueued: 0,
      alreadyQueued: 0,
      noAddress: 0,
      invalidChildren: 0,
      enqueuedKeys: [],
    };
    if (!(await holdsLease(now))) {
      logger.debug({ lease: leaseName }, 'sweep skipped: another instance holds the lease');
      return { ...result, skipped: 'lease-held' };
    }
    const children = await deps.children.listAll();
    // Each step over every child takes a while at 100,000 children: requests waiting meanwhile go in between.
    await yieldToEventLoop();
    const { statuses, invalid } = reviewStatuses(children, deps);
    result.invalidChildren = invalid.length;
    const withinSendingHours = londonHour(now, deps.tzName) >= SEND_FROM_HOUR;
    await yieldToEventLoop();
    const messages = dueMessages<ChildDoc>({
      statuses,
      children,
      today,
      hour: londonHour(now, deps.tzName),
      calendar: deps.calendar,
      config: { reminderWorkingDays: config.reminderWorkingDays, digestWeeks: config.digestWeeks },
    });
    await yieldToEventLoop();
    // The sender is kicked once per sweep: here only when no due-review pass follows.
    if (withinSendingHours) await enqueueResolutionReminders(children, today, result, messages.length === 0);
    if (messages.length > 0)
      await enqueueDueReviewMessages(
        messages,
        today,
        result,
        invalid.map((i) => i.ref),
      );
    // Liaison prompts L2–L9 go through the child's pending messages, queued last; everything queued here
    // is checked by the audience gate before delivery.
    if (withinSendingHours) await queueLiaison(children, today, result);
    return result;
  }

  /** Without a lease (embedded store) the idempotency keys are enough; with one, one instance sweeps at a time. */
  async function holdsLease(now: Date): Promise<boolean> {
    return !lease || acquireLease(lease.store, leaseName, lease.holder, leaseTtl, now);
  }

  /** Resolution deadlines: addressees reminded once, then the IRO offered escalation (resolution-reminders.ts). */
  async function enqueueResolutionReminders(
    children: ChildDoc[],
    today: string,
    result: SweepResult,
    kickSender: boolean,
  ): Promise<void> {
    const res = await sweepResolutionDeadlines({
      children,
      today,
      tzName: deps.tzName,
      calendar: deps.calendar,
      table: deps.resolutionStages ?? RESOLUTION_STAGES,
      outbox,
      conversations,
      staff: async () => new Map((await deps.staff.list()).map((s) => [s._id, s])),
      now: (opts.deliveryClock ?? deps.clock)(),
      defaultLanguage: config.defaultLanguage ?? 'en',
    });
    result.enqueued += res.enqueuedKeys.length;
    result.enqueuedKeys.push(...res.enqueuedKeys);
    result.alreadyQueued += res.alreadyQueued;
    result.noAddress += res.noAddressKeys.length;
    if (res.enqueuedKeys.length) {
      logger.info(
        { today, keys: res.enqueuedKeys, noAddressKeys: res.noAddressKeys },
        'sweep enqueued resolution reminders',
      );
      if (kickSender) opts.onEnqueued?.();
    }
  }

  /** Review reminders and digests (domain/reminders.ts): rendered and enqueued unless already queued or nowhere to go. */
  async function enqueueDueReviewMessages(
    messages: DueMessage<ChildDoc>[],
    today: string,
    result: SweepResult,
    invalidRefs: string[],
  ): Promise<void> {
    const staff = new Map((await deps.staff.list()).map((s) => [s._id, s]));
    const staffNames = new Map([...staff.values()].map((s) => [s._id, s.name]));
    const resolve = addressCache((to) => resolveAddress(conversations, to, (id) => staff.get(id)));
    const noAddressKeys: string[] = [];
    const step = stepper();
    for (const msg of messages) {
      await step();
      if (await outbox.get(msg.key)) {
        result.alreadyQueued++;
        continue;
      }
      const conv = await resolve(msg.to);
      if (!conv) {
        result.noAddress++;
        noAddressKeys.push(msg.key);
        continue;
      }
      const showNames = mayShowChildNames(msg.to.kind, config.showChildNamesInChannels);
      const doc = outboxMessage(msg, conv, (opts.deliveryClock ?? deps.clock)(), {
        today,
        showNames,
        staffNames,
        tzName: deps.tzName,
        language: conversationLanguage(conv, (id) => staff.get(id), config.defaultLanguage ?? 'en'),
      });
      const { enqueued } = await outbox.enqueue(doc);
      if (enqueued) {
        result.enqueued++;
        result.enqueuedKeys.push(msg.key);
      } else {
        result.alreadyQueued++;
      }
    }
    // Info only when something was enqueued (a few times a day); every quiet sweep at debug.
    if (result.enqueued > 0) {
      logger.info(
        {
          today,
          enqueued: result.enqueued,
          alreadyQueued: result.alreadyQueued,
          noAddress: result.noAddress,
          keys: result.enqueuedKeys,
          noAddressKeys,
          invalidChildren: invalidRefs,
        },
        'sweep enqueued messages',
      );
      opts.onEnqueued?.();
    } else {
      logger.debug(
        {
          today,
          alreadyQueued: result.alreadyQueued,
          noAddress: result.noAddress,
          noAddressKeys,
          invalidChildren: invalidRefs.length,
        },
        'sweep: nothing new',
      );
    }
  }

  /** Liaison prompts L2–L9 and the plan's reminders (PT3, PT4), queued in the children's pending messages. */
  async function queueLiaison(children: ChildDoc[], today: string, result: SweepResult): Promise<void> {
    result.liaisonQueued = await queueLiaisonPrompts(deps, outbox, children, today);
    // PC3: open participation checklists a week before the review, the same path as the liaison prompts.
    result.participationQueued = await queueParticipationReminders(
      deps,
      outbox,
      children,
      today,
      config.participationReminderDays,
    );
    result.planQueued = await queuePlanPrompts(deps, outbox, children, today);
    if (result.liaisonQueued.length || result.participationQueued.length || result.planQueued.length)
      opts.onPendingQueued?.();
  }

  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> | undefined;
  let started = false;

  const tick = (): void => {
    timer = undefined;
    running = sweepOnce()
      .catch((err: unknown) => {
        // Code and type only: an error message may quote a name (rule 7); the next sweep retries.
        logger.error(
          { code: isAppError(err) ? err.code : (err as { code?: unknown })?.code, errName: (err as Error)?.name },
          'sweep failed',
        );
      })
      .finally(() => {
        running = undefined;
        if (started) {
          timer = setTimeout(tick, intervalMs);
          timer.unref();
        }
      });
  };

  return {
    sweepOnce,
    start(notBefore) {
      if (started) return;
      started = true;
      const arm = () => {
        if (!started || timer || running) return; // stopped meanwhile
        timer = setTimeout(tick, 0);
        timer.unref();
      };
      if (notBefore) void notBefore.then(arm, arm);
      else arm();
    },
    async stop() {
      started = false;
      if (timer) clearTimeout(timer);
      timer = undefined;
      await running;
      if (lease) await releaseLease(lease.store, leaseName, lease.holder).catch(() => false);
    },
  };
}

/** One address lookup per addressee per sweep (many messages go to the same chat or channel). */
function addressCache(
  lookup: (to: Addressee) => Promise<ConversationDoc | null>,
): (to: Addressee) => Promise<ConversationDoc | null> {
  const addresses = new Map<string, ConversationDoc | null>();
  return async (to) => {
    const cacheKey = to.kind === 'personal' ? `personal:${to.staffId}` : `channel:${to.purpose}`;
    if (!addresses.has(cacheKey)) addresses.set(cacheKey, await lookup(to));
    return addresses.get(cacheKey)!;
  };
}

/** Every child a due message is about (the audience gate checks them all before it is posted). */
export function refsOf(msg: DueMessage<ChildDoc>): string[] {
  switch (msg.kind) {
    case 'iro-digest':
    case 'service-digest':
      return [
        ...new Set(
          [...msg.digest.overdue, ...msg.digest.toBook]
            .map((s) => s.child.ref)
            .concat(msg.digest.records.map((r) => r.child.ref)),
        ),
      ];
    case 'review-reminder':
      return [msg.status.child.ref];
    case 'record-reminder':
      return [msg.record.child.ref];
  }
}

/** The IRO's 1:1 chat (by staff id, or by AAD id for a chat saved before the person was linked). */
function outboxMessage(
  msg: DueMessage<ChildDoc>,
  conv: ConversationDoc,
  now: Date,
  present: PresentOptions & { showNames: boolean; language: ReaderLanguage },
): NewOutboxMessage {
  const { showNames, language } = present;
  const isDigest = msg.kind === 'iro-digest' || msg.kind === 'service-digest';
  // Written in the conversation's language (a person's own, or the channel's; "both": Welsh first).
  const card = cardIn(language, (t) =>
    isDigest
      ? renderCard('digest', digestCardData(msg, present, t))
      : renderCard('reminder', reminderCardData(msg, present, t)),
  );
  return {
    _id: msg.key,
    // A channel digest starts its own thread; personal chats have no threads.
    target: { conversationId: conv._id, newThread: conv.kind === 'channel' },
    kind: msg.kind,
    about: { refs: refsOf(msg), names: showNames },
    activity: {
      type: 'message',
      summary: summaryIn(language, (t) => messageSummary(msg, t)),
      attachments: [cardAttachment(card)],
    },
    enqueuedAt: now,
    giveUpAt: new Date(now.getTime() + (isDigest ? GIVE_UP_MS.digest : GIVE_UP_MS.reminder)),
  };
}
