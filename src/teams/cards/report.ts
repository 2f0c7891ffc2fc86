// The data of cards/report.json (/report) and the function building it: display strings only. Every percentage
// shown comes from the counts (compliancePercent), never from stored or copied figures (docs/DOMAIN.md
// "Compliance report").
import type { CardCount, CardFact, ChartPoint } from '../card-parts.js';
import type { ComplianceReportResult } from '../../app/compliance-report.js';
import { compliancePercent, LATE_CATEGORIES, type ComplianceCounts, type LateReview } from '../../domain/compliance.js';
import { formatDate, formatMonth } from '../../domain/dates-format.js';
import { periodLabel } from '../../domain/report-period.js';
import { datesOf, label } from '../presenters/labels.js';
import type { MessageKey, Translate } from '../i18n/translate.js';
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
  labels: ReportCardLabels;
}

const LABEL_KEYS = {
  byMonth: 'report.label.by-month',
  month: 'report.label.month',
  due: 'report.label.due',
  within: 'report.label.within',
  outside: 'report.label.outside',
  compliance: 'report.label.compliance',
  earlier: 'report.label.earlier',
  period: 'report.label.period',
  ifst: 'report.label.ifst',
  records: 'report.label.records',
  caseload: 'report.label.caseload',
  iro: 'report.label.iro',
  fte: 'report.label.fte',
  children: 'report.label.children',
  perFte: 'report.label.per-fte',
  resolutions: 'report.label.resolutions',
  themes: 'report.label.themes',
} as const satisfies Record<string, MessageKey>;

/** The card's own words (issue 13: the template carries none). */
export type ReportCardLabels = Record<keyof typeof LABEL_KEYS, string>;

export function reportCardLabels(t: Translate): ReportCardLabels {
  return Object.fromEntries(Object.entries(LABEL_KEYS).map(([k, key]) => [k, t(key)])) as ReportCardLabels;
}

/** Late reviews listed on the card; the counts by reason always cover all of them. */
export const MAX_LATE_LISTED = 40;
/** IRO rows in the report's caseload table (issue 12: every message must fit Teams). */
export const MAX_REPORT_IROS = 30;

const percent = (c: Pick<ComplianceCounts, 'within' | 'due'>): string => {
  const p = compliancePercent(c.within, c.due);
  return p === null ? '—' : `${p}%`;
};

const stateOf = (c: ComplianceCounts): ReportState => (c.meetsTarget === null ? 'none' : c.meetsTarget ? 'met' : 'missed');

function countsRow(label: string, c: ComplianceCounts): ReportCountsRow {
  return { label, due: String(c.due), within: String(c.within), outside: String(c.outside), compliance: percent(c), state: stateOf(c) };
}

function lateLine(l: LateReview, t: Translate): string {
  const day = (d: string) => formatDate(d, datesOf(t));
  return l.heldOn
    ? t('report.late.held', { due: day(l.dueBy), held: day(l.heldOn), late: t('card.days-late', { days: l.daysLate }) })
    : t('report.late.not-held', { due: day(l.dueBy), overdue: t('card.days-overdue', { days: l.daysLate }) });
}

function subtitle(r: ComplianceReportResult, t: Translate): string {
  const label = periodLabel(r.period, datesOf(t));
  const what = r.period.kind === 'current-half-year' ? t('report.period.current', { period: label })
    : r.period.kind === 'last-half-year' ? t('report.period.last', { period: label }) : label;
  return t('report.as-at', { period: what, date: formatDate(r.today, datesOf(t)) });
}

const fteText = (n: number): string => n.toFixed(1);

