// `/due` a page at a time, as queries on the stored next review (issue 12, docs/DESIGN.md "Store"):
// counts from the index, this page's rows fetched with skip and limit, and the whole service's view
// summarised per IRO by one aggregation, so a message costs per row shown, not per child in the service.
// While any stored next review is not current (computed with another policy or calendar, or not at all:
// a start-up recompute still running, a child written outside updateChild) the listing is computed from
// every child in scope instead (list-due.ts), which gives the same answer.
import { hasRole, hasServiceWideView } from '../domain/access.js';
import { canBook } from '../domain/booking-rules.js';
import type { DueWindow } from '../domain/due-window.js';
import { AppError } from '../domain/errors.js';
import type { ReviewStatus } from '../domain/review-status.js';
import type { IsoDate } from '../domain/types.js';
import type { ChildDoc, StaffDoc } from '../store/documents.js';
import type { DueRange } from '../store/repositories/children-repository.js';
import { today as todayOf, type AppDeps } from './deps.js';
import { coveredInScope, dueCountsByIro, listDue, sortIroCounts, type IroDueCounts } from './list-due.js';
import { nextReviewFingerprint } from './next-review-fields.js';
import { reviewStatuses } from './review-statuses.js';
import { resolveScope, type ResolvedScope, type ScopeRequest } from './scope.js';

export interface DuePageRequest {
  page: number;
  pageSize: number;
  /** For the answer to a page past the end. */
  example: string;
}

export interface DuePage {
  today: IsoDate;
  window: DueWindow;
  scope: ResolvedScope;
  /** Every overdue and every due review in scope (all pages). */
  overdueCount: number;
  dueCount: number;
  /** This page's rows, overdue first then due, each by due date then case ref; both empty for a team summary. */
  overdue: ReviewStatus<ChildDoc>[];
  due: ReviewStatus<ChildDoc>[];
  /** The whole service's list longer than a page: every IRO's counts, most overdue first; null otherwise. */
  iros: IroDueCounts[] | null;
  /** Children in scope whose history the engine rejects. */
  invalidCount: number;
  /** Refs of this page's children whose next review is not booked and that this person may book. */
  bookable: ReadonlySet<string>;
}

/** A page past the end: the list shrank since the card was sent. */
export function assertPageExists(total: number, page: number, pageSize: number, example: string): void {
  if (page > 0 && page * pageSize >= total) {
    throw new AppError(
      'invalid-input',
      'this list has changed since the card was sent; nothing to show on that page',
      { example },
      { key: 'errors.card.list-changed' },
    );
  }
}

/** The ranges of a window: overdue (null for explicit windows) and due; docs/DESIGN.md "/due". */
export function dueRanges(window: DueWindow, today: IsoDate): { overdue: DueRange | null; due: DueRange | null } {
  if (window.kind === 'explicit') return { overdue: null, due: { $gte: window.from, $lte: window.to } };
  const overdue = { $lt: today };
  if (window.kind === 'overdue') return { overdue, due: null };
  const from = window.from < today ? today : window.from;
  return { overdue, due: from <= window.to ? { $gte: from, $lte: window.to } : null };
}

