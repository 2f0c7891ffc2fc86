import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isAppError } from '../../src/domain/errors.js';
import type { Store } from '../../src/store/doc-collection.js';
import type { ChildDoc, StaffDoc } from '../../src/store/documents.js';
import { openEmbeddedStore, type EmbeddedStore } from '../../src/store/embedded/embedded-store.js';
import { openMongoStore, type MongoStore } from '../../src/store/mongo-store.js';
import { AuditLog } from '../../src/store/repositories/audit-log.js';
import { ChildrenRepository } from '../../src/store/repositories/children-repository.js';
import { ensureIndexes } from '../../src/store/repositories/indexes.js';
import { StaffRepository } from '../../src/store/repositories/staff-repository.js';

const person = (id: string, extra: Partial<StaffDoc> = {}): StaffDoc => ({
  _id: id,
  id,
  name: id,
  roles: ['social-worker'],
  ...extra,
});
const child = (ref: string, extra: Partial<ChildDoc> = {}): ChildDoc => ({
  _id: ref,
  ref,
  track: 'cla',
  iroId: 'iro-1',
  events: [],
  reviews: [],
  bookings: [],
  version: 1,
  history: [],
  ...extra,
});

describe('repositories (embedded store)', () => {
  let dir: string;
  let store: Store;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'iro-repos-'));
    store = await openEmbeddedStore(dir);
    await ensureIndexes(store);
  });
  afterEach(async () => {
    await store.close();
    await rm(dir, { recursive: true, force: true });
  });

  describe('StaffRepository', () => {
    let repo: StaffRepository;
    beforeEach(async () => {
      repo = new StaffRepository(store);
      await repo.upsert(person('iro-1', { roles: ['iro'], upn: 'Alex.Wilber@Council.example', aadObjectId: 'oid-1' }));
      await repo.upsert(person('sw-1', { email: 'dafydd.thomas@council.example' }));
      await repo.upsert(person('sw-2', { email: 'a+b@council.example', roles: ['social-worker', 'iro'] }));
    });

    it('gets by id and by AAD object id', async () => {
      assert.equal((await repo.get('sw-1'))!.id, 'sw-1');
      assert.equal(await repo.get('nobody'), null);
      assert.equal((await repo.findByAadObjectId('oid-1'))!.id, 'iro-1');
      assert.equal(await repo.findByAadObjectId('oid-x'), null);
    });

    it('finds by upn or e-mail, case-insensitively and exactly', async () => {
      assert.equal((await repo.findByUpnOrEmail('alex.wilber@council.EXAMPLE'))!.id, 'iro-1');
      assert.equal((await repo.findByUpnOrEmail(' Dafydd.Thomas@council.example '))!.id, 'sw-1');
      assert.equal((await repo.findByUpnOrEmail('a+b@council.example'))!.id, 'sw-2');
      assert.equal(await repo.findByUpnOrEmail('thomas@council.example'), null);
      assert.equal(await repo.findByUpnOrEmail('.*'), null);
      assert.equal(await repo.findByUpnOrEmail(''), null);
    });

    it('links an AAD object id', async () => {
      const linked = await repo.linkAadObjectId('sw-1', 'oid-9');
      assert.equal(linked.aadObjectId, 'oid-9');
      assert.equal((await repo.findByAadObjectId('oid-9'))!.id, 'sw-1');
      await assert.rejects(repo.linkAadObjectId('nobody', 'x'), (e: unknown) => isAppError(e, 'not-found'));
    });

    it('lists all and by role', async () => {
      assert.deepEqual(
        (await repo.list()).map((s) => s.id),
        ['iro-1', 'sw-1', 'sw-2'],
      );
      assert.deepEqual(
        (await repo.listByRole('iro')).map((s) => s.id),
        ['iro-1', 'sw-2'],
      );
      assert.deepEqual(await repo.listByRole('guardian'), []);
    });

    it('upsert replaces listed fields and keeps the others', async () => {
      await repo.upsert(person('sw-1', { name: 'Renamed' }));
      const s = (await repo.get('sw-1'))!;
      assert.equal(s.name, 'Renamed');
      assert.equal(s.email, 'dafydd.thomas@council.example');
    });
  });

  describe('ChildrenRepository', () => {
    let repo: ChildrenRepository;
    beforeEach(async () => {
      repo = new ChildrenRepository(store);
      await repo.insert(child('C2', { iroId: 'iro-2', socialWorkerId: 'sw-1', socialWorkTeam: 'north' }));
      await repo.insert(child('C1', { socialWorkerId: 'sw-1', socialWorkTeam: 'north' }));
      await repo.insert(child('C3', { socialWorkerId: 'sw-2', socialWorkTeam: 'south' }));
    });

    it('lists by IRO and all, sorted by ref', async () => {
      assert.deepEqual(
        (await repo.listByIro('iro-1')).map((c) => c.ref),
        ['C1', 'C3'],
      );
      assert.deepEqual(
        (await repo.listAll()).map((c) => c.ref),
        ['C1', 'C2', 'C3'],
      );
      assert.deepEqual(
        (await repo.getMany(['C3', 'C9'])).map((c) => c.ref),
        ['C3'],
      );
      assert.equal(await repo.count(), 3);
    });

    it('updateVersioned applies the change, bumps the version and appends history in one update', async () => {
      const at = new Date('2016-06-01T10:00:00Z');
      const after = await repo.updateVersioned(
        'C1',
        1,
        { $set: { legalStatus: 'care-order' } },
        { at, by: { id: 'iro-1', name: 'Alex' }, action: 'test', before: null, after: 'care-order' },
      );
      assert.equal(after.version, 2);
      assert.equal(after.legalStatus, 'care-order');
      assert.deepEqual(after.history, [
        { at, by: { id: 'iro-1', name: 'Alex' }, action: 'test', before: null, after: 'care-order' },
      ]);
      assert.deepEqual(await repo.get('C1'), after);
    });

    it("updateVersioned merges the caller's own $inc and $push", async () => {
      await repo.updateVersioned(
        'C1',
        1,
        { $push: { events: { type: 'became-looked-after', date: '2016-01-01' } } },
        { at: new Date(), by: { id: 'x' }, action: 'a' },
      );
      const c = (await repo.get('C1'))!;
      assert.equal(c.events.length, 1);
      assert.equal(c.history.length, 1);
    });

    it('a lost race throws conflict naming who changed it and when, and changes nothing', async () => {
      const at = new Date('2016-06-01T10:00:00Z');
      await repo.updateVersioned(
        'C1',
        1,
        { $set: { legalStatus: 'care-order' } },
        { at, by: { id: 'tm-1', name: 'Catrin' }, action: 'first' },
      );
      await assert.rejects(
        repo.updateVersioned(
          'C1',
          1,
          { $set: { legalStatus: 'remanded' } },
          { at, by: { id: 'iro-1' }, action: 'second' },
        ),
        (e: unknown) => {
          assert.ok(isAppError(e, 'conflict'));
          assert.match(e.message, /Catrin at 2016-06-01T10:00:00.000Z/);
          assert.equal(e.details.actualVersion, 2);
          return true;
        },
      );
      const c = (await repo.get('C1'))!;
      assert.equal(c.legalStatus, 'care-order');
      assert.equal(c.history.length, 1);
      await assert.rejects(repo.updateVersioned('C9', 1, {}, { at, by: { id: 'x' }, action: 'x' }), (e: unknown) =>
        isAppError(e, 'not-found'),
      );
    });

    it('exactly one of two concurrent writers on the same version wins', async () => {
      const entry = (id: string) => ({ at: new Date(), by: { id }, action: 'race' });
      const results = await Promise.allSettled([
        repo.updateVersioned('C2', 1, { $set: { legalStatus: 'care-order' } }, entry('a')),
        repo.updateVersioned('C2', 1, { $set: { legalStatus: 'remanded' } }, entry('b')),
      ]);
      assert.equal(results.filter((r) => r.status === 'fulfilled').length, 1);
      assert.equal((await repo.get('C2'))!.version, 2);
    });
  });

  describe('AuditLog', () => {
    it('records and lists entries oldest first, with a filter', async () => {
      const log = new AuditLog(store);
      const entry = {
        at: new Date('2016-06-02T00:00:00Z'),
        actor: { id: 'import', kind: 'cli' as const },
        action: 'import',
        details: { n: 1 },
      };
      await log.record(entry);
      await log.record({
        at: new Date('2016-06-01T00:00:00Z'),
        actor: { id: 'iro-1', kind: 'staff' },
        action: 'case.view',
        subject: 'C1',
      });
      assert.equal('_id' in entry, false, "the caller's object is not mutated");
      assert.deepEqual(
        (await log.list()).map((e) => e.action),
        ['case.view', 'import'],
      );
      assert.deepEqual(
        (await log.list({ action: 'import' })).map((e) => e.details),
        [{ n: 1 }],
      );
      assert.equal((await log.list({}, { limit: 1 })).length, 1);
    });
  });
});

