// Caseload figures (/caseload): counts per track and legal status, and the per-FTE load against the
// Welsh range of 70–120 children per full-time IRO (docs/DOMAIN.md "People and roles").
import { START_EVENT } from './review-history.js';
import type { ChildHistory, Child, IsoDate } from './types.js';

export const CASELOAD_BAND = { low: 70, high: 120 } as const;

export type BandStatus = 'below' | 'within' | 'above' | 'no-fte';

/** How many children, against the IRO's FTE and the band: what a row of the team view shows. */
export interface CaseloadLoad {
  total: number;
  fte: number | null;
  perFte: number | null;
  band: BandStatus;
}

export interface CaseloadFigures extends CaseloadLoad {
  byTrack: Record<string, number>;
  byLegalStatus: Record<string, number>;
}

function countBy(children: Child[], key: (c: Child) => string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const c of children) counts[key(c)] = (counts[key(c)] ?? 0) + 1;
  return counts;
}

export function bandOf(perFte: number | null): BandStatus {
  if (perFte === null) return 'no-fte';
  if (perFte < CASELOAD_BAND.low) return 'below';
  return perFte > CASELOAD_BAND.high ? 'above' : 'within';
}

const STARTS: ReadonlySet<string> = new Set(Object.values(START_EVENT));

/**
 * Rule CL1 (docs/DOMAIN.md "Compliance report"): a child is on an IRO's current caseload when, as at `today`, their
 * latest start on their track (became looked after, short breaks started, IFST intensive phase started) has
 * no `ceased-looked-after` after it. Events on the same day count in their stored order, as the engine does.
 */
export function isCurrentlyOpen(child: ChildHistory, today: IsoDate): boolean {
  let open = false;
  const past = child.events
    .filter((e) => e.date <= today)
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  for (const e of past) {
    if (STARTS.has(e.type)) open = true;
    else if (e.type === 'ceased-looked-after') open = false;
  }
  return open;
}

/**
 * What rule CL1 says once every recorded event has happened, and the date of the last event: stored with the
 * child (issue 12) so the caseload counts are index queries. For any `today` on or after `lastEventOn` it is
 * exactly isCurrentlyOpen(child, today); a child with a later event is worked out as at today.
 */
export function caseloadStanding(child: ChildHistory): { open: boolean; lastEventOn: IsoDate | null } {
  let last: IsoDate | null = null;
  for (const e of child.events) if (last === null || e.date > last) last = e.date;
  return { open: last !== null && isCurrentlyOpen(child, last), lastEventOn: last };
}

/** Children who have left care (or whose plan has ended) are not workload: only the open ones are counted. */
export function currentCaseload<C extends ChildHistory>(children: readonly C[], today: IsoDate): C[] {
  return children.filter((c) => isCurrentlyOpen(c, today));
}

export function caseloadLoad(total: number, fte: number | null | undefined): CaseloadLoad {
  const f = fte && fte > 0 ? fte : null;
  const perFte = f === null ? null : Math.round((total / f) * 10) / 10;
  return { total, fte: f, perFte, band: bandOf(perFte) };
}

export function caseloadFigures(children: Child[], fte: number | null | undefined): CaseloadFigures {
  const { total, fte: f, perFte, band } = caseloadLoad(children.length, fte);
  return {
    total,
    byTrack: countBy(children, (c) => c.track),
    byLegalStatus: countBy(children, (c) => c.legalStatus ?? 'not recorded'),
    fte: f,
    perFte,
    band,
  };
}
