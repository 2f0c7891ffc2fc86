import assert from 'node:assert/strict';
import { createCalendar } from '../../src/domain/calendar.js';
import {
  digestContent,
  digestDue,
  dueMessages,
  keys,
  mondayOf,
  outstandingRecords,
  recordReminderDay,
  type DueMessage,
  type DueMessagesInput,
} from '../../src/domain/reminders.js';
import type { ReviewStatus } from '../../src/domain/review-status.js';
import type { Child, HeldReview } from '../../src/domain/types.js';

const calendar = createCalendar({ region: 'GB-WLS', closureDays: [] });
const config = { reminderWorkingDays: 10, digestWeeks: 4 };
const MON = '2016-10-03'; // a Monday; no holidays in Oct 2016; +10 working days = Mon 17 Oct

const child = (ref: string, extra: Partial<Child> = {}): Child => ({
  ref,
  track: 'cla',
  iroId: 'iro-1',
  events: [],
  reviews: [],
  bookings: [],
  ...extra,
});
const status = (c: Child, dueBy: string, booked = false, sequence = 3): ReviewStatus => ({
  child: c,
  next: { sequence, dueBy, rule: 'W39.3', explanation: '' },
  booking: booked ? { id: `${c.ref}-B`, start: `${dueBy}T10:00:00+01:00` } : null,
});
const held = (id: string, heldOn: string, recordDistributedOn: string | null = null): HeldReview => ({
  id,
  heldOn,
  recordDistributedOn,
});

function run(
  today: string,
  hour: number,
  statuses: ReviewStatus[],
  children: Child[] = statuses.map((s) => s.child),
): DueMessage[] {
  const input: DueMessagesInput = { statuses, children, today, hour, calendar, config };
  return dueMessages(input);
}
const keysOf = (ms: DueMessage[]) => ms.map((m) => m.key);

describe('reminders: keys and weeks', () => {
  it('formats the idempotency keys', () => {
    assert.equal(keys.iroDigest('iro-1', MON), 'digest:iro:iro-1:2016-10-03');
    assert.equal(keys.serviceDigest(MON), 'digest:service:2016-10-03');
    assert.equal(keys.reviewReminder('C1', 2, '2016-10-05'), 'review:C1:2:reminder:2016-10-05');
    assert.equal(keys.recordReminder('C1', 'C1-1', 'day10'), 'review:C1:C1-1:record:day10');
    assert.equal(keys.recordReminder('C1', 'C1-1', 'day15'), 'review:C1:C1-1:record:day15');
  });

  const mondays: [string, string][] = [
    ['2016-10-03', '2016-10-03'],
    ['2016-10-04', '2016-10-03'],
    ['2016-10-08', '2016-10-03'],
    ['2016-10-09', '2016-10-03'],
    ['2016-10-10', '2016-10-10'],
    ['2017-01-01', '2016-12-26'],
  ];
  for (const [d, monday] of mondays) it(`mondayOf(${d}) = ${monday}`, () => assert.equal(mondayOf(d), monday));

  const digestTimes: [string, number, boolean, string][] = [
    ['2016-10-02', 12, false, 'Sunday'],
    ['2016-10-03', 6, false, 'Monday before 07:00'],
    ['2016-10-03', 7, true, 'Monday 07:00'],
    ['2016-10-03', 23, true, 'Monday late'],
    ['2016-10-04', 0, true, 'Tuesday (catch-up; dueMessages still waits for 07:00)'],
    ['2016-10-07', 9, true, 'Friday (catch-up)'],
    ['2016-10-08', 9, false, 'Saturday'],
  ];
  for (const [d, h, due, what] of digestTimes)
    it(`digest due: ${what} → ${due}`, () => assert.equal(digestDue(d, h), due));

  const recordDays: [string, ReturnType<typeof recordReminderDay>][] = [
    ['2016-09-23', null],
    ['2016-10-02', null],
    ['2016-10-03', 'day10'],
    ['2016-10-07', 'day10'],
    ['2016-10-08', 'day15'],
    ['2016-10-14', 'day15'],
    ['2016-10-15', null],
    ['2017-01-01', null],
  ];
  for (const [today, day] of recordDays) {
    it(`record held Fri 23 Sep: on ${today} the reminder window is ${day}`, () =>
      assert.equal(recordReminderDay('2016-09-23', today), day));
  }
});

