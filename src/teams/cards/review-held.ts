// The data of cards/review-held.json. Display-ready values; see cards.ts for the rules every card's data
// follows.
import type { CardFact } from '../card-parts.js';

export interface ReviewHeldCardData {
  title: string;
  text: string;
  facts: CardFact[];
  ref: string;
  reviewId: string;
  /** Show "Record distributed today". */
  canDistribute: boolean;
}

declare module '../cards.js' {
  interface CardTemplates {
    'review-held': ReviewHeldCardData;
  }
}
