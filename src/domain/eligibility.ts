import type { Staff } from './types.js';

/** The W54.3 ground a refusal rests on (DOMAIN.md; the seed report's five categories). */
export type IneligibleGround =
  | 'not-iro' // not a W54.3 ground: the person must hold the iro role at all
  | 'plan-or-case' // prepared the care and support plan, or manages the case
  | 'social-worker-or-adviser' // the child's social worker or personal adviser
  | 'visiting-representative' // the council's representative appointed to visit the child
  | 'manages-one-of-them' // manages (anywhere up the line) any of the people above
  | 'controls-resources'; // controls the resources allocated to the case

/** Whose role a W54.3 refusal names. */
export type W543Role =
  'social-worker' | 'personal-adviser' | 'visiting-representative' | 'plan-author' | 'case-manager';

/**
 * Why, as data (issue 13: the reader's language writes it; `reason` is the English for logs and import reports).
 * `id` is the refused person; `other` the person they manage or are above; `team` the team whose resources they hold.
 */
export type IneligibleWhy =
  | { what: 'not-iro'; id: string }
  | { what: 'is'; id: string; role: W543Role }
  | { what: 'controls-resources'; id: string }
  | { what: 'controls-team'; id: string; team: string }
  | { what: 'manages' | 'in-line'; id: string; other: string; role: W543Role };

export type EligibilityResult =
  { ok: true } | { ok: false; ground: IneligibleGround; reason: string; why: IneligibleWhy };

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

const refused = (ground: IneligibleGround, reason: string, why: IneligibleWhy): EligibilityResult => ({
  ok: false,
  ground,
  reason: ground === 'not-iro' ? reason : `${reason} (W54.3)`,
  why,
});

/** The English of each role (logs, import reports); the catalogue's `eligibility.why` writes it for a reader. */
const ROLE_WORDS: Readonly<Record<W543Role, string>> = {
  'social-worker': "the child's social worker",
  'personal-adviser': "the child's personal adviser",
  'visiting-representative': "the council's representative visiting the child",
  'plan-author': "an author of the child's care and support plan",
  'case-manager': "the manager of the child's case",
};

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
  if (!iro.roles.includes('iro'))
    return refused('not-iro', `${iro.id} does not hold the iro role`, { what: 'not-iro', id: iro.id });
  const me = iro.id;
  // The people W54.3 names, in the order their refusal is reported.
  const roles: Array<{ id: string; what: string; role: W543Role; ground: IneligibleGround }> = [];
  const add = (id: string | null | undefined, role: W543Role, ground: IneligibleGround) => {
    if (id) roles.push({ id, what: ROLE_WORDS[role], role, ground });
  };
  add(child.socialWorkerId, 'social-worker', 'social-worker-or-adviser');
  add(child.personalAdviserId, 'personal-adviser', 'social-worker-or-adviser');
  add(child.visitingRepresentativeId, 'visiting-representative', 'visiting-representative');
  for (const id of child.carePlanAuthorIds ?? []) add(id, 'plan-author', 'plan-or-case');
  add(child.caseManagerId, 'case-manager', 'plan-or-case');

  for (const r of roles) {
    if (r.id === me) return refused(r.ground, `${me} is ${r.what}`, { what: 'is', id: me, role: r.role });
  }
  if ((child.resourceControllerIds ?? []).includes(me)) {
    return refused('controls-resources', `${me} controls the resources allocated to the case`, {
      what: 'controls-resources',
      id: me,
    });
  }
  const team = child.socialWorkTeam;
  if (team && (iro.controlsResourcesOf ?? []).some((t) => t.toLowerCase() === team.toLowerCase())) {
    return refused('controls-resources', `${me} controls the resources of team ${team}, which holds the case`, {
      what: 'controls-team',
      id: me,
      team,
    });
  }
  for (const r of roles) {
    const line = managementLine(r.id, staffById);
    const at = line.indexOf(me);
    const why = { id: me, other: r.id, role: r.role };
    if (at === 0)
      return refused('manages-one-of-them', `${me} manages ${r.id}, ${r.what}`, { what: 'manages', ...why });
    if (at > 0)
      return refused('manages-one-of-them', `${me} is in the management line of ${r.id}, ${r.what}`, {
        what: 'in-line',
        ...why,
      });
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

/**
 * A refusal's why as flat message parameters (AppError userMessage params; the catalogue's `eligibility.why`).
 * ICU select keys cannot hold a hyphen: `not-iro` is sent as `not_iro`.
 */
export function whyParams(why: IneligibleWhy): Record<string, string> {
  const key = (s: string) => s.replace(/-/g, '_');
  return {
    what: key(why.what),
    id: why.id,
    role: 'role' in why ? key(why.role) : 'none',
    other: 'other' in why ? why.other : '',
    team: 'team' in why ? why.team : '',
  };
}
