import { readFile, readdir, rm, stat } from 'node:fs/promises';
import * as path from 'node:path';
import { AppError, isAppError } from '../../domain/errors.js';
import { COLLECTION_NAME_RE } from './embedded-store.js';
import { EqualityIndex } from './indexes.js';
import { acquireDirLock, judgeLock, type LockVerdict } from './lock-file.js';
import {
  LOG_EXT,
  applyRecord,
  emptyReplay,
  compactedChunks,
  scanLog,
  writeFileAtomic,
  type DamagedLine,
  type ReplayedCollection,
} from './log-file.js';
import { MANIFEST_FILE, parseManifest, writeManifest } from './manifest.js';
import { quarantineBytes } from './quarantine.js';
import { UNDO_FILE, bytesAtUndoPoint, readUndoPoint, rollBackToUndoPoint, type UndoPoint } from './undo-point.js';
import { SNAPSHOT_EXT, indexEntries, readSnapshot, type SnapshotContent } from './snapshot-file.js';

// `npm run verify-store`: the same reader the store uses, reporting instead of refusing; with
// --repair, damaged bytes go to DATA_DIR/quarantine and the rest is kept.

export interface LogReport {
  name: string;
  file: string;
  lines: number;
  legacyLines: number;
  damaged: DamagedLine[];
  torn: DamagedLine | null;
  /** Unique indexes the valid records break (the store would not open); names and counts only. */
  conflicts: string[];
}

/**
 * A collection's snapshot (snapshot-file.ts): ok; stale or damaged (ignored at start, the log is read in full);
 * inconsistent (it matches its log's bytes but not their content: the store would trust it, so it is damage);
 * orphan (no log beside it).
 */
export interface SnapshotReport {
  file: string;
  state: 'ok' | 'stale' | 'damaged' | 'inconsistent' | 'orphan';
  detail?: string;
}

export interface VerifyReport {
  dataDir: string;
  manifest: 'ok' | 'missing' | 'damaged';
  /** Collections the manifest lists whose log is missing. */
  missingLogs: string[];
  /** Logs the manifest does not list (a crash right after creating one; the store adds them). */
  unlisted: string[];
  logs: LogReport[];
  snapshots: SnapshotReport[];
  lock: LockVerdict | null;
  /**
   * An import a crash cut short (undo-point.ts): the logs are checked as the next start leaves them, cut back by
   * these bytes; `shorter` logs than it allows, or 'damaged' when UNDO.json cannot be read, keep the store shut.
   */
  undo: { cutBytes: Record<string, number>; shorter: string[] } | 'damaged' | null;
  /** Findings that stop the store from starting cleanly or mean lost bytes; 0 = healthy. */
  damage: number;
}

