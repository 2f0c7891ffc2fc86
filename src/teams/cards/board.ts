// The data of cards/board.json (`/report board [period]`, issue 15): the Corporate Parenting Board's measures
// (docs/DOMAIN.md "Board measures" BM1–BM3, "Participation" PC4). Its own card, as the compliance card is
// already near Teams' 80 KB at its largest. Every word from the catalogue, every percentage from the counts.
import type { ComplianceReportResult } from '../../app/compliance-report.js';
import type { BoardReport } from '../../app/board-report.js';
import { formatDate } from '../../domain/dates-format.js';
import { formatMonth } from '../../domain/dates-format.js';
import type { ParticipationItem } from '../../domain/participation.js';
import type { CardFact } from '../card-parts.js';
import { dateLocale, type Language, type Translate } from '../i18n/translate.js';

export interface BoardRecordsRow {
  label: string;
  held: string;
  within: string;
  late: string;
  pending: string;
  percent: string;
}

export interface BoardCardData {
  heading: string;
  /** The period and the day the figures are as at. */
  subtitle: string;
  recordsHeading: string;
  /** The table's header row, as a row. */
  columns: BoardRecordsRow;
  /** One row per month of the period, then the period's total. */
  records: BoardRecordsRow[];
  participationHeading: string;
  participation: CardFact[];
  measures: CardFact[];
  exportHint: string;
}

export const itemLabel = (t: Translate, item: ParticipationItem): string => t(`participation.item.${item}`);

function percentText(t: Translate, p: string | null): string {
  return p === null ? t('board.none') : `${p}%`;
}

export function boardCardData(r: ComplianceReportResult, t: Translate, language: Language): BoardCardData {
  const b: BoardReport = r.board;
  const of = (part: number, whole: number, p: string | null) =>
    whole === 0 ? t('board.none') : t('board.of', { part, whole, percent: percentText(t, p) });
  const row = (label: string, r: BoardReport['recordsTotal']): BoardRecordsRow => ({
    label,
    held: String(r.held),
    within: String(r.within),
    late: String(r.late),
    pending: String(r.notYetDue),
    percent: percentText(t, r.percent),
  });
  const p = b.participation;
  return {
    heading: t('board.heading'),
    subtitle: `${r.period.label} · ${t('export.as-at')} ${formatDate(r.today, dateLocale(language))}`,
    recordsHeading: t('board.records.heading'),
    columns: {
      label: t('board.col.month'),
      held: t('board.col.held'),
      within: t('board.col.within'),
      late: t('board.col.late'),
      pending: t('board.col.pending'),
      percent: t('board.col.percent'),
    },
    records: [
      ...b.records.map((m) => row(formatMonth(m.month, 'short', dateLocale(language)), m)),
      row(t('board.total'), b.recordsTotal),
    ],
    participationHeading: t('board.participation.heading'),
    participation: [
      { title: t('board.participation.complete'), value: of(p.complete, p.held, p.completePercent) },
      ...p.items.map((i) => ({
        title: itemLabel(t, i.item),
        value: t('board.participation.item', {
          done: i.done,
          na: i.notApplicable,
          notDone: i.notDone,
          missing: i.notRecorded,
        }),
      })),
    ],
    measures: [
      { title: t('board.continuity'), value: of(b.continuity.sameIro, b.continuity.children, b.continuity.percent) },
      {
        title: t('board.external.reviews'),
        value: of(b.external.chairedExternally, b.external.held, b.external.percent),
      },
      { title: t('board.external.children'), value: String(b.external.childrenWithExternalIro) },
    ],
    exportHint: t('board.export-hint'),
  };
}

declare module '../cards.js' {
  interface CardTemplates {
    'board': BoardCardData;
  }
}

/** The board's headline figures for the /report card (its full table is /report board: the compliance card is near 80 KB). */
export function boardHeadlineFacts(b: BoardReport, t: Translate): CardFact[] {
  const of = (part: number, whole: number, p: string | null) =>
    whole === 0 ? t('board.none') : t('board.of', { part, whole, percent: percentText(t, p) });
  const r = b.recordsTotal;
  return [
    { title: t('board.records.short'), value: of(r.within, r.within + r.late, r.percent) },
    {
      title: t('board.participation.complete'),
      value: of(b.participation.complete, b.participation.held, b.participation.completePercent),
    },
    { title: t('board.continuity'), value: of(b.continuity.sameIro, b.continuity.children, b.continuity.percent) },
    { title: t('board.external.reviews'), value: of(b.external.chairedExternally, b.external.held, b.external.percent) },
  ];
}
