import assert from 'node:assert/strict';
import { saveActivity } from '../helpers/save-activity.js';
import { runImport } from '../../src/app/import/run-import.js';
import { createAudienceGate } from '../../src/jobs/audience-gate.js';
import { NAMES_REASON } from '../../src/store/delivery-documents.js';
import type { OutboxDoc } from '../../src/store/delivery-documents.js';
import { AuditLog } from '../../src/store/repositories/audit-log.js';
import { ChildrenRepository } from '../../src/store/repositories/children-repository.js';
import { StaffRepository } from '../../src/store/repositories/staff-repository.js';
import { startFakeConnector, type FakeConnector, type FakeMember } from '../helpers/fake-connector.js';
import { openOutboxEnv, type OutboxEnv } from './helpers/outbox-env.js';

// The audience gate's edges: an unreadable roster is retried (never posted, never withheld for good),
// a document that does not say what it discloses is treated as about unknown children, a 1:1 chat
// with someone not in the directory is not trusted, and withholding is final and told once.

const NOW = new Date('2026-11-23T10:00:00Z');
const CHANNEL = '19:chan@thread.tacv2';
const staffMember: FakeMember = {
  id: '29:iro-1',
  aadObjectId: 'aad-iro-1',
  userPrincipalName: 'alex@council.example',
  tenantId: 'tenant-1',
  userRole: 'user',
};
const guest: FakeMember = {
  id: '29:x',
  aadObjectId: 'aad-x',
  userPrincipalName: 'x_partner.example#EXT#@council.onmicrosoft.com',
  userRole: 'guest',
};
const IMPORT = {
  formatVersion: 1,
  staff: [
    { id: 'iro-1', name: 'Alex Wilber', roles: ['iro'], aadObjectId: 'aad-iro-1' },
    { id: 'admin-1', name: 'Tomos Bevan', roles: ['admin'], aadObjectId: 'aad-admin-1' },
  ],
  children: [
    {
      ref: 'C101',
      givenName: 'Seren',
      familyName: 'Jones',
      track: 'cla',
      iroId: 'iro-1',
      events: [{ type: 'became-looked-after', date: '2026-11-02' }],
    },
  ],
};