export async function verifyStore(dataDir: string): Promise<VerifyReport> {
  const dir = path.resolve(dataDir);
  const st = await stat(dir).catch(() => null);
  if (!st?.isDirectory()) throw new AppError('invalid-input', `data directory ${dir} does not exist`);
  const files = await readdir(dir);
  const undoPoint = await undoPointOrDamaged(dir);
  const cutBytes: Record<string, number> = {};
  /** Logs shorter than the undo point says they were: bytes from before the import are gone. */
  const shortLogs: string[] = [];
  const logs: LogReport[] = [];
  const snapshots: SnapshotReport[] = [];
  for (const f of files.filter((x) => x.endsWith(SNAPSHOT_EXT)).sort()) {
    if (!files.includes(f.slice(0, -SNAPSHOT_EXT.length) + LOG_EXT)) snapshots.push({ file: f, state: 'orphan' });
  }
  for (const f of files.filter((x) => x.endsWith(LOG_EXT)).sort()) {
    const name = f.slice(0, -LOG_EXT.length);
    if (!COLLECTION_NAME_RE.test(name)) continue;
    const r = emptyReplay();
    const whole = await readFile(path.join(dir, f));
    const keep = undoPoint && undoPoint !== 'damaged' ? bytesAtUndoPoint(undoPoint, f) : whole.length;
    if (keep < whole.length) cutBytes[f] = whole.length - keep;
    else if (keep > whole.length) shortLogs.push(f);
    const buf = whole.subarray(0, keep);
    const scan = scanLog(buf, (rec, bytes, offset) => applyRecord(r, rec, bytes, offset));
    if (files.includes(name + SNAPSHOT_EXT)) snapshots.push(await checkSnapshot(dir, name, buf, r));
    logs.push({
      name,
      file: f,
      lines: scan.lines,
      legacyLines: scan.legacyLines,
      damaged: scan.damaged,
      torn: scan.torn,
      conflicts: uniqueConflicts(r),
    });
  }
  const manifestText = await readFile(path.join(dir, MANIFEST_FILE), 'utf8').catch(() => null);
  const manifest = manifestText === null ? null : parseManifest(manifestText);
  const state = manifestText === null ? 'missing' : manifest ? 'ok' : 'damaged';
  const names = new Set(logs.map((l) => l.name));
  const missingLogs = (manifest?.collections ?? []).filter((n) => !names.has(n));
  const unlisted = manifest ? logs.map((l) => l.name).filter((n) => !manifest.collections.includes(n)) : [];
  const lock = files.includes('LOCK') ? await judgeLock(path.join(dir, 'LOCK')) : null;
  // A missing manifest is damage once logs with checksums exist (this version writes it first).
  const manifestDamage =
    state === 'damaged' ||
    (state === 'missing' && logs.some((l) => l.lines > l.legacyLines + l.damaged.length + (l.torn ? 1 : 0)))
      ? 1
      : 0;
  const damage =
    logs.reduce((n, l) => n + l.damaged.length + (l.torn ? 1 : 0) + l.conflicts.length, 0) +
    missingLogs.length +
    manifestDamage +
    snapshots.filter((s) => s.state === 'inconsistent').length +
    (undoPoint === 'damaged' ? 1 : shortLogs.length);
  const undo = undoPoint === 'damaged' ? undoPoint : undoPoint ? { cutBytes, shorter: shortLogs } : null;
  return { dataDir: dir, manifest: state, missingLogs, unlisted, logs, snapshots, lock, undo, damage };
}

/** Checks a snapshot against its log: the bytes it names, then what they hold (documents' places, every index). */
async function checkSnapshot(
  dir: string,
  name: string,
  log: Buffer,
  whole: ReplayedCollection,
): Promise<SnapshotReport> {
  const file = name + SNAPSHOT_EXT;
  const read = await readSnapshot(path.join(dir, file), name, log);
  if (read.state === 'absent') return { file, state: 'orphan' };
  if (read.state !== 'ok') return { file, state: read.state, detail: read.reason };
  // A snapshot of the whole log (a clean stop) is compared with the replay already made of it.
  const covered = read.snap.logBytes === log.length ? whole : replayOf(log.subarray(0, read.snap.logBytes));
  const problem = snapshotDisagreement(read.snap, covered);
  return problem ? { file, state: 'inconsistent', detail: problem } : { file, state: 'ok' };
}

/** What a snapshot says that a replay of the log bytes it covers does not; null when they agree. */
function replayOf(buf: Buffer): ReplayedCollection {
  const r = emptyReplay();
  scanLog(buf, (rec, bytes, offset) => applyRecord(r, rec, bytes, offset));
  return r;
}

function snapshotDisagreement(snap: SnapshotContent, r: ReplayedCollection): string | null {
  if (snap.ids.length !== r.docs.size) return `${snap.ids.length} documents, the log ${r.docs.size}`;
  for (const [i, id] of snap.ids.entries()) {
    const d = r.docs.get(id);
    if (!d || d.offset !== snap.at[2 * i] || d.bytes !== snap.at[2 * i + 1])
      return `document ${i}: not where the log has it`;
  }
  const names = (specs: { name: string }[]) =>
    specs
      .map((x) => x.name)
      .sort()
      .join(',');
  if (names(snap.indexes.map((x) => x.spec)) !== names([...r.indexes.values()])) return "not the log's indexes";
  for (const si of snap.indexes) {
    const ix = new EqualityIndex(r.indexes.get(si.spec.name)!);
    for (const [id, { doc }] of r.docs) ix.add(id, ix.keysOf(doc));
    const want = new Map([...ix.entries()].map(([k, ids]) => [k, [...ids].sort().join('\u0001')]));
    const got = new Map([...indexEntries(snap, si)].map(([k, ids]) => [k, ids.sort().join('\u0001')]));
    const same = want.size === got.size && [...want].every(([k, v]) => got.get(k) === v);
    if (!same || ix.multiKeyDocCount !== si.multiKeyDocs) return `index ${si.spec.name}: entries differ from the log`;
  }
  return null;
}

