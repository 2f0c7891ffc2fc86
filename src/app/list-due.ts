import { hasRole, hasServiceWideView } from '../domain/access.js';
import { canBook } from '../domain/booking-rules.js';
import { isChildsIro } from '../domain/case-roles.js';
import type { DueWindow } from '../domain/due-window.js';
import { AppError } from '../domain/errors.js';
import { dueListing, type DueListing } from '../domain/review-status.js';
import type { ChildDoc, StaffDoc } from '../store/documents.js';
import { today, type AppDeps } from './deps.js';
import { reviewStatuses } from './review-statuses.js';
import { childrenInScope, resolveScope, type ResolvedScope, type ScopeRequest } from './scope.js';

export interface DueResult {
  today: string;
  window: DueWindow;
  scope: ResolvedScope;
  listing: DueListing<ChildDoc>;
  invalid: { ref: string; problem: string }[];
  /** Refs of the listed children whose next review is not booked and that this person may book (a Book button). */
  bookable: ReadonlySet<string>;
}

/** `/due`: each child's next review in the window (docs/DESIGN.md "Commands"); IROs, business support, managers. */
export async function listDue(
  deps: AppDeps,
  actor: StaffDoc,
  window: DueWindow,
  request: ScopeRequest,
): Promise<DueResult> {
  if (!hasRole(actor, 'iro') && !hasServiceWideView(actor)) {
    throw new AppError(
      'forbidden',
      '/due is for IROs, business support and managers',
      { example: '/actions' },
      { key: 'errors.due.not-for-you' },
    );
  }
  const scope = resolveScope(actor, request);
  const t = today(deps);
  const children = [...(await childrenInScope(scope, deps)), ...(await coveredInScope(scope, deps, t))];
  const { statuses, invalid } = reviewStatuses(children, deps);
  const bookable = new Set(
    statuses.filter((s) => s.booking === null && canBook(actor, s.child, t)).map((s) => s.child.ref),
  );
  return { today: t, window, scope, listing: dueListing(statuses, window, t), invalid, bookable };
}

/**
 * CV1: the reviews a person's list shows besides their own children's: those they cover for an absent IRO,
 * from when the cover is set until its last day (docs/DOMAIN.md "Cover for an absent IRO"). The team view
 * already lists every child. Few at any time (index `cover.iroId.to`).
 */
export async function coveredInScope(
  scope: ResolvedScope,
  deps: Pick<AppDeps, 'children'>,
  t: string,
): Promise<ChildDoc[]> {
  if (scope.kind === 'team') return [];
  const covered = await deps.children.listCoveredBy(scope.person._id, t);
  return covered.filter((c) => !isChildsIro(scope.person, c));
}

/** One IRO's share of a due listing (the team view summarises per IRO rather than listing every child). */
export interface IroDueCounts {
  iroId: string;
  overdue: number;
  due: number;
  notBooked: number;
}

/** Counts per IRO, most overdue first, then most due, then by id (a stable order for paging). */
export function dueCountsByIro(listing: DueListing<ChildDoc>): IroDueCounts[] {
  const by = new Map<string, IroDueCounts>();
  const add = (s: DueListing<ChildDoc>['due'][number], field: 'overdue' | 'due') => {
    const c = by.get(s.child.iroId) ?? { iroId: s.child.iroId, overdue: 0, due: 0, notBooked: 0 };
    c[field]++;
    if (s.booking === null) c.notBooked++;
    by.set(s.child.iroId, c);
  };
  for (const s of listing.overdue) add(s, 'overdue');
  for (const s of listing.due) add(s, 'due');
  return sortIroCounts([...by.values()]);
}

/** Most overdue first, then most listed, then by id (a stable order for paging). */
export function sortIroCounts(rows: readonly IroDueCounts[]): IroDueCounts[] {
  return [...rows].sort(
    (a, b) =>
      b.overdue - a.overdue ||
      b.overdue + b.due - (a.overdue + a.due) ||
      (a.iroId < b.iroId ? -1 : a.iroId > b.iroId ? 1 : 0),
  );
}
