import { open, rename, rm, stat, type FileHandle } from 'node:fs/promises';
import * as path from 'node:path';
import type { Logger } from 'pino';
import type { Document } from 'mongodb';
import type { IndexSpec } from './indexes.js';
import {
  compactedChunks,
  crc32After,
  diskIo,
  fsyncDir,
  writeDurablyWithCrc,
  writeFileAtomicWithCrc,
  type LinePlace,
} from './log-file.js';
import { storeUnavailable } from './store-health.js';

/** What the log asks of its collection when compacting. Documents must never be mutated in place. */
export interface LogSource {
  snapshot(): { indexes: IndexSpec[]; docs: Document[] };
  liveBytes(): number;
}

export interface CollectionLogOptions {
  compactThresholdBytes: number;
  logger?: Logger;
  /** Lists this collection in the store's manifest (idempotent); awaited before a new file's first line is acknowledged. */
  ensureListed?: () => Promise<void>;
  /** A write failed: memory is back at the last durable state; the store stops taking writes. */
  onFailure?: (log: CollectionLog, cause: Error) => void;
}

/** Puts the collection back as it was before one change (called newest first, on failure only). */
export type Undo = () => void;

/** Which document a line writes (put) or deletes, so the log knows where each live document's line is. */
export interface LineSubject {
  id: string;
  put: boolean;
}

/**
 * What the file holds, kept in step with every durable write: its size, its CRC-32 and where each live
 * document's line is. A snapshot (snapshot-file.ts) is written from this, so it can name the exact bytes it
 * describes without reading the file again.
 */
export interface LogBasis {
  bytes: number;
  crc: number;
  places: Map<string, LinePlace>;
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
 *
 * A failed write (a full disk) never leaves memory ahead of the disk: every change not yet durable
 * is undone, newest first, its caller gets `store-unavailable` ("nothing was saved"), and the part
 * of the batch that reached the file is cut off. The log then refuses lines until recover().
 */
export class CollectionLog {
  private handle: FileHandle | null = null;
  private pending: string[] = [];
  private pendingSubjects: (LineSubject | null)[] = [];
  /** False once a batch was written whose lines' documents are not all known: no snapshot until a compaction. */
  private placesKnown = true;
  private crc = 0;
  private places: Map<string, LinePlace> | (() => Map<string, LinePlace>) = new Map();
  private seq = 0;
  private durable = 0;
  private undos: { seq: number; undo: Undo }[] = [];
  private waiters: Waiter[] = [];
  private loop: Promise<void> | null = null;
  /** Set while a failed write has not been cleaned up; `restore` says what the file still needs. */
  private broken: { restore: 'truncate' | 'rewrite' | null } | null = null;
  private restoreKind: 'truncate' | 'rewrite' = 'truncate';
  private noCompactBelow = 0;
  /** Set while an undo point (undo-point.ts) stands: the file must stay its old bytes plus appended lines. */
  private compactionHeld = false;

  constructor(
    readonly file: string,
    private fileBytes: number,
    private readonly source: LogSource,
    private readonly opts: CollectionLogOptions,
  ) {}

  get lastSeq(): number {
    return this.seq;
  }

  /** The last sequence number on disk: every change up to it is durable. */
  get durableSeq(): number {
    return this.durable;
  }

  get sizeBytes(): number {
    return this.fileBytes;
  }

  get isBroken(): boolean {
    return this.broken !== null;
  }

  /**
   * Sets what the opened file holds (the store's load): its size, CRC-32 and where each document's line is
   * (or how to work that out, when first needed: start-up does not wait for 100k places).
   */
  setBasis(bytes: number, crc: number, places: Map<string, LinePlace> | (() => Map<string, LinePlace>)): void {
    this.fileBytes = bytes;
    this.crc = crc;
    this.places = places;
  }

  /** The file's durable content, or null while writes are queued or the log is broken (it would not match memory). */
  basis(): LogBasis | null {
    if (!this.placesKnown || this.broken || this.pending.length || this.durable !== this.seq || this.loop) return null;
    return { bytes: this.fileBytes, crc: this.crc, places: this.placeMap() };
  }

  /**
   * Queues a line (ending in '\n') for a change already applied in memory; returns its sequence number for waitFor.
   * `subject` names the document a put or del line writes (null for an index line): the snapshot relies on it.
   */
  append(line: string, undo: Undo, subject: LineSubject | null): number {
    if (this.broken) throw storeUnavailable();
    this.pending.push(line);
    this.pendingSubjects.push(subject);
    this.seq++;
    this.undos.push({ seq: this.seq, undo });
    this.loop ??= this.run();
    return this.seq;
  }

