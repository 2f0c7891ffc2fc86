import { open, readFile, rename, rm, type FileHandle } from 'node:fs/promises';
import { crc32 } from 'node:zlib';
import * as path from 'node:path';
import type { Document } from 'mongodb';
import { AppError } from '../../domain/errors.js';
import { isPlainObject } from './clone.js';
import { parseEjson, stringifyLogEjsonAll } from './ejson-codec.js';
import type { IndexSpec } from './indexes.js';
import { valueKey } from './value-key.js';

// One line per record. 'put' carries the whole document after the change, so replay is
// idempotent and the last record for an _id wins.
export type LogRecord = { op: 'put'; doc: Document } | { op: 'del'; _id: unknown } | ({ op: 'idx' } & IndexSpec);

export const LOG_EXT = '.log';
const NEWLINE = 0x0a;

// Every line carries a CRC-32 of the record it holds, as the first field:
//   {"crc":"1a2b3c4d","op":"put","doc":{...}}
// The checksum covers the record's JSON without the field ({"op":...}). A line without it was
// written by an earlier version and is still read (rewritten with a checksum at the next
// compaction); an earlier version can also read these lines, since it ignores unknown fields.
const CRC_PREFIX = '{"crc":"';
const CRC_PREFIX_BYTES = Buffer.from(CRC_PREFIX);
const CRC_HEAD_LEN = CRC_PREFIX.length + 8 + 2; // {"crc":"xxxxxxxx",
const OPEN_BRACE_CRC = crc32('{');

export function serializeRecord(rec: LogRecord): string {
  return serializeRecords([rec])[0]!;
}

/** serializeRecord of each record, encoded together (one Date#toJSON swap for a batch: ejson-codec.ts). */
export function serializeRecords(recs: readonly LogRecord[]): string[] {
  // EJSON so Date and ObjectId survive the round trip (numbers as plain JSON where that loses nothing).
  return stringifyLogEjsonAll(recs).map((json) => `${CRC_PREFIX}${hex8(crc32(json))}",${json.slice(1)}\n`);
}

/**
 * CRC-32 of `data` continuing from `crc`. Empty data leaves it as it is: Node's crc32 gives 0 for an empty view of
 * a zero-length ArrayBuffer (an empty typed array) instead of the value it was given.
 */
export function crc32After(data: Uint8Array, crc: number): number {
  return data.length ? crc32(data, crc) : crc;
}

function hex8(n: number): string {
  return n.toString(16).padStart(8, '0');
}

/** A put record's line in the file: where it starts and its length, newline included. */
export interface LinePlace {
  offset: number;
  bytes: number;
}

export interface ReplayedCollection {
  docs: Map<string, { doc: Document } & LinePlace>;
  /** Ids whose last record is a delete (a replay on top of a snapshot removes them from it). */
  deleted: Set<string>;
  indexes: Map<string, IndexSpec>;
  indexBytes: number;
  fileBytes: number;
  /** Byte offset of a torn last line that was dropped, if any. */
  droppedAt: number | null;
  /** The file must be rewritten before appending (torn or unterminated last line, or lines without checksums). */
  needsRewrite: boolean;
  /** Lines written by an earlier version, without a checksum. */
  legacyLines: number;
  /** Lines with a valid checksum. */
  checksummedLines: number;
}

/** A line that is not a valid record: where it is and why. */
export interface DamagedLine {
  line: number;
  offset: number;
  bytes: number;
  reason: string;
}

export interface LogScan {
  fileBytes: number;
  lines: number;
  legacyLines: number;
  checksummedLines: number;
  /** Invalid lines before the last one: damage at rest (never a crash). */
  damaged: DamagedLine[];
  /** An invalid or unterminated last line: a write cut short (or damage at the very end). */
  torn: DamagedLine | null;
  /** The last line is valid but has no newline. */
  unterminated: boolean;
}

