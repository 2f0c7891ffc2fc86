// The data of cards/held-form.json. Display-ready values; see cards.ts for the rules every card's data
// follows.
import type { CardChoice, CardFact } from '../card-parts.js';

export interface HeldFormCardData {
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

declare module '../cards.js' {
  interface CardTemplates {
    'held-form': HeldFormCardData;
  }
}
