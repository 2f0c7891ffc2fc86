// Issue 10 point 7: kill -9 during `npm run import` at random moments. After each kill the store,
// opened as the bot and the import open it (completeInterruptedImports first), holds none or all of
// the file — children, staff and the audit entry — and re-running completes it, idempotently.
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { statfsSync, watch } from 'node:fs';
import { mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { completeInterruptedImports } from '../../src/app/import/apply-import.js';
import { runImport } from '../../src/app/import/run-import.js';
import type { Store } from '../../src/store/doc-collection.js';
import { openEmbeddedStore } from '../../src/store/embedded/embedded-store.js';
import { UNDO_FILE } from '../../src/store/embedded/undo-point.js';
import { verifyStore } from '../../src/store/embedded/verify.js';
import { AuditLog } from '../../src/store/repositories/audit-log.js';
import { ChildrenRepository } from '../../src/store/repositories/children-repository.js';
import { StaffRepository } from '../../src/store/repositories/staff-repository.js';
import { syntheticImport } from '../fixtures/import/synthetic-import.js';

// Defaults keep the suite quick; IMPORT_CRASH_ROUNDS=20 IMPORT_CRASH_CHILDREN=2000 for a longer soak.
const ROUNDS = Number(process.env.IMPORT_CRASH_ROUNDS ?? 4);
const CHILDREN = Number(process.env.IMPORT_CRASH_CHILDREN ?? 1000);
const NEW_PER_ROUND = 100;
const IRO_NOW = '2016-07-01T09:00:00Z';

type Doc = any;

/**
 * The real CLI (`npm run import` runs `tsx src/cli/import.ts`), optionally killed after `kill` ms, or as it writes
 * the change's first lines: once its undo point appeared in the data directory.
 */
function runCli(
  dataDir: string,
  file: string,
  kill?: number | 'after-undo-point',
): Promise<{ code: number | null; signal: NodeJS.Signals | null; out: string; err: string; ms: number }> {
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, IRO_NOW, LOG_LEVEL: 'silent' };
  delete env.MONGODB_URI;
  const started = Date.now();
  const child = spawn(process.execPath, ['--import', 'tsx', resolve('src/cli/import.ts'), file], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
  child.stderr.setEncoding('utf8').on('data', (d: string) => (err += d));
  const timer = typeof kill === 'number' ? setTimeout(() => child.kill('SIGKILL'), kill) : undefined;
  // After the undo point appears, the next write to children.log: a kill in the middle of applying the change.
  let undoPointSeen = false;
  const watcher =
    kill === 'after-undo-point'
      ? watch(dataDir, (_event, name) => {
          if (name === UNDO_FILE) undoPointSeen = true;
          else if (undoPointSeen && name === 'children.log') child.kill('SIGKILL');
        })
      : undefined;
  return new Promise((res, rej) => {
    child.on('error', rej);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      watcher?.close();
      res({ code, signal, out, err, ms: Date.now() - started });
    });
  });
}

/** Round r's file: every child renamed "R<r>", NEW_PER_ROUND new children, one new member of staff. */
function roundFile(base: Doc, round: number): Doc {
  const doc = structuredClone(base);
  for (const c of doc.children) c.familyName = `R${round}`;
  const template = doc.children[0];
  for (let i = 0; i < NEW_PER_ROUND; i++) {
    doc.children.push({ ...structuredClone(template), ref: `N${round}-${i}`, familyName: `R${round}` });
  }
  doc.staff.push({ id: `iro-r${round}`, name: `Round ${round}`, roles: ['iro'], team: 'reviewing' });
  return doc;
}

interface Seen {
  renamed: number;
  added: number;
  staff: boolean;
  audit: number;
}

async function look(store: Store, round: number): Promise<Seen> {
  const all = await new ChildrenRepository(store).listAll();
  const audit = await new AuditLog(store).list({ action: 'import', 'details.sourceName': `round-${round}.json` });
  return {
    renamed: all.filter((c) => c.familyName === `R${round}`).length,
    added: all.filter((c) => c._id.startsWith(`N${round}-`)).length,
    staff: (await new StaffRepository(store).get(`iro-r${round}`)) !== null,
    audit: audit.length,
  };
}

