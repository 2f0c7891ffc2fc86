import assert from 'node:assert/strict';
import { createCalendar } from '../../src/domain/calendar.js';
import { isGuest, isGuestStaff, unexpectedGuests } from '../../src/domain/guests.js';
import {
  carriedMonitoringIssues,
  DUTIES,
  DUTY_IDS,
  guardianAccessOpen,
  liaisonItems,
  liaisonPrompts,
  mayActOn,
  openItemsFor,
  type LiaisonChild,
} from '../../src/domain/liaison.js';

const cal = createCalendar({ region: 'GB-WLS', closureDays: [] });
const child = (over: Partial<LiaisonChild> = {}): LiaisonChild => ({
  ref: 'C1',
  track: 'cla',
  iroId: 'iro-1',
  events: [],
  reviews: [],
  bookings: [],
  proceedings: { startedOn: '2026-03-02', guardianId: 'g-1', guardianAppointedOn: '2026-03-04', irhDate: '2026-06-01' },
  ...over,
});

describe('liaison duties (domain)', () => {
  it('has L1–L10 as data: trigger, action, deadline, who acts; L2, L4, L6 and L8 also go to legal', () => {
    assert.deepEqual(Object.keys(DUTIES), [...DUTY_IDS]);
    assert.deepEqual(
      DUTY_IDS.filter((d) => DUTIES[d].toLegal),
      ['L2', 'L4', 'L6', 'L8'],
    );
    assert.ok(
      DUTY_IDS.every((d) => DUTIES[d].trigger && DUTIES[d].action && DUTIES[d].deadline && DUTIES[d].actors.length),
    );
  });

  it('counts deadlines in working days: L2 +2, L3 +5, L8 five working days before the IRH (bank holiday skipped)', () => {
    const items = liaisonItems(child({ resolutions: [{ status: 'open' }] }), '2026-05-01', cal);
    const get = (d: string) => items.find((i) => i.duty === d)!;
    assert.equal(get('L2').deadline, '2026-03-04');
    assert.equal(get('L3').deadline, '2026-03-11');
    // IRH Mon 1 Jun 2026; Mon 25 May is the spring bank holiday: 29, 28, 27, 26, 22 May.
    assert.equal(get('L8').fireOn, '2026-05-22');
    assert.equal(get('L7').fireOn, '2026-04-15');
  });

  it('L8 needs open resolutions; L1 is open while no Guardian is recorded', () => {
    assert.ok(!liaisonItems(child(), '2026-05-01', cal).some((i) => i.duty === 'L8'));
    assert.ok(
      !liaisonItems(child({ resolutions: [{ status: 'resolved' }] }), '2026-05-01', cal).some((i) => i.duty === 'L8'),
    );
    const noGuardian = child({ proceedings: { startedOn: '2026-03-02' } });
    assert.deepEqual(
      openItemsFor(noGuardian, 'business-support', '2026-03-02', cal).map((i) => i.duty),
      ['L1', 'L2'],
    );
  });

  it('prompts fire from their date for a bounded window, and only while open', () => {
    assert.deepEqual(
      liaisonPrompts(child(), '2026-03-04', cal)
        .map((p) => p.item.duty)
        .sort(),
      ['L2', 'L3'],
    );
    assert.deepEqual(liaisonPrompts(child(), '2026-05-01', cal), [], 'an old start does not set off a flood');
    const contacted = child({ liaison: { done: [{ duty: 'L3', subject: 'g-1', on: '2026-03-05', byId: 'iro-1' }] } });
    assert.deepEqual(
      liaisonPrompts(contacted, '2026-03-05', cal).map((p) => p.item.duty),
      ['L2'],
    );
  });

  it("the Guardian's access ends when proceedings concluded and L9 is done (or at once if the child leaves care)", () => {
    const concluded = child({
      proceedings: { ...child().proceedings!, concludedOn: '2026-06-30', outcome: 'remains-looked-after' },
    });
    assert.equal(guardianAccessOpen(child()), true);
    assert.equal(guardianAccessOpen(concluded), true);
    const done = {
      ...concluded,
      liaison: {
        discussions: [
          { id: 'd', on: '2026-07-01', byId: 'g-1', topics: [], notes: '', final: true, recordedAt: new Date() },
        ],
        done: ['s31a-care-plan', 'guardian-report', 'final-order', 'contact-arrangements'].map((s) => ({
          duty: 'L9' as const,
          subject: s,
          on: '2026-07-01',
          byId: 'g-1',
        })),
      },
    };
    assert.equal(guardianAccessOpen(done), false);
    assert.equal(
      guardianAccessOpen(
        child({ proceedings: { ...child().proceedings!, concludedOn: '2026-06-30', outcome: 'leaves-care' } }),
      ),
      false,
    );
  });

  it('a Guardian may act only on their own child while access is open, and only on their duties', () => {
    const g1 = { id: 'g-1', roles: ['guardian' as const] };
    assert.equal(mayActOn(g1, child(), 'L3'), true);
    assert.equal(mayActOn(g1, child(), 'L4'), false);
    assert.equal(mayActOn({ id: 'g-2', roles: ['guardian'] }, child(), 'L3'), false);
    assert.equal(mayActOn({ id: 'iro-2', roles: ['iro'] }, child(), 'L4'), false);
    // L4 is legal's duty (Handbook 8.4), no longer the IRO's: changed with issue 15.
    assert.equal(mayActOn({ id: 'iro-1', roles: ['iro'] }, child(), 'L4'), false);
    assert.equal(mayActOn({ id: 'legal-1', roles: ['legal'] }, child(), 'L4'), true);
  });
});

