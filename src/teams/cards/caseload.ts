// The data of cards/caseload.json (/caseload and the pages of its team view) and the functions building and
// rendering it. Display-ready values (cards.ts says what every card's data must be).
import { showCaseload, CASELOAD_LOOKAHEAD_DAYS, type CaseloadResult, type IroLoad } from '../../app/show-caseload.js';
import type { ScopeRequest } from '../../app/scope.js';
import { CASELOAD_BAND, type BandStatus } from '../../domain/caseload.js';
import { formatDate } from '../../domain/dates-format.js';
import type { CardCount, ChartPoint, PagerData } from '../card-parts.js';
import { renderCard, type AdaptiveCardJson } from '../cards.js';
import type { ListViewer } from '../presenters/common.js';
import { label } from '../presenters/labels.js';
import { dateLocale, type Language, type MessageKey, type Translate } from '../i18n/translate.js';
import { clip, pageOf, pager } from '../presenters/paging.js';

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

/** The card's own words (issue 13: the template carries none). */
export interface CaseloadCardLabels {
  children: string;
  fte: string;
  perFte: string;
  /** "Reviews due in the next 30 days" */
  dueSoon: string;
  none: string;
  byTrack: string;
  byLegalStatus: string;
  iro: string;
  band: string;
}

export type CaseloadCardData = (CaseloadIroCardData | CaseloadTeamCardData) & { labels: CaseloadCardLabels };

export function caseloadCardLabels(t: Translate): CaseloadCardLabels {
  return {
    children: t('caseload.label.children'),
    fte: t('caseload.label.fte'),
    perFte: t('caseload.label.per-fte'),
    dueSoon: t('caseload.label.due-soon', { days: CASELOAD_LOOKAHEAD_DAYS }),
    none: t('card.none'),
    byTrack: t('caseload.label.by-track'),
    byLegalStatus: t('caseload.label.by-legal-status'),
    iro: t('caseload.label.iro'),
    band: t('caseload.label.band'),
  };
}

/** `/caseload` and the pages of its team view (20 IROs a page; the totals count every IRO). */
export async function caseloadCard(viewer: ListViewer, scope: ScopeRequest, page: number): Promise<AdaptiveCardJson> {
  return renderCard(
    'caseload',
    caseloadCardData(await showCaseload(viewer.deps, viewer.actor, scope), page, viewer.t, viewer.language),
  );
}

export function caseloadCardData(result: CaseloadResult, page: number, t: Translate, language: Language): CaseloadCardData {
  const asAt = t('card.as-at', { date: formatDate(result.today, dateLocale(language)) });
  const band = t('caseload.band', { low: CASELOAD_BAND.low, high: CASELOAD_BAND.high });
  const labels = caseloadCardLabels(t);
  if (result.view === 'iro') {
    const { iro, figures, dueNext30Days } = result.caseload;
    return {
      view: 'iro',
      title: t('caseload.title.iro', { name: clip(iro.name) }),
      subtitle: asAt,
      children: String(figures.total),
      fte: figures.fte === null ? t('caseload.fte-not-recorded') : figures.fte.toFixed(1),
      perFte: figures.perFte === null ? '—' : figures.perFte.toFixed(1),
      band,
      bandState: bandState(figures.band),
      bandStatus: t(BAND_STATUS[figures.band]),
      byTrack: counts(figures.byTrack, t),
      byLegalStatus: counts(figures.byLegalStatus, t),
      dueNext30Days: String(dueNext30Days),
      cover: [
        ...(result.caseload.cover.covering ? [t('events.caseload.covering', { count: result.caseload.cover.covering })] : []),
        ...(result.caseload.cover.coveredByOthers
          ? [t('events.caseload.covered', { count: result.caseload.cover.coveredByOthers })]
          : []),
      ].join(' '),
      pagerText: '', pagerButtons: [],
      labels,
    };
  }
  const onPage = pageOf(result.iros, page, '/caseload');
  const rows = onPage.map((c) => teamRow(c, t));
  const children = result.iros.reduce((n, c) => n + c.figures.total, 0);
  const fte = result.iros.reduce((n, c) => n + (c.figures.fte ?? 0), 0);
  return {
    view: 'team',
    title: t('caseload.title.team'),
    subtitle: [asAt, t('caseload.team.due-soon', {
      days: CASELOAD_LOOKAHEAD_DAYS, count: result.iros.reduce((n, c) => n + c.dueNext30Days, 0),
    })].join(' · '),
    iros: rows,
    totals: [
      t('card.count.iros', { count: result.iros.length }),
      t('card.count.children', { count: children }),
      t('caseload.totals.fte', { fte: fte.toFixed(1) }),
      ...(fte > 0 ? [t('caseload.totals.per-fte', { perFte: (children / fte).toFixed(1) })] : []),
    ].join(' · '),
    band,
    chartTitle: t('caseload.chart-title'),
    chart: onPage.map((c) => ({ x: clip(c.iro.name, 40), y: c.figures.total })),
    emptyText: t('caseload.empty'),
    cover: teamCover(result.iros, t),
    labels,
    ...pager({ list: 'caseload', scope: 'team', window: '' }, page, result.iros.length, (n) => t('card.count.iros', { count: n }), t),
  };
}

function teamCover(iros: readonly IroLoad[], t: Translate): string {
  const covering = iros.filter((c) => c.cover.covering > 0);
  if (!covering.length) return '';
  const list = covering
    .slice(0, 20)
    .map((c) => t('events.caseload.team-cover-item', { name: clip(c.iro.name), count: c.cover.covering }))
    .join('; ');
  return t('events.caseload.team-cover', { list });
}

function teamRow(c: IroLoad, t: Translate): CaseloadIroRow {
  return {
    name: clip(c.iro.name),
    fte: c.figures.fte === null ? '—' : c.figures.fte.toFixed(1),
    children: String(c.figures.total),
    perFte: c.figures.perFte === null ? '—' : c.figures.perFte.toFixed(1),
    bandState: bandState(c.figures.band),
    bandStatus: t(BAND_STATUS[c.figures.band]),
    bandWord: t(BAND_WORD[c.figures.band]),
    external: c.iro.external ? t('caseload.external') : '',
  };
}

function bandState(b: BandStatus): BandState {
  return b === 'no-fte' ? 'within' : b;
}

const BAND_STATUS: Readonly<Record<BandStatus, MessageKey>> = {
  below: 'caseload.band.below',
  within: 'caseload.band.within',
  above: 'caseload.band.above',
  'no-fte': 'caseload.band.no-fte',
};
const BAND_WORD: Readonly<Record<BandStatus, MessageKey>> = {
  below: 'caseload.word.below',
  within: 'caseload.word.within',
  above: 'caseload.word.above',
  'no-fte': 'caseload.word.no-fte',
};

function counts(record: Record<string, number>, t: Translate): CardCount[] {
  return Object.entries(record)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([code, n]) => ({ label: label(code, '—', t), count: String(n) }));
}

declare module '../cards.js' {
  interface CardTemplates {
    'caseload': CaseloadCardData;
  }
}
