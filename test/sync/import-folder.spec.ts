import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startHarness, cardOf, type Harness } from '../helpers/bot-harness.js';
import { messageActivity } from '../helpers/activities.js';
import { admin } from '../helpers/people.js';
import { runImport } from '../../src/app/import/run-import.js';
import { syncImport, type SyncDeps } from '../../src/app/import/sync-import.js';
import { createImportFolder } from '../../src/jobs/import-folder.js';
import { createLogger } from '../../src/logger.js';
import { openEmbeddedStore } from '../../src/store/embedded/embedded-store.js';
import { ChildrenRepository } from '../../src/store/repositories/children-repository.js';
import { CHILDREN_CSV, MAPPING, smallService } from './sync-helpers.js';

// The watched folder (IMPORT_DIR): a CSV renamed in is imported once complete, moved to done/ with its
// result, and reported in Teams; a bad file goes to refused/ and changes nothing; a crash mid-import
// leaves the file where it was, and the next scan finishes and recognises it.

const NOW = new Date('2026-11-23T09:00:00Z');

describe('sync: the watched folder', function () {
  this.timeout(60_000);

  describe('with the bot running (fake Teams connector)', () => {
    let h: Harness;
    let dir: string;

    before(async () => {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'iro-import-dir-'));
      // Scans are driven by the test (the job's own timer waits an hour); the outbox sender runs.
      h = await startHarness({
        importDoc: smallService(),
        jobs: true,
        env: { IMPORT_DIR: dir, IMPORT_STABLE_SECONDS: '0', IMPORT_SCAN_SECONDS: '3600' },
      });
      await h.ask(messageActivity(h.connector.url, admin, 'help'));
    });
    after(async () => {
      await h?.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    });

    it('a CSV written elsewhere and renamed in is imported on the next scan after the quiet time, moved to done/, and reported to the admin', async () => {
      fs.writeFileSync(path.join(dir, 'mapping.json'), JSON.stringify(MAPPING));
      fs.writeFileSync(path.join(dir, '.nightly.csv.part'), CHILDREN_CSV.slice(0, 40));
      const partial = await h.bot.importFolder!.scanOnce();
      assert.deepEqual(partial, { done: [], refused: [], waiting: [] }, 'a hidden part file is never read');
      fs.writeFileSync(path.join(dir, '.nightly.csv.part'), CHILDREN_CSV);
      fs.renameSync(path.join(dir, '.nightly.csv.part'), path.join(dir, 'nightly.csv'));

      const first = await h.bot.importFolder!.scanOnce();
      assert.deepEqual(first.waiting, ['nightly.csv'], 'first seen: not yet known to be complete');
      assert.equal(await h.bot.deps.children.get('C200'), null);
      const second = await h.bot.importFolder!.scanOnce();
      assert.deepEqual(second.done, ['nightly.csv']);

      assert.equal((await h.bot.deps.children.get('C200'))!.familyName, 'Parry');
      assert.deepEqual(fs.readdirSync(dir).sort(), ['done', 'mapping.json'], 'the shared mapping stays');
      const result = JSON.parse(fs.readFileSync(path.join(dir, 'done', 'nightly.csv.result.json'), 'utf8'));
      assert.equal(result.outcome, 'imported');
      assert.deepEqual(result.children, { inserted: 2, updated: 0, unchanged: 0 });
      assert.ok(fs.existsSync(path.join(dir, 'done', 'nightly.csv')));

      const end = Date.now() + 10_000;
      let report;
      while (
        !(report = h.connector.received.find((a) => a.body?.summary === 'Case system import done')) &&
        Date.now() < end
      )
        await new Promise((r) => setTimeout(r, 50));
      assert.ok(report, 'the admin got the report in Teams');
      assert.equal(report.conversationId, `a:personal-${admin.id}`);
      const { text } = cardOf(report);
      assert.match(text, /From the import folder: nightly\.csv/);
      assert.match(text, /2 new, 0 updated, 0 unchanged/);
      assert.doesNotMatch(text, /Rhys|Parry|Nia|Hughes/, 'no child names');
    });

    it('the same CSV again goes to done/ as already imported (nothing changed); a bad one to refused/ with its problems, nothing changed', async () => {
      const before = await new ChildrenRepository(h.bot.store).listAll();
      fs.writeFileSync(path.join(dir, 'nightly.csv'), CHILDREN_CSV);
      fs.writeFileSync(path.join(dir, 'broken.json'), '{"formatVersion": 1, "children": [');
      fs.writeFileSync(path.join(dir, 'bad.csv'), CHILDREN_CSV.replace('iro-2', 'iro-9'));
      await h.bot.importFolder!.scanOnce();
      const r = await h.bot.importFolder!.scanOnce();
      assert.deepEqual(r, { done: ['nightly.csv'], refused: ['bad.csv', 'broken.json'], waiting: [] });
      assert.deepEqual(await new ChildrenRepository(h.bot.store).listAll(), before);
      const again = fs
        .readdirSync(path.join(dir, 'done'))
        .filter((f) => f.endsWith('nightly.csv.result.json') && f !== 'nightly.csv.result.json');
      assert.equal(again.length, 1, 'a second file of the same name is kept beside the first, time-stamped');
      assert.equal(JSON.parse(fs.readFileSync(path.join(dir, 'done', again[0]!), 'utf8')).outcome, 'already-imported');
      const bad = JSON.parse(fs.readFileSync(path.join(dir, 'refused', 'bad.csv.result.json'), 'utf8'));
      assert.ok(
        bad.problems.some((p: string) => /^children\[1\]\.iroId: .*iro-9.*\(bad\.csv line 3\)$/.test(p)),
        bad.problems.join('\n'),
      );
      assert.deepEqual(
        JSON.parse(fs.readFileSync(path.join(dir, 'refused', 'broken.json.result.json'), 'utf8')).problems,
        ['(document): not valid JSON'],
      );
    });
  });

  describe('crash recovery', () => {
    let dataDir: string;
    let dir: string;
    beforeEach(() => {
      dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'iro-sync-crash-'));
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'iro-import-dir-'));
    });
    afterEach(() => {
      fs.rmSync(dataDir, { recursive: true, force: true });
      fs.rmSync(dir, { recursive: true, force: true });
    });

    for (const when of ['afterCommit', 'afterApply'] as const) {
      it(`a crash ${when === 'afterCommit' ? 'after the journal is committed, before it is applied' : 'after the import is applied, before the run is recorded'}: the file stays; the next scan finishes and recognises it`, async () => {
        let store = await openEmbeddedStore(dataDir);
        await runImport(store, smallService(), { sourceName: 'seed', now: NOW });
        fs.writeFileSync(path.join(dir, 'mapping.json'), JSON.stringify(MAPPING));
        fs.writeFileSync(path.join(dir, 'nightly.csv'), CHILDREN_CSV);
        const folder = (deps: SyncDeps) =>
          createImportFolder({
            dir,
            stableMs: 0,
            intervalMs: 60_000,
            maxBytes: 1024 * 1024,
            logger: createLogger('silent'),
            clock: () => new Date(),
            sync: (payload, source) => syncImport(deps, { payload, source, via: 'folder', now: NOW }),
          });
        const crashing = folder({
          store,
          [when]: () => {
            throw new Error('simulated crash');
          },
        });
        await crashing.scanOnce();
        await assert.rejects(crashing.scanOnce(), /simulated crash/);
        assert.ok(fs.existsSync(path.join(dir, 'nightly.csv')), 'the file was not moved');
        await store.close(); // the process "restarts"

        store = await openEmbeddedStore(dataDir);
        try {
          const restarted = folder({ store });
          await restarted.scanOnce();
          const r = await restarted.scanOnce();
          assert.deepEqual(r.done, ['nightly.csv']);
          const result = JSON.parse(fs.readFileSync(path.join(dir, 'done', 'nightly.csv.result.json'), 'utf8'));
          assert.equal(result.outcome, 'imported');
          assert.equal(result.recovered, true, 'recognised as the run a crash interrupted');
          const children = new ChildrenRepository(store);
          assert.equal((await children.get('C200'))!.version, 1, 'applied once');
          const runs = (await store.collection('import-runs').find({}).toArray()) as any[];
          assert.deepEqual(
            runs.map((x) => x.status),
            ['applied'],
          );
          // And once more: recognised by its content, nothing applied.
          fs.copyFileSync(path.join(dir, 'done', 'nightly.csv'), path.join(dir, 'again.csv'));
          await restarted.scanOnce();
          await restarted.scanOnce();
          assert.equal(
            JSON.parse(fs.readFileSync(path.join(dir, 'done', 'again.csv.result.json'), 'utf8')).outcome,
            'already-imported',
          );
        } finally {
          await store.close();
        }
      });
    }
  });
});
