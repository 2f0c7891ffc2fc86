import { mkdir, readdir, rm } from 'node:fs/promises';
import * as path from 'node:path';
import { crc32 } from 'node:zlib';
import type { Document } from 'mongodb';
import type { Logger } from 'pino';
import { AppError } from '../../domain/errors.js';
import type { DocCollection, Store, StoreHealth } from '../doc-collection.js';
import { CollectionLog, type LogSource } from './collection-log.js';
import { DuplicateKeyError, type IndexSpec } from './indexes.js';
import { acquireDirLock, type DirLock } from './lock-file.js';
import {
  LOG_EXT,
  compactedChunks,
  crc32After,
  readPastPrefix,
  readWholeFile,
  replayLog,
  replayLogTail,
  writeFileAtomicWithCrc,
  type LinePlace,
  type ReplayedCollection,
} from './log-file.js';
import { MANIFEST_FILE, readManifest, writeManifest } from './manifest.js';
import { MingoCollection } from './mingo-collection.js';
import { listQuarantine, quarantineBytes, type QuarantinedFile } from './quarantine.js';
import { PROBE_FILE, describeWriteFailure, probeDisk, storeUnavailable } from './store-health.js';
import { readUndoPoint, removeUndoPoint, rollBackToUndoPoint, writeUndoPoint, type UndoPoint } from './undo-point.js';
import {
  SNAPSHOT_EXT,
  placesOf,
  readSnapshotFile,
  snapshotOf,
  writeSnapshot,
  type SnapshotContent,
  type SnapshotRead,
} from './snapshot-file.js';

export interface EmbeddedStoreOptions {
  logger?: Logger;
  /** A log is compacted when it is larger than this and more than 4x its live data. */
  compactThresholdBytes?: number;
  /** While writes are refused after a failed write, how often to check whether the disk takes writes again. */
  recoveryProbeMs?: number;
  /** Logs at least this large get a snapshot (snapshot-file.ts) at a clean close, so the next start parses nothing. */
  snapshotMinBytes?: number;
}

/** How a collection was opened: from its snapshot plus the records after it, or from the whole log. */
export interface OpenedCollection {
  name: string;
  from: 'snapshot' | 'log';
  /** Bytes of log read and parsed (after the snapshot, or all of it). */
  parsedBytes: number;
}

export const DEFAULT_COMPACT_THRESHOLD_BYTES = 8 * 1024 * 1024;
export const DEFAULT_RECOVERY_PROBE_MS = 5000;
export const DEFAULT_SNAPSHOT_MIN_BYTES = 1 << 20;
/** Opened from a snapshot with more than this share of the log after it: a fresh snapshot is written at once. */
const SNAPSHOT_STALE_SHARE = 0.1;
const COMPACT_ON_OPEN_RATIO = 4;

export interface CollectionSnapshot {
  name: string;
  indexes: IndexSpec[];
  docs: Document[];
}

export const COLLECTION_NAME_RE = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,119}$/;

interface Degraded {
  reason: string;
  since: Date;
  logs: Set<CollectionLog>;
}

/** One process's store: mingo collections in memory, one append-only log per collection on disk. */
export class EmbeddedStore implements Store {
  readonly kind = 'embedded' as const;
  private closed = false;
  private readonly collections = new Map<string, MingoCollection>();
  private readonly logs = new Map<string, CollectionLog>();
  private listed = new Set<string>();
  private manifestWrite: Promise<void> = Promise.resolve();
  private degraded: Degraded | null = null;
  private probeTimer: NodeJS.Timeout | null = null;
  private quarantined: QuarantinedFile[] = [];
  private readonly opened: OpenedCollection[] = [];
  /** Set while undoable() runs; `rolledBack` once a failed one was undone (memory no longer matches the disk). */
  private undoing = false;
  private rolledBack = false;
  /** A write failed while undoable() ran: that change must not commit, even if it went on once the disk recovered. */
  private failedInChange = false;
  /** Changes a crash interrupted that opening this store undid (undo-point.ts), by label. */
  private readonly undone: string[] = [];
  /** What each collection's snapshot on disk covers (log bytes and CRC), so an unchanged log is not snapshotted again. */
  private readonly snapshotCovers = new Map<string, { bytes: number; crc: number }>();

