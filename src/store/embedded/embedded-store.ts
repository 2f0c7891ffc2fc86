import { mkdir, readdir, rm } from 'node:fs/promises';
import * as path from 'node:path';
import type { Document } from 'mongodb';
import type { Logger } from 'pino';
import { AppError } from '../../domain/errors.js';
import type { DocCollection, Store } from '../doc-collection.js';
import { CollectionLog, type LogSource } from './collection-log.js';
import type { IndexSpec } from './indexes.js';
import { acquireDirLock, type DirLock } from './lock-file.js';
import { LOG_EXT, compactedChunks, liveBytes, replayLogFile, writeFileAtomic } from './log-file.js';
import { MingoCollection } from './mingo-collection.js';

export interface EmbeddedStoreOptions {
  logger?: Logger;
  /** A log is compacted when it is larger than this and more than 4x its live data. */
  compactThresholdBytes?: number;
}

export const DEFAULT_COMPACT_THRESHOLD_BYTES = 8 * 1024 * 1024;

export interface CollectionSnapshot {
  name: string;
  indexes: IndexSpec[];
  docs: Document[];
}

const NAME_RE = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,119}$/;

/** One process's store: mingo collections in memory, one append-only log per collection on disk. */
export class EmbeddedStore implements Store {
  readonly kind = 'embedded' as const;
  private closed = false;
  private readonly collections = new Map<string, MingoCollection>();
  private readonly logs = new Map<string, CollectionLog>();

  private constructor(
    readonly dir: string,
    private readonly lock: DirLock,
    private readonly opts: Required<Pick<EmbeddedStoreOptions, 'compactThresholdBytes'>> & EmbeddedStoreOptions,
  ) {}

  static async open(dir: string, opts: EmbeddedStoreOptions = {}): Promise<EmbeddedStore> {
    const abs = path.resolve(dir);
    await mkdir(abs, { recursive: true });
    const lock = await acquireDirLock(abs, opts.logger);
    const store = new EmbeddedStore(abs, lock, { ...opts, compactThresholdBytes: opts.compactThresholdBytes ?? DEFAULT_COMPACT_THRESHOLD_BYTES });
    try {
      await store.load();
    } catch (err) {
      await lock.release();
      throw err;
    }
    return store;
  }

  collection<T extends Document>(name: string): DocCollection<T> {
    this.assertOpen();
    return this.getOrCreate(name, 0) as unknown as DocCollection<T>;
  }

  collectionNames(): string[] {
    return [...this.collections.keys()].sort();
  }

  /**
   * Every collection at one instant. Stored documents are never mutated (copy-on-write) and this
   * runs synchronously, so the result is consistent across collections without pausing writers.
   */
  snapshot(): CollectionSnapshot[] {
    this.assertOpen();
    return this.collectionNames().map((name) => ({ name, ...this.collections.get(name)!.snapshot() }));
  }

  /** Waits until everything applied so far is on disk. */
  async flush(): Promise<void> {
    await Promise.all([...this.logs.values()].map((l) => l.waitFor(l.lastSeq)));
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.all([...this.logs.values()].map((l) => l.close()));
    await this.lock.release();
  }

  private assertOpen(): void {
    if (this.closed) throw new Error('the embedded store is closed');
  }

  private async load(): Promise<void> {
    const files = await readdir(this.dir);
    // Leftovers of a compaction cut short; the log they were replacing is intact.
    await Promise.all(files.filter((f) => f.endsWith(LOG_EXT + '.tmp')).map((f) => rm(path.join(this.dir, f), { force: true })));
    for (const f of files.filter((x) => x.endsWith(LOG_EXT)).sort()) {
      const name = f.slice(0, -LOG_EXT.length);
      if (!NAME_RE.test(name)) continue;
      const file = path.join(this.dir, f);
      const replayed = await replayLogFile(file);
      if (replayed.droppedAt !== null) {
        this.opts.logger?.warn({ file: f, offset: replayed.droppedAt }, 'dropped a torn last line from a collection log');
      }
      let size = replayed.fileBytes;
      // Compact on open: drops superseded lines and any torn tail before we append again.
      if (replayed.needsRewrite || size !== liveBytes(replayed)) {
        size = await writeFileAtomic(file, compactedChunks(replayed.indexes.values(), [...replayed.docs.values()].map((d) => d.doc)));
      }
      this.getOrCreate(name, size).load(replayed.docs.values(), replayed.indexes.values());
    }
  }

  private getOrCreate(name: string, fileBytes: number): MingoCollection {
    let coll = this.collections.get(name);
    if (coll) return coll;
    if (!NAME_RE.test(name)) throw new AppError('invalid-input', `invalid collection name '${name}'`);
    const source: LogSource = { snapshot: () => coll!.snapshot(), liveBytes: () => coll!.liveBytes() };
    const log = new CollectionLog(path.join(this.dir, name + LOG_EXT), fileBytes, source, {
      compactThresholdBytes: this.opts.compactThresholdBytes,
      logger: this.opts.logger,
    });
    coll = new MingoCollection(name, log, {
      assertOpen: () => this.assertOpen(),
      documentsOf: (other) => this.collections.get(other)?.rawDocuments() ?? [],
    });
    this.collections.set(name, coll);
    this.logs.set(name, log);
    return coll;
  }
}

export function openEmbeddedStore(dir: string, opts?: EmbeddedStoreOptions): Promise<EmbeddedStore> {
  return EmbeddedStore.open(dir, opts);
}
