// The data of cards/booking-form.json. Display-ready values; see cards.ts for the rules every card's data
// follows.
import type { CardChoice, CardFact } from '../card-parts.js';

export interface BookingFormCardData {
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

declare module '../cards.js' {
  interface CardTemplates {
    'booking-form': BookingFormCardData;
  }
}
