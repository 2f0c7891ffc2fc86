import assert from 'node:assert/strict';
import { continuityOfIro, externalIroUse, recordsByMonth, type BoardChild } from '../../src/domain/board-measures.js';

// docs/DOMAIN.md "Board measures": BM1 records within 14 days by month held, BM2 continuity of IRO, BM3
// external IRO use. Period Oct–Nov 2026, today Wed 25 Nov 2026.
const PERIOD = { from: '2026-10-01', to: '2026-11-30' };
const TODAY = '2026-11-25';
const child = (
  ref: string,
  iroId: string,
  reviews: BoardChild['reviews'],
  iroChangedOn: string[] = [],
): BoardChild => ({
  ref,
  iroId,
  reviews,
  iroChangedOn,
});

describe('board measures (BM1–BM3)', () => {
  it('BM1: distributed on day 14 is within, day 15 late; undistributed late only once day 14 has passed', () => {
    const { rows, total } = recordsByMonth(
      [
        child('A', 'iro-1', [
          { id: 'A1', heldOn: '2026-10-01', recordDistributedOn: '2026-10-15' }, // day 14: within
          { id: 'A2', heldOn: '2026-10-02', recordDistributedOn: '2026-10-17' }, // day 15: late
          { id: 'A3', heldOn: '2026-10-20', recordDistributedOn: null }, // not out, day 36: late
          { id: 'A4', heldOn: '2026-11-20' }, // not out, day 5: not yet due
          { id: 'A5', heldOn: '2026-09-30', recordDistributedOn: '2026-10-01' }, // before the period
          { id: 'A6', heldOn: '2026-11-27' }, // after today (a data error): not counted
        ]),
      ],
      PERIOD,
      TODAY,
    );
    assert.deepEqual(rows, [
      { month: '2026-10', held: 3, within: 1, late: 2, notYetDue: 0, percent: '33.33' },
      { month: '2026-11', held: 1, within: 0, late: 0, notYetDue: 1, percent: null },
    ]);
    assert.deepEqual(total, { held: 4, within: 1, late: 2, notYetDue: 1, percent: '33.33' });
  });

  it('BM2: the same IRO throughout = no reallocation in the period and one chair for every review in it', () => {
    const figures = continuityOfIro(
      [
        child('A', 'iro-1', [{ id: 'A1', heldOn: '2026-10-05', chairId: 'iro-1' }]),
        child('B', 'iro-1', [{ id: 'B1', heldOn: '2026-10-05' }], ['2026-09-01']), // reallocated before: continuous
        child('C', 'iro-2', [{ id: 'C1', heldOn: '2026-10-05', chairId: 'iro-2' }], ['2026-11-01']), // reallocated in it
        child('D', 'iro-1', [
          { id: 'D1', heldOn: '2026-10-01', chairId: 'iro-1' },
          { id: 'D2', heldOn: '2026-11-20', chairId: 'iro-x' }, // another chair
        ]),
        child('E', 'iro-1', [{ id: 'E1', heldOn: '2026-06-01', chairId: 'iro-1' }]), // no review in the period: not counted
      ],
      PERIOD,
    );
    assert.deepEqual(figures, { children: 4, sameIro: 2, percent: '50.00' });
  });

  it('BM3: reviews chaired by an external IRO (a missing chair is the child’s IRO), and children allocated to one now', () => {
    const external = (id: string) => id === 'iro-x';
    const children = [
      child('A', 'iro-x', [{ id: 'A1', heldOn: '2026-10-05' }]),
      child('B', 'iro-1', [
        { id: 'B1', heldOn: '2026-10-05', chairId: 'iro-x' },
        { id: 'B2', heldOn: '2026-11-05', chairId: 'iro-1' },
        { id: 'B0', heldOn: '2026-09-05', chairId: 'iro-x' },
      ]),
    ];
    assert.deepEqual(externalIroUse(children, PERIOD, external, [children[0]!, children[1]!]), {
      held: 3,
      chairedExternally: 2,
      percent: '66.67',
      childrenWithExternalIro: 1,
    });
  });
});
