import assert from 'node:assert/strict';
import { createCalendar } from '../../src/domain/calendar.js';
import { getPolicy, POLICY_IDS, type TimescalePolicy } from '../../src/domain/policies.js';
import { nextReview, reviewHistory, type NextReview } from '../../src/domain/timescales.js';
import type { ChildHistory, RuleId } from '../../src/domain/types.js';
import { adp, ceased, child, cla, fwd, ifst, la, sb, upc } from './timescale-fixtures.js';

const cal = createCalendar({ region: 'GB-WLS', closureDays: [] });

type Want = { dueBy: string; rule: RuleId; sequence: number; explanation?: string | RegExp } | null;
type PerPreset = Record<string, Want>;
interface Row {
  name: string;
  child: ChildHistory;
  want: Want | PerPreset;
}

const all = (w: Want): PerPreset => Object.fromEntries(POLICY_IDS.map((id) => [id, w]));
const isPerPreset = (w: Want | PerPreset): w is PerPreset => w !== null && !('dueBy' in w);

// Shared histories.
const laMar = la('2016-03-01');
const twoReviews = ['2016-03-24', '2016-06-20']; // W39.3 next due 20 Dec 2016

const rows: Row[] = [
  // ---- W39.1 ----
  {
    name: 'W39.1 first review after becoming looked after (Easter in the period)',
    child: cla([laMar]),
    want: {
      wales: {
        dueBy: '2016-03-31',
        rule: 'W39.1',
        sequence: 1,
        explanation: '20 working days after becoming looked after on 1 Mar 2016',
      },
      england: {
        dueBy: '2016-03-31',
        rule: 'W39.1',
        sequence: 1,
        explanation: '20 working days after becoming looked after on 1 Mar 2016',
      },
      'seed-2016': {
        dueBy: '2016-03-29',
        rule: 'W39.1',
        sequence: 1,
        explanation: '28 days after becoming looked after on 1 Mar 2016',
      },
    },
  },
  {
    name: 'W39.1 from Fri 23 Dec 2016 (Christmas 25 Sun, 26, 27 substitute; 2 Jan substitute)',
    child: cla([la('2016-12-23')]),
    want: {
      wales: { dueBy: '2017-01-25', rule: 'W39.1', sequence: 1 },
      england: { dueBy: '2017-01-25', rule: 'W39.1', sequence: 1 },
      'seed-2016': { dueBy: '2017-01-20', rule: 'W39.1', sequence: 1 },
    },
  },
  {
    name: 'W39.1 from a weekend start, Sat 24 Dec 2016',
    child: cla([la('2016-12-24')]),
    want: {
      wales: { dueBy: '2017-01-25', rule: 'W39.1', sequence: 1 },
      england: { dueBy: '2017-01-25', rule: 'W39.1', sequence: 1 },
      'seed-2016': { dueBy: '2017-01-21', rule: 'W39.1', sequence: 1 },
    },
  },
  {
    name: 'W39.1 from Thu 24 Mar 2016 (Good Friday 25, Easter Monday 28)',
    child: cla([la('2016-03-24')]),
    want: {
      wales: { dueBy: '2016-04-25', rule: 'W39.1', sequence: 1 },
      england: { dueBy: '2016-04-25', rule: 'W39.1', sequence: 1 },
      'seed-2016': { dueBy: '2016-04-21', rule: 'W39.1', sequence: 1 },
    },
  },
  {
    name: 'W39.1 from Easter Saturday, 26 Mar 2016',
    child: cla([la('2016-03-26')]),
    want: {
      wales: { dueBy: '2016-04-25', rule: 'W39.1', sequence: 1 },
      england: { dueBy: '2016-04-25', rule: 'W39.1', sequence: 1 },
      'seed-2016': { dueBy: '2016-04-23', rule: 'W39.1', sequence: 1 },
    },
  },
  // ---- W39.2 / W39.3 ----
  {
    name: 'W39.2 second review 3 months after the first as held',
    child: cla([laMar], ['2016-03-24']),
    want: all({
      dueBy: '2016-06-24',
      rule: 'W39.2',
      sequence: 2,
      explanation: '3 months after the first review held on 24 Mar 2016',
    }),
  },
  {
    name: 'W39.2 after a late first review runs from the day it was held',
    child: cla([laMar], ['2016-04-15']),
    want: all({ dueBy: '2016-07-15', rule: 'W39.2', sequence: 2 }),
  },
  {
    name: 'W39.3 third review 6 months after the second',
    child: cla([laMar], twoReviews),
    want: all({
      dueBy: '2016-12-20',
      rule: 'W39.3',
      sequence: 3,
      explanation: '6 months after the review held on 20 Jun 2016',
    }),
  },
  {
    name: 'W39.3 every later review 6 months after the previous',
    child: cla([laMar], [...twoReviews, '2016-12-15']),
    want: all({ dueBy: '2017-06-15', rule: 'W39.3', sequence: 4 }),
  },
  {
    name: 'a late review moves the next anchor, not the rule',
    child: cla([laMar], ['2016-03-24', '2016-07-01']),
    want: all({
      dueBy: '2017-01-01',
      rule: 'W39.3',
      sequence: 3,
      explanation: '6 months after the review held on 1 Jul 2016',
    }),
  },
  {
    name: '31 Aug 2016 + 6 months = 28 Feb 2017',
    child: cla([la('2016-01-04')], ['2016-01-25', '2016-04-20', '2016-08-31']),
    want: all({ dueBy: '2017-02-28', rule: 'W39.3', sequence: 4 }),
  },
  {
    name: '31 Aug 2015 + 6 months = 29 Feb 2016 (leap year)',
    child: cla([la('2015-01-05')], ['2015-01-26', '2015-04-20', '2015-08-31']),
    want: all({ dueBy: '2016-02-29', rule: 'W39.3', sequence: 4 }),
  },
  {
    name: '30 Nov 2015 + 3 months = 29 Feb 2016',
    child: cla([la('2015-11-02')], ['2015-11-30']),
    want: all({ dueBy: '2016-02-29', rule: 'W39.2', sequence: 2 }),
  },
  {
    name: 'held on 29 Feb 2016 + 3 months = 29 May 2016',
    child: cla([la('2016-02-08')], ['2016-02-29']),
    want: all({ dueBy: '2016-05-29', rule: 'W39.2', sequence: 2 }),
  },
  {
    name: '31 Mar + 3 months = 30 Jun',
    child: cla([la('2016-03-10')], ['2016-03-31']),
    want: all({ dueBy: '2016-06-30', rule: 'W39.2', sequence: 2 }),
  },
  // ---- UPC ----
  {
    name: 'UPC: an unplanned placement change restarts the cycle (earlier than the W39.3 date)',
    child: cla([laMar, upc('2016-08-01')], twoReviews),
    want: {
      wales: {
        dueBy: '2016-08-29',
        rule: 'UPC',
        sequence: 3,
        explanation: '28 days after the unplanned placement change on 1 Aug 2016',
      },
      'seed-2016': { dueBy: '2016-08-29', rule: 'UPC', sequence: 3 },
      england: {
        dueBy: '2016-08-30',
        rule: 'UPC',
        sequence: 3,
        explanation: '20 working days after the unplanned placement change on 1 Aug 2016',
      },
    },
  },
  {
    name: 'UPC: after the restart review, W39.2 3 months, naming the restart',
    child: cla([laMar, upc('2016-08-01')], [...twoReviews, '2016-08-25']),
    want: all({
      dueBy: '2016-11-25',
      rule: 'W39.2',
      sequence: 4,
      explanation:
        '3 months after the first review since the unplanned placement change on 1 Aug 2016, held on 25 Aug 2016',
    }),
  },
  {
    name: 'UPC: then W39.3 every 6 months',
    child: cla([laMar, upc('2016-08-01')], [...twoReviews, '2016-08-25', '2016-11-20']),
    want: all({ dueBy: '2017-05-20', rule: 'W39.3', sequence: 5 }),
  },
  {
    name: 'earlier date wins: a UPC whose date is later keeps the W39.3 date already due',
    child: cla([laMar, upc('2016-12-10')], twoReviews),
    want: all({
      dueBy: '2016-12-20',
      rule: 'W39.3',
      sequence: 3,
      explanation: '6 months after the review held on 20 Jun 2016',
    }),
  },
  {
    name: 'earlier date wins: once held, the clock runs under the UPC cycle',
    child: cla([laMar, upc('2016-12-10')], [...twoReviews, '2016-12-15']),
    want: all({
      dueBy: '2017-03-15',
      rule: 'W39.2',
      sequence: 4,
      explanation:
        '3 months after the first review since the unplanned placement change on 10 Dec 2016, held on 15 Dec 2016',
    }),
  },
  {
    name: 'earlier date wins: a UPC before the first review, later than W39.1, keeps W39.1',
    child: cla([laMar, upc('2016-03-20')]),
    want: {
      wales: { dueBy: '2016-03-31', rule: 'W39.1', sequence: 1 },
      england: { dueBy: '2016-03-31', rule: 'W39.1', sequence: 1 },
      'seed-2016': { dueBy: '2016-03-29', rule: 'W39.1', sequence: 1 },
    },
  },
  {
    name: 'same day: a review held on the day of a UPC counts after it, as the restart review',
    child: cla([laMar, upc('2016-08-01')], [...twoReviews, '2016-08-01']),
    want: all({
      dueBy: '2016-11-01',
      rule: 'W39.2',
      sequence: 4,
      explanation: /since the unplanned placement change on 1 Aug 2016, held on 1 Aug 2016/,
    }),
  },
  // ---- ADP ----
  {
    name: 'ADP: placed for adoption restarts the cycle, 28 days',
    child: cla([laMar, adp('2016-07-15')], twoReviews),
    want: all({
      dueBy: '2016-08-12',
      rule: 'ADP',
      sequence: 3,
      explanation: '28 days after the adoptive placement on 15 Jul 2016',
    }),
  },
  {
    name: 'ADP: then 3 months after the first review since the adoptive placement',
    child: cla([laMar, adp('2016-07-15')], [...twoReviews, '2016-08-05']),
    want: all({
      dueBy: '2016-11-05',
      rule: 'W39.2',
      sequence: 4,
      explanation: '3 months after the first review since the adoptive placement on 15 Jul 2016, held on 5 Aug 2016',
    }),
  },
  {
    name: 'ADP: then 6-monthly',
    child: cla([laMar, adp('2016-07-15')], [...twoReviews, '2016-08-05', '2016-11-01']),
    want: all({ dueBy: '2017-05-01', rule: 'W39.3', sequence: 5 }),
  },
  // ---- SB ----
  {
    name: 'SB: first review 3 months after the first short break',
    child: child('short-breaks', [sb('2016-01-10')]),
    want: all({
      dueBy: '2016-04-10',
      rule: 'SB',
      sequence: 1,
      explanation: '3 months after short breaks started on 10 Jan 2016',
    }),
  },
  {
    name: 'SB: then 6-monthly from the review as held',
    child: child('short-breaks', [sb('2016-01-10')], ['2016-04-05']),
    want: all({
      dueBy: '2016-10-05',
      rule: 'SB',
      sequence: 2,
      explanation: '6 months after the review held on 5 Apr 2016',
    }),
  },
  {
    name: 'SB: and again',
    child: child('short-breaks', [sb('2016-01-10')], ['2016-04-05', '2016-09-30']),
    want: all({ dueBy: '2017-03-30', rule: 'SB', sequence: 3 }),
  },
  {
    name: 'SB: 31 Aug + 3 months = 30 Nov',
    child: child('short-breaks', [sb('2016-08-31')]),
    want: all({ dueBy: '2016-11-30', rule: 'SB', sequence: 1 }),
  },
  {
    name: 'SB: ended, none due',
    child: child('short-breaks', [sb('2016-01-10'), ceased('2016-06-01')], ['2016-04-05']),
    want: all(null),
  },
  // ---- IFST ----
  {
    name: 'IFST: first review 28 days after the intensive phase starts',
    child: child('ifst', [ifst('2016-02-01')]),
    want: all({
      dueBy: '2016-02-29',
      rule: 'IFST',
      sequence: 1,
      explanation: '28 days after the intensive phase started on 1 Feb 2016',
    }),
  },
  {
    name: 'IFST: second 3 months after the first as held',
    child: child('ifst', [ifst('2016-02-01')], ['2016-02-25']),
    want: all({
      dueBy: '2016-05-25',
      rule: 'IFST',
      sequence: 2,
      explanation: '3 months after the first review held on 25 Feb 2016',
    }),
  },
  {
    name: 'IFST: final 6 months after the start',
    child: child('ifst', [ifst('2016-02-01')], ['2016-02-25', '2016-05-20']),
    want: all({
      dueBy: '2016-08-01',
      rule: 'IFST',
      sequence: 3,
      explanation: 'final review: 6 months after the intensive phase started on 1 Feb 2016',
    }),
  },
  {
    name: 'IFST: after the three reviews, none',
    child: child('ifst', [ifst('2016-02-01')], ['2016-02-25', '2016-05-20', '2016-07-28']),
    want: all(null),
  },
  {
    name: "IFST: second held after the final's date → final 28 days after the second",
    child: child('ifst', [ifst('2016-02-01')], ['2016-02-25', '2016-08-05']),
    want: all({
      dueBy: '2016-09-02',
      rule: 'IFST',
      sequence: 3,
      explanation:
        "final review: 28 days after the second review held on 5 Aug 2016 (held on or after the final's date, 1 Aug 2016)",
    }),
  },
  {
    name: "IFST: second held on the final's date → final 28 days after the second",
    child: child('ifst', [ifst('2016-02-01')], ['2016-02-25', '2016-08-01']),
    want: all({ dueBy: '2016-08-29', rule: 'IFST', sequence: 3 }),
  },
  {
    name: 'IFST: a new plan after the final starts again',
    child: child('ifst', [ifst('2016-02-01'), ifst('2016-10-03')], ['2016-02-25', '2016-05-20', '2016-07-28']),
    want: all({ dueBy: '2016-10-31', rule: 'IFST', sequence: 1 }),
  },
  // ---- FWD ----
  {
    name: 'FWD: a bring-forward replaces the due date',
    child: cla([la('2016-06-06'), fwd('2016-08-01', '2016-08-19')], ['2016-07-04']),
    want: all({
      dueBy: '2016-08-19',
      rule: 'FWD',
      sequence: 2,
      explanation: 'brought forward: safety (was due 4 Oct 2016)',
    }),
  },
  {
    name: "FWD: once held it lapses; the next is the cycle's next after it (it was the second → 6 months)",
    child: cla([la('2016-06-06'), fwd('2016-08-01', '2016-08-19')], ['2016-07-04', '2016-08-15']),
    want: all({
      dueBy: '2017-02-15',
      rule: 'W39.3',
      sequence: 3,
      explanation: '6 months after the review held on 15 Aug 2016',
    }),
  },
  {
    name: 'FWD: held late still lapses and anchors the cycle',
    child: cla([la('2016-06-06'), fwd('2016-08-01', '2016-08-19')], ['2016-07-04', '2016-08-26']),
    want: all({ dueBy: '2017-02-26', rule: 'W39.3', sequence: 3 }),
  },
  {
    name: "FWD: a date later than the rule's date does not delay it (earlier date wins)",
    child: cla([la('2016-06-06'), fwd('2016-08-01', '2016-11-01')], ['2016-07-04']),
    want: all({ dueBy: '2016-10-04', rule: 'W39.2', sequence: 2 }),
  },
  {
    name: 'FWD: two bring-forwards, the earlier date wins',
    child: cla(
      [
        la('2016-06-06'),
        fwd('2016-08-01', '2016-09-01', 'plan-change'),
        fwd('2016-08-05', '2016-08-20', 'child-request'),
      ],
      ['2016-07-04'],
    ),
    want: all({
      dueBy: '2016-08-20',
      rule: 'FWD',
      sequence: 2,
      explanation: 'brought forward: the child asked (was due 4 Oct 2016)',
    }),
  },
  {
    name: 'FWD: the first review can be brought forward too',
    child: cla([laMar, fwd('2016-03-02', '2016-03-10', 'remand-ending')]),
    want: all({ dueBy: '2016-03-10', rule: 'FWD', sequence: 1 }),
  },
  {
    name: 'FWD on a short-breaks series',
    child: child('short-breaks', [sb('2016-01-10'), fwd('2016-02-01', '2016-02-20', 'plan-change')]),
    want: all({ dueBy: '2016-02-20', rule: 'FWD', sequence: 1 }),
  },
  {
    name: 'earlier date wins: FWD earlier than a later UPC stays; once held the UPC cycle runs',
    child: cla([la('2016-06-06'), fwd('2016-08-01', '2016-08-19'), upc('2016-08-02')], ['2016-07-04', '2016-08-15']),
    want: all({
      dueBy: '2016-11-15',
      rule: 'W39.2',
      sequence: 3,
      explanation: /since the unplanned placement change on 2 Aug 2016, held on 15 Aug 2016/,
    }),
  },
  {
    name: 'earlier date wins: a UPC earlier than a FWD date takes over',
    child: cla([la('2016-06-06'), fwd('2016-08-01', '2016-09-30'), upc('2016-08-02')], ['2016-07-04']),
    want: {
      wales: { dueBy: '2016-08-30', rule: 'UPC', sequence: 2 },
      'seed-2016': { dueBy: '2016-08-30', rule: 'UPC', sequence: 2 },
      england: { dueBy: '2016-08-31', rule: 'UPC', sequence: 2 },
    },
  },
  // ---- episodes ----
  {
    name: 'ceased to be looked after: none due',
    child: cla([laMar, ceased('2016-10-01')], twoReviews),
    want: all(null),
  },
  {
    name: 'never looked after: none due',
    child: cla([]),
    want: all(null),
  },
  {
    name: 'a new episode starts at W39.1 again, sequence 1',
    child: cla([laMar, ceased('2016-10-01'), la('2016-11-01')], twoReviews),
    want: {
      wales: {
        dueBy: '2016-11-29',
        rule: 'W39.1',
        sequence: 1,
        explanation: '20 working days after becoming looked after on 1 Nov 2016',
      },
      england: { dueBy: '2016-11-29', rule: 'W39.1', sequence: 1 },
      'seed-2016': { dueBy: '2016-11-29', rule: 'W39.1', sequence: 1 },
    },
  },
  {
    name: 'same day: a review held on the day a child ceases belongs to the ending episode',
    child: cla([laMar, ceased('2016-10-01'), la('2016-11-01')], [...twoReviews, '2016-10-01']),
    want: all({ dueBy: '2016-11-29', rule: 'W39.1', sequence: 1 }),
  },
  {
    name: 'a pending bring-forward does not survive ceasing',
    child: cla(
      [la('2016-06-06'), fwd('2016-08-01', '2016-08-19'), ceased('2016-08-10'), la('2016-09-05')],
      ['2016-07-04'],
    ),
    want: all({ dueBy: '2016-10-03', rule: 'W39.1', sequence: 1 }),
  },
  {
    name: 'unsorted input gives the same answer',
    child: cla([upc('2016-08-01'), laMar], ['2016-08-25', '2016-06-20', '2016-03-24']),
    want: all({ dueBy: '2016-11-25', rule: 'W39.2', sequence: 4 }),
  },
];

