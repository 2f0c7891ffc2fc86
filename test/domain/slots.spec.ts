import assert from 'node:assert/strict';
import { createCalendar } from '../../src/domain/calendar.js';
import { decidersFor, mayDecide } from '../../src/domain/booking-rules.js';
import { withinTimescale } from '../../src/domain/timescales.js';
import { freeSlots, IroDiary, londonStart } from '../../src/domain/slots.js';
import type { Staff } from '../../src/domain/types.js';

// docs/DOMAIN.md "Booking and rescheduling": slots are working days × configured London start times,
// free when the IRO has no booking at that instant and fewer than the per-day maximum; none in
// the past; never after the due-by date (unless it has passed: then from today, all outside).
const calendar = createCalendar({ region: 'GB-WLS', closureDays: [] });
const rules = { slotTimes: ['14:00', '10:00'], maxPerDay: 2, calendar, tzName: 'Europe/London' };
const diary = (...starts: string[]) => new IroDiary(starts, 'Europe/London');

describe('free slots (domain/slots.ts)', () => {
  it('London wall-clock starts carry the offset in force: BST in summer, GMT in winter', () => {
    assert.equal(londonStart('2026-06-22', '10:00'), '2026-06-22T10:00:00+01:00');
    assert.equal(londonStart('2026-11-23', '14:00'), '2026-11-23T14:00:00+00:00');
    // The day the clocks go back (Sun 25 Oct 2026): 10:00 is already GMT.
    assert.equal(londonStart('2026-10-25', '10:00'), '2026-10-25T10:00:00+00:00');
  });

  it('never after the due-by date, skips weekends and bank holidays, earliest first, at most 5', () => {
    // Wed 23 Dec 2026 08:00; due Tue 29 Dec. Thu 24 is a working day; Fri 25, Sat, Sun, Mon 28 (Boxing Day moved) are not.
    const now = new Date('2026-12-23T08:00:00Z');
    const slots = freeSlots(diary(), '2026-12-29', now, rules);
    assert.deepEqual(
      slots.map((s) => `${s.date} ${s.time}`),
      ['2026-12-23 10:00', '2026-12-23 14:00', '2026-12-24 10:00', '2026-12-24 14:00', '2026-12-29 10:00'],
    );
    assert.ok(slots.every((s) => s.date <= '2026-12-29' && !s.outsideTimescale));
    assert.equal(
      freeSlots(diary(), '2026-12-29', now, rules, 10).length,
      6,
      'the last day has two slots, then nothing after the due-by date',
    );
  });

  it('none in the past (London wall clock) and none at a booked time; the per-day maximum closes a day', () => {
    const now = new Date('2026-11-23T10:30:00Z'); // Mon 10:30 London: 10:00 has gone
    const d = diary('2026-11-24T10:00:00+00:00', '2026-11-25T10:00:00+00:00', '2026-11-25T11:30:00+00:00');
    const slots = freeSlots(d, '2026-11-26', now, rules);
    assert.deepEqual(
      slots.map((s) => `${s.date} ${s.time}`),
      [
        '2026-11-23 14:00', // 10:00 already past
        '2026-11-24 14:00', // 10:00 taken
        // Wed 25: two reviews already (the maximum)
        '2026-11-26 10:00',
        '2026-11-26 14:00',
      ],
    );
  });

  it('past the due-by date: from today, every slot outside timescale', () => {
    const now = new Date('2026-11-23T08:00:00Z');
    const slots = freeSlots(diary(), '2026-10-29', now, rules);
    assert.equal(slots.length, 5);
    assert.equal(slots[0]!.date, '2026-11-23');
    assert.ok(slots.every((s) => s.outsideTimescale));
  });

  it('within timescale is on or before the due-by date', () => {
    assert.equal(withinTimescale('2026-11-26', '2026-11-26'), true);
    assert.equal(withinTimescale('2026-11-27', '2026-11-26'), false);
  });
});

describe('who decides a reschedule (domain/booking-rules.ts)', () => {
  const s = (id: string, roles: Staff['roles'], team: string | null = null): Staff => ({ id, name: id, roles, team });
  const staff = [
    s('tm-1', ['team-manager'], 'reviewing'),
    s('tm-2', ['team-manager'], 'reviewing'),
    s('tm-n', ['team-manager'], 'north'),
    s('hos', ['head-of-service']),
    s('iro-1', ['iro'], 'reviewing'),
  ];

  it('a reviewing team manager who did not ask; never a social work team manager', () => {
    assert.deepEqual(
      decidersFor(staff, 'iro-1').map((x) => x.id),
      ['tm-1', 'tm-2'],
    );
    assert.deepEqual(
      decidersFor(staff, 'tm-1').map((x) => x.id),
      ['tm-2'],
    );
    assert.equal(mayDecide(staff[2]!, staff, 'iro-1'), false);
  });

  it('if the only reviewing manager asked, the head of service', () => {
    const one = [s('tm-1', ['team-manager', 'iro'], 'reviewing'), s('hos', ['head-of-service'])];
    assert.deepEqual(
      decidersFor(one, 'tm-1').map((x) => x.id),
      ['hos'],
    );
    assert.equal(mayDecide(one[0]!, one, 'tm-1'), false);
    assert.equal(mayDecide(one[1]!, one, 'tm-1'), true);
  });
});
