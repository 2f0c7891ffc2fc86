// A read waits until the changes it could show are durable, and only those (read-deps.ts; issue 12): a `/due`
// read must not wait for a job's write that queued a message in some other child, but nothing it shows may be
// taken back by a crash. The disk's sync is held here, so a change stays not durable for as long as a test wants.
import assert from 'node:assert/strict';
import pino from 'pino';
import sinon from 'sinon';
import { openEmbeddedStore, type EmbeddedStore } from '../../src/store/embedded/embedded-store.js';
import { diskIo } from '../../src/store/embedded/log-file.js';
import { ReadDeps, seqToWaitFor } from '../../src/store/embedded/read-deps.js';
import { makeTempDir, removeDir } from './helpers/temp-dir.js';

type Child = { _id: string; iroId: string; dueBy: string; note?: string; pending?: { key: string }[] };

/** Holds every sync until `release()`: what is written meanwhile is not durable. */
function holdSyncs(): { release: () => void } {
  let release!: () => void;
  const released = new Promise<void>((r) => (release = r));
  const real = diskIo.datasync;
  const stub = sinon.stub(diskIo, 'datasync').callsFake(async (fh) => {
    await released;
    return real(fh);
  });
  let done = false;
  return {
    release: () => {
      if (done) return;
      done = true;
      stub.restore();
      release();
    },
  };
}

/** Whether `p` settles within a few turns of the event loop and a short while (a held sync never lets it). */
async function settlesSoon(p: Promise<unknown>): Promise<boolean> {
  let settled = false;
  void p.then(
    () => (settled = true),
    () => (settled = true),
  );
  await new Promise((r) => setTimeout(r, 50));
  return settled;
}