/**
 * Walks a log, handing each valid record to `onRecord` in file order, and reports invalid lines
 * instead of throwing, so both the store (which refuses to open) and the repair command (which
 * sets them aside) share one reader.
 */
export function scanLog(
  buf: Buffer,
  onRecord: (rec: LogRecord, bytes: number, offset: number) => void,
  base = 0,
): LogScan {
  const scan: LogScan = {
    fileBytes: buf.length,
    lines: 0,
    legacyLines: 0,
    checksummedLines: 0,
    damaged: [],
    torn: null,
    unterminated: false,
  };
  let start = 0;
  while (start < buf.length) {
    let end = buf.indexOf(NEWLINE, start);
    const terminated = end !== -1;
    if (!terminated) end = buf.length;
    scan.lines++;
    const next = terminated ? end + 1 : end;
    const isLast = next >= buf.length;
    const bytes = next - start;
    let rec: LogRecord;
    let checksummed: boolean;
    try {
      checksummed = verifyChecksum(buf, start, end);
      rec = parseRecord(buf.toString('utf8', start, end));
    } catch (err) {
      const bad = { line: scan.lines, offset: base + start, bytes, reason: (err as Error).message };
      if (isLast) scan.torn = bad;
      else scan.damaged.push(bad);
      start = next;
      continue;
    }
    if (checksummed) scan.checksummedLines++;
    else scan.legacyLines++;
    if (!terminated) scan.unterminated = true;
    onRecord(rec, bytes + (terminated ? 0 : 1), base + start);
    start = next;
  }
  return scan;
}

/** True when the line carries a valid checksum, false when it has none (an earlier version's line); throws when it is wrong. */
function verifyChecksum(buf: Buffer, start: number, end: number): boolean {
  if (
    end - start < CRC_PREFIX.length ||
    buf.compare(CRC_PREFIX_BYTES, 0, CRC_PREFIX.length, start, start + CRC_PREFIX.length) !== 0
  )
    return false;
  if (
    end - start < CRC_HEAD_LEN + 1 ||
    buf[start + CRC_HEAD_LEN - 2] !== 0x22 ||
    buf[start + CRC_HEAD_LEN - 1] !== 0x2c
  ) {
    throw new Error('malformed checksum field');
  }
  const stored = buf.toString('latin1', start + CRC_PREFIX.length, start + CRC_PREFIX.length + 8);
  if (!/^[0-9a-f]{8}$/.test(stored)) throw new Error('malformed checksum field');
  const actual = crc32(buf.subarray(start + CRC_HEAD_LEN, end), OPEN_BRACE_CRC);
  if (actual !== Number.parseInt(stored, 16)) throw new Error('checksum mismatch');
  return true;
}

/**
 * Reads and replays a collection log. A torn or invalid LAST line (a write cut short by a crash;
 * never acknowledged, since acknowledgement waits for fsync) is reported in `droppedAt` and left out;
 * an invalid line anywhere else is corruption and refuses to load, rather than silently losing what
 * follows it. Pure: the caller decides what to do with a torn tail (the store quarantines it).
 */
const PREFIX_CHUNK_BYTES = 4 * 1024 * 1024;

/**
 * The CRC-32 of a file's first `bytes` bytes, read a chunk at a time, and the bytes after them; null when the file
 * is shorter. Start-up with a snapshot needs only the log's tail in memory: holding the whole log (211 MB at
 * 100k children) left that much garbage that V8, feeling no heap pressure, kept for minutes (docs/DESIGN.md "Memory").
 */
