import os from 'node:os';
import type { AppDeps } from '../app/deps.js';
import { createClock } from '../clock.js';
import type { Config } from '../config.js';
import type { Logger } from '../logger.js';
import type { Store } from '../store/doc-collection.js';
import type { Notifier } from '../teams/notifier.js';
import { acquireLease, releaseLease } from './lease.js';
import { createOutboxSender, type OutboxSender } from './outbox-sender.js';
import { createSweeper, type Sweeper } from './sweeper.js';

export interface RunningJobs {
  sender: OutboxSender;
  sweeper: Sweeper;
  stop(): Promise<void>;
}

const SENDER_LEASE = 'outbox-sender';
const SENDER_LEASE_TTL_MS = 60_000;

/**
 * Starts the sweeper and the outbox sender. The embedded store has one process, so both just run.
 * On MongoDB several instances may share the data: the sweeper takes a lease per sweep, and only the
 * instance holding the sender lease delivers, so two senders never race for the same message.
 */
export function startJobs(opts: { store: Store; deps: AppDeps; config: Config; logger: Logger; notifier: Notifier }): RunningJobs {
  const { store, deps, config, logger } = opts;
  // Delivery runs on the wall clock even when IRO_NOW fixes the business clock (retries, rate windows).
  const wallClock = createClock();
  const holder = `${os.hostname()}:${process.pid}`;
  const sender = createOutboxSender({
    outbox: deps.outbox, conversations: deps.conversations, notifier: opts.notifier, clock: wallClock,
    logger: logger.child({ job: 'outbox' }), giveUpAfterMs: config.outboxGiveUpHours * 3_600_000,
  });
  const sweeper = createSweeper({
    deps, outbox: deps.outbox, conversations: deps.conversations, config, logger: logger.child({ job: 'sweeper' }),
    intervalMs: config.sweepIntervalMinutes * 60_000, onEnqueued: () => sender.kick(), deliveryClock: wallClock,
    leases: store.kind === 'mongodb' ? { store, holder } : undefined,
  });
  sweeper.start();

  if (store.kind !== 'mongodb') {
    sender.start();
    return { sender, sweeper, stop: async () => { await sweeper.stop(); await sender.stop(); } };
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
    sender, sweeper,
    async stop() {
      clearInterval(timer);
      await sweeper.stop();
      if (sending) await sender.stop();
      await releaseLease(store, SENDER_LEASE, holder).catch(() => false);
    },
  };
}