  /** Resolves once seq is durable; rejects with store-unavailable if it was undone instead. */
  waitFor(seq: number): Promise<void> {
    if (seq <= this.durable) return Promise.resolve();
    if (this.broken) return Promise.reject(storeUnavailable());
    return new Promise((resolve, reject) => this.waiters.push({ seq, resolve, reject }));
  }

  /** After a failure: makes the file match memory again (cut the torn batch, or rewrite it) and accepts lines again. */
  async recover(): Promise<void> {
    await this.loop;
    if (!this.broken) return;
    await this.restoreFile();
    this.broken = null;
    this.noCompactBelow = 0;
  }

  /** No compaction starts while held; one already running finishes (settle() waits for it). */
  holdCompaction(held: boolean): void {
    this.compactionHeld = held;
  }

  /** Waits until every line queued so far is written or undone and the write loop (a compaction, too) is idle. */
  async settle(): Promise<void> {
    await this.waitFor(this.seq).catch(() => undefined);
    // A compaction may still be running after the last waiter was released.
    await this.loop;
  }

  async close(): Promise<void> {
    await this.settle();
    await this.handle?.close().catch(() => undefined);
    this.handle = null;
  }

  private async run(): Promise<void> {
    // Let writes issued in the same tick join this batch.
    await Promise.resolve();
    try {
      while (this.pending.length > 0) {
        const batch = this.pending;
        const subjects = this.pendingSubjects;
        const upTo = this.seq;
        this.pending = [];
        this.pendingSubjects = [];
        this.restoreKind = 'truncate';
        const fh = this.handle ?? (await this.openForAppend());
        const text = batch.join('');
        const buf = Buffer.from(text, 'utf8');
        await diskIo.write(fh, buf);
        await diskIo.datasync(fh);
        // As many bytes as characters: every line is ASCII, so its length is its size in bytes (not measured
        // again line by line: 0.3 s for an import's 100,000 documents).
        this.place(batch, subjects, this.fileBytes, buf.length === text.length);
        this.crc = crc32After(buf, this.crc);
        this.fileBytes += buf.length;
        this.markDurable(upTo);
        if (this.shouldCompact()) await this.compact();
      }
    } catch (err) {
      await this.fail(err as Error);
    } finally {
      this.loop = null;
    }
  }

  private placeMap(): Map<string, LinePlace> {
    if (typeof this.places === 'function') this.places = this.places();
    return this.places;
  }

  /** Records where a written batch's lines landed: the last line for a document is its live one. */
  private place(lines: string[], subjects: (LineSubject | null)[], start: number, ascii: boolean): void {
    // Every queued line must say what it writes; a way of queueing lines that does not keeps the next snapshot out.
    if (subjects.length !== lines.length) this.placesKnown = false;
    if (!this.placesKnown) return;
    const places = this.placeMap();
    let offset = start;
    for (let i = 0; i < lines.length; i++) {
      const bytes = ascii ? lines[i]!.length : Buffer.byteLength(lines[i]!);
      const s = subjects[i];
      if (s?.put) places.set(s.id, { offset, bytes });
      else if (s) places.delete(s.id);
      offset += bytes;
    }
  }

  /**
   * Writes the collection's current documents (taken synchronously, at the call) to `target`: a temp file
   * the caller renames (compaction), or the log itself, atomically (a rewrite after a failure).
   */
  private async writeCompacted(
    target: string,
    how: 'tmp' | 'atomic',
  ): Promise<{ bytes: number; crc: number; places: Map<string, LinePlace> }> {
    const snap = this.source.snapshot();
    const places = new Map<string, LinePlace>();
    const chunks = compactedChunks(snap.indexes, snap.docs, undefined, (id, p) => places.set(id, p));
    const written =
      how === 'tmp' ? await writeDurablyWithCrc(target, chunks) : await writeFileAtomicWithCrc(target, chunks);
    return { ...written, places };
  }

  private async openForAppend(): Promise<FileHandle> {
    const existed = await stat(this.file).then(
      () => true,
      () => false,
    );
    const fh = await open(this.file, 'a');
    try {
      // A new file's directory entry must be durable too, or the whole log could vanish.
      if (!existed) await fsyncDir(path.dirname(this.file));
      await this.opts.ensureListed?.();
    } catch (err) {
      await fh.close().catch(() => undefined);
      throw err;
    }
    this.handle = fh;
    return fh;
  }

