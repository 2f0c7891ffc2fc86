import type { AudienceMember } from '../domain/guests.js';
import type { ChannelLanguage, ConversationAddress } from '../store/delivery-documents.js';

// The delivery port: what the jobs need to post on their own and to see who is in a conversation.
// src/teams/ implements it (teams/notifier.ts) over its SDK; the jobs and the store never see the
// SDK's types, so replacing the SDK touches src/teams/ only (docs/DESIGN.md "Rules of the house").

/** A message to post: the activity fields the bot sends (type, text, attachments, entities, ...). */
export type OutgoingMessage = Record<string, unknown>;

export interface SendOptions {
  /** The outbox key; the delivery side sends it along so a repeat can be recognised. */
  idempotencyKey?: string;
  /** Post into this conversation instead of the address's own (a thread id: reply into the thread). */
  conversationId?: string;
  /** What the conversation reads, for the short notice that replaces a message too large to send. */
  language?: ChannelLanguage;
}

export interface SendOutcome {
  /** The service's id of the sent message (null if it returned none). */
  activityId: string | null;
  /** Conversation the message is in; for a new thread, the thread's id ('...;messageid=N'). */
  conversationId: string;
}

export interface DeliveryPort {
  /** Posts into the conversation (or, with `conversationId`, into one of its threads). */
  post(to: ConversationAddress, message: OutgoingMessage, opts?: SendOptions): Promise<SendOutcome>;
  /** Starts a new thread in the channel the address names. */
  startThread(to: ConversationAddress, message: OutgoingMessage, opts?: SendOptions): Promise<SendOutcome>;
}

/** Reads a conversation's members outside a turn (the guest check before posting about a child). */
export interface MemberDirectory {
  listMembers(to: ConversationAddress): Promise<AudienceMember[]>;
}

export type DeliveryErrorKind = 'transient' | 'permanent';

/** A failed send, classified. `reason` is safe to store and show to admins: ids and codes, no content. */
export class DeliveryError extends Error {
  constructor(
    readonly kind: DeliveryErrorKind,
    readonly reason: string,
    readonly statusCode?: number,
    readonly retryAfterMs?: number,
    readonly code?: string,
  ) {
    super(reason);
    this.name = 'DeliveryError';
  }
}
