import assert from 'node:assert/strict';
import {
  coverNotOver,
  coverOn,
  coverWindow,
  isCoveringIro,
  MAX_COVER_DAYS,
  reviewInWindow,
} from '../../src/domain/cover.js';
import { canSeeChild } from '../../src/domain/access.js';
import { isAppError } from '../../src/domain/errors.js';
import { mayNotifyNewEntry, newEntryChild, UNALLOCATED, type NewEntryInput } from '../../src/domain/new-entry.js';
import type { Staff } from '../../src/domain/types.js';

// Issue 14's pure rules: a new entry to care (NE1) and cover for an absent IRO (CV1), docs/DOMAIN.md.
const TODAY = '2026-12-02';
const sw: Staff = { id: 'sw-1', name: 'Dafydd Thomas', roles: ['social-worker'], team: 'north' };
const input: NewEntryInput = {
  ref: 'C1201',
  lookedAfterOn: '2026-12-01',
  legalStatus: 'interim-care-order',
  socialWorkerId: 'sw-1',
  socialWorkTeam: '',
  inProceedings: false,
  proceedingsStartedOn: null,
};
const refused = (run: () => unknown, problem: RegExp) =>
  assert.throws(run, (err: unknown) => {
    assert.ok(isAppError(err, 'invalid-input'), String(err));
    assert.match(err.message, problem);
    return true;
  });

describe('new entry to care (NE1)', () => {
  it('builds the child: looked-after track, its first event, no IRO, the social worker’s team', () => {
    assert.deepEqual(newEntryChild(input, sw, TODAY), {
      ref: 'C1201',
      track: 'cla',
      iroId: UNALLOCATED,
      legalStatus: 'interim-care-order',
      socialWorkerId: 'sw-1',
      socialWorkTeam: 'north',
      events: [{ type: 'became-looked-after', date: '2026-12-01' }],
      reviews: [],
      bookings: [],
      proceedings: null,
    });
  });

  it('takes another team when given; proceedings from the day looked after unless dated', () => {
    const c = newEntryChild({ ...input, socialWorkTeam: ' south ', inProceedings: true }, sw, TODAY);
    assert.equal(c.socialWorkTeam, 'south');
    assert.deepEqual(c.proceedings, { startedOn: '2026-12-01' });
    const dated = newEntryChild({ ...input, inProceedings: true, proceedingsStartedOn: '2026-11-20' }, sw, TODAY);
    assert.deepEqual(dated.proceedings, { startedOn: '2026-11-20' });
  });

  it('refuses each bad field with a specific reason', () => {
    refused(() => newEntryChild({ ...input, ref: 'C 1' }, sw, TODAY), /not a case reference/);
    refused(() => newEntryChild({ ...input, lookedAfterOn: '2026-12-03' }, sw, TODAY), /in the future/);
    refused(() => newEntryChild({ ...input, lookedAfterOn: '1 Dec' }, sw, TODAY), /not a date/);
    refused(() => newEntryChild({ ...input, legalStatus: 'adopted' }, sw, TODAY), /legal status/);
    refused(() => newEntryChild(input, null, TODAY), /social worker/);
    refused(() => newEntryChild(input, { ...sw, roles: ['iro'] }, TODAY), /social worker/);
    refused(() => newEntryChild({ ...input, socialWorkTeam: 'x'.repeat(101) }, sw, TODAY), /at most 100/);
    refused(
      () => newEntryChild({ ...input, inProceedings: true, proceedingsStartedOn: '2026-12-09' }, sw, TODAY),
      /proceedings were issued .* in the future/,
    );
  });

  it('business support, reviewing team managers and admins may notify one; nobody else', () => {
    const as = (roles: Staff['roles'], team = 'reviewing') => mayNotifyNewEntry({ id: 'x', name: 'X', roles, team });
    assert.deepEqual(
      [as(['business-support']), as(['team-manager']), as(['admin']), as(['team-manager'], 'north'), as(['iro'])],
      [true, true, true, false, false],
    );
  });
});

describe('cover for an absent IRO (CV1)', () => {
  it('a window: real dates, in order, not over, at most MAX_COVER_DAYS', () => {
    assert.deepEqual(coverWindow('2026-12-07', '2026-12-18', TODAY), { from: '2026-12-07', to: '2026-12-18' });
    assert.deepEqual(coverWindow('2026-11-30', '2026-12-02', TODAY), { from: '2026-11-30', to: '2026-12-02' });
    refused(() => coverWindow('7 Dec', '2026-12-18', TODAY), /first and last day/);
    refused(() => coverWindow('2026-12-18', '2026-12-07', TODAY), /ends .* before it starts/);
    refused(() => coverWindow('2026-11-02', '2026-12-01', TODAY), /ended on/);
    refused(() => coverWindow('2026-12-07', '2027-06-30', TODAY), new RegExp(`at most ${MAX_COVER_DAYS} days`));
  });

  it('a review is in the window when due by a day in it or booked on a day in it (London day)', () => {
    const w = { from: '2026-12-07', to: '2026-12-18' };
    const tz = 'Europe/London';
    assert.deepEqual(reviewInWindow({ dueBy: '2026-12-10', booking: null }, w, tz), {
      dueBy: '2026-12-10',
      bookedOn: null,
    });
    assert.deepEqual(reviewInWindow({ dueBy: '2027-01-10', booking: { start: '2026-12-18T23:30:00Z' } }, w, tz), {
      dueBy: '2027-01-10',
      bookedOn: '2026-12-18',
    });
    assert.equal(reviewInWindow({ dueBy: '2026-12-06', booking: null }, w, tz), null);
    assert.equal(reviewInWindow({ dueBy: null, booking: null }, w, tz), null);
    assert.equal(reviewInWindow(null, w, tz), null);
  });

  it('cover is in force between its dates; not over until its last day has passed', () => {
    const cover = { iroId: 'iro-3', forIroId: 'iro-1', from: '2026-12-07', to: '2026-12-18' };
    assert.equal(coverOn(cover, '2026-12-06'), null);
    assert.equal(coverOn(cover, '2026-12-07'), cover);
    assert.equal(coverOn(cover, '2026-12-19'), null);
    assert.equal(coverOn(null, '2026-12-10'), null);
    assert.deepEqual([coverNotOver(cover, '2026-12-01'), coverNotOver(cover, '2026-12-18')], [true, true]);
    assert.deepEqual([coverNotOver(cover, '2026-12-19'), coverNotOver(undefined, TODAY)], [false, false]);
  });

  it('the covering IRO sees the child until the cover is over; not before it is set, not as another role', () => {
    const cover = { iroId: 'iro-3', forIroId: 'iro-1', from: '2026-12-07', to: '2026-12-18' };
    const nia: Staff = { id: 'iro-3', name: 'Nia Roberts', roles: ['iro'], team: 'reviewing' };
    const child = { iroId: 'iro-1', socialWorkerId: 'sw-1', socialWorkTeam: 'north', cover };
    assert.deepEqual(
      ['2026-12-01', '2026-12-18', '2026-12-19'].map((d) => isCoveringIro(nia, child, d)),
      [true, true, false],
    );
    assert.equal(isCoveringIro({ ...nia, roles: ['social-worker'] }, child, '2026-12-10'), false);
    assert.equal(canSeeChild(nia, child, null, '2026-12-10'), true);
    assert.equal(canSeeChild(nia, child, null), false, 'without today, no cover is assumed');
    assert.equal(canSeeChild(nia, { ...child, cover: null }, null, '2026-12-10'), false);
  });
});
