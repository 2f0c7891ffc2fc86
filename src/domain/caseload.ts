// Caseload figures (/caseload): counts per track and legal status, and the per-FTE load against the
// Welsh range of 70–120 children per full-time IRO (docs/DOMAIN.md "People and roles").
import type { Child } from './types.js';

export const CASELOAD_BAND = { low: 70, high: 120 } as const;

export type BandStatus = 'below' | 'within' | 'above' | 'no-fte';

export interface CaseloadFigures {
  total: number;
  byTrack: Record<string, number>;
  byLegalStatus: Record<string, number>;
  fte: number | null;
  perFte: number | null;
  band: BandStatus;
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

export function caseloadFigures(children: Child[], fte: number | null | undefined): CaseloadFigures {
  const total = children.length;
  const f = fte && fte > 0 ? fte : null;
  const perFte = f === null ? null : Math.round((total / f) * 10) / 10;
  return {
    total,
    byTrack: countBy(children, (c) => c.track),
    byLegalStatus: countBy(children, (c) => c.legalStatus ?? 'not recorded'),
    fte: f,
    perFte,
    band: bandOf(perFte),
  };
}
