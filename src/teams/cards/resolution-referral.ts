// The data of cards/resolution-referral.json. Display-ready values; see cards.ts for the rules every card's
// data follows.
import type { CardFact } from '../card-parts.js';

export interface ReferralItemRow {
  label: string;
  itemId: string;
  gathered: boolean;
  /** "Gathered by Alex Wilber, Mon 7 Sep 2026" or "Not yet" */
  status: string;
}

export interface ResolutionReferralCardData {
  /** "Cafcass referral pack · C100-RES1 · C100 · Dylan Evans" */
  title: string;
  facts: CardFact[];
  items: ReferralItemRow[];
  /** "3 of 8 gathered" */
  progress: string;
  ref: string;
  id: string;
  canGather: boolean;
}

declare module '../cards.js' {
  interface CardTemplates {
    'resolution-referral': ResolutionReferralCardData;
  }
}