describe('reminders: digests', () => {
  const a = child('A', { iroId: 'iro-1', reviews: [held('A-1', '2016-09-23')] });
  const b = child('B', { iroId: 'iro-2', reviews: [held('B-1', '2016-04-01', '2016-04-10')] });
  const c = child('C', { iroId: 'iro-1' });
  const d = child('D', { iroId: 'iro-2', reviews: [held('D-1', '2016-09-01')] });
  const e = child('E', { iroId: 'iro-3' });
  const statuses = [
    status(a, '2016-12-23'), // beyond the window
    status(b, '2016-09-28'), // overdue, not booked
    status(c, '2016-10-30'), // last day of the 4-week window, not booked
    status(d, '2016-09-30', true), // overdue, booked
    status(e, '2016-10-20', true), // booked: nothing to book
  ];

  it('Monday 07:00: one service digest and one per IRO with children, even an empty one', () => {
    const ms = run(MON, 7, statuses).filter((m) => m.kind.endsWith('digest'));
    assert.deepEqual(keysOf(ms), [
      'digest:service:2016-10-03',
      'digest:iro:iro-1:2016-10-03',
      'digest:iro:iro-2:2016-10-03',
      'digest:iro:iro-3:2016-10-03',
    ]);
    assert.deepEqual(
      ms.map((m) => m.to),
      [
        { kind: 'channel', purpose: 'iro-channel' },
        { kind: 'personal', staffId: 'iro-1' },
        { kind: 'personal', staffId: 'iro-2' },
        { kind: 'personal', staffId: 'iro-3' },
      ],
    );
    const refs = (xs: { child: Child }[]) => xs.map((x) => x.child.ref);
    const [svc, i1, i2, i3] = ms as Extract<DueMessage, { digest: unknown }>[];
    assert.deepEqual([svc!.digest.weekOf, svc!.digest.windowEnd], ['2016-10-03', '2016-10-30']);
    assert.deepEqual(
      [refs(svc!.digest.overdue), refs(svc!.digest.toBook), refs(svc!.digest.records)],
      [['B', 'D'], ['C'], ['D', 'A']],
    );
    assert.deepEqual([refs(i1!.digest.overdue), refs(i1!.digest.toBook), refs(i1!.digest.records)], [[], ['C'], ['A']]);
    assert.deepEqual(
      [refs(i2!.digest.overdue), refs(i2!.digest.toBook), refs(i2!.digest.records)],
      [['B', 'D'], [], ['D']],
    );
    assert.deepEqual([refs(i3!.digest.overdue), refs(i3!.digest.toBook), refs(i3!.digest.records)], [[], [], []]);
  });

  it("a catch-up digest on Wednesday keeps Monday's key and window, and lists what is due from Wednesday", () => {
    const ms = run('2016-10-05', 9, statuses).filter((m) => m.kind === 'service-digest');
    assert.deepEqual(keysOf(ms), ['digest:service:2016-10-03']);
    const dg = (ms[0] as Extract<DueMessage, { kind: 'service-digest' }>).digest;
    assert.equal(dg.windowEnd, '2016-10-30');
  });

  const noDigest: [string, number, string][] = [
    ['2016-10-03', 6, 'Monday 06:59'],
    ['2016-10-08', 12, 'Saturday'],
    ['2016-10-09', 12, 'Sunday'],
  ];
  for (const [today, hour, what] of noDigest) {
    it(`no digest on ${what}`, () =>
      assert.deepEqual(
        run(today, hour, statuses).filter((m) => m.kind.endsWith('digest')),
        [],
      ));
  }

  it('DIGEST_WEEKS sets the window: one week ends on Sunday', () => {
    const dg = digestContent(statuses, [], '2016-10-05', 1);
    assert.equal(dg.windowEnd, '2016-10-09');
    assert.deepEqual(dg.toBook, []);
  });

  it('outstanding records: undistributed only, oldest deadline first, future held dates ignored', () => {
    const kids = [
      child('X', { reviews: [held('X-1', '2016-09-20'), held('X-2', '2016-10-30')] }),
      child('Y', { reviews: [held('Y-1', '2016-09-10'), held('Y-0', '2016-03-01', '2016-03-05')] }),
    ];
    const rs = outstandingRecords(kids, MON);
    assert.deepEqual(
      rs.map((r) => [r.reviewId, r.deadline, r.overdue]),
      [
        ['Y-1', '2016-09-24', true],
        ['X-1', '2016-10-04', false],
      ],
    );
  });
});

