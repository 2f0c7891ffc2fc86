// The data of cards/liaison.json. Children's Guardian liaison: thread header, prompts L2–L9, discussions,
// closing card. Display-ready values; see cards.ts for the rules every card's data follows.
import type { CardChoice, CardFact } from '../card-parts.js';
import type { NoticeTone } from './notice.js';

/** A button on a liaison card: Action.Execute `verb` with { ref, duty, subject }. */
export interface LiaisonButton {
  title: string;
  verb: string;
  ref: string;
  duty: string;
  subject: string;
}

/** The "Record a discussion" form (L3, L7, L9, L10). */
export interface LiaisonDiscussionForm {
  ref: string;
  /** Default date, YYYY-MM-DD. */
  today: string;
  topics: CardChoice[];
  /** L9: offer "this is the final discussion". */
  offerFinal: boolean;
}

/** Thread header, prompts L2–L9, recorded discussions and the closing card: one template. */
export interface LiaisonCardData {
  /** "L3 · Make contact · C101 · S.J." */
  title: string;
  subtitle: string;
  text: string;
  tone: NoticeTone;
  facts: CardFact[];
  /** L9 checklist lines; [] hides it. */
  checklist: { label: string; done: boolean; status: string }[];
  buttons: LiaisonButton[];
  discussion: LiaisonDiscussionForm | null;
}

declare module '../cards.js' {
  interface CardTemplates {
    'liaison': LiaisonCardData;
  }
}
