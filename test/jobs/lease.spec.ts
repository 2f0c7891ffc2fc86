import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { acquireLease, releaseLease } from '../../src/jobs/lease.js';
import type { Store } from '../../src/store/doc-collection.js';
import { DELIVERY_COLLECTIONS, type LeaseDoc } from '../../src/store/delivery-documents.js';
import { openEmbeddedStore } from '../../src/store/embedded/embedded-store.js';

const T0 = new Date('2016-10-03T06:00:00Z');
const at = (ms: number) => new Date(T0.getTime() + ms);
const TTL = 60_000;

describe('acquireLease', () => {
  let dir: string;
  let store: Store;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'iro-lease-'));
    store = await openEmbeddedStore(dir);
  });
  afterEach(async () => {
    await store.close();
    await rm(dir, { recursive: true, force: true });
  });

  const lease = () => store.collection<LeaseDoc>(DELIVERY_COLLECTIONS.leases).findOne({ _id: 'sweeper' });

  it('the first holder gets it; a second holder does not while it is live', async () => {
    assert.equal(await acquireLease(store, 'sweeper', 'a', TTL, T0), true);
    assert.equal(await acquireLease(store, 'sweeper', 'b', TTL, at(1_000)), false);
    assert.equal(await acquireLease(store, 'sweeper', 'b', TTL, at(TTL - 1)), false);
    assert.deepEqual(await lease(), { _id: 'sweeper', holder: 'a', expiresAt: at(TTL) });
  });

  it('the holder renews it, pushing the expiry on', async () => {
    await acquireLease(store, 'sweeper', 'a', TTL, T0);
    assert.equal(await acquireLease(store, 'sweeper', 'a', TTL, at(50_000)), true);
    assert.deepEqual((await lease())?.expiresAt, at(50_000 + TTL));
    assert.equal(await acquireLease(store, 'sweeper', 'b', TTL, at(TTL + 1)), false, 'renewed lease still live');
  });

  it('another holder takes over once it has expired, and the old holder is then refused', async () => {
    await acquireLease(store, 'sweeper', 'a', TTL, T0);
    assert.equal(await acquireLease(store, 'sweeper', 'b', TTL, at(TTL)), true);
    assert.equal((await lease())?.holder, 'b');
    assert.equal(await acquireLease(store, 'sweeper', 'a', TTL, at(TTL + 1)), false);
  });

  it('leases with different names are independent', async () => {
    assert.equal(await acquireLease(store, 'sweeper', 'a', TTL, T0), true);
    assert.equal(await acquireLease(store, 'outbox-sender', 'b', TTL, T0), true);
  });

  it('two holders racing for a new lease: exactly one wins', async () => {
    const results = await Promise.all([
      acquireLease(store, 'sweeper', 'a', TTL, T0),
      acquireLease(store, 'sweeper', 'b', TTL, T0),
    ]);
    assert.deepEqual(results.filter(Boolean).length, 1);
    const winner = results[0] ? 'a' : 'b';
    assert.equal((await lease())?.holder, winner);
  });

  it('release: only the holder can give it up; then anyone may take it at once', async () => {
    await acquireLease(store, 'sweeper', 'a', TTL, T0);
    assert.equal(await releaseLease(store, 'sweeper', 'b'), false);
    assert.equal(await releaseLease(store, 'sweeper', 'a'), true);
    assert.equal(await acquireLease(store, 'sweeper', 'b', TTL, at(1)), true);
  });

  it('refuses a TTL that is not positive', async () => {
    await assert.rejects(acquireLease(store, 'sweeper', 'a', 0, T0), /TTL/);
  });
});
