// Who a stage is addressed to. Addressees are fixed when a stage begins (stored ids): a later change
// of social worker or role holder does not move an open stage. Stage 0/1: the child's social worker and
// their team manager (the worker's managerId if that person is a team manager, else the team manager
// of the child's social work team). Stages 2–5: every holder of the rung's role (normally one person).
import { hasRole } from '../access.js';
import { AppError } from '../errors.js';
import type { Child, Staff } from '../types.js';
import type { StageDef } from './stages.js';

export type People = ReadonlyMap<string, Staff>;
/** What the resolution rules read of a child. */
export type CaseOf = Pick<Child, 'ref' | 'iroId' | 'socialWorkerId' | 'socialWorkTeam'>;

/** Who a stage is addressed to (see the decisions above). Throws 'invalid-input' when nobody is. */
export function addresseesFor(def: StageDef, child: CaseOf, people: People): string[] {
  if (def.addressee.kind === 'role') {
    const role = def.addressee.role;
    const ids = [...people.values()]
      .filter((s) => hasRole(s, role))
      .map((s) => s.id)
      .sort();
    if (!ids.length) {
      const why = `nobody holds the role ${role} in the staff directory, so ${def.label} cannot be addressed`;
      throw new AppError(
        'invalid-input',
        `${why}; ask your administrator`,
        {},
        { key: 'errors.resolution.no-role-holder', params: { role, stage: def.label, stageId: def.id } },
      );
    }
    return ids;
  }
  const sw = child.socialWorkerId ? people.get(child.socialWorkerId) : undefined;
  const ids: string[] = sw ? [sw.id] : [];
  const swManager = sw?.managerId ? people.get(sw.managerId) : undefined;
  const manager =
    swManager && hasRole(swManager, 'team-manager')
      ? swManager
      : [...people.values()]
          .filter((s) => hasRole(s, 'team-manager') && !!child.socialWorkTeam && s.team === child.socialWorkTeam)
          .sort((a, b) => a.id.localeCompare(b.id))[0];
  if (manager && !ids.includes(manager.id)) ids.push(manager.id);
  if (!ids.length) {
    throw new AppError(
      'invalid-input',
      `${child.ref} has no allocated social worker or team manager to address this to`,
      {},
      { key: 'errors.resolution.no-addressee', params: { ref: child.ref } },
    );
  }
  return ids;
}
