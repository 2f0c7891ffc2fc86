import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runImport } from '../../src/app/import/run-import.js';
import { PARK_MS, createPendingDrainer, type PendingDrainer } from '../../src/jobs/pending-drainer.js';
import { createLogger } from '../../src/logger.js';
import type { Store } from '../../src/store/doc-collection.js';
import type { PendingMessage } from '../../src/store/documents.js';
import { openEmbeddedStore } from '../../src/store/embedded/embedded-store.js';
import { ChildrenRepository } from '../../src/store/repositories/children-repository.js';
import { ConversationRepository } from '../../src/store/repositories/conversation-repository.js';
import { ensureIndexes } from '../../src/store/repositories/indexes.js';
import { OutboxRepository } from '../../src/store/repositories/outbox-repository.js';
import { StaffRepository } from '../../src/store/repositories/staff-repository.js';
import { renderPending } from '../../src/teams/presenters/pending-messages.js';
import { saveActivity } from '../helpers/save-activity.js';

// Messages with nowhere to go are parked under their address: later drains pass over them without a lookup,
// until a conversation is saved or changed (each parked address is then looked up once) or PARK_MS pass;
// then they move at once. A change that queued messages wakes a pass over its own children only.

const T0 = new Date('2026-11-23T10:00:00Z');
const SERVICE_URL = 'https://smba.trafficmanager.net/uk/';
const NORTH_CHANNEL = '19:north@thread.tacv2';

const IMPORT = {
  formatVersion: 1,
  staff: [
    { id: 'iro-1', name: 'Alex Wilber', roles: ['iro'], team: 'reviewing', aadObjectId: 'aad-iro-1' },
    { id: 'sw-1', name: 'Sam Worker', roles: ['social-worker'], team: 'north', aadObjectId: 'aad-sw-1' },
  ],
  children: ['C1', 'C2', 'C3'].map((ref) => ({
    ref,
    givenName: 'Seren',
    familyName: 'Jones',
    track: 'cla',
    iroId: 'iro-1',
    socialWorkerId: 'sw-1',
    socialWorkTeam: 'north',
    legalStatus: 'care-order',
    events: [{ type: 'became-looked-after', date: '2026-09-01' }],
    reviews: [],
  })),
};

const toNorth = (key: string): PendingMessage => ({
  key,
  to: { kind: 'channel', purpose: 'social-work-channel', team: 'north' },
  message: { type: 'child-notice', data: { title: 'Booked', facts: [] } },
});

