// Who may do what with a resolution. "Their manager" may act for an addressee: the addressee's
// managerId, and at stage 1 any team manager of the child's social work team. The child's IRO decides
// (resolve, escalate, refer). Asked by commands, card actions and the sweeper alike.
import { hasRole, isReviewingManager } from '../access.js';
import { isChildsIro } from '../case-roles.js';
import type { Staff } from '../types.js';
import type { CaseOf, People } from './addressees.js';
import { currentStage, isMeetingStage, type Resolution } from './records.js';
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

/**
 * Who may arrange the current stage's meeting (decision; the seed: "co-ordinated by the Reviewing team"): the
 * child's IRO, business support, a reviewing team manager, and the stage's own addressees when it is a ladder
 * rung (the head of service chairs the stage 3 meeting and may set it).
 */
export function mayArrangeMeeting(actor: Staff, r: Resolution, child: CaseOf): boolean {
  const s = currentStage(r);
  if (!isOpenResolution(r) || !isMeetingStage(s) || s.meeting?.outcome) return false;
  return (
    isChildsIro(actor, child) ||
    hasRole(actor, 'business-support') ||
    isReviewingManager(actor) ||
    (s.stage > 2 && s.addresseeIds.includes(actor.id))
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
  /** RS2: arrange (or rearrange) the current stage's resolution meeting. */
  arrangeMeeting: boolean;
  /** RS2: record what the meeting decided (the IRO, once it is arranged). */
  recordMeetingOutcome: boolean;
}

export const NO_PERMISSIONS: Permissions = {
  acknowledge: false,
  respond: false,
  resolve: false,
  escalate: false,
  notifySeniorOfficer: false,
  refer: false,
  gatherReferral: false,
  arrangeMeeting: false,
  recordMeetingOutcome: false,
};

/** What `actor` may do now (drives the buttons each viewer sees; every action re-checks). */
export function permissionsFor(actor: Staff, r: Resolution, child: CaseOf, people: People): Permissions {
  return permissionsAs(r, {
    answer: mayAnswer(actor, r, child, people),
    iro: isChildsIro(actor, child),
    arrange: mayArrangeMeeting(actor, r, child),
  });
}

/**
 * What the people a queued card goes to may do, before anyone has clicked: the addressees (who answer the
 * current stage) or the child's IRO. The same table as `permissionsFor`, so a card's buttons never disagree.
 */
export function audiencePermissions(audience: 'addressee' | 'iro', r: Resolution): Permissions {
  const s = currentStage(r);
  // The IRO may always arrange; of the addressees only a ladder rung's (mayArrangeMeeting).
  const arrange =
    isOpenResolution(r) &&
    isMeetingStage(s) &&
    !s.meeting?.outcome &&
    (audience === 'iro' || (audience === 'addressee' && s.stage > 2));
  return permissionsAs(r, { answer: audience === 'addressee', iro: audience === 'iro', arrange });
}

function permissionsAs(r: Resolution, who: { answer: boolean; iro: boolean; arrange: boolean }): Permissions {
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
    arrangeMeeting: who.arrange,
    recordMeetingOutcome: iro && state === 'meeting-arranged',
  };
}

/** Every person who may see a resolution's details: the IRO, the addressees of every stage and their managers,
 *  and everyone invited to one of its meetings (RS2). */
export function involvedIds(r: Resolution, child: CaseOf, people: People): Set<string> {
  const ids = new Set<string>([child.iroId]);
  for (const s of r.stages) {
    for (const id of s.addresseeIds) {
      ids.add(id);
      const m = people.get(id)?.managerId;
      if (m) ids.add(m);
    }
    for (const id of s.meeting?.attendeeIds ?? []) ids.add(id);
  }
  return ids;
}
