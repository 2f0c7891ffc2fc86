// The data of cards/report.json (/report) and the function building it: display strings only. Every percentage
// shown comes from the counts (compliancePercent), never from stored or copied figures (docs/DOMAIN.md
// "Compliance report").
import type { CardCount, CardFact, ChartPoint } from '../card-parts.js';
import type { ComplianceReportResult } from '../../app/compliance-report.js';
import { compliancePercent, LATE_CATEGORIES, type ComplianceCounts, type LateCategory, type LateReview } from '../../domain/compliance.js';
import { formatDate } from '../../domain/dates-format.js';
import { label, plural } from '../presenters/labels.js';
import { clip } from '../presenters/paging.js';

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
  /** "IFST family plan reviews (reported separately)": due, within, outside, compliance over the period. */
  ifstTotals: CardFact[];
  /** Undistributed written records as at today: outstanding, of which past the 14 days. */
  records: CardFact[];
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
  /** The Corporate Parenting Board's headline figures (cards/board.ts boardHeadlineFacts); [] hides. */
  boardFacts: CardFact[];
  /** "Corporate Parenting Board measures" */
  boardHeading: string;
  /** "Board measures in full: /report board" */
  boardMore: string;
}

/** Late reviews listed on the card; the counts by reason always cover all of them. */
export const MAX_LATE_LISTED = 40;
/** IRO rows in the report's caseload table (issue 12: every message must fit Teams). */
export const MAX_REPORT_IROS = 30;

export const LATE_CATEGORY_LABELS: Readonly<Record<LateCategory, string>> = Object.fromEntries(
  LATE_CATEGORIES.map((c) => [c, label(c)])) as Record<LateCategory, string>;

const percent = (c: Pick<ComplianceCounts, 'within' | 'due'>): string => {
  const p = compliancePercent(c.within, c.due);
  return p === null ? '—' : `${p}%`;
};

const stateOf = (c: ComplianceCounts): ReportState => (c.meetsTarget === null ? 'none' : c.meetsTarget ? 'met' : 'missed');

function countsRow(label: string, c: ComplianceCounts): ReportCountsRow {
  return { label, due: String(c.due), within: String(c.within), outside: String(c.outside), compliance: percent(c), state: stateOf(c) };
}

function lateLine(l: LateReview): string {
  const due = `due ${formatDate(l.dueBy)}`;
  return l.heldOn
    ? `${due} · held ${formatDate(l.heldOn)}, ${plural(l.daysLate, 'day')} late`
    : `${due} · not held, ${plural(l.daysLate, 'day')} overdue`;
}

function subtitle(r: ComplianceReportResult): string {
  const what = r.period.kind === 'current-half-year' ? `This half-year so far: ${r.period.label}`
    : r.period.kind === 'last-half-year' ? `Last half-year: ${r.period.label}` : r.period.label;
  return `${what} · as at ${formatDate(r.today)}`;
}

const fteText = (n: number): string => n.toFixed(1);

