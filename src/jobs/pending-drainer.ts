// Moves messages queued inside child documents (DESIGN rule 5) into the outbox. Enqueue is keyed,
// so a crash between enqueue and the pull only re-enqueues a key that is already there (ignored).
// A message whose address is not set up yet (e.g. no social work channel) stays queued, is retried on
// every drain, and is counted in /setup status — never dropped.
import type { AppDeps } from '../app/deps.js';
import { todayIn } from '../domain/calendar.js';
import type { Logger } from '../logger.js';
import type { ChildDoc, PendingMessage, StaffDoc } from '../store/documents.js';
import type { Activity, PendingRenderContext } from '../teams/presenters/pending-messages.js';
import { resolveAddress } from './addresses.js';
import { checkAudience } from '../app/guest-safety.js';
import type { AudienceMember } from '../domain/guests.js';
import { liaisonKeys } from '../domain/liaison.js';
import type { ConversationDoc } from '../store/delivery-documents.js';

export interface DrainResult {
  moved: number;
  waiting: number;
  /** Stopped by the guest rule (the IRO was told instead). */
  withheld?: number;
}

export interface PendingDrainer {
  drainOnce(): Promise<DrainResult>;
  /** Drain soon (coalesced); call after a change queued messages. */
  kick(): void;
  start(intervalMs: number): void;
  stop(): Promise<void>;
}

export interface PendingDrainerOptions {
  deps: Pick<AppDeps, 'children' | 'staff' | 'conversations' | 'outbox' | 'clock' | 'tzName' | 'audit'>;
  render: (message: PendingMessage['message'], ctx: PendingRenderContext) => Activity;
  /** Wall clock for delivery timestamps (the business clock may be fixed by IRO_NOW). */
  deliveryClock: () => Date;
  showNamesInChannels: boolean;
  logger: Logger;
  /** Called after messages reached the outbox: the sender's kick. */
  onEnqueued?: () => void;
  /**
   * Members of a channel or group chat (read through Teams, cached briefly), for the guest rule.
   * Without it nothing about a child is posted into a shared conversation (fail closed).
   */
  listMembers?: (conversation: ConversationDoc) => Promise<AudienceMember[]>;
  /** The council's tenant: members from any other tenant are guests. */
  councilTenantId?: string | null;
}

/** Message types that may still reach the Guardian whose access has just ended. */
const TO_FORMER_GUARDIAN = new Set(['liaison-closed']);
/** Shown in /setup status for a message the guest rule stopped. */
export const WITHHELD_REASON = 'withheld: a guest in this conversation is not the child\'s Guardian';

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
      // The guest rule (app/guest-safety.ts): checked for every message about a child, before it is rendered.
      const verdict = await checkAudience(deps, {
        conversation, children: [child], councilTenantId: opts.councilTenantId ?? null,
        members: () => (opts.listMembers ? opts.listMembers(conversation) : Promise.reject(new Error('no member lister'))),
        allowFormerGuardian: TO_FORMER_GUARDIAN.has(p.message.type),
      });
      if (!verdict.ok) {
        await withhold(child, p, conversation, verdict.unexpected);
        result.withheld = (result.withheld ?? 0) + 1;
        continue;
      }
      const showNames = conversation.kind === 'personal' || opts.showNamesInChannels;
      const activity = opts.render(p.message, { conversation, child, showNames, staffNames, today: todayIn(deps.clock(), deps.tzName) });
      const now = opts.deliveryClock();
      await deps.outbox.enqueue({
        _id: p.key,
        target: { conversationId: conversation._id, newThread: !!p.newThread && conversation.kind === 'channel', threadOf: p.threadOf ?? null },
        activity,
        enqueuedAt: now,
      });
      await deps.children.removePending(child.ref, p.key);
      result.moved++;
    }
  }

  /**
   * Not posted: the key goes to the outbox as failed (never retried, listed in /setup status), the
   * IRO is told in their 1:1 chat why (queued like any message about the child), and it is audited.
   */
  async function withhold(child: ChildDoc, p: PendingMessage, conversation: ConversationDoc, unexpected: number | null): Promise<void> {
    const now = opts.deliveryClock();
    const { enqueued } = await deps.outbox.enqueue({
      _id: p.key, target: { conversationId: conversation._id }, activity: { type: 'message', text: '(withheld)' },
      enqueuedAt: now, nextAttemptAt: new Date(now.getTime() + 365 * 24 * 3600_000),
    });
    if (enqueued) await deps.outbox.markFailed(p.key, WITHHELD_REASON, now, 0);
    if (!p.key.endsWith(':withheld') && child.iroId) {
      await deps.children.queuePending(child.ref, [{
        key: liaisonKeys.withheld(p.key), to: { kind: 'personal', staffId: child.iroId },
        message: { type: 'delivery-withheld', data: { conversationKind: conversation.kind, purpose: p.to.kind === 'channel' ? p.to.purpose : 'personal', messageType: p.message.type } },
      }]);
    }
    await deps.audit.record({
      at: deps.clock(), actor: { id: 'pending-drainer', kind: 'system' }, action: 'delivery.withheld', subject: child.ref,
      details: { key: p.key, conversationId: conversation._id, conversationKind: conversation.kind, unexpectedGuests: unexpected },
    });
    await deps.children.removePending(child.ref, p.key);
    again = true; // deliver the explanation now, not on the next interval
    logger.warn({ ref: child.ref, key: p.key, conversationId: conversation._id }, 'message withheld: unexpected guest in the conversation');
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
