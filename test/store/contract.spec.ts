// One contract for both engines: the embedded adapter always, real MongoDB when MONGODB_URI is set.
// Expectations follow MongoDB's documented behaviour (no server can run on the build machines).
import assert from 'node:assert/strict';
import { ObjectId, type Document } from 'mongodb';
import type { DocCollection, Store } from '../../src/store/doc-collection.js';
import { openEmbeddedStore } from '../../src/store/embedded/embedded-store.js';
import { openMongoStore, type MongoStore } from '../../src/store/mongo-store.js';
import { makeTempDir, removeDir } from './helpers/temp-dir.js';

type AnyDoc = Document & { _id?: string | ObjectId };

type Person = {
  _id?: string | ObjectId;
  name?: string;
  age?: number;
  iro?: { id: string; team: string };
  tags?: string[];
  due?: Date;
  closed?: Date | null;
  items?: { k: string; q: number }[];
  version?: number;
};

const D = (s: string): Date => new Date(s + 'T00:00:00Z');

function people(): Person[] {
  return [
    {
      _id: 'a',
      name: 'Ann',
      age: 30,
      iro: { id: 'I1', team: 'north' },
      tags: ['x', 'y'],
      due: D('2024-03-01'),
      items: [
        { k: 'p', q: 1 },
        { k: 'q', q: 5 },
      ],
    },
    {
      _id: 'b',
      name: 'Bob',
      age: 25,
      iro: { id: 'I2', team: 'south' },
      tags: ['y'],
      due: D('2024-03-05'),
      closed: null,
      items: [{ k: 'p', q: 7 }],
    },
    {
      _id: 'c',
      name: 'Cat',
      age: 35,
      iro: { id: 'I1', team: 'north' },
      tags: [],
      due: D('2024-03-01'),
      closed: D('2024-04-01'),
    },
    { _id: 'd', name: 'dan', age: 40, due: D('2024-02-20') },
  ];
}

const ids = (docs: Document[]): unknown[] => docs.map((d) => d._id);
const sortedIds = (docs: Document[]): unknown[] => ids(docs).map(String).sort();

