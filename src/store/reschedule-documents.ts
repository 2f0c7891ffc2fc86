import type { LateReason } from '../domain/types.js';

// A request to book outside timescale or move a booked review, decided by a reviewing team manager
// from a card. Embedded in the child document (ChildDoc.rescheduleRequests) so that the request, the
// booking it moves and the messages it causes change in one versioned update (DESIGN rules 5, 6).

export type RescheduleStatus = 'pending' | 'approved' | 'declined' | 'withdrawn';

export interface PersonRef {
  id: string;
  name?: string;
}

export interface RescheduleRequestDoc {
  id: string;
  /** 'book': a first booking outside timescale; 'move': a booked review to a new start. */
  kind: 'book' | 'move';
  /** The booking moved; for 'book', the id the booking gets when approved. */
  bookingId: string;
  /** Old start (ISO instant with offset); null for 'book'. */
  from: string | null;
  to: string;
  venue?: string | null;
  invitees?: string[];
  /** The review's due-by date and rule when asked. */
  dueBy: string;
  /** A RuleId; typed string since stored documents are read back unchecked. */
  rule: string;
  outsideTimescale: boolean;
  reason: LateReason;
  text: string | null;
  requestedBy: PersonRef;
  requestedAt: Date;
  status: RescheduleStatus;
  decidedBy?: PersonRef | null;
  decidedAt?: Date | null;
  comment?: string | null;
  /** Bumped on every change of this request. */
  version: number;
}
