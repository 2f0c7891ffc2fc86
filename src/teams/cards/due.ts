// The data of cards/due.json (/due and its pages) and the functions building and rendering it. Display-ready
// values (cards.ts says what every card's data must be).
import type { PageButton, PagerData } from '../card-parts.js';
import { listDuePage, type DuePage } from '../../app/due-page.js';
import type { ScopeRequest } from '../../app/scope.js';
import { formatDate } from '../../domain/dates-format.js';
import type { DueWindow } from '../../domain/due-window.js';
import { daysOverdue, type ReviewStatus } from '../../domain/review-status.js';
import type { ChildDoc } from '../../store/documents.js';
import { renderCard, type AdaptiveCardJson } from '../cards.js';
import { scopeLabel, staffNames, type ListViewer } from '../presenters/common.js';
import { bookingText, childLabel, overdueText, plural } from '../presenters/labels.js';
import { clip, count, PAGE_SIZE, pageOf, pager, scopeCursor } from '../presenters/paging.js';

export interface DueRow {
  /** Case ref + initials ("C1001 · D.E."), or the full name where allowed: the caller decides. */
  child: string;
  /** "Tue 24 Nov 2026" */
  dueBy: string;
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
}

const EXAMPLE = '/due this week';

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
  const { window, overdueCount, dueCount } = result;
  const total = overdueCount + dueCount;
  const team = result.scope.kind === 'team';
  const names = team ? await staffNames(viewer.deps) : null;
  const nameOf = (id: string) => clip(names?.get(id) ?? id);
  const relative = window.kind !== 'explicit';
  const windowText = window.kind === 'overdue' ? 'before today'
    : window.from === window.to ? formatDate(window.from) : `${formatDate(window.from)} – ${formatDate(window.to)}`;
  const cursor = { list: 'due' as const, scope: scopeCursor(result.scope), window: window.label };
  const noun = (n: number) => `${count(n)} ${window.kind === 'overdue' ? 'overdue ' : ''}review${n === 1 ? '' : 's'}`;
  const base = {
    title: window.kind === 'overdue' ? 'Overdue reviews' : `Reviews due ${relative ? window.label : windowText}`,
    subtitle: `${windowText} · ${scopeLabel(result.scope, viewer.actor)} · ${plural(total, 'review')}`,
    overdueCount: String(overdueCount),
    dueHeading: relative ? `Due ${window.label}` : 'Due',
    dueCount: String(dueCount),
    emptyText: window.kind === 'overdue' ? 'No overdue reviews.' : `No reviews due ${relative ? window.label : 'then'}.`,
    footnote: invalidNote(result.invalidCount),
  };
  if (result.iros) {
    const iros = result.iros;
    const summary = pageOf(iros, page, EXAMPLE).map((c): DueSummaryRow => ({
      iro: nameOf(c.iroId),
      counts: [c.overdue ? `${count(c.overdue)} overdue` : '', c.due ? `${count(c.due)} due` : '', c.notBooked ? `${count(c.notBooked)} not booked` : '']
        .filter(Boolean).join(' · '),
      isOverdue: c.overdue > 0,
      buttons: [{ title: 'Show list', data: { list: 'due', scope: `person:${c.iroId}`, window: window.label, page: 0 } }],
    }));
    const what = window.kind === 'overdue' ? `${noun(total)}` : `${noun(total)} due ${relative ? window.label : windowText}`;
    return {
      ...base, overdue: [], due: [],
      summaryText: `Team view: ${what} across ${count(iros.length)} IRO${iros.length === 1 ? '' : 's'}`,
      summary,
      ...pager(cursor, page, iros.length, (n) => `${count(n)} IRO${n === 1 ? '' : 's'}`),
    };
  }
  const row = (s: ReviewStatus<ChildDoc>): DueRow => {
    const late = daysOverdue(s, result.today);
    return {
      child: clip(childLabel(s.child, viewer.showChildNames)),
      dueBy: formatDate(s.next.dueBy),
      rule: s.next.rule,
      ruleText: clip(s.next.explanation, 200),
      booking: bookingText(s.booking, viewer.deps.tzName),
      booked: s.booking !== null,
      isOverdue: late > 0,
      overdueText: overdueText(late),
      iro: names ? nameOf(s.child.iroId) : '',
      bookRef: result.bookable.has(s.child.ref) ? s.child.ref : '',
    };
  };
  // Overdue first, then by due date: the query gave this page of that one list, in its two sections.
  return {
    ...base,
    overdue: result.overdue.map(row),
    due: result.due.map(row),
    summaryText: '', summary: [],
    ...pager(cursor, page, total, noun),
  };
}

function invalidNote(n: number): string {
  return n ? `${plural(n, 'case')} with a history I cannot read: ask your administrator to check the import.` : '';
}

declare module '../cards.js' {
  interface CardTemplates {
    'due': DueCardData;
  }
}