export async function readPastPrefix(file: string, bytes: number): Promise<{ prefixCrc: number; rest: Buffer } | null> {
  const fh = await open(file, 'r');
  try {
    const size = (await fh.stat()).size;
    if (size < bytes) return null;
    const chunk = Buffer.allocUnsafe(Math.min(bytes, PREFIX_CHUNK_BYTES));
    let crc = 0;
    for (let at = 0; at < bytes;) {
      const { bytesRead } = await fh.read(chunk, 0, Math.min(chunk.length, bytes - at), at);
      if (bytesRead === 0) return null;
      crc = crc32After(chunk.subarray(0, bytesRead), crc);
      at += bytesRead;
    }
    const rest = Buffer.allocUnsafe(size - bytes);
    let got = 0;
    while (got < rest.length) {
      const { bytesRead } = await fh.read(rest, got, rest.length - got, bytes + got);
      if (bytesRead === 0) break;
      got += bytesRead;
    }
    return { prefixCrc: crc, rest: got === rest.length ? rest : rest.subarray(0, got) };
  } finally {
    await fh.close();
  }
}

/**
 * A whole file in one read where the OS allows (readFile reads 512 KB at a time, each a trip through the event
 * loop: a 220 MB log took a quarter of a second longer, and could not overlap with work on the main thread).
 */
export async function readWholeFile(file: string): Promise<Buffer> {
  const fh = await open(file, 'r');
  try {
    return await readPrefix(fh, (await fh.stat()).size);
  } finally {
    await fh.close();
  }
}

/** The first `bytes` bytes of an open file (fewer if it is shorter). */
export async function readPrefix(fh: FileHandle, bytes: number): Promise<Buffer> {
  const buf = Buffer.allocUnsafe(bytes);
  let got = 0;
  while (got < bytes) {
    const { bytesRead } = await fh.read(buf, got, bytes - got, got);
    if (bytesRead === 0) break;
    got += bytesRead;
  }
  return got === bytes ? buf : buf.subarray(0, got);
}

/**
 * Replays the log held in `buf` from byte `from` on (0: all of it; a snapshot's end: only the records
 * written after it, docs/DESIGN.md "Store"). Offsets and `droppedAt` count from the start of the file.
 */
export function replayLog(buf: Buffer, file: string, from = 0): ReplayedCollection {
  return replayLogTail(from ? buf.subarray(from) : buf, file, from);
}

/** Replays the records in `tail`: the log's bytes from `base` (where its snapshot ends) to its end. */
export function replayLogTail(tail: Buffer, file: string, base: number): ReplayedCollection {
  const out = emptyReplay(base + tail.length);
  const scan = scanLog(tail, (rec, bytes, offset) => applyRecord(out, rec, bytes, offset), base);
  const first = scan.damaged[0];
  if (first) {
    throw new AppError(
      'store-corrupt',
      `${file} line ${first.line} (byte ${first.offset}) is not a valid log record (${first.reason}); ` +
        'refusing to open the store rather than lose data. Restore from a backup, or run `npm run verify-store -- --repair` ' +
        'to set the damaged lines aside in the quarantine folder and keep the rest.',
      { file, line: first.line, offset: first.offset, damagedLines: scan.damaged.length },
    );
  }
  out.legacyLines = scan.legacyLines;
  out.checksummedLines = scan.checksummedLines;
  out.droppedAt = scan.torn ? scan.torn.offset : null;
  out.needsRewrite = scan.torn !== null || scan.unterminated || scan.legacyLines > 0;
  return out;
}

export function emptyReplay(fileBytes = 0): ReplayedCollection {
  return {
    docs: new Map(),
    deleted: new Set(),
    indexes: new Map(),
    indexBytes: 0,
    fileBytes,
    droppedAt: null,
    needsRewrite: false,
    legacyLines: 0,
    checksummedLines: 0,
  };
}

