// The plan tracked between reviews (docs/DOMAIN.md "Plan between reviews", PT1–PT6).
import assert from 'node:assert/strict';
import { createCalendar } from '../../src/domain/calendar.js';
import { isAppError } from '../../src/domain/errors.js';
import {
  actionReminders,
  EMPTY_PLAN,
  midwayCheckDue,
  midwayDate,
  midwayPromptDue,
  planCounts,
  planTasks,
  raiseAlert,
  recordMidwayCheck,
  recordReviewPlan,
  reportOnAction,
  type ActionRow,
  type PlanRecord,
} from '../../src/domain/plan-tracking.js';
import type { Stamp } from '../../src/domain/resolutions/records.js';
import type { Staff } from '../../src/domain/types.js';

const calendar = createCalendar({ region: 'GB-WLS', closureDays: [] });
const people = new Map<string, Staff>([
  ['iro-1', { id: 'iro-1', name: 'Alex', roles: ['iro'] }],
  ['iro-2', { id: 'iro-2', name: 'Bea', roles: ['iro'] }],
  ['sw-1', { id: 'sw-1', name: 'Dafydd', roles: ['social-worker'], managerId: 'tm-n' }],
  ['tm-n', { id: 'tm-n', name: 'Owen', roles: ['team-manager'] }],
  ['hv-1', { id: 'hv-1', name: 'Nia', roles: ['social-worker'] }],
  ['g-1', { id: 'g-1', name: 'Gwen', roles: ['guardian'] }],
]);
const p = (id: string) => people.get(id)!;
const child = { ref: 'C1', iroId: 'iro-1', socialWorkerId: 'sw-1' };
const review = { id: 'C1-R3', heldOn: '2026-10-01', chairId: 'iro-1' };
const stamp = (by: string, on: string): Stamp => ({ by, byName: p(by).name, at: `${on}T10:00:00.000Z`, on });
const row = (text: string, ownerId: string, targetDate: string, otherName = ''): ActionRow => ({
  text,
  ownerId,
  targetDate,
  otherName,
});
const record = (rows: ActionRow[], by = 'iro-1', decisions = 'Stay in placement; education support') =>
  recordReviewPlan(EMPTY_PLAN, {
    actor: p(by),
    child,
    review,
    decisions,
    rows,
    people,
    stamp: stamp(by, '2026-10-01'),
  });

const recorded = (): PlanRecord =>
  record([
    row('Refer to CAMHS', 'sw-1', '2026-10-30'),
    row('', '', ''),
    row('Weekly contact with mother', 'other', '2026-11-13', 'Foster carer'),
  ]);