// The secondary indexes the repositories' lookups rely on (src/store/repositories/indexes.ts), as
// name → keys and unique flag. A second ensureIndexes at start-up must leave exactly this set.
interface IndexRow {
  collection: string;
  name: string;
  key: Record<string, number>;
  unique: boolean;
}
const INDEXES: IndexRow[] = [
  { collection: 'audit', name: 'at', key: { at: 1 }, unique: false },
  { collection: 'children', name: 'cover.iroId.to', key: { 'cover.iroId': 1, 'cover.to': 1 }, unique: false },
  { collection: 'children', name: 'cover.to', key: { 'cover.to': 1 }, unique: false },
  { collection: 'children', name: 'iroId', key: { iroId: 1 }, unique: false },
  { collection: 'children', name: 'iroId.nextReview.dueBy', key: { iroId: 1, 'nextReview.dueBy': 1 }, unique: false },
  { collection: 'children', name: 'nextReview.dueBy', key: { 'nextReview.dueBy': 1 }, unique: false },
  { collection: 'children', name: 'nextReview.fingerprint', key: { 'nextReview.fingerprint': 1 }, unique: false },
  { collection: 'children', name: 'iroId.nextReview.open', key: { iroId: 1, 'nextReview.open': 1 }, unique: false },
  {
    collection: 'children',
    name: 'iroId.nextReview.open.dueBy',
    key: { iroId: 1, 'nextReview.open': 1, 'nextReview.dueBy': 1 },
    unique: false,
  },
  { collection: 'children', name: 'nextReview.lastEventOn', key: { 'nextReview.lastEventOn': 1 }, unique: false },
  { collection: 'children', name: 'nextReview.problem', key: { 'nextReview.problem': 1 }, unique: false },
  { collection: 'children', name: 'pending.key', key: { 'pending.key': 1 }, unique: false },
  {
    collection: 'children',
    name: 'plan.actions.owner.staffId',
    key: { 'plan.actions.owner.staffId': 1 },
    unique: false,
  },
  { collection: 'children', name: 'proceedings.guardianId', key: { 'proceedings.guardianId': 1 }, unique: false },
  { collection: 'children', name: 'rescheduleRequests.status', key: { 'rescheduleRequests.status': 1 }, unique: false },
  { collection: 'children', name: 'resolutions.status', key: { 'resolutions.status': 1 }, unique: false },
  { collection: 'children', name: 'socialWorkTeam', key: { socialWorkTeam: 1 }, unique: false },
  {
    collection: 'children',
    name: 'socialWorkTeam.nextReview.dueBy',
    key: { socialWorkTeam: 1, 'nextReview.dueBy': 1 },
    unique: false,
  },
  { collection: 'children', name: 'socialWorkerId', key: { socialWorkerId: 1 }, unique: false },
  { collection: 'staff', name: 'aadObjectId', key: { aadObjectId: 1 }, unique: false },
  { collection: 'staff', name: 'email', key: { email: 1 }, unique: false },
  { collection: 'staff', name: 'roles', key: { roles: 1 }, unique: false },
  { collection: 'staff', name: 'upn', key: { upn: 1 }, unique: false },
];
const byName = (a: IndexRow, b: IndexRow) => `${a.collection}.${a.name}`.localeCompare(`${b.collection}.${b.name}`);
const EXPECTED_INDEXES = [...INDEXES].sort(byName);

