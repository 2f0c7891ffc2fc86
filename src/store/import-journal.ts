import { ObjectId } from 'bson';
import type { Document, Filter } from 'mongodb';
import type { DocCollection, Store } from './doc-collection.js';
import { COLLECTIONS } from './documents.js';
import { entrust } from './embedded/clone.js';

// A write-ahead journal for a change set too large for one document (an import), written against
// the DocCollection port so it works on MongoDB and the embedded store alike. Protocol:
//   1. begin: a head document in state 'writing';
//   2. the change set in chunks (each well under MongoDB's 16 MB document limit);
//   3. commit: ONE single-document update of the head to 'committed' — the moment of truth;
//   4. the caller applies the chunks with idempotent writes;
//   5. finish: head 'done', chunks deleted.
// After a crash, a 'committed' journal is applied again (idempotent) and a 'writing' one discarded,
// so the change set is seen whole or not at all by anyone who opens the store through recovery.

export const IMPORT_JOURNAL_COLLECTION = 'importJournal';
/** Chunks are cut at about this many bytes of JSON (MongoDB refuses documents over 16 MB). */
export const JOURNAL_CHUNK_BYTES = 4 * 1024 * 1024;
/** On a shared MongoDB, a 'writing' journal is only abandoned once its writer has been silent this long. */
export const ABANDONED_AFTER_MS = 10 * 60 * 1000;

export type JournalState = 'writing' | 'committed' | 'done';

export interface JournalHead<M extends Document = Document> {
  _id: string;
  kind: 'head';
  state: JournalState;
  createdAt: Date;
  /** Real time of the writer's last sign of life (not IRO_NOW): decides when a 'writing' journal is abandoned. */
  heartbeatAt: Date;
  chunks: number;
  meta: M;
}

export interface JournalChunk {
  _id: string;
  kind: 'chunk';
  journalId: string;
  seq: number;
  section: string;
  /**
   * The items themselves (plain JSON values: no Date, no ObjectId), entrusted to the embedded store rather
   * than copied (embedded/clone.ts): written once, as part of the chunk's log line. Until issue 12 they were
   * JSON text in `json`, which cost a second encoding with every quote escaped (1 s at 100k children).
   */
  items?: unknown[];
  /** The items as JSON text, as journals written before `items` hold them (still read). */
  json?: string;
}

type JournalDoc = JournalHead | JournalChunk;

export class ImportJournal {
  private readonly col: DocCollection<JournalDoc>;

  constructor(private readonly store: Store) {
    this.col = store.collection<JournalDoc>(IMPORT_JOURNAL_COLLECTION);
  }

  async begin<M extends Document>(meta: M): Promise<JournalWriter> {
    const id = `import-${new ObjectId().toHexString()}`;
    const now = new Date();
    await this.col.insertOne({
      _id: id,
      kind: 'head',
      state: 'writing',
      createdAt: now,
      heartbeatAt: now,
      chunks: 0,
      meta,
    });
    return new JournalWriter(this.col, id);
  }

  /** Journals a crash interrupted: 'writing' or 'committed', oldest first. */
  async unfinished(): Promise<JournalHead[]> {
    const heads = await this.col
      .find({ kind: 'head', state: { $in: ['writing', 'committed'] } } as Filter<JournalDoc>)
      .toArray();
    return (heads as JournalHead[]).sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
  }

  /** Whether an unfinished 'writing' journal can be thrown away: nobody can still be writing it. */
  isAbandoned(head: JournalHead, nowMs = Date.now()): boolean {
    // The embedded store is held by one process (its lock): whoever wrote this is gone.
    if (this.store.kind === 'embedded') return true;
    return nowMs - head.heartbeatAt.getTime() > ABANDONED_AFTER_MS;
  }

  async *chunks(journalId: string, count: number): AsyncGenerator<{ section: string; items: unknown[] }> {
    // One at a time: a 100k-child journal is hundreds of MB, and only one chunk is needed at once.
    for (let seq = 0; seq < count; seq++) {
      const chunk = await this.col.findOne({ _id: chunkId(journalId, seq) });
      if (!chunk || chunk.kind !== 'chunk') throw new Error(`import journal ${journalId} is missing chunk ${seq}`);
      yield { section: chunk.section, items: chunk.items ?? (JSON.parse(chunk.json ?? '[]') as unknown[]) };
    }
  }

  /** Marks a committed journal applied, then removes its chunks (a crash in between leaves only garbage, removed next time). */
  async finish(journalId: string): Promise<void> {
    await this.col.updateOne({ _id: journalId, kind: 'head' } as Filter<JournalDoc>, {
      $set: { state: 'done', chunks: 0 },
    });
    await this.removeChunks(journalId);
  }

