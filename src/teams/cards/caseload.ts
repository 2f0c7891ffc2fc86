// The data of cards/caseload.json (/caseload and the pages of its team view) and the functions building and
// rendering it. Display-ready values (cards.ts says what every card's data must be).
import { showCaseload, CASELOAD_LOOKAHEAD_DAYS, type CaseloadResult, type IroCaseload } from '../../app/show-caseload.js';
import type { ScopeRequest } from '../../app/scope.js';
import { CASELOAD_BAND, type BandStatus } from '../../domain/caseload.js';
import { formatDate } from '../../domain/dates-format.js';
import type { CardCount, ChartPoint, PagerData } from '../card-parts.js';
import { renderCard, type AdaptiveCardJson } from '../cards.js';
import type { ListViewer } from '../presenters/common.js';
import { label, plural } from '../presenters/labels.js';
import { clip, count, pageOf, pager } from '../presenters/paging.js';
import { translator, type Translate } from '../i18n/translate.js';

/** Where a per-FTE figure sits against the band (Wales 70–120). */
export type BandState = 'below' | 'within' | 'above';

export interface CaseloadIroCardData extends PagerData {
  view: 'iro';
  /** "Caseload: Alex Wilber" */
  title: string;
  /** "As at Mon 23 Nov 2026" */
  subtitle: string;
  /** Total children, e.g. "84". */
  children: string;
  /** "1.0" */
  fte: string;
  /** "84.0" */
  perFte: string;
  /** "Wales band: 70–120 children per FTE" */
  band: string;
  bandState: BandState;
  /** Status word, e.g. "Within band". */
  bandStatus: string;
  byTrack: CardCount[];
  byLegalStatus: CardCount[];
  /** Reviews due in the next 30 days, e.g. "12". */
  dueNext30Days: string;
  /** Cover in force (issue 14): "Covering 2 reviews for an absent IRO."; '' for none. */
  cover: string;
}

export interface CaseloadIroRow {
  name: string;
  fte: string;
  children: string;
  perFte: string;
  bandState: BandState;
  bandStatus: string;
  /** One word for the narrow table column: "Within", "Above", "Below", "No FTE". */
  bandWord: string;
  /** "External" or ''. */
  external: string;
}

export interface CaseloadTeamCardData extends PagerData {
  view: 'team';
  /** "Caseload: reviewing service" */
  title: string;
  subtitle: string;
  iros: CaseloadIroRow[];
  /** "5 IROs · 412 children · 4.6 FTE · 89.6 per FTE" */
  totals: string;
  band: string;
  /** "Children per IRO" */
  chartTitle: string;
  /** Chart.HorizontalBar data for this page's IROs (Teams only; the card also carries a text fallback and the table). */
  chart: ChartPoint[];
  /** Shown instead of the table when there are no IROs. */
  emptyText: string;
  /** Cover in force (issue 14): "Cover in force: Nia Roberts covers 2."; '' for none. */
  cover: string;
}

export type CaseloadCardData = CaseloadIroCardData | CaseloadTeamCardData;

const BAND_TEXT = `Wales band: ${CASELOAD_BAND.low}–${CASELOAD_BAND.high} children per FTE`;

/** `/caseload` and the pages of its team view (20 IROs a page; the totals count every IRO). */
export async function caseloadCard(viewer: ListViewer, scope: ScopeRequest, page: number): Promise<AdaptiveCardJson> {
  return renderCard(
    'caseload',
    caseloadCardData(await showCaseload(viewer.deps, viewer.actor, scope), page, viewer.t ?? translator('en')),
  );
}

export function caseloadCardData(
  result: CaseloadResult,
  page: number,
  t: Translate = translator('en'),
): CaseloadCardData {
  const asAt = `As at ${formatDate(result.today)}`;
  if (result.view === 'iro') {
    const { iro, figures, dueNext30Days } = result.caseload;
    return {
      view: 'iro',
      title: `Caseload: ${clip(iro.name)}`,
      subtitle: asAt,
      children: String(figures.total),
      fte: figures.fte === null ? 'not recorded' : figures.fte.toFixed(1),
      perFte: figures.perFte === null ? '—' : figures.perFte.toFixed(1),
      band: BAND_TEXT,
      bandState: bandState(figures.band),
      bandStatus: bandStatus(figures.band),
      byTrack: counts(figures.byTrack),
      byLegalStatus: counts(figures.byLegalStatus),
      dueNext30Days: String(dueNext30Days),
      cover: [
        ...(result.caseload.cover.covering ? [t('events.caseload.covering', { count: result.caseload.cover.covering })] : []),
        ...(result.caseload.cover.coveredByOthers
          ? [t('events.caseload.covered', { count: result.caseload.cover.coveredByOthers })]
          : []),
      ].join(' '),
      pagerText: '', pagerButtons: [],
    };
  }
  const onPage = pageOf(result.iros, page, '/caseload');
  const rows = onPage.map(teamRow);
  const children = result.iros.reduce((n, c) => n + c.figures.total, 0);
  const fte = result.iros.reduce((n, c) => n + (c.figures.fte ?? 0), 0);
  return {
    view: 'team',
    title: 'Caseload: reviewing service',
    subtitle: `${asAt} · reviews due in the next ${CASELOAD_LOOKAHEAD_DAYS} days: ${result.iros.reduce((n, c) => n + c.dueNext30Days, 0)}`,
    iros: rows,
    totals: `${plural(result.iros.length, 'IRO')} · ${children} ${children === 1 ? 'child' : 'children'} · ${fte.toFixed(1)} FTE`
      + (fte > 0 ? ` · ${(children / fte).toFixed(1)} per FTE` : ''),
    band: BAND_TEXT,
    chartTitle: 'Children per IRO',
    chart: onPage.map((c) => ({ x: clip(c.iro.name, 40), y: c.figures.total })),
    emptyText: 'No IROs are registered yet.',
    cover: teamCover(result.iros, t),
    ...pager({ list: 'caseload', scope: 'team', window: '' }, page, result.iros.length, (n) => `${count(n)} IROs`),
  };
}

function teamCover(iros: readonly IroCaseload[], t: Translate): string {
  const covering = iros.filter((c) => c.cover.covering > 0);
  if (!covering.length) return '';
  const list = covering
    .slice(0, 20)
    .map((c) => t('events.caseload.team-cover-item', { name: clip(c.iro.name), count: c.cover.covering }))
    .join('; ');
  return t('events.caseload.team-cover', { list });
}

function teamRow(c: IroCaseload): CaseloadIroRow {
  return {
    name: clip(c.iro.name),
    fte: c.figures.fte === null ? '—' : c.figures.fte.toFixed(1),
    children: String(c.figures.total),
    perFte: c.figures.perFte === null ? '—' : c.figures.perFte.toFixed(1),
    bandState: bandState(c.figures.band),
    bandStatus: bandStatus(c.figures.band),
    bandWord: { below: 'Below', within: 'Within', above: 'Above', 'no-fte': 'No FTE' }[c.figures.band],
    external: c.iro.external ? 'External' : '',
  };
}

function bandState(b: BandStatus): BandState {
  return b === 'no-fte' ? 'within' : b;
}

function bandStatus(b: BandStatus): string {
  return { below: 'Below band', within: 'Within band', above: 'Above band', 'no-fte': 'No FTE recorded' }[b];
}

function counts(record: Record<string, number>): CardCount[] {
  return Object.entries(record)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([code, n]) => ({ label: label(code), count: String(n) }));
}

declare module '../cards.js' {
  interface CardTemplates {
    'caseload': CaseloadCardData;
  }
}
