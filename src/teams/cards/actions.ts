// The data of cards/actions.json. Display-ready values; see cards.ts for the rules every card's data follows.
import type { ActionButton, PagerData } from '../card-parts.js';

export interface ActionItem {
  /** "Book review", "Overdue review", "Distribute record", ... */
  kind: string;
  child: string;
  /** What to do, one sentence. */
  what: string;
  /** "by Tue 24 Nov 2026" */
  deadline: string;
  isOverdue: boolean;
  /** "3 days overdue"; '' when not overdue. */
  overdueText: string;
  /** Open/Do buttons: every item has a way to get it done (issue 11: no dead ends). */
  buttons: ActionButton[];
}

export interface ActionsCardData extends PagerData {
  /** "Your actions" */
  title: string;
  subtitle: string;
  /** Oldest deadline first (the caller sorts). */
  items: ActionItem[];
  emptyText: string;
}

declare module '../cards.js' {
  interface CardTemplates {
    'actions': ActionsCardData;
  }
}
