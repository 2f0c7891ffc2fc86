// Who may see and do what (docs/DOMAIN.md "People and roles"). Pure; every command and card action asks here.
import { isChildsIro, isChildsSocialWorker } from './case-roles.js';
import { isGuestStaff } from './guests.js';
import { isChildsGuardian, type LiaisonChild } from './liaison.js';
import { isCoveringIro, type Cover } from './cover.js';
import type { Child, IsoDate, Role, Staff } from './types.js';

export const LADDER_ROLES: readonly Role[] = [
  'head-of-service',
  'service-director',
  'group-director',
  'chief-executive',
];

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
 * team manager, business support, managers and admin. Guests never through this path: a Guardian
 * sees liaison items for their own children only (`maySeeChildVia('liaison', …)`).
 */
export function canSeeChild(
  person: Staff,
  child: Pick<Child, 'iroId' | 'socialWorkerId' | 'socialWorkTeam'> & { cover?: Cover | null },
  socialWorker: Staff | null,
  /** Today, where the caller knows it: the IRO covering the child's review sees it while the cover is not over. */
  today?: IsoDate,
): boolean {
  // A guest (a Guardian, or anyone whose directory UPN carries #EXT#) never, whatever roles they were given.
  if (isGuestStaff(person)) return false;
  if (hasServiceWideView(person)) return true;
  if (isChildsIro(person, child)) return true;
  if (today && isCoveringIro(person, child, today)) return true;
  if (isChildsSocialWorker(person, child)) return true;
  if (hasRole(person, 'team-manager')) {
    if (socialWorker?.managerId === person.id) return true;
    if (child.socialWorkTeam && person.team === child.socialWorkTeam) return true;
  }
  return false;
}

/**
 * The door a person comes in at to see a child. Each card verb names one (through its subject kind);
 * the rule behind every door is `canSeeChild` plus what DOMAIN.md adds for that door.
 * - `case`: the child's case (bookings, reviews, reschedule requests) — `canSeeChild`, never a guest.
 * - `resolution`: `canSeeChild`, or named in that resolution (an escalated addressee or their manager).
 * - `liaison`: a thread item of a child in proceedings — staff who may see the child, legal, and the
 *   child's own Guardian (a guest) while their access is open; nobody else, never another guest.
 * - `liaison-record`: the /liaison form (proceedings may not have started yet) — staff only; legal once
 *   the child is in proceedings.
 */
export type AccessDoor = 'case' | 'resolution' | 'liaison' | 'liaison-record';

export interface ChildAccessFacts {
  /** The child's allocated social worker (their manager may see the child). */
  socialWorker: Staff | null;
  /** `resolution` door: the person is named in the resolution being opened. */
  involvedInResolution?: boolean;
  /** Today: the IRO covering the child's review sees it while the cover is not over (domain/cover.ts). */
  today?: IsoDate;
}

/** Who may see this child, through this door (docs/DOMAIN.md "People and roles"). Pure. */
export function maySeeChildVia(
  door: AccessDoor,
  person: Staff,
  child: LiaisonChild & { cover?: Cover | null },
  facts: ChildAccessFacts,
): boolean {
  if (isGuestStaff(person)) {
    // A Guardian only through liaison items for children whose open proceedings name them.
    return door === 'liaison' && isChildsGuardian(person, child);
  }
  const staff = canSeeChild(person, child, facts.socialWorker, facts.today);
  switch (door) {
    case 'case':
      return staff;
    case 'resolution':
      return staff || facts.involvedInResolution === true;
    case 'liaison':
      return !!child.proceedings && (staff || hasRole(person, 'legal'));
    case 'liaison-record':
      return staff || (hasRole(person, 'legal') && !!child.proceedings);
  }
}

/**
 * Whether a message may name children in full (docs/DOMAIN.md "Identity and privacy"): in a personal (1:1)
 * chat, and in shared conversations (channels, group chats) only when config says so
 * (SHOW_CHILD_NAMES_IN_CHANNELS); otherwise the case reference and initials.
 */
export function mayShowChildNames(
  conversation: 'personal' | 'channel' | 'groupChat',
  namesInSharedConversations: boolean,
): boolean {
  return conversation === 'personal' || namesInSharedConversations;
}

/** Initials for channel cards ("D.E."); never the full name in shared channels by default. */
export function initials(child: Pick<Child, 'givenName' | 'familyName'>): string {
  const letters = [child.givenName, child.familyName].map((n) => n?.trim().charAt(0).toUpperCase()).filter(Boolean);
  return letters.length ? `${letters.join('.')}.` : '';
}
