// The data of cards/liaison-form.json. Display-ready values; see cards.ts for the rules every card's data
// follows.
import type { CardChoice } from '../card-parts.js';
import type { LiaisonButton, LiaisonDiscussionForm } from './liaison.js';

/** `/liaison REF`: proceedings and liaison record form (IRO, business support, legal). */
export interface LiaisonFormCardData {
  title: string;
  subtitle: string;
  ref: string;
  version: string;
  startedOn: string;
  guardianId: string;
  guardianAppointedOn: string;
  irhDate: string;
  finalHearingDate: string;
  concludedOn: string;
  outcome: string;
  intervalDays: string;
  legalContactId: string;
  guardians: CardChoice[];
  outcomes: CardChoice[];
  legalContacts: CardChoice[];
  /** Open liaison items, one line each with its buttons (done, open the prompt); [] shows "Nothing open". */
  open: { text: string; buttons: LiaisonButton[] }[];
  /** "Record a discussion" (L10) from here as well as from the thread; null when this person cannot. */
  discussion: LiaisonDiscussionForm | null;
  /** Recorded discussions, newest first. */
  discussions: { text: string }[];
  /** '' or e.g. "Saved." after a change, or what was wrong (messageTone 'error'). */
  message: string;
  messageTone?: 'success' | 'error';
}

declare module '../cards.js' {
  interface CardTemplates {
    'liaison-form': LiaisonFormCardData;
  }
}
