// Guest detection (DESIGN.md "Known facts"): Teams' userRole is unreliable for guests, so a person is a
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
