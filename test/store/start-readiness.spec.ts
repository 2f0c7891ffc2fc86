// Start order (issue 12): /healthz answers as soon as the store is open and the jobs are armed; the first
// sweep (which reads every child, seconds at 100k) and the pending drainer's first pass start right after that
// first answer, not before it.
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../src/config.js';
import { startIroBot, type RunningBot } from '../../src/index.js';
import { createLogger } from '../../src/logger.js';

describe('start-up: the first sweep waits for readiness', function () {
  this.timeout(30_000);
  let dir: string;
  let bot: RunningBot | undefined;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'iro-start-'));
  });
  afterEach(async () => {
    await bot?.stop();
    bot = undefined;
    await rm(dir, { recursive: true, force: true });
  });

  const start = (fallbackMs: number) =>
    startIroBot(
      loadConfig({ PORT: '0', DATA_DIR: dir, LOG_LEVEL: 'silent', IRO_NOW: '2026-11-25T09:00:00Z' }),
      createLogger('silent'),
      { firstSweepFallbackMs: fallbackMs },
    );

  /** Records when the sweeper first reads the children. */
  const watchSweeps = (b: RunningBot, events: string[]): Promise<void> =>
    new Promise((resolve) => {
      const listAll = b.deps.children.listAll.bind(b.deps.children);
      b.deps.children.listAll = async (...args) => {
        events.push('sweep');
        resolve();
        return listAll(...args);
      };
    });

  it('answers /healthz first, then sweeps at once', async () => {
    bot = await start(60_000); // no fallback within the test: only the answer can start the sweep
    const events: string[] = [];
    const swept = watchSweeps(bot, events);
    await new Promise((r) => setTimeout(r, 300));
    assert.deepEqual(events, [], 'swept before anyone asked whether the bot is ready');
    const res = await fetch(`${bot.server.url}/healthz`);
    assert.equal(res.status, 200);
    await swept;
    assert.deepEqual(events, ['sweep']);
  });

  it("the pending drainer's first pass (every child with a parked message) also waits for the first answer", async () => {
    bot = await start(60_000);
    const events: string[] = [];
    const listWithPending = bot.deps.children.listWithPending.bind(bot.deps.children);
    const drained = new Promise<void>((resolve) => {
      bot!.deps.children.listWithPending = async (...args) => {
        events.push('drain');
        resolve();
        return listWithPending(...args);
      };
    });
    await new Promise((r) => setTimeout(r, 300));
    assert.deepEqual(events, [], 'drained before anyone asked whether the bot is ready');
    assert.equal((await fetch(`${bot.server.url}/healthz`)).status, 200);
    await drained;
    assert.deepEqual(events, ['drain']);
  });

  it('sweeps soon after start even when nobody asks /healthz', async () => {
    bot = await start(50);
    const events: string[] = [];
    await watchSweeps(bot, events);
    assert.deepEqual(events, ['sweep']);
  });
});
