import assert from 'node:assert/strict';
import { addDays, addMonths, createCalendar } from '../../src/domain/calendar.js';
import { compliancePercent, complianceReport } from '../../src/domain/compliance.js';
import { isAppError } from '../../src/domain/errors.js';
import { getPolicy } from '../../src/domain/policies.js';
import type { ChildHistory, LateReason } from '../../src/domain/types.js';
import { child, cla, ifst, la, sb } from './timescale-fixtures.js';

const cal = createCalendar({ region: 'GB-WLS', closureDays: [] });
const wales = getPolicy('wales');
const half = { from: '2016-04-01', to: '2016-09-30' };

// The source report's Apr–Sep 2016 table (docs/DOMAIN.md "Compliance report"; rules-research §6).
const SOURCE: [string, number, number, number][] = [
  ['2016-04', 170, 164, 6],
  ['2016-05', 146, 143, 3],
  ['2016-06', 137, 136, 1],
  ['2016-07', 131, 127, 4],
  ['2016-08', 160, 156, 4],
  ['2016-09', 176, 169, 7],
];
// Its 25 late reviews by reason.
const LATE: [LateReason, number][] = [
  ['not-notified', 3],
  ['sw-unavailable', 10],
  ['no-allocated-sw', 1],
  ['child-or-carer-ill', 2],
  ['family-or-carer-unavailable', 4],
  ['other-agency-unavailable', 1],
  ['placement-disruption', 3],
  ['safeguarding-first', 1],
];

/**
 * One looked-after child whose only review falling due in the period is due on `due` (W39.3): it
 * became looked after about 14 months earlier and had three reviews in time. The in-period
 * review is held `offset` days after its due date (<= 0: within timescale).
 */
function childWithReviewDue(ref: string, due: string, offset: number, lateReason?: LateReason): ChildHistory {
  const prev = addMonths(due, -6); // held 3 days early: its own due is in the same month, before the period
  const second = addDays(addMonths(prev, -6), 3);
  const first = addMonths(second, -2);
  const start = addDays(first, -10);
  const c = cla(
    [la(start)],
    [first, second, prev, { heldOn: addDays(due, offset), lateReason: lateReason ?? null }],
    ref,
  );
  return c;
}

function sourceDataset(): ChildHistory[] {
  const reasons = LATE.flatMap(([r, n]) => Array<LateReason>(n).fill(r));
  const children: ChildHistory[] = [];
  let n = 0;
  for (const [month, due, within, outside] of SOURCE) {
    assert.equal(within + outside, due);
    for (let i = 0; i < due; i++) {
      const day = 5 + (i % 21); // 5th–25th: no month-end clamping, early holding stays in the month
      const dueOn = `${month}-${String(day).padStart(2, '0')}`;
      const late = i < outside;
      children.push(
        childWithReviewDue(`C${++n}`, dueOn, late ? 1 + (i % 9) : -(i % 4), late ? reasons.shift() : undefined),
      );
    }
  }
  // Children with nothing due in the period must not change it.
  children.push(cla([la('2016-09-20')], [], 'NEW-1')); // first review due 18 Oct 2016
  children.push(child('ifst', [ifst('2015-06-01')], ['2015-06-25', '2015-09-10', '2015-11-30'], 'IFST-DONE'));
  assert.equal(reasons.length, 0);
  return children;
}

