// The data of cards/caseload.json. Display-ready values; see cards.ts for the rules every card's data follows.
import type { CardCount, ChartPoint, PagerData } from '../card-parts.js';

/** Where a per-FTE figure sits against the band (Wales 70–120). */
export type BandState = 'below' | 'within' | 'above';

export interface CaseloadIroCardData extends PagerData {
  view: 'iro';
  /** "Caseload: Alex Wilber" */
  title: string;
  /** "As at Mon 23 Nov 2026" */
  subtitle: string;
  /** Total children, e.g. "84". */
  children: string;
  /** "1.0" */
  fte: string;
  /** "84.0" */
  perFte: string;
  /** "Wales band: 70–120 children per FTE" */
  band: string;
  bandState: BandState;
  /** Status word, e.g. "Within band". */
  bandStatus: string;
  byTrack: CardCount[];
  byLegalStatus: CardCount[];
  /** Reviews due in the next 30 days, e.g. "12". */
  dueNext30Days: string;
}

export interface CaseloadIroRow {
  name: string;
  fte: string;
  children: string;
  perFte: string;
  bandState: BandState;
  bandStatus: string;
  /** One word for the narrow table column: "Within", "Above", "Below", "No FTE". */
  bandWord: string;
  /** "External" or ''. */
  external: string;
}

export interface CaseloadTeamCardData extends PagerData {
  view: 'team';
  /** "Caseload: reviewing service" */
  title: string;
  subtitle: string;
  iros: CaseloadIroRow[];
  /** "5 IROs · 412 children · 4.6 FTE · 89.6 per FTE" */
  totals: string;
  band: string;
  /** "Children per IRO" */
  chartTitle: string;
  /** Chart.HorizontalBar data for this page's IROs (Teams only; the card also carries a text fallback and the table). */
  chart: ChartPoint[];
  /** Shown instead of the table when there are no IROs. */
  emptyText: string;
}

export type CaseloadCardData = CaseloadIroCardData | CaseloadTeamCardData;

declare module '../cards.js' {
  interface CardTemplates {
    'caseload': CaseloadCardData;
  }
}