describe('ensureIndexes (embedded store)', () => {
  let dir: string;
  let store: EmbeddedStore;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'iro-indexes-'));
    store = await openEmbeddedStore(dir);
  });
  afterEach(async () => {
    await store.close();
    await rm(dir, { recursive: true, force: true });
  });

  const indexes = (): IndexRow[] =>
    store
      .snapshot()
      .flatMap((c) =>
        c.indexes.map((ix) => ({
          collection: c.name,
          name: ix.name,
          key: { ...ix.key },
          unique: ix.unique,
        })),
      )
      .sort(byName);
  /** Index records in the collection logs on disk (a repeated call must not append any). */
  const indexLines = async () => {
    let n = 0;
    for (const c of ['audit', 'children', 'staff']) {
      n += (await readFile(join(dir, `${c}.log`), 'utf8')).split('\n').filter((l) => l.includes('"op":"idx"')).length;
    }
    return n;
  };

  it('creates the expected index set once; a second call changes nothing in memory or on disk, and a reopened store has the same set', async () => {
    assert.deepEqual(indexes(), [], 'a new store has no secondary indexes');
    await ensureIndexes(store);
    assert.deepEqual(indexes(), EXPECTED_INDEXES);
    const linesAfterOne = await indexLines();
    assert.equal(linesAfterOne, EXPECTED_INDEXES.length);
    await ensureIndexes(store);
    assert.deepEqual(indexes(), EXPECTED_INDEXES);
    assert.equal(await indexLines(), linesAfterOne, 'the second call appended no index records');
    await store.close();
    store = await openEmbeddedStore(dir);
    assert.deepEqual(indexes(), EXPECTED_INDEXES, 'replayed from disk');
    await ensureIndexes(store);
    assert.deepEqual(indexes(), EXPECTED_INDEXES);
  });
});

// Registered only when a server is configured, so a run without one reports no skipped tests.
if (process.env.MONGODB_URI)
  describe('ensureIndexes (mongodb, MONGODB_URI)', () => {
    let store: MongoStore;
    before(async () => {
      store = await openMongoStore(process.env.MONGODB_URI!, `iro_indexes_${process.pid}_${Date.now()}`);
    });
    after(async () => {
      await store?.db.dropDatabase();
      await store?.close();
    });

    const indexes = async (): Promise<IndexRow[]> => {
      const rows: IndexRow[] = [];
      for (const c of ['audit', 'children', 'staff']) {
        for (const ix of await store.db.collection(c).listIndexes().toArray()) {
          if (ix.name !== '_id_') rows.push({ collection: c, name: ix.name, key: { ...ix.key }, unique: !!ix.unique });
        }
      }
      return rows.sort(byName);
    };

    it('creates the expected index set; a second call leaves it as it is', async () => {
      await ensureIndexes(store);
      assert.deepEqual(await indexes(), EXPECTED_INDEXES);
      await ensureIndexes(store);
      assert.deepEqual(await indexes(), EXPECTED_INDEXES);
    });
  });
