// The caseload an allocation is weighed by (issue 14): children currently open on their track, per FTE.
// "Currently open" is the one rule in caseload.ts (a child who has left care is not workload).
import { currentCaseload } from './caseload.js';
import type { ChildHistory, IsoDate } from './types.js';

export interface CurrentLoad {
  children: number;
  fte: number | null;
  perFte: number | null;
}

export function currentLoad(
  children: readonly ChildHistory[],
  fte: number | null | undefined,
  today: IsoDate,
): CurrentLoad {
  const current = currentCaseload(children, today).length;
  const f = fte && fte > 0 ? fte : null;
  return { children: current, fte: f, perFte: f === null ? null : Math.round((current / f) * 10) / 10 };
}
