// The Corporate Parenting Board's measures (docs/DOMAIN.md "Board measures", rules BM1–BM3), over the
// reviews held in a report period. Pure: the app hands in the children, the directory's external flag and
// the dates of IRO changes it read from each child's history.
import { compliancePercent, monthsBetween, type ReportPeriod } from './compliance.js';
import { recordDueBy } from './timescales.js';
import type { HeldReview, IsoDate } from './types.js';

/** BM1: written records of the reviews held in one month, against the 14 days. */
export interface RecordsMonth {
  /** "2016-08" */
  month: string;
  held: number;
  /** Distributed on or before day 14. */
  within: number;
  /** Distributed after day 14, or not distributed and past day 14 as at today. */
  late: number;
  /** Not distributed and still within the 14 days as at today: not counted either way. */
  notYetDue: number;
  /** within ÷ (within + late), two decimals; null when nothing was counted. */
  percent: string | null;
}

export interface BoardChild {
  ref: string;
  iroId: string;
  reviews: readonly HeldReview[];
  /** Dates on which the child's IRO was changed (reallocations), from the child's history. */
  iroChangedOn: readonly IsoDate[];
}

export interface ContinuityFigures {
  /** Children with at least one review held in the period. */
  children: number;
  /** Of those, children whose IRO did not change in the period and who had one chair for every review in it. */
  sameIro: number;
  percent: string | null;
}

export interface ExternalUse {
  /** Reviews held in the period. */
  held: number;
  /** Of those, chaired by an IRO flagged external (agency) in the directory. */
  chairedExternally: number;
  percent: string | null;
  /** Children allocated to an external IRO as at today (current caseload only). */
  childrenWithExternalIro: number;
}

export interface BoardMeasures {
  records: RecordsMonth[];
  recordsTotal: Omit<RecordsMonth, 'month'>;
  continuity: ContinuityFigures;
  external: ExternalUse;
}

const inPeriod = (d: IsoDate, p: ReportPeriod): boolean => d >= p.from && d <= p.to;

/** BM1, by month of the held date. */
export function recordsByMonth(children: readonly Pick<BoardChild, 'reviews'>[], period: ReportPeriod, today: IsoDate) {
  const months = new Map(
    monthsBetween(period.from, period.to).map((m) => [m, { held: 0, within: 0, late: 0, notYetDue: 0 }]),
  );
  for (const child of children) {
    for (const r of child.reviews) {
      if (!inPeriod(r.heldOn, period) || r.heldOn > today) continue;
      const row = months.get(r.heldOn.slice(0, 7))!;
      row.held++;
      const limit = recordDueBy(r.heldOn);
      if (r.recordDistributedOn) {
        if (r.recordDistributedOn <= limit) row.within++;
        else row.late++;
      } else if (today > limit) row.late++;
      else row.notYetDue++;
    }
  }
  const withPercent = <T extends { within: number; late: number }>(row: T) => ({
    ...row,
    percent: compliancePercent(row.within, row.within + row.late),
  });
  const rows = [...months].map(([month, c]) => withPercent({ month, ...c }));
  const sum = (k: 'held' | 'within' | 'late' | 'notYetDue') => rows.reduce((n, r) => n + r[k], 0);
  return {
    rows,
    total: withPercent({ held: sum('held'), within: sum('within'), late: sum('late'), notYetDue: sum('notYetDue') }),
  };
}

/**
 * BM2: continuity of IRO. A child counts when a review of theirs was held in the period; their IRO is
 * continuous when no reallocation is dated in the period and every review held in it had the same chair
 * (a review without a recorded chair is taken as chaired by the child's IRO, as RR1 does).
 */
export function continuityOfIro(children: readonly BoardChild[], period: ReportPeriod): ContinuityFigures {
  let counted = 0;
  let same = 0;
  for (const child of children) {
    const held = child.reviews.filter((r) => inPeriod(r.heldOn, period));
    if (held.length === 0) continue;
    counted++;
    const chairs = new Set(held.map((r) => r.chairId || child.iroId));
    const reallocated = child.iroChangedOn.some((d) => inPeriod(d, period));
    if (chairs.size === 1 && !reallocated) same++;
  }
  return { children: counted, sameIro: same, percent: compliancePercent(same, counted) };
}

/** BM3: external (agency) IROs, by the directory's `external` flag on the chair. */
export function externalIroUse(
  children: readonly BoardChild[],
  period: ReportPeriod,
  isExternal: (staffId: string) => boolean,
  currentChildren: readonly Pick<BoardChild, 'iroId'>[],
): ExternalUse {
  let held = 0;
  let external = 0;
  for (const child of children) {
    for (const r of child.reviews) {
      if (!inPeriod(r.heldOn, period)) continue;
      held++;
      if (isExternal(r.chairId || child.iroId)) external++;
    }
  }
  return {
    held,
    chairedExternally: external,
    percent: compliancePercent(external, held),
    childrenWithExternalIro: currentChildren.filter((c) => isExternal(c.iroId)).length,
  };
}
