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

  // Welsh windows and dates (issue 13): one grammar, each Welsh window reads as its English twin.
  const welsh: [string, { kind: string; from: string; to: string; label: string }][] = [
    ['yr wythnos hon', { kind: 'relative', from: '2026-11-23', to: '2026-11-29', label: 'this week' }],
    ['Yr  Wythnos Hon', { kind: 'relative', from: '2026-11-23', to: '2026-11-29', label: 'this week' }],
    ['wythnos nesaf', { kind: 'relative', from: '2026-11-30', to: '2026-12-06', label: 'next week' }],
    ['yr wythnos nesa', { kind: 'relative', from: '2026-11-30', to: '2026-12-06', label: 'next week' }],
    ['heddiw', { kind: 'relative', from: TODAY, to: TODAY, label: 'today' }],
    ['yfory', { kind: 'relative', from: '2026-11-26', to: '2026-11-26', label: 'tomorrow' }],
    ['hwyr', { kind: 'overdue', from: '2026-11-24', to: '2026-11-24', label: 'overdue' }],
    ['y 10 diwrnod nesaf', { kind: 'relative', from: TODAY, to: '2026-12-04', label: 'next 10 days' }],
    ['14 Ionawr', { kind: 'explicit', from: '2026-01-14', to: '2026-01-14', label: '2026-01-14' }],
    ['3ydd Rhag 2026', { kind: 'explicit', from: '2026-12-03', to: '2026-12-03', label: '2026-12-03' }],
    ['1af Mawrth 2027', { kind: 'explicit', from: '2027-03-01', to: '2027-03-01', label: '2027-03-01' }],
    [
      '4 Hyd 2016 i 10 Hyd 2016',
      { kind: 'explicit', from: '2016-10-04', to: '2016-10-10', label: '2016-10-04 to 2016-10-10' },
    ],
    [
      '20 Rhagfyr tan 5 Ionawr',
      { kind: 'explicit', from: '2026-12-20', to: '2027-01-05', label: '2026-12-20 to 2027-01-05' },
    ],
  ];
  for (const [text, expected] of welsh) {
    it(`Welsh "${text}" → ${expected.kind} ${expected.from}..${expected.to}, label "${expected.label}"`, () => {
      const w = parseDueWindow(text, TODAY);
      assert.deepEqual({ kind: w.kind, from: w.from, to: w.to, label: w.label }, expected);
    });
  }

  it('an unreadable window names its catalogue message, so a Welsh reader is answered in Welsh', () => {
    assert.throws(
      () => parseDueWindow('wythnos diwethaf', TODAY),
      (err) =>
        isAppError(err, 'invalid-input') &&
        err.userMessage?.key === 'errors.due.window-unreadable' &&
        err.userMessage.params?.text === 'wythnos diwethaf',
    );
  });

  const bad = [
    'y 0 diwrnod nesaf',
    '31 Chwefror 2026',
    'wythnos nesaf nesaf',
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