describe('nextReview', () => {
  for (const policyId of POLICY_IDS) {
    describe(`preset ${policyId}`, () => {
      const policy = getPolicy(policyId);
      for (const row of rows) {
        const want = isPerPreset(row.want) ? row.want[policyId] : row.want;
        if (want === undefined) continue;
        it(row.name, () => {
          const got = nextReview(row.child, policy, cal);
          if (want === null) return assert.equal(got, null);
          assert.ok(got, 'expected a next review');
          assert.deepEqual(
            { dueBy: got.dueBy, rule: got.rule, sequence: got.sequence },
            { dueBy: want.dueBy, rule: want.rule, sequence: want.sequence },
          );
          if (typeof want.explanation === 'string') assert.equal(got.explanation, want.explanation);
          else if (want.explanation) assert.match(got.explanation, want.explanation);
        });
      }
    });
  }

  it('names the cycle and the rule date a bring-forward replaced', () => {
    const got = nextReview(
      cla([la('2016-06-06'), fwd('2016-08-01', '2016-08-19')], ['2016-07-04']),
      getPolicy('wales'),
      cal,
    ) as NextReview;
    assert.deepEqual(got.cycleStart, { rule: 'W39.1', event: 'became-looked-after', on: '2016-06-06' });
    assert.deepEqual(got.broughtForward, {
      reason: 'safety',
      setOn: '2016-08-01',
      ruleDueBy: '2016-10-04',
      rule: 'W39.2',
    });
  });

  it('does not mutate or re-order the input', () => {
    const c = cla([upc('2016-08-01'), laMar], ['2016-08-25', '2016-03-24', '2016-06-20']);
    const before = JSON.stringify(c);
    nextReview(c, getPolicy('wales'), cal);
    reviewHistory(c, getPolicy('wales'), cal);
    assert.equal(JSON.stringify(c), before);
  });

  describe('policies are data', () => {
    const wales = getPolicy('wales');
    it('a policy with ifstFinalFrom "previous" counts the final from the second review', () => {
      const p: TimescalePolicy = { ...wales, id: 'ifst-previous', ifstFinalFrom: 'previous' };
      const got = nextReview(child('ifst', [ifst('2016-02-01')], ['2016-02-25', '2016-05-20']), p, cal);
      assert.equal(got?.dueBy, '2016-11-20');
      assert.equal(got?.explanation, 'final review: 6 months after the second review held on 20 May 2016');
    });
    it('a new preset with other limits needs no code', () => {
      const p: TimescalePolicy = {
        ...wales,
        id: 'custom',
        rules: { ...wales.rules, 'W39.1': { first: { unit: 'working-days', n: 10 } } },
      };
      assert.equal(nextReview(cla([laMar]), p, cal)?.dueBy, '2016-03-15');
    });
  });
});

