import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startFakeConnector, type FakeConnector } from '../helpers/fake-connector.js';
import { crashBatch } from './helpers/outbox-crash-plan.js';
import { channelOf, openOutboxEnv, until } from './helpers/outbox-env.js';

// kill -9 in the middle of delivering a batch, then a restart on the same data directory: nothing
// is lost, and at most the one message in flight at the kill is delivered twice.

const PER_CHANNEL = 20;
const CHILD = join(__dirname, 'helpers', 'outbox-crash-child.ts');

describe('outbox: kill -9 mid-batch, then restart', function () {
  this.timeout(30_000);
  let connector: FakeConnector;
  let dir: string;
  let child: ChildProcess | undefined;

  beforeEach(async () => {
    connector = await startFakeConnector();
    dir = await mkdtemp(join(tmpdir(), 'iro-outbox-crash-'));
  });
  afterEach(async () => {
    if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    child = undefined;
    await connector.close();
    await rm(dir, { recursive: true, force: true });
  });

  function startChild(): { exited: Promise<NodeJS.Signals | null>; stderr: () => string } {
    const c = spawn(process.execPath, ['--import', 'tsx', CHILD, dir, connector.url, String(PER_CHANNEL)], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child = c;
    let stderr = '';
    c.stderr!.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    c.stdout!.resume();
    const exited = new Promise<NodeJS.Signals | null>((resolve) => c.on('exit', (_code, signal) => resolve(signal)));
    return { exited, stderr: () => stderr };
  }

  /** Restarts a sender on the same directory and delivers the rest; returns what the connector got. */
  async function restartAndFinish(): Promise<void> {
    const env = await openOutboxEnv(connector.url, { dir });
    try {
      const sender = env.sender({ limits: { perSecond: 1_000, per30s: 10_000 }, backoff: { baseMs: 10, capMs: 50 } });
      sender.start();
      const total = crashBatch(PER_CHANNEL).messages.length;
      await until(
        async () => (await env.outbox.countByStatus()).sent === total,
        10_000,
        'every message sent after the restart',
      );
      await sender.stop();
      assert.deepEqual(await env.outbox.countByStatus(), { pending: 0, sent: total, failed: 0, withheld: 0 });
    } finally {
      await env.close({ keepDir: true });
    }
  }

  function assertDeliveredOnceExcept(allowedRepeat: string | null): string[] {
    const plan = crashBatch(PER_CHANNEL);
    const counts = new Map<string, number>();
    for (const r of connector.received) counts.set(r.key!, (counts.get(r.key!) ?? 0) + 1);
    for (const m of plan.messages) assert.ok((counts.get(m.key) ?? 0) >= 1, `${m.key} was lost`);
    const repeated = [...counts].filter(([, n]) => n > 1).map(([k]) => k);
    assert.ok(repeated.length <= 1, `repeated: ${repeated.join(', ')}`);
    if (allowedRepeat !== null)
      assert.ok(
        repeated.every((k) => k === allowedRepeat),
        `repeated ${repeated.join(',')} but in flight was ${allowedRepeat}`,
      );
    assert.ok(repeated.every((k) => counts.get(k) === 2));
    // Per conversation, first deliveries are in enqueue order.
    for (const channel of plan.channels) {
      const seen: string[] = [];
      for (const r of connector.received)
        if (channelOf(r.conversationId) === channel && !seen.includes(r.key!)) seen.push(r.key!);
      assert.deepEqual(
        seen,
        plan.messages.filter((m) => m.conversationId === channel).map((m) => m.key),
      );
    }
    return repeated;
  }

  it('killed while a message is at Teams but not yet marked sent: that one message, and only it, is repeated', async () => {
    const run = startChild();
    let inFlight: string | null = null;
    // Kill the child the moment the 25th message reaches the connector: Teams has it, the child
    // never learns so. The fake still accepts it.
    connector.failWhen((req) => {
      if (inFlight === null && connector.received.length === 24) {
        inFlight = req.key ?? null;
        child!.kill('SIGKILL');
      }
      return undefined;
    });
    assert.equal(await run.exited, 'SIGKILL', run.stderr());
    connector.failWhen(null);
    assert.ok(inFlight, 'the child was killed mid-batch');
    assert.equal(connector.received.length, 25);

    await restartAndFinish();
    const repeated = assertDeliveredOnceExcept(inFlight);
    assert.deepEqual(repeated, [inFlight], 'the in-flight message is the one repeat');
    assert.equal(connector.received.length, crashBatch(PER_CHANNEL).messages.length + 1);
  });

  it('killed at an arbitrary moment (slow connector): nothing lost, at most one message repeated', async () => {
    connector.setDelay(3);
    const run = startChild();
    await until(() => connector.received.length >= 15, 15_000, 'the child to deliver 15 messages');
    // Somewhere inside a send, the fsync of markSent, or between them.
    await new Promise((r) => setTimeout(r, Math.floor(Math.random() * 8)));
    child!.kill('SIGKILL');
    assert.equal(await run.exited, 'SIGKILL', run.stderr());
    const beforeRestart = connector.received.length;
    assert.ok(beforeRestart < crashBatch(PER_CHANNEL).messages.length, 'killed mid-batch');

    await restartAndFinish();
    assertDeliveredOnceExcept(null);
  });
});
