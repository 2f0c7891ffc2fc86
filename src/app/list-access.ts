import { hasRole, hasServiceWideView } from '../domain/access.js';
import type { StaffDoc } from '../store/documents.js';
import type { ScopeRequest } from './scope.js';

/** The lists a card's page buttons may name (list.page). */
export const LIST_NAMES = ['due', 'caseload', 'actions'] as const;
export type ListName = (typeof LIST_NAMES)[number];

/**
 * Who may page through a list (a card's "Next 20" or "for PERSON" button): exactly whoever may ask the
 * command for it. /due: IROs their own children, business support, managers and admin anyone's or the
 * whole service's; /caseload: an IRO their own, the service-wide roles anyone's; /actions: one's own.
 * The use case checks again when it runs (a second door, not the only one).
 */
export function mayViewList(actor: StaffDoc, list: ListName, scope: ScopeRequest, window: string): boolean {
  const wide = hasServiceWideView(actor);
  const self = scope.kind === 'default' || (scope.kind === 'person' && scope.person._id === actor._id);
  switch (list) {
    case 'due':
      return window !== '' && (hasRole(actor, 'iro') || wide) && (self || wide);
    case 'caseload':
      return window === '' && (wide || (self && hasRole(actor, 'iro')));
    case 'actions':
      return window === '' && scope.kind === 'default';
  }
}
