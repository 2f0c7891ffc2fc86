// The data of cards/reminder.json. Display-ready values; see cards.ts for the rules every card's data follows.
import type { ActionButton, CardFact } from '../card-parts.js';

export interface ReminderCardData {
  /** "Review to book", "Review record due", "Review record overdue" */
  title: string;
  /** One sentence saying what to do and by when. */
  text: string;
  /** Warning colour for an overdue record. */
  isOverdue: boolean;
  facts: CardFact[];
  /** e.g. "Type /case C1001 for the timeline." */
  footer: string;
  /** The step itself (Book, Record distributed today); each verb re-checks who may. */
  buttons: ActionButton[];
}

declare module '../cards.js' {
  interface CardTemplates {
    'reminder': ReminderCardData;
  }
}
