import assert from 'node:assert/strict';
import { canSeeChild, hasServiceWideView, initials, isManager } from '../../src/domain/access.js';
import type { Staff } from '../../src/domain/types.js';

const person = (id: string, roles: Staff['roles'], extra: Partial<Staff> = {}): Staff => ({ id, name: id, roles, ...extra });
const child = { iroId: 'iro-1', socialWorkerId: 'sw-1', socialWorkTeam: 'north' };
const sw = person('sw-1', ['social-worker'], { managerId: 'tm-north' });

describe('access rules (docs/DOMAIN.md "People and roles")', () => {
  const cases: [string, Staff, boolean][] = [
    ['the child\'s IRO', person('iro-1', ['iro']), true],
    ['another IRO', person('iro-2', ['iro']), false],
    ['the social worker', sw, true],
    ['the social worker\'s manager', person('tm-north', ['team-manager'], { team: 'north' }), true],
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
});
