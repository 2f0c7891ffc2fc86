import { hasRole, hasServiceWideView } from '../domain/access.js';
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
}

/** `/due`: each child's next review in the window (docs/DESIGN.md "Commands"); IROs, business support, managers. */
export async function listDue(deps: AppDeps, actor: StaffDoc, window: DueWindow, request: ScopeRequest): Promise<DueResult> {
  if (!hasRole(actor, 'iro') && !hasServiceWideView(actor)) {
    throw new AppError('forbidden', '/due is for IROs, business support and managers', { example: '/actions' });
  }
  const scope = resolveScope(actor, request);
  const children = await childrenInScope(scope, deps);
  const { statuses, invalid } = reviewStatuses(children, deps);
  const t = today(deps);
  return { today: t, window, scope, listing: dueListing(statuses, window, t), invalid };
}
