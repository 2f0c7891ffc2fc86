import assert from 'node:assert/strict';
import type { OutboxSender } from '../../src/jobs/outbox-sender.js';
import { startFakeConnector, type FakeConnector, type FakeFailure } from '../helpers/fake-connector.js';
import { channelOf, maxInWindow, openOutboxEnv, until, type OutboxEnv } from './helpers/outbox-env.js';

// The sender against a fake Teams connector on loopback (real HTTP through the SDK's connector
// client). Rate windows are scaled down (7 per 200 ms, 20 per 1 s) so the runs take seconds;
// outbox-limits.spec.ts checks the limiter with Teams' real constants on a fake clock.

const SCALED = { perSecond: 7, secondMs: 200, per30s: 20, thirtySecondsMs: 1_000 };
const FAST_BACKOFF = { baseMs: 20, capMs: 200 };
const chan = (name: string) => `19:${name}@thread.tacv2`;

describe('outbox sender against a fake Teams connector', function () {
  this.timeout(30_000);
  let connector: FakeConnector;
  let env: OutboxEnv;
  let sender: OutboxSender | undefined;

  beforeEach(async () => {
    connector = await startFakeConnector();
    env = await openOutboxEnv(connector.url);
  });
  afterEach(async () => {
    await sender?.stop();
    sender = undefined;
    await env.close();
    await connector.close();
  });

  const keysAt = (conversation: string) =>
    connector.received.filter((r) => channelOf(r.conversationId) === conversation).map((r) => r.key);
  const deliveredCount = (key: string) => connector.received.filter((r) => r.key === key).length;
  const attemptsOf = (key: string) => connector.attempts.filter((a) => a.key === key);

  it("writes a message queued with `render` again at delivery, in the conversation's language; else sends it as queued (issue 13)", async () => {
    await env.addChannel(chan('w'));
    const enqueue = (key: string, kind: string) =>
      env.outbox.enqueue({
        _id: key,
        target: { conversationId: chan('w') },
        kind: 'child-notice',
        about: { refs: [], names: false },
        activity: { type: 'message', text: `${key} as queued` },
        render: { kind, data: { key } },
        enqueuedAt: new Date(),
      });
    await enqueue('r-1', 'again');
    await enqueue('r-2', 'gone');
    await enqueue('r-3', 'broken');
    const seen: unknown[] = [];
    sender = env.sender({
      readerLanguage: () => Promise.resolve('cy'),
      renderAtDelivery: (render, _conv, language) => {
        seen.push([render.kind, language]);
        if (render.kind === 'broken') return Promise.reject(new Error('renderer fault'));
        return Promise.resolve(
          render.kind === 'again'
            ? { type: 'message', text: `${String(render.data.key)} written in ${language}` }
            : null,
        );
      },
    });
    await sender.runOnce();
    assert.deepEqual(
      connector.received.map((r) => r.body?.text),
      ['r-1 written in cy', 'r-2 as queued', 'r-3 as queued'],
    );
    assert.deepEqual(seen, [
      ['again', 'cy'],
      ['gone', 'cy'],
      ['broken', 'cy'],
    ]);
  });

  it('delivers every message exactly once, in order, within the limits, through 429/412/5xx and dropped connections', async () => {
    const plan: Record<string, number> = { a: 45, b: 30, c: 15 };
    const expected: Record<string, string[]> = {};
    for (const name of Object.keys(plan)) {
      await env.addChannel(chan(name));
      expected[chan(name)] = [];
    }
    // Interleave conversations so each one's order is not just enqueue order of a block.
    for (let i = 0; i < 45; i++) {
      for (const [name, n] of Object.entries(plan)) {
        if (i >= n) continue;
        const key = `${name}-${i}`;
        assert.equal(await env.enqueue(key, chan(name)), true);
        expected[chan(name)]!.push(key);
      }
    }
    // Scripted failures by key and attempt number (0 = first attempt).
    const script: Record<string, FakeFailure[]> = {
      'a-3': [{ status: 429, retryAfter: '1' }],
      'b-5': [{ status: 429 }, { status: 429 }],
      'a-10': [{ status: 412 }],
      'b-12': [{ status: 500 }],
      'c-4': [{ status: 502 }],
      'a-20': [{ status: 503 }, { status: 500 }],
      'c-9': [{ status: 504 }],
      'a-30': [{ drop: 'before' }],
      'b-20': [{ drop: 'before' }, { status: 429 }],
      'a-44': [{ drop: 'before' }],
    };
    connector.failWhen((req) => (req.key ? script[req.key]?.[req.previousAttempts] : undefined));

    sender = env.sender({
      limits: SCALED,
      backoff: FAST_BACKOFF,
      giveUpAfterMs: 60_000,
      maxConcurrentConversations: 3,
    });
    sender.start();
    await until(async () => (await env.outbox.countByStatus()).sent === 90, 25_000, 'all 90 messages sent');

    assert.deepEqual(await env.outbox.countByStatus(), { pending: 0, sent: 90, failed: 0, withheld: 0 });
    for (const [conversation, keys] of Object.entries(expected)) {
      assert.deepEqual(keysAt(conversation), keys, `order and exactly-once in ${conversation}`);
      const times = connector.attempts.filter((a) => channelOf(a.conversationId) === conversation).map((a) => a.at);
      assert.ok(
        maxInWindow(times, SCALED.secondMs) <= 7,
        `${conversation}: ${maxInWindow(times, SCALED.secondMs)} attempts in one short window`,
      );
      assert.ok(
        maxInWindow(times, SCALED.thirtySecondsMs) <= 20,
        `${conversation}: ${maxInWindow(times, SCALED.thirtySecondsMs)} attempts in one long window`,
      );
    }
    // The limiter, not slowness, paced the busiest conversation.
    const busiest = connector.attempts.filter((a) => channelOf(a.conversationId) === chan('a')).map((a) => a.at);
    assert.ok(maxInWindow(busiest, SCALED.thirtySecondsMs) >= 15);
    for (const [key, failures] of Object.entries(script)) {
      assert.equal(attemptsOf(key).length, failures.length + 1, `${key} attempted once per scripted failure plus once`);
      assert.equal(deliveredCount(key), 1, `${key} delivered once`);
    }
    // Retry-After: 1 was honoured.
    const [first, second] = attemptsOf('a-3');
    assert.ok(second!.at - first!.at >= 1_000, `retried ${second!.at - first!.at} ms after Retry-After: 1`);
    const doc = await env.outbox.get('b-5');
    assert.equal(doc?.attempts, 3);
    assert.equal(doc?.lastError, null);
  });

  it('fails a message at once on a permanent error (403) with the reason, and carries on with the conversation', async () => {
    await env.addChannel(chan('d'));
    for (let i = 0; i < 5; i++) await env.enqueue(`d-${i}`, chan('d'));
    connector.failWhen((req) => (req.key === 'd-1' ? { status: 403, code: 'BotNotInConversationRoster' } : undefined));
    sender = env.sender({ limits: SCALED, backoff: FAST_BACKOFF });
    const counts = await sender.runOnce();

    assert.deepEqual(counts, { sent: 4, retried: 0, failed: 1, deferred: 0, withheld: 0 });
    assert.deepEqual(keysAt(chan('d')), ['d-0', 'd-2', 'd-3', 'd-4']);
    assert.equal(attemptsOf('d-1').length, 1);
    const failed = await env.outbox.listFailed();
    assert.deepEqual(
      failed.map((f) => [f._id, f.status, f.lastError, f.attempts]),
      [['d-1', 'failed', 'HTTP 403 BotNotInConversationRoster', 1]],
    );
    assert.ok(failed[0]!.failedAt instanceof Date);
  });

  it('gives up after the configured time: marked failed, listed, and the next message goes', async () => {
    await env.addChannel(chan('e'));
    await env.enqueue('e-0', chan('e'));
    await env.enqueue('e-1', chan('e'));
    connector.failWhen((req) => (req.key === 'e-0' ? { status: 503 } : undefined));
    sender = env.sender({ limits: SCALED, backoff: FAST_BACKOFF, giveUpAfterMs: 600 });
    const started = Date.now();
    sender.start();
    await until(async () => (await env.outbox.get('e-1'))?.status === 'sent', 5_000, 'e-1 sent');

    const e0 = await env.outbox.get('e-0');
    assert.equal(e0?.status, 'failed');
    assert.match(e0!.lastError!, /^gave up after \d+ attempts: HTTP 503/);
    assert.ok(e0!.attempts >= 2, `${e0!.attempts} attempts`);
    assert.ok(Date.now() - started < 2_000);
    assert.deepEqual(
      (await env.outbox.listFailed()).map((f) => f._id),
      ['e-0'],
    );
    assert.deepEqual(await env.outbox.countByStatus(), { pending: 0, sent: 1, failed: 1, withheld: 0 });
    assert.equal(deliveredCount('e-0'), 0);
    assert.equal(deliveredCount('e-1'), 1);
  });

  it('starts a new channel thread through create-conversation and replies into it', async () => {
    await env.addChannel(chan('t'));
    await env.enqueue('t-root', { conversationId: chan('t'), newThread: true });
    await env.enqueue('t-reply-1', { conversationId: chan('t'), threadOf: 't-root' });
    await env.enqueue('t-post', chan('t'));
    await env.enqueue('t-reply-2', { conversationId: chan('t'), threadOf: 't-root' });
    connector.failNext({ status: 429 }); // the thread start is retried first; replies must wait
    sender = env.sender({ limits: SCALED, backoff: FAST_BACKOFF });
    sender.start();
    await until(async () => (await env.outbox.countByStatus()).sent === 4, 5_000, 'thread and replies sent');

    const root = await env.outbox.get('t-root');
    const create = connector.received.filter((r) => r.path === '/v3/conversations');
    assert.equal(create.length, 1);
    assert.equal(create[0]!.key, 't-root');
    assert.equal(create[0]!.body.text, 't-root');
    assert.equal(root?.sentConversationId, create[0]!.createdConversationId);
    assert.match(root!.sentConversationId!, /^19:t@thread\.tacv2;messageid=\d+$/);
    assert.equal(root?.sentActivityId, root!.sentConversationId!.split(';messageid=')[1]);
    const order = connector.received.map((r) => [r.key, r.conversationId]);
    assert.deepEqual(order, [
      ['t-root', chan('t')],
      ['t-reply-1', root!.sentConversationId],
      ['t-post', chan('t')],
      ['t-reply-2', root!.sentConversationId],
    ]);
    assert.equal((await env.outbox.get('t-reply-2'))?.sentConversationId, root!.sentConversationId);
  });

  it('fails replies whose thread start failed, naming it; a missing conversation fails too', async () => {
    await env.addChannel(chan('u'));
    await env.enqueue('u-root', { conversationId: chan('u'), newThread: true });
    await env.enqueue('u-reply', { conversationId: chan('u'), threadOf: 'u-root' });
    await env.enqueue('nowhere-1', chan('never-installed'));
    connector.failNext({ status: 400 });
    sender = env.sender({ limits: SCALED, backoff: FAST_BACKOFF });
    await sender.runOnce();
    const failed = Object.fromEntries((await env.outbox.listFailed()).map((f) => [f._id, f.lastError]));
    assert.deepEqual(failed, {
      'u-root': 'HTTP 400 Status400',
      'u-reply': 'thread start u-root failed',
      'nowhere-1': `no saved conversation ${chan('never-installed')}`,
    });
    assert.equal(connector.received.length, 0);
  });

  it('is at-least-once: a connection dropped after Teams accepted the message repeats that one message', async () => {
    await env.addChannel(chan('v'));
    for (let i = 0; i < 3; i++) await env.enqueue(`v-${i}`, chan('v'));
    connector.failWhen((req) => (req.key === 'v-1' && req.previousAttempts === 0 ? { drop: 'after' } : undefined));
    sender = env.sender({ limits: SCALED, backoff: FAST_BACKOFF });
    sender.start();
    await until(async () => (await env.outbox.countByStatus()).sent === 3, 5_000, 'all sent');
    assert.deepEqual(keysAt(chan('v')), ['v-0', 'v-1', 'v-1', 'v-2']);
  });

  it('runOnce calls never overlap, so a message is never sent twice by one process', async () => {
    await env.addChannel(chan('w'));
    for (let i = 0; i < 6; i++) await env.enqueue(`w-${i}`, chan('w'));
    connector.setDelay(20);
    sender = env.sender({ limits: SCALED, backoff: FAST_BACKOFF });
    const [r1, r2] = await Promise.all([sender.runOnce(), sender.runOnce()]);
    assert.equal(r1.sent + r2.sent, 6);
    assert.deepEqual(keysAt(chan('w')), ['w-0', 'w-1', 'w-2', 'w-3', 'w-4', 'w-5']);
  });

  it('a key is never enqueued twice, even after it was sent', async () => {
    await env.addChannel(chan('x'));
    assert.equal(await env.enqueue('x-0', chan('x')), true);
    sender = env.sender({ limits: SCALED });
    await sender.runOnce();
    assert.equal(await env.enqueue('x-0', chan('x')), false);
    await sender.runOnce();
    assert.equal(deliveredCount('x-0'), 1);
  });
});
