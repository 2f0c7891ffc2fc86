import { readFileSync } from 'node:fs';
import { link, open, readFile, rm } from 'node:fs/promises';
import * as path from 'node:path';
import type { Logger } from 'pino';
import { AppError } from '../../domain/errors.js';

export interface DirLock {
  readonly file: string;
  release(): Promise<void>;
}

// Locks held by this process: a second open in the same process must fail too, while our own pid
// found in a lock we don't hold is stale (containers often give every run pid 1).
const held = new Set<string>();

function locked(dir: string, pid: number): AppError {
  return new AppError('store-locked', `the data directory ${dir} is in use by process ${pid}`, { dir, pid });
}

/**
 * Takes `dir/LOCK` (contents: our pid). The pid is written to a temp file and hard-linked into
 * place, so the lock file never exists without its pid. A lock whose process is gone is taken over.
 */
export async function acquireDirLock(dir: string, logger?: Logger): Promise<DirLock> {
  const file = path.join(path.resolve(dir), 'LOCK');
  if (held.has(file)) throw locked(dir, process.pid);
  const tmp = `${file}.${process.pid}.tmp`;
  const fh = await open(tmp, 'w');
  try {
    await fh.writeFile(`${process.pid}\n`);
    await fh.sync();
  } finally {
    await fh.close();
  }
  try {
    for (let attempt = 0; ; attempt++) {
      try {
        await link(tmp, file);
        held.add(file);
        return { file, release: () => releaseLock(file) };
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'EEXIST' || attempt >= 5) throw err;
      }
      const owner = await readPid(file);
      if (owner !== null && owner !== process.pid && isAlive(owner)) throw locked(dir, owner);
      logger?.warn({ lock: file, stalePid: owner }, 'taking over a stale store lock');
      await rm(file, { force: true });
    }
  } finally {
    await rm(tmp, { force: true });
  }
}

async function releaseLock(file: string): Promise<void> {
  if (!held.delete(file)) return;
  // Only remove it if it is still ours.
  if ((await readPid(file)) === process.pid) await rm(file, { force: true });
}

async function readPid(file: string): Promise<number | null> {
  try {
    const n = Number.parseInt((await readFile(file, 'utf8')).trim(), 10);
    return Number.isInteger(n) && n > 0 ? n : null;
  } catch {
    return null;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (err) {
    // EPERM: it exists but belongs to someone else.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
  return !isZombie(pid);
}

/** A killed process nobody has reaped yet (common under a container init that doesn't) is dead. */
function isZombie(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).startsWith('Z');
  } catch {
    return false;
  }
}
