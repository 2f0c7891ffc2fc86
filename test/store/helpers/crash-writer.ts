// Child process for the crash test: writes forever; a line on stdout for each ACKNOWLEDGED write
// (printed after the promise resolved). Stdout to a pipe is synchronous on Linux, so a printed
// line was acknowledged before the next write started. The parent SIGKILLs us at a random moment.
import type { Document } from 'mongodb';
import { openEmbeddedStore } from '../../../src/store/embedded/embedded-store.js';

interface Item extends Document {
  _id: string;
  version: number;
  stamp: number;
  owner: number;
  pad: string;
}

const WORKERS = 4;

void (async () => {
  const [dir, round] = [process.argv[2]!, process.argv[3]!];
  // A tiny threshold so kills also land during compactions.
  const store = await openEmbeddedStore(dir, { compactThresholdBytes: 8 * 1024 });
  const items = store.collection<Item>('items');
  const events = store.collection<Document>('events');
  // Few documents, many updates: this log compacts every few dozen writes.
  const counters = store.collection<Document & { _id?: string }>('counters');
  const counterVersions = new Map<string, number>();
  for (const d of await counters.find({}).toArray()) counterVersions.set(String(d._id), d.version as number);
  // Continue from what is durable (it may be ahead of what the parent saw acknowledged).
  const versions = new Map<string, number>();
  const owned: string[][] = Array.from({ length: WORKERS }, () => []);
  for (const d of await items.find({}).toArray()) {
    versions.set(d._id, d.version);
    owned[d.owner % WORKERS]!.push(d._id);
  }
  const say = (line: string): void => {
    process.stdout.write(line + '\n');
  };
  say('ready');

  const worker = async (w: number): Promise<void> => {
    const mine = owned[w]!;
    for (let n = 0; ; n++) {
      const r = Math.random();
      if (r < 0.25 || mine.length < 3) {
        const id = `r${round}w${w}n${n}`;
        await items.insertOne({
          _id: id,
          version: 0,
          stamp: 0,
          owner: w,
          pad: 'p'.repeat(Math.floor(Math.random() * 400)),
        });
        versions.set(id, 0);
        mine.push(id);
        say(`I ${id} 0`);
      } else if (r < 0.3) {
        const id = mine.splice(Math.floor(Math.random() * mine.length), 1)[0]!;
        // Announced first: a delete cut off before its acknowledgement may still have landed.
        say(`d ${id}`);
        const res = await items.deleteOne({ _id: id });
        say(res.deletedCount === 1 ? `D ${id}` : `X ${id} delete-missed`);
      } else if (r < 0.35) {
        const ev = await events.insertOne({ round, w, n, at: new Date() });
        say(`E ${String(ev.insertedId)}`);
      } else if (r < 0.6) {
        const id = `w${w}`;
        const v = counterVersions.get(id) ?? 0;
        const res = await counters.updateOne(
          { _id: id, version: v },
          { $set: { stamp: v + 1 }, $inc: { version: 1 } },
          { upsert: v === 0 },
        );
        if (res.matchedCount + res.upsertedCount !== 1) {
          say(`X ${id} counter-lost-race`);
          continue;
        }
        counterVersions.set(id, v + 1);
        say(`C ${id} ${v + 1}`);
      } else {
        const id = mine[Math.floor(Math.random() * mine.length)]!;
        const v = versions.get(id)!;
        const res = await items.updateOne(
          { _id: id, version: v },
          { $set: { stamp: v + 1, pad: 'q'.repeat(Math.floor(Math.random() * 400)) }, $inc: { version: 1 } },
        );
        if (res.matchedCount !== 1) {
          say(`X ${id} lost-race`);
          continue;
        }
        versions.set(id, v + 1);
        say(`U ${id} ${v + 1}`);
      }
    }
  };
  await Promise.all(Array.from({ length: WORKERS }, (_, w) => worker(w)));
})().catch((err) => {
  process.stderr.write(`crash-writer failed: ${(err as Error).stack}\n`);
  process.exit(3);
});
