import assert from 'node:assert/strict';
import { tmpdir } from 'node:os';
import type { CloudAdapter } from 'botbuilder';
import { DeliveryError } from '../../src/app/delivery-port.js';
import { loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/logger.js';
import type { ConversationAddress } from '../../src/store/delivery-documents.js';
import { createAdapter } from '../../src/teams/bot.js';
import { referenceOf } from '../../src/teams/conversation-address.js';
import { createNotifier } from '../../src/teams/notifier.js';
import { SDK_RETRY_POLICY_NAME, turnOffSdkRetries } from '../../src/teams/sdk-retries.js';
import { startFakeConnector, type FakeConnector, type FakeFailure } from '../helpers/fake-connector.js';

// The notifier makes exactly one HTTP request per send: the SDK's own retry policy (429 with
// Retry-After, 408, 5xx, dropped connections; 3 retries) is off, so the outbox sees every failure
// itself. Real adapter (local mode), real connector client, fake connector on loopback.

describe('notifier: one send = one HTTP request (no hidden SDK retries)', function () {
  this.timeout(30000);
  let connector: FakeConnector;
  let adapter: CloudAdapter;
  const warned: unknown[] = [];
  let notifier: ReturnType<typeof createNotifier>;
  const address = (): ConversationAddress => ({
    conversationId: '19:general@thread.tacv2',
    kind: 'channel',
    serviceUrl: connector.url,
    platform: 'msteams',
    tenantId: 'tenant-1',
    teamId: '19:team@thread.tacv2',
    channelId: '19:general@thread.tacv2',
    bot: { id: '28:iro-bot', name: 'IRO Bot' },
    user: { id: '29:someone', name: 'Someone' },
    locale: null,
  });

  before(async () => {
    connector = await startFakeConnector();
    adapter = createAdapter(loadConfig({ DATA_DIR: tmpdir(), LOG_LEVEL: 'silent' }), createLogger('silent'));
    notifier = createNotifier(adapter, {
      timeoutMs: 5000,
      logger: {
        warn: (o: unknown) => {
          warned.push(o);
        },
      } as never,
    });
  });
  after(async () => connector?.close());

  /** Retry-After: 0 would make the SDK retry at once (and then succeed), so a hidden retry cannot hide. */
  const failures: [string, FakeFailure, number | undefined][] = [
    ['429 with Retry-After: 0', { status: 429, retryAfter: '0' }, 429],
    ['503 with Retry-After: 0', { status: 503, retryAfter: '0' }, 503],
    ['502', { status: 502 }, 502],
    ['a dropped connection', { drop: 'before' }, undefined],
  ];
  for (const [what, failure, status] of failures) {
    it(`post: ${what} is one request, reported to the caller as transient`, async () => {
      const before = connector.attempts.length;
      connector.failNext(failure);
      await assert.rejects(
        notifier.post(address(), { type: 'message', text: 'hello' }, { idempotencyKey: `k-${what}` }),
        (err) => {
          assert.ok(err instanceof DeliveryError);
          assert.equal(err.kind, 'transient');
          assert.equal(err.statusCode, status);
          return true;
        },
      );
      // Long enough for the SDK's first retry (its shortest delay is under a second for 5xx/drops).
      await new Promise((r) => setTimeout(r, Object.hasOwn(failure, 'drop') || status === 502 ? 1500 : 200));
      assert.equal(connector.attempts.length - before, 1, 'exactly one request reached the connector');
    });
  }

  it('a new channel thread: a 429 is one request too', async () => {
    const before = connector.attempts.length;
    connector.failNext({ status: 429, retryAfter: '0' });
    await assert.rejects(
      notifier.startThread(address(), { type: 'message', text: 'thread' }, { idempotencyKey: 'k-thread' }),
      (err) => err instanceof DeliveryError && err.statusCode === 429,
    );
    await new Promise((r) => setTimeout(r, 200));
    assert.equal(connector.attempts.length - before, 1);
    // The next send goes through: nothing was left queued.
    const sent = await notifier.startThread(
      address(),
      { type: 'message', text: 'thread' },
      { idempotencyKey: 'k-thread' },
    );
    assert.ok(sent.conversationId.includes(';messageid='));
    assert.deepEqual(warned, [], 'the retry policy was found and turned off every time');
  });

  it('the SDK still has its retry policy where sdk-retries.ts turns it off (fails if botbuilder changes shape)', async () => {
    let outcome: boolean[] = [];
    await adapter.continueConversationAsync('', referenceOf(address()), async (ctx) => {
      const client = ctx.turnState.get(ctx.adapter.ConnectorClientKey);
      outcome = [turnOffSdkRetries(client), turnOffSdkRetries(client)];
    });
    assert.deepEqual(
      outcome,
      [true, false],
      `the connector client's pipeline had a "${SDK_RETRY_POLICY_NAME}" policy, now removed`,
    );
  });

  it('if the SDK changed shape, the send still goes and the notifier warns once (no content in the line)', async () => {
    const other = createAdapter(loadConfig({ DATA_DIR: tmpdir(), LOG_LEVEL: 'silent' }), createLogger('silent'));
    // Hides the pipeline as a future SDK might: only the operations the notifier calls stay visible.
    other.use(async (ctx, next) => {
      const client = ctx.turnState.get(ctx.adapter.ConnectorClientKey);
      ctx.turnState.set(ctx.adapter.ConnectorClientKey, { conversations: client.conversations });
      await next();
    });
    const logged: unknown[] = [];
    const n = createNotifier(other, {
      timeoutMs: 5000,
      logger: {
        warn: (o: unknown) => {
          logged.push(o);
        },
      } as never,
    });
    await n.post(address(), { type: 'message', text: 'one' });
    await n.post(address(), { type: 'message', text: 'two' });
    assert.deepEqual(logged, [{ outcome: 'sdk-retries-on' }]);
  });

  it('a client of another shape is left alone and reported (so the notifier can warn)', () => {
    for (const client of [
      undefined,
      null,
      {},
      { client: {} },
      { client: { pipeline: {} } },
      { client: { pipeline: { removePolicy: () => [] } } },
    ]) {
      assert.equal(turnOffSdkRetries(client), false);
    }
  });
});