describe('reminders: daily review reminder', () => {
  // today Mon 3 Oct 2016; 10 working days on = Mon 17 Oct.
  const cases: { dueBy: string; booked?: boolean; expect: number | null; why: string }[] = [
    { dueBy: '2016-10-03', expect: 0, why: 'due today' },
    { dueBy: '2016-10-04', expect: 1, why: 'due tomorrow' },
    { dueBy: '2016-10-16', expect: 9, why: 'due on a Sunday within the horizon' },
    { dueBy: '2016-10-17', expect: 10, why: 'due on the 10th working day' },
    { dueBy: '2016-10-18', expect: null, why: 'due on the 11th working day' },
    { dueBy: '2016-10-10', booked: true, expect: null, why: 'booked' },
    { dueBy: '2016-09-30', expect: null, why: 'overdue (in the digest instead)' },
  ];
  for (const c of cases) {
    it(`${c.why}: ${c.expect === null ? 'no reminder' : `reminder, ${c.expect} working days left`}`, () => {
      const s = status(child('R', { iroId: 'iro-7' }), c.dueBy, c.booked, 2);
      const ms = run(MON, 10, [s]).filter((m) => m.kind === 'review-reminder');
      if (c.expect === null) return assert.deepEqual(ms, []);
      assert.equal(ms.length, 1);
      const m = ms[0] as Extract<DueMessage, { kind: 'review-reminder' }>;
      assert.equal(m.key, 'review:R:2:reminder:2016-10-03');
      assert.deepEqual(m.to, { kind: 'personal', staffId: 'iro-7' });
      assert.equal(m.workingDaysLeft, c.expect);
    });
  }

  it('a child new to care with no IRO yet: no reminder (the managers have the allocation card; issue 14)', () => {
    const s = status(child('N', { iroId: '' }), '2016-10-04', false, 1);
    assert.deepEqual(
      run(MON, 10, [s]).filter((m) => m.kind === 'review-reminder'),
      [],
    );
  });

  const days: [string, number, boolean, string][] = [
    ['2016-10-03', 6, false, 'before 07:00'],
    ['2016-10-03', 7, true, 'from 07:00'],
    ['2016-10-08', 10, false, 'Saturday'],
    ['2016-08-29', 10, false, 'Summer bank holiday (Wales)'],
    ['2016-12-27', 10, false, 'substitute Christmas holiday'],
  ];
  for (const [today, hour, sent, what] of days) {
    it(`${what}: ${sent ? 'sent' : 'not sent'}`, () => {
      const s = status(child('R'), calendar.addWorkingDays(today, 2));
      assert.equal(
        run(today, hour, [s]).some((m) => m.kind === 'review-reminder'),
        sent,
      );
    });
  }

  it('a new key every working day, so one reminder per day', () => {
    const s = status(child('R'), '2016-10-14', false, 4);
    const perDay = [
      '2016-10-03',
      '2016-10-04',
      '2016-10-05',
      '2016-10-06',
      '2016-10-07',
      '2016-10-08',
      '2016-10-09',
      '2016-10-10',
    ].flatMap((d) => keysOf(run(d, 9, [s]).filter((m) => m.kind === 'review-reminder')));
    assert.deepEqual(
      perDay,
      ['03', '04', '05', '06', '07', '10'].map((dd) => `review:R:4:reminder:2016-10-${dd}`),
    );
  });
});

describe('reminders: record distribution', () => {
  // Held Fri 23 Sep 2016: day 10 = Mon 3 Oct, deadline (day 14) Fri 7 Oct, day 15 = Sat 8 Oct.
  const c = child('K', { iroId: 'iro-5', reviews: [held('K-2', '2016-09-23')] });
  const at = (today: string) => keysOf(run(today, 9, [], [c]).filter((m) => m.kind === 'record-reminder'));
  const table: [string, string[]][] = [
    ['2016-09-30', []],
    ['2016-10-03', ['review:K:K-2:record:day10']],
    ['2016-10-07', ['review:K:K-2:record:day10']],
    ['2016-10-08', []], // Saturday: waits for Monday
    ['2016-10-10', ['review:K:K-2:record:day15']],
    ['2016-10-14', ['review:K:K-2:record:day15']],
    ['2016-10-17', []],
  ];
  for (const [today, expected] of table)
    it(`on ${today}: ${expected.join(', ') || 'none'}`, () => assert.deepEqual(at(today), expected));

  it("goes to the child's IRO, and not at all once distributed", () => {
    const [m] = run('2016-10-03', 9, [], [c]).filter((x) => x.kind === 'record-reminder');
    assert.deepEqual(m!.to, { kind: 'personal', staffId: 'iro-5' });
    const done = child('K', { reviews: [held('K-2', '2016-09-23', '2016-10-01')] });
    assert.deepEqual(
      run('2016-10-03', 9, [], [done]).filter((x) => x.kind === 'record-reminder'),
      [],
    );
  });

  it("rule RR1: goes to the review's chair, not the IRO the child has now; their digest lists it too", () => {
    // Chaired by iro-3, then the child moved to iro-5 before the record went out.
    const moved = child('M', { iroId: 'iro-5', reviews: [{ ...held('M-4', '2016-09-23'), chairId: 'iro-3' }] });
    const reminders = run(MON, 9, [], [moved]).filter((x) => x.kind === 'record-reminder');
    assert.deepEqual(
      reminders.map((m) => m.to),
      [{ kind: 'personal', staffId: 'iro-3' }],
    );
    const digests = run(MON, 9, [], [moved]).filter((x) => x.kind === 'iro-digest');
    const recordsFor = (id: string) =>
      digests.flatMap((d) =>
        d.kind === 'iro-digest' && d.iroId === id ? d.digest.records.map((r) => r.reviewId) : [],
      );
    assert.deepEqual([recordsFor('iro-3'), recordsFor('iro-5')], [['M-4'], []]);
  });

  it('day-15 reminder says overdue; day-10 does not', () => {
    const m10 = run('2016-10-03', 9, [], [c]).find((x) => x.kind === 'record-reminder') as Extract<
      DueMessage,
      { kind: 'record-reminder' }
    >;
    const m15 = run('2016-10-10', 9, [], [c]).find((x) => x.kind === 'record-reminder') as Extract<
      DueMessage,
      { kind: 'record-reminder' }
    >;
    assert.deepEqual([m10.day, m10.record.overdue, m15.day, m15.record.overdue], ['day10', false, 'day15', true]);
  });
});