describe('reviewHistory', () => {
  const wales = getPolicy('wales');

  it('lists every held review with its due date, rule and whether it was in time', () => {
    const c = cla(
      [laMar, upc('2016-08-01')],
      [{ heldOn: '2016-03-24' }, { heldOn: '2016-07-01', lateReason: 'sw-unavailable' }, { heldOn: '2016-09-02' }],
    );
    const got = reviewHistory(c, wales, cal).map((r) => [
      r.sequence,
      r.rule,
      r.dueBy,
      r.heldOn,
      r.withinTimescale,
      r.daysLate,
      r.lateReason,
    ]);
    assert.deepEqual(got, [
      [1, 'W39.1', '2016-03-31', '2016-03-24', true, 0, null],
      [2, 'W39.2', '2016-06-24', '2016-07-01', false, 7, 'sw-unavailable'],
      [3, 'UPC', '2016-08-29', '2016-09-02', false, 4, 'not-recorded'],
    ]);
  });

  it('held on the due date is within timescale', () => {
    const [r] = reviewHistory(cla([laMar], ['2016-03-31']), wales, cal);
    assert.equal(r.withinTimescale, true);
    assert.equal(r.daysLate, 0);
  });

  it('keeps a stored dueBy and rule (reports never change with the policy)', () => {
    const c = cla([laMar], [{ heldOn: '2016-03-30', dueBy: '2016-03-29', rule: 'W39.1' }, '2016-06-20']);
    const [first, second] = reviewHistory(c, wales, cal);
    assert.equal(first.dueBy, '2016-03-29');
    assert.equal(first.rule, 'W39.1');
    assert.equal(first.stored, true);
    assert.equal(first.withinTimescale, false);
    assert.equal(first.daysLate, 1);
    assert.match(first.explanation, /^as recorded when the review was held .*31 Mar 2016/);
    // The next one is still anchored on the held date.
    assert.equal(second.dueBy, '2016-06-30');
    assert.equal(second.stored, false);
  });

  it('a stored value equal to the computed one keeps the plain explanation', () => {
    const [r] = reviewHistory(cla([laMar], [{ heldOn: '2016-03-24', dueBy: '2016-03-31', rule: 'W39.1' }]), wales, cal);
    assert.equal(r.explanation, '20 working days after becoming looked after on 1 Mar 2016');
  });

  it('shows a brought-forward review as FWD', () => {
    const [, r] = reviewHistory(
      cla([la('2016-06-06'), fwd('2016-08-01', '2016-08-19')], ['2016-07-04', '2016-08-15']),
      wales,
      cal,
    );
    assert.deepEqual(
      [r.rule, r.dueBy, r.explanation],
      ['FWD', '2016-08-19', 'brought forward: safety (was due 4 Oct 2016)'],
    );
  });

  it('numbers reviews per episode', () => {
    const c = cla([laMar, ceased('2016-10-01'), la('2016-11-01')], [...twoReviews, '2016-11-20']);
    assert.deepEqual(
      reviewHistory(c, wales, cal).map((r) => [r.sequence, r.rule]),
      [
        [1, 'W39.1'],
        [2, 'W39.2'],
        [1, 'W39.1'],
      ],
    );
  });

  it('gives the written record status (14 days, held date is day 0)', () => {
    const c = cla(
      [laMar],
      [
        { heldOn: '2016-03-24', recordDistributedOn: '2016-04-07' },
        { heldOn: '2016-06-20', recordDistributedOn: '2016-07-05' },
        { heldOn: '2016-12-01' },
      ],
    );
    const [a, b, d] = reviewHistory(c, wales, cal, { today: '2016-12-16' });
    assert.deepEqual([a.recordDueBy, a.recordStatus], ['2016-04-07', 'distributed']);
    assert.deepEqual([b.recordStatus], ['distributed-late']);
    assert.deepEqual([d.recordDueBy, d.recordStatus], ['2016-12-15', 'overdue']);
    assert.equal(reviewHistory(c, wales, cal, { today: '2016-12-15' })[2].recordStatus, 'outstanding');
    assert.equal(reviewHistory(c, wales, cal)[2].recordStatus, 'outstanding');
  });
});