export function reportCardData(
  r: ComplianceReportResult,
  t: Translate,
  board: Pick<ReportCardData, 'boardFacts' | 'boardHeading' | 'boardMore'> = {
    boardFacts: [],
    boardHeading: '',
    boardMore: '',
  },
): ReportCardData {
  const { report } = r;
  const { totals } = report;
  const dates = datesOf(t);
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
        reason: label(g.reason, '—', t),
        count: String(g.reviews.length),
        items: shown.map((l) => ({ ref: l.ref, text: lateLine(l, t) })),
      };
    });
  const hidden = report.late.length - Math.min(report.late.length, MAX_LATE_LISTED);

  const iroChildren = r.caseload.reduce((n, c) => n + c.figures.total, 0);
  const fte = r.caseload.reduce((n, c) => n + (c.figures.fte ?? 0), 0);
  const res = r.resolutions;
  const median = res.medianWorkingDaysToResolve === null ? t('report.median.none')
    : t('report.median', { working: res.medianWorkingDaysToResolve, calendar: res.medianCalendarDaysToResolve ?? 0 });

  const monthLabel = (m: { month: string }) => formatMonth(m.month, 'short', dates);
  const chart = report.months.filter((m) => m.due > 0).map((m) => {
    const p = compliancePercent(m.within, m.due)!;
    return { x: monthLabel(m), y: Number(p), label: `${p}%` };
  });

  const left = [...report.excluded, ...r.ifst.excluded];
  const leftText = t('report.excluded', { count: left.length });
  const excluded = left.length === 0 ? ''
    : r.mayListExcluded ? t('report.excluded.refs', { text: leftText, refs: left.map((e) => e.ref).join(', ') })
      : t('report.excluded.admin', { text: leftText });
  const ifstTotals = r.ifst.totals;

  return {
    title: t('report.title'),
    subtitle: subtitle(r, t),
    totals: [
      { title: t('report.fact.due'), value: String(totals.due) },
      { title: t('report.fact.within'), value: String(totals.within) },
      { title: t('report.fact.outside'), value: String(totals.outside) },
      { title: t('report.fact.compliance'), value: percent(totals) },
      { title: t('report.fact.target'), value: target },
    ],
    totalsStatus: totals.meetsTarget === null ? t('report.status.none')
      : t(totals.meetsTarget ? 'report.status.met' : 'report.status.missed', { target }),
    totalsState: stateOf(totals),
    notYetDue: totals.notYetDue === 0 ? '' : t('report.not-yet-due', { count: totals.notYetDue }),
    months: report.months.map((m) => countsRow(monthLabel(m), m)),
    chartTitle: t('report.chart-title'),
    chart,
    chartTarget: report.target,
    chartTargetLegend: t('report.chart-target', { target }),
    chartYMin: Math.max(0, Math.floor((Math.min(report.target, ...chart.map((p) => p.y)) - 1) / 5) * 5),
    lateHeading: t('report.late.heading', { count: totals.outside }),
    lateGroups,
    lateEmptyText: t('report.late.empty'),
    lateMore: hidden > 0 ? t('report.late.more', { count: hidden }) : '',
    comparators: r.comparators.map((c) => countsRow(periodLabel(c.period, dates), c.totals)),
    ifstTotals: [
      { title: t('report.fact.ifst-due'), value: String(ifstTotals.due) },
      { title: t('report.fact.within'), value: String(ifstTotals.within) },
      { title: t('report.fact.outside'), value: String(ifstTotals.outside) },
      { title: t('report.fact.compliance'), value: percent(ifstTotals) },
    ],
    records: [
      { title: t('report.fact.records-outstanding'), value: String(r.records.outstanding) },
      { title: t('report.fact.records-overdue'), value: String(r.records.overdue) },
    ],
    // The table lists the first MAX_REPORT_IROS IROs (a region has hundreds: the message must fit Teams);
    // the totals count every one, and /caseload team pages through them all.
    caseload: r.caseload.slice(0, MAX_REPORT_IROS).map((c) => ({
      name: clip(c.iro.external ? t('report.iro.external', { name: c.iro.name }) : c.iro.name),
      fte: c.figures.fte === null ? '—' : fteText(c.figures.fte),
      children: String(c.figures.total),
      perFte: c.figures.perFte === null ? '—' : fteText(c.figures.perFte),
    })),
    caseloadTotals: [
      t('card.count.iros', { count: r.caseload.length }),
      t('card.count.children', { count: iroChildren }),
      t('caseload.totals.fte', { fte: fteText(fte) }),
      ...(fte > 0 ? [t('caseload.totals.per-fte', { perFte: fteText(iroChildren / fte) })] : []),
      ...(r.caseload.length > MAX_REPORT_IROS ? [t('report.caseload.first-shown', { count: MAX_REPORT_IROS })] : []),
    ].join(' · '),
    caseloadEmptyText: t('report.caseload.empty'),
    resolutions: [
      { title: t('report.fact.formal-raised'), value: String(res.formalRaised) },
      { title: t('report.fact.escalated'), value: String(res.escalatedBeyondStage1) },
      { title: t('report.fact.resolved'), value: String(res.resolved) },
      { title: t('report.fact.median'), value: median },
      { title: t('report.fact.referred'), value: String(res.referred) },
      { title: t('report.fact.compliments'), value: String(res.compliments) },
    ],
    resolutionThemes: res.byTheme
      .filter((theme) => theme.count > 0)
      .map((theme) => ({ label: label(theme.theme, '—', t), count: String(theme.count) })),
    excluded,
    ...board,
    labels: reportCardLabels(t),
  };
}

declare module '../cards.js' {
  interface CardTemplates {
    'report': ReportCardData;
  }
}
