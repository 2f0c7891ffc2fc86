// The data of cards/case.json. Display-ready values; see cards.ts for the rules every card's data follows.
import type { CardFact } from '../card-parts.js';

export interface CaseChild {
  ref: string;
  name: string;
  dateOfBirth: string;
  legalStatus: string;
  track: string;
  iro: string;
  socialWorker: string;
  team: string;
}

export interface CaseNextReview {
  dueBy: string;
  rule: string;
  ruleText: string;
  isOverdue: boolean;
  overdueText: string;
}

export interface CaseBooking {
  /** "Wed 25 Nov 2026 10:00" */
  when: string;
  venue: string;
  /** "Booked", "Cancelled", "Adjourned" */
  status: string;
}

export interface CaseHistoryRow {
  /** Review number, e.g. "3". */
  number: string;
  dueBy: string;
  heldOn: string;
  /** "Within" or "Outside" */
  timescale: string;
  withinTimescale: boolean;
  /** "0", "4" or '' */
  daysLate: string;
  /** Late reason or '' */
  reason: string;
  /** "Fri 27 Nov 2026", "Not yet" */
  recordDistributed: string;
}

/** A dated line for resolutions and Guardian liaison items. */
export interface CaseEventLine {
  date: string;
  text: string;
  status: string;
}

export interface CaseCardData {
  /** "C1001 · Dylan Evans" */
  title: string;
  subtitle: string;
  child: CaseChild;
  /** null when no further review is due (e.g. ceased to be looked after). */
  nextReview: CaseNextReview | null;
  /** Shown when nextReview is null, e.g. "No further review due." */
  noNextReviewText: string;
  bookings: CaseBooking[];
  history: CaseHistoryRow[];
  /** Proceedings summary as facts (Started, Guardian, IRH, Final hearing, ...); [] when none. */
  proceedings: CardFact[];
  resolutions: CaseEventLine[];
  liaison: CaseEventLine[];
  policy: string;
}

declare module '../cards.js' {
  interface CardTemplates {
    'case': CaseCardData;
  }
}
