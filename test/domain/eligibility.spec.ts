import assert from 'node:assert/strict';
import { checkIroEligibility } from '../../src/domain/eligibility.js';
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
];
const byId = new Map(staff.map((s) => [s.id, s]));
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
    assert.deepEqual(r, { ok: false, reason: "sw-2 is the child's social worker (W54.3)" });
  });

  it("refuses the social worker's direct manager", () => {
    const r = checkIroEligibility(s('iro-2'), { socialWorkerId: 'sw-1' }, byId);
    assert.deepEqual(r, { ok: false, reason: "iro-2 manages sw-1, the child's social worker (W54.3)" });
  });

  it('refuses anyone higher up the management line', () => {
    const r = checkIroEligibility(s('hos-1'), { socialWorkerId: 'sw-2' }, byId);
    assert.equal(r.ok, false);
    assert.match((r as { reason: string }).reason, /hos-1 is in the management line of sw-2.*W54\.3/);
  });

  it('refuses a person without the iro role', () => {
    const r = checkIroEligibility(s('bs-1'), { socialWorkerId: 'sw-1' }, byId);
    assert.deepEqual(r, { ok: false, reason: 'bs-1 does not hold the iro role' });
  });

  it('terminates on a cycle in the management data', () => {
    assert.deepEqual(checkIroEligibility(s('iro-1'), { socialWorkerId: 'cy-1' }, byId), { ok: true });
  });

  it('treats an unknown social worker as having no known line', () => {
    assert.deepEqual(checkIroEligibility(s('iro-1'), { socialWorkerId: 'sw-x' }, byId), { ok: true });
  });
});
