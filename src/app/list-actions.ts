import { hasRole } from '../domain/access.js';
import { recordActions, reviewActions, sortActions, type ActionItem } from '../domain/actions.js';
import type { ChildDoc, StaffDoc } from '../store/documents.js';
import { today, type AppDeps } from './deps.js';
import { reviewStatuses } from './review-statuses.js';

export interface ActionsResult {
  today: string;
  /** Whose work this is: the caller's caseload, or the service's (business support books and distributes). */
  scope: 'own' | 'service' | 'none';
  items: ActionItem[];
  /** Child documents by ref, for labels. */
  children: Map<string, ChildDoc>;
}

/**
 * `/actions`: what this person must do next, oldest deadline first. IROs: their children's reviews to
 * book, overdue reviews and records to distribute; business support: the same for the service.
 * Other roles have no review actions (resolutions and liaison add theirs); guests never see children here.
 */
export async function listActions(deps: AppDeps, actor: StaffDoc): Promise<ActionsResult> {
  const t = today(deps);
  const scope = hasRole(actor, 'iro') ? 'own' : hasRole(actor, 'business-support') ? 'service' : 'none';
  const children = scope === 'own' ? await deps.children.listByIro(actor._id)
    : scope === 'service' ? await deps.children.listAll() : [];
  const { statuses } = reviewStatuses(children, deps);
  const items = sortActions([
    ...reviewActions(statuses, { today: t, calendar: deps.calendar, dueSoonWorkingDays: deps.dueSoonWorkingDays }),
    ...recordActions(children, t),
  ]);
  return { today: t, scope, items, children: new Map(children.map((c) => [c.ref, c])) };
}