describe('import survives kill -9 (crash-atomic, src/cli/import.ts)', function () {
  this.timeout(600_000);
  let dir: string;
  after(() => (dir ? rm(dir, { recursive: true, force: true }) : undefined));

  it(`shows none or all of the file after ${ROUNDS} kills at random moments, and a re-run completes it`, async () => {
    dir = await mkdtemp(join(tmpdir(), 'iro-import-crash-'));
    const dataDir = join(dir, 'data');
    const base = syntheticImport(CHILDREN) as Doc;
    const total = CHILDREN + NEW_PER_ROUND;
    await writeFile(join(dir, 'base.json'), JSON.stringify(base));
    const first = await runCli(dataDir, join(dir, 'base.json'));
    assert.equal(first.code, 0, first.err);
    const fullRun = first.ms;

    const outcomes = { none: 0, all: 0, completedOnOpen: 0, discardedOnOpen: 0, finishedBeforeKill: 0 };
    for (let round = 1; round <= ROUNDS; round++) {
      const file = join(dir, `round-${round}.json`);
      await writeFile(file, JSON.stringify(roundFile(base, round)));
      // Spread the kills over the whole run: start-up, validation, journal, commit, apply.
      const killAt = Math.round(fullRun * (0.3 + 1.2 * Math.random()));
      const killed = await runCli(dataDir, file, killAt);
      if (killed.signal !== 'SIGKILL') {
        assert.equal(killed.code, 0, killed.err);
        outcomes.finishedBeforeKill++;
      }

      // Open as the bot and the import do: interrupted imports are settled before anything reads.
      const store = await openEmbeddedStore(dataDir);
      try {
        const settled = await completeInterruptedImports(store);
        outcomes.completedOnOpen += settled.completed;
        outcomes.discardedOnOpen += settled.discarded;
        const seen = await look(store, round);
        const none = seen.renamed === 0 && seen.added === 0 && !seen.staff && seen.audit === 0;
        const all = seen.renamed === total && seen.added === NEW_PER_ROUND && seen.staff && seen.audit === 1;
        assert.ok(
          none || all,
          `round ${round} (killed at ${killAt} ms): partial import visible ${JSON.stringify(seen)}`,
        );
        if (none) outcomes.none++;
        else outcomes.all++;
      } finally {
        await store.close();
      }

      const rerun = await runCli(dataDir, file);
      assert.equal(rerun.code, 0, rerun.err);
      const store2 = await openEmbeddedStore(dataDir);
      try {
        // Idempotent: once complete, the same file again changes nothing.
        const again = await runImport(store2, JSON.parse(await readFile(file, 'utf8')), {
          sourceName: `round-${round}.json`,
          now: new Date(IRO_NOW),
        });
        assert.deepEqual(
          again.children,
          { inserted: 0, updated: 0, unchanged: total },
          'a second re-run must change nothing',
        );
        const seen = await look(store2, round);
        assert.deepEqual(
          { ...seen, audit: seen.audit >= 2 },
          { renamed: total, added: NEW_PER_ROUND, staff: true, audit: true },
        );
        const children = await new ChildrenRepository(store2).listAll();
        assert.equal(children.length, total + NEW_PER_ROUND * (round - 1));
        // Applied once: a re-applied chunk never adds a second history entry for the same change.
        const renamedTwice = children.filter(
          (c) =>
            c.history.filter((h) => (h.after as { familyName?: string } | undefined)?.familyName === `R${round}`)
              .length > 1,
        );
        assert.deepEqual(
          renamedTwice.map((c) => c._id),
          [],
        );
      } finally {
        await store2.close();
      }
    }
    console.log(`      kill -9 outcomes: ${JSON.stringify(outcomes)} (full run ${fullRun} ms)`);
    assert.equal(outcomes.none + outcomes.all, ROUNDS);
  });

  it('a disk that fills up while it writes: it says so, keeps nothing of the file, and a re-run with space completes it', async function () {
    if (process.platform !== 'linux' || process.getuid?.() !== 0) return this.skip();
    const mnt = await mkdtemp(join(tmpdir(), 'iro-import-full-'));
    try {
      execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=16m', 'tmpfs', mnt], { stdio: 'ignore' });
    } catch {
      await rm(mnt, { recursive: true, force: true });
      return this.skip();
    }
    try {
      const dataDir = join(mnt, 'data');
      const base = syntheticImport(CHILDREN) as Doc;
      const file = join(dir ?? tmpdir(), `full-disk-${process.pid}.json`);
      await writeFile(file, JSON.stringify(base));
      assert.equal((await runCli(dataDir, file)).code, 0);
      // Room for about half of what the next import appends (it rewrites every child): it fails part-way.
      const appends = (await stat(join(dataDir, 'children.log'))).size;
      const free = statfsSync(mnt).bavail * statfsSync(mnt).bsize;
      await writeFile(join(mnt, 'filler'), Buffer.alloc(Math.max(0, free - Math.floor(appends / 2))));
      await writeFile(file, JSON.stringify(roundFile(base, 1)));
      const failed = await runCli(dataDir, file);
      assert.equal(failed.code, 1, failed.out);
      assert.match(
        failed.err,
        /full-disk-\d+\.json: nothing was imported: disk full: cannot write DATA_DIR\/children\.log\n$/,
      );
      assert.ok(!(await readdir(dataDir)).includes(UNDO_FILE), 'undone at once, not left for the next open');
      await rm(join(mnt, 'filler'));
      const store = await openEmbeddedStore(dataDir);
      try {
        assert.deepEqual(store.undoneAtOpen(), []);
        assert.deepEqual(await look(store, 1), { renamed: 0, added: 0, staff: false, audit: 0 });
        assert.equal(await new ChildrenRepository(store).count(), CHILDREN);
      } finally {
        await store.close();
      }
      assert.equal((await verifyStore(dataDir)).damage, 0);
      const rerun = await runCli(dataDir, file);
      assert.equal(rerun.code, 0, rerun.err);
      await rm(file);
    } finally {
      execFileSync('umount', [mnt]);
      await rm(mnt, { recursive: true, force: true });
    }
  });

  it('killed while it writes: the next open undoes it (the store, or the next import, which says so)', async () => {
    const work = await mkdtemp(join(tmpdir(), 'iro-import-undo-'));
    try {
      const dataDir = join(work, 'data');
      const base = syntheticImport(CHILDREN) as Doc;
      await writeFile(join(work, 'base.json'), JSON.stringify(base));
      assert.equal((await runCli(dataDir, join(work, 'base.json'))).code, 0);
      for (const round of [1, 2]) {
        const file = join(work, `round-${round}.json`);
        await writeFile(file, JSON.stringify(roundFile(base, round)));
        const killed = await runCli(dataDir, file, 'after-undo-point');
        assert.equal(killed.signal, 'SIGKILL', `round ${round}: the import was not killed: ${killed.err}`);
        if (round === 1) {
          // Opened as the bot opens it: the lines the import had written are cut off.
          const written = (await stat(join(dataDir, 'children.log'))).size;
          const store = await openEmbeddedStore(dataDir);
          try {
            assert.deepEqual(store.undoneAtOpen(), ['import']);
            assert.ok((await stat(join(dataDir, 'children.log'))).size < written, 'nothing of the import was cut');
            assert.deepEqual(await look(store, round), { renamed: 0, added: 0, staff: false, audit: 0 });
          } finally {
            await store.close();
          }
        }
        const rerun = await runCli(dataDir, file);
        assert.equal(rerun.code, 0, rerun.err);
        if (round === 2) assert.match(rerun.out, /discarded first: 1 earlier import\(s\) interrupted before commit/);
        else assert.doesNotMatch(rerun.out, /discarded first/);
        const store = await openEmbeddedStore(dataDir);
        try {
          assert.deepEqual(await look(store, round), {
            renamed: CHILDREN + NEW_PER_ROUND,
            added: NEW_PER_ROUND,
            staff: true,
            audit: 1,
          });
        } finally {
          await store.close();
        }
      }
    } finally {
      await rm(work, { recursive: true, force: true });
    }
  });
});
