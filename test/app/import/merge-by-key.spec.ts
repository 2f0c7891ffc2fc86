import assert from 'node:assert/strict';
import { mergeByKey, type KeyedMergeRules } from '../../../src/app/import/merge-by-key.js';

// The one merge loop of the import (events, reviews, bookings): new, changed, unchanged, unlisted,
// and records the bot made.

interface Stored {
  id: string;
  value: string;
  source?: 'bot' | 'import';
}
interface Incoming {
  id: string;
  value: string;
}

const rules: KeyedMergeRules<Stored, Incoming> = {
  keyOf: (r) => r.id,
  added: (r) => ({ ...r, source: 'import' }),
  updated: (existing, r) => ({ ...existing, ...r, source: 'import' }),
  isProtected: (existing) => existing.source === 'bot',
  conflict: (existing, r) => (existing.value === r.value ? null : `${r.id}: the bot's record says ${existing.value}`),
};

describe('mergeByKey (import merge by key)', () => {
  it('appends a new key, replaces a changed record, leaves an unchanged one equal, keeps stored order', () => {
    const stored: Stored[] = [
      { id: 'a', value: '1', source: 'import' },
      { id: 'b', value: '2', source: 'import' },
    ];
    const { merged, conflicts } = mergeByKey(
      stored,
      [
        { id: 'c', value: '3' },
        { id: 'b', value: '2' },
        { id: 'a', value: '9' },
      ],
      rules,
    );
    assert.deepEqual(merged, [
      { id: 'a', value: '9', source: 'import' },
      { id: 'b', value: '2', source: 'import' },
      { id: 'c', value: '3', source: 'import' },
    ]);
    assert.deepEqual(conflicts, []);
  });

  it('keeps a stored record the file does not list (an import deletes nothing)', () => {
    const stored: Stored[] = [
      { id: 'a', value: '1' },
      { id: 'gone-from-file', value: '2', source: 'import' },
    ];
    const { merged } = mergeByKey(stored, [{ id: 'a', value: '1' }], rules);
    assert.deepEqual(
      merged.map((r) => r.id),
      ['a', 'gone-from-file'],
    );
    assert.deepEqual(mergeByKey(stored, [], rules).merged, stored);
  });

  it("never overwrites the bot's record: a difference is a conflict at the file record's index, agreement is silent", () => {
    const stored: Stored[] = [
      { id: 'a', value: '1', source: 'bot' },
      { id: 'b', value: '2', source: 'bot' },
    ];
    const { merged, conflicts } = mergeByKey(
      stored,
      [
        { id: 'b', value: '2' },
        { id: 'a', value: '5' },
      ],
      rules,
    );
    assert.deepEqual(merged, stored);
    assert.deepEqual(conflicts, [{ index: 1, message: "a: the bot's record says 1" }]);
  });

  it('a key listed twice in the file meets the record the first listing produced (as the import always did)', () => {
    const { merged } = mergeByKey(
      [],
      [
        { id: 'a', value: '1' },
        { id: 'a', value: '2' },
      ],
      rules,
    );
    assert.deepEqual(merged, [{ id: 'a', value: '2', source: 'import' }]);
  });

  it('a key stored twice: the first is the one merged into', () => {
    const stored: Stored[] = [
      { id: 'a', value: '1' },
      { id: 'a', value: '2' },
    ];
    const { merged } = mergeByKey(stored, [{ id: 'a', value: '3' }], rules);
    assert.deepEqual(merged, [
      { id: 'a', value: '3', source: 'import' },
      { id: 'a', value: '2' },
    ]);
  });

  it('keys are plain strings, whatever they spell (no prototype lookups)', () => {
    const { merged } = mergeByKey(
      [{ id: 'toString', value: '1' }],
      [
        { id: '__proto__', value: '2' },
        { id: 'toString', value: '3' },
      ],
      rules,
    );
    assert.deepEqual(merged, [
      { id: 'toString', value: '3', source: 'import' },
      { id: '__proto__', value: '2', source: 'import' },
    ]);
  });

  it('does not change the lists it is given', () => {
    const stored: Stored[] = [{ id: 'a', value: '1' }];
    const incoming: Incoming[] = [
      { id: 'a', value: '2' },
      { id: 'b', value: '3' },
    ];
    const copies = structuredClone([stored, incoming]);
    mergeByKey(stored, incoming, rules);
    assert.deepEqual([stored, incoming], copies);
  });
});