describe('embedded store: a read waits only for the changes it could show (read-deps.ts)', () => {
  let dir: string;
  let store: EmbeddedStore | undefined;
  let held: { release: () => void } | undefined;

  beforeEach(async () => {
    dir = await makeTempDir('read-deps');
    store = await openEmbeddedStore(dir, { logger: pino({ level: 'silent' }) });
    const c = store.collection<Child>('children');
    await c.createIndex({ iroId: 1, dueBy: 1 }, { name: 'iroId.dueBy' });
    await c.createIndex({ 'pending.key': 1 }, { name: 'pending.key', sparse: true });
    await c.insertMany([
      { _id: 'C1', iroId: 'iro-1', dueBy: '2026-12-01' },
      { _id: 'C2', iroId: 'iro-1', dueBy: '2026-12-03' },
      { _id: 'C3', iroId: 'iro-2', dueBy: '2026-12-02' },
      { _id: 'C4', iroId: 'iro-2', dueBy: '2026-12-20' },
    ]);
  });

  afterEach(async () => {
    held?.release();
    held = undefined;
    await store?.close();
    store = undefined;
    await removeDir(dir);
  });

  const children = () => store!.collection<Child>('children');
  const range = (iroId: string) => ({ iroId, dueBy: { $gte: '2026-12-01', $lte: '2026-12-07' } });

  it('a message queued in one child (not durable yet) holds up no read that did not look at that child', async () => {
    held = holdSyncs();
    const queued = children().updateOne({ _id: 'C3' }, { $push: { pending: { key: 'k1' } } });
    // The other IRO's page and counts, read along the index: C3's entry there did not move.
    const page = children()
      .find(range('iro-1'), { sort: { dueBy: 1, _id: 1 }, limit: 20 })
      .toArray();
    const count = children().countDocuments(range('iro-2'));
    const byId = children().findOne({ _id: 'C1' });
    assert.equal(await settlesSoon(page), true, 'a page of other children');
    assert.equal(await settlesSoon(count), true, 'a count the index answers, C3 unmoved in it');
    assert.equal(await settlesSoon(byId), true, 'another child by id');
    assert.deepEqual(
      (await page).map((d) => d._id),
      ['C1', 'C2'],
    );
    assert.equal(await count, 1);
    assert.equal(await settlesSoon(queued), false, 'the write itself is not acknowledged before its sync');
    held.release();
    await queued;
  });

  it('a read that looked at the changed child waits until the change is durable', async () => {
    held = holdSyncs();
    const queued = children().updateOne({ _id: 'C3' }, { $push: { pending: { key: 'k1' } } });
    const byId = children().findOne({ _id: 'C3' });
    const page = children()
      .find(range('iro-2'), { sort: { dueBy: 1, _id: 1 }, limit: 20 })
      .toArray();
    const byPending = children().findOne({ 'pending.key': 'k1' });
    assert.equal(await settlesSoon(byId), false);
    assert.equal(await settlesSoon(page), false, 'the page read C3');
    assert.equal(await settlesSoon(byPending), false, 'found through the index the change moved it in');
    held.release();
    await queued;
    assert.deepEqual((await byId)?.pending, [{ key: 'k1' }]);
    assert.deepEqual(
      (await page).map((d) => d._id),
      ['C3'],
    );
    assert.equal((await byPending)?._id, 'C3');
  });

  it('a change that moves a child in an index holds up every read along that index; an insert or a scan, all', async () => {
    held = holdSyncs();
    // C4 moves into the window: the other IRO's count is along the same index, so it waits too.
    const moved = children().updateOne({ _id: 'C4' }, { $set: { dueBy: '2026-12-05' } });
    const count = children().countDocuments(range('iro-2'));
    const otherCount = children().countDocuments(range('iro-1'));
    assert.equal(await settlesSoon(count), false);
    assert.equal(await settlesSoon(otherCount), false, 'the same index: the move could have been into it');
    // A change to a field no index holds, in a child this read does not look at…
    const noted = children().updateOne({ _id: 'C1' }, { $set: { note: 'x' } });
    // …but a read that scans every child waits for it.
    const scan = children().find({ note: 'x' }).toArray();
    assert.equal(await settlesSoon(scan), false);
    held.release();
    await Promise.all([moved, noted]);
    assert.equal(await count, 2);
    assert.equal(await otherCount, 2);
    assert.deepEqual(
      (await scan).map((d) => d._id),
      ['C1'],
    );
  });

  it('a new child holds up reads along every index; a read of an id not there yet waits for its insert', async () => {
    held = holdSyncs();
    const inserted = children().insertOne({ _id: 'C5', iroId: 'iro-1', dueBy: '2026-12-02' });
    const byId = children().findOne({ _id: 'C5' });
    const count = children().countDocuments(range('iro-1'));
    const unrelated = children().findOne({ _id: 'C3' });
    assert.equal(await settlesSoon(byId), false);
    assert.equal(await settlesSoon(count), false);
    assert.equal(await settlesSoon(unrelated), true, 'by id, another child');
    held.release();
    await inserted;
    assert.equal((await byId)?._id, 'C5');
    assert.equal(await count, 3);
  });

  it('the rule itself: a read that notes nothing waits for every change; none waits past the last line', () => {
    const ix = {};
    const writes = [
      { seq: 5, id: 'C1', indexes: new Set<object>() },
      { seq: 6, id: 'C2', indexes: new Set<object>([ix]) },
      { seq: 9, id: 'C3', indexes: 'all' as const },
    ];
    assert.equal(seqToWaitFor(new ReadDeps(), writes, 9), 9, 'nothing noted: everything');
    const scan = new ReadDeps();
    scan.noteAll();
    assert.equal(seqToWaitFor(scan, writes, 9), 9, 'a scan: everything');
    const byId = new ReadDeps();
    byId.note(new Set(['C1']));
    assert.equal(seqToWaitFor(byId, writes, 9), 5, 'its document only (the insert of C3 moved no document it read)');
    const alongIx = new ReadDeps();
    alongIx.noteIndex(ix);
    assert.equal(seqToWaitFor(alongIx, writes, 9), 9, 'moves in its index, and the insert that entered every index');
    const other = new ReadDeps();
    other.note(new Set(['C9']));
    assert.equal(seqToWaitFor(other, writes, 9), 0, 'nothing it could show');
    // After a failed write was undone, its number is used again by the next line: wait no further than the log goes.
    assert.equal(seqToWaitFor(byId, [{ seq: 12, id: 'C1', indexes: 'all' }], 10), 10);
  });
});
