import { showCaseload, CASELOAD_LOOKAHEAD_DAYS, type IroCaseload } from '../../app/show-caseload.js';
import { AppError } from '../../domain/errors.js';
import { CASELOAD_BAND, type BandStatus } from '../../domain/caseload.js';
import { formatDate } from '../../domain/dates-format.js';
import { renderCard, type AdaptiveCardJson } from '../cards.js';
import type { ScopeRequest } from '../../app/scope.js';
import type { ListViewer } from '../presenters/common.js';
import { clip, count, pageOf, pager } from '../presenters/paging.js';
import { label, plural } from '../presenters/labels.js';
import type { CardCount } from '../card-parts.js';
import type { BandState, CaseloadIroRow } from '../cards/caseload.js';
import type { CommandSpec } from './command-context.js';
import { takeScope } from './scope-args.js';
import { REVIEWING_ROLES } from '../../domain/access.js';
import { ANY_CONVERSATION } from './command-spec.js';

const EXAMPLE = '/caseload';
const BAND_TEXT = `Wales band: ${CASELOAD_BAND.low}–${CASELOAD_BAND.high} children per FTE`;

export const caseloadCommand: CommandSpec = {
  name: 'caseload',
  usage: '/caseload [@person | team]',
  description: 'Children per IRO by track and legal status, reviews in the next 30 days, and load per FTE against 70–120',
  example: EXAMPLE,
  roles: REVIEWING_ROLES,
  inCommandList: true,
  scopes: ANY_CONVERSATION,
  async run(ctx) {
    // "/caseload @Megan" and "/caseload for megan@council.example" both name a person.
    const args = ctx.args && !/^(for|team)\b/i.test(ctx.args) ? `for ${ctx.args}` : ctx.args;
    const { rest, scope } = await takeScope(args, ctx, EXAMPLE);
    if (rest) {
      throw new AppError('invalid-input', `I can't read "${rest.slice(0, 60)}" here: /caseload takes nothing (your own), "team" (the whole service), `
        + 'or a person (an @mention, an e-mail address or a staff id)', { example: '/caseload team' });
    }
    return caseloadCard(ctx, scope, 0);
  },
};

/** `/caseload` and the pages of its team view (20 IROs a page; the totals count every IRO). */
export async function caseloadCard(viewer: ListViewer, scope: ScopeRequest, page: number): Promise<AdaptiveCardJson> {
  const result = await showCaseload(viewer.deps, viewer.actor, scope);
  const asAt = `As at ${formatDate(result.today)}`;
  if (result.view === 'iro') {
    const { iro, figures, dueNext30Days } = result.caseload;
    return renderCard('caseload', {
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
      pagerText: '', pagerButtons: [],
    });
  }
  const onPage = pageOf(result.iros, page, EXAMPLE);
  const rows = onPage.map(teamRow);
  const children = result.iros.reduce((n, c) => n + c.figures.total, 0);
  const fte = result.iros.reduce((n, c) => n + (c.figures.fte ?? 0), 0);
  return renderCard('caseload', {
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
    ...pager({ list: 'caseload', scope: 'team', window: '' }, page, result.iros.length, (n) => `${count(n)} IROs`),
  });
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
