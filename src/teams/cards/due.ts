// The data of cards/due.json (/due and its pages) and the functions building and rendering it. Display-ready
// values (cards.ts says what every card's data must be).
import type { PageButton, PagerData } from '../card-parts.js';
import { listDuePage, type DuePage } from '../../app/due-page.js';
import type { ScopeRequest } from '../../app/scope.js';
import { formatDate } from '../../domain/dates-format.js';
import { dateLocale, type MessageKey, type Translate } from '../i18n/translate.js';
import type { DueWindow } from '../../domain/due-window.js';
import { coverNotOver } from '../../domain/cover.js';
import { daysOverdue, type ReviewStatus } from '../../domain/review-status.js';
import type { ChildDoc } from '../../store/documents.js';
import { renderCard, type AdaptiveCardJson } from '../cards.js';
import { scopeLabel, staffNames, type ListViewer } from '../presenters/common.js';
import { bookingText, childLabel, overdueText } from '../presenters/labels.js';
import { explanationFor } from '../presenters/due-reason.js';
import { clip, PAGE_SIZE, pageOf, pager, scopeCursor } from '../presenters/paging.js';

export interface DueRow {
  /** Case ref + initials ("C1001 · D.E."), or the full name where allowed: the caller decides. */
  child: string;
  /** "Tue 24 Nov 2026" */
  dueBy: string;
  /** "Due by Tue 24 Nov 2026" */
  dueByText: string;
  /** Rule id, e.g. "W39.2". */
  rule: string;
  /** Short explanation, e.g. "3 months after the first review". */
  ruleText: string;
  /** "Booked Wed 25 Nov 10:00" or "Not booked". */
  booking: string;
  booked: boolean;
  isOverdue: boolean;
  /** "3 days overdue"; '' when not overdue. */
  overdueText: string;
  /** IRO name for team/for-PERSON scopes; '' hides it. */
  iro: string;
  /** Case ref for the row's Book button (unbooked rows); absent or '' hides the button. */
  bookRef?: string;
  /** CV1: "Covering for Alex Wilber, …" on a review this person covers, "Covered by …" on one covered; '' hides. */
  cover?: string;
}


/** One IRO in the team view of /due: counts and a button for that IRO's own list. */
export interface DueSummaryRow {
  iro: string;
  /** "3 overdue · 12 due · 5 not booked" */
  counts: string;
  /** Any overdue: the counts show in the attention colour. */
  isOverdue: boolean;
  buttons: PageButton[];
}

export interface DueCardData extends PagerData {
  /** "Reviews due this week" */
  title: string;
  /** "Mon 23 Nov – Sun 29 Nov 2026 · your children" */
  subtitle: string;
  /** Overdue section (relative windows); [] hides the section. Only this page's rows. */
  overdue: DueRow[];
  /** All overdue rows, on every page, e.g. "35". */
  overdueCount: string;
  /** Heading of the window section, e.g. "Due this week". */
  dueHeading: string;
  due: DueRow[];
  /** All rows due in the window, on every page. */
  dueCount: string;
  /** Team view of a long list: "Team view: 1,203 reviews due this week across 108 IROs"; '' hides. */
  summaryText: string;
  /** One row per IRO (this page), most overdue first; [] hides. */
  summary: DueSummaryRow[];
  /** Shown when both lists are empty, e.g. "No reviews due this week." */
  emptyText: string;
  /** A note under the list (cases whose history cannot be read); '' hides it. The policy line is only in /help and /case. */
  footnote: string;
  labels: DueCardLabels;
}

const EXAMPLE = '/due this week';

/** The card's own words (issue 13: the template carries none). */
export interface DueCardLabels {
  /** "Overdue" */
  overdue: string;
  /** "IRO", before a name in team views. */
  iro: string;
  /** The Book button. */
  book: string;
}

export function dueCardLabels(t: Translate): DueCardLabels {
  return { overdue: t('due.heading.overdue'), iro: t('due.label.iro'), book: t('card.button.book') };
}

/** The window as the reader says it: "this week" / "yr wythnos hon"; the cursor keeps the parser's label. */
export function windowWords(window: DueWindow, t: Translate): string {
  const fixed: Readonly<Record<string, MessageKey>> = {
    'this week': 'due.window.this-week',
    'next week': 'due.window.next-week',
    today: 'due.window.today',
    tomorrow: 'due.window.tomorrow',
  };
  if (Object.hasOwn(fixed, window.label)) return t(fixed[window.label]);
  const days = /^next (\d+) days?$/.exec(window.label);
  return days ? t('due.window.next-days', { days: Number(days[1]) }) : window.label;
}

/**
 * `/due` and its pages. Up to 20 rows: the list as it always was (overdue first, then by due date).
 * Longer: 20 rows a page with Previous/Next; the whole service's list is summarised per IRO (most
 * overdue first, 20 IROs a page), each with a button for that IRO's own list.
 */
export async function dueCard(viewer: ListViewer, window: DueWindow, scope: ScopeRequest, page: number): Promise<AdaptiveCardJson> {
  const result = await listDuePage(viewer.deps, viewer.actor, window, scope, { page, pageSize: PAGE_SIZE, example: EXAMPLE });
  return renderCard('due', await dueCardData(viewer, result, page));
}

