// The data of cards/resolutions.json. Display-ready values; see cards.ts for the rules every card's data
// follows.

export interface ResolutionListRow {
  /** "C100-RES1 · C100 · D.E." */
  title: string;
  ref: string;
  id: string;
  /** "Care planning · Stage 1 (formal) · Awaiting acknowledgement" */
  detail: string;
  /** "3 working days old" */
  age: string;
  /** "Acknowledge by Wed 2 Sep 2026" or "Resolved Fri 4 Sep 2026" */
  next: string;
  isOverdue: boolean;
}

export interface ResolutionsCardData {
  title: string;
  subtitle: string;
  rows: ResolutionListRow[];
  emptyText: string;
}

declare module '../cards.js' {
  interface CardTemplates {
    'resolutions': ResolutionsCardData;
  }
}
