// The half-yearly compliance report (docs/DOMAIN.md "Compliance report"): reviews counted by the month
// of their due-by date, within = held on or before it, compliance = within ÷ due.
//
// Decisions (docs/DOMAIN.md is silent):
// - Due reviews are every held review (its stored or computed due date, reviewHistory) plus each
//   child's next unheld review (nextReview).
// - An unheld review counts in `due` (and as `outside`) only once its due-by date is before
//   `today`: a review due today can still be held within timescale. Unheld reviews due today or
//   later are reported as `notYetDue` and are in neither `due` nor the percentage, so a report run
//   before the period ends shows the compliance achieved so far rather than a figure dragged down
//   by reviews that cannot yet be late. Rerun after the period, it is the final figure.
// - Only the next unheld review of a child can be counted: later ones have no due date until it
//   is held, so a child missing several reviews counts once.
// - Late reviews not held yet, and late reviews without a reason, fall in 'not-recorded'.
// - A child whose history is invalid is left out and listed in `excluded` with the reason, so one
//   bad record does not stop the report but is never silently dropped.
import { AppError, isAppError } from './errors.js';
import { isIsoDate } from './calendar.js';
import type { WorkingCalendar } from './calendar.js';
import { formatMonth } from './dates-format.js';
import type { TimescalePolicy } from './policies.js';
import { outstandingRecords } from './reminders.js';
import { nextReview, reviewHistory, reviewOverdue } from './timescales.js';
import {
  LATE_REASONS,
  type Child,
  type ChildHistory,
  type IsoDate,
  type LateReason,
  type RuleId,
  type Track,
} from './types.js';

export interface ReportPeriod {
  from: IsoDate;
  to: IsoDate;
}

/** The service's target compliance percentage (docs/DOMAIN.md "Compliance report"; COMPLIANCE_TARGET overrides it). */
export const DEFAULT_COMPLIANCE_TARGET = 98.5;

export interface ComplianceOptions {
  today: IsoDate;
  /** Percentage, default DEFAULT_COMPLIANCE_TARGET. */
  target?: number;
  /** Only these tracks; default all. */
  tracks?: readonly Track[];
}

/**
 * Rule RP1 (docs/DOMAIN.md "Compliance report"): the compliance table is the seed's "CLA Reviews Held Within
 * Timescales": reviews of looked-after children only. Children on a series of short breaks are in the bot only
 * when looked after ("IROs chair the reviews for those children who are looked after"), so their reviews count;
 * IFST family plans ("also reviewed by an IRO") are not looked-after reviews and are reported separately.
 */
export const CLA_TABLE_TRACKS: readonly Track[] = ['cla', 'short-breaks'];
/** Rule RP1: the separate table of IFST family plan reviews. */
export const IFST_TABLE_TRACKS: readonly Track[] = ['ifst'];

export interface UndistributedRecords {
  /** Held reviews whose written record has not been distributed, as at today. */
  outstanding: number;
  /** Of those, the ones past the 14 days (docs/DOMAIN.md "Review records"). */
  overdue: number;
}

/** Rule RP2 (docs/DOMAIN.md "Review records", "Compliance report"): undistributed written records are counted in the report. */
export function undistributedRecords(children: Child[], today: IsoDate): UndistributedRecords {
  const records = outstandingRecords(children, today);
  return { outstanding: records.length, overdue: records.filter((r) => r.overdue).length };
}

export type LateCategory = LateReason | 'not-recorded';
export const LATE_CATEGORIES: readonly LateCategory[] = [...LATE_REASONS, 'not-recorded'];

export interface ComplianceCounts {
  due: number;
  within: number;
  outside: number;
  /** Unheld, due-by date in the month, not yet past (not in `due`). */
  notYetDue: number;
  /** within ÷ due as a percentage with two decimals ("97.28"); null when nothing was due. */
  compliance: string | null;
  meetsTarget: boolean | null;
}

export interface ComplianceMonth extends ComplianceCounts {
  /** 'YYYY-MM' */
  month: string;
  /** 'Aug 2016' */
  label: string;
}

export interface LateReview {
  ref: string;
  /** null when the review has not been held. */
  reviewId: string | null;
  sequence: number;
  rule: RuleId;
  dueBy: IsoDate;
  heldOn: IsoDate | null;
  /** Days after dueBy it was held, or has been outstanding at `today`. */
  daysLate: number;
  reason: LateCategory;
}

export interface ComplianceReport {
  period: ReportPeriod;
  policyId: string;
  today: IsoDate;
  target: number;
  months: ComplianceMonth[];
  totals: ComplianceCounts;
  /** Every category in a fixed order, zeros included. */
  lateByReason: { reason: LateCategory; count: number }[];
  late: LateReview[];
  excluded: { ref: string; problem: string }[];
}

