// Moves messages queued inside child documents (DESIGN rule 5) into the outbox. Enqueue is keyed,
// so a crash between enqueue and the pull only re-enqueues a key that is already there (ignored).
// A message whose address is not set up yet (e.g. no social work channel) stays queued, is retried on
// every drain, and is counted in /setup status — never dropped. Each message goes to the outbox with
// its kind and the child it is about; the audience gate (audience-gate.ts) checks it before delivery.
import type { AppDeps } from '../app/deps.js';
import { todayIn } from '../domain/calendar.js';
import type { Logger } from '../logger.js';
import type { ChildDoc, PendingMessage, StaffDoc } from '../store/documents.js';
import type { Activity, PendingRenderContext } from '../teams/presenters/pending-messages.js';
import { resolveAddress } from './addresses.js';

export interface DrainResult {
  moved: number;
  waiting: number;
}

export interface PendingDrainer {
  drainOnce(): Promise<DrainResult>;
  /** Drain soon (coalesced); call after a change queued messages. */
  kick(): void;
  start(intervalMs: number): void;
  stop(): Promise<void>;
}

export interface PendingDrainerOptions {
  deps: Pick<AppDeps, 'children' | 'staff' | 'conversations' | 'outbox' | 'clock' | 'tzName'>;
  render: (message: PendingMessage['message'], ctx: PendingRenderContext) => Activity;
  /** Wall clock for delivery timestamps (the business clock may be fixed by IRO_NOW). */
  deliveryClock: () => Date;
  showNamesInChannels: boolean;
  logger: Logger;
  /** Called after messages reached the outbox: the sender's kick. */
  onEnqueued?: () => void;
}

export function createPendingDrainer(opts: PendingDrainerOptions): PendingDrainer {
  const { deps, logger } = opts;
  let running: Promise<DrainResult> | null = null;
  let again = false;
  let timer: NodeJS.Timeout | null = null;

  async function drainChild(child: ChildDoc, staff: Map<string, StaffDoc>, staffNames: Map<string, string>, result: DrainResult): Promise<void> {
    for (const p of child.pending ?? []) {
      const conversation = await resolveAddress(deps.conversations, p.to, (id) => staff.get(id));
      if (!conversation) {
        result.waiting++;
        continue;
      }
      const showNames = conversation.kind === 'personal' || opts.showNamesInChannels;
      const activity = opts.render(p.message, { conversation, child, showNames, staffNames, today: todayIn(deps.clock(), deps.tzName), tzName: deps.tzName });
      const now = opts.deliveryClock();
      await deps.outbox.enqueue({
        _id: p.key,
        target: { conversationId: conversation._id, newThread: !!p.newThread && conversation.kind === 'channel', threadOf: p.threadOf ?? null },
        kind: p.message.type, about: { refs: [child.ref], names: showNames },
        activity,
        enqueuedAt: now,
      });
      await deps.children.removePending(child.ref, p.key);
      result.moved++;
    }
  }

  async function drain(): Promise<DrainResult> {
    const result: DrainResult = { moved: 0, waiting: 0 };
    const children = await deps.children.listWithPending(500);
    if (children.length === 0) return result;
    const staffList = await deps.staff.list();
    const staff = new Map(staffList.map((s) => [s._id, s]));
    const staffNames = new Map(staffList.map((s) => [s._id, s.name]));
    for (const child of children) {
      try {
        await drainChild(child, staff, staffNames, result);
      } catch (err) {
        logger.error({ ref: child.ref, err: (err as Error).name }, 'could not move queued messages to the outbox');
      }
    }
    if (result.moved) {
      logger.info({ moved: result.moved, waiting: result.waiting }, 'queued messages moved to the outbox');
      opts.onEnqueued?.();
    }
    return result;
  }

  function drainOnce(): Promise<DrainResult> {
    if (running) {
      again = true;
      return running;
    }
    running = drain().finally(() => {
      running = null;
      if (again) {
        again = false;
        void drainOnce();
      }
    });
    return running;
  }

  return {
    drainOnce,
    kick: () => void drainOnce().catch(() => undefined),
    start(intervalMs) {
      timer = setInterval(() => void drainOnce().catch(() => undefined), intervalMs);
      timer.unref();
      void drainOnce().catch(() => undefined);
    },
    async stop() {
      if (timer) clearInterval(timer);
      timer = null;
      await running?.catch(() => undefined);
    },
  };
}
