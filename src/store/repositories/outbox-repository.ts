import type { DocCollection, Store } from '../doc-collection.js';
import {
  DELIVERY_COLLECTIONS,
  type OutboxAbout,
  type OutboxDoc,
  type OutboxRender,
  type OutboxStatus,
  type OutboxTarget,
} from '../delivery-documents.js';
import { isDuplicateKeyError } from '../open-store.js';

// The outbox (docs/DESIGN.md "Proactive delivery and jobs"): one document per proactive message, `_id` =
// idempotency key, so inserting the same key twice is refused by the store itself.

/** Used when the enqueuer gives no deadline; the sender may still give up sooner (giveUpAfterMs). */
export const DEFAULT_GIVE_UP_AFTER_MS = 24 * 60 * 60 * 1000;

export interface NewOutboxMessage {
  /** Idempotency key, e.g. `review:R123:reminder:14d`. */
  _id: string;
  target: OutboxTarget;
  /** The message kind (jobs/outbox-kinds.ts). */
  kind: string;
  /** The children it discloses and whether it names them: the audience gate checks them before delivery. */
  about: OutboxAbout;
  activity: Record<string, unknown>;
  /** Written again at delivery (delivery-documents.ts OutboxDoc.render). */
  render?: OutboxRender;
  enqueuedAt: Date;
  /** Default: enqueuedAt + DEFAULT_GIVE_UP_AFTER_MS. */
  giveUpAt?: Date;
  /** Not before this instant (default: enqueuedAt). */
  nextAttemptAt?: Date;
}

export interface SentInfo {
  at: Date;
  attempts: number;
  activityId: string | null;
  conversationId: string;
}

export type StatusCounts = Record<OutboxStatus, number>;

export class OutboxRepository {
  private readonly col: DocCollection<OutboxDoc>;

  constructor(store: Store) {
    this.col = store.collection<OutboxDoc>(DELIVERY_COLLECTIONS.outbox);
  }

  /** Idempotent; call at start-up. */
  async ensureIndexes(): Promise<void> {
    await this.col.createIndex({ status: 1, enqueuedAt: 1, _id: 1 }, { name: 'status_enqueuedAt' });
  }

  /** Inserts a pending message. An existing key (whatever its status) is left alone: { enqueued: false }. */
  async enqueue(msg: NewOutboxMessage): Promise<{ enqueued: boolean }> {
    if (!msg._id) throw new Error('outbox message needs an idempotency key');
    // The audience gate needs to know what a message discloses: no message is queued without it.
    if (typeof msg.kind !== 'string' || !msg.kind) throw new Error(`outbox message ${msg._id} needs a kind`);
    const refs = msg.about?.refs;
    if (!Array.isArray(refs) || !refs.every((r) => typeof r === 'string') || typeof msg.about.names !== 'boolean') {
      throw new Error(`outbox message ${msg._id} needs about: { refs, names }`);
    }
    const doc: OutboxDoc = {
      _id: msg._id,
      target: {
        conversationId: msg.target.conversationId,
        newThread: msg.target.newThread ?? false,
        threadOf: msg.target.threadOf ?? null,
      },
      kind: msg.kind,
      about: { refs: [...new Set(refs)].sort(), names: msg.about.names },
      activity: msg.activity,
      ...(msg.render ? { render: msg.render } : {}),
      status: 'pending',
      enqueuedAt: msg.enqueuedAt,
      attempts: 0,
      nextAttemptAt: msg.nextAttemptAt ?? msg.enqueuedAt,
      giveUpAt: msg.giveUpAt ?? new Date(msg.enqueuedAt.getTime() + DEFAULT_GIVE_UP_AFTER_MS),
      lastError: null,
      sentAt: null,
      sentActivityId: null,
      sentConversationId: null,
      failedAt: null,
    };
    try {
      await this.col.insertOne(doc);
      return { enqueued: true };
    } catch (err) {
      if (isDuplicateKeyError(err)) return { enqueued: false };
      throw err;
    }
  }