export interface RepairResult {
  actions: string[];
}

/**
 * Sets damaged lines, torn tails and a damaged manifest aside in DATA_DIR/quarantine, rewrites each
 * log from its valid lines (with checksums), and writes the manifest for the logs that exist.
 * Takes the store lock, so it refuses while the bot runs.
 */
export async function repairStore(dataDir: string, now = new Date()): Promise<RepairResult> {
  const dir = path.resolve(dataDir);
  const lock = await acquireDirLock(dir);
  try {
    const actions: string[] = await settleUndoPoint(dir, now);
    const report = await verifyStore(dir);
    for (const l of report.logs) {
      const bad = [...l.damaged, ...(l.torn ? [l.torn] : [])];
      if (bad.length === 0) continue;
      const file = path.join(dir, l.file);
      const buf = await readFile(file);
      const q = await quarantineBytes(
        dir,
        l.file,
        bad.map((b) => buf.subarray(b.offset, b.offset + b.bytes)),
        now,
      );
      const kept = emptyReplay();
      const scan = scanLog(buf, (rec, bytes) => applyRecord(kept, rec, bytes));
      await writeFileAtomic(
        file,
        compactedChunks(
          kept.indexes.values(),
          [...kept.docs.values()].map((d) => d.doc),
        ),
      );
      actions.push(
        `${l.file}: set aside ${bad.length} damaged line(s) (${bad.map((b) => b.line).join(', ')}; ${q.bytes} bytes) in ${q.file}; ` +
          `kept ${scan.lines - bad.length} line(s), ${kept.docs.size} document(s)`,
      );
    }
    for (const snap of report.snapshots) {
      const rewritten = report.logs.some(
        (l) => l.name + SNAPSHOT_EXT === snap.file && (l.damaged.length > 0 || l.torn !== null),
      );
      if (snap.state === 'ok' && !rewritten) continue;
      await rm(path.join(dir, snap.file), { force: true });
      actions.push(
        `${snap.file}: ${rewritten ? 'its log was rewritten' : snap.state}; deleted (the next start reads the log)`,
      );
    }
    if (report.manifest === 'damaged') {
      const q = await quarantineBytes(dir, MANIFEST_FILE, [await readFile(path.join(dir, MANIFEST_FILE))], now);
      actions.push(`${MANIFEST_FILE}: damaged; set aside in ${q.file}`);
    }
    for (const m of report.missingLogs)
      actions.push(
        `${m}${LOG_EXT}: missing; its data is lost unless you restore it from a backup (no longer expected)`,
      );
    if (report.manifest !== 'ok' || report.missingLogs.length || report.unlisted.length) {
      await writeManifest(
        dir,
        report.logs.map((l) => l.name),
      );
      actions.push(`${MANIFEST_FILE}: rewritten for ${report.logs.length} collection log(s)`);
    }
    return { actions };
  } finally {
    await lock.release();
  }
}

/**
 * An import a crash cut short is undone first, as the next start would (the rest is then checked as it will be).
 * An undo point that cannot be carried out (damaged, or logs shorter than it says) is set aside in quarantine:
 * the logs are kept as they are, which may hold part of that import; running it again completes it.
 */
async function settleUndoPoint(dir: string, now: Date): Promise<string[]> {
  if (!(await undoPointOrDamaged(dir))) return [];
  const report = await verifyStore(dir);
  if (!report.undo) return [];
  if (report.undo !== 'damaged' && report.undo.shorter.length === 0) {
    const cut = await rollBackToUndoPoint(dir, (await readUndoPoint(dir))!, await readdir(dir));
    const what = Object.entries(cut).map(([f, n]) => `${f} cut back by ${n} bytes`);
    return [`${UNDO_FILE}: undid an import a crash cut short${what.length ? ` (${what.join(', ')})` : ''}`];
  }
  const file = path.join(dir, UNDO_FILE);
  const q = await quarantineBytes(dir, UNDO_FILE, [await readFile(file)], now);
  await rm(file);
  return [
    `${UNDO_FILE}: ${report.undo === 'damaged' ? 'damaged' : `${report.undo.shorter.join(', ')} shorter than it says`}; ` +
      `set aside in ${q.file}. The logs may hold part of an interrupted import: run that import again to complete it`,
  ];
}

