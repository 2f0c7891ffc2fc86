// View models of the booking and rescheduling cards (cards/booking-*.json, reschedule-*.json,
// held-form.json, review-held.json). Display-ready strings, like view-models.ts.
import type { CardFact } from './card-fact.js';

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
  /** "Earliest free slots: Thu 26 Nov 2026 10:00; …" ('' hides). Never a default: Book on an untouched form books nothing. */
  slotsText: string;
  defaultReason: string;
  defaultText: string;
  /** After a refused Book: what was wrong, shown on the form (values kept). '' hides. */
  errorTitle: string;
  errorText: string;
}

/** What was typed on a form that was refused, to show it again (untrusted: checked before use). */
export type TypedValues = Record<string, unknown>;

/** A refusal shown on the form it came from. */
export interface FormError {
  title: string;
  text: string;
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
  defaultReason: string;
  defaultSlot: string;
  defaultDate: string;
  defaultTime: string;
  defaultText: string;
  errorTitle: string;
  errorText: string;
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
  /** The comment typed before a refused Decline, and why it was refused ('' hides). */
  defaultComment: string;
  errorTitle: string;
  errorText: string;
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
  /** After a refusal: what was typed, and what was wrong ('' hides). */
  defaultLateReason: string;
  /** "true" / "false" */
  defaultCombined: string;
  defaultReason: string;
  errorTitle: string;
  errorText: string;
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
