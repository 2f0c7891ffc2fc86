// View models of the booking and rescheduling cards (cards/booking-*.json, reschedule-*.json,
// held-form.json, review-held.json). Display-ready strings, like view-models.ts.
import type { CardFact } from './view-models.js';

/** One Input.ChoiceSet choice. */
export interface CardChoice {
  title: string;
  value: string;
}

export interface BookingFormModel {
  /** "Book review · C1001 · D.E." */
  title: string;
  subtitle: string;
  facts: CardFact[];
  ref: string;
  /** ISO dates for Input.Date. */
  defaultDate: string;
  minDate: string;
  /** 'HH:MM' */
  defaultTime: string;
  /** Preferred venue first. */
  venues: CardChoice[];
  defaultVenue: string;
  invitees: CardChoice[];
  /** Comma-separated values pre-selected (the Guardian for a child in proceedings). */
  defaultInvitees: string;
  reasons: CardChoice[];
  /** "After Tue 4 Oct 2016 is outside timescale: give a reason; a manager must approve." */
  note: string;
}

export interface BookingCardModel {
  /** "Review booked", "Review moved" */
  title: string;
  /** Child label. */
  subtitle: string;
  facts: CardFact[];
  /** e.g. "Outside timescale (approved by X)"; '' for none. */
  note: string;
  noteAttention: boolean;
  ref: string;
  bookingId: string;
  canReschedule: boolean;
}

export interface RescheduleFormModel {
  title: string;
  subtitle: string;
  facts: CardFact[];
  ref: string;
  bookingId: string;
  reasons: CardChoice[];
  /** Up to 5 free slots; [] shows slotsText only. */
  slots: CardChoice[];
  slotsText: string;
  minDate: string;
  note: string;
  /** Cancel and adjourn buttons (IRO and business support only). */
  canCancel: boolean;
}

export type StatusTone = 'default' | 'good' | 'attention' | 'warning';

export interface ApprovalCardModel {
  /** "Reschedule request · C1001 · D.E." */
  title: string;
  subtitle: string;
  facts: CardFact[];
  outsideTimescale: boolean;
  /** "Within timescale" / "OUTSIDE TIMESCALE: 6 days after the due-by date" */
  timescaleText: string;
  /** "Waiting for a reviewing team manager" / "Approved by X at T" */
  status: string;
  statusTone: StatusTone;
  /** Buttons and the comment box for whoever may decide it now. */
  canDecide: boolean;
  ref: string;
  requestId: string;
  /** Teams user ids (29:...) of deciders known to the bot, for the refresh. */
  refreshUserIds: string[];
}

export interface HeldFormModel {
  mode: 'record' | 'correct';
  title: string;
  subtitle: string;
  facts: CardFact[];
  ref: string;
  /** correct only; '' when recording. */
  reviewId: string;
  defaultDate: string;
  maxDate: string;
  chairs: CardChoice[];
  defaultChair: string;
  reasons: CardChoice[];
  note: string;
}

export interface ReviewHeldModel {
  title: string;
  text: string;
  facts: CardFact[];
  ref: string;
  reviewId: string;
  /** Show "Record distributed today". */
  canDistribute: boolean;
}