/** The undo point in dir, null when there is none, 'damaged' when it cannot be read (undo-point.ts). */
async function undoPointOrDamaged(dir: string): Promise<UndoPoint | 'damaged' | null> {
  return readUndoPoint(dir).catch((err: unknown) => {
    if (isAppError(err, 'store-corrupt')) return 'damaged' as const;
    throw err;
  });
}

/** Unique indexes that two live documents share a key of (e.g. after a line was set aside). */
function uniqueConflicts(r: ReplayedCollection): string[] {
  const out: string[] = [];
  for (const spec of r.indexes.values()) {
    if (!spec.unique) continue;
    const ix = new EqualityIndex(spec);
    let n = 0;
    for (const [id, { doc }] of r.docs) {
      const keys = ix.keysOf(doc);
      if (ix.conflict(id, keys)) n++;
      else ix.add(id, keys);
    }
    if (n) out.push(`unique index ${spec.name}: ${n} document(s) repeat another's key`);
  }
  return out;
}

/** The report as lines for a terminal (ids and counts only). */
export function formatReport(r: VerifyReport): string[] {
  const out: string[] = [`data directory ${r.dataDir}`];
  out.push(`${MANIFEST_FILE}: ${r.manifest}${r.manifest === 'missing' && r.logs.length === 0 ? ' (empty store)' : ''}`);
  for (const m of r.missingLogs)
    out.push(`${m}${LOG_EXT}: MISSING (listed in ${MANIFEST_FILE}); the store will not start`);
  for (const l of r.logs) {
    const notes: string[] = [];
    if (l.legacyLines)
      notes.push(`${l.legacyLines} line(s) without checksums (rewritten with checksums at the next start)`);
    if (r.unlisted.includes(l.name)) notes.push(`not in ${MANIFEST_FILE} (added at the next start)`);
    const state = l.damaged.length || l.torn || l.conflicts.length ? 'DAMAGED' : 'ok';
    out.push(`${l.file}: ${state}, ${l.lines} line(s)${notes.length ? `; ${notes.join('; ')}` : ''}`);
    for (const d of l.damaged) out.push(`  line ${d.line} (byte ${d.offset}, ${d.bytes} bytes): ${d.reason}`);
    for (const c of l.conflicts)
      out.push(`  ${c}: the store will not open until one of each pair is corrected by hand`);
    if (l.torn)
      out.push(
        `  last line ${l.torn.line} (byte ${l.torn.offset}, ${l.torn.bytes} bytes) is torn (${l.torn.reason}); set aside at the next start`,
      );
  }
  if (r.undo === 'damaged')
    out.push(`${UNDO_FILE}: DAMAGED: the import it guards cannot be undone; the store will not start`);
  else if (r.undo?.shorter.length)
    out.push(
      `${UNDO_FILE}: ${r.undo.shorter.join(', ')} shorter than when an import began: data is missing; the store will not start`,
    );
  else if (r.undo) {
    const cut = Object.entries(r.undo.cutBytes).map(([f, n]) => `${f} by ${n} bytes`);
    out.push(
      `${UNDO_FILE}: an import a crash cut short; the next start undoes it${cut.length ? ` (cuts ${cut.join(', ')})` : ''}; logs checked as it leaves them`,
    );
  }
  for (const s of r.snapshots) {
    const what = {
      ok: 'ok',
      stale: 'stale (the log changed since): ignored at start and written again at the next clean stop',
      damaged: 'damaged: ignored at start (the log is read in full)',
      inconsistent: 'DAMAGED: does not match its log; the store would trust it',
      orphan: 'no log beside it: ignored',
    }[s.state];
    out.push(`${s.file}: ${what}${s.detail ? ` (${s.detail})` : ''}${s.state === 'ok' ? '' : '; --repair deletes it'}`);
  }
  if (r.lock?.kind === 'live' || r.lock?.kind === 'other-host') {
    out.push(
      `the bot holds the lock (process ${r.lock.owner.pid} on ${r.lock.owner.host}): a torn last line may be a write in progress`,
    );
  }
  out.push(
    r.damage === 0
      ? 'store OK'
      : `store DAMAGED: ${r.damage} problem(s); stop the bot, then run: npm run verify-store -- --repair`,
  );
  return out;
}
