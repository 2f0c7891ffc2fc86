import assert from 'node:assert/strict';
import { createCalendar } from '../../src/domain/calendar.js';
import { liaisonItems, type LiaisonChild } from '../../src/domain/liaison.js';
import {
  isOpenResolution,
  overdueResolutionMessages,
  permissionsFor,
  raise,
  RESOLUTION_STATUSES,
  resolutionTasks,
  stageTable,
  type Resolution,
  type ResolutionStatus,
  type Stamp,
} from '../../src/domain/resolutions/index.js';
import type { Staff } from '../../src/domain/types.js';

// "Open resolution" has one meaning (domain/resolutions/state.ts): still in the council's dispute
// process, i.e. status 'open'. Resolved and referred-to-Cafcass ones are not open, for every rule.

/** The expected class of every status. Typed as a full Record: a new status fails to compile here. */
const EXPECTED_OPEN: Record<ResolutionStatus, boolean> = { open: true, resolved: false, referred: false };

const calendar = createCalendar({ region: 'GB-WLS', closureDays: [] });
const people = new Map<string, Staff>([
  ['iro-1', { id: 'iro-1', name: 'Alex', roles: ['iro'] }],
  ['sw-1', { id: 'sw-1', name: 'Dafydd', roles: ['social-worker'], team: 'north', managerId: 'tm-n' }],
  ['tm-n', { id: 'tm-n', name: 'Owen', roles: ['team-manager'], team: 'north' }],
]);
const caseOf = { ref: 'C1', iroId: 'iro-1', socialWorkerId: 'sw-1', socialWorkTeam: 'north' };
const stamp: Stamp = { by: 'iro-1', byName: 'Alex', at: '2026-03-02T09:00:00.000Z', on: '2026-03-02' };
/** A formal resolution raised on Mon 2 Mar 2026, never acknowledged: overdue by May. */
const withStatus = (status: ResolutionStatus): Resolution => ({
  ...raise({
    id: 'C1-R1',
    actor: people.get('iro-1')!,
    child: caseOf,
    people,
    stamp,
    table: stageTable(),
    calendar,
    form: { theme: 'care-planning', stage: 1, summary: 'Plan drift', ask: 'Update the plan' },
  }),
  status,
});

const liaisonChild = (resolutions: LiaisonChild['resolutions']): LiaisonChild => ({
  ref: 'C1',
  track: 'cla',
  iroId: 'iro-1',
  events: [],
  reviews: [],
  bookings: [],
  proceedings: { startedOn: '2026-03-02', guardianId: 'g-1', guardianAppointedOn: '2026-03-04', irhDate: '2026-06-01' },
  resolutions,
});
const hasL8 = (c: LiaisonChild) => liaisonItems(c, '2026-05-01', calendar).some((i) => i.duty === 'L8');

describe('open resolution: one vocabulary', () => {
  it('classifies every status the resolution type allows, and only those', () => {
    assert.deepEqual([...RESOLUTION_STATUSES].sort(), Object.keys(EXPECTED_OPEN).sort());
    for (const status of RESOLUTION_STATUSES) {
      assert.equal(isOpenResolution({ status }), EXPECTED_OPEN[status], status);
    }
  });

  it('a status that is not in the vocabulary (old or damaged data) is not open, and does not throw', () => {
    for (const status of ['closed', 'withdrawn', 'cancelled', 'OPEN', '', 'toString', '__proto__', 'constructor']) {
      assert.equal(isOpenResolution({ status } as unknown as Resolution), false, status);
    }
  });

  it('L8 (tell the court of an open IRO dispute): an open resolution fires it; a referred or resolved one does not', () => {
    assert.equal(hasL8(liaisonChild([{ status: 'open' }])), true);
    // The old liaison list ('resolved', 'closed', 'withdrawn', 'cancelled') counted a referred one as open.
    assert.equal(hasL8(liaisonChild([{ status: 'referred' }])), false);
    assert.equal(hasL8(liaisonChild([{ status: 'resolved' }, { status: 'referred' }])), false);
    assert.equal(hasL8(liaisonChild([{ status: 'referred' }, { status: 'open' }])), true);
    assert.equal(hasL8(liaisonChild([])), false);
  });

  it('overdue reminders, /actions, the IRO buttons and L8 agree with isOpenResolution for every status', () => {
    const today = '2026-05-05'; // a Tuesday (Mon 4 May is a bank holiday: no reminders)
    const iro = people.get('iro-1')!;
    for (const status of RESOLUTION_STATUSES) {
      const r = withStatus(status);
      const open = isOpenResolution(r);
      const child = { ...caseOf, resolutions: [r] };
      assert.equal(
        overdueResolutionMessages([child], today, calendar).length > 0,
        open,
        `overdue reminders, ${status}`,
      );
      assert.equal(
        resolutionTasks(people.get('sw-1')!, [child], people, today).length > 0,
        open,
        `addressee tasks, ${status}`,
      );
      assert.equal(resolutionTasks(iro, [child], people, today).length > 0, open, `IRO tasks, ${status}`);
      assert.equal(permissionsFor(iro, r, caseOf, people).resolve, open, `resolve button, ${status}`);
      assert.equal(hasL8(liaisonChild([r])), open, `L8, ${status}`);
    }
  });
});
