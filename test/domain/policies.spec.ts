import assert from 'node:assert/strict';
import { isAppError } from '../../src/domain/errors.js';
import {
  DEFAULT_POLICY_ID,
  describeLimit,
  getPolicy,
  POLICIES,
  POLICY_IDS,
  type Limit,
} from '../../src/domain/policies.js';

const d = (n: number): Limit => ({ unit: 'days', n });
const wd = (n: number): Limit => ({ unit: 'working-days', n });
const m = (n: number): Limit => ({ unit: 'months', n });

// docs/DOMAIN.md "Review timescales" table, row by row.
const table: [string, keyof (typeof POLICIES)['wales']['rules'], Record<string, unknown>][] = [
  ['W39.1', 'W39.1', { wales: { first: wd(20) }, 'seed-2016': { first: d(28) }, england: { first: wd(20) } }],
  ['W39.2', 'W39.2', { wales: { first: m(3) }, 'seed-2016': { first: m(3) }, england: { first: m(3) } }],
  ['W39.3', 'W39.3', { wales: { first: m(6) }, 'seed-2016': { first: m(6) }, england: { first: m(6) } }],
  ['UPC', 'UPC', { wales: { first: d(28) }, 'seed-2016': { first: d(28) }, england: { first: wd(20) } }],
  ['ADP', 'ADP', { wales: { first: d(28) }, 'seed-2016': { first: d(28) }, england: { first: d(28) } }],
  ['SB', 'SB', Object.fromEntries(['wales', 'seed-2016', 'england'].map((id) => [id, { first: m(3), then: m(6) }]))],
  [
    'IFST',
    'IFST',
    Object.fromEntries(
      ['wales', 'seed-2016', 'england'].map((id) => [
        id,
        { first: d(28), then: m(3), final: m(6), finalAfterLateSecond: d(28) },
      ]),
    ),
  ],
];

describe('policies', () => {
  it('has the three presets, wales by default', () => {
    assert.deepEqual([...POLICY_IDS], ['wales', 'seed-2016', 'england']);
    assert.equal(DEFAULT_POLICY_ID, 'wales');
  });

  for (const [name, rule, want] of table) {
    for (const id of POLICY_IDS) {
      it(`${id} ${name} matches docs/DOMAIN.md`, () => assert.deepEqual(getPolicy(id).rules[rule], want[id]));
    }
  }

  for (const id of POLICY_IDS) {
    it(`${id}: IFST final counted from the start`, () => assert.equal(getPolicy(id).ifstFinalFrom, 'start'));
  }

  it('getPolicy rejects an unknown id with a config error listing the valid ids', () => {
    assert.throws(
      () => getPolicy('scotland'),
      (e) =>
        isAppError(e, 'config') && e.message.includes('"scotland"') && e.message.includes('wales, seed-2016, england'),
    );
    assert.throws(
      () => getPolicy('toString'),
      (e) => isAppError(e, 'config'),
    );
  });

  it('presets cannot be changed at run time', () => {
    assert.throws(() => {
      (getPolicy('wales').rules['W39.1'].first as { n: number }).n = 5;
    });
    assert.equal(getPolicy('wales').rules['W39.1'].first.n, 20);
  });

  it('describes limits', () => {
    assert.equal(describeLimit(wd(20)), '20 working days');
    assert.equal(describeLimit(m(1)), '1 month');
    assert.equal(describeLimit(d(28)), '28 days');
  });
});
