import type { ObjectId } from 'mongodb';
import type { Booking, Child, ChildEvent, HeldReview, Staff } from '../domain/types.js';
import type { DueReason } from '../domain/timescales.js';
import type { ChannelPurpose } from './delivery-documents.js';
import type { Compliment, Resolution } from '../domain/resolutions/index.js';
import type { PlanRecord } from '../domain/plan-tracking.js';
import type { LiaisonRecord } from '../domain/liaison.js';
import type { Cover } from '../domain/cover.js';
import type { RescheduleRequestDoc } from './reschedule-documents.js';
import type { ParticipationChecklist } from '../domain/participation.js';

// Stored document shapes. A child's reviews and bookings are embedded in the child document so that
// every state change is one single-document update carrying its own history entry (DESIGN rule 5).

export const COLLECTIONS = { staff: 'staff', children: 'children', audit: 'audit' } as const;

/** Who wrote an embedded record: the case management import, or the bot itself (never overwritten by import). */
export type RecordSource = 'import' | 'bot';

export type StaffDoc = Staff & { _id: string };

export type ReviewDoc = HeldReview & {
  source: RecordSource;
  /** The participation checklist of its booking, as it stood when the review was recorded held (PC4). */
  participation?: ParticipationChecklist | null;
};
export type BookingDoc = Booking & {
  source: RecordSource;
  /** Bot bookings: staff ids invited, who booked, and the reason given when cancelled/adjourned. */
  invitees?: string[];
  bookedBy?: string | null;
  statusReason?: string | null;
  /** The IRO's pre-review participation checklist (docs/DOMAIN.md "Participation", domain/participation.ts). */
  participation?: ParticipationChecklist | null;
};
/** Events have no id; the import matches them by (type, date). `source` is absent on legacy data = import. */
export type EventDoc = ChildEvent & { source?: RecordSource };

export interface HistoryEntry {
  at: Date;
  by: { id: string; name?: string };
  action: string;
  before?: unknown;
  after?: unknown;
}

/** Where a queued message goes: a person's 1:1 chat, or the channel that has a purpose. */
export type MessageAddress =
  | { kind: 'personal'; staffId: string }
  | { kind: 'channel'; purpose: ChannelPurpose; team?: string | null; guardianId?: string | null };

/**
 * A message a state change causes, queued in the SAME update as the change (DESIGN rule 5); the
 * pending drainer moves it to the outbox under its idempotency key and pulls it from here.
 * `message` is data, rendered into a card only when delivered (names depend on where it goes).
 */
export interface PendingMessage {
  key: string;
  to: MessageAddress;
  message: { type: string; data: Record<string, unknown> };
  /** Start a new thread in a channel. */
  newThread?: boolean;
  /** Reply into the thread started by the outbox message with this key. */
  threadOf?: string | null;
}

export type ChildDoc = Omit<Child, 'events' | 'reviews' | 'bookings'> & {
  /** = ref */
  _id: string;
  version: number;
  events: EventDoc[];
  reviews: ReviewDoc[];
  bookings: BookingDoc[];
  history: HistoryEntry[];
  pending?: PendingMessage[];
  /** Booking/reschedule requests awaiting or past a manager's decision (reschedule-documents.ts). */
  rescheduleRequests?: RescheduleRequestDoc[];
  /** IRO dispute resolutions (domain/resolutions/); each change is one versioned update. */
  resolutions?: Resolution[];
  /** Compliments an IRO recorded about a worker's practice on this case. */
  compliments?: Compliment[];
  /** Children's Guardian liaison (domain/liaison.ts): court documents, discussions (L10), duties done. */
  liaison?: LiaisonRecord;
  /** The care and support plan tracked between reviews (domain/plan-tracking.ts, issue 15). */
  plan?: PlanRecord;
  /**
   * The computed next review, written with every versioned change and by the import (issue 12);
   * null or absent = not computed yet (recomputed at start). src/app/next-review-fields.ts.
   */
  nextReview?: StoredNextReview | null;
  /** Cover for the allocated IRO's absence (issue 14, domain/cover.ts); the allocation itself is unchanged. */
  cover?: Cover | null;
};

/** A child's next review as stored: what /due and the sweeper read instead of recomputing. */
export interface StoredNextReview {
  /** null when no further review is due (not looked after, plan finished) or the history is invalid. */
  dueBy: string | null;
  rule: string | null;
  sequence: number | null;
  explanation: string | null;
  /** The explanation as data, for the cards to write it in the reader's language (issue 13); absent before. */
  reason?: DueReason | null;
  /** The live booking of this next review (review-status.ts upcomingBooking). */
  booking: { id: string; start: string } | null;
  /** Set when the engine rejected the child's history (shown as a data problem). */
  problem?: string;
  /** Policy id and limits + holiday region + bank holidays + closure days it was computed with. */
  fingerprint: string;
  /** On the current caseload once every recorded event has happened (rule CL1; domain/caseload.ts caseloadStanding). */
  open?: boolean;
  /** The last recorded event's date: until then `open` is not yet today's answer. */
  lastEventOn?: string | null;
}

export interface AuditDoc {
  _id?: ObjectId;
  at: Date;
  actor: { id: string; name?: string; kind: 'staff' | 'system' | 'cli' };
  action: string;
  subject?: string;
  details?: Record<string, unknown>;
  /** An untrusted payload's summary (hash and sizes), never its content: repositories/audit-bounds.ts. */
  payload?: { sha256: string; bytes: number; depth: number; nodes: number; complete: boolean };
}
