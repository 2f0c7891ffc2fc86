// Child process for the kill -9 test: opens the outbox in DATA_DIR, enqueues a batch for three
// channels and delivers it to the parent's fake connector until the parent SIGKILLs it.
// Usage: node --import tsx outbox-crash-child.ts <dataDir> <connectorUrl> <messagesPerChannel>
import { crashBatch } from './outbox-crash-plan.js';
import { openOutboxEnv } from './outbox-env.js';

async function main(): Promise<void> {
  const [dir, url, perChannel] = process.argv.slice(2);
  const env = await openOutboxEnv(url!, { dir, adapter: 'plain' });
  const plan = crashBatch(Number(perChannel));
  for (const channel of plan.channels) await env.addChannel(channel);
  for (const m of plan.messages) await env.enqueue(m.key, m.conversationId);
  const sender = env.sender({
    // Generous limits: this test is about crash safety, not pacing.
    limits: { perSecond: 1_000, per30s: 10_000 },
    backoff: { baseMs: 10, capMs: 50 },
    maxConcurrentConversations: 1,
  });
  process.stdout.write('enqueued\n');
  sender.start();
}

main().catch((err) => {
  process.stderr.write(`${(err as Error).stack}\n`);
  process.exit(1);
});
