// RS2 (docs/DOMAIN.md "Resolutions"): a resolution stored before the resolution meeting became stage 2 is read
// on the current ladder through every read of the children repository, and written back with the next change.
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CURRENT_LADDER, type Resolution } from '../../src/domain/resolutions/index.js';
import type { Store } from '../../src/store/doc-collection.js';
import { COLLECTIONS, type ChildDoc } from '../../src/store/documents.js';
import { openEmbeddedStore } from '../../src/store/embedded/embedded-store.js';
import { ChildrenRepository } from '../../src/store/repositories/children-repository.js';
import { ensureIndexes } from '../../src/store/repositories/indexes.js';

const stamp = { by: 'iro-1', byName: 'Alex', at: '2026-09-04T09:00:00.000Z', on: '2026-09-04' };
/** As issue 14 stored it: no `ladder`, escalated to stage 2 = head of service. */
const oldResolution = {
  id: 'C1-RES1',
  theme: 'care-planning',
  summary: 's',
  ask: 'a',
  askBy: null,
  raised: stamp,
  status: 'open',
  stages: [
    {
      stage: 1,
      started: stamp,
      addresseeIds: ['sw-1'],
      acknowledgeBy: '2026-09-08',
      respondBy: '2026-09-11',
      acknowledged: null,
      response: null,
      skipped: [],
      skipReason: null,
    },
    {
      stage: 2,
      started: stamp,
      addresseeIds: ['hos-1'],
      acknowledgeBy: '2026-09-08',
      respondBy: '2026-09-11',
      acknowledged: null,
      response: null,
      skipped: [],
      skipReason: null,
    },
  ],
  outcome: null,
  seniorOfficerNotice: null,
  referral: null,
} as unknown as Resolution;

describe('RS2: stored resolutions migrate to the current ladder on read (children repository)', () => {
  let dir: string;
  let store: Store;
  let repo: ChildrenRepository;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'iro-ladder-'));
    store = await openEmbeddedStore(dir);
    await ensureIndexes(store);
    repo = new ChildrenRepository(store);
    const doc: ChildDoc = {
      _id: 'C1',
      ref: 'C1',
      track: 'cla',
      iroId: 'iro-1',
      events: [],
      reviews: [],
      bookings: [],
      version: 1,
      history: [],
      resolutions: [oldResolution],
    };
    await store.collection<ChildDoc>(COLLECTIONS.children).insertOne(doc);
  });
  afterEach(async () => {
    await store.close();
    await rm(dir, { recursive: true, force: true });
  });

  const stageOf = (c: ChildDoc | null | undefined) => c?.resolutions?.[0].stages[1];

  it('every read answers the head of service as stage 3, with its outbox key number kept', async () => {
    const reads: [string, ChildDoc | null | undefined][] = [
      ['get', await repo.get('C1')],
      ['getMany', (await repo.getMany(['C1']))[0]],
      ['listAll', (await repo.listAll())[0]],
      ['listByIro', (await repo.listByIro('iro-1'))[0]],
      ['listWithOpenResolutions', (await repo.listWithOpenResolutions())[0]],
    ];
    for (const [name, c] of reads) {
      assert.deepEqual(
        [stageOf(c)?.stage, stageOf(c)?.keyStage, stageOf(c)?.addresseeIds, c?.resolutions?.[0].ladder],
        [3, 2, ['hos-1'], CURRENT_LADDER],
        name,
      );
    }
    const raw = await store.collection<ChildDoc>(COLLECTIONS.children).findOne({ _id: 'C1' });
    assert.equal(stageOf(raw)?.stage, 2, 'reading does not write');
  });

  it('the next change to the resolutions writes the migrated form back', async () => {
    const read = (await repo.get('C1'))!;
    const after = await repo.updateVersioned('C1', 1, { $set: { resolutions: read.resolutions } }, {
      at: new Date(),
      by: { id: 'iro-1', name: 'Alex', kind: 'staff' },
      action: 'test',
    } as ChildDoc['history'][number]);
    assert.equal(stageOf(after)?.stage, 3);
    const raw = await store.collection<ChildDoc>(COLLECTIONS.children).findOne({ _id: 'C1' });
    assert.deepEqual([stageOf(raw)?.stage, raw?.resolutions?.[0].ladder], [3, CURRENT_LADDER]);
  });
});
