// The data of cards/resolutions.json (/resolutions) and the functions building it. Display-ready values
// (cards.ts says what every card's data must be).
import { meetingNextLabel, readerOf } from '../presenters/meeting-text.js';
import type { ResolutionRow } from '../../app/resolutions.js';
import { formatDate } from '../../domain/dates-format.js';
import { currentStage, stageDef, type Resolution, type StageDef, type StageState } from '../../domain/resolutions/index.js';
import type { IsoDate } from '../../domain/types.js';
import type { ChildDoc } from '../../store/documents.js';
import { childLabel, label, plural } from '../presenters/labels.js';

export interface ResolutionListRow {
  /** "C100-RES1 · C100 · D.E." */
  title: string;
  ref: string;
  id: string;
  /** "Care planning · Stage 1 (formal) · Awaiting acknowledgement" */
  detail: string;
  /** "3 working days old" */
  age: string;
  /** "Acknowledge by Wed 2 Sep 2026" or "Resolved Fri 4 Sep 2026" */
  next: string;
  isOverdue: boolean;
}

export interface ResolutionsCardData {
  title: string;
  subtitle: string;
  rows: ResolutionListRow[];
  emptyText: string;
}

export function resolutionsRow(row: { child: ChildDoc; resolution: Resolution; state: StageState; ageWorkingDays: number; next: { kind: string; date: IsoDate } | null; overdue: boolean },
  showNames: boolean, table: readonly StageDef[]): ResolutionListRow {
  const r = row.resolution;
  const s = currentStage(r);
  const rd = readerOf(null);
  const STATE: Record<StageState, string> = {
    recorded: 'Informal', 'awaiting-acknowledgement': 'Awaiting acknowledgement', acknowledged: 'Acknowledged',
    responded: 'Responded', resolved: 'Resolved', referred: 'Referred to Cafcass',
    'awaiting-meeting': rd.t('meeting.state.awaiting'), 'meeting-arranged': rd.t('meeting.state.arranged'),
  };
  const NEXT: Record<string, string> = { acknowledge: 'Acknowledge by', respond: 'Respond by', 'follow-up': 'Follow up by' };
  const next = row.next ? `${meetingNextLabel(rd, row.next.kind) ?? NEXT[row.next.kind] ?? 'By'} ${formatDate(row.next.date)}`
    : r.outcome ? `Resolved ${formatDate(r.outcome.on)}` : r.referral ? `Referred ${formatDate(r.referral.on)}` : 'Awaiting the IRO';
  return {
    title: `${r.id} · ${childLabel(row.child, showNames)}`,
    ref: row.child.ref,
    id: r.id,
    detail: `${label(r.theme)} · ${stageDef(table, s.stage).label} · ${STATE[row.state]}`,
    age: `${plural(row.ageWorkingDays, 'working day')} old`,
    next,
    isOverdue: row.overdue,
  };
}

/** /resolutions [open | all] [REF]: one row per resolution. */
export function resolutionsCardData(rows: readonly ResolutionRow[], filter: { all: boolean; ref?: string }, showNames: boolean,
  table: readonly StageDef[]): ResolutionsCardData {
  return {
    title: filter.ref ? `Resolutions · ${filter.ref}` : 'Resolutions',
    subtitle: `${filter.all ? 'All' : 'Open'} · ${plural(rows.length, 'resolution')}`,
    rows: rows.map((r) => resolutionsRow(r, showNames, table)),
    emptyText: filter.all ? 'No resolutions.' : 'No open resolutions.',
  };
}

declare module '../cards.js' {
  interface CardTemplates {
    'resolutions': ResolutionsCardData;
  }
}