/** Registers the shared cases; `getStore` is called inside each test. */
export function contractCases(getStore: () => Store): void {
  let n = 0;
  const fresh = <T extends Document = Person>(): DocCollection<T> =>
    getStore().collection<T>(`contract_${Date.now().toString(36)}_${++n}`);
  const seeded = async (): Promise<DocCollection<Person>> => {
    const c = fresh();
    await c.insertMany(people());
    return c;
  };

  describe('insert and find', () => {
    it('insertOne keeps a string _id and acknowledges', async () => {
      const c = fresh();
      const r = await c.insertOne({ _id: 'x1', name: 'X' });
      assert.deepEqual(r, { acknowledged: true, insertedId: 'x1' });
      assert.deepEqual(await c.findOne({ _id: 'x1' }), { _id: 'x1', name: 'X' });
    });

    it('insertOne without _id generates an ObjectId and sets it on the input', async () => {
      const c = fresh();
      const doc: Person = { name: 'Y' };
      const r = await c.insertOne(doc);
      assert.ok(r.insertedId instanceof ObjectId);
      assert.ok(doc._id instanceof ObjectId);
      const found = await c.findOne({ _id: new ObjectId((r.insertedId as ObjectId).toHexString()) });
      assert.ok(found && found._id instanceof ObjectId);
      assert.equal(found.name, 'Y');
    });

    it('insertMany reports count and ids by position', async () => {
      const c = fresh();
      const r = await c.insertMany([
        { _id: 'p', name: 'P' },
        { _id: 'q', name: 'Q' },
      ]);
      assert.equal(r.acknowledged, true);
      assert.equal(r.insertedCount, 2);
      assert.deepEqual({ ...r.insertedIds }, { 0: 'p', 1: 'q' });
    });

    it('find({}) returns every document; findOne returns null when nothing matches', async () => {
      const c = await seeded();
      assert.deepEqual(sortedIds(await c.find({}).toArray()), ['a', 'b', 'c', 'd']);
      assert.equal(await c.findOne({ name: 'Nobody' }), null);
    });

    it('Date and ObjectId values come back as Date and ObjectId', async () => {
      const c = fresh<AnyDoc>();
      const ref = new ObjectId();
      await c.insertOne({ _id: 't', at: D('2024-05-06'), ref });
      const doc = await c.findOne({ ref });
      assert.ok(doc?.at instanceof Date && doc.at.getTime() === D('2024-05-06').getTime());
      assert.ok(doc.ref instanceof ObjectId && doc.ref.equals(ref));
    });
  });

  describe('queries', () => {
    it('nested equality through a dotted path', async () => {
      const c = await seeded();
      assert.deepEqual(sortedIds(await c.find({ 'iro.id': 'I1' }).toArray()), ['a', 'c']);
    });

    it('equality with a whole embedded document', async () => {
      const c = await seeded();
      assert.deepEqual(ids(await c.find({ iro: { id: 'I2', team: 'south' } }).toArray()), ['b']);
    });

    it('{f: null} matches null and missing fields', async () => {
      const c = await seeded();
      assert.deepEqual(sortedIds(await c.find({ closed: null }).toArray()), ['a', 'b', 'd']);
    });

    it('{f: {$ne: null}} excludes null and missing fields', async () => {
      const c = await seeded();
      assert.deepEqual(ids(await c.find({ closed: { $ne: null } }).toArray()), ['c']);
    });

    it('$in and $nin', async () => {
      const c = await seeded();
      assert.deepEqual(sortedIds(await c.find({ name: { $in: ['Ann', 'Bob', 'Zed'] } }).toArray()), ['a', 'b']);
      assert.deepEqual(sortedIds(await c.find({ age: { $nin: [30, 40] } }).toArray()), ['b', 'c']);
      assert.deepEqual(sortedIds(await c.find({ _id: { $in: ['d', 'a', 'zz'] } }).toArray()), ['a', 'd']);
    });

    it('$exists true and false', async () => {
      const c = await seeded();
      assert.deepEqual(sortedIds(await c.find({ closed: { $exists: true } }).toArray()), ['b', 'c']);
      assert.deepEqual(sortedIds(await c.find({ closed: { $exists: false } }).toArray()), ['a', 'd']);
    });

    it('$or and $and', async () => {
      const c = await seeded();
      assert.deepEqual(sortedIds(await c.find({ $or: [{ age: { $lt: 26 } }, { name: 'dan' }] }).toArray()), ['b', 'd']);
      assert.deepEqual(sortedIds(await c.find({ $and: [{ 'iro.team': 'north' }, { age: { $gt: 30 } }] }).toArray()), [
        'c',
      ]);
    });

    it('$elemMatch applies all conditions to one element', async () => {
      const c = await seeded();
      assert.deepEqual(ids(await c.find({ items: { $elemMatch: { k: 'p', q: { $gt: 5 } } } }).toArray()), ['b']);
      // Without $elemMatch the conditions may be met by different elements.
      assert.deepEqual(sortedIds(await c.find({ 'items.k': 'p', 'items.q': { $gt: 4 } }).toArray()), ['a', 'b']);
    });

    it('a scalar matches array elements; $all and $size', async () => {
      const c = await seeded();
      assert.deepEqual(sortedIds(await c.find({ tags: 'y' }).toArray()), ['a', 'b']);
      assert.deepEqual(ids(await c.find({ tags: { $all: ['x', 'y'] } }).toArray()), ['a']);
      assert.deepEqual(ids(await c.find({ tags: { $size: 0 } }).toArray()), ['c']);
    });

    it('$regex as a string with options and as a RegExp', async () => {
      const c = await seeded();
      assert.deepEqual(ids(await c.find({ name: { $regex: '^D', $options: 'i' } }).toArray()), ['d']);
      assert.deepEqual(sortedIds(await c.find({ name: /^[AB]/ }).toArray()), ['a', 'b']);
    });

    it('Date ranges', async () => {
      const c = await seeded();
      assert.deepEqual(sortedIds(await c.find({ due: { $gte: D('2024-03-01'), $lt: D('2024-03-05') } }).toArray()), [
        'a',
        'c',
      ]);
      assert.deepEqual(sortedIds(await c.find({ due: { $lte: D('2024-03-01') } }).toArray()), ['a', 'c', 'd']);
    });

    it('numeric comparison and $not', async () => {
      const c = await seeded();
      assert.deepEqual(sortedIds(await c.find({ age: { $gt: 25, $lte: 35 } }).toArray()), ['a', 'c']);
      assert.deepEqual(sortedIds(await c.find({ age: { $not: { $gt: 30 } } }).toArray()), ['a', 'b']);
    });
  });

  describe('index ranges: equality prefix, string range, sort, skip, limit (issue 12)', () => {
    // The due lists' shape: { iro, next.dueBy } and { next.dueBy } indexes, ISO date strings, some
    // children with no next review (null), one missing it, one with a date of another type.
    type Due = { _id: string; iro: string; team: string; next?: { dueBy: string | null | Date } };
    const dueDocs = (): Due[] => [
      { _id: 'c1', iro: 'I1', team: 'N', next: { dueBy: '2026-12-03' } },
      { _id: 'c2', iro: 'I1', team: 'S', next: { dueBy: '2026-11-20' } },
      { _id: 'c3', iro: 'I2', team: 'N', next: { dueBy: '2026-12-03' } },
      { _id: 'c4', iro: 'I1', team: 'N', next: { dueBy: null } },
      { _id: 'c5', iro: 'I1', team: 'N' },
      { _id: 'c6', iro: 'I1', team: 'N', next: { dueBy: D('2026-12-01') } },
      { _id: 'c7', iro: 'I1', team: 'S', next: { dueBy: '2026-12-03' } },
      { _id: 'c0', iro: 'I1', team: 'N', next: { dueBy: '2026-12-10' } },
      { _id: 'c8', iro: 'I10', team: 'N', next: { dueBy: '2026-12-01' } },
    ];
    const indexedDue = async (): Promise<DocCollection<Due>> => {
      const c = fresh<Due>();
      await c.createIndex({ iro: 1, 'next.dueBy': 1 }, { name: 'iro_due' });
      await c.createIndex({ team: 1, 'next.dueBy': 1 }, { name: 'team_due' });
      await c.createIndex({ 'next.dueBy': 1 }, { name: 'due' });
      await c.insertMany(dueDocs());
      return c;
    };
    const byDue = { 'next.dueBy': 1, _id: 1 } as const;

    it('equality on the first field and $lte on the second: strings only, in date then id order', async () => {
      const c = await indexedDue();
      const found = await c.find({ iro: 'I1', 'next.dueBy': { $lte: '2026-12-03' } }, { sort: byDue }).toArray();
      assert.deepEqual(ids(found), ['c2', 'c1', 'c7']);
      assert.equal(await c.countDocuments({ iro: 'I1', 'next.dueBy': { $lte: '2026-12-03' } }), 3);
    });

    it('$gte and $lte with skip and limit; descending', async () => {
      const c = await indexedDue();
      const range = { team: 'N', 'next.dueBy': { $gte: '2026-12-01', $lte: '2026-12-10' } };
      assert.deepEqual(ids(await c.find(range, { sort: byDue }).toArray()), ['c8', 'c1', 'c3', 'c0']);
      assert.deepEqual(ids(await c.find(range, { sort: byDue, skip: 1, limit: 2 }).toArray()), ['c1', 'c3']);
      const desc = { 'next.dueBy': -1, _id: -1 } as const;
      assert.deepEqual(ids(await c.find(range, { sort: desc, limit: 3 }).toArray()), ['c0', 'c3', 'c1']);
      assert.equal(await c.countDocuments(range), 4);
    });

    it('$gt and $lt are strict; a service-wide range; a range with another condition', async () => {
      const c = await indexedDue();
      const strict = { 'next.dueBy': { $gt: '2026-12-01', $lt: '2026-12-10' } };
      assert.deepEqual(ids(await c.find(strict, { sort: byDue }).toArray()), ['c1', 'c3', 'c7']);
      const withTeam = { 'next.dueBy': { $gt: '2026-12-01', $lt: '2026-12-10' }, team: 'S' };
      assert.deepEqual(ids(await c.find(withTeam, { sort: byDue, limit: 5 }).toArray()), ['c7']);
      assert.equal(await c.countDocuments({ 'next.dueBy': { $lt: '2026-12-03' } }), 2);
    });

    it('a prefix value that begins another (I1, I10) does not leak into the range', async () => {
      const c = await indexedDue();
      const found = await c.find({ iro: 'I1', 'next.dueBy': { $gte: '2026-12-01' } }, { sort: byDue }).toArray();
      assert.deepEqual(ids(found), ['c1', 'c7', 'c0']);
    });

    it('follows changes: an update moves a document in the range, a delete takes it out', async () => {
      const c = await indexedDue();
      await c.updateOne({ _id: 'c0' }, { $set: { 'next.dueBy': '2026-11-01' } });
      await c.deleteOne({ _id: 'c2' });
      const found = await c.find({ iro: 'I1', 'next.dueBy': { $lte: '2026-12-03' } }, { sort: byDue }).toArray();
      assert.deepEqual(ids(found), ['c0', 'c1', 'c7']);
    });

    it('counts per value by aggregation over a range', async () => {
      const c = await indexedDue();
      const groups = await c
        .aggregate<{ _id: string; n: number }>([
          { $match: { 'next.dueBy': { $gte: '2026-12-01', $lte: '2026-12-31' } } },
          { $group: { _id: '$iro', n: { $sum: 1 } } },
          { $sort: { _id: 1 } },
        ])
        .toArray();
      assert.deepEqual(groups, [
        { _id: 'I1', n: 3 },
        { _id: 'I10', n: 1 },
        { _id: 'I2', n: 1 },
      ]);
    });
  });

  describe('sort, skip, limit, projection', () => {
    it('sorts by Date then string', async () => {
      const c = await seeded();
      assert.deepEqual(ids(await c.find({}, { sort: { due: 1, name: 1 } }).toArray()), ['d', 'a', 'c', 'b']);
      assert.deepEqual(ids(await c.find({}, { sort: { due: -1, name: -1 } }).toArray()), ['b', 'c', 'a', 'd']);
    });

    it('skip and limit apply after the sort', async () => {
      const c = await seeded();
      assert.deepEqual(ids(await c.find({}, { sort: { age: -1 }, skip: 1, limit: 2 }).toArray()), ['c', 'a']);
    });

    it('findOne honours sort and skip', async () => {
      const c = await seeded();
      assert.equal((await c.findOne({}, { sort: { age: 1 } }))?._id, 'b');
      assert.equal((await c.findOne({}, { sort: { age: 1 }, skip: 1 }))?._id, 'a');
    });

    it('null and missing sort before values, ascending', async () => {
      const c = await seeded();
      assert.deepEqual(ids(await c.find({}, { sort: { closed: 1, _id: 1 } }).toArray()), ['a', 'b', 'd', 'c']);
    });

    it('inclusion projection keeps _id', async () => {
      const c = await seeded();
      assert.deepEqual(await c.findOne({ _id: 'a' }, { projection: { name: 1 } }), { _id: 'a', name: 'Ann' });
    });

    it('exclusion projection', async () => {
      const c = await seeded();
      assert.deepEqual(await c.findOne({ _id: 'd' }, { projection: { due: 0, age: 0 } }), { _id: 'd', name: 'dan' });
    });

    it('nested inclusion with _id: 0; a missing path gives an empty document', async () => {
      const c = await seeded();
      const docs = await c
        .find({ _id: { $in: ['a', 'd'] } }, { projection: { 'iro.team': 1, _id: 0 }, sort: { _id: 1 } })
        .toArray();
      assert.deepEqual(docs, [{ iro: { team: 'north' } }, {}]);
    });
  });

  describe('update operators', () => {
    it('$set a dotted path creates the nested document', async () => {
      const c = await seeded();
      const r = await c.updateOne({ _id: 'd' }, { $set: { 'iro.id': 'I3', name: 'Dan' } });
      assert.equal(r.matchedCount, 1);
      assert.equal(r.modifiedCount, 1);
      assert.equal(r.upsertedCount, 0);
      assert.equal(r.upsertedId, null);
      const d = await c.findOne({ _id: 'd' });
      assert.deepEqual(d?.iro, { id: 'I3' });
      assert.equal(d?.name, 'Dan');
    });

    it('$set to the same value matches but does not modify', async () => {
      const c = await seeded();
      const r = await c.updateOne({ _id: 'a' }, { $set: { name: 'Ann' } });
      assert.equal(r.matchedCount, 1);
      assert.equal(r.modifiedCount, 0);
    });

    it('$unset removes fields', async () => {
      const c = await seeded();
      await c.updateOne({ _id: 'a' }, { $unset: { tags: '', 'iro.team': '' } });
      const a = await c.findOne({ _id: 'a' });
      assert.equal('tags' in (a ?? {}), false);
      assert.deepEqual(a?.iro, { id: 'I1' });
    });

    it('$inc adds, and creates a missing field', async () => {
      const c = await seeded();
      await c.updateOne({ _id: 'a' }, { $inc: { age: 2, version: 1 } });
      const a = await c.findOne({ _id: 'a' });
      assert.equal(a?.age, 32);
      assert.equal(a?.version, 1);
    });

    it('$push, and $push with $each and $slice', async () => {
      const c = await seeded();
      await c.updateOne({ _id: 'b' }, { $push: { tags: 'z' } });
      assert.deepEqual((await c.findOne({ _id: 'b' }))?.tags, ['y', 'z']);
      await c.updateOne({ _id: 'b' }, { $push: { tags: { $each: ['p', 'q', 'r'], $slice: -3 } } });
      assert.deepEqual((await c.findOne({ _id: 'b' }))?.tags, ['p', 'q', 'r']);
      await c.updateOne({ _id: 'd' }, { $push: { tags: 'new' } });
      assert.deepEqual((await c.findOne({ _id: 'd' }))?.tags, ['new']);
    });

    it('$pull by value and by condition', async () => {
      const c = await seeded();
      await c.updateOne({ _id: 'a' }, { $pull: { tags: 'x', items: { q: { $lt: 5 } } } });
      const a = await c.findOne({ _id: 'a' });
      assert.deepEqual(a?.tags, ['y']);
      assert.deepEqual(a?.items, [{ k: 'q', q: 5 }]);
    });

    it('$addToSet skips existing values, with and without $each', async () => {
      const c = await seeded();
      const r = await c.updateOne({ _id: 'a' }, { $addToSet: { tags: 'x' } });
      assert.equal(r.modifiedCount, 0);
      await c.updateOne({ _id: 'a' }, { $addToSet: { tags: { $each: ['y', 'z', 'z'] } } });
      assert.deepEqual((await c.findOne({ _id: 'a' }))?.tags, ['x', 'y', 'z']);
    });

    it('$min and $max, on numbers and Dates', async () => {
      const c = await seeded();
      await c.updateOne({ _id: 'a' }, { $min: { age: 20, due: D('2024-01-01') }, $max: { version: 3 } });
      let a = await c.findOne({ _id: 'a' });
      assert.equal(a?.age, 20);
      assert.equal(a?.due?.getTime(), D('2024-01-01').getTime());
      assert.equal(a?.version, 3);
      const r = await c.updateOne({ _id: 'a' }, { $min: { age: 50 }, $max: { due: D('2023-01-01') } });
      assert.equal(r.modifiedCount, 0);
      a = await c.findOne({ _id: 'a' });
      assert.equal(a?.age, 20);
    });

    it('positional $ updates the element the filter matched', async () => {
      const c = await seeded();
      await c.updateOne({ _id: 'a', 'items.k': 'q' }, { $set: { 'items.$.q': 9 } });
      assert.deepEqual((await c.findOne({ _id: 'a' }))?.items, [
        { k: 'p', q: 1 },
        { k: 'q', q: 9 },
      ]);
    });

    it('$[] updates every element; $[name] with arrayFilters updates the chosen ones', async () => {
      const c = await seeded();
      await c.updateOne({ _id: 'a' }, { $inc: { 'items.$[].q': 10 } });
      assert.deepEqual((await c.findOne({ _id: 'a' }))?.items, [
        { k: 'p', q: 11 },
        { k: 'q', q: 15 },
      ]);
      // arrayFilters is beyond the port's declared options; both engines accept it.
      const withFilters = c as unknown as { updateOne(f: Document, u: Document, o: Document): Promise<unknown> };
      await withFilters.updateOne({ _id: 'a' }, { $set: { 'items.$[e].q': 0 } }, { arrayFilters: [{ 'e.k': 'q' }] });
      assert.deepEqual((await c.findOne({ _id: 'a' }))?.items, [
        { k: 'p', q: 11 },
        { k: 'q', q: 0 },
      ]);
    });

    it('updateMany reports matched and modified counts', async () => {
      const c = await seeded();
      const r = await c.updateMany({ 'iro.team': 'north' }, { $set: { flagged: true } });
      assert.equal(r.matchedCount, 2);
      assert.equal(r.modifiedCount, 2);
      const again = await c.updateMany({ age: { $gte: 30 } }, { $set: { flagged: true } });
      assert.equal(again.matchedCount, 3);
      assert.equal(again.modifiedCount, 1);
    });

    it('an update that matches nothing reports zero and inserts nothing', async () => {
      const c = await seeded();
      const r = await c.updateOne({ _id: 'zz' }, { $set: { name: 'Z' } });
      assert.deepEqual([r.matchedCount, r.modifiedCount, r.upsertedCount, r.upsertedId], [0, 0, 0, null]);
      assert.equal(await c.countDocuments(), 4);
    });

    it('an update without operators is rejected', async () => {
      const c = await seeded();
      await assert.rejects(c.updateOne({ _id: 'a' }, { name: 'replaced' } as unknown as Document));
    });
  });

  describe('upsert', () => {
    it('builds the document from dotted equality fields, $set and $setOnInsert', async () => {
      const c = fresh<AnyDoc>();
      const created = D('2024-06-01');
      const r = await c.updateOne(
        { 'iro.id': 'I9', status: 'open', score: { $gt: 100 } },
        { $set: { note: 'n' }, $setOnInsert: { createdAt: created } },
        { upsert: true },
      );
      assert.equal(r.matchedCount, 0);
      assert.equal(r.modifiedCount, 0);
      assert.equal(r.upsertedCount, 1);
      assert.ok(r.upsertedId instanceof ObjectId);
      const doc = await c.findOne({ _id: r.upsertedId });
      assert.deepEqual(
        { ...doc, _id: undefined },
        { _id: undefined, iro: { id: 'I9' }, status: 'open', note: 'n', createdAt: created },
      );
    });

    it('uses the filter _id and skips $setOnInsert when a document matches', async () => {
      const c = fresh<AnyDoc>();
      const first = await c.updateOne(
        { _id: 'k1' },
        { $inc: { n: 1 }, $setOnInsert: { created: 1 } },
        { upsert: true },
      );
      assert.equal(first.upsertedId, 'k1');
      const second = await c.updateOne(
        { _id: 'k1' },
        { $inc: { n: 1 }, $setOnInsert: { created: 2 } },
        { upsert: true },
      );
      assert.deepEqual(
        [second.matchedCount, second.modifiedCount, second.upsertedCount, second.upsertedId],
        [1, 1, 0, null],
      );
      assert.deepEqual(await c.findOne({ _id: 'k1' }), { _id: 'k1', n: 2, created: 1 });
    });

    it('takes equality from $and clauses and $eq', async () => {
      const c = fresh<AnyDoc>();
      const r = await c.updateOne({ $and: [{ a: 1 }, { b: { $eq: 'x' } }] }, { $set: { c: true } }, { upsert: true });
      const doc = await c.findOne({ _id: r.upsertedId! });
      assert.deepEqual({ a: doc?.a, b: doc?.b, c: doc?.c }, { a: 1, b: 'x', c: true });
    });
  });

  describe('versioned updates', () => {
    it('a stale version matches nothing', async () => {
      const c = fresh();
      await c.insertOne({ _id: 'r1', version: 3, name: 'x' });
      const win = await c.updateOne({ _id: 'r1', version: 3 }, { $set: { name: 'first' }, $inc: { version: 1 } });
      const lose = await c.updateOne({ _id: 'r1', version: 3 }, { $set: { name: 'second' }, $inc: { version: 1 } });
      assert.equal(win.matchedCount, 1);
      assert.equal(lose.matchedCount, 0);
      assert.deepEqual(await c.findOne({ _id: 'r1' }), { _id: 'r1', version: 4, name: 'first' });
    });

    it('concurrent writers on one version: exactly one wins', async () => {
      const c = fresh();
      await c.insertOne({ _id: 'r2', version: 0 });
      const results = await Promise.all(
        Array.from({ length: 8 }, (_, i) =>
          c.updateOne({ _id: 'r2', version: 0 }, { $set: { by: i }, $inc: { version: 1 } }),
        ),
      );
      assert.equal(results.filter((r) => r.matchedCount === 1).length, 1);
      assert.equal((await c.findOne({ _id: 'r2' }))?.version, 1);
    });
  });

  describe('findOneAndUpdate', () => {
    it('returns the document before or after the change', async () => {
      const c = await seeded();
      const before = await c.findOneAndUpdate({ _id: 'a' }, { $inc: { age: 1 } }, { returnDocument: 'before' });
      assert.equal(before?.age, 30);
      const after = await c.findOneAndUpdate({ _id: 'a' }, { $inc: { age: 1 } }, { returnDocument: 'after' });
      assert.equal(after?.age, 32);
    });

    it('returns null when nothing matches and upsert is off', async () => {
      const c = await seeded();
      assert.equal(await c.findOneAndUpdate({ _id: 'zz' }, { $set: { x: 1 } }, { returnDocument: 'after' }), null);
      assert.equal(await c.countDocuments(), 4);
    });

    it('upserts: "after" gives the new document, "before" gives null', async () => {
      const c = fresh<AnyDoc>();
      const after = await c.findOneAndUpdate(
        { key: 'lease' },
        { $set: { owner: 'A' } },
        { returnDocument: 'after', upsert: true },
      );
      assert.equal(after?.key, 'lease');
      assert.equal(after?.owner, 'A');
      assert.ok(after?._id instanceof ObjectId);
      const before = await c.findOneAndUpdate(
        { key: 'other' },
        { $set: { owner: 'B' } },
        { returnDocument: 'before', upsert: true },
      );
      assert.equal(before, null);
      assert.equal(await c.countDocuments({ key: 'other' }), 1);
    });

    it('updates the first document in sort order and applies the projection', async () => {
      const c = await seeded();
      const doc = await c.findOneAndUpdate(
        { 'iro.team': 'north' },
        { $set: { picked: true } },
        { returnDocument: 'after', sort: { age: -1 }, projection: { name: 1, picked: 1, _id: 0 } },
      );
      assert.deepEqual(doc, { name: 'Cat', picked: true });
      assert.equal(await c.countDocuments({ picked: true }), 1);
    });
  });

  describe('indexes', () => {
    it('createIndex returns the name and is idempotent', async () => {
      const c = await seeded();
      assert.equal(await c.createIndex({ name: 1 }), 'name_1');
      assert.equal(await c.createIndex({ name: 1 }), 'name_1');
      assert.equal(await c.createIndex({ 'iro.id': 1, due: -1 }, { name: 'by_iro_due' }), 'by_iro_due');
    });

    it('a unique index rejects a duplicate insert with code 11000', async () => {
      const c = await seeded();
      await c.createIndex({ name: 1 }, { unique: true });
      await assert.rejects(c.insertOne({ name: 'Ann' }), (err: Error & { code?: number }) => {
        assert.equal(err.code, 11000);
        assert.match(err.message, /E11000 duplicate key error/);
        return true;
      });
      assert.equal(await c.countDocuments({ name: 'Ann' }), 1);
    });

    it('a unique index rejects an update that would duplicate, leaving the document as it was', async () => {
      const c = await seeded();
      await c.createIndex({ name: 1 }, { unique: true });
      await assert.rejects(
        c.updateOne({ _id: 'b' }, { $set: { name: 'Ann' } }),
        (err: { code?: number }) => err.code === 11000,
      );
      assert.equal((await c.findOne({ _id: 'b' }))?.name, 'Bob');
    });

    it('a duplicate _id is rejected with code 11000', async () => {
      const c = await seeded();
      await assert.rejects(c.insertOne({ _id: 'a', name: 'again' }), (err: { code?: number }) => err.code === 11000);
    });

    it('creating a unique index over existing duplicates fails with 11000', async () => {
      const c = await seeded();
      await assert.rejects(
        c.createIndex({ 'iro.id': 1 }, { unique: true }),
        (err: { code?: number }) => err.code === 11000,
      );
    });

    it('queries through an index follow inserts, updates and deletes', async () => {
      const c = await seeded();
      await c.createIndex({ 'iro.id': 1 });
      await c.updateOne({ _id: 'a' }, { $set: { 'iro.id': 'I7' } });
      await c.deleteOne({ _id: 'c' });
      await c.insertOne({ _id: 'e', iro: { id: 'I1', team: 'west' } });
      assert.deepEqual(sortedIds(await c.find({ 'iro.id': 'I1' }).toArray()), ['e']);
      assert.deepEqual(sortedIds(await c.find({ 'iro.id': { $in: ['I7', 'I2'] } }).toArray()), ['a', 'b']);
    });
  });

  describe('delete, count, aggregate', () => {
    it('deleteOne deletes one matching document', async () => {
      const c = await seeded();
      assert.deepEqual(await c.deleteOne({ 'iro.team': 'north' }), { acknowledged: true, deletedCount: 1 });
      assert.equal(await c.countDocuments({ 'iro.team': 'north' }), 1);
      assert.deepEqual(await c.deleteOne({ _id: 'zz' }), { acknowledged: true, deletedCount: 0 });
    });

    it('countDocuments with and without a filter', async () => {
      const c = await seeded();
      assert.equal(await c.countDocuments(), 4);
      assert.equal(await c.countDocuments({}), 4);
      assert.equal(await c.countDocuments({ age: { $gte: 30 } }), 3);
    });

    it('aggregate with $match, $group and $sort', async () => {
      const c = await seeded();
      const out = await c
        .aggregate([
          { $match: { age: { $gte: 30 } } },
          { $group: { _id: '$iro.team', n: { $sum: 1 }, oldest: { $max: '$age' } } },
          { $sort: { _id: 1 } },
        ])
        .toArray();
      assert.deepEqual(out, [
        { _id: null, n: 1, oldest: 40 },
        { _id: 'north', n: 2, oldest: 35 },
      ]);
    });

    it('aggregate groups by $month of a Date (UTC)', async () => {
      const c = await seeded();
      const out = await c
        .aggregate([{ $group: { _id: { $month: '$due' }, n: { $sum: 1 } } }, { $sort: { _id: 1 } }])
        .toArray();
      assert.deepEqual(out, [
        { _id: 2, n: 1 },
        { _id: 3, n: 3 },
      ]);
    });
  });

  // The driver hands out copies; the embedded store hands out its stored documents deep-frozen (no copy
  // per read), so there a change throws. Either way the store is unchanged. Dates are shared by the
  // embedded store (freezing cannot stop a Date's setters): code copies a stored date before changing it.
  const attempt = (change: () => void) => {
    try {
      change();
    } catch (err) {
      if (!(err instanceof TypeError)) throw err;
    }
  };

  describe('results cannot change the store', () => {
    it('mutating find/findOne results does not change the store', async () => {
      const c = await seeded();
      const [a] = await c.find({ _id: 'a' }).toArray();
      attempt(() => {
        a!.iro!.team = 'changed';
      });
      attempt(() => {
        a!.tags!.push('leak');
      });
      const one = await c.findOne({ _id: 'a' });
      attempt(() => {
        one!.items![0]!.q = 999;
      });
      const again = await c.findOne({ _id: 'a' });
      assert.equal(again?.iro?.team, 'north');
      assert.deepEqual(again?.tags, ['x', 'y']);
      assert.equal(again?.due?.getUTCFullYear(), 2024);
      assert.equal(again?.items?.[0]?.q, 1);
    });

    it('mutating inserted or $set values afterwards does not change the store', async () => {
      const c = fresh();
      const doc: Person = { _id: 'm', iro: { id: 'I1', team: 't' }, tags: ['a'] };
      await c.insertOne(doc);
      doc.iro!.team = 'changed';
      doc.tags!.push('leak');
      const items = [{ k: 'k', q: 1 }];
      await c.updateOne({ _id: 'm' }, { $set: { items } });
      items[0]!.q = 2;
      assert.deepEqual(await c.findOne({ _id: 'm' }), {
        _id: 'm',
        iro: { id: 'I1', team: 't' },
        tags: ['a'],
        items: [{ k: 'k', q: 1 }],
      });
    });

    it('mutating findOneAndUpdate and aggregate results does not change the store', async () => {
      const c = await seeded();
      const after = await c.findOneAndUpdate({ _id: 'b' }, { $set: { x: 1 } }, { returnDocument: 'after' });
      attempt(() => {
        after!.tags!.push('leak');
      });
      const [agg] = await c.aggregate<Person>([{ $match: { _id: 'b' } }]).toArray();
      attempt(() => {
        agg!.iro!.id = 'leak';
      });
      const b = await c.findOne({ _id: 'b' });
      assert.deepEqual(b?.tags, ['y']);
      assert.equal(b?.iro?.id, 'I2');
    });
  });
}

describe('store contract: embedded', () => {
  let dir: string;
  let store: Store;
  before(async () => {
    dir = await makeTempDir('contract');
    store = await openEmbeddedStore(dir);
  });
  after(async () => {
    await store?.close();
    await removeDir(dir);
  });
  contractCases(() => store);
});

// Registered only when a server is configured, so a run without one reports no skipped tests.
if (process.env.MONGODB_URI)
  describe('store contract: mongodb (MONGODB_URI)', () => {
    let store: MongoStore;
    before(async () => {
      store = await openMongoStore(process.env.MONGODB_URI!, `iro_contract_${process.pid}_${Date.now()}`);
    });
    after(async () => {
      await store?.db.dropDatabase();
      await store?.close();
    });
    contractCases(() => store);
  });