/** within ÷ due × 100 to two decimals, computed from the counts ("97.50"); null when due is 0. */
export function compliancePercent(within: number, due: number): string | null {
  if (due === 0) return null;
  // Integer hundredths of a percent, so 156/160 is exactly "97.50" with no float drift.
  const hundredths = Math.round((within * 10000) / due);
  return `${Math.floor(hundredths / 100)}.${String(hundredths % 100).padStart(2, '0')}`;
}

function counts(due: number, within: number, outside: number, notYetDue: number, target: number): ComplianceCounts {
  return {
    due,
    within,
    outside,
    notYetDue,
    compliance: compliancePercent(within, due),
    meetsTarget: due === 0 ? null : within * 100 >= target * due - 1e-9,
  };
}

/** The months ("2016-04") from `from` to `to`, both included. */
export function monthsBetween(from: IsoDate, to: IsoDate): string[] {
  const out: string[] = [];
  let y = Number(from.slice(0, 4));
  let m = Number(from.slice(5, 7));
  const end = to.slice(0, 7);
  for (;;) {
    const key = `${y}-${String(m).padStart(2, '0')}`;
    if (key > end) return out;
    out.push(key);
    if (++m > 12) {
      m = 1;
      y++;
    }
  }
}

export function complianceReport(
  children: ChildHistory[],
  period: ReportPeriod,
  policy: TimescalePolicy,
  calendar: WorkingCalendar,
  options: ComplianceOptions,
): ComplianceReport {
  const { today, target = DEFAULT_COMPLIANCE_TARGET, tracks } = options;
  if (!isIsoDate(period.from) || !isIsoDate(period.to) || period.from > period.to) {
    throw new AppError(
      'invalid-input',
      `report period must be two dates, from <= to: ${JSON.stringify(period)}`,
      {},
      { key: 'errors.date.report-period', params: { from: String(period.from), to: String(period.to) } },
    );
  }
  if (!isIsoDate(today))
    throw new AppError(
      'invalid-input',
      `today is not a valid date: ${JSON.stringify(today)}`,
      {},
      { key: 'errors.date.no-clock' },
    );
  const keys = monthsBetween(period.from, period.to);
  const tally = new Map(keys.map((k) => [k, { due: 0, within: 0, outside: 0, notYetDue: 0 }]));
  const late: LateReview[] = [];
  const excluded: { ref: string; problem: string }[] = [];
  const inPeriod = (d: IsoDate): boolean => d >= period.from && d <= period.to;

  for (const child of children) {
    if (tracks && !tracks.includes(child.track)) continue;
    let past;
    let next;
    try {
      past = reviewHistory(child, policy, calendar, { today });
      next = nextReview(child, policy, calendar);
    } catch (err) {
      if (!isAppError(err, 'invalid-history')) throw err;
      excluded.push({ ref: String(child?.ref), problem: err.message });
      continue;
    }
    for (const r of past) {
      if (!inPeriod(r.dueBy)) continue;
      const t = tally.get(r.dueBy.slice(0, 7))!;
      t.due++;
      if (r.withinTimescale) t.within++;
      else {
        t.outside++;
        late.push({
          ref: child.ref,
          reviewId: r.id,
          sequence: r.sequence,
          rule: r.rule,
          dueBy: r.dueBy,
          heldOn: r.heldOn,
          daysLate: r.daysLate,
          reason: r.lateReason ?? 'not-recorded',
        });
      }
    }
    if (next && inPeriod(next.dueBy)) {
      const t = tally.get(next.dueBy.slice(0, 7))!;
      if (reviewOverdue(next.dueBy, today)) {
        t.due++;
        t.outside++;
        late.push({
          ref: child.ref,
          reviewId: null,
          sequence: next.sequence,
          rule: next.rule,
          dueBy: next.dueBy,
          heldOn: null,
          daysLate: calendar.diffDays(today, next.dueBy),
          reason: 'not-recorded',
        });
      } else {
        t.notYetDue++;
      }
    }
  }

  const months = keys.map((k) => {
    const t = tally.get(k)!;
    return { month: k, label: formatMonth(k), ...counts(t.due, t.within, t.outside, t.notYetDue, target) };
  });
  const sum = (f: (m: ComplianceMonth) => number): number => months.reduce((a, m) => a + f(m), 0);
  const byReason = new Map<LateCategory, number>(LATE_CATEGORIES.map((c) => [c, 0]));
  for (const l of late) byReason.set(l.reason, (byReason.get(l.reason) ?? 0) + 1);
  late.sort((a, b) => (a.dueBy < b.dueBy ? -1 : a.dueBy > b.dueBy ? 1 : a.ref < b.ref ? -1 : a.ref > b.ref ? 1 : 0));

  return {
    period: { ...period },
    policyId: policy.id,
    today,
    target,
    months,
    totals: counts(
      sum((m) => m.due),
      sum((m) => m.within),
      sum((m) => m.outside),
      sum((m) => m.notYetDue),
      target,
    ),
    lateByReason: LATE_CATEGORIES.map((reason) => ({ reason, count: byReason.get(reason) ?? 0 })),
    late,
    excluded,
  };
}
