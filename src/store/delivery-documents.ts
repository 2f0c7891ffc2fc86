import type { ConversationReference } from 'botbuilder';

// Documents of proactive delivery (docs/DESIGN.md "Proactive delivery and jobs").

export const DELIVERY_COLLECTIONS = { conversations: 'conversations', outbox: 'outbox', leases: 'leases' } as const;

export type ChannelPurpose = 'iro-channel' | 'social-work-channel' | 'managers-channel' | 'liaison-channel';

export interface PurposeAssignment {
  purpose: ChannelPurpose;
  /** social-work-channel: the social work team it serves (e.g. 'north'). */
  team?: string | null;
  /** liaison-channel: the Guardian (staff id) it is set up for. */
  guardianId?: string | null;
  setBy: string;
  setAt: Date;
}

/** A saved conversation reference: where the bot can post later. `_id` = conversation id. */
export interface ConversationDoc {
  _id: string;
  reference: Partial<ConversationReference>;
  kind: 'personal' | 'channel' | 'groupChat';
  tenantId?: string | null;
  /** Channel conversations: the team's id and the channel's id (a thread id has ';messageid=' removed). */
  teamId?: string | null;
  channelId?: string | null;
  /** Personal chats: whose 1:1 chat this is. */
  aadObjectId?: string | null;
  staffId?: string | null;
  purposes: PurposeAssignment[];
  updatedAt: Date;
}

/** `withheld`: stopped by the audience gate (a guest there may not see it); final, listed in /setup status. */
export type OutboxStatus = 'pending' | 'sent' | 'failed' | 'withheld';

/**
 * What a message discloses, declared by whoever queues it and checked by the audience gate
 * (jobs/audience-gate.ts) just before delivery: the children it is about, and whether it names them.
 */
export interface OutboxAbout {
  /** Case references of every child the message is about (none: it is about no child). */
  refs: string[];
  /** Full names shown (else case reference and initials). */
  names: boolean;
}

export interface OutboxTarget {
  /** The conversation (channel, chat) to post in. */
  conversationId: string;
  /** Start a new thread in the channel (create-conversation path) rather than post into it. */
  newThread?: boolean;
  /** Reply into the thread started by the outbox message with this key. */
  threadOf?: string | null;
}

/** One proactive message. `_id` is its idempotency key, so a key is never enqueued twice. */
export interface OutboxDoc {
  _id: string;
  target: OutboxTarget;
  /** The message kind (jobs/outbox-kinds.ts); absent on documents written before kinds existed. */
  kind?: string;
  /** What it discloses; absent on older documents, which the gate treats as about unknown children. */
  about?: OutboxAbout;
  /** The Bot Framework activity to send (text and/or attachments). */
  activity: Record<string, unknown>;
  status: OutboxStatus;
  /** Order within one conversation: enqueue time then key. */
  enqueuedAt: Date;
  attempts: number;
  nextAttemptAt: Date;
  /** Give up (status 'failed', visible in /setup status) after this instant. */
  giveUpAt: Date;
  lastError?: string | null;
  sentAt?: Date | null;
  /** Activity id and conversation id returned by Teams (a new thread's conversation id). */
  sentActivityId?: string | null;
  sentConversationId?: string | null;
  /** When the sender gave up (status 'failed') or withheld it (status 'withheld'); orders the admin view. */
  failedAt?: Date | null;
}

/** A lease: one instance sweeps at a time (findOneAndUpdate with expiry). */
export interface LeaseDoc {
  _id: string;
  holder: string;
  expiresAt: Date;
}
