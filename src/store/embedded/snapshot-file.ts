import { readFile } from 'node:fs/promises';
import { crc32 } from 'node:zlib';
import type { LogBasis } from './collection-log.js';
import { isPlainObject } from './clone.js';
import type { EqualityIndex, IndexSpec } from './indexes.js';
import { writeFileAtomicWithCrc, type LinePlace } from './log-file.js';

// A collection's snapshot (docs/DESIGN.md "Store"): beside NAME.log, NAME.snap says what the first `logBytes`
// bytes of the log hold, so start-up need not parse them (issue 12): where each live document's line is and
// every index's entries. It names those bytes by their length and CRC-32; any change to them (damage, a
// compaction, an older version's rewrite) makes it stale and the log is read in full, as before. Records
// after `logBytes` (written after the snapshot, or after a crash) are replayed on top of it. The snapshot
// carries no document text, and losing it loses nothing: the log stays the only record of the data.
//
//   {"format":1,"collection":"children","logBytes":N,"logCrc":"xxxxxxxx","bodyBytes":M,"bodyCrc":"xxxxxxxx"}\n
//   {"ids":[valueKey...],"at":[offset,bytes,...],"indexes":[{"spec":{...},"multiKeyDocs":n,"keys":[...],"ids":[[ordinal...]...]}]}\n

export const SNAPSHOT_EXT = '.snap';
const FORMAT = 1;

export interface SnapshotIndex {
  spec: IndexSpec;
  multiKeyDocs: number;
  /** Key tuples, and for each the ordinals (in `ids`) of the documents under it. */
  keys: string[];
  ids: number[][];
}

export interface SnapshotContent {
  collection: string;
  logBytes: number;
  logCrc: number;
  /** valueKeys of the live documents. */
  ids: string[];
  /** Offset and length of each document's line in the log, two numbers per id. */
  at: number[];
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
  const at: number[] = [];
  for (const p of basis.places.values()) at.push(p.offset, p.bytes);
  const out: SnapshotIndex[] = indexes.map((ix) => {
    const keys: string[] = [];
    const lists: number[][] = [];
    for (const [key, set] of ix.entries()) {
      keys.push(key);
      lists.push(
        [...set].map((id) => {
          const o = ordinal.get(id);
          if (o === undefined) throw new Error(`index ${ix.spec.name} holds a document the log does not`);
          return o;
        }),
      );
    }
    return { spec: ix.spec, multiKeyDocs: ix.multiKeyDocCount, keys, ids: lists };
  });
  return { collection, logBytes: basis.bytes, logCrc: basis.crc, ids, at, indexes: out };
}

export async function writeSnapshot(file: string, snap: SnapshotContent): Promise<number> {
  const body = JSON.stringify({ ids: snap.ids, at: snap.at, indexes: snap.indexes }) + '\n';
  const bodyBuf = Buffer.from(body, 'utf8');
  const header = JSON.stringify({
    format: FORMAT,
    collection: snap.collection,
    logBytes: snap.logBytes,
    logCrc: hex8(snap.logCrc),
    bodyBytes: bodyBuf.length,
    bodyCrc: hex8(crc32(bodyBuf)),
  });
  return (await writeFileAtomicWithCrc(file, [header + '\n', bodyBuf])).bytes;
}

/** Reads a snapshot and checks it against the log it describes (the whole log, read into `log`). */
export async function readSnapshot(file: string, collection: string, log: Buffer): Promise<SnapshotRead> {
  const buf = await readFile(file).catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'ENOENT') return null;
    throw err;
  });
  if (!buf) return { state: 'absent' };
  let snap: SnapshotContent;
  try {
    snap = parseSnapshot(buf, collection);
  } catch (err) {
    return { state: 'damaged', reason: (err as Error).message };
  }
  if (snap.logBytes > log.length) return { state: 'stale', reason: 'the log is shorter than the snapshot describes' };
  if (crc32(log.subarray(0, snap.logBytes)) !== snap.logCrc)
    return { state: 'stale', reason: 'the log bytes it describes have changed' };
  return { state: 'ok', snap };
}

function parseSnapshot(buf: Buffer, collection: string): SnapshotContent {
  const nl = buf.indexOf(0x0a);
  if (nl < 0) throw new Error('no header');
  const h: unknown = JSON.parse(buf.toString('utf8', 0, nl));
  if (!isPlainObject(h) || h.format !== FORMAT) throw new Error('unknown format');
  if (h.collection !== collection) throw new Error('written for another collection');
  const body = buf.subarray(nl + 1);
  if (body.length !== h.bodyBytes) throw new Error('cut short');
  if (hex8(crc32(body)) !== h.bodyCrc) throw new Error('checksum mismatch');
  if (!isCount(h.logBytes) || typeof h.logCrc !== 'string' || !/^[0-9a-f]{8}$/.test(h.logCrc))
    throw new Error('bad header');
  const b: unknown = JSON.parse(body.toString('utf8'));
  if (!isPlainObject(b) || !Array.isArray(b.ids) || !Array.isArray(b.at) || !Array.isArray(b.indexes))
    throw new Error('bad body');
  const snap: SnapshotContent = {
    collection,
    logBytes: h.logBytes,
    logCrc: Number.parseInt(h.logCrc, 16),
    ids: b.ids as string[],
    at: b.at as number[],
    indexes: b.indexes as SnapshotIndex[],
  };
  checkShape(snap);
  return snap;
}

/** The checksum guards against damage; this guards the loader against a snapshot that does not fit its log. */
function checkShape(s: SnapshotContent): void {
  const n = s.ids.length;
  if (s.at.length !== 2 * n || !s.ids.every((id) => typeof id === 'string')) throw new Error('bad document list');
  for (let i = 0; i < s.at.length; i += 2) {
    const [offset, bytes] = [s.at[i]!, s.at[i + 1]!];
    if (!isCount(offset) || !isCount(bytes) || bytes === 0 || offset + bytes > s.logBytes)
      throw new Error('a document line outside the log');
  }
  for (const ix of s.indexes) {
    if (
      !isPlainObject(ix) ||
      !isPlainObject(ix.spec) ||
      typeof ix.spec.name !== 'string' ||
      !isPlainObject(ix.spec.key)
    )
      throw new Error('bad index');
    if (!Array.isArray(ix.keys) || !Array.isArray(ix.ids) || ix.keys.length !== ix.ids.length)
      throw new Error(`bad index ${ix.spec.name}`);
    for (const list of ix.ids) {
      if (!Array.isArray(list) || !list.every((o) => Number.isInteger(o) && o >= 0 && o < n))
        throw new Error(`bad index ${ix.spec.name}`);
    }
  }
}

/** Where each document's line is, by id. */
export function placesOf(snap: SnapshotContent): Map<string, LinePlace> {
  const places = new Map<string, LinePlace>();
  snap.ids.forEach((id, i) => places.set(id, { offset: snap.at[2 * i]!, bytes: snap.at[2 * i + 1]! }));
  return places;
}

function isCount(v: unknown): v is number {
  return Number.isSafeInteger(v) && (v as number) >= 0;
}

function hex8(n: number): string {
  return n.toString(16).padStart(8, '0');
}