export function parseRecord(line: string): LogRecord {
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

export function applyRecord(out: ReplayedCollection, rec: LogRecord, bytes: number, offset = -1): void {
  if (rec.op === 'put') {
    const id = valueKey(rec.doc._id);
    out.docs.set(id, { doc: rec.doc, bytes, offset });
    out.deleted.delete(id);
  } else if (rec.op === 'del') {
    const id = valueKey(rec._id);
    out.docs.delete(id);
    out.deleted.add(id);
  } else {
    if (!out.indexes.has(rec.name)) out.indexBytes += bytes;
    out.indexes.set(rec.name, { name: rec.name, key: rec.key, unique: !!rec.unique, sparse: !!rec.sparse });
  }
}

export function liveBytes(r: ReplayedCollection): number {
  let n = r.indexBytes;
  for (const { bytes } of r.docs.values()) n += bytes;
  return n;
}

/**
 * The compacted content of a collection, in chunks so a large write yields to the event loop.
 * `onPlaced` learns where each document's line lands in the new file (for the snapshot, snapshot-file.ts).
 */
export function* compactedChunks(
  indexes: Iterable<IndexSpec>,
  docs: Iterable<Document>,
  chunkChars = 1 << 20,
  onPlaced?: (id: string, place: LinePlace) => void,
): Generator<string> {
  let chunk = '';
  let offset = 0;
  for (const spec of indexes) chunk += serializeRecord({ op: 'idx', ...spec });
  if (onPlaced) offset = Buffer.byteLength(chunk);
  for (const doc of docs) {
    const line = serializeRecord({ op: 'put', doc });
    chunk += line;
    if (onPlaced) {
      const bytes = Buffer.byteLength(line);
      onPlaced(valueKey(doc._id), { offset, bytes });
      offset += bytes;
    }
    if (chunk.length >= chunkChars) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk) yield chunk;
}

/** Writes and fsyncs `tmp`; returns its size. The caller renames it into place with commitFile. */
export async function writeDurably(tmp: string, chunks: Iterable<string>): Promise<number> {
  return (await writeDurablyWithCrc(tmp, chunks)).bytes;
}

/** writeDurably, also giving the CRC-32 of everything written (a snapshot names the log content it describes). */
export async function writeDurablyWithCrc(
  tmp: string,
  chunks: Iterable<string | Buffer>,
): Promise<{ bytes: number; crc: number }> {
  const fh = await open(tmp, 'w');
  let bytes = 0;
  let crc = 0;
  try {
    for (const chunk of chunks) {
      const buf = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
      await diskIo.write(fh, buf);
      bytes += buf.length;
      crc = crc32After(buf, crc);
    }
    await diskIo.sync(fh);
  } finally {
    await fh.close();
  }
  return { bytes, crc };
}

export async function commitFile(tmp: string, file: string): Promise<void> {
  await rename(tmp, file);
  // The rename is only durable once the directory entry is.
  await fsyncDir(path.dirname(file));
}

/** Write temp, fsync, rename, fsync dir: a reader sees the old file or the new one, never half. */
export async function writeFileAtomic(file: string, chunks: Iterable<string>): Promise<number> {
  return (await writeFileAtomicWithCrc(file, chunks)).bytes;
}

export async function writeFileAtomicWithCrc(
  file: string,
  chunks: Iterable<string | Buffer>,
): Promise<{ bytes: number; crc: number }> {
  const tmp = file + '.tmp';
  try {
    const written = await writeDurablyWithCrc(tmp, chunks);
    await commitFile(tmp, file);
    return written;
  } catch (err) {
    await rm(tmp, { force: true }).catch(() => undefined);
    throw err;
  }
}

/**
 * Every byte the store writes goes through these, so a test can make the disk fail (ENOSPC, EIO)
 * at the true boundary without touching anything else in the process.
 */
export const diskIo = {
  write: (fh: FileHandle, buf: Buffer): Promise<void> => writeAll(fh, buf),
  sync: (fh: FileHandle): Promise<void> => fh.sync(),
  datasync: (fh: FileHandle): Promise<void> => fh.datasync(),
};

export async function writeAll(fh: FileHandle, buf: Buffer): Promise<void> {
  let off = 0;
  while (off < buf.length) {
    const { bytesWritten } = await fh.write(buf, off, buf.length - off);
    off += bytesWritten;
  }
}

/** A small file's text, or null when it does not exist (MANIFEST.json, UNDO.json). */
export async function readTextIfPresent(file: string): Promise<string | null> {
  try {
    return await readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
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
