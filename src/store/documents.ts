import type { ObjectId } from 'mongodb';
import type { Booking, Child, ChildEvent, HeldReview, Staff } from '../domain/types.js';

// Stored document shapes. A child's reviews and bookings are embedded in the child document so that
// every state change is one single-document update carrying its own history entry (DESIGN rule 5).

export const COLLECTIONS = { staff: 'staff', children: 'children', audit: 'audit' } as const;

/** Who wrote an embedded record: the case management import, or the bot itself (never overwritten by import). */
export type RecordSource = 'import' | 'bot';

export type StaffDoc = Staff & { _id: string };

export type ReviewDoc = HeldReview & { source: RecordSource };
export type BookingDoc = Booking & { source: RecordSource };
/** Events have no id; the import matches them by (type, date). `source` is absent on legacy data = import. */
export type EventDoc = ChildEvent & { source?: RecordSource };

export interface HistoryEntry {
  at: Date;
  by: { id: string; name?: string };
  action: string;
  before?: unknown;
  after?: unknown;
}

export type ChildDoc = Omit<Child, 'events' | 'reviews' | 'bookings'> & {
  /** = ref */
  _id: string;
  version: number;
  events: EventDoc[];
  reviews: ReviewDoc[];
  bookings: BookingDoc[];
  history: HistoryEntry[];
};

export interface AuditDoc {
  _id?: ObjectId;
  at: Date;
  actor: { id: string; name?: string; kind: 'staff' | 'system' | 'cli' };
  action: string;
  subject?: string;
  details?: Record<string, unknown>;
}