describe('liaison duties as the protocol says (issue 15)', () => {
  const find = (c: LiaisonChild, today: string, duty: string, subject?: string) =>
    liaisonItems(c, today, cal).filter((i) => i.duty === duty && (subject === undefined || i.subject === subject));

  it("L2 runs from the IRO's appointment when allocated mid-proceedings, and is prompted then", () => {
    const c = child({ iroId: 'iro-2', iroAllocatedOn: '2026-05-05' });
    const [l2] = find(c, '2026-05-05', 'L2');
    assert.equal(l2.fireOn, '2026-05-05');
    assert.equal(l2.deadline, '2026-05-07');
    assert.ok(liaisonPrompts(c, '2026-05-05', cal).some((p) => p.item.duty === 'L2' && p.toLegal));
    // Allocated before the proceedings: from their start, as before.
    assert.equal(find(child({ iroAllocatedOn: '2025-01-01' }), '2026-03-02', 'L2')[0].fireOn, '2026-03-02');
  });

  it('the local timings come from the council settings (LIAISON_*), L4 stays the Handbook five working days', () => {
    const settings = {
      l2WorkingDays: 1,
      l3WorkingDays: 10,
      discussionIntervalDays: 28,
      l8WorkingDaysBefore: 2,
      l9WorkingDays: 3,
    };
    const c = child({
      iroAllocatedOn: '2026-05-05',
      iroId: 'iro-2',
      liaison: { courtDocuments: [{ receivedOn: '2026-04-01', byId: 'legal-1' }] },
      resolutions: [{ status: 'open' }],
    });
    const items = liaisonItems(c, '2026-05-05', cal, settings);
    const deadline = (duty: string) => items.find((i) => i.duty === duty)?.deadline;
    assert.equal(deadline('L2'), '2026-05-06');
    assert.equal(deadline('L3'), '2026-03-18', 'appointed Wed 4 Mar + 10 working days');
    assert.equal(deadline('L4'), '2026-04-10', 'received Wed 1 Apr + 5 working days (Good Friday, Easter Monday)');
    assert.equal(deadline('L7'), '2026-04-01', 'appointed 4 Mar + 28 days');
    assert.equal(items.find((i) => i.duty === 'L8')?.fireOn, '2026-05-28', 'two working days before Mon 1 Jun');
    const ended = child({
      proceedings: { ...child().proceedings!, concludedOn: '2026-06-10', outcome: 'remains-looked-after' },
    });
    assert.equal(liaisonItems(ended, '2026-06-10', cal, settings).find((i) => i.duty === 'L9')?.deadline, '2026-06-15');
  });

  it("L4 is legal's action (in /actions and prompts to legal); the IRO sees it in the thread but does not act", () => {
    const c = child({ liaison: { courtDocuments: [{ receivedOn: '2026-04-01', byId: 'legal-1' }] } });
    assert.deepEqual(
      openItemsFor(c, 'legal', '2026-04-01', cal).map((i) => i.duty),
      ['L2', 'L4'],
    );
    assert.ok(!openItemsFor(c, 'iro', '2026-04-01', cal).some((i) => i.duty === 'L4'));
    const p = liaisonPrompts(c, '2026-04-01', cal).find((x) => x.item.duty === 'L4')!;
    assert.ok(p.toLegal && p.toThread);
  });

  it('L3: appointed before the initial review, contact once its date is known, by that date', () => {
    const booked = child({ bookings: [{ id: 'b1', start: '2026-04-20T10:00:00+01:00', status: 'booked' }] });
    const [l3] = find(booked, '2026-03-10', 'L3');
    assert.equal(l3.deadline, '2026-04-20');
    assert.equal(l3.fireOn, '2026-03-10');
    assert.match(l3.key, /L3:g-1:initial-review:b1$/);
    // Not booked yet, or a review already held: 5 working days of the appointment.
    assert.equal(find(child(), '2026-03-10', 'L3')[0].deadline, '2026-03-11');
    const held = child({ reviews: [{ id: 'r1', heldOn: '2026-01-10' }], bookings: booked.bookings });
    assert.equal(find(held, '2026-03-10', 'L3')[0].deadline, '2026-03-11');
  });

  it('L5: a rescheduled review (same booking id, new date) prompts the Guardian again', () => {
    const at = (start: string) => child({ bookings: [{ id: 'b1', start, status: 'booked' }] });
    const k1 = liaisonPrompts(at('2026-04-20T10:00:00+01:00'), '2026-04-01', cal).find((p) => p.item.duty === 'L5')!;
    const k2 = liaisonPrompts(at('2026-04-27T10:00:00+01:00'), '2026-04-02', cal).find((p) => p.item.duty === 'L5')!;
    assert.notEqual(k1.item.key, k2.item.key);
    assert.equal(k2.item.deadline, '2026-04-27');
  });

  it('L6: the record goes to court during proceedings (legal), and is copied when distributed after they close', () => {
    const reviews = [{ id: 'r1', heldOn: '2026-04-01', recordDistributedOn: '2026-04-10' }];
    const during = child({ reviews });
    assert.deepEqual(
      find(during, '2026-04-10', 'L6').map((i) => [i.subject, i.open]),
      [
        ['r1', true],
        ['r1:court', true],
      ],
    );
    assert.ok(openItemsFor(during, 'legal', '2026-04-10', cal).some((i) => i.subject === 'r1:court'));
    assert.ok(!openItemsFor(during, 'iro', '2026-04-10', cal).some((i) => i.subject === 'r1:court'));
    assert.ok(!mayActOn({ id: 'iro-1', roles: ['iro'] }, during, 'L6', 'r1:court'));
    const court = liaisonPrompts(during, '2026-04-10', cal).find((p) => p.item.subject === 'r1:court')!;
    assert.ok(court.toLegal && !court.toThread);
    // Held during the proceedings, distributed after they concluded: the copy is still due, no court step.
    const after = child({
      reviews: [{ id: 'r1', heldOn: '2026-04-01', recordDistributedOn: '2026-05-20' }],
      proceedings: { ...during.proceedings!, concludedOn: '2026-05-15', outcome: 'remains-looked-after' },
    });
    assert.deepEqual(
      find(after, '2026-05-20', 'L6').map((i) => [i.subject, i.open]),
      [['r1', true]],
    );
    assert.ok(liaisonPrompts(after, '2026-05-20', cal).some((p) => p.item.subject === 'r1' && p.toLegal));
    // A review held after the conclusion is not covered.
    const later = { ...after, reviews: [{ id: 'r2', heldOn: '2026-05-16', recordDistributedOn: '2026-05-20' }] };
    assert.equal(find(later, '2026-05-20', 'L6').length, 0);
  });

  it('L8 prompts only before the Issues Resolution Hearing and is closed from its day', () => {
    const c = child({ resolutions: [{ status: 'open' }] });
    assert.equal(find(c, '2026-05-29', 'L8')[0].open, true);
    assert.equal(find(c, '2026-06-01', 'L8')[0].open, false);
    assert.ok(!liaisonPrompts(c, '2026-06-02', cal).some((p) => p.item.duty === 'L8'));
    assert.ok(!openItemsFor(c, 'legal', '2026-06-01', cal).some((i) => i.duty === 'L8'));
  });

  it('L9: the Guardian confirms the documents; contact arrangements may be not applicable; issues carried over', () => {
    const concluded = {
      ...child().proceedings!,
      concludedOn: '2026-07-01',
      outcome: 'remains-looked-after' as const,
    };
    const g1 = { id: 'g-1', roles: ['guardian' as const] };
    const iro = { id: 'iro-1', roles: ['iro' as const] };
    const c = child({ proceedings: concluded });
    assert.equal(mayActOn(g1, c, 'L9', 's31a-care-plan'), true);
    assert.equal(mayActOn(iro, c, 'L9', 's31a-care-plan'), false);
    assert.equal(mayActOn(iro, c, 'L9', 'final-discussion'), true);
    const done = ['s31a-care-plan', 'guardian-report', 'final-order'].map((subject) => ({
      duty: 'L9' as const,
      subject,
      on: '2026-07-02',
      byId: 'g-1',
    }));
    const discussion = {
      id: 'd1',
      on: '2026-07-02',
      byId: 'iro-1',
      topics: [],
      notes: '',
      final: true,
      monitoringIssues: 'Sibling contact to be kept under review',
      recordedAt: new Date(),
    };
    const na = {
      duty: 'L9' as const,
      subject: 'contact-arrangements',
      on: '2026-07-02',
      byId: 'g-1',
      notApplicable: true,
    };
    const closed = child({ proceedings: concluded, liaison: { done: [...done, na], discussions: [discussion] } });
    assert.equal(guardianAccessOpen(closed), false);
    assert.deepEqual(carriedMonitoringIssues(closed), {
      on: '2026-07-02',
      issues: 'Sibling contact to be kept under review',
    });
    assert.equal(carriedMonitoringIssues({ ...closed, reviews: [{ id: 'r9', heldOn: '2026-08-01' }] }), null);
  });
});