export function reportCardData(
  r: ComplianceReportResult,
  board: Pick<ReportCardData, 'boardFacts' | 'boardHeading' | 'boardMore'> = {
    boardFacts: [],
    boardHeading: '',
    boardMore: '',
  },
): ReportCardData {
  const { report } = r;
  const { totals } = report;
  const target = `${report.target.toFixed(2)}%`;

  // Group late reviews by reason in the fixed category order; list at most MAX_LATE_LISTED lines.
  let budget = MAX_LATE_LISTED;
  const lateGroups = LATE_CATEGORIES
    .map((reason) => ({ reason, reviews: report.late.filter((l) => l.reason === reason) }))
    .filter((g) => g.reviews.length > 0)
    .map((g) => {
      const shown = g.reviews.slice(0, Math.max(0, budget));
      budget -= shown.length;
      return {
        reason: LATE_CATEGORY_LABELS[g.reason],
        count: String(g.reviews.length),
        items: shown.map((l) => ({ ref: l.ref, text: lateLine(l) })),
      };
    });
  const hidden = report.late.length - Math.min(report.late.length, MAX_LATE_LISTED);

  const iroChildren = r.caseload.reduce((n, c) => n + c.figures.total, 0);
  const fte = r.caseload.reduce((n, c) => n + (c.figures.fte ?? 0), 0);
  const res = r.resolutions;
  const median = res.medianWorkingDaysToResolve === null ? '— (none resolved)'
    : `${res.medianWorkingDaysToResolve} working days (${res.medianCalendarDaysToResolve} calendar days)`;

  const chart = report.months.filter((m) => m.due > 0).map((m) => {
    const p = compliancePercent(m.within, m.due)!;
    return { x: m.label, y: Number(p), label: `${p}%` };
  });

  const left = [...report.excluded, ...r.ifst.excluded];
  const excludedCount = left.length;
  const excluded = excludedCount === 0 ? ''
    : `${excludedCount} ${excludedCount === 1 ? 'child' : 'children'} left out of these figures because the review history does not add up`
      + (r.mayListExcluded ? `: ${left.map((e) => e.ref).join(', ')}` : ' (an administrator can see which)');
  const ifstTotals = r.ifst.totals;

  return {
    title: 'CLA Reviews Held Within Timescales',
    subtitle: subtitle(r),
    totals: [
      { title: 'Reviews due', value: String(totals.due) },
      { title: 'Held within timescale', value: String(totals.within) },
      { title: 'Outside timescale', value: String(totals.outside) },
      { title: 'Compliance', value: percent(totals) },
      { title: 'Target', value: target },
    ],
    totalsStatus: totals.meetsTarget === null ? 'No reviews were due in this period'
      : totals.meetsTarget ? `Meets the ${target} target` : `Below the ${target} target`,
    totalsState: stateOf(totals),
    notYetDue: totals.notYetDue === 0 ? ''
      : `${plural(totals.notYetDue, 'review')} in the period ${totals.notYetDue === 1 ? 'is' : 'are'} not due yet and not counted`,
    months: report.months.map((m) => countsRow(m.label, m)),
    chartTitle: 'Compliance % by month',
    chart,
    chartTarget: report.target,
    chartTargetLegend: `Target ${report.target.toFixed(2)}%`,
    chartYMin: Math.max(0, Math.floor((Math.min(report.target, ...chart.map((p) => p.y)) - 1) / 5) * 5),
    lateHeading: `Reviews outside timescale: ${totals.outside}`,
    lateGroups,
    lateEmptyText: 'None: every review due was held within timescale.',
    lateMore: hidden > 0 ? `… and ${hidden} more (counted above)` : '',
    comparators: r.comparators.map((c) => countsRow(c.label, c.totals)),
    ifstTotals: [
      { title: 'IFST reviews due', value: String(ifstTotals.due) },
      { title: 'Held within timescale', value: String(ifstTotals.within) },
      { title: 'Outside timescale', value: String(ifstTotals.outside) },
      { title: 'Compliance', value: percent(ifstTotals) },
    ],
    records: [
      { title: 'Written records not yet distributed', value: String(r.records.outstanding) },
      { title: 'Past the 14 days', value: String(r.records.overdue) },
    ],
    // The table lists the first MAX_REPORT_IROS IROs (a region has hundreds: the message must fit Teams);
    // the totals count every one, and /caseload team pages through them all.
    caseload: r.caseload.slice(0, MAX_REPORT_IROS).map((c) => ({
      name: clip(c.iro.external ? `${c.iro.name} (external)` : c.iro.name),
      fte: c.figures.fte === null ? '—' : fteText(c.figures.fte),
      children: String(c.figures.total),
      perFte: c.figures.perFte === null ? '—' : fteText(c.figures.perFte),
    })),
    caseloadTotals: `${plural(r.caseload.length, 'IRO')} · ${iroChildren} ${iroChildren === 1 ? 'child' : 'children'} · ${fteText(fte)} FTE`
      + (fte > 0 ? ` · ${fteText(iroChildren / fte)} per FTE` : '')
      + (r.caseload.length > MAX_REPORT_IROS ? ` · the first ${MAX_REPORT_IROS} shown: type /caseload team for every IRO` : ''),
    caseloadEmptyText: 'No IROs are registered.',
    resolutions: [
      { title: 'Formal resolutions raised', value: String(res.formalRaised) },
      { title: 'Escalated beyond stage 1', value: String(res.escalatedBeyondStage1) },
      { title: 'Resolved', value: String(res.resolved) },
      { title: 'Median time to resolve', value: median },
      { title: 'Referred to Cafcass', value: String(res.referred) },
      { title: 'Compliments recorded', value: String(res.compliments) },
    ],
    resolutionThemes: res.byTheme.filter((t) => t.count > 0).map((t) => ({ label: label(t.theme), count: String(t.count) })),
    excluded,
    ...board,
  };
}

declare module '../cards.js' {
  interface CardTemplates {
    'report': ReportCardData;
  }
}
