import assert from 'node:assert/strict';
import {
  checkIroEligibility as checkWithWhy,
  whyParams,
  type CaseRoles,
  type IneligibleGround,
  type IneligibleWhy,
} from '../../src/domain/eligibility.js';
import { translator } from '../../src/teams/i18n/translate.js';
import type { Staff } from '../../src/domain/types.js';

const staff: Staff[] = [
  { id: 'iro-1', name: 'A', roles: ['iro'], managerId: 'tm-1' },
  { id: 'iro-2', name: 'B', roles: ['iro', 'team-manager'], managerId: 'hos-1' },
  { id: 'sw-1', name: 'C', roles: ['social-worker'], managerId: 'iro-2' },
  { id: 'sw-2', name: 'D', roles: ['social-worker', 'iro'], managerId: 'tm-n' },
  { id: 'tm-n', name: 'E', roles: ['team-manager'], managerId: 'hos-1' },
  { id: 'hos-1', name: 'F', roles: ['head-of-service', 'iro'] },
  { id: 'bs-1', name: 'G', roles: ['business-support'] },
  { id: 'cy-1', name: 'H', roles: ['social-worker'], managerId: 'cy-2' },
  { id: 'cy-2', name: 'I', roles: ['team-manager'], managerId: 'cy-1' },
  { id: 'pa-1', name: 'J', roles: ['social-worker'], managerId: 'iro-3' },
  { id: 'iro-3', name: 'K', roles: ['iro', 'team-manager'] },
  { id: 'iro-4', name: 'L', roles: ['iro'], controlsResourcesOf: ['North'] },
];
const byId = new Map(staff.map((s) => [s.id, s]));

/**
 * The verdict without its `why`, after checking that the why, written by the English catalogue, is the reason
 * word for word (issue 13: the reader's language writes a refusal from the data alone), and that Welsh has it too.
 */
function checkIroEligibility(
  ...args: Parameters<typeof checkWithWhy>
): { ok: true } | { ok: false; ground: IneligibleGround; reason: string } {
  const r = checkWithWhy(...args);
  if (r.ok) return r;
  const { why, ...rest } = r as typeof r & { why: IneligibleWhy };
  assert.equal(translator('en')('eligibility.why', whyParams(why)), r.reason);
  const welsh = translator('cy')('eligibility.why', whyParams(why));
  assert.ok(welsh.includes(why.id) && welsh !== r.reason, welsh);
  return rest;
}
const s = (id: string) => byId.get(id)!;

describe('checkIroEligibility (W54.3)', () => {
  it("accepts an IRO outside the social worker's line", () => {
    assert.deepEqual(checkIroEligibility(s('iro-1'), { socialWorkerId: 'sw-1' }, byId), { ok: true });
  });

  it('accepts a child without a social worker', () => {
    assert.deepEqual(checkIroEligibility(s('iro-1'), {}, byId), { ok: true });
  });

  it("refuses the child's own social worker", () => {
    const r = checkIroEligibility(s('sw-2'), { socialWorkerId: 'sw-2' }, byId);
    assert.deepEqual(r, {
      ok: false,
      ground: 'social-worker-or-adviser',
      reason: "sw-2 is the child's social worker (W54.3)",
    });
  });

  it("refuses the social worker's direct manager", () => {
    const r = checkIroEligibility(s('iro-2'), { socialWorkerId: 'sw-1' }, byId);
    assert.deepEqual(r, {
      ok: false,
      ground: 'manages-one-of-them',
      reason: "iro-2 manages sw-1, the child's social worker (W54.3)",
    });
  });

  it('refuses anyone higher up the management line', () => {
    const r = checkIroEligibility(s('hos-1'), { socialWorkerId: 'sw-2' }, byId);
    assert.equal(r.ok, false);
    assert.match((r as { reason: string }).reason, /hos-1 is in the management line of sw-2.*W54\.3/);
  });

  it('refuses a person without the iro role', () => {
    const r = checkIroEligibility(s('bs-1'), { socialWorkerId: 'sw-1' }, byId);
    assert.deepEqual(r, { ok: false, ground: 'not-iro', reason: 'bs-1 does not hold the iro role' });
  });

  it('terminates on a cycle in the management data', () => {
    assert.deepEqual(checkIroEligibility(s('iro-1'), { socialWorkerId: 'cy-1' }, byId), { ok: true });
  });

  it('treats an unknown social worker as having no known line', () => {
    assert.deepEqual(checkIroEligibility(s('iro-1'), { socialWorkerId: 'sw-x' }, byId), { ok: true });
  });

  describe('every W54.3 ground', () => {
    const verdict = (iro: string, child: CaseRoles) => checkIroEligibility(s(iro), child, byId);
    const cases: Array<[string, string, CaseRoles, IneligibleGround, string]> = [
      [
        'the care plan author',
        'iro-1',
        { carePlanAuthorIds: ['sw-1', 'iro-1'] },
        'plan-or-case',
        "iro-1 is an author of the child's care and support plan (W54.3)",
      ],
      [
        'the case manager',
        'iro-1',
        { caseManagerId: 'iro-1' },
        'plan-or-case',
        "iro-1 is the manager of the child's case (W54.3)",
      ],
      [
        'the personal adviser',
        'iro-1',
        { personalAdviserId: 'iro-1' },
        'social-worker-or-adviser',
        "iro-1 is the child's personal adviser (W54.3)",
      ],
      [
        'the visiting representative',
        'iro-1',
        { visitingRepresentativeId: 'iro-1' },
        'visiting-representative',
        "iro-1 is the council's representative visiting the child (W54.3)",
      ],
      [
        "the personal adviser's manager",
        'iro-3',
        { personalAdviserId: 'pa-1' },
        'manages-one-of-them',
        "iro-3 manages pa-1, the child's personal adviser (W54.3)",
      ],
      [
        "the plan author's manager",
        'iro-3',
        { carePlanAuthorIds: ['pa-1'] },
        'manages-one-of-them',
        "iro-3 manages pa-1, an author of the child's care and support plan (W54.3)",
      ],
      [
        "the visiting representative's manager",
        'hos-1',
        { visitingRepresentativeId: 'tm-n' },
        'manages-one-of-them',
        "hos-1 manages tm-n, the council's representative visiting the child (W54.3)",
      ],
      [
        'a resource controller named on the case',
        'iro-1',
        { resourceControllerIds: ['iro-1'] },
        'controls-resources',
        'iro-1 controls the resources allocated to the case (W54.3)',
      ],
      [
        "the holder of the team's resources (case-insensitive team)",
        'iro-4',
        { socialWorkTeam: 'north' },
        'controls-resources',
        'iro-4 controls the resources of team north, which holds the case (W54.3)',
      ],
    ];
    for (const [who, iro, child, ground, reason] of cases) {
      it(`refuses ${who}`, () => assert.deepEqual(verdict(iro, child), { ok: false, ground, reason }));
    }

    it('accepts an IRO clear of every role on a fully described case', () => {
      const child: CaseRoles = {
        socialWorkerId: 'sw-1',
        socialWorkTeam: 'south',
        personalAdviserId: 'pa-1',
        visitingRepresentativeId: 'sw-2',
        carePlanAuthorIds: ['sw-1', 'pa-1'],
        caseManagerId: 'tm-n',
        resourceControllerIds: ['bs-1'],
      };
      assert.deepEqual(verdict('iro-1', child), { ok: true });
      assert.deepEqual(verdict('iro-4', child), { ok: true });
    });
  });
});
