// A full disk at the true boundary: the store's file writes (diskIo) fail with ENOSPC after writing
// part of the buffer, as write(2) does. Wanted: nothing acknowledged is lost, nothing refused is
// kept (in memory or on disk), writes are refused with store-unavailable, reads go on, /healthz
// says why, and the store recovers by itself when space returns.
import assert from 'node:assert/strict';
import { readFile, readdir, stat } from 'node:fs/promises';
import * as path from 'node:path';
import type { Document } from 'mongodb';
import { MongoClient } from 'mongodb';
import pino from 'pino';
import sinon from 'sinon';
import { isAppError } from '../../src/domain/errors.js';
import { openEmbeddedStore, type EmbeddedStore } from '../../src/store/embedded/embedded-store.js';
import { diskIo, writeAll } from '../../src/store/embedded/log-file.js';
import { MongoStore } from '../../src/store/mongo-store.js';
import { makeTempDir, removeDir } from './helpers/temp-dir.js';

type Doc = Document & { _id: string };

const enospc = (): NodeJS.ErrnoException =>
  Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC', errno: -28 });
const unavailable = (e: unknown): boolean => isAppError(e, 'store-unavailable') && /^nothing was saved/.test(e.message);

/** Makes every write fail with ENOSPC after writing half its bytes, until `space()` is called. */
function fillDisk(): { space: () => void; failures: () => number } {
  let failures = 0;
  const stub = sinon.stub(diskIo, 'write').callsFake(async (fh, buf) => {
    failures++;
    await writeAll(fh, buf.subarray(0, Math.floor(buf.length / 2)));
    throw enospc();
  });
  return { space: () => stub.restore(), failures: () => failures };
}

