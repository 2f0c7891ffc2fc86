import assert from 'node:assert/strict';
import fc from 'fast-check';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Query } from 'mingo';
import type { Document } from 'mongodb';
import { openEmbeddedStore, type EmbeddedStore } from '../../src/store/embedded/embedded-store.js';

// The embedded store answers some queries from an index instead of reading every document: equality
// on the first field of a compound index (the outbox's { status, enqueuedAt, _id }) and { $exists: true }
// on a sparse index (children with a queued message). An index may only narrow the search, never
// lose a match: the same queries on a collection without indexes must give the same documents.

const statusArb = fc.constantFrom('pending', 'sent', 'failed', 'withheld', 'a\u0000b', 'a', '\u0000', '');
const docArb = fc.record(
  {
    status: fc.oneof(statusArb, fc.constant(null), fc.array(statusArb, { maxLength: 2 })),
    enqueuedAt: fc.integer({ min: 0, max: 3 }),
    pending: fc.oneof(
      fc.constant(undefined),
      fc.array(fc.record({ key: fc.oneof(fc.string({ maxLength: 2 }), fc.constant(null)) }, { requiredKeys: [] }), {
        maxLength: 2,
      }),
    ),
  },
  { requiredKeys: ['status', 'enqueuedAt'] },
);

describe('embedded store: index-answered queries find what a full scan finds (property)', function () {
  this.timeout(60000);
  let dir: string;
  let store: EmbeddedStore;

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'iro-index-prop-'));
    store = await openEmbeddedStore(dir);
  });
  after(async () => {
    await store.close();
    await rm(dir, { recursive: true, force: true });
  });

  let run = 0;
  it('compound-prefix equality and $in, full compound equality, sparse $exists', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(docArb, { maxLength: 25 }),
        statusArb,
        statusArb,
        fc.integer({ min: 0, max: 3 }),
        async (docs, s1, s2, at) => {
          run++;
          const indexed = store.collection<Document>(`ix${run}`);
          const plain = store.collection<Document>(`plain${run}`);
          await indexed.createIndex({ status: 1, enqueuedAt: 1, _id: 1 }, { name: 'status_enqueuedAt' });
          await indexed.createIndex({ 'pending.key': 1 }, { name: 'pending.key', sparse: true });
          const withIds = docs.map((d, i) => ({ _id: `d${i}`, ...d }));
          if (withIds.length) {
            await indexed.insertMany(withIds.map((d) => ({ ...d })) as never);
            await plain.insertMany(withIds.map((d) => ({ ...d })) as never);
          }
          // Changes keep the indexes in step: move some documents to another status.
          for (const d of withIds.filter((_, i) => i % 3 === 0)) {
            for (const c of [indexed, plain]) await c.updateOne({ _id: d._id } as never, { $set: { status: s2 } });
          }
          const queries: Document[] = [
            { status: s1 },
            { status: { $in: [s1, s2] } },
            { status: s1, enqueuedAt: at },
            { status: s1, enqueuedAt: at, _id: 'd0' },
            { 'pending.key': { $exists: true } },
            { status: { $eq: s2 } },
          ];
          for (const q of queries) {
            const ids = async (c: typeof plain) => (await c.find(q, { sort: { _id: 1 } }).toArray()).map((d) => d._id);
            assert.deepEqual(await ids(indexed), await ids(plain), JSON.stringify(q));
          }
        },
      ),
      { numRuns: 120 },
    );
  });
});

// Ranges (issue 12): equality on an index's first fields and a string range on the next, read in index
// order with sort, skip and limit, and counted from the index alone. Values of other types, arrays,
// missing fields and \u0000 in strings must come out exactly as a full scan finds them.
const dayArb = fc.constantFrom('2026-01-01', '2026-01-02', '2026-01-10', '2026-02-01', '2026-0', 'a\u0000', '');
const rangeDocArb = fc.record(
  {
    iro: fc.oneof(
      fc.constantFrom('I1', 'I2', 'I\u0000'),
      fc.constant(null),
      fc.array(fc.constantFrom('I1', 'I2'), { maxLength: 2 }),
    ),
    due: fc.oneof(dayArb, fc.constant(null), fc.integer({ min: 0, max: 3 }), fc.array(dayArb, { maxLength: 2 })),
    booked: fc.boolean(),
  },
  { requiredKeys: ['booked'] },
);
const boundsArb = fc.record(
  {
    $gt: dayArb,
    $gte: dayArb,
    $lt: fc.oneof(dayArb, fc.constant(2)),
    $lte: dayArb,
  },
  { requiredKeys: [] },
);