describe('complianceReport', () => {
  it('reproduces the source report Apr–Sep 2016 from real child histories: 97.28% overall, August 97.50%', () => {
    const report = complianceReport(sourceDataset(), half, wales, cal, { today: '2016-10-31' });
    assert.deepEqual(
      report.months.map((m) => [m.month, m.due, m.within, m.outside]),
      SOURCE,
    );
    assert.deepEqual(
      report.months.map((m) => m.compliance),
      ['96.47', '97.95', '99.27', '96.95', '97.50', '96.02'],
    );
    assert.equal(report.months[4].label, 'Aug 2016');
    assert.equal(report.months[4].compliance, '97.50'); // the source printed 97.20
    assert.deepEqual([report.totals.due, report.totals.within, report.totals.outside], [920, 895, 25]);
    assert.equal(report.totals.compliance, '97.28');
    assert.equal(report.target, 98.5);
    assert.equal(report.totals.meetsTarget, false);
    assert.equal(report.months[2].meetsTarget, true); // June 99.27
    assert.equal(report.totals.notYetDue, 0);
    assert.deepEqual(
      report.lateByReason.filter((r) => r.count > 0).map((r) => [r.reason, r.count]),
      LATE,
    );
    assert.equal(report.lateByReason.find((r) => r.reason === 'not-recorded')?.count, 0);
    assert.equal(report.late.length, 25);
    assert.ok(report.late.every((l) => l.daysLate > 0 && l.heldOn !== null));
    assert.deepEqual(report.excluded, []);
  });

  it('counts an unheld review past due as outside, not recorded; one not yet due only as notYetDue', () => {
    const overdue = cla([la('2016-03-01')], ['2016-03-24'], 'OVER'); // W39.2 due 24 Jun, never held
    const notYet = cla([la('2016-03-01')], ['2016-03-24', '2016-06-20'], 'SOON'); // W39.3 due 20 Dec 2016
    const dueToday = child('short-breaks', [sb('2016-06-15')], [], 'TODAY'); // SB due 15 Sep 2016
    const r = complianceReport([overdue, notYet, dueToday], { from: '2016-04-01', to: '2016-12-31' }, wales, cal, {
      today: '2016-09-15',
    });
    const by = Object.fromEntries(r.months.map((m) => [m.month, m]));
    assert.deepEqual([by['2016-06'].due, by['2016-06'].within, by['2016-06'].outside], [2, 1, 1]);
    assert.deepEqual([by['2016-09'].due, by['2016-09'].notYetDue], [0, 1]); // due today: can still be held in time
    assert.deepEqual([by['2016-12'].due, by['2016-12'].notYetDue, by['2016-12'].compliance], [0, 1, null]);
    assert.deepEqual(
      [r.totals.due, r.totals.within, r.totals.outside, r.totals.notYetDue, r.totals.compliance],
      [2, 1, 1, 2, '50.00'],
    );
    assert.deepEqual(
      r.late.map((l) => [l.ref, l.heldOn, l.daysLate, l.reason]),
      [['OVER', null, 83, 'not-recorded']],
    );
    assert.equal(r.lateByReason.find((x) => x.reason === 'not-recorded')?.count, 1);
  });

  it('uses stored due dates for held reviews, whatever the policy now says', () => {
    const c = cla(
      [la('2016-03-01')],
      [{ heldOn: '2016-03-30', dueBy: '2016-03-29', rule: 'W39.1', lateReason: 'not-notified' }],
    );
    const r = complianceReport([c], { from: '2016-03-01', to: '2016-03-31' }, wales, cal, { today: '2016-04-30' });
    assert.deepEqual([r.totals.due, r.totals.within, r.totals.outside], [1, 0, 1]);
    assert.deepEqual(
      r.late.map((l) => [l.rule, l.dueBy, l.daysLate, l.reason]),
      [['W39.1', '2016-03-29', 1, 'not-notified']],
    );
  });

  it('can be limited to tracks and takes another target', () => {
    const r = complianceReport(sourceDataset(), half, wales, cal, {
      today: '2016-10-31',
      tracks: ['ifst'],
      target: 90,
    });
    assert.equal(r.totals.due, 0);
    assert.equal(r.totals.compliance, null);
    assert.equal(r.target, 90);
  });

  it('lists a child with an impossible history as excluded instead of failing the report', () => {
    const broken = cla([la('2016-03-01')], ['2016-02-01'], 'BAD');
    const r = complianceReport([broken, cla([la('2016-03-01')], ['2016-03-24'])], half, wales, cal, {
      today: '2016-10-31',
    });
    assert.deepEqual(
      r.excluded.map((x) => x.ref),
      ['BAD'],
    );
    assert.match(r.excluded[0].problem, /child BAD: review BAD-R1/);
    assert.equal(r.totals.due, 1);
  });

  it('rejects a bad period or today', () => {
    assert.throws(
      () => complianceReport([], { from: '2016-10-01', to: '2016-04-01' }, wales, cal, { today: '2016-10-31' }),
      (e) => isAppError(e, 'invalid-input'),
    );
    assert.throws(
      () => complianceReport([], half, wales, cal, { today: 'today' }),
      (e) => isAppError(e, 'invalid-input'),
    );
  });

  describe('compliancePercent (from the counts, two decimals)', () => {
    const rows: [number, number, string | null][] = [
      [895, 920, '97.28'],
      [156, 160, '97.50'],
      [772, 783, '98.60'],
      [164, 170, '96.47'],
      [1, 1, '100.00'],
      [0, 3, '0.00'],
      [2, 3, '66.67'],
      [0, 0, null],
    ];
    for (const [w, d, want] of rows) it(`${w}/${d} = ${want}`, () => assert.equal(compliancePercent(w, d), want));
  });
});