describe('plan between reviews (domain)', () => {
  it('PT1: a held review records its decisions and actions (what, who — staff or a named other —, by when)', () => {
    const plan = recorded();
    assert.deepEqual(
      plan.decisions.map((d) => [d.reviewId, d.text]),
      [['C1-R3', 'Stay in placement; education support']],
    );
    assert.deepEqual(
      plan.actions.map((a) => [a.id, a.text, a.owner, a.targetDate, a.status]),
      [
        ['C1-R3-A1', 'Refer to CAMHS', { kind: 'staff', staffId: 'sw-1' }, '2026-10-30', 'open'],
        ['C1-R3-A2', 'Weekly contact with mother', { kind: 'other', name: 'Foster carer' }, '2026-11-13', 'open'],
      ],
    );
    const more = recordReviewPlan(plan, {
      actor: p('iro-1'),
      child,
      review,
      decisions: '',
      rows: [row('Life story work', 'hv-1', '2026-12-01')],
      people,
      stamp: stamp('iro-1', '2026-10-02'),
    });
    assert.deepEqual(
      more.actions.map((a) => a.id),
      ['C1-R3-A1', 'C1-R3-A2', 'C1-R3-A3'],
      'added, numbered on',
    );
    assert.equal(more.decisions[0].text, 'Stay in placement; education support', 'kept when none is given');
  });

  it('PT1: refuses incomplete or impossible rows, and anyone but the IRO or the chair', () => {
    const refused: [ActionRow[], RegExp][] = [
      [[row('', 'sw-1', '2026-10-30')], /action 1: say what is to be done/],
      [[row('Refer', '', '2026-10-30')], /action 1: choose who does it/],
      [[row('Refer', 'g-1', '2026-10-30')], /action 1: choose who does it/],
      [[row('Refer', 'other', '2026-10-30')], /action 1: name who does it/],
      [[row('Refer', 'sw-1', '')], /action 1: choose by when/],
      [[row('Refer', 'sw-1', '2026-09-30')], /before the review/],
      [[row('Refer', 'sw-1', '2027-10-03')], /at most a year/],
    ];
    for (const [rows, message] of refused) assert.throws(() => record(rows), message);
    assert.throws(() => record([], 'iro-1', ' '), /write the decisions or at least one action/);
    assert.throws(
      () => record([], 'iro-2'),
      (e) => isAppError(e, 'forbidden'),
    );
  });

  it('PT2: the owner, the IRO or the social worker (for a named other) reports done / not done with a note', () => {
    const plan = recorded();
    const notDone = reportOnAction(plan, {
      actor: p('sw-1'),
      child,
      people,
      actionId: 'C1-R3-A1',
      status: 'not-done',
      note: 'Waiting for consent',
      stamp: stamp('sw-1', '2026-10-30'),
    });
    assert.equal(notDone.action.status, 'not-done');
    assert.equal(planCounts(notDone.plan, '2026-11-01').outstanding, 2, 'not done stays outstanding');
    assert.throws(
      () =>
        reportOnAction(plan, {
          actor: p('sw-1'),
          child,
          people,
          actionId: 'C1-R3-A1',
          status: 'not-done',
          note: ' ',
          stamp: stamp('sw-1', '2026-10-30'),
        }),
      /say why it has not been done/,
    );
    assert.throws(
      () =>
        reportOnAction(plan, {
          actor: p('hv-1'),
          child,
          people,
          actionId: 'C1-R3-A1',
          status: 'done',
          note: '',
          stamp: stamp('hv-1', '2026-10-30'),
        }),
      (e) => isAppError(e, 'forbidden'),
    );
    const done = reportOnAction(notDone.plan, {
      actor: p('tm-n'),
      child,
      people,
      actionId: 'C1-R3-A2',
      status: 'done',
      note: '',
      stamp: stamp('tm-n', '2026-11-02'),
    });
    assert.throws(
      () =>
        reportOnAction(done.plan, {
          actor: p('iro-1'),
          child,
          people,
          actionId: 'C1-R3-A2',
          status: 'not-done',
          note: 'x',
          stamp: stamp('iro-1', '2026-11-03'),
        }),
      /already marked done by Owen on 2026-11-02/,
    );
    assert.deepEqual(planCounts(done.plan, '2026-11-01'), { outstanding: 1, overdue: 1, done: 1, notDone: 1 });
  });

  it('PT3: reminders before the date (working days) and on it, once each, for outstanding actions only', () => {
    const plan = recorded();
    const on = (d: string) => actionReminders('C1', plan, d, calendar).map((r) => r.key);
    assert.deepEqual(on('2026-10-22'), []);
    assert.deepEqual(on('2026-10-23'), ['plan:C1:C1-R3-A1:before'], 'Fri 30 Oct − 5 working days = Fri 23 Oct');
    assert.deepEqual(on('2026-10-30'), ['plan:C1:C1-R3-A1:due']);
    assert.deepEqual(on('2026-11-14'), ['plan:C1:C1-R3-A2:due'], '14 days late is the last chance for A1');
    assert.deepEqual(
      actionReminders('C1', plan, '2026-10-26', calendar, { midwayFraction: 0.5, reminderWorkingDays: 2 }).map(
        (r) => r.key,
      ),
      [],
    );
    const done = reportOnAction(plan, {
      actor: p('sw-1'),
      child,
      people,
      actionId: 'C1-R3-A1',
      status: 'done',
      note: '',
      stamp: stamp('sw-1', '2026-10-29'),
    });
    assert.deepEqual(actionReminders('C1', done.plan, '2026-10-30', calendar), []);
  });

  it('PT4: the midway check falls halfway (configurable) and is due until the next review, once recorded never again', () => {
    const period = { reviewId: 'C1-R3', heldOn: '2026-10-01', nextDueBy: '2027-04-01' };
    assert.equal(midwayDate(period), '2026-12-31', '182 days, half of them rounded: 91');
    assert.equal(midwayDate(period, { midwayFraction: 0.25, reminderWorkingDays: 5 }), '2026-11-16');
    assert.equal(midwayCheckDue(EMPTY_PLAN, period, '2026-12-30'), false);
    assert.equal(midwayCheckDue(EMPTY_PLAN, period, '2026-12-31'), true);
    assert.equal(midwayCheckDue(EMPTY_PLAN, period, '2027-04-02'), false);
    assert.equal(midwayPromptDue(EMPTY_PLAN, period, '2027-01-14'), true, 'pushed for 14 days');
    assert.equal(midwayPromptDue(EMPTY_PLAN, period, '2027-01-15'), false, 'then /actions only: no flood');
    assert.equal(midwayCheckDue(EMPTY_PLAN, period, '2027-01-15'), true);
    const checked = recordMidwayCheck(EMPTY_PLAN, {
      actor: p('iro-1'),
      child,
      period,
      note: 'On track',
      stamp: stamp('iro-1', '2027-01-04'),
    });
    assert.equal(midwayCheckDue(checked, period, '2027-01-05'), false);
    assert.throws(
      () =>
        recordMidwayCheck(checked, {
          actor: p('iro-1'),
          child,
          period,
          note: 'again',
          stamp: stamp('iro-1', '2027-01-05'),
        }),
      /already recorded/,
    );
    assert.throws(
      () =>
        recordMidwayCheck(EMPTY_PLAN, {
          actor: p('sw-1'),
          child,
          period,
          note: 'x',
          stamp: stamp('sw-1', '2027-01-05'),
        }),
      (e) => isAppError(e, 'forbidden'),
    );
  });

  it('/actions: owners get their outstanding actions (a named other: the social worker), the IRO the record and the midway check', () => {
    const period = { reviewId: 'C1-R3', heldOn: '2026-10-01', nextDueBy: '2027-04-01' };
    const periods = new Map([['C1', period]]);
    const kids = [{ ...child, plan: recorded() }];
    const tasks = (by: string, today = '2026-10-31') =>
      planTasks(p(by), kids, periods, today).map((x) => [x.kind, x.subject, x.overdue]);
    assert.deepEqual(tasks('sw-1'), [
      ['plan-action', 'C1-R3-A1', true],
      ['plan-action', 'C1-R3-A2', false],
    ]);
    assert.deepEqual(tasks('hv-1'), []);
    assert.deepEqual(tasks('iro-1'), [], 'recorded, midway not yet due');
    assert.deepEqual(tasks('iro-1', '2027-01-02'), [['plan-midway', 'C1-R3', false]]);
    assert.deepEqual(
      planTasks(p('iro-1'), [{ ...child, plan: EMPTY_PLAN }], periods, '2026-10-02').map((x) => x.kind),
      ['plan-record'],
    );
  });

  it('PT5: an alert needs its text and gets an id', () => {
    const r = raiseAlert(EMPTY_PLAN, {
      child,
      text: ' Placement ending next week ',
      stamp: stamp('sw-1', '2026-11-02'),
    });
    assert.deepEqual([r.id, r.plan.alerts[0].text], ['C1-AL1', 'Placement ending next week']);
    assert.throws(
      () => raiseAlert(EMPTY_PLAN, { child, text: '  ', stamp: stamp('sw-1', '2026-11-02') }),
      /say what has changed/,
    );
  });
});
