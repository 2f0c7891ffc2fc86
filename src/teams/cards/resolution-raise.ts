// The data of cards/resolution-raise.json (/raise REF) and the function building it. Display-ready values
// (cards.ts says what every card's data must be).
import { RESOLUTION_THEMES } from '../../domain/resolutions/index.js';
import type { IsoDate } from '../../domain/types.js';
import type { ChildDoc } from '../../store/documents.js';
import { childLabel, label } from '../presenters/labels.js';
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

/** The /raise form for a child on the IRO's caseload. */
export function resolutionRaiseCardData(child: ChildDoc, today: IsoDate, showNames: boolean): ResolutionRaiseCardData {
  const team = child.socialWorkTeam ? `the ${label(child.socialWorkTeam)} social work team channel` : "the social worker's and team manager's chats";
  return {
    title: `Raise a resolution · ${childLabel(child, showNames)}`,
    ref: child.ref,
    themes: RESOLUTION_THEMES.map((t) => ({ title: label(t), value: t })),
    hint: `A formal resolution card goes to ${team} with the case reference and initials only, so write the summary for that team. An informal one is only recorded.`,
    today,
  };
}

declare module '../cards.js' {
  interface CardTemplates {
    'resolution-raise': ResolutionRaiseCardData;
  }
}
