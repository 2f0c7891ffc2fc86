import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../src/config.js';
import { startIroBot, type RunningBot } from '../../src/index.js';
import { createLogger } from '../../src/logger.js';
import { runImport } from '../../src/app/import/run-import.js';
import { openEmbeddedStore } from '../../src/store/embedded/embedded-store.js';
import { plainText } from '../../src/teams/markdown.js';
import { startFakeConnector, type FakeConnector, type ReceivedActivity } from './fake-connector.js';

// A real bot (restify + CloudAdapter + teams-ai) on loopback with an embedded store in a temp dir,
// and a fake connector receiving its replies.
export interface Harness {
  bot: RunningBot;
  connector: FakeConnector;
  dataDir: string;
  post(activity: unknown): Promise<{ status: number; body: string }>;
  /** Posts an activity and returns the bot's reply (the next activity at the connector). */
  ask(activity: unknown): Promise<ReceivedActivity>;
  stop(): Promise<void>;
}

export async function startHarness(
  opts: {
    env?: Record<string, string>;
    importDoc?: unknown;
    jobs?: boolean;
    logger?: ReturnType<typeof createLogger>;
  } = {},
): Promise<Harness> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'iro-bot-test-'));
  const env = { PORT: '0', DATA_DIR: dataDir, LOG_LEVEL: 'silent', IRO_NOW: '2026-11-23T09:00:00Z', ...opts.env };
  const config = loadConfig(env);
  if (opts.importDoc) {
    const store = await openEmbeddedStore(dataDir);
    try {
      await runImport(store, opts.importDoc, { sourceName: 'test', now: config.fixedNow ?? new Date() });
    } finally {
      await store.close();
    }
  }
  // Jobs (sweeper, outbox sender) are off unless a test asks: their posts would interleave with replies.
  const bot = await startIroBot(config, opts.logger ?? createLogger('silent'), { jobs: opts.jobs ?? false });
  const connector = await startFakeConnector();
  const post = async (activity: unknown) => {
    const res = await fetch(`${bot.server.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: typeof activity === 'string' ? activity : JSON.stringify(activity),
    });
    return { status: res.status, body: await res.text() };
  };
  return {
    bot,
    connector,
    dataDir,
    post,
    async ask(activity) {
      const before = connector.received.length;
      const res = await post(activity);
      if (res.status >= 300) throw new Error(`bot answered HTTP ${res.status}: ${res.body}`);
      const all = await connector.waitFor(before + 1);
      // The reply to this activity (the edge answers HTTP after the turn, so it is already here), not a
      // message the bot posted meanwhile on its own (a liaison thread started by /setup, say).
      const id = (activity as { id?: unknown }).id;
      const after = all.slice(before);
      return after.find((a) => typeof id === 'string' && a.replyToId === id) ?? after[0]!;
    },
    async stop() {
      await connector.close();
      await bot.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The Adaptive Card content of a reply, and all its text joined as a person reads it (markdown escapes resolved), for assertions. */
export function cardOf(reply: ReceivedActivity): { card: any; text: string } {
  const card = reply.body?.attachments?.[0]?.content;
  const texts: string[] = [];
  const walk = (n: unknown): void => {
    if (Array.isArray(n)) n.forEach(walk);
    else if (n && typeof n === 'object') {
      for (const [k, v] of Object.entries(n)) {
        if ((k === 'text' || k === 'value' || k === 'title') && typeof v === 'string') texts.push(plainText(v));
        else walk(v);
      }
    }
  };
  walk(card);
  return { card, text: texts.join('\n') };
}
