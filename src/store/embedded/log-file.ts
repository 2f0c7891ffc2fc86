import { open, readFile, rename, rm } from 'node:fs/promises';
import * as path from 'node:path';
import type { Document } from 'mongodb';
import { AppError } from '../../domain/errors.js';
import { isPlainObject } from './clone.js';
import { parseEjson, stringifyEjson } from './ejson-codec.js';
import type { IndexSpec } from './indexes.js';
import { valueKey } from './value-key.js';

// One line per record. 'put' carries the whole document after the change, so replay is
// idempotent and the last record for an _id wins.
export type LogRecord =
  | { op: 'put'; doc: Document }
  | { op: 'del'; _id: unknown }
  | ({ op: 'idx' } & IndexSpec);

export const LOG_EXT = '.log';
const NEWLINE = 0x0a;

export function serializeRecord(rec: LogRecord): string {
  // Canonical EJSON so Date, ObjectId and int/double survive the round trip.
  return stringifyEjson(rec) + '\n';
}

export interface ReplayedCollection {
  docs: Map<string, { doc: Document; bytes: number }>;
  indexes: Map<string, IndexSpec>;
  indexBytes: number;
  fileBytes: number;
  /** Byte offset of a torn last line that was dropped, if any. */
  droppedAt: number | null;
  /** The file must be rewritten before appending (torn or unterminated last line). */
  needsRewrite: boolean;
}

/**
 * Reads and replays a collection log. A torn or invalid LAST line (a write cut short by a crash;
 * never acknowledged, since acknowledgement waits for fsync) is dropped; an invalid line anywhere
 * else is corruption and refuses to load, rather than silently losing what follows it.
 */
export async function replayLogFile(file: string): Promise<ReplayedCollection> {
  const buf = await readFile(file);
  const out: ReplayedCollection = { docs: new Map(), indexes: new Map(), indexBytes: 0, fileBytes: buf.length, droppedAt: null, needsRewrite: false };
  let start = 0;
  let lineNo = 0;
  while (start < buf.length) {
    let end = buf.indexOf(NEWLINE, start);
    const terminated = end !== -1;
    if (!terminated) end = buf.length;
    lineNo++;
    const next = terminated ? end + 1 : end;
    const isLast = next >= buf.length;
    const bytes = next - start;
    let rec: LogRecord;
    try {
      rec = parseRecord(buf.toString('utf8', start, end));
    } catch (err) {
      if (isLast) {
        out.droppedAt = start;
        out.needsRewrite = true;
        break;
      }
      throw new AppError('store-corrupt',
        `${file} line ${lineNo} (byte ${start}) is not a valid log record (${(err as Error).message}); ` +
        'refusing to open the store rather than lose data. Restore from a backup or repair the file by hand.',
        { file, line: lineNo, offset: start });
    }
    applyRecord(out, rec, bytes + (terminated ? 0 : 1));
    if (!terminated) out.needsRewrite = true;
    start = next;
  }
  return out;
}

function parseRecord(line: string): LogRecord {
  const rec: unknown = parseEjson(line);
  if (!isPlainObject(rec)) throw new Error('not an object');
  switch (rec.op) {
    case 'put':
      if (!isPlainObject(rec.doc) || rec.doc._id === undefined) throw new Error('put without a document _id');
      return rec as LogRecord;
    case 'del':
      if (rec._id === undefined) throw new Error('del without _id');
      return rec as LogRecord;
    case 'idx':
      if (typeof rec.name !== 'string' || !isPlainObject(rec.key)) throw new Error('bad index record');
      return rec as LogRecord;
    default:
      throw new Error('unknown op');
  }
}

function applyRecord(out: ReplayedCollection, rec: LogRecord, bytes: number): void {
  if (rec.op === 'put') out.docs.set(valueKey(rec.doc._id), { doc: rec.doc, bytes });
  else if (rec.op === 'del') out.docs.delete(valueKey(rec._id));
  else {
    if (!out.indexes.has(rec.name)) out.indexBytes += bytes;
    out.indexes.set(rec.name, { name: rec.name, key: rec.key, unique: !!rec.unique, sparse: !!rec.sparse });
  }
}

export function liveBytes(r: ReplayedCollection): number {
  let n = r.indexBytes;
  for (const { bytes } of r.docs.values()) n += bytes;
  return n;
}

/** The compacted content of a collection, in chunks so a large write yields to the event loop. */
export function* compactedChunks(indexes: Iterable<IndexSpec>, docs: Iterable<Document>, chunkChars = 1 << 20): Generator<string> {
  let chunk = '';
  for (const spec of indexes) chunk += serializeRecord({ op: 'idx', ...spec });
  for (const doc of docs) {
    chunk += serializeRecord({ op: 'put', doc });
    if (chunk.length >= chunkChars) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk) yield chunk;
}

/** Writes and fsyncs `tmp`; returns its size. The caller renames it into place with commitFile. */
export async function writeDurably(tmp: string, chunks: Iterable<string>): Promise<number> {
  const fh = await open(tmp, 'w');
  let size = 0;
  try {
    for (const chunk of chunks) {
      const buf = Buffer.from(chunk, 'utf8');
      await writeAll(fh, buf);
      size += buf.length;
    }
    await fh.sync();
  } finally {
    await fh.close();
  }
  return size;
}

export async function commitFile(tmp: string, file: string): Promise<void> {
  await rename(tmp, file);
  // The rename is only durable once the directory entry is.
  await fsyncDir(path.dirname(file));
}

/** Write temp, fsync, rename, fsync dir: a reader sees the old file or the new one, never half. */
export async function writeFileAtomic(file: string, chunks: Iterable<string>): Promise<number> {
  const tmp = file + '.tmp';
  try {
    const size = await writeDurably(tmp, chunks);
    await commitFile(tmp, file);
    return size;
  } catch (err) {
    await rm(tmp, { force: true }).catch(() => undefined);
    throw err;
  }
}

export async function writeAll(fh: import('node:fs/promises').FileHandle, buf: Buffer): Promise<void> {
  let off = 0;
  while (off < buf.length) {
    const { bytesWritten } = await fh.write(buf, off, buf.length - off);
    off += bytesWritten;
  }
}

export async function fsyncDir(dir: string): Promise<void> {
  const fh = await open(dir, 'r');
  try {
    await fh.sync();
  } finally {
    await fh.close();
  }
}
