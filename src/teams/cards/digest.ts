// The data of cards/digest.json. Display-ready values; see cards.ts for the rules every card's data follows.

/** One line of a weekly digest: a review to book, an overdue review, or a record to distribute. */
export interface DigestRow {
  /** Case ref + initials, or the full name in a personal chat: the presenter decides. */
  child: string;
  /** Right-hand date, e.g. "Due by Tue 4 Oct 2016" or "Distribute by Fri 7 Oct 2016". */
  when: string;
  /** Second line, e.g. "W39.2 · second review · Not booked" or "Review C1001-2 held Fri 23 Sep 2016". */
  detail: string;
  isOverdue: boolean;
  /** "3 days overdue"; '' when not overdue. */
  overdueText: string;
  /** IRO name on the service-wide digest; '' hides it. */
  iro: string;
}

export interface DigestSection {
  /** "Overdue (2)", "To book: due by Sun 30 Oct 2016 (5)", "Records to distribute (1)" */
  heading: string;
  /** Attention colour for the overdue section. */
  attention: boolean;
  rows: DigestRow[];
  /** "…and 12 more: type /due team" when rows were cut; '' otherwise. */
  moreText: string;
}

export interface DigestCardData {
  /** "Your week: reviews and records" */
  title: string;
  /** "Week of Mon 3 Oct 2016 · reviews due to Sun 30 Oct 2016" */
  subtitle: string;
  /** Only non-empty sections; [] shows emptyText. */
  sections: DigestSection[];
  emptyText: string;
  /** "Type /actions for everything you need to do." */
  footer: string;
}

declare module '../cards.js' {
  interface CardTemplates {
    'digest': DigestCardData;
  }
}
