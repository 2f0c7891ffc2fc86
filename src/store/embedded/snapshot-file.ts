import { readFile } from 'node:fs/promises';
import * as os from 'node:os';
import { crc32 } from 'node:zlib';
import type { LogBasis } from './collection-log.js';
import { isPlainObject } from './clone.js';
import type { EqualityIndex, IndexSpec } from './indexes.js';
import { crc32After, writeFileAtomicWithCrc, type LinePlace } from './log-file.js';

// A collection's snapshot (docs/DESIGN.md "Store"): beside NAME.log, NAME.snap says what the first `logBytes`
// bytes of the log hold, so start-up need not parse them (issue 12): where each live document's line is and
// every index's entries. It names those bytes by their length and CRC-32; any change to them (damage, a
// compaction, an older version's rewrite) makes it stale and the log is read in full, as before. Records
// after `logBytes` (written after the snapshot, or after a crash) are replayed on top of it. The snapshot
// carries no document text, and losing it loses nothing: the log stays the only record of the data.
//
//   {"format":1,"collection":"children","logBytes":N,"logCrc":"xxxxxxxx","jsonBytes":J,"binBytes":B,"bodyCrc":"xxxxxxxx"}\n
//   {"ids":[valueKey...],"indexes":[{"spec":{...},"multiKeyDocs":n,"keys":[...]}...]}\n      (J bytes)
//   binary, little-endian (B bytes): float64 offset and length of each document's line, two per id; then per
//   index a uint32 count of documents under each key and the uint32 ordinals (in ids) of those documents.
// Numbers go in binary: as JSON, a million ordinals made parsing the snapshot the slowest part of opening it.

export const SNAPSHOT_EXT = '.snap';
const FORMAT = 1;

export interface SnapshotIndex {
  spec: IndexSpec;
  multiKeyDocs: number;
  /** Key tuples; for each, how many documents are under it, and all their ordinals (in `ids`), key after key. */
  keys: string[];
  counts: Uint32Array;
  ordinals: Uint32Array;
}

export interface SnapshotContent {
  collection: string;
  logBytes: number;
  logCrc: number;
  /** valueKeys of the live documents. */
  ids: string[];
  /** Offset and length of each document's line in the log, two numbers per id. */
  at: Float64Array;
  indexes: SnapshotIndex[];
}

export type SnapshotRead =
  | { state: 'absent' }
  | { state: 'damaged'; reason: string }
  | { state: 'stale'; reason: string }
  | { state: 'ok'; snap: SnapshotContent };

/**
 * The snapshot of a collection from what its log holds (`basis`, kept by the log in step with every write)
 * and its in-memory indexes; null when the two disagree on the documents (never expected: nothing is written).
 */
export function snapshotOf(collection: string, basis: LogBasis, indexes: readonly EqualityIndex[]): SnapshotContent {
  const ids = [...basis.places.keys()];
  const ordinal = new Map(ids.map((id, i) => [id, i]));
  const at = new Float64Array(2 * ids.length);
  let i = 0;
  for (const p of basis.places.values()) {
    at[i++] = p.offset;
    at[i++] = p.bytes;
  }
  const out: SnapshotIndex[] = indexes.map((ix) => {
    const keys: string[] = [];
    const counts: number[] = [];
    const ordinals: number[] = [];
    for (const [key, docIds] of ix.entries()) {
      keys.push(key);
      counts.push(docIds.length);
      for (const id of docIds) {
        const o = ordinal.get(id);
        if (o === undefined) throw new Error(`index ${ix.spec.name} holds a document the log does not`);
        ordinals.push(o);
      }
    }
    const spec = ix.spec;
    return {
      spec,
      multiKeyDocs: ix.multiKeyDocCount,
      keys,
      counts: Uint32Array.from(counts),
      ordinals: Uint32Array.from(ordinals),
    };
  });
  return { collection, logBytes: basis.bytes, logCrc: basis.crc, ids, at, indexes: out };
}

/** An index's entries as key → document ids. */
export function* indexEntries(snap: SnapshotContent, ix: SnapshotIndex): Generator<[key: string, ids: string[]]> {
  let o = 0;
  for (let k = 0; k < ix.keys.length; k++) {
    const ids = new Array<string>(ix.counts[k]!);
    for (let j = 0; j < ids.length; j++) ids[j] = snap.ids[ix.ordinals[o++]!]!;
    yield [ix.keys[k]!, ids];
  }
}

export async function writeSnapshot(file: string, snap: SnapshotContent): Promise<number> {
  if (os.endianness() !== 'LE') return 0; // the binary part is little-endian; such a host reads its logs in full
  const json = Buffer.from(
    JSON.stringify({
      ids: snap.ids,
      indexes: snap.indexes.map((ix) => ({ spec: ix.spec, multiKeyDocs: ix.multiKeyDocs, keys: ix.keys })),
    }) + '\n',
    'utf8',
  );
  const bin = [snap.at, ...snap.indexes.flatMap((ix) => [ix.counts, ix.ordinals])].map((a) =>
    Buffer.from(a.buffer, a.byteOffset, a.byteLength),
  );
  const binBytes = bin.reduce((n, b) => n + b.length, 0);
  const bodyCrc = bin.reduce((crc, b) => crc32After(b, crc), crc32(json));
  const header = JSON.stringify({
    format: FORMAT,
    collection: snap.collection,
    logBytes: snap.logBytes,
    logCrc: hex8(snap.logCrc),
    jsonBytes: json.length,
    binBytes,
    bodyCrc: hex8(bodyCrc),
  });
  return (await writeFileAtomicWithCrc(file, [header + '\n', json, ...bin])).bytes;
}

