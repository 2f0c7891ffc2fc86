import type { Staff } from './types.js';

/** The W54.3 ground a refusal rests on (DOMAIN.md; the seed report's five categories). */
export type IneligibleGround =
  | 'not-iro' // not a W54.3 ground: the person must hold the iro role at all
  | 'plan-or-case' // prepared the care and support plan, or manages the case
  | 'social-worker-or-adviser' // the child's social worker or personal adviser
  | 'visiting-representative' // the council's representative appointed to visit the child
  | 'manages-one-of-them' // manages (anywhere up the line) any of the people above
  | 'controls-resources'; // controls the resources allocated to the case

export type EligibilityResult = { ok: true } | { ok: false; ground: IneligibleGround; reason: string };

/** What the rule needs to know about the child's case; every field optional (the case system may not send it). */
export interface CaseRoles {
  socialWorkerId?: string | null;
  socialWorkTeam?: string | null;
  personalAdviserId?: string | null;
  visitingRepresentativeId?: string | null;
  carePlanAuthorIds?: readonly string[] | null;
  caseManagerId?: string | null;
  resourceControllerIds?: readonly string[] | null;
}

const refused = (ground: IneligibleGround, reason: string): EligibilityResult => ({
  ok: false,
  ground,
  reason: ground === 'not-iro' ? reason : `${reason} (W54.3)`,
});

/**
 * W54.3 on every ground the data can carry: nobody may be a child's IRO who prepared the care and
 * support plan or manages the case; is the child's social worker, personal adviser or visiting
 * representative; manages any of those people (anywhere up the management line); or controls the
 * resources allocated to the case (named on the child, or holding the resources of the child's
 * social work team). The person must also hold the `iro` role.
 */
export function checkIroEligibility(
  iro: Staff,
  child: CaseRoles,
  staffById: ReadonlyMap<string, Staff>,
): EligibilityResult {
  if (!iro.roles.includes('iro')) return refused('not-iro', `${iro.id} does not hold the iro role`);
  const me = iro.id;
  // The people W54.3 names, in the order their refusal is reported.
  const roles: Array<{ id: string; what: string; ground: IneligibleGround }> = [];
  const add = (id: string | null | undefined, what: string, ground: IneligibleGround) => {
    if (id) roles.push({ id, what, ground });
  };
  add(child.socialWorkerId, "the child's social worker", 'social-worker-or-adviser');
  add(child.personalAdviserId, "the child's personal adviser", 'social-worker-or-adviser');
  add(child.visitingRepresentativeId, "the council's representative visiting the child", 'visiting-representative');
  for (const id of child.carePlanAuthorIds ?? [])
    add(id, "an author of the child's care and support plan", 'plan-or-case');
  add(child.caseManagerId, "the manager of the child's case", 'plan-or-case');

  for (const r of roles) {
    if (r.id === me) return refused(r.ground, `${me} is ${r.what}`);
  }
  if ((child.resourceControllerIds ?? []).includes(me)) {
    return refused('controls-resources', `${me} controls the resources allocated to the case`);
  }
  const team = child.socialWorkTeam;
  if (team && (iro.controlsResourcesOf ?? []).some((t) => t.toLowerCase() === team.toLowerCase())) {
    return refused('controls-resources', `${me} controls the resources of team ${team}, which holds the case`);
  }
  for (const r of roles) {
    const line = managementLine(r.id, staffById);
    const at = line.indexOf(me);
    if (at === 0) return refused('manages-one-of-them', `${me} manages ${r.id}, ${r.what}`);
    if (at > 0) return refused('manages-one-of-them', `${me} is in the management line of ${r.id}, ${r.what}`);
  }
  return { ok: true };
}

/** The managers above `id`, nearest first; `seen` guards against cycles in bad data. */
function managementLine(id: string, staffById: ReadonlyMap<string, Staff>): string[] {
  const line: string[] = [];
  const seen = new Set<string>([id]);
  let managerId = staffById.get(id)?.managerId ?? null;
  while (managerId && !seen.has(managerId)) {
    line.push(managerId);
    seen.add(managerId);
    managerId = staffById.get(managerId)?.managerId ?? null;
  }
  return line;
}