  /** Throws away an uncommitted journal: it never became visible. */
  async discard(journalId: string): Promise<void> {
    await this.removeChunks(journalId);
    await this.col.deleteOne({ _id: journalId });
  }

  /** Chunks whose journal is done or gone (a crash during finish or discard). */
  async removeOrphanChunks(): Promise<number> {
    const chunks = await this.col
      .find({ kind: 'chunk' } as Filter<JournalDoc>, { projection: { _id: 1, journalId: 1 } })
      .toArray();
    if (chunks.length === 0) return 0;
    const live = new Set((await this.unfinished()).map((h) => h._id));
    let removed = 0;
    for (const c of chunks as Array<Pick<JournalChunk, '_id' | 'journalId'>>) {
      if (live.has(c.journalId)) continue;
      await this.col.deleteOne({ _id: c._id });
      removed++;
    }
    return removed;
  }

  private async removeChunks(journalId: string): Promise<void> {
    const chunks = await this.col
      .find({ kind: 'chunk', journalId } as Filter<JournalDoc>, { projection: { _id: 1 } })
      .toArray();
    // Together: one fsync for all of them on the embedded store (each is garbage once the head says done).
    await Promise.all(chunks.map((c) => this.col.deleteOne({ _id: c._id })));
  }
}

/** Writes one journal's chunks in order, then commits it. */
export class JournalWriter {
  private seq = 0;
  private committed = false;

  constructor(
    private readonly col: DocCollection<JournalDoc>,
    readonly id: string,
  ) {}

  get chunkCount(): number {
    return this.seq;
  }

  /**
   * Appends `items` under `section`, cut into chunks of about JOURNAL_CHUNK_BYTES; resolves once all are durable.
   * Each chunk goes out as soon as it is cut while the next one is built (disk and processor both busy: a
   * 100k-child change set is thirty chunks); none counts before the commit, so their order does not matter.
   */
  async write(section: string, items: readonly unknown[]): Promise<void> {
    const written: Promise<void>[] = [];
    const send = async (part: unknown[]) => {
      const done = this.writeChunk(section, part);
      done.catch(() => undefined); // awaited below, with the rest
      written.push(done);
      await new Promise((resolve) => setImmediate(resolve)); // lets the store start writing it
    };
    let part: unknown[] = [];
    let chars = 0;
    for (const item of items) {
      const size = approximateJsonLength(item);
      if (part.length > 0 && chars + size > JOURNAL_CHUNK_BYTES) {
        await send(part);
        part = [];
        chars = 0;
      }
      part.push(item);
      chars += size + 1;
    }
    if (part.length > 0) await send(part);
    await Promise.all(written);
  }

  /** The single write that makes the whole change set count. */
  async commit(): Promise<void> {
    const r = await this.col.updateOne({ _id: this.id, kind: 'head', state: 'writing' } as Filter<JournalDoc>, {
      $set: { state: 'committed', chunks: this.seq, heartbeatAt: new Date() },
    });
    if (r.matchedCount !== 1) throw new Error(`import journal ${this.id} was abandoned before it could be committed`);
    this.committed = true;
  }

  get isCommitted(): boolean {
    return this.committed;
  }

  private async writeChunk(section: string, items: unknown[]): Promise<void> {
    const seq = this.seq++;
    // The chunk and the heartbeat in one go (one fsync on the embedded store).
    await Promise.all([
      this.col.insertOne(
        entrust({ _id: chunkId(this.id, seq), kind: 'chunk', journalId: this.id, seq, section, items }),
      ),
      this.col.updateOne({ _id: this.id }, { $set: { heartbeatAt: new Date() } }),
    ]);
  }
}

/**
 * About the length of a plain value as JSON: strings and keys by their length, other values 8. Text needing
 * escapes (quotes, backslashes; control characters are refused in names) can take up to twice this, so a
 * chunk cut at 4 MB stays far below MongoDB's 16 MB.
 */
function approximateJsonLength(value: unknown): number {
  switch (typeof value) {
    case 'string':
      return value.length + 2;
    case 'object': {
      if (value === null) return 4;
      let n = 2;
      if (Array.isArray(value)) for (const x of value) n += approximateJsonLength(x) + 1;
      else
        for (const k of Object.keys(value))
          n += k.length + 4 + approximateJsonLength((value as Record<string, unknown>)[k]);
      return n;
    }
    default:
      return 8;
  }
}

function chunkId(journalId: string, seq: number): string {
  return `${journalId}:${String(seq).padStart(6, '0')}`;
}

/** Every stored child ref (the import compares refs case-insensitively against the store). */
export async function listChildRefs(store: Store): Promise<string[]> {
  const docs = await store
    .collection<{ _id: string }>(COLLECTIONS.children)
    .find({}, { projection: { _id: 1 } })
    .toArray();
  return docs.map((d) => d._id);
}
