// The data of cards/reschedule-form.json. Display-ready values; see cards.ts for the rules every card's data
// follows.
import type { CardChoice, CardFact } from '../card-parts.js';

export interface RescheduleFormCardData {
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

declare module '../cards.js' {
  interface CardTemplates {
    'reschedule-form': RescheduleFormCardData;
  }
}
