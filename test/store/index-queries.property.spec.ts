import assert from 'node:assert/strict';
import fc from 'fast-check';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
