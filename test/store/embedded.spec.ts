// Embedded-store behaviour beyond the contract: durability, recovery, compaction, locking, backup.
import assert from 'node:assert/strict';
import { appendFile, readFile, readdir, stat, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { ObjectId, type Document } from 'mongodb';
import pino from 'pino';
import sinon from 'sinon';
import { main as backupCli, summaryLine } from '../../src/cli/backup.js';
import { isAppError } from '../../src/domain/errors.js';
import { backupStore } from '../../src/store/backup.js';
import { openEmbeddedStore, type EmbeddedStore } from '../../src/store/embedded/embedded-store.js';
import { isDuplicateKeyError, openStore } from '../../src/store/open-store.js';
import { deadPid, helperPath, runToEnd, spawnTs } from './helpers/spawn.js';
import { makeTempDir, removeDir } from './helpers/temp-dir.js';

type Doc = Document & { _id?: string | ObjectId };

describe('embedded store', () => {
  let dir: string;
  let store: EmbeddedStore | undefined;

  beforeEach(async () => {
    dir = await makeTempDir('embedded');
  });
  afterEach(async () => {
    await store?.close();
    store = undefined;
    await removeDir(dir);
  });

  const logFile = (name: string): string => path.join(dir, `${name}.log`);
  const lines = async (name: string): Promise<string[]> =>
    (await readFile(logFile(name), 'utf8')).split('\n').filter(Boolean);
  const silentLogger = () => {
    const logger = pino({ level: 'silent' });
    return { logger, warn: sinon.spy(logger, 'warn') };
  };

  describe('persistence', () => {
    it('creates the data directory and keeps data, types and indexes across a restart', async () => {
      dir = path.join(dir, 'nested', 'data');
      store = await openEmbeddedStore(dir);
      const c = store.collection<Doc>('children');
      const ref = new ObjectId();
      await c.createIndex({ iroId: 1 }, { unique: true });
      await c.insertOne({
        _id: 'c1',
        iroId: 'I1',
        at: new Date('2024-01-02T03:04:05.678Z'),
        ref,
        n: 3,
        x: 1.5,
        big: 2 ** 40,
        nested: { list: [1, 'two', null] },
      });
      const generated = (await c.insertOne({ iroId: 'I2' })).insertedId;
      await c.insertOne({ _id: 'gone', iroId: 'I3' });
      await c.updateOne({ _id: 'c1' }, { $inc: { n: 1 }, $unset: { x: '' } });
      await c.deleteOne({ _id: 'gone' });
      await store.close();

      store = await openEmbeddedStore(dir);
      const c2 = store.collection<Doc>('children');
      const doc = await c2.findOne({ _id: 'c1' });
      assert.ok(doc?.at instanceof Date);
      assert.equal(doc.at.toISOString(), '2024-01-02T03:04:05.678Z');
      assert.ok(doc.ref instanceof ObjectId && doc.ref.equals(ref));
      assert.deepEqual(
        { ...doc, at: undefined, ref: undefined },
        {
          _id: 'c1',
          iroId: 'I1',
          at: undefined,
          ref: undefined,
          n: 4,
          big: 2 ** 40,
          nested: { list: [1, 'two', null] },
        },
      );
      const g = await c2.findOne({ iroId: 'I2' });
      assert.ok(g?._id instanceof ObjectId && g._id.equals(generated as ObjectId));
      assert.equal(await c2.findOne({ _id: 'gone' }), null);
      await assert.rejects(c2.insertOne({ iroId: 'I1' }), isDuplicateKeyError);
    });

    it('an acknowledged write is in the log file before its promise resolves', async () => {
      store = await openEmbeddedStore(dir);
      const c = store.collection<Doc>('audit');
      await c.insertOne({ _id: 'e1', what: 'x' });
      assert.equal((await lines('audit')).length, 1);
      await c.updateOne({ _id: 'e1' }, { $set: { what: 'y' } });
      const last = (await lines('audit')).at(-1)!;
      assert.match(last, /"op":"put"/);
      assert.match(last, /"what":"y"/);
    });

    it('many concurrent writers all land, in apply order', async () => {
      store = await openEmbeddedStore(dir);
      const c = store.collection<Doc>('burst');
      await c.insertOne({ _id: 'counter', n: 0 });
      await Promise.all([
        ...Array.from({ length: 200 }, (_, i) => c.insertOne({ _id: `d${i}`, i })),
        ...Array.from({ length: 50 }, () => c.updateOne({ _id: 'counter' }, { $inc: { n: 1 } })),
      ]);
      await store.close();
      store = await openEmbeddedStore(dir);
      const c2 = store.collection<Doc>('burst');
      assert.equal(await c2.countDocuments(), 201);
      assert.equal((await c2.findOne({ _id: 'counter' }))?.n, 50);
    });

    it('rejects invalid collection names and use after close', async () => {
      store = await openEmbeddedStore(dir);
      assert.throws(
        () => store!.collection('../etc'),
        (e: unknown) => isAppError(e, 'invalid-input'),
      );
      const c = store.collection<Doc>('ok');
      await store.close();
      await assert.rejects(c.insertOne({ a: 1 }), /closed/);
      assert.throws(() => store!.collection('ok'), /closed/);
    });
  });

  describe('recovery', () => {
    async function seed(): Promise<void> {
      const s = await openEmbeddedStore(dir);
      const c = s.collection<Doc>('reviews');
      await c.insertMany([
        { _id: 'r1', v: 1 },
        { _id: 'r2', v: 2 },
        { _id: 'r3', v: 3 },
      ]);
      await s.close();
    }

    it('sets a torn last line aside in quarantine with a warning (file name, offset and byte counts only) and keeps the rest', async () => {
      await seed();
      const size = (await stat(logFile('reviews'))).size;
      const torn = '{"op":"put","doc":{"_id":"r4","v":{"$numberI';
      await appendFile(logFile('reviews'), torn);
      const { logger, warn } = silentLogger();
      store = await openEmbeddedStore(dir, { logger });
      assert.equal(warn.callCount, 1);
      const { quarantine, ...rest } = warn.firstCall.args[0] as { quarantine: string };
      assert.deepEqual(rest, { file: 'reviews.log', offset: size, bytes: torn.length, keptBytes: size });
      assert.match(quarantine, /^quarantine\/reviews\.log\.\d{4}-\d\d-\d\dT[\d-]+Z$/);
      assert.equal(await readFile(path.join(dir, quarantine), 'utf8'), torn);
      const c = store.collection<Doc>('reviews');
      assert.deepEqual(
        (await c.find({}, { sort: { _id: 1 } }).toArray()).map((d) => d._id),
        ['r1', 'r2', 'r3'],
      );
      // The torn tail was cut off on open, so later appends stay readable.
      await c.insertOne({ _id: 'r5', v: 5 });
      await store.close();
      store = await openEmbeddedStore(dir);
      assert.equal(await store.collection('reviews').countDocuments(), 4);
    });

    it('drops a last line of garbage even when newline-terminated', async () => {
      await seed();
      await appendFile(logFile('reviews'), '\u0000\u0000\u0000\n');
      store = await openEmbeddedStore(dir, { logger: silentLogger().logger });
      assert.equal(await store.collection('reviews').countDocuments(), 3);
    });

    it('refuses to open when a line in the middle is invalid, naming the file and line', async () => {
      await seed();
      const all = await lines('reviews');
      all[1] = all[1]!.slice(0, 20);
      await writeFile(logFile('reviews'), all.join('\n') + '\n');
      await assert.rejects(openEmbeddedStore(dir), (err: unknown) => {
        assert.ok(isAppError(err, 'store-corrupt'));
        assert.match(err.message, /reviews\.log line 2/);
        return true;
      });
      // Nothing was rewritten and the lock was released.
      assert.equal((await lines('reviews')).length, 3);
      assert.equal((await readdir(dir)).includes('LOCK'), false);
    });

    it('removes a temp file left by an interrupted compaction', async () => {
      await seed();
      await writeFile(logFile('reviews') + '.tmp', '{"op":"put","doc":{"_id":"half');
      store = await openEmbeddedStore(dir);
      assert.equal(await store.collection('reviews').countDocuments(), 3);
      assert.equal(
        (await readdir(dir)).some((f) => f.endsWith('.tmp')),
        false,
      );
    });
  });

  describe('compaction', () => {
    it('compacts while running once a log outgrows its live data; the data survives', async () => {
      store = await openEmbeddedStore(dir, { compactThresholdBytes: 16 * 1024, logger: silentLogger().logger });
      const c = store.collection<Doc>('hot');
      await c.createIndex({ k: 1 });
      await c.insertMany(Array.from({ length: 5 }, (_, i) => ({ _id: `h${i}`, k: i, n: 0, pad: 'x'.repeat(200) })));
      let maxSize = 0;
      for (let i = 0; i < 600; i++) {
        await c.updateOne({ _id: `h${i % 5}` }, { $inc: { n: 1 } });
        maxSize = Math.max(maxSize, (await stat(logFile('hot'))).size);
      }
      // 600 updates of ~260-byte lines would be ~150 KB uncompacted.
      assert.ok(maxSize < 40 * 1024, `log grew to ${maxSize} bytes`);
      await store.close();
      store = await openEmbeddedStore(dir);
      const docs = await store
        .collection<Doc>('hot')
        .find({ k: { $in: [0, 4] } }, { sort: { k: 1 } })
        .toArray();
      assert.deepEqual(
        docs.map((d) => [d._id, d.n]),
        [
          ['h0', 120],
          ['h4', 120],
        ],
      );
    });

    it('compacts on open, shrinking a log full of superseded lines', async () => {
      store = await openEmbeddedStore(dir);
      const c = store.collection<Doc>('cold');
      await c.insertOne({ _id: 'only', n: 0 });
      for (let i = 0; i < 50; i++) await c.updateOne({ _id: 'only' }, { $inc: { n: 1 } });
      await c.insertOne({ _id: 'deleted' });
      await c.deleteOne({ _id: 'deleted' });
      await store.close();
      const before = (await stat(logFile('cold'))).size;
      store = await openEmbeddedStore(dir);
      const after = await lines('cold');
      assert.ok((await stat(logFile('cold'))).size < before / 10);
      assert.equal(after.length, 1);
      assert.equal((await store.collection<Doc>('cold').findOne({ _id: 'only' }))?.n, 50);
    });
    it('does not rewrite a log on open for a few superseded lines (a restart after some updates)', async () => {
      store = await openEmbeddedStore(dir);
      const c = store.collection<Doc>('warm');
      for (let i = 0; i < 20; i++) await c.insertOne({ _id: `d${i}`, n: 0 });
      await c.updateOne({ _id: 'd3' }, { $inc: { n: 1 } });
      await store.close();
      const before = await stat(logFile('warm'));
      store = await openEmbeddedStore(dir);
      const after = await stat(logFile('warm'));
      assert.equal(after.size, before.size, 'not rewritten');
      assert.equal(after.ino, before.ino, 'the same file');
      assert.equal((await store.collection<Doc>('warm').findOne({ _id: 'd3' }))?.n, 1);
      await store.collection<Doc>('warm').updateOne({ _id: 'd4' }, { $inc: { n: 2 } });
      await store.close();
      store = await openEmbeddedStore(dir);
      assert.deepEqual(
        (
          await store
            .collection<Doc>('warm')
            .find({ n: { $gt: 0 } }, { sort: { _id: 1 } })
            .toArray()
        ).map((d) => [d._id, d.n]),
        [
          ['d3', 1],
          ['d4', 2],
        ],
      );
    });
  });

  describe('lock file', () => {
    it('a second open in another process fails with store-locked; close releases the lock', async () => {
      store = await openEmbeddedStore(dir);
      assert.equal((await readFile(path.join(dir, 'LOCK'), 'utf8')).split('\n')[0], String(process.pid));
      const res = JSON.parse((await runToEnd(spawnTs(helperPath('try-open.ts'), [dir]))).stdout);
      assert.equal(res.ok, false);
      assert.equal(res.code, 'store-locked');
      assert.ok(res.message.startsWith(`the data directory ${dir} is in use by process ${process.pid}: `), res.message);
      await store.close();
      store = undefined;
      assert.equal((await readdir(dir)).includes('LOCK'), false);
      assert.deepEqual(JSON.parse((await runToEnd(spawnTs(helperPath('try-open.ts'), [dir]))).stdout), { ok: true });
    });

    it('a second open in the same process fails with store-locked', async () => {
      store = await openEmbeddedStore(dir);
      await assert.rejects(openEmbeddedStore(dir), (e: unknown) => isAppError(e, 'store-locked'));
    });

    it('takes over a stale lock left by a dead process', async () => {
      const pid = await deadPid();
      await writeFile(path.join(dir, 'LOCK'), `${pid}\n`);
      const { logger, warn } = silentLogger();
      store = await openEmbeddedStore(dir, { logger });
      assert.equal((await readFile(path.join(dir, 'LOCK'), 'utf8')).split('\n')[0], String(process.pid));
      assert.equal((warn.firstCall.args[0] as { stalePid?: number }).stalePid, pid);
    });
  });

  describe('backup', () => {
    async function fill(): Promise<EmbeddedStore> {
      const s = await openEmbeddedStore(path.join(dir, 'data'));
      const children = s.collection<Doc>('children');
      await children.createIndex({ iroId: 1 }, { unique: true });
      await children.insertMany([
        { _id: 'c1', iroId: 'I1', at: new Date(5) },
        { _id: 'c2', iroId: 'I2' },
      ]);
      await children.updateOne({ _id: 'c2' }, { $set: { x: 1 } });
      await s.collection<Doc>('audit').insertOne({ what: 'import', ref: new ObjectId() });
      return s;
    }

    async function assertSameData(copyDir: string): Promise<void> {
      const copy = await openEmbeddedStore(copyDir);
      try {
        const children = await copy
          .collection<Doc>('children')
          .find({}, { sort: { _id: 1 } })
          .toArray();
        assert.deepEqual(children, [
          { _id: 'c1', iroId: 'I1', at: new Date(5) },
          { _id: 'c2', iroId: 'I2', x: 1 },
        ]);
        const [audit] = await copy.collection<Doc>('audit').find({}).toArray();
        assert.ok(audit?.ref instanceof ObjectId);
        await assert.rejects(copy.collection<Doc>('children').insertOne({ iroId: 'I1' }), isDuplicateKeyError);
      } finally {
        await copy.close();
      }
    }

    it('copies an open store at one point in time', async () => {
      store = await fill();
      const summary = await backupStore(store, path.join(dir, 'b1'));
      assert.deepEqual(summary.collections, [
        { name: 'audit', documents: 1 },
        { name: 'children', documents: 2 },
      ]);
      await assertSameData(path.join(dir, 'b1'));
    });

    it('copies from the data directory while another holder has the lock, ignoring a write in progress', async () => {
      store = await fill();
      await appendFile(path.join(dir, 'data', 'children.log'), '{"op":"put","doc":{"_id":"c9"');
      await backupStore(path.join(dir, 'data'), path.join(dir, 'b2'));
      await assertSameData(path.join(dir, 'b2'));
    });

    it('refuses a destination that is not empty', async () => {
      store = await fill();
      await writeFile(path.join(dir, 'busy'), 'x').catch(() => undefined);
      await assert.rejects(backupStore(store, dir), (e: unknown) => isAppError(e, 'invalid-input'));
    });

    it('the CLI reads DATA_DIR and prints a one-line summary', async () => {
      store = await fill();
      assert.equal(
        summaryLine('data', {
          destDir: 'b',
          collections: [
            { name: 'a', documents: 1 },
            { name: 'c', documents: 2 },
          ],
        }),
        'backed up data to b: 2 collections, 3 documents (a 1, c 2)',
      );
      const out = sinon.stub(process.stdout, 'write').returns(true);
      const saved = process.env.DATA_DIR;
      process.env.DATA_DIR = path.join(dir, 'data');
      try {
        assert.equal(await backupCli([path.join(dir, 'b3')]), 0);
      } finally {
        out.restore();
        if (saved === undefined) delete process.env.DATA_DIR;
        else process.env.DATA_DIR = saved;
      }
      assert.match(String(out.firstCall.args[0]), /2 collections, 3 documents \(audit 1, children 2\)\n$/);
      await assertSameData(path.join(dir, 'b3'));
    });
  });

  describe('openStore', () => {
    it('opens the embedded store when no MongoDB URI is configured', async () => {
      const s = await openStore({ mongodbDb: 'iro', dataDir: dir });
      try {
        assert.equal(s.kind, 'embedded');
      } finally {
        await s.close();
      }
    });
  });
});
