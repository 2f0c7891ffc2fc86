import assert from 'node:assert/strict';
import { loadConfig } from '../../src/config.js';
import { mayShowChildNames } from '../../src/domain/access.js';
import { agreedActionsFrom } from '../../src/domain/agreed-actions.js';
import {
  assertMayCorrectHeld,
  assertMayRecordHeld,
  BOOKING_DEFAULTS,
  needsManagerApproval,
} from '../../src/domain/booking-rules.js';
import { createCalendar } from '../../src/domain/calendar.js';
import { isChildsIro, isChildsSocialWorker } from '../../src/domain/case-roles.js';
import { DEFAULT_COMPLIANCE_TARGET } from '../../src/domain/compliance.js';
import { isAppError } from '../../src/domain/errors.js';
import {
  guardianChildren,
  isChildsGuardian,
  LIAISON_DEFAULTS,
  liaisonItems,
  proceedingsOpen,
  seesLegalCopy,
  type LiaisonChild,
} from '../../src/domain/liaison.js';
import { DEFAULT_POLICY_ID } from '../../src/domain/policies.js';
import {
  acknowledge,
  audiencePermissions,
  escalate,
  notifySeniorOfficer,
  permissionsFor,
  raise,
  referralCutsShort,
  respond,
  stageTable,
  type Permissions,
  type Resolution,
  type Stamp,
} from '../../src/domain/resolutions/index.js';
import { isLiveBooking } from '../../src/domain/review-status.js';
import { recordDueBy, recordOverdue, reviewOverdue, withinTimescale } from '../../src/domain/timescales.js';
import type { Staff } from '../../src/domain/types.js';

// One test per rule that used to be written in several places (issue 16): each boundary, and the
// cases where a copy could have drifted (a former IRO still named on the child, a Guardian whose
// access has ended, a legal officer who is also an IRO).

const person = (id: string, roles: Staff['roles'], extra: Partial<Staff> = {}): Staff => ({
  id,
  name: id,
  roles,
  ...extra,
});