describe('embedded store: index ranges read in order find what a full scan finds (property)', function () {
  this.timeout(60000);
  let dir: string;
  let store: EmbeddedStore;

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'iro-range-prop-'));
    store = await openEmbeddedStore(dir);
  });
  after(async () => {
    await store.close();
    await rm(dir, { recursive: true, force: true });
  });

  let run = 0;
  it('equality prefix + string range, with sort, skip, limit and counts', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(rangeDocArb, { maxLength: 30 }),
        fc.constantFrom('I1', 'I2', 'I\u0000'),
        boundsArb,
        fc.integer({ min: 0, max: 4 }),
        fc.integer({ min: 0, max: 5 }),
        fc.constantFrom(1, -1),
        async (docs, iro, bounds, skip, limit, dir) => {
          run++;
          const indexed = store.collection<Document>(`rx${run}`);
          const plain = store.collection<Document>(`rplain${run}`);
          await indexed.createIndex({ iro: 1, due: 1 }, { name: 'iro_due' });
          await indexed.createIndex({ due: 1 }, { name: 'due' });
          const withIds = docs.map((d, i) => ({ _id: `d${String(i).padStart(2, '0')}`, ...d }));
          if (withIds.length) {
            await indexed.insertMany(withIds.map((d) => ({ ...d })) as never);
            await plain.insertMany(withIds.map((d) => ({ ...d })) as never);
          }
          // The ordered entries are built by the first range read; the changes after it must keep them in step.
          await indexed.find({ due: { $gte: '' } }).toArray();
          await indexed.find({ iro: 'I1', due: { $gte: '' } }).toArray();
          // Changes keep the order in step: move some documents to another date, delete one.
          for (const d of withIds.filter((_, i) => i % 4 === 1)) {
            for (const c of [indexed, plain])
              await c.updateOne({ _id: d._id } as never, { $set: { due: '2026-01-02' } });
          }
          if (withIds[2]) for (const c of [indexed, plain]) await c.deleteOne({ _id: withIds[2]._id } as never);
          const queries: Document[] = [
            { iro, due: bounds },
            { due: bounds },
            { due: bounds, booked: true },
            { iro, due: bounds, booked: false },
          ];
          const sorts: Record<string, 1 | -1>[] = [
            { due: dir, _id: 1 },
            { due: dir, _id: -1 },
            { due: dir, booked: 1, _id: 1 },
            { _id: dir },
          ];
          for (const q of queries) {
            for (const sort of sorts) {
              const opts = { sort, skip, limit } as const;
              const ids = async (c: typeof plain) => (await c.find(q, opts).toArray()).map((d) => d._id);
              assert.deepEqual(await ids(indexed), await ids(plain), JSON.stringify({ q, opts }));
            }
            assert.equal(await indexed.countDocuments(q), await plain.countDocuments(q), JSON.stringify(q));
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  it("equality on a compound index's first field, with or without that field's own index, across changes", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(rangeDocArb, { maxLength: 30 }),
        fc.boolean(),
        fc.constantFrom('I1', 'I2', 'I\u0000'),
        async (docs, ownIndex, iro) => {
          run++;
          const indexed = store.collection<Document>(`px${run}`);
          const plain = store.collection<Document>(`pplain${run}`);
          await indexed.createIndex({ iro: 1, due: 1 }, { name: 'iro_due' });
          // Without its own index the compound's first-field entries are built by the first such read.
          if (ownIndex) await indexed.createIndex({ iro: 1 }, { name: 'iro' });
          const withIds = docs.map((d, i) => ({ _id: `d${i}`, ...d }));
          if (withIds.length) {
            await indexed.insertMany(withIds.map((d) => ({ ...d })) as never);
            await plain.insertMany(withIds.map((d) => ({ ...d })) as never);
          }
          const check = async () => {
            for (const q of [{ iro }, { iro: { $in: [iro, 'I2'] } }, { iro, booked: true }]) {
              const ids = async (c: typeof plain) =>
                (await c.find(q, { sort: { _id: 1 } }).toArray()).map((d) => d._id);
              assert.deepEqual(await ids(indexed), await ids(plain), JSON.stringify({ q, ownIndex }));
            }
          };
          await check();
          // Changes after the first read keep those entries in step.
          for (const d of withIds.filter((_, i) => i % 3 === 1)) {
            for (const c of [indexed, plain]) await c.updateOne({ _id: d._id } as never, { $set: { iro: 'I2' } });
          }
          if (withIds[0]) for (const c of [indexed, plain]) await c.deleteOne({ _id: withIds[0]._id } as never);
          for (const c of [indexed, plain]) await c.insertOne({ _id: 'new', iro, due: '2026-01-03' } as never);
          await check();
        },
      ),
      { numRuns: 100 },
    );
  });

  it('a sparse index never answers `null`, which matches the documents without the field', async () => {
    run++;
    const indexed = store.collection<Document>(`sx${run}`);
    const plain = store.collection<Document>(`splain${run}`);
    await indexed.createIndex({ g: 1 }, { name: 'g', sparse: true });
    await indexed.createIndex({ g: 1, h: 1 }, { name: 'g_h', sparse: true });
    const docs = [
      { _id: 'a' },
      { _id: 'b', g: null },
      { _id: 'c', g: 'x' },
      { _id: 'd', g: ['x', null] },
      { _id: 'e', h: 1 },
    ];
    await indexed.insertMany(docs.map((d) => ({ ...d })) as never);
    await plain.insertMany(docs.map((d) => ({ ...d })) as never);
    for (const q of [
      { g: null },
      { g: { $in: [null, 'x'] } },
      { g: null, h: 1 },
      { g: 'x' },
      { g: { $exists: true } },
    ]) {
      const ids = async (c: typeof plain) => (await c.find(q, { sort: { _id: 1 } }).toArray()).map((d) => d._id);
      assert.deepEqual(await ids(indexed), await ids(plain), JSON.stringify(q));
      assert.equal(await indexed.countDocuments(q), await plain.countDocuments(q), JSON.stringify(q));
    }
  });

  it('counts from the index alone: equality on all its fields and $ne on one field', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(rangeDocArb, { maxLength: 30 }), dayArb, async (docs, day) => {
        run++;
        const indexed = store.collection<Document>(`cx${run}`);
        const plain = store.collection<Document>(`cplain${run}`);
        await indexed.createIndex({ iro: 1, due: 1 }, { name: 'iro_due' });
        await indexed.createIndex({ due: 1 }, { name: 'due' });
        const withIds = docs.map((d, i) => ({ _id: `d${i}`, ...d }));
        if (withIds.length) {
          await indexed.insertMany(withIds.map((d) => ({ ...d })) as never);
          await plain.insertMany(withIds.map((d) => ({ ...d })) as never);
        }
        for (const q of [{ due: day }, { due: { $ne: day } }, { iro: 'I1', due: day }, { due: { $ne: 1 } }]) {
          assert.equal(await indexed.countDocuments(q), await plain.countDocuments(q), JSON.stringify(q));
        }
      }),
      { numRuns: 100 },
    );
  });
});