describe('guests (domain)', () => {
  const guardian = {
    aadObjectId: 'g1-oid',
    upn: 'ffion_cafcass#EXT#@council.onmicrosoft.com',
    email: 'ffion@cafcass.example',
  };
  it('a guest: userRole guest, or #EXT# in the UPN, or another tenant', () => {
    assert.equal(isGuest({ userRole: 'guest' }, 't'), true);
    assert.equal(isGuest({ userRole: 'user', userPrincipalName: 'x_y#EXT#@council.onmicrosoft.com' }, 't'), true);
    assert.equal(isGuest({ userRole: 'user', tenantId: 'other' }, 't'), true);
    assert.equal(isGuest({ userRole: 'user', tenantId: 't', userPrincipalName: 'a@council.example' }, 't'), false);
    assert.equal(isGuestStaff({ roles: ['guardian'] }), true);
    assert.equal(isGuestStaff({ roles: ['iro'], upn: 'agency_iro#EXT#@council.onmicrosoft.com' }), true);
    // A staff record Teams calls a guest this turn (identity.ts marks it), whatever its directory roles.
    assert.equal(isGuestStaff({ roles: ['business-support'], upn: 'sian@council.example', teamsGuest: true }), true);
    assert.equal(isGuestStaff({ roles: ['business-support'], upn: 'sian@council.example' }), false);
  });
  it('counts guests who are not the allowed Guardian (matched by AAD id, else UPN or e-mail)', () => {
    const staff = { aadObjectId: 's', userPrincipalName: 'a@council.example', userRole: 'user', tenantId: 't' };
    assert.equal(unexpectedGuests([staff], 't', []), 0);
    assert.equal(unexpectedGuests([staff, { aadObjectId: 'g1-oid', userRole: 'guest' }], 't', [guardian]), 0);
    assert.equal(
      unexpectedGuests(
        [staff, { userPrincipalName: 'FFION_CAFCASS#EXT#@council.onmicrosoft.com', userRole: 'user' }],
        't',
        [guardian],
      ),
      0,
    );
    assert.equal(unexpectedGuests([staff, { aadObjectId: 'g2-oid', userRole: 'guest' }], 't', [guardian]), 1);
    assert.equal(unexpectedGuests([staff, { aadObjectId: 'g1-oid', userRole: 'guest' }], 't', []), 1);
  });
});
