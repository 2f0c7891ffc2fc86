import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Document } from 'mongodb';
import type { DocCollection } from '../../src/store/doc-collection.js';
import { entrust } from '../../src/store/embedded/clone.js';
import { openEmbeddedStore, type EmbeddedStore } from '../../src/store/embedded/embedded-store.js';

// A large insertMany (an import, issue 12) enters its documents in the non-unique indexes the first time
// anything uses them, and keeps an entrusted document without copying it. Every read, count, update and
// delete after it must see exactly what per-document inserts would have given; unique indexes still refuse.

interface Doc extends Document {
  _id: string;
  team: string;
  due: string;
  tags: string[];
  email?: string;
}

const BULK = 2_500;
const docOf = (i: number): Doc => ({
  _id: `c${String(i).padStart(5, '0')}`,
  team: ['north', 'south', 'east'][i % 3]!,
  due: `2027-01-${String((i % 28) + 1).padStart(2, '0')}`,
  tags: i % 2 ? ['a', 'b'] : ['b'],
  email: `p${i}@council.example`,
});

describe('embedded store: bulk insert', () => {
  let dir: string;
  let store: EmbeddedStore;
  let col: DocCollection<Doc>;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'iro-bulk-'));
    store = await openEmbeddedStore(dir);
    col = store.collection<Doc>('things');
    await col.createIndex({ team: 1, due: 1 }, { name: 'team.due' });
    await col.createIndex({ tags: 1 }, { name: 'tags' });
    await col.createIndex({ email: 1 }, { name: 'email', unique: true, sparse: true });
  });
  afterEach(async () => {
    await store.close();
    await rm(dir, { recursive: true, force: true });
  });

  const expected = (keep: (d: Doc) => boolean) =>
    Array.from({ length: BULK }, (_, i) => docOf(i))
      .filter(keep)
      .map((d) => d._id);
  const ids = async (filter: Document, sort?: Record<string, 1 | -1>) =>
    (await col.find(filter, sort ? { sort } : {}).toArray()).map((d) => d._id);

  it('finds, counts, ranges, updates and deletes through the indexes as if inserted one by one', async () => {
    await col.insertMany(Array.from({ length: BULK }, (_, i) => docOf(i)));
    assert.deepEqual(
      await ids({ team: 'north' }, { _id: 1 }),
      expected((d) => d.team === 'north'),
    );
    assert.equal(await col.countDocuments({ tags: 'a' }), expected((d) => d.tags.includes('a')).length);
    assert.deepEqual(await ids({ team: 'south', due: { $gte: '2027-01-10', $lt: '2027-01-12' } }, { due: 1, _id: 1 }), [
      ...expected((d) => d.team === 'south' && d.due === '2027-01-10'),
      ...expected((d) => d.team === 'south' && d.due === '2027-01-11'),
    ]);
    await col.updateOne({ _id: 'c00000' }, { $set: { team: 'west' } });
    assert.deepEqual(await ids({ team: 'west' }), ['c00000']);
    await col.deleteOne({ _id: 'c00003' });
    assert.equal(await col.countDocuments({ team: 'north' }), expected((d) => d.team === 'north').length - 2);
    // And the same after the log is read back.
    await store.close();
    store = await openEmbeddedStore(dir);
    col = store.collection<Doc>('things');
    assert.deepEqual(await ids({ team: 'west' }), ['c00000']);
    assert.equal(await col.countDocuments({ tags: 'b' }), BULK - 1);
  });

  it('a later bulk insert meets the documents of an earlier one in a unique index', async () => {
    await col.insertMany(Array.from({ length: BULK }, (_, i) => docOf(i)));
    // The eighth names an e-mail address the first insert stored.
    const clash = Array.from({ length: BULK }, (_, i) => ({
      ...docOf(BULK + i),
      email: `p${i === 7 ? 3 : BULK + i}@council.example`,
    }));
    await assert.rejects(col.insertMany(clash), { code: 11000 });
    // Ordered, as the driver: those before the clash were inserted, and are found through the indexes.
    assert.equal(await col.countDocuments({}), BULK + 7);
    assert.deepEqual(await ids({ email: 'p3@council.example' }), ['c00003']);
    assert.equal(await col.countDocuments({ tags: 'b' }), BULK + 7);
  });

  it('keeps an entrusted document as it is, and copies any other', async () => {
    const mine = docOf(1);
    const theirs = entrust(docOf(2));
    await col.insertMany([mine, theirs]);
    mine.team = 'changed after the insert';
    assert.equal((await col.findOne({ _id: mine._id }))?.team, 'south');
    assert.equal(await col.findOne({ _id: theirs._id }), theirs);
  });
});
