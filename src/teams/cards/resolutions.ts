// The data of cards/resolutions.json (/resolutions) and the functions building it. Display-ready values
// (cards.ts says what every card's data must be).
import { meetingNextLabel } from '../presenters/meeting-text.js';
import { readerFrom } from '../presenters/reader-language.js';
import type { ResolutionRow } from '../../app/resolutions.js';
import { formatDate } from '../../domain/dates-format.js';
import { currentStage, stageDef, type Resolution, type StageDef, type StageState } from '../../domain/resolutions/index.js';
import type { IsoDate } from '../../domain/types.js';
import type { ChildDoc } from '../../store/documents.js';
import { childLabel, datesOf, ENGLISH, label, stageLabel } from '../presenters/labels.js';
import type { MessageKey, Translate } from '../i18n/translate.js';

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
  labels: ResolutionsCardLabels;
}

const STATE: Readonly<Record<StageState, MessageKey>> = {
  recorded: 'resolutions.state.recorded',
  'awaiting-acknowledgement': 'resolutions.state.awaiting-acknowledgement',
  acknowledged: 'resolutions.state.acknowledged',
  responded: 'resolutions.state.responded',
  resolved: 'resolutions.state.resolved',
  referred: 'resolutions.state.referred',
  'awaiting-meeting': 'meeting.state.awaiting',
  'meeting-arranged': 'meeting.state.arranged',
};
const NEXT: Readonly<Record<string, MessageKey>> = {
  acknowledge: 'resolutions.next.acknowledge',
  respond: 'resolutions.next.respond',
  'follow-up': 'resolutions.next.follow-up',
};

/** The card's own words (issue 13: the template carries none). */
export interface ResolutionsCardLabels {
  open: string;
}

export function resolutionsCardLabels(t: Translate): ResolutionsCardLabels {
  return { open: t('card.button.open') };
}

export function resolutionsRow(
  row: {
    child: ChildDoc;
    resolution: Resolution;
    state: StageState;
    ageWorkingDays: number;
    next: { kind: string; date: IsoDate } | null;
    overdue: boolean;
  },
  showNames: boolean,
  table: readonly StageDef[],
  t: Translate = ENGLISH,
): ResolutionListRow {
  const r = row.resolution;
  const s = currentStage(r);
  const day = (d: IsoDate) => formatDate(d, datesOf(t));
  const meetingNext = row.next ? meetingNextLabel(readerFrom(t), row.next.kind) : null;
  const next = row.next
    ? meetingNext
      ? `${meetingNext} ${day(row.next.date)}`
      : t(Object.hasOwn(NEXT, row.next.kind) ? NEXT[row.next.kind] : 'resolutions.next.other', { date: day(row.next.date) })
    : r.outcome
      ? t('resolutions.resolved-on', { date: day(r.outcome.on) })
      : r.referral
        ? t('resolutions.referred-on', { date: day(r.referral.on) })
        : t('resolutions.awaiting-iro');
  return {
    title: `${r.id} · ${childLabel(row.child, showNames)}`,
    ref: row.child.ref,
    id: r.id,
    detail: [label(r.theme, '—', t), stageLabel(stageDef(table, s.stage), t), t(STATE[row.state])].join(' · '),
    age: t('resolutions.age', { days: row.ageWorkingDays }),
    next,
    isOverdue: row.overdue,
  };
}

/** /resolutions [open | all] [REF]: one row per resolution. */
export function resolutionsCardData(
  rows: readonly ResolutionRow[],
  filter: { all: boolean; ref?: string },
  showNames: boolean,
  table: readonly StageDef[],
  t: Translate,
): ResolutionsCardData {
  return {
    title: filter.ref ? t('resolutions.title.child', { ref: filter.ref }) : t('resolutions.title'),
    subtitle: [
      t(filter.all ? 'resolutions.filter.all' : 'resolutions.filter.open'),
      t('resolutions.count', { count: rows.length }),
    ].join(' · '),
    rows: rows.map((r) => resolutionsRow(r, showNames, table, t)),
    emptyText: t(filter.all ? 'resolutions.empty.all' : 'resolutions.empty.open'),
    labels: resolutionsCardLabels(t),
  };
}

declare module '../cards.js' {
  interface CardTemplates {
    'resolutions': ResolutionsCardData;
  }
}