describe('embedded store: a sorted, limited range read costs per row shown', function () {
  this.timeout(60000);
  it('reads about `limit` documents, not the whole range, and counts a range from the index alone', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'iro-range-cost-'));
    const store = await openEmbeddedStore(dir);
    try {
      const c = store.collection<Document>('children');
      await c.createIndex({ iro: 1, due: 1 }, { name: 'iro_due' });
      const docs = Array.from({ length: 5000 }, (_, i) => ({
        _id: `c${i}`,
        iro: `I${i % 5}`,
        due: `2026-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`,
      }));
      await c.insertMany(docs as never);
      const tested = countTests();
      try {
        const page = await c
          .find({ iro: 'I1', due: { $lte: '2026-12-31' } }, { sort: { due: 1, _id: 1 }, skip: 20, limit: 20 })
          .toArray();
        assert.equal(page.length, 20);
        // 1,000 of I1's documents are in the range; the page needs 40 plus the rest of one day's group.
        assert.ok(tested.count < 100, `read ${tested.count} documents for a page of 20`);
        const before = tested.count;
        assert.equal(await c.countDocuments({ iro: 'I1', due: { $lte: '2026-06-30' } }), 500);
        assert.equal(tested.count, before, 'a count the index answers reads no document');
      } finally {
        tested.restore();
      }
    } finally {
      await store.close();
      await rm(dir, { recursive: true, force: true });
    }
  });
});