describe('named rules, each written once (issue 16)', () => {
  describe('isChildsIro / isChildsSocialWorker', () => {
    const child = { iroId: 'iro-1', socialWorkerId: 'sw-1' };
    it('the allocated IRO who holds the iro role', () => {
      assert.equal(isChildsIro(person('iro-1', ['iro']), child), true);
      assert.equal(isChildsIro(person('iro-1', ['iro', 'legal']), child), true);
    });
    it('not another IRO, and not the allocated person once they no longer hold the iro role', () => {
      assert.equal(isChildsIro(person('iro-2', ['iro']), child), false);
      assert.equal(isChildsIro(person('iro-1', ['team-manager']), child), false);
    });
    it('an empty allocation matches nobody', () => {
      assert.equal(isChildsIro(person('', ['iro']), { iroId: '' }), false);
      assert.equal(isChildsSocialWorker(person('', ['social-worker']), { socialWorkerId: null }), false);
    });
    it('the allocated social worker, whatever their roles', () => {
      assert.equal(isChildsSocialWorker(person('sw-1', ['social-worker']), child), true);
      assert.equal(isChildsSocialWorker(person('sw-2', ['social-worker']), child), false);
    });
  });

  describe('withinTimescale / reviewOverdue (docs/DOMAIN.md "Dates")', () => {
    it('held on the due-by date is within; the day after is not', () => {
      assert.equal(withinTimescale('2026-10-04', '2026-10-04'), true);
      assert.equal(withinTimescale('2026-10-03', '2026-10-04'), true);
      assert.equal(withinTimescale('2026-10-05', '2026-10-04'), false);
    });
    it('across a month and a year end', () => {
      assert.equal(withinTimescale('2026-12-31', '2027-01-01'), true);
      assert.equal(withinTimescale('2027-01-01', '2026-12-31'), false);
    });
    it('an unheld review is not overdue on its due-by date, overdue the day after', () => {
      assert.equal(reviewOverdue('2026-10-04', '2026-10-04'), false);
      assert.equal(reviewOverdue('2026-10-04', '2026-10-03'), false);
      assert.equal(reviewOverdue('2026-10-04', '2026-10-05'), true);
    });
  });

  describe('recordDueBy / recordOverdue (14 days, held date is day 0)', () => {
    it('due on day 14, overdue from day 15', () => {
      assert.equal(recordDueBy('2026-02-20'), '2026-03-06');
      assert.equal(recordOverdue('2026-02-20', '2026-03-06'), false);
      assert.equal(recordOverdue('2026-02-20', '2026-03-07'), true);
    });
  });

  describe('isLiveBooking', () => {
    it('booked, or imported without a status, still stands; cancelled, adjourned and held do not', () => {
      assert.equal(isLiveBooking({ status: 'booked' }), true);
      assert.equal(isLiveBooking({}), true);
      for (const status of ['cancelled', 'adjourned', 'held'] as const)
        assert.equal(isLiveBooking({ status }), false, status);
    });
  });

  describe('needsManagerApproval (docs/DOMAIN.md "Booking and rescheduling")', () => {
    const auto = { autoApproveWithinTimescale: true };
    const manual = { autoApproveWithinTimescale: false };
    it('outside timescale always needs a manager, a move or a first booking, whatever the switch', () => {
      for (const kind of ['move', 'book'] as const) {
        assert.equal(needsManagerApproval(kind, true, auto), true, kind);
        assert.equal(needsManagerApproval(kind, true, manual), true, kind);
      }
    });
    it('a move within timescale needs one unless the switch auto-approves it', () => {
      assert.equal(needsManagerApproval('move', false, manual), true);
      assert.equal(needsManagerApproval('move', false, auto), false);
    });
    it('a first booking within timescale never does', () => {
      assert.equal(needsManagerApproval('book', false, manual), false);
      assert.equal(needsManagerApproval('book', false, auto), false);
    });
  });

  describe('held: who may record and correct (one refusal text for the form and the save)', () => {
    const child = { ref: 'C1', iroId: 'iro-1', socialWorkerId: 'sw-1' };
    it('record: the IRO and business support; anyone else is refused naming who may', () => {
      assert.doesNotThrow(() => assertMayRecordHeld(person('iro-1', ['iro']), child, '/case C1'));
      assert.doesNotThrow(() => assertMayRecordHeld(person('bs-1', ['business-support']), child, '/case C1'));
      assert.throws(
        () => assertMayRecordHeld(person('tm-1', ['team-manager'], { team: 'reviewing' }), child, '/case C1'),
        (e) =>
          isAppError(e, 'forbidden') &&
          /C1's IRO or business support/.test(e.message) &&
          e.details.example === '/case C1',
      );
    });
    it('correct: the IRO and managers, not business support', () => {
      assert.doesNotThrow(() => assertMayCorrectHeld(person('iro-1', ['iro']), child, '/actions'));
      assert.doesNotThrow(() =>
        assertMayCorrectHeld(person('tm-1', ['team-manager'], { team: 'reviewing' }), child, '/actions'),
      );
      assert.throws(
        () => assertMayCorrectHeld(person('bs-1', ['business-support']), child, '/actions'),
        (e) => isAppError(e, 'forbidden') && /C1's IRO or a manager/.test(e.message),
      );
    });
  });

  describe('proceedings and the Guardian', () => {
    const base = (over: Partial<LiaisonChild> = {}): LiaisonChild => ({
      ref: 'C1',
      track: 'cla',
      iroId: 'iro-1',
      events: [],
      reviews: [],
      bookings: [],
      proceedings: { startedOn: '2026-03-02', guardianId: 'g-1', guardianAppointedOn: '2026-03-04' },
      ...over,
    });
    const concluded = (outcome: 'remains-looked-after' | 'leaves-care') =>
      base({
        proceedings: {
          startedOn: '2026-03-02',
          guardianId: 'g-1',
          guardianAppointedOn: '2026-03-04',
          concludedOn: '2026-09-01',
          outcome,
        },
      });
    const g1 = person('g-1', ['guardian']);

    it('proceedingsOpen: started and not concluded', () => {
      assert.equal(proceedingsOpen(base()), true);
      assert.equal(proceedingsOpen(base({ proceedings: null })), false);
      assert.equal(proceedingsOpen(concluded('leaves-care')), false);
    });
    it('liaisonItems has no L2–L8 items once proceedings have concluded', () => {
      const cal = createCalendar({ region: 'GB-WLS', closureDays: [] });
      assert.ok(liaisonItems(base(), '2026-05-01', cal).some((i) => i.duty === 'L2'));
      assert.ok(!liaisonItems(concluded('leaves-care'), '2026-09-02', cal).some((i) => i.duty === 'L2'));
    });
    it('isChildsGuardian: the named Guardian while access is open; not another Guardian, not a non-guardian', () => {
      assert.equal(isChildsGuardian(g1, base()), true);
      assert.equal(isChildsGuardian(person('g-2', ['guardian']), base()), false);
      assert.equal(isChildsGuardian(person('g-1', ['iro']), base()), false);
    });
    it('access ends at the conclusion when the child leaves care; continues until L9 is done when they stay', () => {
      assert.equal(isChildsGuardian(g1, concluded('leaves-care')), false);
      assert.equal(isChildsGuardian(g1, concluded('remains-looked-after')), true);
    });
    it('guardianChildren keeps only the children whose Guardian this person is now', () => {
      const otherGuardian = base({ ref: 'C2', proceedings: { startedOn: '2026-03-02', guardianId: 'g-2' } });
      const kids = [base({ ref: 'C1' }), otherGuardian, { ...concluded('leaves-care'), ref: 'C3' }];
      assert.deepEqual(
        guardianChildren(g1, kids).map((c) => c.ref),
        ['C1'],
      );
      assert.deepEqual(guardianChildren(person('iro-1', ['iro']), kids), []);
    });
    it('seesLegalCopy: legal who is not an IRO, on a card that is theirs alone', () => {
      assert.equal(seesLegalCopy(person('l-1', ['legal'])), true);
      assert.equal(seesLegalCopy(person('l-1', ['legal']), true), false);
      assert.equal(seesLegalCopy(person('l-1', ['legal', 'iro'])), false);
      assert.equal(seesLegalCopy(person('bs-1', ['business-support'])), false);
    });
  });

  describe('mayShowChildNames (docs/DOMAIN.md "Identity and privacy")', () => {
    it('full names in a personal chat; in channels and group chats only when config allows', () => {
      assert.equal(mayShowChildNames('personal', false), true);
      assert.equal(mayShowChildNames('channel', false), false);
      assert.equal(mayShowChildNames('groupChat', false), false);
      assert.equal(mayShowChildNames('channel', true), true);
      assert.equal(mayShowChildNames('groupChat', true), true);
    });
  });

  describe('resolution permissions: a queued card shows the buttons its audience would get on a click', () => {
    const people = new Map<string, Staff>([
      ['iro-1', person('iro-1', ['iro'])],
      ['sw-1', person('sw-1', ['social-worker'], { team: 'north', managerId: 'tm-n' })],
      ['tm-n', person('tm-n', ['team-manager'], { team: 'north' })],
      ['hos-1', person('hos-1', ['head-of-service'])],
      ['so-1', person('so-1', ['head-of-service'], { nominatedSeniorOfficer: true })],
      ['ce-1', person('ce-1', ['chief-executive'])],
    ]);
    const p = (id: string) => people.get(id)!;
    const child = { ref: 'C1', iroId: 'iro-1', socialWorkerId: 'sw-1', socialWorkTeam: 'north' };
    const table = stageTable();
    const stamp = (by: string, on: string): Stamp => ({ by, byName: by, at: `${on}T09:00:00.000Z`, on });
    const form = { theme: 'care-planning', stage: 1, summary: 'Plan out of date', ask: 'Update it' };
    const calendar = createCalendar({ region: 'GB-WLS', closureDays: [] });
    const raised = raise({
      id: 'C1-R1',
      actor: p('iro-1'),
      child,
      people,
      form,
      stamp: stamp('iro-1', '2026-08-28'),
      table,
      calendar,
    });
    const acked = acknowledge(raised, { actor: p('sw-1'), child, people, stamp: stamp('sw-1', '2026-09-01'), table });
    const answered = respond(acked, {
      actor: p('sw-1'),
      child,
      people,
      stamp: stamp('sw-1', '2026-09-02'),
      table,
      text: 'Will do',
      actions: [],
    });
    const noticed = notifySeniorOfficer(answered, {
      actor: p('iro-1'),
      child,
      people,
      stamp: stamp('iro-1', '2026-09-03'),
      table,
      note: 'n',
    });
    // RS2: at the resolution meeting stage the IRO (not the social worker) may arrange it.
    const atMeeting = escalate(answered, {
      actor: p('iro-1'),
      child,
      people,
      stamp: stamp('iro-1', '2026-09-03'),
      table,
      calendar,
    });
    const states: [string, Resolution][] = [
      ['raised', raised],
      ['acknowledged', acked],
      ['responded', answered],
      ['notice given', noticed],
      ['awaiting its resolution meeting', atMeeting],
    ];

    for (const [name, r] of states) {
      it(`${name}: the addressee's and the IRO's queued buttons equal what a click would give them`, () => {
        assert.deepEqual(audiencePermissions('addressee', r), permissionsFor(p('sw-1'), r, child, people));
        assert.deepEqual(audiencePermissions('iro', r), permissionsFor(p('iro-1'), r, child, people));
      });
    }
    it('the addressee may acknowledge, then respond; the IRO may escalate but not acknowledge', () => {
      const addressee: Permissions = audiencePermissions('addressee', raised);
      assert.deepEqual(
        [addressee.acknowledge, addressee.respond, addressee.resolve, addressee.escalate],
        [true, false, false, false],
      );
      assert.equal(audiencePermissions('addressee', acked).respond, true);
      assert.equal(audiencePermissions('iro', raised).acknowledge, false);
      assert.equal(audiencePermissions('iro', raised).escalate, true);
      assert.equal(audiencePermissions('iro', noticed).refer, true);
    });
    it('referralCutsShort: before the last stage, not at it', () => {
      assert.equal(referralCutsShort(raised), true);
      const last = escalate(answered, {
        actor: p('iro-1'),
        child,
        people,
        stamp: stamp('iro-1', '2026-09-04'),
        table,
        calendar,
        toStage: 6,
        skipReason: 'urgent',
      });
      assert.equal(referralCutsShort(last), false);
    });
  });

  describe("agreedActionsFrom (the response form's rows)", () => {
    it('blank rows are skipped, text is trimmed, the date kept', () => {
      assert.deepEqual(
        agreedActionsFrom([
          { text: '  Update the plan ', by: '2026-09-10' },
          { text: '', by: '' },
          { text: ' ', by: '' },
        ]),
        [{ text: 'Update the plan', by: '2026-09-10' }],
      );
    });
    it('a date without a description is refused', () => {
      assert.throws(
        () => agreedActionsFrom([{ text: '  ', by: '2026-09-10' }]),
        (e) => isAppError(e, 'invalid-input') && /date but no text/.test(e.message),
      );
    });
    it('a description without a date is passed on (respond refuses it, naming the action)', () => {
      const actions = agreedActionsFrom([{ text: 'Call the school', by: '' }]);
      assert.deepEqual(actions, [{ text: 'Call the school', by: '' }]);
    });
  });

  describe('defaults stated once: config falls back to the domain values', () => {
    const config = loadConfig({});
    it('booking settings', () => {
      assert.deepEqual(config.slotTimes, [...BOOKING_DEFAULTS.slotTimes]);
      assert.deepEqual(BOOKING_DEFAULTS.slotTimes, ['10:00', '14:00']);
      assert.equal(config.maxReviewsPerDay, BOOKING_DEFAULTS.maxReviewsPerDay);
      assert.equal(BOOKING_DEFAULTS.maxReviewsPerDay, 3);
      assert.equal(config.rescheduleAutoApproveWithinTimescale, false);
    });
    it('the compliance target, the timescale policy and the discussion interval', () => {
      assert.equal(config.complianceTarget, DEFAULT_COMPLIANCE_TARGET);
      assert.equal(DEFAULT_COMPLIANCE_TARGET, 98.5);
      assert.equal(config.timescalePolicy, DEFAULT_POLICY_ID);
      assert.equal(LIAISON_DEFAULTS.discussionIntervalDays, 42);
    });
  });
});
