import { open, rm, stat, type FileHandle } from 'node:fs/promises';
import * as path from 'node:path';
import type { Logger } from 'pino';
import type { Document } from 'mongodb';
import type { IndexSpec } from './indexes.js';
import { commitFile, compactedChunks, fsyncDir, writeAll, writeDurably } from './log-file.js';

/** What the log asks of its collection when compacting. Documents must never be mutated in place. */
export interface LogSource {
  snapshot(): { indexes: IndexSpec[]; docs: Document[] };
  liveBytes(): number;
}

export interface CollectionLogOptions {
  compactThresholdBytes: number;
  logger?: Logger;
}

interface Waiter {
  seq: number;
  resolve: () => void;
  reject: (err: Error) => void;
}

/**
 * Append-only log of one collection with group commit: lines appended while an fsync is in
 * flight go out together in the next write + fsync. Sequence numbers follow append order, so
 * "seq N is durable" means every earlier line is too.
 */
export class CollectionLog {
  private handle: FileHandle | null = null;
  private pending: string[] = [];
  private seq = 0;
  private durable = 0;
  private waiters: Waiter[] = [];
  private loop: Promise<void> | null = null;
  private failure: Error | null = null;
  private noCompactBelow = 0;

  constructor(
    readonly file: string,
    private fileBytes: number,
    private readonly source: LogSource,
    private readonly opts: CollectionLogOptions,
  ) {}

  get lastSeq(): number {
    return this.seq;
  }

  get sizeBytes(): number {
    return this.fileBytes;
  }

  /** Queues a line (ending in '\n'); returns its sequence number for waitFor. */
  append(line: string): number {
    if (this.failure) throw this.failure;
    this.pending.push(line);
    this.seq++;
    this.loop ??= this.run();
    return this.seq;
  }

  waitFor(seq: number): Promise<void> {
    if (this.failure) return Promise.reject(this.failure);
    if (seq <= this.durable) return Promise.resolve();
    return new Promise((resolve, reject) => this.waiters.push({ seq, resolve, reject }));
  }

  /** Fails fast once a write has failed: memory may hold changes the disk does not. */
  assertHealthy(): void {
    if (this.failure) throw this.failure;
  }

  async close(): Promise<void> {
    await this.waitFor(this.seq).catch(() => undefined);
    // A compaction may still be running after the last waiter was released.
    await this.loop;
    await this.handle?.close();
    this.handle = null;
  }

  private async run(): Promise<void> {
    // Let writes issued in the same tick join this batch.
    await Promise.resolve();
    try {
      while (this.pending.length > 0) {
        const batch = this.pending;
        const upTo = this.seq;
        this.pending = [];
        const fh = this.handle ?? (await this.openForAppend());
        const buf = Buffer.from(batch.join(''), 'utf8');
        await writeAll(fh, buf);
        await fh.datasync();
        this.fileBytes += buf.length;
        this.markDurable(upTo);
        if (this.shouldCompact()) await this.compact();
      }
    } catch (err) {
      this.fail(err as Error);
    } finally {
      this.loop = null;
    }
  }

  private async openForAppend(): Promise<FileHandle> {
    const existed = await stat(this.file).then(() => true, () => false);
    this.handle = await open(this.file, 'a');
    // A new file's directory entry must be durable too, or the whole log could vanish.
    if (!existed) await fsyncDir(path.dirname(this.file));
    return this.handle;
  }

  private shouldCompact(): boolean {
    return this.fileBytes > this.opts.compactThresholdBytes
      && this.fileBytes > 4 * this.source.liveBytes()
      && this.fileBytes > this.noCompactBelow;
  }

  /** Runs inside the write loop, so no append reaches the old file while the new one is built. */
  private async compact(): Promise<void> {
    const snap = this.source.snapshot();
    // Lines queued but not yet written are already contained in the snapshot.
    const covered = this.seq;
    const carried = this.pending;
    this.pending = [];
    const tmp = this.file + '.tmp';
    let size: number;
    try {
      size = await writeDurably(tmp, compactedChunks(snap.indexes, snap.docs));
    } catch (err) {
      // The old log is intact: put the lines back and carry on without compacting for a while.
      this.pending = carried.concat(this.pending);
      this.noCompactBelow = this.fileBytes * 2;
      await rm(tmp, { force: true }).catch(() => undefined);
      this.opts.logger?.warn({ file: path.basename(this.file), err: (err as Error).message }, 'log compaction failed; will retry later');
      return;
    }
    // From here on a failure is fatal (thrown to run()): the old handle may point at a replaced file.
    await commitFile(tmp, this.file);
    await this.handle?.close();
    this.handle = await open(this.file, 'a');
    this.fileBytes = size;
    this.markDurable(covered);
    this.opts.logger?.info({ file: path.basename(this.file), bytes: size }, 'compacted collection log');
  }

  private markDurable(seq: number): void {
    this.durable = Math.max(this.durable, seq);
    // Waiters are not in seq order (reads wait for whatever was last applied when they ran).
    const still: Waiter[] = [];
    for (const w of this.waiters) {
      if (w.seq <= this.durable) w.resolve();
      else still.push(w);
    }
    this.waiters = still;
  }

  private fail(cause: Error): void {
    this.failure = new Error(
      `embedded store: writing ${path.basename(this.file)} failed (${(cause as NodeJS.ErrnoException).code ?? cause.message}); ` +
      'changes since the last acknowledged write are not durable, restart the bot', { cause });
    this.opts.logger?.error({ file: path.basename(this.file), err: cause.message }, 'collection log write failed');
    for (const w of this.waiters) w.reject(this.failure);
    this.waiters = [];
  }
}
