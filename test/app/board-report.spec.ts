import assert from 'node:assert/strict';
import { iroChangeDates } from '../../src/app/board-report.js';
import type { HistoryEntry } from '../../src/store/documents.js';

// BM2 (docs/DOMAIN.md "Board measures"): a change of IRO is dated whether it was made in Teams (a reallocation) or
// in the case system and brought by an import (dated the day the import brought it).
describe('board report: the dates a child’s IRO changed (BM2)', () => {
  const entry = (at: string, action: string, before?: unknown, after?: unknown): HistoryEntry => ({
    at: new Date(at),
    by: { id: 'x' },
    action,
    before,
    after,
  });

  it('a reallocation from Teams and an import bringing another IRO both count; other imports do not', () => {
    const history = [
      entry('2026-04-10T09:00:00Z', 'import'),
      entry('2026-05-02T23:30:00Z', 'import', { iroId: 'iro-1' }, { iroId: 'iro-2' }),
      entry('2026-06-01T09:00:00Z', 'import', { givenName: 'A' }, { givenName: 'B' }),
      entry('2026-07-01T09:00:00Z', 'import', { iroId: 'iro-2' }, { iroId: 'iro-2' }),
      entry('2026-08-03T10:00:00Z', 'reallocate', { iroId: 'iro-2' }, { iroId: 'iro-3' }),
      entry('2026-09-01T09:00:00Z', 'booking'),
    ];
    // 23:30 UTC on 2 May is 3 May in Europe/London (summer time): the service's day.
    assert.deepEqual(iroChangeDates({ history }, 'Europe/London'), ['2026-05-03', '2026-08-03']);
  });
});
