import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Document } from 'mongodb';
import type { DocCollection } from '../../src/store/doc-collection.js';
import { openEmbeddedStore, type EmbeddedStore } from '../../src/store/embedded/embedded-store.js';

// Reads hand out the stored documents themselves, deep-frozen, instead of a deep copy each: a caller
// that tries to change one gets a TypeError (ES modules are strict), and nothing it holds can change
// under it, because a write swaps in a new document.

interface Doc extends Document {
  _id: string;
  n: number;
  tags: string[];
  nested: { list: { at: Date; v: number }[] };
}

describe('embedded store: frozen documents, copied only on the write path', () => {
  let dir: string;
  let store: EmbeddedStore;
  let col: DocCollection<Doc>;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'iro-frozen-'));
    store = await openEmbeddedStore(dir);
    col = store.collection<Doc>('things');
    await col.createIndex({ tags: 1 }, { name: 'tags' });
  });
  afterEach(async () => {
    await store.close();
    await rm(dir, { recursive: true, force: true });
  });

  const assertDeepFrozen = (doc: Doc | null) => {
    assert.ok(doc);
    for (const part of [doc, doc.tags, doc.nested, doc.nested.list, doc.nested.list[0]])
      assert.ok(Object.isFrozen(part));
    assert.throws(() => {
      doc.n = 99;
    }, TypeError);
    assert.throws(() => {
      doc.tags.push('x');
    }, TypeError);
    assert.throws(() => {
      doc.nested.list[0]!.v = 7;
    }, TypeError);
  };

  it('findOne, find and findOneAndUpdate return deep-frozen documents; the same object twice, no copy', async () => {
    const input: Doc = { _id: 'a', n: 1, tags: ['t'], nested: { list: [{ at: new Date(0), v: 1 }] } };
    await col.insertOne(input);
    input.tags.push('changed by the caller after the insert');
    assert.deepEqual((await col.findOne({ _id: 'a' }))?.tags, ['t'], "the caller's object was copied on the way in");
    assert.ok(!Object.isFrozen(input), "the caller's own object is left alone");

    const one = await col.findOne({ _id: 'a' });
    assertDeepFrozen(one);
    const [listed] = await col.find({ tags: 't' }).toArray();
    assert.equal(listed, one, 'no copy per read');
    const updated = await col.findOneAndUpdate({ _id: 'a' }, { $inc: { n: 1 }, $push: { tags: 'u' } } as never, {
      returnDocument: 'after',
    });
    assertDeepFrozen(updated);
    assert.deepEqual([one?.n, one?.tags], [1, ['t']], 'a document read before the update is unchanged');
    assert.deepEqual([updated?.n, updated?.tags], [2, ['t', 'u']]);
  });

  it('documents replayed from the log are frozen too', async () => {
    await col.insertOne({ _id: 'b', n: 1, tags: ['t'], nested: { list: [{ at: new Date(0), v: 1 }] } });
    await store.close();
    store = await openEmbeddedStore(dir);
    col = store.collection<Doc>('things');
    assertDeepFrozen(await col.findOne({ _id: 'b' }));
  });

  it('a projection is a new, frozen object', async () => {
    await col.insertOne({ _id: 'c', n: 1, tags: ['t'], nested: { list: [{ at: new Date(0), v: 1 }] } });
    const [p] = await col.find({ _id: 'c' }, { projection: { tags: 1 } }).toArray();
    assert.deepEqual(p, { _id: 'c', tags: ['t'] });
    assert.ok(Object.isFrozen(p) && Object.isFrozen(p!.tags));
  });
});
