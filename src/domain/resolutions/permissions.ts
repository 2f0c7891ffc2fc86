// Who may do what with a resolution. "Their manager" may act for an addressee: the addressee's
// managerId, and at stage 1 any team manager of the child's social work team. The child's IRO decides
// (resolve, escalate, refer). Asked by commands, card actions and the sweeper alike.
import { hasRole } from '../access.js';
import { isChildsIro } from '../case-roles.js';
import type { Staff } from '../types.js';
import type { CaseOf, People } from './addressees.js';
import { currentStage, type Resolution } from './records.js';
import { LAST_STAGE } from './stages.js';
import { isOpenResolution, stateOf } from './state.js';

/** May answer the current stage (acknowledge, respond): an addressee or their manager. */
export function mayAnswer(actor: Staff, r: Resolution, child: CaseOf, people: People): boolean {
  const s = currentStage(r);
  if (s.stage === 0) return false;
  if (s.addresseeIds.includes(actor.id)) return true;
  if (s.addresseeIds.some((id) => people.get(id)?.managerId === actor.id)) return true;
  return (
    s.stage === 1 && hasRole(actor, 'team-manager') && !!child.socialWorkTeam && actor.team === child.socialWorkTeam
  );
}

/** The child's IRO decides: resolve, escalate, refer (one rule for every layer: domain/case-roles.ts). */
export { isChildsIro };

export interface Permissions {
  acknowledge: boolean;
  respond: boolean;
  resolve: boolean;
  escalate: boolean;
  notifySeniorOfficer: boolean;
  refer: boolean;
  gatherReferral: boolean;
}

export const NO_PERMISSIONS: Permissions = {
  acknowledge: false,
  respond: false,
  resolve: false,
  escalate: false,
  notifySeniorOfficer: false,
  refer: false,
  gatherReferral: false,
};

/** What `actor` may do now (drives the buttons each viewer sees; every action re-checks). */
export function permissionsFor(actor: Staff, r: Resolution, child: CaseOf, people: People): Permissions {
  return permissionsAs(r, { answer: mayAnswer(actor, r, child, people), iro: isChildsIro(actor, child) });
}

/**
 * What the people a queued card goes to may do, before anyone has clicked: the addressees (who answer the
 * current stage) or the child's IRO. The same table as `permissionsFor`, so a card's buttons never disagree.
 */
export function audiencePermissions(audience: 'addressee' | 'iro', r: Resolution): Permissions {
  return permissionsAs(r, { answer: audience === 'addressee', iro: audience === 'iro' });
}

function permissionsAs(r: Resolution, who: { answer: boolean; iro: boolean }): Permissions {
  const state = stateOf(r);
  const { answer, iro } = who;
  const open = isOpenResolution(r);
  return {
    acknowledge: answer && state === 'awaiting-acknowledgement',
    respond: answer && state === 'acknowledged',
    resolve: iro && open,
    escalate: iro && open && currentStage(r).stage < LAST_STAGE,
    notifySeniorOfficer: iro && open && !r.seniorOfficerNotice,
    refer: iro && open && !!r.seniorOfficerNotice,
    gatherReferral: iro && r.status === 'referred',
  };
}

/** Every person who may see a resolution's details: the IRO, the addressees of every stage and their managers. */
export function involvedIds(r: Resolution, child: CaseOf, people: People): Set<string> {
  const ids = new Set<string>([child.iroId]);
  for (const s of r.stages) {
    for (const id of s.addresseeIds) {
      ids.add(id);
      const m = people.get(id)?.managerId;
      if (m) ids.add(m);
    }
  }
  return ids;
}
