import assert from 'node:assert/strict';
import { commaListInput, splitCommaList } from '../../src/domain/comma-list.js';

describe('comma-separated lists (domain/comma-list.ts)', () => {
  it('trims items and skips empty ones', () => {
    assert.deepEqual(splitCommaList(' a, b,,c ,'), ['a', 'b', 'c']);
    assert.deepEqual(splitCommaList(''), []);
  });

  it('as a schema preprocess: splits text, turns null/undefined into [], leaves anything else to the schema', () => {
    assert.deepEqual(commaListInput('x,y'), ['x', 'y']);
    assert.deepEqual(commaListInput(undefined), []);
    assert.deepEqual(commaListInput(null), []);
    const forged = { $ne: null };
    assert.equal(commaListInput(forged), forged);
  });
});
