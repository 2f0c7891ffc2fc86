// Outbox delivery benchmark: 1,000 queued messages to 50 conversations (20 each) through the real
// sender, notifier and SDK connector client to a fake Teams connector on loopback, with Teams' real
// per-conversation limits (7/1 s, 60/30 s). Reports throughput and the peak per-conversation rates
// Teams would have seen. `npx tsx bench/outbox.ts` runs it alone.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { channelOf, maxInWindow, openOutboxEnv } from '../test/jobs/helpers/outbox-env.js';
import { startFakeConnector } from '../test/helpers/fake-connector.js';

export interface OutboxBenchResult {
  messages: number;
  conversations: number;
  /** Delivery time, first send to last marked sent (enqueueing excluded). */
  ms: number;
  perSecond: number;
  peakPerConversationPerSecond: number;
  peakPer30s: number;
  /** Enqueue time for the batch (one fsynced insert each). */
  enqueueMs: number;
  maxConcurrentConversations: number;
}

export async function benchOutbox(
  opts: { conversations?: number; perConversation?: number; maxConcurrentConversations?: number } = {},
): Promise<OutboxBenchResult> {
  const conversations = opts.conversations ?? 50;
  const perConversation = opts.perConversation ?? 20;
  const concurrency = opts.maxConcurrentConversations ?? 1;
  const connector = await startFakeConnector();
  const dir = await mkdtemp(join(tmpdir(), 'iro-bench-outbox-'));
  const env = await openOutboxEnv(connector.url, { dir });
  try {
    const ids = Array.from({ length: conversations }, (_, i) => `19:bench-${String(i).padStart(2, '0')}@thread.tacv2`);
    for (const id of ids) await env.addChannel(id);
    const t0 = performance.now();
    for (let n = 0; n < perConversation; n++) {
      for (const id of ids) await env.enqueue(`bench:${id}:${n}`, id);
    }
    const enqueueMs = performance.now() - t0;
    const total = conversations * perConversation;

    const sender = env.sender({ maxConcurrentConversations: concurrency }); // real Teams limits
    const start = performance.now();
    sender.start();
    while ((await env.outbox.countByStatus()).sent < total) await new Promise((r) => setTimeout(r, 20));
    const ms = performance.now() - start;
    await sender.stop();

    const byConversation = new Map<string, number[]>();
    for (const a of connector.attempts) {
      const key = channelOf(a.conversationId);
      const list = byConversation.get(key);
      if (list) list.push(a.at);
      else byConversation.set(key, [a.at]);
    }
    const peak = (windowMs: number) => Math.max(...[...byConversation.values()].map((t) => maxInWindow(t, windowMs)));
    if (connector.received.length !== total)
      throw new Error(`connector received ${connector.received.length} of ${total}`);
    return {
      messages: total,
      conversations,
      ms: Math.round(ms),
      perSecond: Math.round((total / ms) * 1000),
      peakPerConversationPerSecond: peak(1_000),
      peakPer30s: peak(30_000),
      enqueueMs: Math.round(enqueueMs),
      maxConcurrentConversations: concurrency,
    };
  } finally {
    await env.close();
    await rm(dir, { recursive: true, force: true });
    await connector.close();
  }
}

if (require.main === module) {
  (async () => {
    for (const maxConcurrentConversations of [1, 8]) {
      const r = await benchOutbox({ maxConcurrentConversations });
      console.log(
        `outbox: ${r.messages} messages to ${r.conversations} conversations, ${r.maxConcurrentConversations} in parallel: ` +
          `${r.ms} ms (${r.perSecond}/s); peak per conversation ${r.peakPerConversationPerSecond} in 1 s (limit 7), ` +
          `${r.peakPer30s} in 30 s (limit 60); enqueue ${r.enqueueMs} ms`,
      );
    }
  })().then(
    () => process.exit(0),
    (err) => {
      console.error(err);
      process.exit(1);
    },
  );
}
