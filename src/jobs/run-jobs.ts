import os from 'node:os';
import type { AppDeps } from '../app/deps.js';
import { createClock } from '../clock.js';
import { councilTenantId, type Config } from '../config.js';
import type { Logger } from '../logger.js';
import type { Store } from '../store/doc-collection.js';
import type { DeliveryPort, MemberDirectory } from '../app/delivery-port.js';
import { createMemberCache } from '../app/member-cache.js';
import { acquireLease, releaseLease } from './lease.js';
import { createAudienceGate } from './audience-gate.js';
import { createOutboxSender, type OutboxSender } from './outbox-sender.js';
import { createSweeper, type Sweeper } from './sweeper.js';
import { createPendingDrainer, type PendingDrainer } from './pending-drainer.js';
import { renderPending } from '../teams/presenters/pending-messages.js';
import { conversationLanguage } from '../teams/presenters/reader-language.js';
import { RESOLUTION_REMINDER_RENDER, renderResolutionReminder } from './resolution-reminders.js';
import { RESOLUTION_STAGES } from '../domain/resolutions/index.js';

export interface RunningJobs {
  sender: OutboxSender;
  sweeper: Sweeper;
  drainer: PendingDrainer;
  stop(): Promise<void>;
}

const SENDER_LEASE = 'outbox-sender';
const SENDER_LEASE_TTL_MS = 60_000;

/**
 * Starts the sweeper and the outbox sender. The embedded store has one process, so both just run.
 * On MongoDB several instances may share the data: the sweeper takes a lease per sweep, and only the
 * instance holding the sender lease delivers, so two senders never race for the same message.
 */
export function startJobs(opts: {
  store: Store;
  deps: AppDeps;
  config: Config;
  logger: Logger;
  notifier: DeliveryPort;
  members?: MemberDirectory;
  /** The first sweep and the pending drainer's first pass wait for this (the server's readiness), so neither delays the first /healthz answer. */
  firstSweepAfter?: Promise<unknown>;
}): RunningJobs {
  const { store, deps, config, logger } = opts;
  // Delivery runs on the wall clock even when IRO_NOW fixes the business clock (retries, rate windows).
  const wallClock = createClock();
  const holder = `${os.hostname()}:${process.pid}`;
  const memberCache = createMemberCache();
  // The one audience gate: every message the sender delivers is checked here first.
  const audience = createAudienceGate({
    deps,
    logger: logger.child({ job: 'audience' }),
    listMembers: opts.members
      ? (conv) => memberCache.get(conv._id, () => opts.members!.listMembers(conv.address))
      : undefined,
    councilTenantId: councilTenantId(config),
    showNamesInChannels: config.showChildNamesInChannels,
    defaultLanguage: config.defaultLanguage,
  });
  const sender = createOutboxSender({
    outbox: deps.outbox,
    conversations: deps.conversations,
    notifier: opts.notifier,
    clock: wallClock,
    audience,
    logger: logger.child({ job: 'outbox' }),
    giveUpAfterMs: config.outboxGiveUpHours * 3_600_000,
    readerLanguage: async (conv) => {
      const person = conv.kind === 'personal' && conv.staffId ? await deps.staff.get(conv.staffId) : null;
      return conversationLanguage(conv, () => person ?? undefined, config.defaultLanguage);
    },
    // Queued messages written again at delivery, in the conversation's language then (issue 13).
    renderAtDelivery: (render, _conv, language) =>
      render.kind === RESOLUTION_REMINDER_RENDER
        ? renderResolutionReminder(
            {
              children: deps.children,
              staff: deps.staff,
              clock: deps.clock,
              tzName: deps.tzName,
              table: deps.resolutionStages ?? RESOLUTION_STAGES,
            },
            render.data,
            language ?? config.defaultLanguage,
          )
        : Promise.resolve(null),
  });
  const sweeper = createSweeper({
    deps,
    outbox: deps.outbox,
    conversations: deps.conversations,
    config,
    logger: logger.child({ job: 'sweeper' }),
    intervalMs: config.sweepIntervalMinutes * 60_000,
    onEnqueued: () => sender.kick(),
    deliveryClock: wallClock,
    leases: store.kind === 'mongodb' ? { store, holder } : undefined,
    // Liaison prompts are queued in the child documents (the drainer moves them to the outbox).
    onPendingQueued: () => deps.messagesQueued(),
  });
  sweeper.start(opts.firstSweepAfter);
  const drainer = createPendingDrainer({
    deps,
    render: renderPending,
    defaultLanguage: config.defaultLanguage,
    deliveryClock: wallClock,
    showNamesInChannels: config.showChildNamesInChannels,
    logger: logger.child({ job: 'pending' }),
    onEnqueued: () => sender.kick(),
  });
  // Changes wake the drainer at once; the interval retries messages still waiting for an address.
  deps.messagesQueued = (refs) => drainer.kick(refs);
  // Its first pass reads every child with a parked message: after readiness too, like the first sweep.
  let stopping = false;
  const startDrainer = () => {
    if (!stopping) drainer.start(30_000);
  };
  if (opts.firstSweepAfter) void opts.firstSweepAfter.then(startDrainer, startDrainer);
  else startDrainer();

  if (store.kind !== 'mongodb') {
    sender.start();
    return {
      sender,
      sweeper,
      drainer,
      stop: async () => {
        stopping = true;
        await sweeper.stop();
        await drainer.stop();
        await sender.stop();
      },
    };
  }

  let sending = false;
  const hold = async () => {
    const mine = await acquireLease(store, SENDER_LEASE, holder, SENDER_LEASE_TTL_MS, wallClock()).catch(() => false);
    if (mine && !sending) sender.start();
    if (!mine && sending) await sender.stop();
    sending = mine;
  };
  void hold();
  const timer = setInterval(() => void hold(), SENDER_LEASE_TTL_MS / 3);
  return {
    sender,
    sweeper,
    drainer,
    async stop() {
      stopping = true;
      clearInterval(timer);
      await sweeper.stop();
      await drainer.stop();
      if (sending) await sender.stop();
      await releaseLease(store, SENDER_LEASE, holder).catch(() => false);
    },
  };
}