describe('audience gate: edges', function () {
  this.timeout(30_000);
  let connector: FakeConnector;
  let env: OutboxEnv;

  beforeEach(async () => {
    connector = await startFakeConnector();
    env = await openOutboxEnv(connector.url, { adapter: 'plain' });
    await runImport(env.store, IMPORT, { sourceName: 'test', now: NOW });
    await env.addChannel(CHANNEL);
  });
  afterEach(async () => {
    await env.close();
    await connector.close();
  });

  const personal = (staffId: string | null, aad: string) =>
    saveActivity(
      env.conversations,
      {
        serviceUrl: connector.url,
        channelId: 'msteams',
        from: { id: `29:${aad}`, aadObjectId: aad },
        recipient: { id: '28:bot' },
        conversation: { id: `a:${aad}`, conversationType: 'personal', tenantId: 'tenant-1' },
      },
      { now: NOW, staffId: staffId ?? undefined },
    );
  const about = (key: string, conversationId: string, refs: string[] | null) =>
    env.outbox.enqueue({
      _id: key,
      target: { conversationId },
      kind: 'child-notice',
      about: { refs: refs ?? [], names: false },
      activity: { type: 'message', text: `${key} C101` },
      enqueuedAt: new Date(),
    });

  it('a roster that cannot be read: nothing posted, retried with backoff, failed (not withheld) at the give-up time', async () => {
    connector.memberLists.set(CHANNEL, [staffMember]);
    await about('k1', CHANNEL, ['C101']);
    // The gate reads members through this lister; make it fail.
    const gate = createAudienceGate({
      deps: {
        staff: new StaffRepository(env.store),
        children: new ChildrenRepository(env.store),
        conversations: env.conversations,
        outbox: env.outbox,
        audit: new AuditLog(env.store),
        clock: () => new Date(),
      },
      listMembers: async () => {
        throw new Error('Teams said 503');
      },
      councilTenantId: 'tenant-1',
      logger: env.logger,
    });
    const sender = env.sender({ audience: gate, backoff: { baseMs: 5, capMs: 20 }, giveUpAfterMs: 300 });
    const first = await sender.runOnce();
    assert.equal(first.retried, 1);
    assert.equal((await env.outbox.get('k1'))!.status, 'pending');
    const end = Date.now() + 3_000;
    while ((await env.outbox.get('k1'))!.status === 'pending' && Date.now() < end) {
      await new Promise((r) => setTimeout(r, 20));
      await sender.runOnce();
    }
    const doc = (await env.outbox.get('k1'))!;
    assert.equal(doc.status, 'failed');
    assert.match(doc.lastError!, /could not read the conversation's members/);
    assert.equal(connector.received.length, 0, 'nothing was posted');
  });

  it('a document that does not say what it discloses (written before this version) goes only where there is no guest', async () => {
    const other = '19:other@thread.tacv2';
    await env.addChannel(other);
    connector.memberLists.set(CHANNEL, [staffMember]);
    connector.memberLists.set(other, [staffMember, guest]);
    const col = env.store.collection<OutboxDoc>('outbox');
    const legacy = (id: string, conversationId: string): OutboxDoc => ({
      _id: id,
      target: { conversationId, newThread: false, threadOf: null },
      activity: { type: 'message', text: 'C101' },
      status: 'pending',
      enqueuedAt: new Date(),
      attempts: 0,
      nextAttemptAt: new Date(),
      giveUpAt: new Date(Date.now() + 60_000),
    });
    await col.insertOne(legacy('old-staff', CHANNEL));
    await col.insertOne(legacy('old-guest', other));
    await env.sender().runOnce();
    assert.equal((await env.outbox.get('old-staff'))!.status, 'sent');
    assert.equal((await env.outbox.get('old-guest'))!.status, 'withheld');
    assert.equal(connector.received.filter((a) => a.conversationId === other).length, 0);
  });

  it('refuses documents that do not say what they disclose', async () => {
    await assert.rejects(
      env.outbox.enqueue({ _id: 'x', target: { conversationId: CHANNEL }, activity: {}, enqueuedAt: NOW } as never),
      /needs a kind/,
    );
    await assert.rejects(
      env.outbox.enqueue({
        _id: 'x',
        kind: 'child-notice',
        target: { conversationId: CHANNEL },
        activity: {},
        enqueuedAt: NOW,
      } as never),
      /needs about/,
    );
  });

  it('a 1:1 chat with someone not in the directory gets nothing; the admin is told once, without the child; withheld is final', async () => {
    const stranger = await personal(null, 'aad-stranger');
    await personal('admin-1', 'aad-admin-1');
    await about('k2', stranger._id, ['C101', 'C999']); // two children, one unknown: no single IRO to tell
    const sender = env.sender();
    await sender.runOnce();
    await sender.runOnce();
    await sender.runOnce();
    assert.equal((await env.outbox.get('k2'))!.status, 'withheld');
    assert.equal(connector.received.filter((a) => a.conversationId === stranger._id).length, 0);
    const toAdmin = connector.received.filter((a) => a.conversationId === 'a:aad-admin-1');
    assert.equal(toAdmin.length, 1);
    assert.doesNotMatch(JSON.stringify(toAdmin[0]!.body), /C101|C999|Seren/);
    // A crash after the explanation and the audit, before the mark: the next run explains nothing twice.
    const col = env.store.collection<OutboxDoc>('outbox');
    await col.updateOne({ _id: 'k2' }, { $set: { status: 'pending', nextAttemptAt: new Date() } });
    await sender.runOnce();
    await sender.runOnce();
    assert.equal(
      connector.received.filter((a) => a.conversationId === 'a:aad-admin-1').length,
      1,
      'one explanation, whatever happens',
    );
    const audited = await new AuditLog(env.store).list({ action: 'delivery.withheld' });
    assert.ok(audited.length >= 1 && audited.every((a) => a.details?.key === 'k2'));
    const counts = await env.outbox.countByStatus();
    assert.equal(counts.withheld, 1);
    assert.equal(counts.pending, 0, 'nothing retried forever');
    assert.deepEqual(
      (await env.outbox.listFailed()).map((d) => [d._id, d.status]),
      [['k2', 'withheld']],
    );
  });

  it('a message that says it names a child goes to a shared conversation only when names are shown in channels', async () => {
    connector.memberLists.set(CHANNEL, [staffMember]);
    await personal('iro-1', 'aad-iro-1');
    const named = (key: string) =>
      env.outbox.enqueue({
        _id: key,
        target: { conversationId: CHANNEL },
        kind: 'child-notice',
        about: { refs: ['C101'], names: true },
        activity: { type: 'message', text: 'Seren Jones' },
        enqueuedAt: new Date(),
      });
    await named('n1');
    const sender = env.sender();
    await sender.runOnce();
    await sender.runOnce();
    const n1 = (await env.outbox.get('n1'))!;
    assert.deepEqual([n1.status, n1.lastError], ['withheld', NAMES_REASON]);
    assert.equal(connector.received.filter((a) => a.conversationId === CHANNEL).length, 0);
    const toIro = connector.received.filter((a) => a.conversationId === 'a:aad-iro-1');
    assert.equal(toIro.length, 1, 'the IRO is told');
    assert.match(JSON.stringify(toIro[0]!.body), /names are not shown in shared conversations/);

    await named('n2');
    const gate = createAudienceGate({
      deps: {
        staff: new StaffRepository(env.store),
        children: new ChildrenRepository(env.store),
        conversations: env.conversations,
        outbox: env.outbox,
        audit: new AuditLog(env.store),
        clock: () => new Date(),
      },
      listMembers: (conv) => env.notifier.listMembers(conv.address),
      councilTenantId: 'tenant-1',
      logger: env.logger,
      showNamesInChannels: true,
    });
    await env.sender({ audience: gate }).runOnce();
    assert.equal((await env.outbox.get('n2'))!.status, 'sent', 'SHOW_CHILD_NAMES_IN_CHANNELS on');
  });
});