export async function dueCardData(viewer: ListViewer, result: DuePage, page: number): Promise<DueCardData> {
  const { t } = viewer;
  const dates = dateLocale(viewer.language);
  const { window, overdueCount, dueCount } = result;
  const total = overdueCount + dueCount;
  const team = result.scope.kind === 'team';
  const covered = [...result.overdue, ...result.due].some((s) => coverNotOver(s.child.cover, result.today));
  const names = team || covered ? await staffNames(viewer.deps) : null;
  const nameOf = (id: string) => clip(names?.get(id) ?? id);
  const relative = window.kind !== 'explicit';
  const windowText = window.kind === 'overdue' ? t('due.window.before-today')
    : window.from === window.to ? formatDate(window.from, dates)
      : `${formatDate(window.from, dates)} – ${formatDate(window.to, dates)}`;
  const said = relative ? windowWords(window, t) : windowText;
  const cursor = { list: 'due' as const, scope: scopeCursor(result.scope), window: window.label };
  const noun = (n: number) => t(window.kind === 'overdue' ? 'card.count.overdue-reviews' : 'card.count.reviews', { count: n });
  const base = {
    title: window.kind === 'overdue' ? t('due.title.overdue') : t('due.title.window', { window: said }),
    subtitle: [windowText, scopeLabel(result.scope, viewer.actor, t), t('card.count.reviews', { count: total })].join(' · '),
    overdueCount: String(overdueCount),
    dueHeading: relative ? t('due.heading.window', { window: said }) : t('due.heading.due'),
    dueCount: String(dueCount),
    emptyText: window.kind === 'overdue' ? t('due.empty.overdue')
      : relative ? t('due.empty.window', { window: said }) : t('due.empty.then'),
    footnote: result.invalidCount ? t('due.invalid-note', { count: result.invalidCount }) : '',
    labels: dueCardLabels(t),
  };
  if (result.iros) {
    const iros = result.iros;
    const summary = pageOf(iros, page, EXAMPLE).map((c): DueSummaryRow => ({
      iro: nameOf(c.iroId),
      counts: [
        c.overdue ? t('due.summary.overdue', { count: c.overdue }) : '',
        c.due ? t('due.summary.due', { count: c.due }) : '',
        c.notBooked ? t('due.summary.not-booked', { count: c.notBooked }) : '',
      ].filter(Boolean).join(' · '),
      isOverdue: c.overdue > 0,
      buttons: [{ title: t('due.summary.show-list'), data: { list: 'due', scope: `person:${c.iroId}`, window: window.label, page: 0 } }],
    }));
    const what = window.kind === 'overdue' ? noun(total) : t('due.summary.what', { reviews: noun(total), window: said });
    const irosNoun = (n: number) => t('card.count.iros', { count: n });
    return {
      ...base, overdue: [], due: [],
      summaryText: t('due.summary.text', { what, iros: irosNoun(iros.length) }),
      summary,
      ...pager(cursor, page, iros.length, irosNoun, t),
    };
  }
  const row = (s: ReviewStatus<ChildDoc>): DueRow => {
    const late = daysOverdue(s, result.today);
    return {
      child: clip(childLabel(s.child, viewer.showChildNames)),
      dueBy: formatDate(s.next.dueBy, dates),
      dueByText: t('card.due-by', { date: formatDate(s.next.dueBy, dates) }),
      rule: s.next.rule,
      ruleText: clip(explanationFor(s.next, t), 200),
      booking: bookingText(s.booking, viewer.deps.tzName, t),
      booked: s.booking !== null,
      isOverdue: late > 0,
      overdueText: overdueText(late, t),
      iro: team ? nameOf(s.child.iroId) : '',
      bookRef: result.bookable.has(s.child.ref) ? s.child.ref : '',
      cover: coverText(s.child, result, nameOf, viewer),
    };
  };
  // Overdue first, then by due date: the query gave this page of that one list, in its two sections.
  return {
    ...base,
    overdue: result.overdue.map(row),
    due: result.due.map(row),
    summaryText: '', summary: [],
    ...pager(cursor, page, total, noun, t),
  };
}

/** CV1: whose review this is while a cover is not over, as the listing's person sees it. */
function coverText(child: ChildDoc, result: DuePage, nameOf: (id: string) => string, viewer: ListViewer): string {
  const cover = child.cover;
  if (!cover || !coverNotOver(cover, result.today)) return '';
  const dates = dateLocale(viewer.language);
  const span = { from: formatDate(cover.from, dates), to: formatDate(cover.to, dates) };
  const listed = result.scope.kind === 'team' ? null : result.scope.person._id;
  return listed === cover.iroId
    ? viewer.t('practice.due.covering', { name: nameOf(cover.forIroId), ...span })
    : viewer.t('practice.due.covered-by', { name: nameOf(cover.iroId), ...span });
}

declare module '../cards.js' {
  interface CardTemplates {
    'due': DueCardData;
  }
}
