// At-rest damage: checksums, torn tails kept aside, a missing collection log, logs from the
// previous version, and `npm run verify-store` (report, exit 1 on damage; --repair quarantines).
import assert from 'node:assert/strict';
import { appendFile, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { crc32 } from 'node:zlib';
import type { Document } from 'mongodb';
import pino from 'pino';
import sinon from 'sinon';
import { main as verifyCli } from '../../src/cli/verify-store.js';
import { isAppError } from '../../src/domain/errors.js';
import { openEmbeddedStore, type EmbeddedStore } from '../../src/store/embedded/embedded-store.js';
import { stringifyEjson } from '../../src/store/embedded/ejson-codec.js';
import { serializeRecord } from '../../src/store/embedded/log-file.js';
import { verifyStore } from '../../src/store/embedded/verify.js';
import { describeStoreHealth } from '../../src/teams/presenters/store-health.js';
import { makeTempDir, removeDir } from './helpers/temp-dir.js';

type Doc = Document & { _id: string };
const CRC_LINE = /^\{"crc":"[0-9a-f]{8}","op":"(put|del|idx)",/;

describe('embedded store integrity', () => {
  let dir: string;
  let store: EmbeddedStore | undefined;
  beforeEach(async () => {
    dir = await makeTempDir('integrity');
  });
  afterEach(async () => {
    sinon.restore();
    await store?.close();
    store = undefined;
    await removeDir(dir);
  });

  const logFile = (name: string): string => path.join(dir, `${name}.log`);
  const lines = async (name: string): Promise<string[]> =>
    (await readFile(logFile(name), 'utf8')).split('\n').filter(Boolean);
  const corrupt =
    (code = 'store-corrupt') =>
    (e: unknown) =>
      isAppError(e, code as 'store-corrupt');

  async function seed(): Promise<void> {
    const s = await openEmbeddedStore(dir);
    await s.collection<Doc>('reviews').insertMany([
      { _id: 'r1', v: 1 },
      { _id: 'r2', v: 2 },
      { _id: 'r3', v: 3 },
    ]);
    await s.collection<Doc>('audit').insertOne({ _id: 'a1', what: 'import' });
    await s.close();
  }

  /** Runs the CLI with DATA_DIR=dir; returns exit code and output. */
  async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
    const out = sinon.stub(process.stdout, 'write').returns(true);
    const err = sinon.stub(process.stderr, 'write').returns(true);
    try {
      const code = await verifyCli([...args, dir]);
      return { code, out: out.args.map((a) => String(a[0])).join(''), err: err.args.map((a) => String(a[0])).join('') };
    } finally {
      out.restore();
      err.restore();
    }
  }

  describe('checksums', () => {
    it('every record written carries a CRC-32 of itself', async () => {
      store = await openEmbeddedStore(dir);
      const c = store.collection<Doc>('children');
      await c.createIndex({ ref: 1 }, { unique: true });
      await c.insertOne({ _id: 'c1', ref: 'R1', name: 'Łucja “quoted” ☃', at: new Date(0) });
      await c.updateOne({ _id: 'c1' }, { $set: { n: 1 } });
      await c.deleteOne({ _id: 'c1' });
      const all = await lines('children');
      assert.equal(all.length, 4);
      for (const l of all) assert.match(l, CRC_LINE);
      assert.equal((await verifyStore(dir)).damage, 0);
    });

    it('refuses to start when a line in the middle was edited (valid JSON, wrong checksum), naming the file and line', async () => {
      await seed();
      const all = await lines('reviews');
      all[1] = all[1]!.replace('"v":2', '"v":7');
      await writeFile(logFile('reviews'), all.join('\n') + '\n');
      await assert.rejects(openEmbeddedStore(dir), (e: unknown) => {
        assert.ok(isAppError(e, 'store-corrupt'));
        assert.match(e.message, /reviews\.log line 2 \(byte \d+\) is not a valid log record \(checksum mismatch\)/);
        assert.match(e.message, /npm run verify-store -- --repair/);
        return true;
      });
      assert.equal((await readdir(dir)).includes('LOCK'), false);
    });

    it('refuses a damaged checksum field, and a line whose checksum was stripped is read as an earlier version wrote it', async () => {
      await seed();
      const all = await lines('reviews');
      const bad = [...all];
      bad[0] = bad[0]!.replace(/^\{"crc":"[0-9a-f]{8}"/, '{"crc":"zzzzzzzz"');
      await writeFile(logFile('reviews'), bad.join('\n') + '\n');
      await assert.rejects(
        openEmbeddedStore(dir),
        (e: unknown) => isAppError(e, 'store-corrupt') && /line 1 .*malformed checksum field/.test(e.message),
      );
      // Lines without the field at all are an earlier version's: read (and rewritten with checksums).
      const legacy = [...all];
      legacy[0] = legacy[0]!.replace(/^\{"crc":"[0-9a-f]{8}",/, '{');
      await writeFile(logFile('reviews'), legacy.join('\n') + '\n');
      store = await openEmbeddedStore(dir, { logger: pino({ level: 'silent' }) });
      assert.equal(await store.collection('reviews').countDocuments(), 3);
      for (const l of await lines('reviews')) assert.match(l, CRC_LINE);
    });
  });

  describe('torn tails are set aside, never silently dropped', () => {
    const cases: [string, string | Buffer][] = [
      ['a write cut short (no newline)', '{"crc":"00000000","op":"put","doc":{"_id":"r4","v":{"$numb'],
      ['garbage ending in a newline', '\u0000\u0000\u0000\n'],
      ['a complete last line whose checksum does not match', '{"crc":"00000000","op":"put","doc":{"_id":"r4"}}\n'],
      ['zeros from a lost block', Buffer.alloc(4096)],
    ];
    for (const [what, tail] of cases) {
      it(`${what}: kept in DATA_DIR/quarantine, reported at start-up and in the store's health; the rest is kept`, async () => {
        await seed();
        const kept = (await readFile(logFile('reviews'))).length;
        await appendFile(logFile('reviews'), tail);
        const logger = pino({ level: 'silent' });
        const warn = sinon.spy(logger, 'warn');
        store = await openEmbeddedStore(dir, { logger });
        assert.equal(warn.callCount, 1);
        const fields = warn.firstCall.args[0] as unknown as Record<string, unknown>;
        assert.equal(fields.file, 'reviews.log');
        assert.equal(fields.bytes, Buffer.byteLength(tail));
        assert.equal(fields.keptBytes, kept);
        assert.deepEqual(
          await readFile(path.join(dir, String(fields.quarantine))),
          Buffer.isBuffer(tail) ? tail : Buffer.from(tail),
        );
        const health = await store.health();
        assert.equal(health.status, 'ok');
        assert.match(
          health.problems.join('\n'),
          new RegExp(`^${String(fields.quarantine).replace(/\./g, '\\.')}: ${Buffer.byteLength(tail)} bytes set aside`),
        );
        assert.equal(await store.collection('reviews').countDocuments(), 3);
        // The /setup status line lists it for the administrator.
        assert.match(
          describeStoreHealth(health),
          new RegExp(
            `^Store: ok\\.\\nStore problems:\\n- quarantine/reviews\\.log\\.[^:]+: ${Buffer.byteLength(tail)} bytes set aside`,
          ),
        );
        await store.close();
        store = undefined;
        assert.equal((await verifyStore(dir)).damage, 0, 'the log is clean again');
      });
    }
  });

  describe('missing files', () => {
    it('refuses to start when a collection log is missing while others exist', async () => {
      await seed();
      await rm(logFile('reviews'));
      await assert.rejects(openEmbeddedStore(dir), (e: unknown) => {
        assert.ok(isAppError(e, 'store-corrupt'));
        assert.match(e.message, /reviews\.log is missing, but this store created it/);
        return true;
      });
    });

    it('refuses to start when every log is gone but the manifest says they existed', async () => {
      await seed();
      await rm(logFile('reviews'));
      await rm(logFile('audit'));
      await assert.rejects(openEmbeddedStore(dir), corrupt());
    });

    it('refuses to start when the manifest is deleted or damaged', async () => {
      await seed();
      await rm(path.join(dir, 'MANIFEST.json'));
      await assert.rejects(
        openEmbeddedStore(dir),
        (e: unknown) => isAppError(e, 'store-corrupt') && /MANIFEST\.json is missing/.test(e.message),
      );
      await writeFile(path.join(dir, 'MANIFEST.json'), '{"collections":[');
      await assert.rejects(
        openEmbeddedStore(dir),
        (e: unknown) => isAppError(e, 'store-corrupt') && /MANIFEST\.json is damaged/.test(e.message),
      );
    });

    it('a log the manifest does not list yet (a crash just after creating it) is accepted and listed', async () => {
      await seed();
      store = await openEmbeddedStore(dir);
      await store.collection<Doc>('fresh').insertOne({ _id: 'f1' });
      await store.close();
      store = undefined;
      const manifest = JSON.parse(await readFile(path.join(dir, 'MANIFEST.json'), 'utf8'));
      assert.deepEqual(manifest.collections, ['audit', 'fresh', 'reviews']);
      await writeFile(
        path.join(dir, 'MANIFEST.json'),
        JSON.stringify({ format: 1, collections: ['audit', 'reviews'] }),
      );
      store = await openEmbeddedStore(dir);
      assert.equal(await store.collection('fresh').countDocuments(), 1);
      assert.deepEqual(JSON.parse(await readFile(path.join(dir, 'MANIFEST.json'), 'utf8')).collections, [
        'audit',
        'fresh',
        'reviews',
      ]);
    });
  });

  describe('logs written by the previous version', () => {
    it('open with checksummed canonical EJSON lines (numbers as $numberInt), kept as they are', async () => {
      // The version before issue 12's import work wrote every number as {"$numberInt": …}; this one writes
      // plain JSON numbers. The same values come back either way, and such a log needs no rewrite.
      const canonical = (rec: object): string => {
        const json = stringifyEjson(rec);
        return `{"crc":"${crc32(json).toString(16).padStart(8, '0')}",${json.slice(1)}\n`;
      };
      const text =
        canonical({ op: 'idx', name: 'ref_1', key: { ref: 1 }, unique: true, sparse: false }) +
        canonical({ op: 'put', doc: { _id: 'c1', ref: 'R1', n: 2, ratio: 0.5, at: new Date(5) } });
      await writeFile(logFile('children'), text);
      await writeFile(path.join(dir, 'MANIFEST.json'), JSON.stringify({ format: 1, collections: ['children'] }));
      assert.match(text, /"\$numberInt":"2"/);
      assert.equal((await verifyStore(dir)).damage, 0);
      store = await openEmbeddedStore(dir, { logger: pino({ level: 'silent' }) });
      assert.deepEqual(await store.collection<Doc>('children').findOne({ ref: 'R1' }), {
        _id: 'c1',
        ref: 'R1',
        n: 2,
        ratio: 0.5,
        at: new Date(5),
      });
      await store.collection<Doc>('children').insertOne({ _id: 'c2', ref: 'R2', n: 3 });
      await store.close();
      store = undefined;
      const after = await readFile(logFile('children'), 'utf8');
      assert.ok(after.startsWith(text), 'the old lines are kept as written');
      assert.match(after.slice(text.length), /"n":3/);
      store = await openEmbeddedStore(dir);
      assert.equal(await store.collection('children').countDocuments({ n: { $gte: 2 } }), 2);
    });

    it('open (every collection, audit included), and are rewritten with checksums and a manifest', async () => {
      // The previous version's format: one canonical EJSON record per line, no checksum, no manifest.
      await writeFile(
        logFile('children'),
        [
          '{"op":"idx","name":"ref_1","key":{"ref":{"$numberInt":"1"}},"unique":true,"sparse":false}',
          '{"op":"put","doc":{"_id":"c1","ref":"R1","at":{"$date":{"$numberLong":"0"}}}}',
          '{"op":"put","doc":{"_id":"c1","ref":"R1","n":{"$numberInt":"2"}}}',
          '',
        ].join('\n'),
      );
      await writeFile(logFile('audit'), '{"op":"put","doc":{"_id":"a1","what":"import"}}\n');
      const before = await verifyStore(dir);
      assert.equal(before.damage, 0);
      assert.deepEqual(
        before.logs.map((l) => l.legacyLines),
        [1, 3],
      );
      store = await openEmbeddedStore(dir, { logger: pino({ level: 'silent' }) });
      assert.deepEqual(await store.collection<Doc>('children').findOne({ ref: 'R1' }), { _id: 'c1', ref: 'R1', n: 2 });
      assert.equal(await store.collection('audit').countDocuments(), 1);
      for (const name of ['children', 'audit']) for (const l of await lines(name)) assert.match(l, CRC_LINE);
      assert.deepEqual(JSON.parse(await readFile(path.join(dir, 'MANIFEST.json'), 'utf8')).collections, [
        'audit',
        'children',
      ]);
    });

    it('the audit collection compacts while running like the others', async () => {
      store = await openEmbeddedStore(dir, { compactThresholdBytes: 2 * 1024, logger: pino({ level: 'silent' }) });
      const audit = store.collection<Doc>('audit');
      await audit.insertOne({ _id: 'a1', n: 0 });
      for (let i = 0; i < 100; i++) await audit.updateOne({ _id: 'a1' }, { $inc: { n: 1 } });
      assert.ok((await lines('audit')).length < 50, 'compacted');
    });
  });

  describe('npm run verify-store', () => {
    it('--help explains usage; a healthy store exits 0', async () => {
      const help = await cli(['--help']);
      assert.equal(help.code, 0);
      assert.match(help.out, /usage: npm run verify-store/);
      assert.match(help.out, /--repair/);
      await seed();
      const ok = await cli([]);
      assert.equal(ok.code, 0, ok.out + ok.err);
      assert.match(ok.out, /store OK/);
      assert.equal((await cli(['--bogus'])).code, 2);
    });

    it('reports damage (file, line, reason) with exit 1; --repair quarantines the damaged line, keeps the rest, and the store opens', async () => {
      await seed();
      const all = await lines('reviews');
      const damaged = all[1]!.replace('"v":2', '"v":9');
      all[1] = damaged;
      await writeFile(logFile('reviews'), all.join('\n') + '\n');
      const report = await cli([]);
      assert.equal(report.code, 1);
      assert.match(report.out, /reviews\.log: DAMAGED, 3 line\(s\)/);
      assert.match(report.out, /line 2 \(byte \d+, \d+ bytes\): checksum mismatch/);
      assert.match(report.out, /store DAMAGED: 1 problem/);
      await assert.rejects(openEmbeddedStore(dir), corrupt());

      const repaired = await cli(['--repair']);
      assert.equal(repaired.code, 0, repaired.out + repaired.err);
      assert.match(
        repaired.out,
        /repaired: reviews\.log: set aside 1 damaged line\(s\) \(2; \d+ bytes\) in quarantine\/reviews\.log\./,
      );
      const [q] = await readdir(path.join(dir, 'quarantine'));
      assert.equal(await readFile(path.join(dir, 'quarantine', q!), 'utf8'), damaged + '\n');
      store = await openEmbeddedStore(dir);
      assert.deepEqual(
        (
          await store
            .collection<Doc>('reviews')
            .find({}, { sort: { _id: 1 } })
            .toArray()
        ).map((d) => d._id),
        ['r1', 'r3'],
      );
    });

    it('--repair refuses while the store is open, saying what holds it', async () => {
      await seed();
      store = await openEmbeddedStore(dir);
      const res = await cli(['--repair']);
      assert.equal(res.code, 2);
      assert.match(res.err, /is in use by process \d+/);
    });

    it('a missing log: exit 1; --repair accepts the loss in the manifest, and the store opens', async () => {
      await seed();
      await rm(logFile('reviews'));
      const report = await cli([]);
      assert.equal(report.code, 1);
      assert.match(report.out, /reviews\.log: MISSING/);
      const repaired = await cli(['--repair']);
      assert.equal(repaired.code, 0, repaired.out + repaired.err);
      assert.match(repaired.out, /reviews\.log: missing; its data is lost/);
      store = await openEmbeddedStore(dir);
      assert.equal(await store.collection('audit').countDocuments(), 1);
    });

    it('valid lines that break a unique index (e.g. after a line was set aside): the store refuses naming the file, verify names the index', async () => {
      await seed();
      await writeFile(
        logFile('children'),
        [
          serializeRecord({ op: 'idx', name: 'ref_1', key: { ref: 1 }, unique: true, sparse: false }),
          serializeRecord({ op: 'put', doc: { _id: 'c1', ref: 'R1' } }),
          serializeRecord({ op: 'put', doc: { _id: 'c2', ref: 'R1' } }),
        ].join(''),
      );
      await assert.rejects(
        openEmbeddedStore(dir),
        (e: unknown) =>
          isAppError(e, 'store-corrupt') &&
          /children\.log: two documents share a key of a unique index/.test(e.message),
      );
      const report = await cli([]);
      assert.equal(report.code, 1);
      assert.match(report.out, /children\.log: DAMAGED[\s\S]*unique index ref_1: 1 document\(s\) repeat another's key/);
      assert.doesNotMatch(report.out, /R1/, 'no key values in the report');
    });

    it('a deleted manifest: exit 1; --repair rebuilds it from the logs', async () => {
      await seed();
      await rm(path.join(dir, 'MANIFEST.json'));
      assert.equal((await cli([])).code, 1);
      assert.equal((await cli(['--repair'])).code, 0);
      store = await openEmbeddedStore(dir);
      assert.equal(await store.collection('reviews').countDocuments(), 3);
    });
  });
});
