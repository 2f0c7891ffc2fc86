// Moves messages queued inside child documents (DESIGN rule 5) into the outbox. Enqueue is keyed,
// so a crash between enqueue and the pull only re-enqueues a key that is already there (ignored).
// A message whose address is not set up yet (e.g. no social work channel) stays queued — never dropped —
// and is parked: later drains pass over it until a destination may have appeared (a conversation saved
// or changed, a `/setup`), or PARK_MS have passed (another instance's `/setup` on MongoDB is not heard).
// So a backlog of such messages costs a drain next to nothing, and the invoke that kicked it stays fast. Each message goes to the outbox with
// its kind and the child it is about; the audience gate (audience-gate.ts) checks it before delivery.
import type { AppDeps } from '../app/deps.js';
import { mayShowChildNames } from '../domain/access.js';
import { todayIn } from '../domain/calendar.js';
import type { Logger } from '../logger.js';
import type { ChildDoc, PendingMessage, StaffDoc } from '../store/documents.js';
import type { Activity, PendingRenderContext } from '../teams/presenters/pending-messages.js';
import { conversationLanguage } from '../teams/presenters/reader-language.js';
import type { LanguageCode } from '../domain/types.js';
import { resolveAddress } from './addresses.js';

export interface DrainResult {
  moved: number;
  /** Messages still queued because they have nowhere to go (parked ones included). */
  waiting: number;
}

/** How long a message with no destination is passed over unless a conversation changes first. */
export const PARK_MS = 10 * 60_000;
/** Children handled per pass; the drain runs again at once while more remain. */
const BATCH = 500;

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
  /** DEFAULT_LANGUAGE: what a channel without `/setup language`, or a person with no choice or locale, reads. */
  defaultLanguage?: LanguageCode;
  logger: Logger;
  /** Called after messages reached the outbox: the sender's kick. */
  onEnqueued?: () => void;
  /** Default PARK_MS. */
  parkMs?: number;
}

export function createPendingDrainer(opts: PendingDrainerOptions): PendingDrainer {
  const { deps, logger } = opts;
  let running: Promise<DrainResult> | null = null;
  let again = false;
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;
  const parkMs = opts.parkMs ?? PARK_MS;
  /** Pending key → when it was parked (delivery clock ms). */
  const parked = new Map<string, number>();
  const isParked = (key: string, now: number): boolean => {
    const since = parked.get(key);
    if (since === undefined) return false;
    if (now - since < parkMs) return true;
    parked.delete(key);
    return false;
  };
  // Any conversation saved or changed may be the destination a parked message waits for.
  const unsubscribe =
    typeof deps.conversations.onChange === 'function'
      ? deps.conversations.onChange(() => {
          if (parked.size === 0) return;
          parked.clear();
          void drainOnce().catch(() => undefined);
        })
      : () => undefined;

  async function drainChild(
    child: ChildDoc,
    staff: Map<string, StaffDoc>,
    staffNames: Map<string, string>,
    result: DrainResult,
  ): Promise<void> {
    for (const p of child.pending ?? []) {
      if (isParked(p.key, opts.deliveryClock().getTime())) {
        result.waiting++;
        continue;
      }
      const conversation = await resolveAddress(deps.conversations, p.to, (id) => staff.get(id));
      if (!conversation) {
        parked.set(p.key, opts.deliveryClock().getTime());
        result.waiting++;
        continue;
      }
      parked.delete(p.key);
      const showNames = mayShowChildNames(conversation.kind, opts.showNamesInChannels);
      const activity = opts.render(p.message, {
        conversation,
        child,
        showNames,
        staffNames,
        today: todayIn(deps.clock(), deps.tzName),
        tzName: deps.tzName,
        language: conversationLanguage(conversation, (id) => staff.get(id), opts.defaultLanguage ?? 'en'),
      });
      const now = opts.deliveryClock();
      await deps.outbox.enqueue({
        _id: p.key,
        target: {
          conversationId: conversation._id,
          newThread: !!p.newThread && conversation.kind === 'channel',
          threadOf: p.threadOf ?? null,
        },
        kind: p.message.type,
        about: { refs: [child.ref], names: showNames },
        activity,
        enqueuedAt: now,
      });
      await deps.children.removePending(child.ref, p.key);
      result.moved++;
    }
  }

  async function drain(): Promise<DrainResult> {
    const result: DrainResult = { moved: 0, waiting: 0 };
    const now = opts.deliveryClock().getTime();
    const withPending = await deps.children.listWithPending();
    // Children whose every message is parked are passed over without a lookup.
    const children: ChildDoc[] = [];
    for (const child of withPending) {
      const keys = (child.pending ?? []).map((p) => p.key);
      if (keys.every((k) => isParked(k, now))) result.waiting += keys.length;
      else if (children.length < BATCH) children.push(child);
      else again = true;
    }
    forgetGone(withPending);
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

  /** Parked keys no longer queued anywhere (moved by another instance, say) are forgotten. */
  function forgetGone(withPending: ChildDoc[]): void {
    if (parked.size === 0) return;
    const queued = new Set(withPending.flatMap((c) => (c.pending ?? []).map((p) => p.key)));
    for (const key of parked.keys()) if (!queued.has(key)) parked.delete(key);
  }

  function drainOnce(): Promise<DrainResult> {
    if (stopped) return Promise.resolve({ moved: 0, waiting: 0 });
    if (running) {
      again = true;
      return running;
    }
    running = drain().finally(() => {
      running = null;
      if (again && !stopped) {
        again = false;
        void drainOnce().catch(() => undefined);
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
      // No drain starts after this (a re-run or a conversation change), so none outlives the store.
      stopped = true;
      unsubscribe();
      if (timer) clearInterval(timer);
      timer = null;
      await running?.catch(() => undefined);
    },
  };
}
