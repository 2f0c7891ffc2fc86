// The embedded store's undoable change (src/store/embedded/undo-point.ts, issue 12): what the import CLI runs
// instead of a journal. Wanted: a change that completes is kept whole; one that throws, meets a full disk or
// is cut short by kill -9 leaves exactly what was there before, at once or at the next open; no compaction
// moves the bytes an undo point counts; backup and verify-store see the store as the next open will.
import assert from 'node:assert/strict';
import { copyFile, readFile, readdir, stat, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import type { Document } from 'mongodb';
import pino from 'pino';
import sinon from 'sinon';
import { isAppError } from '../../src/domain/errors.js';
import { backupStore } from '../../src/store/backup.js';
import { openEmbeddedStore, type EmbeddedStore } from '../../src/store/embedded/embedded-store.js';
import { diskIo } from '../../src/store/embedded/log-file.js';
import { UNDO_FILE } from '../../src/store/embedded/undo-point.js';
import { formatReport, repairStore, verifyStore } from '../../src/store/embedded/verify.js';
import { makeTempDir, removeDir } from './helpers/temp-dir.js';

type Doc = Document & { _id: string; team: string; n: number };

const OPTS = { logger: pino({ level: 'silent' }), snapshotMinBytes: 0 };
const BEFORE: Doc[] = Array.from({ length: 50 }, (_, i) => ({ _id: `c${i}`, team: i % 2 ? 'north' : 'south', n: i }));

/** A store holding BEFORE in `children` (indexed by team) and one audit entry, closed cleanly (snapshots written). */
async function seed(dir: string): Promise<void> {
  const store = await openEmbeddedStore(dir, OPTS);
  const children = store.collection<Doc>('children');
  await children.createIndex({ team: 1 }, { name: 'team' });
  await children.insertMany(BEFORE.map((d) => ({ ...d })));
  await store.collection<Document & { _id: string }>('audit').insertOne({ _id: 'a0', action: 'seed' });
  await store.close();
}

/** The change under test: inserts, updates, a delete, and a collection that did not exist. */
async function change(store: EmbeddedStore): Promise<void> {
  const children = store.collection<Doc>('children');
  await children.insertMany(Array.from({ length: 30 }, (_, i) => ({ _id: `new${i}`, team: 'east', n: 100 + i })));
  await Promise.all(
    BEFORE.slice(0, 20).map((d) => children.updateOne({ _id: d._id }, { $set: { team: 'west', n: -1 } })),
  );
  await children.deleteOne({ _id: 'c49' });
  await store.collection<Document & { _id: string }>('staff').insertOne({ _id: 's1', name: 'new' });
  await store.collection<Document & { _id: string }>('audit').insertOne({ _id: 'a1', action: 'import' });
}

async function contents(store: EmbeddedStore): Promise<Record<string, unknown>> {
  const children = store.collection<Doc>('children');
  return {
    children: await children.find({}, { sort: { _id: 1 } }).toArray(),
    north: (await children.find({ team: 'north' }).toArray()).length,
    west: (await children.find({ team: 'west' }).toArray()).length,
    staff: await store.collection('staff').find({}).toArray(),
    audit: await store
      .collection('audit')
      .find({}, { sort: { _id: 1 } })
      .toArray(),
  };
}

const asBefore = {
  children: [...BEFORE].sort((a, b) => a._id.localeCompare(b._id)),
  north: 25,
  west: 0,
  staff: [],
  audit: [{ _id: 'a0', action: 'seed' }],
};

/** The data directory as kill -9 would leave it right now (every acknowledged write is on disk), minus the lock. */
async function crashImage(dir: string, into: string): Promise<string> {
  for (const f of await readdir(dir)) if (f !== 'LOCK') await copyFile(path.join(dir, f), path.join(into, f));
  return into;
}

describe('embedded store: an undoable change (undo-point.ts)', () => {
  let dir: string;
  let other: string;
  let store: EmbeddedStore | undefined;
  beforeEach(async () => {
    dir = await makeTempDir('undo');
    other = await makeTempDir('undo-crash');
    await seed(dir);
  });
  afterEach(async () => {
    sinon.restore();
    await store?.close();
    store = undefined;
    await removeDir(dir);
    await removeDir(other);
  });

  it('a change that completes is kept whole, and leaves nothing to undo', async () => {
    store = await openEmbeddedStore(dir, OPTS);
    assert.equal(await store.undoable('import', () => change(store!)), undefined);
    assert.ok(!(await readdir(dir)).includes(UNDO_FILE));
    await store.close();
    store = await openEmbeddedStore(dir, OPTS);
    assert.deepEqual(store.undoneAtOpen(), []);
    const seen = await contents(store);
    assert.equal((seen.children as Doc[]).length, 79);
    assert.equal(seen.west, 20);
    assert.equal((seen.staff as Document[]).length, 1);
    assert.equal((seen.audit as Document[]).length, 2);
  });

  it('kill -9 during the change: the next open keeps exactly what was there before, from its snapshot', async () => {
    store = await openEmbeddedStore(dir, OPTS);
    await store.undoable('import', async () => {
      await change(store!);
      await crashImage(dir, other); // every write above acknowledged, so on disk: the worst moment
    });
    assert.ok((await readdir(other)).includes(UNDO_FILE));

    const reopened = await openEmbeddedStore(other, OPTS);
    try {
      assert.deepEqual(reopened.undoneAtOpen(), ['import']);
      assert.deepEqual(await contents(reopened), asBefore);
      assert.ok(!(await readdir(other)).includes(UNDO_FILE));
      // The snapshot written before the change still names the log's bytes: start-up parses none of them.
      assert.equal(reopened.openedCollections().find((o) => o.name === 'children')?.from, 'snapshot');
      assert.equal((await stat(path.join(other, 'staff.log'))).size, 0);
      // And the store goes on: a write after the undo, then a clean reopen.
      await reopened.collection<Doc>('children').insertOne({ _id: 'after', team: 'north', n: 1 });
    } finally {
      await reopened.close();
    }
    const again = await openEmbeddedStore(other, OPTS);
    try {
      assert.equal((await again.collection('children').find({ team: 'north' }).toArray()).length, 26);
      assert.equal((await verifyStore(other)).damage, 0);
    } finally {
      await again.close();
    }
  });

  it('a change that throws is undone at once; the store must then be opened again', async () => {
    store = await openEmbeddedStore(dir, OPTS);
    await assert.rejects(
      store.undoable('import', async () => {
        await change(store!);
        throw new Error('planned failure');
      }),
      /planned failure/,
    );
    assert.ok(!(await readdir(dir)).includes(UNDO_FILE));
    assert.throws(() => store!.collection('children'), /open it again/);
    await store.close();
    store = await openEmbeddedStore(dir, OPTS);
    assert.deepEqual(store.undoneAtOpen(), []);
    assert.deepEqual(await contents(store), asBefore);
  });

  it('a full disk part-way through: nothing of the change is kept', async () => {
    store = await openEmbeddedStore(dir, OPTS);
    let writes = 0;
    const real = diskIo.write;
    sinon.stub(diskIo, 'write').callsFake(async (fh, buf) => {
      // The undo point and the first batch go through; then the disk is full.
      if (++writes > 3) throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
      return real(fh, buf);
    });
    await assert.rejects(
      store.undoable('import', () => change(store!)),
      (e: unknown) => isAppError(e, 'store-unavailable'),
    );
    sinon.restore();
    await store.close();
    store = await openEmbeddedStore(dir, OPTS);
    assert.deepEqual(await contents(store), asBefore);
  });

  it('a write of the change that failed keeps it from committing, even if the change goes on once the disk recovers', async () => {
    store = await openEmbeddedStore(dir, { ...OPTS, recoveryProbeMs: 10 });
    const children = store.collection<Doc>('children');
    await assert.rejects(
      store.undoable('import', async () => {
        await children.insertOne({ _id: 'first', team: 'east', n: 1 });
        const full = sinon
          .stub(diskIo, 'write')
          .rejects(Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' }));
        // A change that takes the refusal for a passing one (a retry, say) and writes on once the disk has room.
        await children.insertOne({ _id: 'lost', team: 'east', n: 2 }).catch(() => undefined);
        full.restore();
        while ((await store!.health()).status !== 'ok') await new Promise((resolve) => setTimeout(resolve, 5));
        await children.insertOne({ _id: 'last', team: 'east', n: 3 });
      }),
      (e: unknown) => isAppError(e, 'store-unavailable'),
    );
    await store.close();
    store = await openEmbeddedStore(dir, OPTS);
    assert.deepEqual(await contents(store), asBefore, 'nothing of a change with a lost write is kept');
  });

  it('holds compaction while the undo point stands, and compacts again after it', async () => {
    const compacting = { ...OPTS, compactThresholdBytes: 2000 };
    store = await openEmbeddedStore(dir, compacting);
    const children = store.collection<Doc>('children');
    const log = path.join(dir, 'children.log');
    let last = (await stat(log)).size;
    await store.undoable('rewrites', async () => {
      for (let i = 0; i < 60; i++) {
        await children.updateOne({ _id: 'c0' }, { $set: { n: 1000 + i, note: 'x'.repeat(400) } });
        const size = (await stat(log)).size;
        assert.ok(size > last, `the log only grows while an undo point stands (${i}: ${last} -> ${size})`);
        last = size;
      }
    });
    assert.ok(last > 5 * 4500, 'over 4x the live data (~4 KB): compacted at the next write but for the undo point');
    await children.updateOne({ _id: 'c0' }, { $set: { n: 99 } });
    await store.close();
    assert.ok((await stat(log)).size < last, 'compacted once the change completed');
  });

  it('refuses a second undoable change while one runs', async () => {
    store = await openEmbeddedStore(dir, OPTS);
    const first = store.undoable('one', () => new Promise<void>((resolve) => setTimeout(resolve, 20)));
    await assert.rejects(
      store.undoable('two', async () => undefined),
      /already running an undoable change/,
    );
    await first;
  });

  it('refuses to open when the undo point is damaged, or a log is shorter than it says, and cuts nothing', async () => {
    await writeFile(path.join(dir, UNDO_FILE), '{"format":1,"label":"import","logBytes":{"children":');
    const sizes = async () =>
      Promise.all(['children.log', 'audit.log'].map(async (f) => (await stat(path.join(dir, f))).size));
    const before = await sizes();
    await assert.rejects(
      openEmbeddedStore(dir, OPTS),
      (e: unknown) => isAppError(e, 'store-corrupt') && /damaged/.test(e.message),
    );
    await writeFile(
      path.join(dir, UNDO_FILE),
      JSON.stringify({ format: 1, label: 'import', logBytes: { children: 10 ** 9, audit: 10 } }),
    );
    await assert.rejects(
      openEmbeddedStore(dir, OPTS),
      (e: unknown) => isAppError(e, 'store-corrupt') && /children\.log is shorter/.test(e.message),
    );
    assert.deepEqual(await sizes(), before);
    const report = await verifyStore(dir);
    assert.deepEqual(report.undo, { cutBytes: { 'audit.log': before[1]! - 10 }, shorter: ['children.log'] });
    assert.ok(report.damage > 0);
  });

  it('backup from the data directory never copies part of a change that commits while it reads', async () => {
    store = await openEmbeddedStore(dir, OPTS);
    // Logs read between the first and the last one the change writes: time for whole changes to come and go.
    for (let i = 0; i < 16; i++)
      await store.collection<Document & { _id: string }>(`f${String(i).padStart(2, '0')}`).insertOne({ _id: 'x' });
    const audit = store.collection<Document & { _id: string }>('audit');
    const last = store.collection<Document & { _id: string }>('zlast');
    let running = true;
    let changes = 0;
    const changing = (async () => {
      while (running) {
        const n = ++changes;
        await store!.undoable('pair', async () => {
          await audit.insertOne({ _id: `p${n}` });
          await last.insertOne({ _id: `p${n}` });
        });
      }
    })();
    const seen: string[] = [];
    try {
      for (let b = 0; b < 12; b++) {
        const { collections } = await backupStore(dir, path.join(other, `b${b}`));
        const count = (name: string) => collections.find((c) => c.name === name)?.documents ?? 0;
        seen.push(`${count('audit') - 1}/${count('zlast')}`);
      }
    } finally {
      running = false;
      await changing;
    }
    assert.ok(changes > 12, `changes came and went while backups read (${changes})`);
    assert.deepEqual(
      seen.filter((s) => s.split('/')[0] !== s.split('/')[1]),
      [],
      `each change whole or not at all in every backup: ${seen.join(' ')}`,
    );
  });

  it('--repair sets a damaged undo point aside in quarantine and keeps the logs as they are', async () => {
    await writeFile(path.join(dir, UNDO_FILE), 'not json');
    const { actions } = await repairStore(dir);
    assert.match(
      actions.join('\n'),
      /UNDO\.json: damaged; set aside in quarantine\/UNDO\.json\.[^ ]+\. The logs may hold/,
    );
    assert.ok(!(await readdir(dir)).includes(UNDO_FILE));
    assert.equal((await readdir(path.join(dir, 'quarantine'))).length, 1);
    store = await openEmbeddedStore(dir, OPTS);
    assert.deepEqual(await contents(store), asBefore);
  });

  it('backup and verify-store see the store as the next open will; --repair undoes the change', async () => {
    store = await openEmbeddedStore(dir, OPTS);
    await store.undoable('import', async () => {
      await change(store!);
      await crashImage(dir, other);
    });
    await store.close();
    store = undefined;

    const report = await verifyStore(other);
    assert.equal(report.damage, 0);
    assert.ok(report.undo && report.undo !== 'damaged' && report.undo.cutBytes['children.log']! > 0);
    assert.match(formatReport(report).join('\n'), /UNDO\.json: an import a crash cut short; the next start undoes it/);

    const copy = path.join(other, 'backup');
    await backupStore(other, copy);
    const restored = await openEmbeddedStore(copy, OPTS);
    try {
      assert.deepEqual(await contents(restored), asBefore);
    } finally {
      await restored.close();
    }

    const { actions } = await repairStore(other);
    assert.match(
      actions.join('\n'),
      /UNDO\.json: undid an import a crash cut short \(.*children\.log cut back by \d+ bytes/,
    );
    assert.ok(!(await readdir(other)).includes(UNDO_FILE));
    const repaired = await openEmbeddedStore(other, OPTS);
    try {
      assert.deepEqual(repaired.undoneAtOpen(), []);
      assert.deepEqual(await contents(repaired), asBefore);
    } finally {
      await repaired.close();
    }
    assert.equal(JSON.parse(await readFile(path.join(dir, 'MANIFEST.json'), 'utf8')).collections.length, 3);
  });
});