  private shouldCompact(): boolean {
    return (
      !this.compactionHeld &&
      this.fileBytes > this.opts.compactThresholdBytes &&
      this.fileBytes > 4 * this.source.liveBytes() &&
      this.fileBytes > this.noCompactBelow
    );
  }

  /** Runs inside the write loop, so no append reaches the old file while the new one is built. */
  private async compact(): Promise<void> {
    // Lines queued but not yet written are already contained in the snapshot (taken first, synchronously).
    const covered = this.seq;
    const carried = this.pending;
    const carriedSubjects = this.pendingSubjects;
    this.pending = [];
    this.pendingSubjects = [];
    const tmp = this.file + '.tmp';
    let written: { bytes: number; crc: number; places: Map<string, LinePlace> };
    try {
      written = await this.writeCompacted(tmp, 'tmp');
      await rename(tmp, this.file);
    } catch (err) {
      // The old log is intact: put the lines back and carry on without compacting for a while.
      this.pending = carried.concat(this.pending);
      this.pendingSubjects = carriedSubjects.concat(this.pendingSubjects);
      this.noCompactBelow = this.fileBytes * 2;
      await rm(tmp, { force: true }).catch(() => undefined);
      this.opts.logger?.warn(
        { file: path.basename(this.file), err: (err as NodeJS.ErrnoException).code ?? (err as Error).message },
        'log compaction failed; will retry later',
      );
      return;
    }
    // The file now holds the snapshot, carried lines included; the old handle points at the replaced file.
    const old = this.handle;
    this.handle = null;
    await old?.close().catch(() => undefined);
    this.fileBytes = written.bytes;
    this.crc = written.crc;
    this.places = written.places;
    this.placesKnown = true;
    // Until the rename is durable, a crash could bring back the old file: if this fails, the
    // carried lines are undone like any failed write and the file is rewritten from memory.
    this.restoreKind = 'rewrite';
    await fsyncDir(path.dirname(this.file));
    this.restoreKind = 'truncate';
    this.markDurable(covered);
    this.opts.logger?.info({ file: path.basename(this.file), bytes: written.bytes }, 'compacted collection log');
  }

  private markDurable(seq: number): void {
    this.durable = Math.max(this.durable, seq);
    let k = 0;
    while (k < this.undos.length && this.undos[k]!.seq <= this.durable) k++;
    if (k) this.undos.splice(0, k);
    // Waiters are not in seq order (reads wait for whatever was last applied when they ran).
    const still: Waiter[] = [];
    for (const w of this.waiters) {
      if (w.seq <= this.durable) w.resolve();
      else still.push(w);
    }
    this.waiters = still;
  }

  private async fail(cause: Error): Promise<void> {
    this.broken = { restore: this.restoreKind };
    // Memory back to the last durable state, newest change first, so nothing unwritten is ever read.
    for (let i = this.undos.length - 1; i >= 0; i--) this.undos[i]!.undo();
    this.undos = [];
    this.pending = [];
    this.pendingSubjects = [];
    this.seq = this.durable;
    this.opts.logger?.error(
      { file: path.basename(this.file), code: (cause as NodeJS.ErrnoException).code ?? null, err: cause.message },
      'collection log write failed: unsaved changes were undone; writes are refused until the disk recovers',
    );
    this.opts.onFailure?.(this, cause);
    // Cut off the part of the batch that reached the file before telling anyone "nothing was
    // saved" (truncating works on a full disk); if that fails too, recover() tries again.
    await this.restoreFile().catch(() => undefined);
    const err = storeUnavailable();
    for (const w of this.waiters) w.reject(err);
    this.waiters = [];
  }

  /** Makes the file hold exactly the durable state again. */
  private async restoreFile(): Promise<void> {
    const restore = this.broken?.restore;
    if (!restore) return;
    const old = this.handle;
    this.handle = null;
    await old?.close().catch(() => undefined);
    if (restore === 'truncate') {
      const fh = await open(this.file, 'r+').catch((err: NodeJS.ErrnoException) => {
        if (err.code === 'ENOENT' && this.fileBytes === 0) return null;
        throw err;
      });
      if (fh) {
        try {
          await fh.truncate(this.fileBytes);
          await diskIo.sync(fh);
        } finally {
          await fh.close();
        }
      }
    } else {
      const written = await this.writeCompacted(this.file, 'atomic');
      this.fileBytes = written.bytes;
      this.crc = written.crc;
      this.places = written.places;
      this.placesKnown = true;
    }
    this.broken!.restore = null;
  }
}