  get(key: string): Promise<OutboxDoc | null> {
    return this.col.findOne({ _id: key });
  }

  /**
   * Pending messages that may be attempted now, in order (enqueuedAt, then key). Head-of-line per
   * conversation: a conversation contributes its leading run of due messages and stops at its first
   * message that is not due yet (e.g. backing off), so nothing overtakes an earlier message.
   * Other conversations are unaffected.
   */
  async due(now: Date, limit: number): Promise<OutboxDoc[]> {
    const out: OutboxDoc[] = [];
    const blocked = new Set<string>();
    for (const doc of await this.pending()) {
      const conv = doc.target.conversationId;
      if (blocked.has(conv)) continue;
      if (doc.nextAttemptAt.getTime() > now.getTime()) {
        blocked.add(conv);
        continue;
      }
      out.push(doc);
      if (out.length >= limit) break;
    }
    return out;
  }

  /** The first pending message of each conversation (what each conversation waits on), in order. */
  async heads(): Promise<OutboxDoc[]> {
    const seen = new Set<string>();
    const out: OutboxDoc[] = [];
    for (const doc of await this.pending()) {
      if (seen.has(doc.target.conversationId)) continue;
      seen.add(doc.target.conversationId);
      out.push(doc);
    }
    return out;
  }

  /** Marks a pending message sent. False if it was not pending (already sent or failed). */
  async markSent(key: string, info: SentInfo): Promise<boolean> {
    const r = await this.col.updateOne(
      { _id: key, status: 'pending' },
      {
        $set: {
          status: 'sent',
          sentAt: info.at,
          attempts: info.attempts,
          sentActivityId: info.activityId,
          sentConversationId: info.conversationId,
          lastError: null,
        },
      },
    );
    return r.matchedCount === 1;
  }

  /** Leaves a message pending with a later attempt time. */
  async reschedule(key: string, attempts: number, nextAttemptAt: Date, lastError: string | null): Promise<boolean> {
    const r = await this.col.updateOne(
      { _id: key, status: 'pending' },
      { $set: { attempts, nextAttemptAt, lastError } },
    );
    return r.matchedCount === 1;
  }

  /** Gives a message up: status 'failed' with the reason, kept for `/setup status`. */
  async markFailed(key: string, lastError: string, at: Date, attempts?: number): Promise<boolean> {
    const set: Partial<OutboxDoc> = { status: 'failed', lastError, failedAt: at };
    if (attempts !== undefined) set.attempts = attempts;
    const r = await this.col.updateOne({ _id: key, status: 'pending' }, { $set: set });
    return r.matchedCount === 1;
  }

  /**
   * Withholds a pending message (the audience gate): status 'withheld' with the reason, final — never
   * retried — and listed in `/setup status`. False if it was not pending.
   */
  async markWithheld(key: string, reason: string, at: Date): Promise<boolean> {
    const r = await this.col.updateOne(
      { _id: key, status: 'pending' },
      { $set: { status: 'withheld', lastError: reason, failedAt: at } },
    );
    return r.matchedCount === 1;
  }

  /** Messages not delivered (failed or withheld), most recent first (admin view). */
  listFailed(limit = 100): Promise<OutboxDoc[]> {
    return this.col
      .find({ status: { $in: ['failed', 'withheld'] } }, { sort: { failedAt: -1, _id: 1 }, limit })
      .toArray();
  }

  async countByStatus(): Promise<StatusCounts> {
    const rows = await this.col
      .aggregate<{ _id: OutboxStatus; n: number }>([{ $group: { _id: '$status', n: { $sum: 1 } } }])
      .toArray();
    const counts: StatusCounts = { pending: 0, sent: 0, failed: 0, withheld: 0 };
    for (const r of rows) counts[r._id] = r.n;
    return counts;
  }

  private pending(): Promise<OutboxDoc[]> {
    return this.col.find({ status: 'pending' }, { sort: { enqueuedAt: 1, _id: 1 } }).toArray();
  }
}
