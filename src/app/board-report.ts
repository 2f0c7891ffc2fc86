// The Corporate Parenting Board's measures for /report and its export (docs/DOMAIN.md "Board measures",
// BM1–BM3, and "Participation", PC4): computed from the children as stored, over the report's period.
import { todayIn } from '../domain/calendar.js';
import { continuityOfIro, externalIroUse, recordsByMonth, type BoardMeasures } from '../domain/board-measures.js';
import type { ReportPeriod } from '../domain/compliance.js';
import { participationFigures, type ParticipationFigures } from '../domain/participation.js';
import type { IsoDate } from '../domain/types.js';
import type { ChildDoc, HistoryEntry, StaffDoc } from '../store/documents.js';

export interface BoardReport extends BoardMeasures {
  participation: ParticipationFigures;
}

/**
 * The dates on which a child's IRO was changed, in the service's zone: a reallocation from Teams, or an import that
 * brought a different IRO from the case system (dated the day the bot learned of it: the file does not say when).
 */
export function iroChangeDates(child: Pick<ChildDoc, 'history'>, tzName: string): IsoDate[] {
  return child.history.filter(changedIro).map((h) => todayIn(new Date(h.at), tzName));
}

function changedIro(h: HistoryEntry): boolean {
  if (h.action === 'reallocate') return true;
  if (h.action !== 'import') return false;
  const iroOf = (v: unknown) => (typeof v === 'object' && v !== null ? (v as { iroId?: unknown }).iroId : undefined);
  const [was, now] = [iroOf(h.before), iroOf(h.after)];
  return typeof was === 'string' && typeof now === 'string' && was !== now;
}

export function boardReport(
  children: readonly ChildDoc[],
  current: readonly ChildDoc[],
  staff: readonly StaffDoc[],
  period: ReportPeriod,
  today: IsoDate,
  tzName: string,
): BoardReport {
  const external = new Set(staff.filter((s) => s.external).map((s) => s._id));
  const board = children.map((c) => ({
    ref: c.ref,
    iroId: c.iroId,
    reviews: c.reviews,
    iroChangedOn: iroChangeDates(c, tzName),
  }));
  const records = recordsByMonth(board, period, today);
  return {
    records: records.rows,
    recordsTotal: records.total,
    continuity: continuityOfIro(board, period),
    external: externalIroUse(board, period, (id) => external.has(id), current),
    participation: participationFigures(
      children.flatMap((c) => c.reviews),
      period,
    ),
  };
}
