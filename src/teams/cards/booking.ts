// The data of cards/booking.json. Display-ready values; see cards.ts for the rules every card's data follows.
import type { CardFact } from '../card-parts.js';

export interface BookingCardData {
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

declare module '../cards.js' {
  interface CardTemplates {
    'booking': BookingCardData;
  }
}
