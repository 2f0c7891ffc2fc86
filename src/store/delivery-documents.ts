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

export type ConversationKind = 'personal' | 'channel' | 'groupChat';

/** A channel's language (issue 13, `/setup language`): Welsh, English, or both in one card, Welsh first. */
export type ChannelLanguage = 'en' | 'cy' | 'both';

/**
 * Where the bot can post later, as plain data (no SDK type: the delivery side in src/teams/ turns it
 * into whatever its SDK needs). Everything a proactive send needs and nothing else.
 */
export interface ConversationAddress {
  /** The conversation to post in; a channel's id has no ';messageid=...' thread suffix. */
  conversationId: string;
  kind: ConversationKind;
  /** The messaging service endpoint for this conversation (Bot Framework serviceUrl). */
  serviceUrl: string;
  /** The messaging channel ('msteams'). */
  platform: string | null;
  tenantId: string | null;
  /** Channel conversations: the team's id and the channel's id. */
  teamId: string | null;
  channelId: string | null;
  /** The bot's own account in this conversation. */
  bot: { id: string; name?: string } | null;
  /** Personal chats: the person's account (the chat's other member). */
  user: { id: string; name?: string; aadObjectId?: string } | null;
  locale: string | null;
}

/**
 * A saved conversation: where the bot can post later. `_id` = conversation id.
 * Documents written before addresses existed carry a Bot Framework `reference` instead of `address`;
 * the repository reads them as addresses (conversation-repository.ts `withAddress`).
 */
export interface ConversationDoc {
  _id: string;
  address: ConversationAddress;
  kind: ConversationKind;
  tenantId?: string | null;
  /** Channel conversations: the team's id and the channel's id (a thread id has ';messageid=' removed). */
  teamId?: string | null;
  channelId?: string | null;
  /** Personal chats: whose 1:1 chat this is. */
  aadObjectId?: string | null;
  staffId?: string | null;
  purposes: PurposeAssignment[];
  /** Channels and group chats: what the bot writes there (`/setup language`); unset: DEFAULT_LANGUAGE. */
  language?: ChannelLanguage | null;
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
export interface OutboxRender {
  kind: string;
  data: Record<string, unknown>;
}

export interface OutboxDoc {
  _id: string;
  target: OutboxTarget;
  /** The message kind (jobs/outbox-kinds.ts); absent on documents written before kinds existed. */
  kind?: string;
  /** What it discloses; absent on older documents, which the gate treats as about unknown children. */
  about?: OutboxAbout;
  /** The Bot Framework activity to send (text and/or attachments). */
  activity: Record<string, unknown>;
  /**
   * Written again at delivery in the conversation's language then (issue 13): a renderer's kind and its data
   * (jobs/run-jobs.ts `renderAtDelivery`). `activity` is what was written when queued, sent when it cannot be.
   */
  render?: OutboxRender | null;
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

/** `lastError` of a message the audience gate stopped because of a guest (shown in /setup status in the reader's words). */
export const WITHHELD_REASON = 'withheld: a guest in this conversation is not the Guardian of every child it is about';
/** `lastError` of a message naming children that was not posted to a shared conversation (SHOW_CHILD_NAMES_IN_CHANNELS off). */
export const NAMES_REASON = 'withheld: it names a child and this is a shared conversation';
