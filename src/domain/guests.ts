// Guest detection (docs/DESIGN.md "Known facts"): Teams' userRole is unreliable for guests, so a person is a
// guest if userRole says so, OR their UPN carries #EXT#, OR their tenant is not the council's.
// Guardians are authorised by the staff directory (role `guardian`), never by a Teams flag alone.

export interface MemberFacts {
  userRole?: string | null;
  userPrincipalName?: string | null;
  tenantId?: string | null;
}

export function isGuest(member: MemberFacts, councilTenantId: string | null | undefined): boolean {
  if (member.userRole === 'guest') return true;
  if (member.userPrincipalName?.toUpperCase().includes('#EXT#')) return true;
  return !!councilTenantId && !!member.tenantId && member.tenantId !== councilTenantId;
}

/** A conversation member as far as the guest rule needs it. */
export interface AudienceMember extends MemberFacts {
  aadObjectId?: string | null;
  email?: string | null;
}

/** A directory entry a guest may be matched to (the child's Guardian). */
export interface KnownGuest {
  aadObjectId?: string | null;
  upn?: string | null;
  email?: string | null;
}

const same = (a?: string | null, b?: string | null) => !!a && !!b && a.trim().toLowerCase() === b.trim().toLowerCase();

/** Whether a conversation member is this directory person (AAD id, else UPN or e-mail). */
export function isPerson(member: AudienceMember, person: KnownGuest): boolean {
  if (member.aadObjectId && person.aadObjectId) return member.aadObjectId === person.aadObjectId;
  return [member.userPrincipalName, member.email].some((m) => same(m, person.upn) || same(m, person.email));
}

/**
 * The guest rule (docs/DOMAIN.md "Children's Guardian liaison"): how many guests in a conversation are not
 * among `allowed` (the child's Guardian, when the message is about one child with an open liaison).
 * Anything about a child may be posted only when this is 0.
 */
export function unexpectedGuests(
  members: readonly AudienceMember[],
  councilTenantId: string | null | undefined,
  allowed: readonly KnownGuest[],
): number {
  return members.filter((m) => isGuest(m, councilTenantId) && !allowed.some((a) => isPerson(m, a))).length;
}

/**
 * A person treated as a guest: a Guardian (always a guest in the council's tenant), a directory UPN
 * carrying #EXT#, or a sender Teams says is a guest this turn (`teamsGuest`, set by the Teams layer from
 * the member record: guest role, #EXT# UPN or another tenant). Guests may only use /actions, /help and
 * their own liaison cards; a staff record marked by Teams alone is no Guardian, so it gets no liaison cards.
 */
export function isGuestStaff(person: { roles: readonly string[]; upn?: string | null; teamsGuest?: boolean }): boolean {
  return (
    person.teamsGuest === true || person.roles.includes('guardian') || !!person.upn?.toUpperCase().includes('#EXT#')
  );
}
