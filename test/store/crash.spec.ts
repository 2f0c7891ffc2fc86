// SIGKILL harness: a child writes in a loop and prints each acknowledged write; we kill it at a
// random moment, reopen the store and check that every acknowledged write survived.
import assert from 'node:assert/strict';
import { readdir } from 'node:fs/promises';
import { ObjectId, type Document } from 'mongodb';
import { openEmbeddedStore } from '../../src/store/embedded/embedded-store.js';
import { verifyStore } from '../../src/store/embedded/verify.js';
import { helperPath, spawnTs } from './helpers/spawn.js';
import { makeTempDir, removeDir } from './helpers/temp-dir.js';

const ROUNDS = Number(process.env.CRASH_ROUNDS ?? 20);

async function runAndKill(dir: string, round: number): Promise<string[]> {
  const child = spawnTs(helperPath('crash-writer.ts'), [dir, String(round)]);
  let out = '';
  let err = '';
  let killTimer: NodeJS.Timeout | undefined;
  child.stderr!.setEncoding('utf8').on('data', (d: string) => (err += d));
  const closed = new Promise<{ signal: NodeJS.Signals | null }>((resolve) =>
    child.on('close', (_c, signal) => resolve({ signal })),
  );
  child.stdout!.setEncoding('utf8').on('data', (d: string) => {
    out += d;
    if (!killTimer && out.startsWith('ready\n')) {
      killTimer = setTimeout(() => child.kill('SIGKILL'), 30 + Math.random() * 400);
    }
  });
  const { signal } = await closed;
  clearTimeout(killTimer);
  assert.equal(signal, 'SIGKILL', `child ended on its own: ${err}`);
  const lines = out.split('\n');
  lines.pop(); // possibly a partial line
  return lines;
}

describe('embedded store survives SIGKILL', function () {
  this.timeout(120_000);
  let dir: string;
  after(() => removeDir(dir));

  it(`keeps every acknowledged write over ${ROUNDS} kill rounds`, async () => {
    dir = await makeTempDir('crash');
    const acked = new Map<string, number>();
    const deleted = new Set<string>();
    const deleting = new Set<string>();
    const events: string[] = [];
    const counters = new Map<string, number>();
    let writes = 0;
    let tornTails = 0;
    for (let round = 1; round <= ROUNDS; round++) {
      const lines = await runAndKill(dir, round);
      assert.equal(lines[0], 'ready');
      for (const line of lines.slice(1)) {
        const [op, id, v] = line.split(' ');
        if (op !== 'd') writes++;
        if (op === 'I' || op === 'U') acked.set(id!, Math.max(acked.get(id!) ?? 0, Number(v)));
        else if (op === 'd') deleting.add(id!);
        else if (op === 'D') deleted.add(id!);
        else if (op === 'E') events.push(id!);
        else if (op === 'C') counters.set(id!, Math.max(counters.get(id!) ?? 0, Number(v)));
        else assert.fail(`child reported: ${line}`);
      }
      // The killed child's lock is left behind and must be taken over.
      assert.ok((await readdir(dir)).includes('LOCK'), `round ${round}: no stale LOCK left`);
      // Every line on disk carries a valid checksum; at most a torn last line (set aside on open);
      // the manifest lists exactly the logs there are.
      const check = await verifyStore(dir);
      assert.equal(check.manifest, 'ok', `round ${round}: manifest ${check.manifest}`);
      assert.deepEqual(check.missingLogs, [], `round ${round}: logs missing`);
      for (const l of check.logs) {
        assert.deepEqual(l.damaged, [], `round ${round}: ${l.file} damaged`);
        assert.equal(l.legacyLines, 0, `round ${round}: ${l.file} has lines without checksums`);
        if (l.torn) tornTails++;
      }
      const store = await openEmbeddedStore(dir);
      try {
        const items = store.collection<Document>('items');
        const byId = new Map((await items.find({}).toArray()).map((d) => [String(d._id), d]));
        for (const [id, v] of acked) {
          const doc = byId.get(id);
          if (deleted.has(id)) {
            assert.equal(doc, undefined, `round ${round}: ${id} was deleted but is back`);
            continue;
          }
          if (!doc && deleting.has(id)) continue; // an unacknowledged delete that landed
          assert.ok(doc, `round ${round}: acknowledged ${id} is missing`);
          assert.ok(doc.version >= v, `round ${round}: ${id} has version ${doc.version}, acknowledged ${v}`);
          assert.equal(doc.stamp, doc.version, `round ${round}: ${id} is half-updated`);
        }
        const evIds = new Set(
          (await store.collection<Document>('events').find({}).toArray()).map((d) => String(d._id)),
        );
        for (const id of events) assert.ok(evIds.has(id), `round ${round}: event ${id} is missing`);
        assert.ok([...evIds].every((id) => ObjectId.isValid(id)));
        const ctr = new Map(
          (await store.collection<Document>('counters').find({}).toArray()).map((d) => [String(d._id), d]),
        );
        for (const [id, v] of counters) {
          const doc = ctr.get(id);
          assert.ok(
            doc && doc.version >= v && doc.stamp === doc.version,
            `round ${round}: counter ${id} at ${doc?.version}, acknowledged ${v}`,
          );
        }
      } finally {
        await store.close();
      }
    }
    assert.ok(writes > ROUNDS * 20, `only ${writes} acknowledged writes in ${ROUNDS} rounds`);
    if (process.env.CRASH_REPORT)
      console.log(JSON.stringify({ rounds: ROUNDS, acknowledgedWrites: writes, tornTails, lost: 0 }));
  });
});
