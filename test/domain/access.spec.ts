import assert from 'node:assert/strict';
import {
  canSeeChild,
  hasServiceWideView,
  initials,
  isManager,
  maySeeChildVia,
  type AccessDoor,
} from '../../src/domain/access.js';
import type { LiaisonChild } from '../../src/domain/liaison.js';
import type { Staff } from '../../src/domain/types.js';

const person = (id: string, roles: Staff['roles'], extra: Partial<Staff> = {}): Staff => ({
  id,
  name: id,
  roles,
  ...extra,
});
const child = { iroId: 'iro-1', socialWorkerId: 'sw-1', socialWorkTeam: 'north' };
const sw = person('sw-1', ['social-worker'], { managerId: 'tm-north' });

describe('access rules (docs/DOMAIN.md "People and roles")', () => {
  const cases: [string, Staff, boolean][] = [
    ["the child's IRO", person('iro-1', ['iro']), true],
    ['another IRO', person('iro-2', ['iro']), false],
    ['the social worker', sw, true],
    ["the social worker's manager", person('tm-north', ['team-manager'], { team: 'north' }), true],
    ['a manager of another social work team', person('tm-south', ['team-manager'], { team: 'south' }), false],
    ['business support', person('bs-1', ['business-support']), true],
    ['a reviewing team manager', person('tm-1', ['team-manager'], { team: 'reviewing' }), true],
    ['head of service', person('hos', ['head-of-service']), true],
    ['admin', person('admin-1', ['admin']), true],
    ['legal', person('legal-1', ['legal']), false],
    ['a Guardian (only through liaison items)', person('g-1', ['guardian'], { external: true }), false],
  ];
  for (const [who, staff, expected] of cases) {
    it(`${who}: ${expected ? 'may' : 'may not'} see the child`, () => {
      assert.equal(canSeeChild(staff, child, sw), expected);
    });
  }

  it('managers are reviewing team managers and the ladder roles', () => {
    assert.equal(isManager(person('tm-1', ['team-manager'], { team: 'reviewing' })), true);
    assert.equal(isManager(person('tm-n', ['team-manager'], { team: 'north' })), false);
    assert.equal(isManager(person('ce', ['chief-executive'])), true);
    assert.equal(hasServiceWideView(person('iro-1', ['iro'])), false);
  });

  it('initials for channel cards', () => {
    assert.equal(initials({ givenName: 'Dylan', familyName: 'Evans' }), 'D.E.');
    assert.equal(initials({ givenName: null, familyName: 'evans' }), 'E.');
    assert.equal(initials({}), '');
  });

  describe("by door (the rule behind every card verb's subject)", () => {
    const base: LiaisonChild = {
      ref: 'C1',
      iroId: 'iro-1',
      socialWorkerId: 'sw-1',
      socialWorkTeam: 'north',
      track: 'cla',
      events: [],
      reviews: [],
      bookings: [],
    } as unknown as LiaisonChild;
    const inProceedings = {
      ...base,
      proceedings: { startedOn: '2026-09-01', guardianId: 'g-1', guardianAppointedOn: '2026-09-02', concludedOn: null },
    } as LiaisonChild;
    const concluded = {
      ...base,
      proceedings: { startedOn: '2025-01-01', guardianId: 'g-1', concludedOn: '2025-06-01', outcome: 'leaves-care' },
    } as LiaisonChild;
    const g1 = person('g-1', ['guardian'], { external: true });
    const g2 = person('g-2', ['guardian'], { external: true });
    const legal = person('legal-1', ['legal']);
    const extBs = person('bs-x', ['business-support'], { upn: 'temp_agency.example#EXT#@council.onmicrosoft.com' });
    const iro2 = person('iro-2', ['iro']);
    const hos = person('hos', ['head-of-service']);
    const may = (door: AccessDoor, who: Staff, c: LiaisonChild, involved = false) =>
      maySeeChildVia(door, who, c, { socialWorker: sw, involvedInResolution: involved });

    it('case: canSeeChild, and never a guest (a Guardian, or #EXT# staff whatever their roles)', () => {
      assert.equal(may('case', person('iro-1', ['iro']), base), true);
      assert.equal(may('case', hos, base), true);
      for (const who of [iro2, legal, g1, extBs]) assert.equal(may('case', who, inProceedings), false, who.id);
      assert.equal(canSeeChild(extBs, base, sw), false, '#EXT# staff are guests whatever roles they were given');
    });

    it('resolution: canSeeChild, or named in that resolution', () => {
      assert.equal(may('resolution', iro2, base), false);
      assert.equal(may('resolution', iro2, base, true), true);
      assert.equal(may('resolution', g1, base, true), false, 'never a guest');
    });

    it("liaison: only for a child in proceedings; staff who see the child, legal, and the child's own Guardian while access is open", () => {
      assert.equal(may('liaison', person('iro-1', ['iro']), base), false, 'no proceedings, no liaison item');
      assert.equal(may('liaison', person('iro-1', ['iro']), inProceedings), true);
      assert.equal(may('liaison', legal, inProceedings), true);
      assert.equal(may('liaison', g1, inProceedings), true);
      assert.equal(may('liaison', g2, inProceedings), false, "another child's Guardian");
      assert.equal(may('liaison', g1, concluded), false, 'access ended with the proceedings');
      assert.equal(may('liaison', iro2, inProceedings), false);
      assert.equal(may('liaison', extBs, inProceedings), false);
    });

    it('liaison-record: staff who see the child; legal once proceedings started; never a guest', () => {
      assert.equal(may('liaison-record', person('bs-1', ['business-support']), base), true);
      assert.equal(may('liaison-record', legal, base), false);
      assert.equal(may('liaison-record', legal, inProceedings), true);
      assert.equal(may('liaison-record', g1, inProceedings), false);
    });
  });
});
