// The caseload an allocation is weighed by (issue 14): children currently looked after per FTE. A child
// whose latest event is `ceased-looked-after` has left care and is not current workload (seed report).
import type { Child } from './types.js';

export interface CurrentLoad {
  children: number;
  fte: number | null;
  perFte: number | null;
}

export function currentCaseload(
  children: readonly Pick<Child, 'events'>[],
  fte: number | null | undefined,
): CurrentLoad {
  const current = children.filter((c) => {
    const latest = [...c.events].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0)).at(-1);
    return latest?.type !== 'ceased-looked-after';
  }).length;
  const f = fte && fte > 0 ? fte : null;
  return { children: current, fte: f, perFte: f === null ? null : Math.round((current / f) * 10) / 10 };
}
