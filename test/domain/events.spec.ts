import assert from 'node:assert/strict';
import { createCalendar } from '../../src/domain/calendar.js';
import {
  bringForwardEvent,
  checkEventDate,
  mayNotifyEvent,
  NOTIFIABLE_EVENTS,
  sameEventRecorded,
} from '../../src/domain/events.js';
import { isAppError } from '../../src/domain/errors.js';
import { getPolicy } from '../../src/domain/policies.js';
import { nextReview } from '../../src/domain/timescales.js';
import type { ChildEvent, ChildHistory, EventType, RuleId, Staff } from '../../src/domain/types.js';
import { child, cla, la } from './timescale-fixtures.js';

// Each event notified from Teams (issue 14), applied to a child whose next review was W39.3 on
// 20 Mar 2027, gives the due date and rule of docs/DOMAIN.md (policy `wales`). The event is on Thu 17
// Dec 2026 (the example: "due by 14 Jan 2027 — UPC: 28 days after the unplanned move on 17 Dec").
const cal = createCalendar({ region: 'GB-WLS', closureDays: [] });
const wales = getPolicy('wales');
const ON = '2026-12-17';
const settled = (extra: ChildEvent[] = []): ChildHistory =>
  cla([la('2026-06-01'), ...extra], ['2026-06-25', '2026-09-20'], 'C1001');
const e = (type: EventType, date = ON): ChildEvent => ({ type, date });

describe('events notified from Teams: effect on the next review (domain)', () => {
  const rows: { name: string; history: ChildHistory; want: { dueBy: string; rule: RuleId } | null }[] = [
    {
      name: 'before: W39.3, 6 months after the last review',
      history: settled(),
      want: { dueBy: '2027-03-20', rule: 'W39.3' },
    },
    {
      name: 'unplanned-placement-change: UPC, 28 days (earlier date wins)',
      history: settled([e('unplanned-placement-change')]),
      want: { dueBy: '2027-01-14', rule: 'UPC' },
    },
    {
      name: 'placed-for-adoption: ADP, 28 days',
      history: settled([e('placed-for-adoption')]),
      want: { dueBy: '2027-01-14', rule: 'ADP' },
    },
    { name: 'ceased-looked-after: no review due', history: settled([e('ceased-looked-after')]), want: null },
    {
      // 20 working days from Thu 17 Dec: Christmas Day, the Boxing Day substitute (Mon 28) and New Year's Day skipped.
      name: 'became-looked-after again after ceasing: W39.1, 20 working days',
      history: settled([e('ceased-looked-after', '2026-12-01'), e('became-looked-after')]),
      want: { dueBy: '2027-01-19', rule: 'W39.1' },
    },
    {
      name: 'short-breaks-started: SB, 3 months',
      history: child('short-breaks', [e('short-breaks-started')], [], 'C1001'),
      want: { dueBy: '2027-03-17', rule: 'SB' },
    },
    {
      name: 'ifst-intensive-started: IFST, 28 days',
      history: child('ifst', [e('ifst-intensive-started')], [], 'C1001'),
      want: { dueBy: '2027-01-14', rule: 'IFST' },
    },
    {
      name: 'review-brought-forward: FWD, the earlier date the IRO set',
      history: settled([bringForwardEvent({ dueBy: '2027-01-05', reason: 'safety' }, ON, '2027-03-20', '/case C1001')]),
      want: { dueBy: '2027-01-05', rule: 'FWD' },
    },
  ];
  for (const row of rows) {
    it(row.name, () => {
      const next = nextReview(row.history, wales, cal);
      assert.deepEqual(next && { dueBy: next.dueBy, rule: next.rule }, row.want);
    });
  }

  it('the form offers every event of the vocabulary except bringing forward (its own form)', () => {
    assert.deepEqual([...NOTIFIABLE_EVENTS].sort(), [
      'became-looked-after',
      'ceased-looked-after',
      'ifst-intensive-started',
      'placed-for-adoption',
      'short-breaks-started',
      'unplanned-placement-change',
    ]);
  });

  it('the UPC explanation names the move, as the IRO card quotes it', () => {
    const next = nextReview(settled([e('unplanned-placement-change')]), wales, cal)!;
    assert.match(next.explanation, /28 days after/);
  });
});

describe('events notified from Teams: who and what is refused (domain)', () => {
  const kid = { ref: 'C1001', iroId: 'iro-1', socialWorkerId: 'sw-1' };
  const person = (id: string, ...roles: Staff['roles']): Staff => ({ id, name: id, roles });

  it('the child’s social worker, its IRO and business support may notify; another worker, IRO or a manager may not', () => {
    assert.equal(mayNotifyEvent(person('sw-1', 'social-worker'), kid), true);
    assert.equal(mayNotifyEvent(person('iro-1', 'iro'), kid), true);
    assert.equal(mayNotifyEvent(person('bs-1', 'business-support'), kid), true);
    assert.equal(mayNotifyEvent(person('sw-2', 'social-worker'), kid), false);
    assert.equal(mayNotifyEvent(person('iro-2', 'iro'), kid), false);
    assert.equal(mayNotifyEvent(person('tm-1', 'team-manager'), kid), false);
  });

  it('an event date in the future or not a date is refused', () => {
    assert.throws(
      () => checkEventDate('2026-12-18', ON, 'x'),
      (err) => isAppError(err, 'invalid-input') && /future/.test(err.message),
    );
    assert.throws(
      () => checkEventDate('17/12/2026', ON, 'x'),
      (err) => isAppError(err, 'invalid-input'),
    );
    assert.throws(
      () => checkEventDate({ $gt: '' }, ON, 'x'),
      (err) => isAppError(err, 'invalid-input'),
    );
    assert.doesNotThrow(() => checkEventDate(ON, ON, 'x'));
  });

  it('bringing forward needs an earlier date, not in the past, and a reason of the vocabulary', () => {
    const refused = (dueBy: unknown, reason: unknown) =>
      assert.throws(
        () => bringForwardEvent({ dueBy, reason }, ON, '2027-03-20', 'x'),
        (err) => isAppError(err, 'invalid-input'),
      );
    refused('2027-03-20', 'safety'); // the same date: not earlier
    refused('2027-04-01', 'safety'); // later
    refused('2026-12-16', 'safety'); // already passed
    refused('2027-01-05', 'because'); // not a reason
    refused('2027-01-05', undefined);
    assert.deepEqual(bringForwardEvent({ dueBy: '2027-01-05', reason: 'child-request' }, ON, '2027-03-20', 'x'), {
      type: 'review-brought-forward',
      date: ON,
      dueBy: '2027-01-05',
      reason: 'child-request',
    });
  });

  it('the same event on the same date is recognised as already recorded', () => {
    assert.equal(sameEventRecorded([e('unplanned-placement-change')], e('unplanned-placement-change')), true);
    assert.equal(
      sameEventRecorded([e('unplanned-placement-change')], e('unplanned-placement-change', '2026-12-16')),
      false,
    );
  });
});
