import assert from 'node:assert/strict';
import { createCalendar } from '../../src/domain/calendar.js';
import { currentCaseload, isCurrentlyOpen } from '../../src/domain/caseload.js';
import {
  CLA_TABLE_TRACKS,
  complianceReport,
  IFST_TABLE_TRACKS,
  undistributedRecords,
} from '../../src/domain/compliance.js';
import { getPolicy } from '../../src/domain/policies.js';
import type { Child, ChildHistory } from '../../src/domain/types.js';
import { ceased, child, ifst, la, sb } from './timescale-fixtures.js';

// docs/DOMAIN.md "Compliance report" (RP1, CL1) and "Review records" (RP2).
const cal = createCalendar({ region: 'GB-WLS', closureDays: [] });
const wales = getPolicy('wales');
const asChild = (h: ChildHistory, extra: Partial<Child> = {}): Child => ({
  ...h,
  iroId: 'iro-1',
  bookings: [],
  ...extra,
});

describe('rule CL1: the caseload counts children open now', () => {
  const cases: [string, ChildHistory, boolean][] = [
    ['looked after', child('cla', [la('2016-01-04')], [], 'A'), true],
    ['left care', child('cla', [la('2016-01-04'), ceased('2016-06-01')], [], 'B'), false],
    [
      'left care, then looked after again',
      child('cla', [la('2015-01-05'), ceased('2015-06-01'), la('2016-02-01')], [], 'C'),
      true,
    ],
    ['leaves care after today', child('cla', [la('2016-01-04'), ceased('2016-12-01')], [], 'D'), true],
    ['short breaks series open', child('short-breaks', [sb('2016-03-01')], [], 'E'), true],
    ['IFST plan ended', child('ifst', [ifst('2016-01-04'), ceased('2016-07-01')], [], 'F'), false],
    ['no start recorded', child('cla', [], [], 'G'), false],
  ];
  for (const [what, c, open] of cases)
    it(`${what}: ${open ? 'counted' : 'not counted'}`, () => assert.equal(isCurrentlyOpen(c, '2016-10-03'), open));

  it('currentCaseload keeps the open ones in order', () => {
    assert.deepEqual(
      currentCaseload(
        cases.map(([, c]) => c),
        '2016-10-03',
      ).map((c) => c.ref),
      ['A', 'C', 'D', 'E'],
    );
  });
});

describe('rule RP1: "CLA Reviews Held Within Timescales" is looked-after reviews only; IFST separately', () => {
  // Each child's first review is due in May 2016 and held late (2016-06-10).
  const late = { heldOn: '2016-06-10' };
  const children = [
    child('cla', [la('2016-04-04')], [late], 'CLA'), // W39.1: due Tue 3 May 2016
    child('short-breaks', [sb('2016-02-15')], [late], 'SB'), // SB: due 15 May 2016
    child('ifst', [ifst('2016-04-18')], [late], 'IFST'), // IFST: due 16 May 2016
  ];
  const period = { from: '2016-04-01', to: '2016-09-30' };
  const run = (tracks: readonly ('cla' | 'short-breaks' | 'ifst')[]) =>
    complianceReport(children, period, wales, cal, { today: '2016-07-31', tracks });

  it('the CLA table counts the looked-after child and the child on short breaks, not the IFST plan', () => {
    const r = run(CLA_TABLE_TRACKS);
    assert.deepEqual(
      r.late.map((l) => l.ref),
      ['CLA', 'SB'],
    );
    assert.equal(r.totals.due, 2);
  });

  it('the IFST table counts the IFST plan only', () => {
    const r = run(IFST_TABLE_TRACKS);
    assert.deepEqual(
      r.late.map((l) => l.ref),
      ['IFST'],
    );
  });
});

describe('rule RP2: undistributed written records are counted', () => {
  it('counts held reviews without a distribution date, and those past the 14 days', () => {
    const kids = [
      asChild(child('cla', [la('2016-01-04')], [{ heldOn: '2016-09-01', recordDistributedOn: '2016-09-05' }], 'A')),
      asChild(child('cla', [la('2016-01-04')], ['2016-02-01', '2016-09-28'], 'B')),
      asChild(child('ifst', [ifst('2016-09-01')], ['2016-09-26'], 'C')),
    ];
    // B-1 (held 1 Feb) is overdue; B-2 (28 Sep) and C-1 (26 Sep) are within their 14 days on 3 Oct.
    assert.deepEqual(undistributedRecords(kids, '2016-10-03'), { outstanding: 3, overdue: 1 });
  });
});
