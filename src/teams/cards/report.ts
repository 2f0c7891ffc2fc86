// The data of cards/report.json. Display-ready values; see cards.ts for the rules every card's data follows.
import type { CardCount, CardFact, ChartPoint } from '../card-parts.js';

/** A compliance figure against the target: met, missed, or nothing was due. */
export type ReportState = 'met' | 'missed' | 'none';

export interface ReportCountsRow {
  /** Month ("Aug 2016") or period ("Apr 2016 – Sep 2016"). */
  label: string;
  due: string;
  within: string;
  outside: string;
  /** "97.50%", or "—" when nothing was due. */
  compliance: string;
  state: ReportState;
}

export interface ReportLateGroup {
  /** Readable reason category, e.g. "Social worker unavailable". */
  reason: string;
  count: string;
  /** One line per late review: case ref only, never a name. */
  items: { ref: string; text: string }[];
}

export interface ReportCaseloadRow {
  name: string;
  fte: string;
  children: string;
  perFte: string;
}

export interface ReportCardData {
  /** "Compliance report" */
  title: string;
  /** "Oct 2026 – Mar 2027 (to Wed 25 Nov 2026) · as at …" */
  subtitle: string;
  /** Due, within, outside, compliance and target for the whole period. */
  totals: CardFact[];
  /** "Below the 98.5% target", "Meets the 98.5% target" or "No reviews were due". */
  totalsStatus: string;
  totalsState: ReportState;
  /** "2 reviews in the period are not due yet and are not counted"; '' hides. */
  notYetDue: string;
  months: ReportCountsRow[];
  /** "Compliance % by month" */
  chartTitle: string;
  /** Months with reviews due only (y = compliance %, label = "97.50%"). [] hides the chart. */
  chart: (ChartPoint & { label: string })[];
  /** The target, drawn as a second line on the chart. */
  chartTarget: number;
  /** "Target 98.50%" */
  chartTargetLegend: string;
  /** Bottom of the y axis: a multiple of 5 below every value and the target, so ticks are whole numbers. */
  chartYMin: number;
  /** "Reviews outside timescale (25)" */
  lateHeading: string;
  lateGroups: ReportLateGroup[];
  /** Shown when no review was late. */
  lateEmptyText: string;
  /** "… and 12 more" when the list was cut short; '' hides. */
  lateMore: string;
  comparators: ReportCountsRow[];
  caseload: ReportCaseloadRow[];
  /** "2 IROs · 4 children · 1.5 FTE · 2.7 per FTE" */
  caseloadTotals: string;
  caseloadEmptyText: string;
  /** Formal raised, median days to resolve, escalated beyond stage 1, … */
  resolutions: CardFact[];
  /** Formal resolutions raised in the period, by theme (themes with any only). */
  resolutionThemes: CardCount[];
  /** "1 child left out: invalid history (C1002)"; '' hides. */
  excluded: string;
}

declare module '../cards.js' {
  interface CardTemplates {
    'report': ReportCardData;
  }
}
