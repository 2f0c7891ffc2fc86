// The data of cards/due.json. Display-ready values; see cards.ts for the rules every card's data follows.
import type { PageButton, PagerData } from '../card-parts.js';

export interface DueRow {
  /** Case ref + initials ("C1001 · D.E."), or the full name where allowed: the caller decides. */
  child: string;
  /** "Tue 24 Nov 2026" */
  dueBy: string;
  /** Rule id, e.g. "W39.2". */
  rule: string;
  /** Short explanation, e.g. "3 months after the first review". */
  ruleText: string;
  /** "Booked Wed 25 Nov 10:00" or "Not booked". */
  booking: string;
  booked: boolean;
  isOverdue: boolean;
  /** "3 days overdue"; '' when not overdue. */
  overdueText: string;
  /** IRO name for team/for-PERSON scopes; '' hides it. */
  iro: string;
  /** Case ref for the row's Book button (unbooked rows); absent or '' hides the button. */
  bookRef?: string;
}


/** One IRO in the team view of /due: counts and a button for that IRO's own list. */
export interface DueSummaryRow {
  iro: string;
  /** "3 overdue · 12 due · 5 not booked" */
  counts: string;
  /** Any overdue: the counts show in the attention colour. */
  isOverdue: boolean;
  buttons: PageButton[];
}

export interface DueCardData extends PagerData {
  /** "Reviews due this week" */
  title: string;
  /** "Mon 23 Nov – Sun 29 Nov 2026 · your children" */
  subtitle: string;
  /** Overdue section (relative windows); [] hides the section. Only this page's rows. */
  overdue: DueRow[];
  /** All overdue rows, on every page, e.g. "35". */
  overdueCount: string;
  /** Heading of the window section, e.g. "Due this week". */
  dueHeading: string;
  due: DueRow[];
  /** All rows due in the window, on every page. */
  dueCount: string;
  /** Team view of a long list: "Team view: 1,203 reviews due this week across 108 IROs"; '' hides. */
  summaryText: string;
  /** One row per IRO (this page), most overdue first; [] hides. */
  summary: DueSummaryRow[];
  /** Shown when both lists are empty, e.g. "No reviews due this week." */
  emptyText: string;
  /** A note under the list (cases whose history cannot be read); '' hides it. The policy line is only in /help and /case. */
  footnote: string;
}

declare module '../cards.js' {
  interface CardTemplates {
    'due': DueCardData;
  }
}