/** `/due`, one page: who may ask and whose list as listDue; `iros` set for a team view longer than a page. */
export async function listDuePage(
  deps: AppDeps,
  actor: StaffDoc,
  window: DueWindow,
  request: ScopeRequest,
  page: DuePageRequest,
): Promise<DuePage> {
  if (!hasRole(actor, 'iro') && !hasServiceWideView(actor)) {
    throw new AppError(
      'forbidden',
      '/due is for IROs, business support and managers',
      { example: '/actions' },
      { key: 'errors.more.due-not-for-you' },
    );
  }
  const scope = resolveScope(actor, request);
  const t = todayOf(deps);
  // A person who covers reviews (CV1) gets the listing of their caseload plus those: one person's children,
  // so bounded; the query path below is for lists that can be the whole service.
  const covering = (await coveredInScope(scope, deps, t)).length > 0;
  if (covering || (await deps.children.countWithStaleNextReview(nextReviewFingerprint(deps))) > 0) {
    return fromWholeListing(deps, actor, window, request, page);
  }
  const iroId = scope.kind === 'team' ? null : scope.person._id;
  const ranges = dueRanges(window, t);
  const [overdueCount, dueCount, invalidCount] = await Promise.all([
    ranges.overdue ? deps.children.countByNextReviewDue(iroId, ranges.overdue) : 0,
    ranges.due ? deps.children.countByNextReviewDue(iroId, ranges.due) : 0,
    deps.children.countWithNextReviewProblem(iroId),
  ]);
  const base = { today: t, window, scope, overdueCount, dueCount, invalidCount };
  if (scope.kind === 'team' && overdueCount + dueCount > page.pageSize) {
    return { ...base, overdue: [], due: [], iros: await teamCounts(deps, t, ranges), bookable: new Set() };
  }
  assertPageExists(overdueCount + dueCount, page.page, page.pageSize, page.example);
  // The page is one slice of "overdue, then due": its overdue part first, the rest from the due list.
  const start = page.page * page.pageSize;
  const overdueSlice = { skip: start, limit: Math.max(0, Math.min(page.pageSize, overdueCount - start)) };
  const dueSlice = { skip: Math.max(0, start - overdueCount), limit: page.pageSize - overdueSlice.limit };
  const [overdueDocs, dueDocs] = await Promise.all([
    ranges.overdue ? deps.children.listByNextReviewDue(iroId, ranges.overdue, overdueSlice) : [],
    ranges.due ? deps.children.listByNextReviewDue(iroId, ranges.due, dueSlice) : [],
  ]);
  const overdue = reviewStatuses(overdueDocs, deps).statuses;
  const due = reviewStatuses(dueDocs, deps).statuses;
  return { ...base, overdue, due, iros: null, bookable: bookableOf(actor, [...overdue, ...due], t) };
}

async function teamCounts(deps: AppDeps, t: IsoDate, ranges: ReturnType<typeof dueRanges>): Promise<IroDueCounts[]> {
  const { overdue, due } = ranges;
  // One range covering both: the window itself (explicit), or everything up to its end (relative windows end
  // today or later, so that takes in every overdue review).
  const range = !overdue ? due! : due ? { $lte: due.$lte! } : overdue;
  const rows = await deps.children.dueCountsByIro(range, {
    overdueBefore: overdue ? t : null,
    due: due ? { from: due.$gte!, to: due.$lte! } : null,
  });
  return sortIroCounts(rows);
}

function bookableOf(actor: StaffDoc, rows: ReviewStatus<ChildDoc>[], t: IsoDate): Set<string> {
  return new Set(rows.filter((s) => s.booking === null && canBook(actor, s.child, t)).map((s) => s.child.ref));
}

/** The same page from the whole listing (every child in scope, next reviews computed where not current). */
export async function fromWholeListing(
  deps: AppDeps,
  actor: StaffDoc,
  window: DueWindow,
  request: ScopeRequest,
  page: DuePageRequest,
): Promise<DuePage> {
  const all = await listDue(deps, actor, window, request);
  const { overdue, due } = all.listing;
  const base = {
    today: all.today,
    window,
    scope: all.scope,
    overdueCount: overdue.length,
    dueCount: due.length,
    invalidCount: all.invalid.length,
  };
  if (all.scope.kind === 'team' && overdue.length + due.length > page.pageSize) {
    return { ...base, overdue: [], due: [], iros: dueCountsByIro(all.listing), bookable: new Set() };
  }
  assertPageExists(overdue.length + due.length, page.page, page.pageSize, page.example);
  const start = page.page * page.pageSize;
  const rows = [...overdue, ...due].slice(start, start + page.pageSize);
  const overdueOnPage = Math.max(0, Math.min(rows.length, overdue.length - start));
  return {
    ...base,
    overdue: rows.slice(0, overdueOnPage),
    due: rows.slice(overdueOnPage),
    iros: null,
    bookable: bookableOf(actor, rows, all.today),
  };
}