/** Counts the documents mingo tests against a filter (the embedded store's per-document cost). */
function countTests(): { count: number; restore(): void } {
  const proto = Query.prototype as unknown as { test: (this: Query, doc: unknown) => boolean };
  const original = proto.test;
  const counter = {
    count: 0,
    restore: () => {
      proto.test = original;
    },
  };
  proto.test = function (this: Query, doc: unknown) {
    counter.count++;
    return original.call(this, doc);
  };
  return counter;
}

describe('embedded store: sorting by a string _id natively gives the order mingo gave', function () {
  this.timeout(60000);
  it('any strings, both directions, with skip and limit; other _id types still sorted by mingo', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'iro-id-sort-'));
    const store = await openEmbeddedStore(dir);
    let run = 0;
    try {
      await fc.assert(
        fc.asyncProperty(
          fc.uniqueArray(fc.oneof(fc.string({ maxLength: 4 }), fc.string({ unit: 'grapheme', maxLength: 3 })), {
            maxLength: 20,
          }),
          fc.boolean(),
          fc.constantFrom(1, -1),
          fc.integer({ min: 0, max: 3 }),
          fc.integer({ min: 0, max: 5 }),
          async (ids, withNumber, dir, skip, limit) => {
            const c = store.collection<Document>(`ids${++run}`);
            const docs: Document[] = ids.map((_id, i) => ({ _id, i }));
            if (withNumber) docs.push({ _id: 7, i: -1 });
            if (docs.length) await c.insertMany(docs.map((d) => ({ ...d })) as never);
            const got = (await c.find({}, { sort: { _id: dir }, skip, limit }).toArray()).map((d) => d._id);
            let expected = new Query({}).find<Document>(docs).sort({ _id: dir }).skip(skip);
            if (limit) expected = expected.limit(limit);
            assert.deepEqual(
              got,
              expected.all().map((d) => d._id),
            );
          },
        ),
        { numRuns: 150 },
      );
    } finally {
      await store.close();
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('embedded store: inclusion projections without arrays on the path, picked directly', function () {
  this.timeout(60000);
  it('give what mingo gives (embedded documents kept, _id first unless excluded)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'iro-pick-'));
    const store = await openEmbeddedStore(dir);
    let run = 0;
    const leaf = fc.oneof(fc.integer(), fc.string({ maxLength: 2 }), fc.constant(null));
    const sub = fc.dictionary(
      fc.constantFrom('b', 'c', 'd'),
      fc.oneof(leaf, fc.dictionary(fc.constantFrom('b', 'c'), leaf)),
    );
    try {
      await fc.assert(
        fc.asyncProperty(
          fc.array(fc.dictionary(fc.constantFrom('a', 'x', 'y', 'z'), fc.oneof(leaf, sub)), { maxLength: 6 }),
          fc.uniqueArray(fc.constantFrom('a', 'x', 'a.b', 'a.c', 'a.d.b', 'x.b', 'y', 'z.c.b'), {
            minLength: 1,
            maxLength: 3,
          }),
          fc.constantFrom(undefined, 0, 1),
          async (docs, paths, id) => {
            const projection: Document = Object.fromEntries(paths.map((p) => [p, 1]));
            if (id !== undefined) projection._id = id;
            let expected: unknown;
            try {
              expected = new Query({})
                .find<Document>(
                  docs.map((d, i) => ({ _id: `d${i}`, ...d })),
                  projection,
                )
                .all();
            } catch {
              return; // a path collision ('a' with 'a.b'): mingo refuses, and so does the store
            }
            const c = store.collection<Document>(`pick${++run}`);
            if (docs.length) await c.insertMany(docs.map((d, i) => ({ _id: `d${i}`, ...d })) as never);
            const got = await c.find({}, { projection, sort: { _id: 1 } }).toArray();
            // The same fields (mingo orders them as the projection does, MongoDB as the document does), _id first.
            assert.deepEqual(JSON.parse(JSON.stringify(got)), JSON.parse(JSON.stringify(expected)));
            for (const d of got) if ('_id' in d) assert.equal(Object.keys(d)[0], '_id');
          },
        ),
        { numRuns: 200 },
      );
    } finally {
      await store.close();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
