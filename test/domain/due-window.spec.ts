import assert from 'node:assert/strict';
import { parseDueWindow } from '../../src/domain/due-window.js';
import { isAppError } from '../../src/domain/errors.js';

// Today is Wednesday 25 Nov 2026 unless a case says otherwise.
const TODAY = '2026-11-25';

describe('parseDueWindow (docs/DESIGN.md /due WINDOW)', () => {
  const cases: [string, { kind: string; from: string; to: string }][] = [
    ['', { kind: 'relative', from: '2026-11-23', to: '2026-11-29' }],
    ['this week', { kind: 'relative', from: '2026-11-23', to: '2026-11-29' }],
    ['This  Week', { kind: 'relative', from: '2026-11-23', to: '2026-11-29' }],
    ['next week', { kind: 'relative', from: '2026-11-30', to: '2026-12-06' }],
    ['today', { kind: 'relative', from: TODAY, to: TODAY }],
    ['tomorrow', { kind: 'relative', from: '2026-11-26', to: '2026-11-26' }],
    ['next 1 day', { kind: 'relative', from: TODAY, to: TODAY }],
    ['next 10 days', { kind: 'relative', from: TODAY, to: '2026-12-04' }],
    ['overdue', { kind: 'overdue', from: '2026-11-24', to: '2026-11-24' }],
    ['2016-10-04', { kind: 'explicit', from: '2016-10-04', to: '2016-10-04' }],
    ['4 Oct 2016', { kind: 'explicit', from: '2016-10-04', to: '2016-10-04' }],
    ['4 October', { kind: 'explicit', from: '2026-10-04', to: '2026-10-04' }],
    ['4 Oct 2016 to 10 Oct 2016', { kind: 'explicit', from: '2016-10-04', to: '2016-10-10' }],
    ['2016-10-04 to 2016-10-10', { kind: 'explicit', from: '2016-10-04', to: '2016-10-10' }],
    ['20 Dec to 5 Jan', { kind: 'explicit', from: '2026-12-20', to: '2027-01-05' }],
    ['28 Feb 2028 to 29 Feb 2028', { kind: 'explicit', from: '2028-02-28', to: '2028-02-29' }],
  ];
  for (const [text, expected] of cases) {
    it(`"${text}" → ${expected.kind} ${expected.from}..${expected.to}`, () => {
      const w = parseDueWindow(text, TODAY);
      assert.deepEqual({ kind: w.kind, from: w.from, to: w.to }, expected);
    });
  }

  it('this week on a Sunday is the week ending that day (Mon–Sun)', () => {
    const w = parseDueWindow('this week', '2026-11-29');
    assert.equal(w.from, '2026-11-23');
    assert.equal(w.to, '2026-11-29');
  });

  const bad = [
    'blah',
    'next 0 days',
    'next 400 days',
    '31 Feb 2026',
    '2016-13-01',
    'octagon 4',
    '10 Oct 2016 to 4 Oct 2016',
    '1 Jan to 2 Jan to 3 Jan',
  ];
  for (const text of bad) {
    it(`rejects "${text}" with an example`, () => {
      assert.throws(
        () => parseDueWindow(text, TODAY),
        (err) => isAppError(err, 'invalid-input') && typeof err.details.example === 'string',
      );
    });
  }
});
