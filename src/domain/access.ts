// Who may see and do what (docs/DOMAIN.md "People and roles"). Pure; every command and card action asks here.
import type { Child, Role, Staff } from './types.js';

export const LADDER_ROLES: readonly Role[] = ['head-of-service', 'service-director', 'group-director', 'chief-executive'];

/** Roles that work with reviews across caseloads: IROs, business support, managers, admin. */
export const REVIEWING_ROLES: readonly Role[] = ['iro', 'business-support', 'team-manager', ...LADDER_ROLES, 'admin'];

export function hasRole(person: Staff, ...roles: Role[]): boolean {
  return person.roles.some((r) => roles.includes(r));
}

export function isReviewingManager(person: Staff): boolean {
  return hasRole(person, 'team-manager') && person.team === 'reviewing';
}

/** "Managers" in docs/DOMAIN.md: reviewing team managers plus the escalation-ladder roles. */
export function isManager(person: Staff): boolean {
  return isReviewingManager(person) || hasRole(person, ...LADDER_ROLES);
}

/** May look across the whole service (`/due team`, `/due for PERSON`, `/caseload @person`). */
export function hasServiceWideView(person: Staff): boolean {
  return isManager(person) || hasRole(person, 'business-support', 'admin');
}

/**
 * Whether a staff member may see a child's details: their IRO, their social worker and that worker's
 * team manager, business support, managers and admin. Guardians never through this path — they
 * see liaison items for their own children only.
 */
export function canSeeChild(person: Staff, child: Pick<Child, 'iroId' | 'socialWorkerId' | 'socialWorkTeam'>,
  socialWorker: Staff | null): boolean {
  if (hasServiceWideView(person)) return true;
  if (child.iroId === person.id && hasRole(person, 'iro')) return true;
  if (child.socialWorkerId && child.socialWorkerId === person.id) return true;
  if (hasRole(person, 'team-manager')) {
    if (socialWorker?.managerId === person.id) return true;
    if (child.socialWorkTeam && person.team === child.socialWorkTeam) return true;
  }
  return false;
}

/** Initials for channel cards ("D.E."); never the full name in shared channels by default. */
export function initials(child: Pick<Child, 'givenName' | 'familyName'>): string {
  const letters = [child.givenName, child.familyName]
    .map((n) => n?.trim().charAt(0).toUpperCase())
    .filter(Boolean);
  return letters.length ? `${letters.join('.')}.` : '';
}
