// The data of cards/resolution-raise.json. Display-ready values; see cards.ts for the rules every card's data
// follows.
import type { CardChoice } from '../card-parts.js';

export interface ResolutionRaiseCardData {
  /** "Raise a resolution · C100 · Dylan Evans" */
  title: string;
  ref: string;
  themes: CardChoice[];
  /** "Formal resolution cards are posted in the social work team channel (north) with the case ref and initials only…" */
  hint: string;
  /** Min date for "by when" (today). */
  today: string;
}

declare module '../cards.js' {
  interface CardTemplates {
    'resolution-raise': ResolutionRaiseCardData;
  }
}
