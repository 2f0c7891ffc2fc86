import { mkdir, open, readdir, stat, type FileHandle } from 'node:fs/promises';
import * as path from 'node:path';
import type { Document } from 'mongodb';
import type { Logger } from 'pino';
import { AppError } from '../domain/errors.js';
import type { Store } from './doc-collection.js';
import { EmbeddedStore, type CollectionSnapshot } from './embedded/embedded-store.js';
import { LOG_EXT, compactedChunks, fsyncDir, readPrefix, replayLog, writeFileAtomic } from './embedded/log-file.js';
import { writeManifest } from './embedded/manifest.js';
import { bytesAtUndoPoint, readUndoPoint } from './embedded/undo-point.js';

export interface BackupSummary {
  destDir: string;
  collections: { name: string; documents: number }[];
}

/**
 * Writes a compacted copy of an embedded store into destDir (which must be missing or empty);
 * `openEmbeddedStore(destDir)` then gives the same data.
 *
 * - From an open EmbeddedStore: one synchronous snapshot of all collections, so the copy is a
 *   single point in time across collections.
 * - From a data directory (e.g. the CLI while the bot runs and holds the lock): each log is read
 *   and replayed as it is. Logs are append-only and compaction replaces them by rename, so a read
 *   sees a complete prefix of the log, at most with a torn last line (dropped, as on open). Each
 *   log is read up to its length at one instant (readDataDir), so an import's lines, written to
 *   several logs, are copied all or none.
 */
export async function backupStore(
  source: Store | string,
  destDir: string,
  opts: { logger?: Logger } = {},
): Promise<BackupSummary> {
  let snapshots: CollectionSnapshot[];
  if (typeof source === 'string') {
    snapshots = await readDataDir(source, opts.logger);
  } else if (source instanceof EmbeddedStore) {
    snapshots = source.snapshot();
  } else {
    throw new AppError('config', 'backupStore copies the embedded store only; back up MongoDB with mongodump');
  }
  await prepareDest(destDir);
  // The manifest first, as the store writes it: a copy cut short is refused, not opened half-empty.
  await writeManifest(
    destDir,
    snapshots.map((s) => s.name),
  );
  for (const s of snapshots) {
    await writeFileAtomic(path.join(destDir, s.name + LOG_EXT), compactedChunks(s.indexes, s.docs));
  }
  await fsyncDir(destDir);
  return { destDir, collections: snapshots.map((s) => ({ name: s.name, documents: s.docs.length })) };
}

async function readDataDir(dataDir: string, logger?: Logger): Promise<CollectionSnapshot[]> {
  const st = await stat(dataDir).catch(() => null);
  if (!st?.isDirectory()) throw new AppError('invalid-input', `data directory ${dataDir} does not exist`);
  // An import in progress (or cut short by a crash) is copied as the store was before it: each log up to its
  // undo point (embedded/undo-point.ts). Each log is read up to the length its open file had at one instant: between
  // two readings of UNDO.json, with no log growing, replaced or added meanwhile. Read whole one after another, a
  // log read before an import and one read after it gave part of it (a whole one fits between the readings).
  for (;;) {
    const files = await logFiles(dataDir);
    const handles: FileHandle[] = [];
    try {
      for (const f of files) handles.push(await open(path.join(dataDir, f), 'r'));
      const undo = await readUndoPoint(dataDir);
      const before = await Promise.all(handles.map((fh) => fh.stat()));
      const undoAfter = await readUndoPoint(dataDir);
      const after = await Promise.all(handles.map((fh) => fh.stat()));
      const there = await Promise.all(files.map((f) => stat(path.join(dataDir, f)).catch(() => null)));
      const steady =
        JSON.stringify(undoAfter) === JSON.stringify(undo) &&
        JSON.stringify(await logFiles(dataDir)) === JSON.stringify(files) &&
        files.every((_, i) => there[i]?.ino === after[i]!.ino && (undo || after[i]!.size === before[i]!.size));
      if (!steady) continue;
      const out: CollectionSnapshot[] = [];
      for (const [i, f] of files.entries()) {
        const size = before[i]!.size;
        const r = replayLog(await readPrefix(handles[i]!, undo ? Math.min(size, bytesAtUndoPoint(undo, f)) : size), f);
        if (r.droppedAt !== null)
          logger?.warn({ file: f, offset: r.droppedAt }, 'backup: ignored a torn last line (a write in progress)');
        const docs: Document[] = [...r.docs.values()].map((d) => d.doc);
        out.push({ name: f.slice(0, -LOG_EXT.length), indexes: [...r.indexes.values()], docs });
      }
      return out;
    } finally {
      await Promise.all(handles.map((fh) => fh.close().catch(() => undefined)));
    }
  }
}

async function logFiles(dataDir: string): Promise<string[]> {
  return (await readdir(dataDir)).filter((x) => x.endsWith(LOG_EXT)).sort();
}

async function prepareDest(destDir: string): Promise<void> {
  const entries = await readdir(destDir).catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'ENOENT') return [];
    throw err;
  });
  if (entries.length > 0) throw new AppError('invalid-input', `backup destination ${destDir} exists and is not empty`);
  await mkdir(destDir, { recursive: true });
}
