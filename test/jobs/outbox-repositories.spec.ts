import assert from 'node:assert/strict';
import { saveActivity } from '../helpers/save-activity.js';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Store } from '../../src/store/doc-collection.js';
import { openEmbeddedStore } from '../../src/store/embedded/embedded-store.js';
import { ConversationRepository, TOUCH_INTERVAL_MS } from '../../src/store/repositories/conversation-repository.js';
import { LOG_EXT } from '../../src/store/embedded/log-file.js';
import { referenceOf, type ActivityLike } from '../../src/teams/conversation-address.js';
import { OutboxRepository } from '../../src/store/repositories/outbox-repository.js';

// Outbox and conversation repositories on the embedded store.

const T0 = new Date('2026-11-23T09:00:00Z');
const at = (s: number) => new Date(T0.getTime() + s * 1000);

describe('outbox repositories (embedded store)', () => {
  let dir: string;
  let store: Store;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'iro-outbox-repo-'));
    store = await openEmbeddedStore(dir);
  });
  afterEach(async () => {
    await store.close();
    await rm(dir, { recursive: true, force: true });
  });

  describe('OutboxRepository', () => {
    let outbox: OutboxRepository;
    const put = (key: string, conversationId: string, enqueuedAt: Date, extra: { threadOf?: string } = {}) =>
      outbox.enqueue({
        _id: key,
        target: { conversationId, ...extra },
        kind: 'child-notice',
        about: { refs: [], names: false },
        activity: { text: key },
        enqueuedAt,
      });

    beforeEach(async () => {
      outbox = new OutboxRepository(store);
      await outbox.ensureIndexes();
      await outbox.ensureIndexes();
    });

    it('enqueue: a key is stored once; a duplicate is not an error and changes nothing', async () => {
      assert.deepEqual(await put('k1', 'c1', at(0)), { enqueued: true });
      assert.deepEqual(
        await outbox.enqueue({
          _id: 'k1',
          target: { conversationId: 'c2' },
          kind: 'child-notice',
          about: { refs: [], names: false },
          activity: { text: 'other' },
          enqueuedAt: at(5),
        }),
        { enqueued: false },
      );
      const doc = await outbox.get('k1');
      assert.deepEqual(
        [doc?.status, doc?.attempts, doc?.target, doc?.activity, doc?.nextAttemptAt, doc?.giveUpAt],
        [
          'pending',
          0,
          { conversationId: 'c1', newThread: false, threadOf: null },
          { text: 'k1' },
          at(0),
          at(24 * 3600),
        ],
      );
      await outbox.markSent('k1', { at: at(1), attempts: 1, activityId: 'a1', conversationId: 'c1' });
      assert.deepEqual(await put('k1', 'c1', at(9)), { enqueued: false }, 'not even after it was sent');
    });

    it('due: in order (enqueuedAt, then key), head-of-line per conversation, other conversations go on', async () => {
      await put('b', 'c1', at(0));
      await put('a', 'c1', at(0));
      await put('c', 'c1', at(1));
      await put('x', 'c2', at(2));
      await put('y', 'c2', at(3));
      await put('later', 'c3', at(100));
      assert.deepEqual(
        (await outbox.due(at(10), 100)).map((d) => d._id),
        ['a', 'b', 'c', 'x', 'y'],
      );
      assert.deepEqual(
        (await outbox.due(at(10), 2)).map((d) => d._id),
        ['a', 'b'],
      );

      // 'a' backs off: nothing later in c1 may overtake it, even though it is due.
      await outbox.reschedule('a', 1, at(60), 'HTTP 429');
      assert.deepEqual(
        (await outbox.due(at(10), 100)).map((d) => d._id),
        ['x', 'y'],
      );
      assert.deepEqual(
        (await outbox.heads()).map((d) => [d._id, d.nextAttemptAt]),
        [
          ['a', at(60)],
          ['x', at(2)],
          ['later', at(100)],
        ],
      );
      assert.deepEqual(
        (await outbox.due(at(60), 100)).map((d) => d._id),
        ['a', 'b', 'c', 'x', 'y'],
      );
      assert.equal((await outbox.get('a'))?.lastError, 'HTTP 429');

      await outbox.markFailed('a', 'HTTP 403', at(61), 2);
      assert.deepEqual(
        (await outbox.due(at(10), 100)).map((d) => d._id),
        ['b', 'c', 'x', 'y'],
        'a failed message no longer blocks',
      );
    });

    it('markSent / markFailed only move pending messages; counts and the failed list', async () => {
      await put('s', 'c1', at(0));
      await put('f1', 'c1', at(1));
      await put('f2', 'c2', at(2));
      await put('p', 'c3', at(3));
      assert.equal(
        await outbox.markSent('s', { at: at(5), attempts: 2, activityId: 'act-1', conversationId: 'c1;messageid=7' }),
        true,
      );
      assert.equal(
        await outbox.markSent('s', { at: at(6), attempts: 3, activityId: 'act-2', conversationId: 'c1' }),
        false,
      );
      assert.equal(await outbox.markFailed('s', 'late', at(7)), false);
      assert.equal(await outbox.markFailed('f1', 'HTTP 404', at(8), 1), true);
      assert.equal(await outbox.markFailed('f2', 'gave up after 9 attempts: HTTP 503', at(9), 9), true);
      assert.equal(await outbox.reschedule('f2', 10, at(20), 'x'), false);

      const s = await outbox.get('s');
      assert.deepEqual(
        [s?.status, s?.attempts, s?.sentAt, s?.sentActivityId, s?.sentConversationId],
        ['sent', 2, at(5), 'act-1', 'c1;messageid=7'],
      );
      assert.deepEqual(await outbox.countByStatus(), { pending: 1, sent: 1, failed: 2, withheld: 0 });
      assert.deepEqual(
        (await outbox.listFailed()).map((d) => [d._id, d.lastError, d.failedAt]),
        [
          ['f2', 'gave up after 9 attempts: HTTP 503', at(9)],
          ['f1', 'HTTP 404', at(8)],
        ],
      );
      assert.deepEqual(
        (await outbox.listFailed(1)).map((d) => d._id),
        ['f2'],
      );
    });

    it('counts are zero on an empty outbox', async () => {
      assert.deepEqual(await outbox.countByStatus(), { pending: 0, sent: 0, failed: 0, withheld: 0 });
      assert.deepEqual(await outbox.due(at(0), 10), []);
      assert.deepEqual(await outbox.heads(), []);
    });
  });

  describe('ConversationRepository', () => {
    let conversations: ConversationRepository;
    const channelActivity = (conversationId: string): ActivityLike => ({
      serviceUrl: 'https://smba.example/emea/',
      channelId: 'msteams',
      locale: 'en-GB',
      from: { id: '29:user', name: 'User', aadObjectId: 'aad-user' },
      recipient: { id: '28:bot', name: 'IRO Bot' },
      conversation: { id: conversationId, conversationType: 'channel', tenantId: 'tenant-1', isGroup: true },
      channelData: {
        team: { id: '19:team@thread.tacv2' },
        channel: { id: '19:chan@thread.tacv2' },
        tenant: { id: 'tenant-1' },
      },
    });
    const personalActivity = (aad: string, conversationId: string): ActivityLike => ({
      serviceUrl: 'https://smba.example/emea/',
      channelId: 'msteams',
      from: { id: `29:${aad}`, name: 'Someone', aadObjectId: aad },
      recipient: { id: '28:bot', name: 'IRO Bot' },
      conversation: { id: conversationId, conversationType: 'personal', tenantId: 'tenant-1' },
    });

    beforeEach(async () => {
      conversations = new ConversationRepository(store);
      await conversations.ensureIndexes();
    });

    it('save: a channel is stored under its channel id whatever thread spoke; a neutral address to post with', async () => {
      const doc = await saveActivity(conversations, channelActivity('19:chan@thread.tacv2;messageid=1700000000000'), {
        now: at(0),
      });
      assert.equal(doc._id, '19:chan@thread.tacv2');
      assert.deepEqual(
        [doc.kind, doc.teamId, doc.channelId, doc.tenantId, doc.purposes],
        ['channel', '19:team@thread.tacv2', '19:chan@thread.tacv2', 'tenant-1', []],
      );
      assert.deepEqual(doc.address, {
        conversationId: '19:chan@thread.tacv2',
        kind: 'channel',
        serviceUrl: 'https://smba.example/emea/',
        platform: 'msteams',
        tenantId: 'tenant-1',
        teamId: '19:team@thread.tacv2',
        channelId: '19:chan@thread.tacv2',
        bot: { id: '28:bot', name: 'IRO Bot' },
        user: null,
        locale: 'en-GB',
      });
      // What the SDK is handed when posting there: the fields the old saved reference had.
      assert.deepEqual(referenceOf(doc.address), {
        bot: { id: '28:bot', name: 'IRO Bot' },
        conversation: { id: '19:chan@thread.tacv2', conversationType: 'channel', tenantId: 'tenant-1', isGroup: true },
        channelId: 'msteams',
        locale: 'en-GB',
        serviceUrl: 'https://smba.example/emea/',
      });
      const raw = await store
        .collection<{ _id: string } & Record<string, unknown>>('conversations')
        .findOne({ _id: '19:chan@thread.tacv2' });
      assert.equal(raw?.reference, undefined, 'no SDK-shaped reference is stored');
      assert.equal(doc.aadObjectId, undefined, "a channel is nobody's personal chat");
    });

    it('save keeps purposes; setPurpose replaces the same purpose for the same team; findByPurpose filters', async () => {
      await saveActivity(conversations, channelActivity('19:chan@thread.tacv2'), { now: at(0) });
      await conversations.setPurpose('19:chan@thread.tacv2', {
        purpose: 'social-work-channel',
        team: 'north',
        setBy: 'bs-1',
        setAt: at(1),
      });
      await conversations.setPurpose('19:chan@thread.tacv2', {
        purpose: 'social-work-channel',
        team: 'south',
        setBy: 'bs-1',
        setAt: at(2),
      });
      await conversations.setPurpose('19:chan@thread.tacv2', {
        purpose: 'social-work-channel',
        team: 'north',
        setBy: 'bs-2',
        setAt: at(3),
      });
      await saveActivity(conversations, channelActivity('19:chan@thread.tacv2;messageid=5'), { now: at(4) });

      const doc = await conversations.get('19:chan@thread.tacv2');
      assert.deepEqual(
        doc?.purposes.map((p) => [p.purpose, p.team, p.setBy]),
        [
          ['social-work-channel', 'south', 'bs-1'],
          ['social-work-channel', 'north', 'bs-2'],
        ],
      );
      // Nothing changed at 4 s, so nothing was written: updatedAt is from the last write (setPurpose at 3 s).
      assert.deepEqual(doc?.updatedAt, at(3));
      assert.equal((await conversations.findByPurpose('social-work-channel')).length, 1);
      assert.equal((await conversations.findByPurpose('social-work-channel', { team: 'north' })).length, 1);
      assert.equal((await conversations.findByPurpose('social-work-channel', { team: 'east' })).length, 0);
      assert.equal((await conversations.findByPurpose('iro-channel')).length, 0);

      await conversations.clearPurpose('19:chan@thread.tacv2', 'social-work-channel', { team: 'south' }, at(5));
      assert.deepEqual(
        (await conversations.get('19:chan@thread.tacv2'))?.purposes.map((p) => p.team),
        ['north'],
      );
      assert.equal(
        await conversations.setPurpose('19:unknown', { purpose: 'iro-channel', setBy: 'x', setAt: at(6) }),
        null,
      );
    });

    it('save writes only when the address changed, or to refresh updatedAt once an hour; changes are announced', async () => {
      const logBytes = async () => (await stat(join(dir, 'conversations' + LOG_EXT))).size;
      const announced: number[] = [];
      conversations.onChange(() => announced.push(announced.length));
      await saveActivity(conversations, personalActivity('aad-1', 'a:1'), { now: at(0), staffId: 'iro-1' });
      const afterFirst = await logBytes();
      for (let i = 1; i <= 20; i++)
        await saveActivity(conversations, personalActivity('aad-1', 'a:1'), { now: at(i), staffId: 'iro-1' });
      await saveActivity(conversations, personalActivity('aad-1', 'a:1'), { now: at(21) });
      assert.equal(await logBytes(), afterFirst, 'twenty-one unchanged saves wrote nothing');
      assert.equal(announced.length, 1, 'the new conversation was announced once');

      const moved = { ...personalActivity('aad-1', 'a:1'), serviceUrl: 'https://smba.example/uk/' };
      const doc = await saveActivity(conversations, moved, { now: at(22), staffId: 'iro-1' });
      assert.equal(doc.address.serviceUrl, 'https://smba.example/uk/');
      assert.ok((await logBytes()) > afterFirst, 'a changed address is written');
      assert.equal(announced.length, 2, 'and announced');
      const afterMove = await logBytes();

      const later = at(22 + TOUCH_INTERVAL_MS / 1000);
      await saveActivity(conversations, moved, { now: later, staffId: 'iro-1' });
      assert.ok((await logBytes()) > afterMove, 'an hour on, updatedAt is refreshed');
      assert.deepEqual((await conversations.get('a:1'))?.updatedAt, later);
      assert.equal(announced.length, 2, 'a refresh is not a change of address');

      await conversations.setPurpose('a:1', { purpose: 'iro-channel', setBy: 'bs-1', setAt: later });
      assert.equal(announced.length, 3, 'a purpose set is announced');
    });

    it('liaison channels are found by Guardian', async () => {
      await saveActivity(conversations, channelActivity('19:chan@thread.tacv2'), { now: at(0) });
      await conversations.setPurpose('19:chan@thread.tacv2', {
        purpose: 'liaison-channel',
        guardianId: 'g-1',
        setBy: 'iro-1',
        setAt: at(1),
      });
      assert.equal((await conversations.findByPurpose('liaison-channel', { guardianId: 'g-1' })).length, 1);
      assert.equal((await conversations.findByPurpose('liaison-channel', { guardianId: 'g-2' })).length, 0);
    });

    it('personalChatOf: by staff id or AAD object id; the most recent chat wins', async () => {
      await saveActivity(conversations, personalActivity('aad-1', 'a:old'), { now: at(0), staffId: 'iro-1' });
      await saveActivity(conversations, personalActivity('aad-1', 'a:new'), { now: at(10) });
      await saveActivity(conversations, personalActivity('aad-2', 'a:two'), { now: at(5) });
      assert.equal((await conversations.personalChatOf({ staffId: 'iro-1' }))?._id, 'a:old');
      assert.equal((await conversations.personalChatOf({ aadObjectId: 'aad-1' }))?._id, 'a:new');
      assert.equal((await conversations.personalChatOf({ staffId: 'iro-1', aadObjectId: 'aad-1' }))?._id, 'a:new');
      assert.equal(await conversations.personalChatOf({ staffId: 'nobody' }), null);
      assert.equal(await conversations.personalChatOf({}), null);
      const doc = await conversations.get('a:new');
      assert.deepEqual([doc?.kind, doc?.aadObjectId, doc?.address.user?.id], ['personal', 'aad-1', '29:aad-1']);
      // A later save without a staff id keeps the link.
      await saveActivity(conversations, personalActivity('aad-1', 'a:old'), { now: at(20) });
      assert.equal((await conversations.get('a:old'))?.staffId, 'iro-1');
    });
    it('documents saved before addresses (a Bot Framework reference) are read as addresses, then rewritten on save', async () => {
      const col = store.collection<{ _id: string } & Record<string, unknown>>('conversations');
      await col.insertOne({
        _id: 'a:legacy',
        kind: 'personal',
        tenantId: 'tenant-1',
        teamId: null,
        channelId: null,
        aadObjectId: 'aad-9',
        staffId: 'iro-9',
        purposes: [],
        updatedAt: at(0),
        reference: {
          bot: { id: '28:bot', name: 'IRO Bot' },
          user: { id: '29:aad-9', aadObjectId: 'aad-9' },
          conversation: { id: 'a:legacy', conversationType: 'personal', tenantId: 'tenant-1' },
          channelId: 'msteams',
          locale: 'en-GB',
          serviceUrl: 'https://smba.example/emea/',
        },
      });
      await col.insertOne({
        _id: '19:old@thread.tacv2',
        kind: 'channel',
        tenantId: 'tenant-1',
        teamId: '19:team@thread.tacv2',
        channelId: '19:old@thread.tacv2',
        purposes: [{ purpose: 'iro-channel', team: null, guardianId: null, setBy: 'bs-1', setAt: at(0) }],
        updatedAt: at(0),
        reference: {
          bot: { id: '28:bot' },
          conversation: { id: '19:old@thread.tacv2', conversationType: 'channel', isGroup: true },
          channelId: 'msteams',
          serviceUrl: 'https://smba.example/emea/',
        },
      });
      const chat = await conversations.personalChatOf({ staffId: 'iro-9' });
      assert.deepEqual(chat?.address, {
        conversationId: 'a:legacy',
        kind: 'personal',
        serviceUrl: 'https://smba.example/emea/',
        platform: 'msteams',
        tenantId: 'tenant-1',
        teamId: null,
        channelId: null,
        bot: { id: '28:bot', name: 'IRO Bot' },
        user: { id: '29:aad-9', aadObjectId: 'aad-9' },
        locale: 'en-GB',
      });
      assert.equal((chat as unknown as Record<string, unknown>).reference, undefined, 'readers see the address only');
      const [channel] = await conversations.findByPurpose('iro-channel');
      assert.deepEqual(
        [
          channel?.address.conversationId,
          channel?.address.channelId,
          channel?.address.teamId,
          channel?.address.serviceUrl,
        ],
        ['19:old@thread.tacv2', '19:old@thread.tacv2', '19:team@thread.tacv2', 'https://smba.example/emea/'],
      );
      assert.equal((await conversations.get('19:old@thread.tacv2'))?.address.bot?.id, '28:bot');

      await saveActivity(conversations, personalActivity('aad-9', 'a:legacy'), { now: at(1) });
      const raw = await col.findOne({ _id: 'a:legacy' });
      assert.equal(raw?.reference, undefined, 'a save replaces the old reference');
      assert.equal((raw?.address as { conversationId?: string } | undefined)?.conversationId, 'a:legacy');
      assert.equal(raw?.staffId, 'iro-9');
    });
  });
});
