// Collection snapshots (snapshot-file.ts, docs/DESIGN.md "Store"): start-up parses only the log records after
// the snapshot, and a snapshot never changes what the store holds. Each case compares the store's answers with
// a full read of the same log (the snapshot deleted), the way the store opened before snapshots existed.
import assert from 'node:assert/strict';
import { cp, readFile, readdir, readlink, realpath, rm, truncate, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { crc32 } from 'node:zlib';
import pino from 'pino';
import { isAppError } from '../../src/domain/errors.js';
import { openEmbeddedStore, type EmbeddedStore } from '../../src/store/embedded/embedded-store.js';
import { repairStore, verifyStore } from '../../src/store/embedded/verify.js';
import { makeTempDir, removeDir } from './helpers/temp-dir.js';

interface Child {
  _id: string;
  ref: string;
  iro: string;
  due: string;
  tags: string[];
  at: Date;
}

const SNAP = { snapshotMinBytes: 0, logger: pino({ level: 'silent' }) };

function child(i: number): Child {
  return {
    _id: `C${String(i).padStart(4, '0')}`,
    ref: `R${i}`,
    iro: `iro-${i % 7}`,
    due: `2027-0${1 + (i % 9)}-1${i % 10}`,
    tags: i % 3 ? ['a', `t${i % 5}`] : [],
    at: new Date(Date.UTC(2026, 0, 1 + (i % 28))),
  };
}

async function seed(store: EmbeddedStore, n = 120): Promise<void> {
  const c = store.collection<Child>('children');
  await c.createIndex({ iro: 1 });
  await c.createIndex({ iro: 1, due: 1 });
  await c.createIndex({ ref: 1 }, { unique: true });
  await c.createIndex({ tags: 1 });
  // An index with no entries: its part of the snapshot is empty (Node's crc32 once made that a checksum of 0).
  await c.createIndex({ 'cover.to': 1 }, { sparse: true });
  await c.insertMany(Array.from({ length: n }, (_, i) => child(i)));
  await store.collection<{ _id: string; name: string }>('staff').insertOne({ _id: 'iro-1', name: 'One' });
}

/** The same questions asked of every store: index equality, ranges in index order, counts, ids, everything. */
async function answers(store: EmbeddedStore): Promise<unknown> {
  const c = store.collection<Child>('children');
  return JSON.stringify({
    byIro: await c.find({ iro: 'iro-3' }, { sort: { _id: 1 } }).toArray(),
    range: await c
      .find({ iro: 'iro-2', due: { $gte: '2027-03', $lt: '2027-07' } }, { sort: { due: 1, _id: 1 } })
      .toArray(),
    tagged: await c.countDocuments({ tags: 't2' }),
    notIro: await c.countDocuments({ iro: { $ne: 'iro-0' } }),
    byRef: await c.findOne({ ref: 'R77' }),
    byId: await c.findOne({ _id: 'C0042' }),
    all: await c.find({}, { sort: { _id: 1 } }).toArray(),
    staff: await store.collection('staff').find({}).toArray(),
  });
}

describe('embedded store snapshots', () => {
  let dir: string;
  let copies: string[];
  let store: EmbeddedStore | undefined;
  beforeEach(async () => {
    dir = await makeTempDir('snapshot');
    copies = [];
  });
  afterEach(async () => {
    await store?.close();
    store = undefined;
    await removeDir(dir);
    for (const c of copies) await removeDir(c);
  });

  const snapFile = (d = dir) => path.join(d, 'children.snap');
  const sourceOf = (s: EmbeddedStore, name = 'children') => s.openedCollections().find((o) => o.name === name);

  /** A copy of the data folder as a crash would leave it (no clean close, so no new snapshot), without the lock. */
  async function crashCopy(withSnapshot = true): Promise<string> {
    const to = await makeTempDir('snapshot-copy');
    copies.push(to);
    await cp(dir, to, { recursive: true });
    await rm(path.join(to, 'LOCK'), { force: true });
    if (!withSnapshot) for (const f of await readdir(to)) if (f.endsWith('.snap')) await rm(path.join(to, f));
    return to;
  }

  /** Closes the store and verifies the folder: no damage; each snapshot's file and state. */
  async function closeAndVerify(): Promise<string[][]> {
    await store!.close();
    store = undefined;
    const report = await verifyStore(dir);
    assert.equal(report.damage, 0);
    return report.snapshots.map((s) => [s.file, s.state]);
  }

  /** What a full read of the log gives (no snapshot), for comparison. */
  async function fromLogAlone(from: string): Promise<unknown> {
    const to = await makeTempDir('snapshot-log');
    copies.push(to);
    await cp(from, to, { recursive: true });
    await rm(path.join(to, 'LOCK'), { force: true });
    await rm(snapFile(to), { force: true });
    const s = await openEmbeddedStore(to, { logger: pino({ level: 'silent' }) });
    try {
      assert.equal(sourceOf(s)?.from, 'log');
      return await answers(s);
    } finally {
      await s.close();
    }
  }

  it('a clean close writes the snapshot; the next start parses nothing and answers as a full read does', async () => {
    store = await openEmbeddedStore(dir, SNAP);
    await seed(store);
    const c = store.collection<Child>('children');
    await c.updateOne({ _id: 'C0005' }, { $set: { iro: 'iro-3', due: '2027-04-01' } });
    await c.deleteOne({ _id: 'C0006' });
    const before = await answers(store);
    await store.close();
    store = undefined;
    assert.ok((await readFile(snapFile())).length > 0);

    store = await openEmbeddedStore(dir, SNAP);
    assert.deepEqual(sourceOf(store), { name: 'children', from: 'snapshot', parsedBytes: 0 });
    assert.equal(await answers(store), before);
    assert.equal(await fromLogAlone(dir), before);
    // Documents parsed on first read are still the store's frozen ones.
    const doc = await store.collection<Child>('children').findOne({ _id: 'C0010' });
    assert.ok(doc && Object.isFrozen(doc) && doc.at instanceof Date);
  });

  it('records written after the snapshot (a crash before a clean close) are replayed on top of it', async () => {
    store = await openEmbeddedStore(dir, SNAP);
    await seed(store);
    await store.close();
    store = await openEmbeddedStore(dir, SNAP);
    const c = store.collection<Child>('children');
    // Index keys move (iro, due, array elements), documents go and come, a unique key is reused, a new index.
    await c.updateMany({ iro: 'iro-2' }, { $set: { iro: 'iro-3' }, $push: { tags: 't2' } });
    await c.deleteOne({ _id: 'C0077' });
    await c.insertOne(child(500));
    await c.insertOne({ ...child(501), ref: 'R77' });
    await c.createIndex({ due: 1 });
    const live = await answers(store);
    const copy = await crashCopy();
    // verify-store compares the snapshot with the part of the log it covers, not the records after it.
    const verified = await verifyStore(copy);
    assert.equal(verified.snapshots.find((x) => x.file === 'children.snap')?.state, 'ok');
    assert.equal(verified.damage, 0);

    const reopened = await openEmbeddedStore(copy, SNAP);
    try {
      const opened = sourceOf(reopened)!;
      assert.equal(opened.from, 'snapshot');
      assert.ok(opened.parsedBytes > 0, 'the records after the snapshot were read');
      assert.equal(await answers(reopened), live);
    } finally {
      await reopened.close();
    }
    assert.equal(await fromLogAlone(copy), live);
  });

  it('a store without snapshots (the previous version) opens from its logs and gets a snapshot at once', async () => {
    store = await openEmbeddedStore(dir, { logger: pino({ level: 'silent' }), snapshotMinBytes: Infinity });
    await seed(store);
    const before = await answers(store);
    await store.close();
    store = undefined;
    await assert.rejects(readFile(snapFile()), { code: 'ENOENT' });

    store = await openEmbeddedStore(dir, SNAP);
    assert.equal(sourceOf(store)?.from, 'log');
    assert.equal(await answers(store), before);
    // Written at open, so even a crash now would start from it.
    const copy = await crashCopy();
    const reopened = await openEmbeddedStore(copy, SNAP);
    try {
      assert.equal(sourceOf(reopened)?.from, 'snapshot');
      assert.equal(await answers(reopened), before);
    } finally {
      await reopened.close();
    }
  });

  for (const [what, spoil] of [
    [
      'a damaged snapshot (one byte changed)',
      (b: Buffer) => Buffer.concat([b.subarray(0, -20), Buffer.from('x'), b.subarray(-19)]),
    ],
    ['a torn snapshot (cut short)', (b: Buffer) => b.subarray(0, Math.floor(b.length / 2))],
    ['an empty snapshot', () => Buffer.alloc(0)],
    ['a file that is not a snapshot', () => Buffer.from('{"format":1}\n{}\n')],
  ] as const) {
    it(`${what} is ignored: the log is read in full`, async () => {
      store = await openEmbeddedStore(dir, SNAP);
      await seed(store);
      const before = await answers(store);
      await store.close();
      store = undefined;
      await writeFile(snapFile(), spoil(await readFile(snapFile())));

      const lines: string[] = [];
      const logger = pino({ level: 'info' }, { write: (l: string) => void lines.push(l) });
      store = await openEmbeddedStore(dir, { ...SNAP, logger });
      assert.equal(sourceOf(store)?.from, 'log');
      assert.equal(await answers(store), before);
      assert.ok(lines.some((l) => l.includes('collection snapshot ignored')));
    });
  }

  it('damage in the log bytes a snapshot covers is not hidden by it: the store refuses to open', async () => {
    store = await openEmbeddedStore(dir, SNAP);
    await seed(store);
    await store.close();
    store = undefined;
    const log = path.join(dir, 'children.log');
    const text = await readFile(log, 'utf8');
    await writeFile(log, text.replace('"ref":"R50"', '"ref":"R5O"'));
    await assert.rejects(openEmbeddedStore(dir, SNAP), (e: unknown) => isAppError(e, 'store-corrupt'));
  });

  it('a snapshot after a compaction describes the compacted log', async () => {
    store = await openEmbeddedStore(dir, { ...SNAP, compactThresholdBytes: 20_000 });
    await seed(store, 60);
    const c = store.collection<Child>('children');
    for (let round = 0; round < 8; round++) await c.updateMany({}, { $set: { due: `2027-1${round % 3}-01` } });
    const logBytes = (await readFile(path.join(dir, 'children.log'))).length;
    assert.ok(logBytes < 8 * 60 * 150, 'the log was compacted');
    const before = await answers(store);
    await store.close();
    store = await openEmbeddedStore(dir, SNAP);
    assert.deepEqual(sourceOf(store), { name: 'children', from: 'snapshot', parsedBytes: 0 });
    assert.equal(await answers(store), before);
  });

  it('lines placed in a batch with text beyond ASCII (Welsh names) and in an all-ASCII one are where the snapshot says', async () => {
    store = await openEmbeddedStore(dir, SNAP);
    const c = store.collection<Child & { name?: string }>('children');
    await c.createIndex({ iro: 1 });
    // Bulk inserts (one batch each): a place is found from a line's bytes when the batch is not all ASCII, else from its length.
    const welsh = ['Siôn', 'Gwenllïan', 'Dafydd', 'Ŵyn 🐑', 'Rhys'];
    await c.insertMany(Array.from({ length: 1_000 }, (_, i) => ({ ...child(i), name: welsh[i % welsh.length] })));
    await c.insertMany(Array.from({ length: 1_000 }, (_, i) => ({ ...child(1_000 + i), name: 'Ann' })));
    await c.updateOne({ _id: 'C1500' }, { $set: { name: 'Ffion Ŵ' } });
    const before = JSON.stringify(await c.find({}, { sort: { _id: 1 } }).toArray());
    assert.deepEqual(await closeAndVerify(), [['children.snap', 'ok']]);
    store = await openEmbeddedStore(dir, SNAP);
    assert.equal(sourceOf(store)?.from, 'snapshot');
    assert.equal(
      JSON.stringify(
        await store
          .collection('children')
          .find({}, { sort: { _id: 1 } })
          .toArray(),
      ),
      before,
    );
  });

  it('verify-store checks a snapshot against its log; --repair deletes one that disagrees', async () => {
    store = await openEmbeddedStore(dir, SNAP);
    await seed(store);
    const before = await answers(store);
    assert.deepEqual(await closeAndVerify(), [
      ['children.snap', 'ok'],
      ['staff.snap', 'ok'],
    ]);

    // A snapshot that names its log's bytes correctly but says the wrong thing about them (only a bug could write
    // one): its checksum is right, so only a comparison with the log finds it.
    const buf = await readFile(snapFile());
    const nl = buf.indexOf(0x0a);
    const header = JSON.parse(buf.toString('utf8', 0, nl)) as { jsonBytes: number; bodyCrc: string };
    const json = JSON.parse(buf.toString('utf8', nl + 1, nl + 1 + header.jsonBytes)) as {
      indexes: { keys: string[] }[];
    };
    const keys = json.indexes[0]!.keys;
    [keys[0], keys[1]] = [keys[1]!, keys[0]!];
    const newJson = Buffer.from(JSON.stringify(json) + '\n');
    const bin = buf.subarray(nl + 1 + header.jsonBytes);
    header.jsonBytes = newJson.length;
    header.bodyCrc = crc32(bin, crc32(newJson)).toString(16).padStart(8, '0');
    await writeFile(snapFile(), Buffer.concat([Buffer.from(JSON.stringify(header) + '\n'), newJson, bin]));

    const bad = await verifyStore(dir);
    assert.equal(bad.damage, 1);
    assert.equal(bad.snapshots.find((s) => s.file === 'children.snap')?.state, 'inconsistent');
    const { actions } = await repairStore(dir);
    assert.ok(actions.some((a) => a.startsWith('children.snap: inconsistent; deleted')));
    assert.equal((await verifyStore(dir)).damage, 0);
    store = await openEmbeddedStore(dir, SNAP);
    assert.equal(sourceOf(store)?.from, 'log');
    assert.equal(await answers(store), before);
  });

  it('truncating the log below what the snapshot covers makes it stale', async () => {
    store = await openEmbeddedStore(dir, SNAP);
    await seed(store);
    await store.close();
    store = undefined;
    const log = path.join(dir, 'children.log');
    const text = await readFile(log, 'utf8');
    // Cut at a line boundary: the store opens with what is left (its checksums are all valid).
    await truncate(log, Buffer.byteLength(text.slice(0, text.lastIndexOf('\n', text.length - 2) + 1)));
    assert.equal((await verifyStore(dir)).snapshots.find((s) => s.file === 'children.snap')?.state, 'stale');
    store = await openEmbeddedStore(dir, SNAP);
    assert.equal(sourceOf(store)?.from, 'log');
    assert.equal(await store.collection('children').countDocuments({}), 119);
  });

  /** Descriptors this process holds open on `file` (Linux: /proc/self/fd). */
  async function openDescriptors(file: string): Promise<number> {
    let n = 0;
    for (const fd of await readdir('/proc/self/fd')) {
      const target = await readlink(path.join('/proc/self/fd', fd)).catch(() => '');
      if (target === file) n++;
    }
    return n;
  }

  it('documents not yet read are read from the log file, also after later appends; its descriptor closes once all are read', async function () {
    if (process.platform !== 'linux') this.skip();
    store = await openEmbeddedStore(dir, SNAP);
    await seed(store);
    await store.close();
    store = await openEmbeddedStore(dir, SNAP);
    assert.equal(sourceOf(store)?.from, 'snapshot');
    const log = await realpath(path.join(dir, 'children.log'));
    assert.equal(await openDescriptors(log), 1, 'one descriptor to read unread documents from, no copy of the log');
    // Lines appended after the snapshot do not move the places of the lines it describes.
    const c = store.collection<Child>('children');
    await c.insertOne(child(500));
    await c.updateOne({ _id: 'C0007' }, { $set: { due: '2027-09-09' } });
    const expected = { ...child(42) };
    assert.deepEqual(await c.findOne({ _id: 'C0042' }), expected);
    assert.equal((await c.findOne({ _id: 'C0007' }))?.due, '2027-09-09');
    const seen = await answers(store);
    assert.equal(await openDescriptors(log), 1, 'only the append handle is left once every document was read');
    await store.close();
    store = await openEmbeddedStore(dir, SNAP);
    assert.equal(await openDescriptors(log), 1);
    await store.close();
    store = undefined;
    assert.equal(await openDescriptors(log), 0, 'closing with documents unread lets the log file go');
    store = await openEmbeddedStore(dir, SNAP);
    assert.equal(await answers(store), seen);
    assert.equal(await openDescriptors(log), 0, 'every document read (and nothing written): the log file let go');
  });
});