  private constructor(
    readonly dir: string,
    private readonly lock: DirLock,
    private readonly opts: Required<
      Pick<EmbeddedStoreOptions, 'compactThresholdBytes' | 'recoveryProbeMs' | 'snapshotMinBytes'>
    > &
      EmbeddedStoreOptions,
  ) {}

  static async open(dir: string, opts: EmbeddedStoreOptions = {}): Promise<EmbeddedStore> {
    const abs = path.resolve(dir);
    await mkdir(abs, { recursive: true });
    const lock = await acquireDirLock(abs, opts.logger);
    const store = new EmbeddedStore(abs, lock, {
      ...opts,
      compactThresholdBytes: opts.compactThresholdBytes ?? DEFAULT_COMPACT_THRESHOLD_BYTES,
      recoveryProbeMs: opts.recoveryProbeMs ?? DEFAULT_RECOVERY_PROBE_MS,
      snapshotMinBytes: opts.snapshotMinBytes ?? DEFAULT_SNAPSHOT_MIN_BYTES,
    });
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

  /** Waits until everything applied so far is on disk (or was undone by a failed write). */
  async flush(): Promise<void> {
    await Promise.all([...this.logs.values()].map((l) => l.waitFor(l.lastSeq).catch(() => undefined)));
  }

  /**
   * Runs `change` so that it is seen whole or not at all, even across kill -9: an undo point (undo-point.ts)
   * records every log's length first and is removed once all of the change is durable; if `change` fails (or one
   * of its writes did), or the process dies first, the logs are cut back to it (here, or by the next open). Only
   * for a process that holds the store alone with nothing else writing (the import CLI): any other write made
   * meanwhile would be undone with it. After a failed change the store refuses to be used: open it again.
   */
  async undoable<T>(label: string, change: () => Promise<T>): Promise<T> {
    this.assertOpen();
    this.assertWritable();
    if (this.undoing) throw new Error('the embedded store is already running an undoable change');
    this.undoing = true;
    this.failedInChange = false;
    for (const log of this.logs.values()) log.holdCompaction(true);
    try {
      await this.settleAll();
      const point: UndoPoint = {
        label,
        logBytes: Object.fromEntries([...this.logs].map(([name, log]) => [name, log.sizeBytes])),
      };
      try {
        // Inside: an undo point that was renamed into place but whose directory sync failed is undone here too,
        // rather than left to cut writes this store went on to acknowledge.
        await writeUndoPoint(this.dir, point);
        const result = await change();
        await this.settleAll();
        await removeUndoPoint(this.dir); // the commit
        return result;
      } catch (err) {
        // If even the cut fails, the undo point stays and the next open makes it.
        await this.rollBack(point).catch((cause: Error) =>
          this.opts.logger?.error({ err: cause.message }, 'could not undo a failed change now; the next open will'),
        );
        throw err;
      }
    } finally {
      for (const log of this.logs.values()) log.holdCompaction(false);
      this.undoing = false;
    }
  }

  /** Labels of changes a crash interrupted that opening this store undid. */
  undoneAtOpen(): readonly string[] {
    return this.undone;
  }

  /** Waits for every log's writes; throws unless all of them are durable (a failed one was undone in memory only). */
  private async settleAll(): Promise<void> {
    const logs = [...this.logs.values()];
    await Promise.all(logs.map((log) => log.settle()));
    this.assertWritable();
    if (this.failedInChange || logs.some((log) => log.durableSeq !== log.lastSeq)) throw storeUnavailable();
  }

  /** A failed undoable change: the logs cut back to its undo point; memory is not, so the store is closed to use. */
  private async rollBack(point: UndoPoint): Promise<void> {
    this.rolledBack = true;
    await Promise.all([...this.logs.values()].map((log) => log.close()));
    await this.manifestWrite.catch(() => undefined);
    const cut = await rollBackToUndoPoint(this.dir, point, await readdir(this.dir));
    this.opts.logger?.warn({ change: point.label, cutBytes: cut }, 'undid a change that failed part-way');
  }

  /** Degraded while a failed write keeps the store from taking writes; problems: bytes set aside in quarantine. */
  async health(): Promise<StoreHealth> {
    const problems = this.quarantined.map(
      (q) => `${q.file}: ${q.bytes} bytes set aside (damaged or torn log data); look at it, then delete it`,
    );
    if (this.degraded)
      return { status: 'degraded', reason: this.degraded.reason, problems: [this.degraded.reason, ...problems] };
    return { status: 'ok', problems };
  }

  /** How each collection was opened (start-up diagnostics and tests). */
  openedCollections(): readonly OpenedCollection[] {
    return this.opened;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    if (this.probeTimer) clearTimeout(this.probeTimer);
    await Promise.all([...this.logs.values()].map((l) => l.close()));
    await this.manifestWrite.catch(() => undefined);
    // Everything is on disk and memory matches it: the moment to say what the logs hold, for the next start.
    if (!this.degraded && !this.rolledBack) for (const name of this.logs.keys()) await this.writeSnapshotOf(name);
    for (const coll of this.collections.values()) coll.close();
    await this.lock.release();
  }

  /** Writes NAME.snap for a large log whose content changed since its last snapshot; a failure costs only speed. */
  private async writeSnapshotOf(name: string): Promise<void> {
    const log = this.logs.get(name)!;
    const basis = log.basis();
    if (!basis || basis.bytes < this.opts.snapshotMinBytes) return;
    const covered = this.snapshotCovers.get(name);
    if (covered?.bytes === basis.bytes && covered.crc === basis.crc) return;
    const coll = this.collections.get(name)!;
    const file = path.join(this.dir, name + SNAPSHOT_EXT);
    try {
      if (basis.places.size !== coll.size) throw new Error('the log and the collection disagree on the documents');
      await writeSnapshot(file, snapshotOf(name, basis, coll.indexList()));
      this.snapshotCovers.set(name, { bytes: basis.bytes, crc: basis.crc });
    } catch (err) {
      this.opts.logger?.warn(
        { file: path.basename(file), err: (err as Error).message },
        'could not write a collection snapshot; the next start reads the whole log',
      );
    }
  }

  private assertOpen(): void {
    if (this.closed) throw new Error('the embedded store is closed');
    if (this.rolledBack) throw new Error('the embedded store undid a failed change; open it again to use it');
  }

  private assertWritable(): void {
    if (this.degraded) throw storeUnavailable(this.degraded.reason);
  }

  /**
   * Replays every log, refusing damage in the middle of a log and a log the manifest lists but that
   * is missing; then records the manifest, sets any torn tail aside in quarantine, and rewrites logs
   * that need it (torn tail, lines without checksums, superseded lines) before anything is appended.
   */
  private async load(): Promise<void> {
    const files = await readdir(this.dir);
    // Leftovers of a compaction, manifest write or disk probe cut short; the file they were replacing is intact.
    await Promise.all(
      files
        .filter((f) => f.endsWith('.tmp') || f === PROBE_FILE)
        .map((f) => rm(path.join(this.dir, f), { force: true })),
    );
    // A change a crash interrupted before it completed (the import CLI's): cut back before anything is read.
    const undo = await readUndoPoint(this.dir);
    if (undo) {
      const cut = await rollBackToUndoPoint(this.dir, undo, files);
      this.undone.push(undo.label);
      this.opts.logger?.warn(
        { change: undo.label, cutBytes: cut },
        'undid a change that a crash interrupted before it completed; nothing of it was kept',
      );
    }
    const manifest = await readManifest(this.dir);
    const logNames = files
      .filter((f) => f.endsWith(LOG_EXT))
      .map((f) => f.slice(0, -LOG_EXT.length))
      .filter((n) => COLLECTION_NAME_RE.test(n))
      .sort();
    const replayed = new Map<string, OpenedLog>();
    for (const name of logNames) replayed.set(name, await this.readLog(name));

    const missing = (manifest?.collections ?? []).filter((n) => !replayed.has(n));
    if (missing.length) {
      throw new AppError(
        'store-corrupt',
        `${missing.map((n) => path.join(this.dir, n + LOG_EXT)).join(', ')} ${missing.length > 1 ? 'are' : 'is'} missing, but this store created ` +
          `${missing.length > 1 ? 'them' : 'it'} (${MANIFEST_FILE}); refusing to start without that data. Put the file back from a backup; ` +
          'if the data is really gone, `npm run verify-store -- --repair` accepts the loss.',
        { missing },
      );
    }
    if (!manifest && [...replayed.values()].some((o) => o.r.checksummedLines > 0)) {
      // Logs this version wrote, without the manifest it writes first: it was deleted.
      throw new AppError(
        'store-corrupt',
        `${path.join(this.dir, MANIFEST_FILE)} is missing, so a missing collection log could go unnoticed; refusing to start. ` +
          'If the logs are complete (restored by hand, for instance), `npm run verify-store -- --repair` rebuilds it from them.',
        {},
      );
    }
    // Listed before any rewrite, so an upgrade from logs without checksums cut short still opens.
    this.listed = new Set([...(manifest?.collections ?? []), ...logNames]);
    if (!manifest || this.listed.size !== manifest.collections.length) await writeManifest(this.dir, this.listed);

    this.quarantined = await listQuarantine(this.dir);
    for (const [name, opened] of replayed) await this.loadCollection(name, opened);
  }

  /**
   * Reads a log, and its snapshot if it has a usable one: then only the records after the snapshot are parsed,
   * and only those bytes are held (the rest is read a chunk at a time to check it is what the snapshot describes).
   */
  private async readLog(name: string): Promise<OpenedLog> {
    const file = path.join(this.dir, name + LOG_EXT);
    const own = await readSnapshotFile(path.join(this.dir, name + SNAPSHOT_EXT), name);
    let read: Exclude<SnapshotRead, { state: 'ok' }>;
    if (own.state !== 'ok') read = own;
    else {
      const { logBytes, logCrc } = own.snap;
      const split = await readPastPrefix(file, logBytes);
      if (split && split.prefixCrc === logCrc)
        return { buf: split.rest, base: logBytes, snap: own.snap, r: replayLogTail(split.rest, file, logBytes) };
      read = {
        state: 'stale',
        reason: split ? 'the log bytes it describes have changed' : 'the log is shorter than the snapshot describes',
      };
    }
    if (read.state !== 'absent')
      this.opts.logger?.[read.state === 'damaged' ? 'warn' : 'info'](
        { file: name + SNAPSHOT_EXT, reason: read.reason },
        `${read.state} collection snapshot ignored; reading the whole log`,
      );
    const buf = await readWholeFile(file);
    return { buf, base: 0, snap: null, r: replayLog(buf, file) };
  }

  /**
   * Loads one replayed log into its collection: sets a torn tail aside in quarantine, and rewrites the log when
   * it must be (torn tail, lines without checksums) or is mostly superseded lines.
   */
  private async loadCollection(name: string, { buf, base, snap, r }: OpenedLog): Promise<void> {
    const f = name + LOG_EXT;
    const file = path.join(this.dir, f);
    if (r.droppedAt !== null) {
      const q = await quarantineBytes(this.dir, f, [buf.subarray(r.droppedAt - base)]);
      this.quarantined.push(q);
      this.opts.logger?.warn(
        { file: f, offset: r.droppedAt, bytes: q.bytes, keptBytes: r.droppedAt, quarantine: q.file },
        'set aside a torn last line of a collection log in quarantine',
      );
    }
    if (r.legacyLines > 0)
      this.opts.logger?.info({ file: f, lines: r.legacyLines }, 'rewriting a log written without checksums');
    const coll = this.getOrCreate(name, r.fileBytes);
    try {
      if (snap) coll.loadSnapshot(snap, file, r);
      else coll.load(r.docs.values(), r.indexes.values());
    } catch (err) {
      coll.close();
      if (!(err instanceof DuplicateKeyError)) throw err;
      throw new AppError(
        'store-corrupt',
        `${file}: two documents share a key of a unique index (${err.message}); refusing to open the store. ` +
          '`npm run verify-store` names the index; correct one of the documents by hand or restore from a backup.',
        { file },
      );
    }
    const log = this.logs.get(name)!;
    const from = snap ? snap.logBytes : 0;
    this.opened.push({ name, from: snap ? 'snapshot' : 'log', parsedBytes: r.fileBytes - from });
    if (snap) this.snapshotCovers.set(name, { bytes: snap.logBytes, crc: snap.logCrc });
    // Rewritten on open when it must be (torn tail, lines without checksums) or is mostly superseded lines
    // (over 4x its live data, as while running); a few updated documents do not cost a rewrite of the
    // whole log at every start (100k children: a 140 MB rewrite).
    if (r.needsRewrite || r.fileBytes > COMPACT_ON_OPEN_RATIO * coll.liveBytes()) {
      const s = coll.snapshot();
      const places = new Map<string, LinePlace>();
      const written = await writeFileAtomicWithCrc(
        file,
        compactedChunks(s.indexes, s.docs, undefined, (id, p) => places.set(id, p)),
      );
      log.setBasis(written.bytes, written.crc, places);
    } else {
      const places = () => {
        const out = snap ? placesOf(snap) : new Map<string, LinePlace>();
        for (const id of r.deleted) out.delete(id);
        for (const [id, { offset, bytes }] of r.docs) out.set(id, { offset, bytes });
        return out;
      };
      log.setBasis(r.fileBytes, snap ? crc32After(buf, snap.logCrc) : crc32(buf), places);
    }
    // A log read in full (or mostly) gets its snapshot now, so even a crash before a clean close starts fast next time.
    if (r.fileBytes - from > SNAPSHOT_STALE_SHARE * r.fileBytes) await this.writeSnapshotOf(name);
  }

  /** Lists a collection in the manifest (once) before its first write is acknowledged. */
  private ensureListed(name: string): Promise<void> {
    if (this.listed.has(name)) return Promise.resolve();
    const next = this.manifestWrite
      .catch(() => undefined)
      .then(async () => {
        if (this.listed.has(name)) return;
        await writeManifest(this.dir, [...this.listed, name]);
        this.listed.add(name);
      });
    this.manifestWrite = next;
    return next;
  }

  private onWriteFailure(log: CollectionLog, cause: Error): void {
    if (this.undoing) this.failedInChange = true;
    if (!this.degraded) {
      this.degraded = {
        reason: describeWriteFailure(cause, path.basename(log.file)),
        since: new Date(),
        logs: new Set(),
      };
      this.opts.logger?.error(
        { reason: this.degraded.reason },
        'store degraded: writes are refused until the disk takes writes again',
      );
      this.scheduleProbe();
    }
    this.degraded.logs.add(log);
  }

  private scheduleProbe(): void {
    if (this.closed) return;
    this.probeTimer = setTimeout(() => void this.probe(), this.opts.recoveryProbeMs);
    this.probeTimer.unref();
  }

  /** Cleans up after the failed logs and checks the disk takes a write; then accepts writes again. */
  private async probe(): Promise<void> {
    const d = this.degraded;
    if (this.closed || !d) return;
    try {
      for (const log of d.logs) await log.recover();
      await probeDisk(this.dir);
      if ([...d.logs].some((l) => l.isBroken)) throw new Error('a log failed again');
      this.degraded = null;
      this.opts.logger?.info(
        { was: d.reason, seconds: Math.round((Date.now() - d.since.getTime()) / 1000) },
        'store recovered: writes are accepted again',
      );
    } catch {
      this.scheduleProbe();
    }
  }

  private getOrCreate(name: string, fileBytes: number): MingoCollection {
    let coll = this.collections.get(name);
    if (coll) return coll;
    if (!COLLECTION_NAME_RE.test(name)) throw new AppError('invalid-input', `invalid collection name '${name}'`);
    const source: LogSource = { snapshot: () => coll!.snapshot(), liveBytes: () => coll!.liveBytes() };
    const log = new CollectionLog(path.join(this.dir, name + LOG_EXT), fileBytes, source, {
      compactThresholdBytes: this.opts.compactThresholdBytes,
      logger: this.opts.logger,
      ensureListed: () => this.ensureListed(name),
      onFailure: (l, cause) => this.onWriteFailure(l, cause),
    });
    coll = new MingoCollection(name, log, {
      assertOpen: () => this.assertOpen(),
      assertWritable: () => this.assertWritable(),
      documentsOf: (other) => this.collections.get(other)?.rawDocuments() ?? [],
    });
    this.collections.set(name, coll);
    this.logs.set(name, log);
    return coll;
  }
}

interface OpenedLog {
  /** The log's bytes from `base` to its end (from the end of what its snapshot covers, with one). */
  buf: Buffer;
  base: number;
  snap: SnapshotContent | null;
  /** The records after the snapshot (with one), or the whole log. */
  r: ReplayedCollection;
}

export function openEmbeddedStore(dir: string, opts?: EmbeddedStoreOptions): Promise<EmbeddedStore> {
  return EmbeddedStore.open(dir, opts);
}
