import { open, rm } from 'node:fs/promises';
import * as path from 'node:path';
import { AppError } from '../../domain/errors.js';
import { LOG_EXT, diskIo, fsyncDir, readTextIfPresent, writeFileAtomic } from './log-file.js';

// An undo point (docs/DESIGN.md "Store"): UNDO.json names how long every collection log was before a change
// that must be seen whole or not at all (the CLI's import, issue 12). The logs are append-only and are not
// compacted while it exists, so cutting each back to that length undoes the change exactly. Written
// atomically before the change's first line; removed, once every line is durable, as the change's commit.
// Whoever opens the store while it exists (the next start, after kill -9) cuts the logs back first.

export const UNDO_FILE = 'UNDO.json';
const REMEDY =
  'Restore the data directory from a backup, or run `npm run verify-store -- --repair` to set it aside and keep ' +
  'the logs as they are, then run that import again.';

export interface UndoPoint {
  /** What the change is ('import'), for the log line that reports it undone: never a file name or personal data. */
  label: string;
  /** Each collection log's length in bytes at the undo point; a log not named here did not exist (0). */
  logBytes: Record<string, number>;
}

export async function writeUndoPoint(dir: string, point: UndoPoint): Promise<void> {
  await writeFileAtomic(path.join(dir, UNDO_FILE), [JSON.stringify({ format: 1, ...point }) + '\n']);
}

/** The undo point in dir, null when there is none; a damaged one refuses to open (nobody can say what to undo). */
export async function readUndoPoint(dir: string): Promise<UndoPoint | null> {
  const file = path.join(dir, UNDO_FILE);
  const text = await readTextIfPresent(file);
  if (text === null) return null;
  const point = parseUndoPoint(text);
  if (!point)
    throw new AppError(
      'store-corrupt',
      `${file} is damaged, so the change it guards (${UNDO_FILE} is written before an import and removed when it ` +
        `completes) cannot be undone; refusing to open the store. ${REMEDY}`,
      { file },
    );
  return point;
}

export function parseUndoPoint(text: string): UndoPoint | null {
  try {
    const v = JSON.parse(text) as { label?: unknown; logBytes?: unknown };
    const sizes = v.logBytes;
    if (typeof v.label !== 'string' || typeof sizes !== 'object' || sizes === null || Array.isArray(sizes)) return null;
    const valid = Object.values(sizes).every((n) => Number.isSafeInteger(n) && (n as number) >= 0);
    return valid ? { label: v.label, logBytes: { ...(sizes as Record<string, number>) } } : null;
  } catch {
    return null;
  }
}

/** The length a log had at the undo point (0: it did not exist then). */
export function bytesAtUndoPoint(point: UndoPoint, logFile: string): number {
  const collection = logFile.slice(0, -LOG_EXT.length);
  return Object.hasOwn(point.logBytes, collection) ? point.logBytes[collection]! : 0;
}

/**
 * Cuts every log in dir back to its length at the undo point, then removes the undo point. A log shorter than
 * that lost bytes the undo point vouched for: refused, nothing cut. Returns the bytes cut, per log.
 */
export async function rollBackToUndoPoint(
  dir: string,
  point: UndoPoint,
  files: readonly string[],
): Promise<Record<string, number>> {
  const logs = files.filter((f) => f.endsWith(LOG_EXT));
  const handles = [];
  try {
    for (const f of logs) handles.push({ f, fh: await open(path.join(dir, f), 'r+') });
    const sizes = await Promise.all(handles.map(async ({ fh }) => (await fh.stat()).size));
    const short = handles.filter(({ f }, i) => sizes[i]! < bytesAtUndoPoint(point, f)).map(({ f }) => f);
    if (short.length)
      throw new AppError(
        'store-corrupt',
        `${short.join(', ')} ${short.length > 1 ? 'are' : 'is'} shorter than when the change in ${UNDO_FILE} began, so ` +
          `data written before it is gone; refusing to open the store. ${REMEDY}`,
        { files: short },
      );
    const cut: Record<string, number> = {};
    for (const [i, { f, fh }] of handles.entries()) {
      const keep = bytesAtUndoPoint(point, f);
      if (sizes[i] === keep) continue;
      await fh.truncate(keep);
      await diskIo.sync(fh);
      cut[f] = sizes[i]! - keep;
    }
    await removeUndoPoint(dir);
    return cut;
  } finally {
    await Promise.all(handles.map(({ fh }) => fh.close().catch(() => undefined)));
  }
}

/** Removes the undo point durably: for a change that completed, its commit. */
export async function removeUndoPoint(dir: string): Promise<void> {
  await rm(path.join(dir, UNDO_FILE), { force: true });
  await fsyncDir(dir);
}