async function until(cond: () => Promise<boolean>, ms = 3000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await cond())) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('embedded store on a full disk', () => {
  let dir: string;
  let store: EmbeddedStore | undefined;
  const silent = pino({ level: 'silent' });
  beforeEach(async () => {
    dir = await makeTempDir('diskfull');
  });
  afterEach(async () => {
    sinon.restore();
    await store?.close();
    store = undefined;
    await removeDir(dir);
  });

  it('a failed append changes nothing, refuses writes, serves reads, says why, and recovers when space returns', async () => {
    store = await openEmbeddedStore(dir, { logger: silent, recoveryProbeMs: 30 });
    const c = store.collection<Doc>('children');
    await c.createIndex({ ref: 1 }, { unique: true });
    await c.insertMany([
      { _id: 'c0', ref: 'R0', n: 0 },
      { _id: 'c1', ref: 'R1', n: 0 },
    ]);
    const before = await readFile(path.join(dir, 'children.log'));

    const disk = fillDisk();
    // One batch: an update, an insert, a delete and a new index, all in flight when the write fails.
    const results = await Promise.allSettled([
      c.updateOne({ _id: 'c1' }, { $inc: { n: 1 }, $set: { ref: 'R9' } }),
      c.insertOne({ _id: 'c2', ref: 'R2', n: 0 }),
      c.deleteOne({ _id: 'c0' }),
      c.createIndex({ n: 1 }),
      c.findOne({ _id: 'c2' }),
    ]);
    for (const r of results.slice(0, 4)) assert.ok(r.status === 'rejected' && unavailable(r.reason), JSON.stringify(r));
    // A read that saw the failed insert reads again after the undo: it never shows unsaved data.
    assert.deepEqual(results[4], { status: 'fulfilled', value: null });
    assert.ok(disk.failures() >= 1);

    // Memory is back to the last acknowledged state, indexes included.
    assert.deepEqual(await c.find({}, { sort: { _id: 1 } }).toArray(), [
      { _id: 'c0', ref: 'R0', n: 0 },
      { _id: 'c1', ref: 'R1', n: 0 },
    ]);
    assert.equal((await c.find({ ref: 'R9' }).toArray()).length, 0);
    assert.equal((await c.findOne({ ref: 'R1' }))?._id, 'c1');
    // The half line that reached the file was cut off again.
    assert.deepEqual(await readFile(path.join(dir, 'children.log')), before);

    assert.deepEqual(await store.health(), {
      status: 'degraded',
      reason: 'disk full: cannot write DATA_DIR/children.log',
      problems: ['disk full: cannot write DATA_DIR/children.log'],
    });
    // Every write is refused up front, in any collection; reads go on.
    await assert.rejects(c.insertOne({ _id: 'c3', ref: 'R3' }), unavailable);
    await assert.rejects(store.collection<Doc>('audit').insertOne({ _id: 'a1' }), unavailable);
    assert.equal(await c.countDocuments(), 2);

    disk.space();
    await until(async () => (await store!.health()).status === 'ok');
    await c.updateOne({ _id: 'c1' }, { $set: { ref: 'R9' } });
    await c.insertOne({ _id: 'c2', ref: 'R1', n: 5 });
    await store.close();

    const warn = sinon.spy(silent, 'warn');
    store = await openEmbeddedStore(dir, { logger: silent });
    assert.equal(warn.callCount, 0, 'no torn tail to set aside');
    assert.deepEqual(
      await store
        .collection<Doc>('children')
        .find({}, { sort: { _id: 1 } })
        .toArray(),
      [
        { _id: 'c0', ref: 'R0', n: 0 },
        { _id: 'c1', ref: 'R9', n: 0 },
        { _id: 'c2', ref: 'R1', n: 5 },
      ],
    );
    assert.equal((await readdir(dir)).includes('quarantine'), false);
  });

  it('a failed fsync is undone the same way, and the disk stays as acknowledged', async () => {
    store = await openEmbeddedStore(dir, { logger: silent, recoveryProbeMs: 30 });
    const c = store.collection<Doc>('audit');
    await c.insertOne({ _id: 'a1' });
    const size = (await stat(path.join(dir, 'audit.log'))).size;
    const sync = sinon.stub(diskIo, 'datasync').rejects(Object.assign(new Error('EIO'), { code: 'EIO' }));
    await assert.rejects(c.insertOne({ _id: 'a2' }), unavailable);
    assert.equal((await store.health()).reason, 'I/O error: cannot write DATA_DIR/audit.log');
    assert.equal((await stat(path.join(dir, 'audit.log'))).size, size);
    assert.equal(await c.countDocuments(), 1);
    sync.restore();
    await until(async () => (await store!.health()).status === 'ok');
    await c.insertOne({ _id: 'a2' });
    assert.equal(await c.countDocuments(), 2);
  });

  it('stays degraded while the disk is still full, then recovers; writes acknowledged before are all kept', async () => {
    store = await openEmbeddedStore(dir, { logger: silent, recoveryProbeMs: 20 });
    const c = store.collection<Doc>('items');
    const acked: string[] = [];
    for (let i = 0; i < 20; i++) await c.insertOne({ _id: `i${i}` }).then(() => acked.push(`i${i}`));
    const disk = fillDisk();
    const tried = await Promise.allSettled(Array.from({ length: 20 }, (_, i) => c.insertOne({ _id: `j${i}` })));
    assert.ok(tried.every((r) => r.status === 'rejected'));
    const failedWrites = disk.failures();
    await until(async () => disk.failures() >= failedWrites + 2); // two probes, both refused by the full disk
    assert.equal((await store.health()).status, 'degraded');
    disk.space();
    await until(async () => (await store!.health()).status === 'ok');
    await store.close();
    store = await openEmbeddedStore(dir, { logger: silent });
    const ids = (await store.collection<Doc>('items').find({}).toArray()).map((d) => d._id).sort();
    assert.deepEqual(ids, [...acked].sort());
  });
});

describe('MongoDB health', () => {
  it('is degraded, with a reason and no connection details, when the database does not answer', async function () {
    this.timeout(10000);
    const client = new MongoClient('mongodb://127.0.0.1:9/?directConnection=true', { serverSelectionTimeoutMS: 200 });
    const store = new MongoStore(client, client.db('iro'), 300);
    try {
      const t = Date.now();
      const h = await store.health();
      assert.ok(Date.now() - t < 3000);
      assert.equal(h.status, 'degraded');
      assert.match(h.reason!, /^database not answering/);
      assert.doesNotMatch(h.reason!, /127\.0\.0\.1|:9/);
    } finally {
      await client.close();
    }
  });
});
