import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runImport } from '../../src/app/import/run-import.js';
import { syncImport } from '../../src/app/import/sync-import.js';
import { createImportFolder, IMPORT_FOLDER_LEASE, type ImportFolder } from '../../src/jobs/import-folder.js';
import { jobLease } from '../../src/jobs/lease.js';
import { createLogger } from '../../src/logger.js';
import type { Store } from '../../src/store/doc-collection.js';
import { openEmbeddedStore } from '../../src/store/embedded/embedded-store.js';
import { ChildrenRepository } from '../../src/store/repositories/children-repository.js';
import { CHILDREN_CSV, MAPPING, smallService } from './sync-helpers.js';

// IMPORT_DIR with several instances (issue 14): two bot instances watching one folder on one store (the
// MongoDB contract, embedded: one process) — one lease, so exactly one instance takes each file; a
// stopped instance gives the lease up; a stalled one loses it when it expires, and the other takes over.
const NOW = new Date('2026-11-23T09:00:00Z');
const TTL = 60_000;

describe('sync: the watched folder shared by two instances (lease)', function () {
  this.timeout(60_000);
  let dataDir: string;
  let dir: string;
  let store: Store;
  let wall: number;
  const clock = () => new Date(wall);

  beforeEach(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'iro-folder-lease-'));
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'iro-import-dir-'));
    store = await openEmbeddedStore(dataDir);
    await runImport(store, smallService(), { sourceName: 'seed', now: NOW });
    fs.writeFileSync(path.join(dir, 'mapping.json'), JSON.stringify(MAPPING));
    wall = NOW.getTime();
  });
  afterEach(async () => {
    await store.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const instance = (holder: string): ImportFolder =>
    createImportFolder({
      dir,
      stableMs: 0,
      intervalMs: 60_000,
      maxBytes: 1024 * 1024,
      logger: createLogger('silent'),
      clock,
      sync: (payload, source) => syncImport({ store }, { payload, source, via: 'folder', now: NOW }),
      lease: jobLease(store, IMPORT_FOLDER_LEASE, holder, TTL, clock),
    });
  const runs = async () =>
    (await store.collection('import-runs').find({}).toArray()) as unknown as { status: string }[];
  const results = () => fs.readdirSync(path.join(dir, 'done')).filter((f) => f.endsWith('.result.json'));

  it('scanning at the same moment, exactly one instance imports the file; the other leaves it', async () => {
    const [a, b] = [instance('host-a:1:aaaa'), instance('host-b:1:bbbb')];
    fs.writeFileSync(path.join(dir, 'nightly.csv'), CHILDREN_CSV);
    await Promise.all([a.scanOnce(), b.scanOnce()]); // first seen by both
    const [ra, rb] = await Promise.all([a.scanOnce(), b.scanOnce()]);
    assert.deepEqual([...ra.done, ...rb.done], ['nightly.csv'], JSON.stringify({ ra, rb }));
    assert.deepEqual([...ra.refused, ...rb.refused], []);
    const winner = ra.done.length ? a : b;
    const other = winner === a ? b : a;
    assert.deepEqual(results(), ['nightly.csv.result.json'], 'one result, no time-stamped second');
    assert.deepEqual(
      (await runs()).map((r) => r.status),
      ['applied'],
      'imported once',
    );
    assert.equal((await new ChildrenRepository(store).get('C200'))!.version, 1);

    // While the winner holds the lease, a new file waits for it, however often the other scans.
    fs.writeFileSync(path.join(dir, 'second.json'), JSON.stringify({ ...smallService(), children: [] }));
    await other.scanOnce();
    assert.deepEqual((await other.scanOnce()).waiting, ['second.json']);
    assert.ok(fs.existsSync(path.join(dir, 'second.json')));
    // The winner stops (gives the lease up): the other takes the next file at once.
    await winner.stop();
    assert.deepEqual((await other.scanOnce()).done, ['second.json']);
  });

  it('an instance that stalls keeps the file until its lease expires; then the other takes over', async () => {
    const [a, b] = [instance('host-a:1:aaaa'), instance('host-b:1:bbbb')];
    fs.writeFileSync(path.join(dir, 'first.json'), JSON.stringify({ ...smallService(), children: [] }));
    await a.scanOnce();
    assert.deepEqual((await a.scanOnce()).done, ['first.json']); // a holds the lease now, then stalls
    fs.writeFileSync(path.join(dir, 'nightly.csv'), CHILDREN_CSV);
    await b.scanOnce();
    wall += TTL - 1;
    assert.deepEqual((await b.scanOnce()).waiting, ['nightly.csv'], 'still a live lease');
    wall += 2;
    assert.deepEqual((await b.scanOnce()).done, ['nightly.csv'], 'expired: taken over');
    assert.equal((await new ChildrenRepository(store).get('C200'))!.version, 1);
  });
});
