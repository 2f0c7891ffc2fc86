import assert from 'node:assert/strict';
import { createCalendar } from '../../src/domain/calendar.js';
import { isGuest, isGuestStaff, unexpectedGuests } from '../../src/domain/guests.js';
import {
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
    assert.equal(mayActOn({ id: 'iro-1', roles: ['iro'] }, child(), 'L4'), true);
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
