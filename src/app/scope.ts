import { hasRole, hasServiceWideView } from '../domain/access.js';
import { AppError } from '../domain/errors.js';
import type { ChildDoc, StaffDoc } from '../store/documents.js';
import type { AppDeps } from './deps.js';

/** Whose children a listing covers: the caller's own, the whole service, or one named person's. */
export type ScopeRequest = { kind: 'default' } | { kind: 'team' } | { kind: 'person'; person: StaffDoc };
export type ResolvedScope = { kind: 'own'; person: StaffDoc } | { kind: 'team' } | { kind: 'person'; person: StaffDoc };

/**
 * Own children by default; `team` and `for PERSON` only for business support, managers and admin.
 * Someone with no caseload of their own but a service-wide view gets the whole service by default.
 */
export function resolveScope(actor: StaffDoc, request: ScopeRequest): ResolvedScope {
  if (request.kind === 'person' && request.person._id === actor._id) return { kind: 'own', person: actor };
  if (request.kind !== 'default' && !hasServiceWideView(actor)) {
    throw new AppError(
      'forbidden',
      "only business support, managers and admin can look at other people's children",
      { example: '/due this week' },
      { key: 'errors.scope.others-forbidden' },
    );
  }
  if (request.kind === 'team') return { kind: 'team' };
  if (request.kind === 'person') return { kind: 'person', person: request.person };
  if (hasRole(actor, 'iro')) return { kind: 'own', person: actor };
  if (hasServiceWideView(actor)) return { kind: 'team' };
  throw new AppError(
    'forbidden',
    'you have no caseload of your own',
    { example: '/actions' },
    { key: 'errors.scope.no-caseload' },
  );
}

/** The children a scope covers: an IRO's caseload or the whole service. */
export function childrenInScope(scope: ResolvedScope, deps: Pick<AppDeps, 'children'>): Promise<ChildDoc[]> {
  return scope.kind === 'team' ? deps.children.listAll() : deps.children.listByIro(scope.person._id);
}
