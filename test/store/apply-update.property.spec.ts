import assert from 'node:assert/strict';
import fc from 'fast-check';
import { updateOne } from 'mingo';
import type { Document } from 'mongodb';
import { applyUpdateFast } from '../../src/store/embedded/apply-update.js';
import { cloneValue, deepFreeze } from '../../src/store/embedded/clone.js';

// The embedded store applies the update operators the repositories use without mingo (apply-update.ts),
// copying only the changed paths. Whatever it takes on, the result must be mingo's, field order included,
// the stored document must stay as it was (it is shared, frozen, with the new version), and what it
// does not take on must go to mingo (null).

const scalar = fc.oneof(fc.string({ maxLength: 2 }), fc.integer({ min: -2, max: 2 }), fc.boolean(), fc.constant(null));
const field = fc.constantFrom('a', 'b', 'c');
const element = fc.oneof(
  fc.record({ key: fc.oneof(scalar, fc.array(scalar, { maxLength: 2 })), n: scalar }, { requiredKeys: [] }),
  scalar,
);
const value: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  v: fc.oneof(
    { depthSize: 'small' },
    scalar,
    fc.array(element, { maxLength: 3 }),
    fc.dictionary(field, tie('v'), { maxKeys: 3 }),
    fc.date({ min: new Date(0), max: new Date(1e12), noInvalidDate: true }),
  ),
})).v;
const doc = fc.dictionary(field, value, { maxKeys: 3 }).map((d) => ({ _id: 'x', ...d }));
const path = fc.array(field, { minLength: 1, maxLength: 3 }).map((p) => p.join('.'));
const modifier = fc
  .array(
    fc.oneof(
      fc.tuple(fc.constant('$set'), path, value),
      fc.tuple(fc.constant('$unset'), path, fc.constant('')),
      fc.tuple(fc.constant('$inc'), path, fc.integer({ min: -2, max: 2 })),
      fc.tuple(
        fc.constant('$push'),
        path,
        fc.oneof(element, fc.record({ $each: fc.array(element, { maxLength: 2 }) })),
      ),
      fc.tuple(fc.constant('$pull'), path, fc.record({ key: scalar }, { requiredKeys: ['key'] })),
    ),
    { minLength: 1, maxLength: 3 },
  )
  .map((steps) => {
    const m: Record<string, Document> = {};
    for (const [op, p, v] of steps) (m[op] ??= {})[p] = v;
    return m;
  });

/** mingo's answer: the changed document, null for no change, or the error it throws. */
function byMingo(d: Document, m: Document): { doc: Document | null } | { error: true } {
  const box = [cloneValue(d)];
  try {
    return { doc: updateOne(box, {}, m as never).modifiedCount ? box[0]! : null };
  } catch {
    return { error: true };
  }
}

describe('embedded store: update operators applied without mingo give mingo’s answer (property)', () => {
  it('same document, same field order, same "no change", the stored one untouched', () => {
    let fast = 0;
    fc.assert(
      fc.property(doc, modifier, (d, m) => {
        const stored = deepFreeze(cloneValue(d));
        const before = JSON.stringify(stored);
        const expected = byMingo(d, cloneValue(m, true));
        const got = applyUpdateFast(stored, cloneValue(m, true));
        assert.equal(JSON.stringify(stored), before, 'the stored document is never changed');
        if (got === null) return; // mingo applies it
        fast++;
        assert.ok(!('error' in expected), `mingo refuses ${JSON.stringify(m)} but the fast path applied it`);
        if (!got.changed) return assert.equal(expected.doc, null, JSON.stringify(m));
        assert.ok(expected.doc, `mingo changes nothing for ${JSON.stringify(m)}`);
        assert.equal(JSON.stringify(got.doc), JSON.stringify(expected.doc), JSON.stringify(m));
        assert.deepEqual(got.doc, expected.doc);
      }),
      { numRuns: 3000 },
    );
    assert.ok(fast > 1000, `the fast path took ${fast} of 3000 updates`);
  });

  it('leaves to mingo what it does not take on', () => {
    const d = { _id: 'x', a: [{ b: 1 }], n: 'text' };
    for (const m of [
      { $set: { 'a.$.b': 2 } },
      { $set: { 'a.0.b': 2 } },
      { $set: { 'n.x': 1 } },
      { $inc: { n: 1 } },
      { $set: { a: 1, 'a.b': 2 } },
      { $push: { a: { $each: [1], $slice: 1 } } },
      { $pull: { a: { b: { $gt: 0 } } } },
      { $addToSet: { a: 1 } },
      { $set: { _id: 'y' } },
    ]) {
      assert.equal(applyUpdateFast(d, m), null, JSON.stringify(m));
    }
  });

  it('shares what it does not change with the stored version', () => {
    const stored = deepFreeze({ _id: 'x', big: { list: [1, 2, 3] }, pending: [{ key: 'k1' }], v: 1 });
    const got = applyUpdateFast(stored, { $inc: { v: 1 }, $push: { pending: { key: 'k2' } } });
    assert.ok(got?.changed);
    assert.equal(got.doc.big, stored.big);
    assert.equal(got.doc.pending[0], stored.pending[0]);
    assert.deepEqual(got.doc, { _id: 'x', big: { list: [1, 2, 3] }, pending: [{ key: 'k1' }, { key: 'k2' }], v: 2 });
  });
});