/** Reads a snapshot and checks it against the log it describes (the whole log, read into `log`). */
export async function readSnapshot(file: string, collection: string, log: Buffer): Promise<SnapshotRead> {
  const read = await readSnapshotFile(file, collection);
  return read.state === 'ok' ? checkAgainstLog(read.snap, log) : read;
}

/** Reads and checks a snapshot on its own (start-up does this while the log is still being read). */
export async function readSnapshotFile(file: string, collection: string): Promise<SnapshotRead> {
  const buf = await readFile(file).catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'ENOENT') return null;
    throw err;
  });
  if (!buf) return { state: 'absent' };
  try {
    return { state: 'ok', snap: parseSnapshot(buf, collection) };
  } catch (err) {
    return { state: 'damaged', reason: (err as Error).message };
  }
}

/** Whether the log still holds the bytes the snapshot describes (their length and CRC-32). */
export function checkAgainstLog(snap: SnapshotContent, log: Buffer): SnapshotRead {
  if (snap.logBytes > log.length) return { state: 'stale', reason: 'the log is shorter than the snapshot describes' };
  if (crc32(log.subarray(0, snap.logBytes)) !== snap.logCrc)
    return { state: 'stale', reason: 'the log bytes it describes have changed' };
  return { state: 'ok', snap };
}

function parseSnapshot(buf: Buffer, collection: string): SnapshotContent {
  if (os.endianness() !== 'LE') throw new Error('written for a little-endian host');
  const nl = buf.indexOf(0x0a);
  if (nl < 0) throw new Error('no header');
  const h: unknown = JSON.parse(buf.toString('utf8', 0, nl));
  if (!isPlainObject(h) || h.format !== FORMAT) throw new Error('unknown format');
  if (h.collection !== collection) throw new Error('written for another collection');
  if (!isCount(h.logBytes) || !isCount(h.jsonBytes) || !isCount(h.binBytes) || !isHex8(h.logCrc) || !isHex8(h.bodyCrc))
    throw new Error('bad header');
  const body = buf.subarray(nl + 1);
  if (body.length !== h.jsonBytes + h.binBytes) throw new Error('cut short');
  if (hex8(crc32(body)) !== h.bodyCrc) throw new Error('checksum mismatch');
  const b: unknown = JSON.parse(body.toString('utf8', 0, h.jsonBytes));
  if (!isPlainObject(b) || !Array.isArray(b.ids) || !Array.isArray(b.indexes)) throw new Error('bad body');
  // Copied once into a fresh buffer, so every typed array over it is aligned.
  const bin = new Uint8Array(h.binBytes);
  bin.set(body.subarray(h.jsonBytes));
  let at = 0;
  const take = <T>(make: (buffer: ArrayBuffer, offset: number, length: number) => T, n: number, size: number): T => {
    if (at + n * size > bin.length) throw new Error('cut short');
    const view = make(bin.buffer, at, n);
    at += n * size;
    return view;
  };
  const ids = b.ids as string[];
  const snap: SnapshotContent = {
    collection,
    logBytes: h.logBytes,
    logCrc: Number.parseInt(h.logCrc, 16),
    ids,
    at: take((a, o, n) => new Float64Array(a, o, n), 2 * ids.length, 8),
    indexes: (b.indexes as unknown[]).map((ix) => {
      if (!isPlainObject(ix) || !isPlainObject(ix.spec) || !Array.isArray(ix.keys)) throw new Error('bad index');
      const counts = take((a, o, n) => new Uint32Array(a, o, n), ix.keys.length, 4);
      const total = counts.reduce((n, c) => n + c, 0);
      return {
        spec: ix.spec as unknown as IndexSpec,
        multiKeyDocs: ix.multiKeyDocs as number,
        keys: ix.keys as string[],
        counts,
        ordinals: take((a, o, n) => new Uint32Array(a, o, n), total, 4),
      };
    }),
  };
  if (at !== bin.length) throw new Error('bad binary part');
  checkShape(snap);
  return snap;
}

/** The checksum guards against damage; this guards the loader against a snapshot that does not fit its log. */
function checkShape(s: SnapshotContent): void {
  const n = s.ids.length;
  for (let i = 0; i < n; i++) if (typeof s.ids[i] !== 'string') throw new Error('bad document list');
  const { at } = s;
  for (let i = 0; i < at.length; i += 2) {
    const offset = at[i]!;
    const bytes = at[i + 1]!;
    if (!(offset >= 0 && bytes > 0 && offset + bytes <= s.logBytes) || offset % 1 || bytes % 1)
      throw new Error('a document line outside the log');
  }
  for (const ix of s.indexes) {
    if (typeof ix.spec.name !== 'string' || !isPlainObject(ix.spec.key) || !isCount(ix.multiKeyDocs))
      throw new Error('bad index');
    if (!ix.keys.every((k) => typeof k === 'string')) throw new Error(`bad index ${ix.spec.name}`);
    let max = -1;
    const { ordinals } = ix;
    for (let i = 0; i < ordinals.length; i++) if (ordinals[i]! > max) max = ordinals[i]!;
    if (max >= n) throw new Error(`bad index ${ix.spec.name}`);
  }
}

/** Where each document's line is, by id. */
export function placesOf(snap: SnapshotContent): Map<string, LinePlace> {
  const places = new Map<string, LinePlace>();
  for (let i = 0; i < snap.ids.length; i++)
    places.set(snap.ids[i]!, { offset: snap.at[2 * i]!, bytes: snap.at[2 * i + 1]! });
  return places;
}

function isCount(v: unknown): v is number {
  return Number.isSafeInteger(v) && (v as number) >= 0;
}

function isHex8(v: unknown): v is string {
  return typeof v === 'string' && /^[0-9a-f]{8}$/.test(v);
}

function hex8(n: number): string {
  return n.toString(16).padStart(8, '0');
}
