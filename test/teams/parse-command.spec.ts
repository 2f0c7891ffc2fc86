import assert from 'node:assert/strict';
import { parseCommand } from '../../src/teams/commands/parse-command.js';

describe('parseCommand: one anchored parser', () => {
  const cases: [string, { name: string; args: string } | null][] = [
    ['/due this week', { name: 'due', args: 'this week' }],
    ['due this week', { name: 'due', args: 'this week' }],
    ['/DUE  Next Week ', { name: 'due', args: 'Next Week' }],
    ['/overdue', { name: 'overdue', args: '' }],
    ['  /caseload team', { name: 'caseload', args: 'team' }],
    ['/case C1001', { name: 'case', args: 'C1001' }],
    ['/due\u00a0today', { name: 'due', args: 'today' }],
    ['', null],
    ['   ', null],
    ['123', null],
    ['<at>Megan</at> hello', null],
  ];
  for (const [text, expected] of cases) {
    it(`${JSON.stringify(text)} → ${JSON.stringify(expected)}`, () => {
      assert.deepEqual(parseCommand(text), expected);
    });
  }

  it('does not treat /overdue as /due (no substring routing)', () => {
    assert.equal(parseCommand('/overdue')?.name, 'overdue');
  });
});