describe('pending drainer: messages with no destination are parked', function () {
  this.timeout(30000);
  let dir: string;
  let store: Store;
  let now: Date;
  let drainer: PendingDrainer;
  let lookups: number;
  let deps: {
    staff: StaffRepository;
    children: ChildrenRepository;
    conversations: ConversationRepository;
    outbox: OutboxRepository;
    clock: () => Date;
    tzName: string;
  };

  beforeEach(async () => {
    now = T0;
    dir = await mkdtemp(join(tmpdir(), 'iro-drainer-'));
    store = await openEmbeddedStore(dir);
    await ensureIndexes(store);
    await runImport(store, IMPORT, { sourceName: 'test', now: T0 });
    deps = {
      staff: new StaffRepository(store),
      children: new ChildrenRepository(store),
      conversations: new ConversationRepository(store),
      outbox: new OutboxRepository(store),
      clock: () => now,
      tzName: 'Europe/London',
    };
    await deps.outbox.ensureIndexes();
    // Counts address lookups; the real repository answers them.
    lookups = 0;
    const findByPurpose = deps.conversations.findByPurpose.bind(deps.conversations);
    deps.conversations.findByPurpose = (...args) => {
      lookups++;
      return findByPurpose(...args);
    };
    drainer = createPendingDrainer({
      deps,
      render: renderPending,
      deliveryClock: () => now,
      showNamesInChannels: false,
      logger: createLogger('silent'),
    });
  });
  afterEach(async () => {
    await drainer.stop();
    await store.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('looks a parked address up once, not on every drain; a saved channel with the purpose moves it at once', async () => {
    await deps.children.queuePending('C1', [toNorth('k1')]);
    await deps.children.queuePending('C2', [toNorth('k2'), toNorth('k3')]);

    assert.deepEqual(await drainer.drainOnce(), { moved: 0, waiting: 3 });
    assert.equal(lookups, 1, 'three messages to one address: one lookup');
    for (let i = 0; i < 10; i++) assert.deepEqual(await drainer.drainOnce(), { moved: 0, waiting: 3 });
    assert.equal(lookups, 1, 'ten more drains looked nothing up');

    // A channel saved without the purpose is a change too: one more look, still nowhere to go.
    await saveActivity(
      deps.conversations,
      {
        serviceUrl: SERVICE_URL,
        channelId: 'msteams',
        from: { id: '29:admin' },
        recipient: { id: '28:bot' },
        conversation: { id: `${NORTH_CHANNEL};messageid=1`, conversationType: 'channel', tenantId: 't' },
        channelData: { team: { id: '19:team' }, channel: { id: NORTH_CHANNEL } },
      },
      { now },
    );
    assert.deepEqual(await drainer.drainOnce(), { moved: 0, waiting: 3 });
    assert.equal(lookups, 2, 'the parked address looked up again, once');

    await deps.conversations.setPurpose(NORTH_CHANNEL, {
      purpose: 'social-work-channel',
      team: 'north',
      setBy: 'admin',
      setAt: now,
    });
    await drainer.drainOnce();
    assert.deepEqual(
      (await deps.children.listWithPending()).map((c) => c.ref),
      [],
      'nothing left queued',
    );
    for (const key of ['k1', 'k2', 'k3'])
      assert.equal((await deps.outbox.get(key))?.target.conversationId, NORTH_CHANNEL, key);
  });

  it('a parked message is looked at again after PARK_MS even if this process heard of no change', async () => {
    await deps.children.queuePending('C3', [toNorth('k4')]);
    await drainer.drainOnce();
    now = new Date(T0.getTime() + PARK_MS - 1);
    await drainer.drainOnce();
    assert.equal(lookups, 1);
    now = new Date(T0.getTime() + PARK_MS);
    assert.deepEqual(await drainer.drainOnce(), { moved: 0, waiting: 1 });
    assert.equal(lookups, 2);
  });

  it('a parked message does not hold up a deliverable one queued later', async () => {
    await deps.children.queuePending('C1', [toNorth('k5')]);
    await drainer.drainOnce();
    await saveActivity(
      deps.conversations,
      {
        serviceUrl: SERVICE_URL,
        channelId: 'msteams',
        from: { id: '29:aad-iro-1', aadObjectId: 'aad-iro-1' },
        recipient: { id: '28:bot' },
        conversation: { id: 'a:iro-1', conversationType: 'personal', tenantId: 't' },
      },
      { now, staffId: 'iro-1' },
    );
    await deps.children.queuePending('C2', [
      {
        key: 'k6',
        to: { kind: 'personal', staffId: 'iro-1' },
        message: { type: 'child-notice', data: { title: 'Booked', facts: [] } },
      },
    ]);
    assert.deepEqual(await drainer.drainOnce(), { moved: 1, waiting: 1 });
    assert.equal((await deps.outbox.get('k6'))?.target.conversationId, 'a:iro-1');
    assert.equal(await deps.outbox.get('k5'), null);
  });

  it('a kick naming children reads those children only, after the caller has answered, whatever is parked', async () => {
    await deps.children.queuePending('C1', [toNorth('k8')]);
    await deps.children.queuePending('C2', [toNorth('k9')]);
    await drainer.drainOnce();
    const reads = { all: 0, one: [] as string[] };
    const listWithPending = deps.children.listWithPending.bind(deps.children);
    const get = deps.children.get.bind(deps.children);
    deps.children.listWithPending = (...a) => (reads.all++, listWithPending(...a));
    deps.children.get = (ref) => (reads.one.push(ref), get(ref));
    await saveActivity(
      deps.conversations,
      {
        serviceUrl: SERVICE_URL,
        channelId: 'msteams',
        from: { id: '29:aad-iro-1', aadObjectId: 'aad-iro-1' },
        recipient: { id: '28:bot' },
        conversation: { id: 'a:iro-1', conversationType: 'personal', tenantId: 't' },
      },
      { now, staffId: 'iro-1' },
    );
    await new Promise((r) => setTimeout(r, 20)); // the conversation change: the parked address looked up again
    const lookupsBefore = lookups;
    reads.one.length = 0;
    await deps.children.queuePending('C3', [
      {
        key: 'k10',
        to: { kind: 'personal', staffId: 'iro-1' },
        message: { type: 'child-notice', data: { title: 'x' } },
      },
    ]);
    drainer.kick(['C3']);
    assert.equal(await deps.outbox.get('k10'), null, 'nothing runs inside the caller’s turn');
    await new Promise((r) => setTimeout(r, 50));
    assert.equal((await deps.outbox.get('k10'))?.target.conversationId, 'a:iro-1');
    assert.deepEqual(reads.one, ['C3']);
    assert.equal(reads.all, 0, 'no pass over every child with messages');
    assert.equal(lookups, lookupsBefore, 'no parked address looked up again');
  });

  it('a conversation change reads only the children whose parked address now resolves', async () => {
    await deps.children.queuePending('C1', [toNorth('k11')]);
    await deps.children.queuePending('C2', [
      {
        key: 'k12',
        to: { kind: 'channel', purpose: 'social-work-channel', team: 'south' },
        message: { type: 'child-notice', data: { title: 'x' } },
      },
    ]);
    await drainer.drainOnce();
    const read: string[] = [];
    const get = deps.children.get.bind(deps.children);
    deps.children.get = (ref) => (read.push(ref), get(ref));
    await saveActivity(
      deps.conversations,
      {
        serviceUrl: SERVICE_URL,
        channelId: 'msteams',
        from: { id: '29:admin' },
        recipient: { id: '28:bot' },
        conversation: { id: NORTH_CHANNEL, conversationType: 'channel', tenantId: 't' },
        channelData: { team: { id: '19:team' }, channel: { id: NORTH_CHANNEL } },
      },
      { now },
    );
    await deps.conversations.setPurpose(NORTH_CHANNEL, {
      purpose: 'social-work-channel',
      team: 'north',
      setBy: 'admin',
      setAt: now,
    });
    await new Promise((r) => setTimeout(r, 50));
    assert.equal((await deps.outbox.get('k11'))?.target.conversationId, NORTH_CHANNEL);
    assert.equal(await deps.outbox.get('k12'), null, 'still waiting for a south channel');
    assert.deepEqual(read, ['C1']);
    assert.deepEqual(await drainer.drainOnce(), { moved: 0, waiting: 1 });
  });

  it('after stop no drain starts (not a re-run, not a conversation change), so none outlives the store', async () => {
    await deps.children.queuePending('C1', [toNorth('k7')]);
    await drainer.drainOnce();
    await drainer.stop();
    await saveActivity(
      deps.conversations,
      {
        serviceUrl: SERVICE_URL,
        channelId: 'msteams',
        from: { id: '29:admin' },
        recipient: { id: '28:bot' },
        conversation: { id: NORTH_CHANNEL, conversationType: 'channel', tenantId: 't' },
        channelData: { team: { id: '19:team' }, channel: { id: NORTH_CHANNEL } },
      },
      { now },
    );
    await deps.conversations.setPurpose(NORTH_CHANNEL, {
      purpose: 'social-work-channel',
      team: 'north',
      setBy: 'admin',
      setAt: now,
    });
    assert.deepEqual(await drainer.drainOnce(), { moved: 0, waiting: 0 });
    assert.equal(await deps.outbox.get('k7'), null, 'still queued in the child, for the next start');
    assert.equal(lookups, 1);
  });
});
