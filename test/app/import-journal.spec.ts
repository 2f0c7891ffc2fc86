// The import's write-ahead journal (src/store/import-journal.ts, src/app/import/apply-import.ts),
// driven in-process at the exact moments a crash could hit: after the commit, before it, and with a
// bot change landing between planning and applying.
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { completeInterruptedImports } from '../../src/app/import/apply-import.js';
import { runImport } from '../../src/app/import/run-import.js';
import { loadConfig } from '../../src/config.js';
import { startIroBot } from '../../src/index.js';
import { createLogger } from '../../src/logger.js';
import type { Store } from '../../src/store/doc-collection.js';
import { openEmbeddedStore } from '../../src/store/embedded/embedded-store.js';
import { IMPORT_JOURNAL_COLLECTION, ImportJournal, JOURNAL_CHUNK_BYTES } from '../../src/store/import-journal.js';
import { AuditLog } from '../../src/store/repositories/audit-log.js';
import { ChildrenRepository } from '../../src/store/repositories/children-repository.js';
import { syntheticImport } from '../fixtures/import/synthetic-import.js';

const NOW = new Date('2016-07-01T09:00:00Z');
const fixture = (): any => JSON.parse(readFileSync('test/fixtures/import/small-valid.json', 'utf8'));
class SimulatedCrash extends Error {}

describe('import journal: crash points', function () {
  this.timeout(120_000);
  let dir: string;
  let store: Store | undefined;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'iro-import-journal-'));
  });
  afterEach(async () => {
    await store?.close();
    store = undefined;
    await rm(dir, { recursive: true, force: true });
  });

  it('a crash right after the commit: nothing applied yet, and the next bot start completes all of it first', async () => {
    store = await openEmbeddedStore(dir);
    const doc = syntheticImport(5000);
    await assert.rejects(
      runImport(store, doc, {
        sourceName: 'big.json',
        now: NOW,
        afterCommit: () => {
          throw new SimulatedCrash('kill -9');
        },
      }),
      SimulatedCrash,
    );
    const chunks = await store.collection(IMPORT_JOURNAL_COLLECTION).find({ kind: 'chunk' }).toArray();
    // Chunked: several chunks, each far below MongoDB's 16 MB document limit.
    assert.ok(chunks.length >= 2, `${chunks.length} chunk(s)`);
    for (const c of chunks) assert.ok(JSON.stringify(c.items).length <= JOURNAL_CHUNK_BYTES + 10_000);
    assert.equal(await new ChildrenRepository(store).count(), 0, 'applied before the process "died"');
    await store.close();
    store = undefined;

    const config = loadConfig({ PORT: '0', DATA_DIR: dir, LOG_LEVEL: 'silent', IRO_NOW: NOW.toISOString() });
    const bot = await startIroBot(config, createLogger('silent'), { jobs: false });
    try {
      assert.equal(await new ChildrenRepository(bot.store).count(), 5000);
      const audit = await new AuditLog(bot.store).list({ action: 'import' });
      assert.deepEqual(
        audit.map((a) => [a.details!.sourceName, (a.details!.children as { inserted: number }).inserted]),
        [['big.json', 5000]],
      );
      const left = await bot.store.collection(IMPORT_JOURNAL_COLLECTION).find({}).toArray();
      assert.deepEqual(
        left.map((d) => [d.kind, d.state]),
        [['head', 'done']],
        'chunks removed, head kept as done',
      );
    } finally {
      await bot.stop();
    }
  });

  it('a crash before the commit: the journal is discarded and the store is as before', async () => {
    store = await openEmbeddedStore(dir);
    await runImport(store, fixture(), { sourceName: 'base.json', now: NOW });
    const before = await new ChildrenRepository(store).listAll();
    const doc = fixture();
    doc.children[0].legalStatus = 'placement-order';
    // What a process killed while writing its journal leaves behind.
    const writer = await new ImportJournal(store).begin({ sourceName: 'cut.json' });
    await writer.write('children', doc.children);
    await store.close();

    store = await openEmbeddedStore(dir);
    assert.deepEqual(await completeInterruptedImports(store), { completed: 0, discarded: 1 });
    assert.deepEqual(await new ChildrenRepository(store).listAll(), before);
    assert.deepEqual(
      await store
        .collection(IMPORT_JOURNAL_COLLECTION)
        .find({ state: { $ne: 'done' } })
        .toArray(),
      [],
    );
    assert.equal((await new AuditLog(store).list()).length, 1);
  });

  it('a bot change landing between commit and apply is kept, and the import still applies', async () => {
    store = await openEmbeddedStore(dir);
    await runImport(store, fixture(), { sourceName: 'base.json', now: NOW });
    const children = new ChildrenRepository(store);
    const doc = fixture();
    doc.children[0].legalStatus = 'placement-order';
    const r = await runImport(store, doc, {
      sourceName: 'b.json',
      now: NOW,
      afterCommit: () => {
        void children.updateVersioned(
          'C1001',
          1,
          { $push: { reviews: { id: 'C1001-2', heldOn: '2016-06-20', chairId: 'iro-1', source: 'bot' } } },
          { at: NOW, by: { id: 'iro-1' }, action: 'review.held' },
        );
      },
    });
    assert.deepEqual(r.children, { inserted: 0, updated: 1, unchanged: 2 });
    const c = (await children.get('C1001'))!;
    assert.equal(c.legalStatus, 'placement-order');
    assert.deepEqual(
      c.reviews.map((x) => [x.id, x.source]),
      [
        ['C1001-1', 'import'],
        ['C1001-2', 'bot'],
      ],
    );
    assert.deepEqual(
      c.history.map((h) => h.action),
      ['import', 'review.held', 'import'],
    );
    assert.equal(c.version, 3);
  });

  it('a committed journal written before issue 12 (its items as JSON text) is still completed', async () => {
    store = await openEmbeddedStore(dir);
    const doc = fixture();
    await assert.rejects(
      runImport(store, doc, {
        sourceName: 'old.json',
        now: NOW,
        afterCommit: () => {
          throw new SimulatedCrash('kill -9');
        },
      }),
      SimulatedCrash,
    );
    // Rewrites each chunk as an earlier version wrote it.
    const col = store.collection<{ _id: string; kind: string; items?: unknown[]; json?: string }>(
      IMPORT_JOURNAL_COLLECTION,
    );
    const chunks = await col.find({ kind: 'chunk' }).toArray();
    assert.ok(chunks.length > 0);
    for (const c of chunks) {
      await col.updateOne({ _id: c._id }, { $set: { json: JSON.stringify(c.items) }, $unset: { items: '' } });
    }
    assert.deepEqual(await completeInterruptedImports(store), { completed: 1, discarded: 0 });
    assert.equal(await new ChildrenRepository(store).count(), doc.children.length);
  });

  it('an unchanged re-import journals no chunks, only a head for its audit entry', async () => {
    store = await openEmbeddedStore(dir);
    await runImport(store, fixture(), { sourceName: 'a.json', now: NOW });
    const journalled = async () => (await store!.collection(IMPORT_JOURNAL_COLLECTION).find({}).toArray()).length;
    const n = await journalled();
    await runImport(store, fixture(), { sourceName: 'a.json', now: NOW });
    assert.equal(await journalled(), n + 1, 'one small head per run');
    assert.equal((await new AuditLog(store).list()).length, 2);
  });
});
