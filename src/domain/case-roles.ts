// Who a person is to one child (docs/DOMAIN.md "People and roles"). The rules that say "the child's IRO"
// all ask here, so the test is written once. No imports beyond types: access, liaison, booking and
// resolution rules all depend on it, and it must not pull any of them in (no import cycles).
import type { Child, Role } from './types.js';

/** The part of a person these rules read: a staff record (`id` equals a StaffDoc's `_id`) or a view of one. */
export interface PersonRoles {
  id: string;
  roles: readonly Role[];
}

/** The child's allocated IRO, who must also hold the `iro` role (an allocation left on a former IRO counts for nothing). */
export function isChildsIro(person: PersonRoles, child: Pick<Child, 'iroId'>): boolean {
  return !!child.iroId && child.iroId === person.id && person.roles.includes('iro');
}

/** The child's allocated social worker. */
export function isChildsSocialWorker(person: Pick<PersonRoles, 'id'>, child: Pick<Child, 'socialWorkerId'>): boolean {
  return !!child.socialWorkerId && child.socialWorkerId === person.id;
}
