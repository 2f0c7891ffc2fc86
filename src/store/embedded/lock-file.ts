import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { link, open, readFile, rm, stat } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Logger } from 'pino';
import { AppError } from '../../domain/errors.js';

export interface DirLock {
  readonly file: string;
  release(): Promise<void>;
}

/**
 * Who holds a lock: the pid, that process's start time (so a pid reused by another process is not
 * taken for the holder) and the host. The file's first line is the bare pid, as earlier versions wrote
 * it (and read it); the second line is this record as JSON.
 */
export interface LockOwner {
  pid: number;
  /** Process identity: Linux `boot_id:starttime` from /proc, elsewhere `ps` start time; null when unknown. */
  start: string | null;
  host: string;
  /** When the lock was taken (ISO), for the message. */
  since: string;
}

// Locks held by this process: a second open in the same process must fail too, while our own pid
// found in a lock we don't hold is stale (containers often give every run pid 1).
const held = new Set<string>();

/**
 * Takes `dir/LOCK`. The record is written to a temp file and hard-linked into place, so the lock file
 * never exists without it. A lock whose process is gone, or whose pid now belongs to another process,
 * is taken over with a warning; a live holder, or a holder on another host, gets an error that says
 * what to do.
 */
export async function acquireDirLock(dir: string, logger?: Logger): Promise<DirLock> {
  const file = path.join(path.resolve(dir), 'LOCK');
  if (held.has(file)) throw lockedHere(dir, file, ownLockOwner(), true);
  const me = ownLockOwner();
  const tmp = `${file}.${process.pid}.tmp`;
  const fh = await open(tmp, 'w');
  try {
    await fh.writeFile(`${me.pid}\n${JSON.stringify(me)}\n`);
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
      const verdict = await judgeLock(file);
      if (verdict.kind === 'live') throw lockedHere(dir, file, verdict.owner, false);
      if (verdict.kind === 'other-host') throw lockedElsewhere(dir, file, verdict.owner);
      logger?.warn({ lock: file, stalePid: verdict.pid, why: verdict.why }, 'taking over a stale store lock');
      await rm(file, { force: true });
    }
  } finally {
    await rm(tmp, { force: true });
  }
}

export type LockVerdict =
  | {
      kind: 'stale';
      pid: number | null;
      why: 'unreadable' | 'no such process' | 'pid reused by another process' | 'our own pid';
    }
  | { kind: 'live'; owner: LockOwner }
  | { kind: 'other-host'; owner: LockOwner };

/** Decides whether the lock in `file` belongs to a running process (used by the store and the repair command). */
export async function judgeLock(file: string): Promise<LockVerdict> {
  const content = await readFile(file, 'utf8').catch(() => null);
  const mtime = await stat(file).then(
    (s) => s.mtimeMs,
    () => null,
  );
  const owner = content === null ? null : parseLock(content);
  if (!owner) return { kind: 'stale', pid: null, why: 'unreadable' };
  if (owner.host !== os.hostname()) return { kind: 'other-host', owner };
  if (owner.pid === process.pid) return { kind: 'stale', pid: owner.pid, why: 'our own pid' };
  if (!isAlive(owner.pid)) return { kind: 'stale', pid: owner.pid, why: 'no such process' };
  const now = processStart(owner.pid);
  if (owner.start !== null && now !== null && owner.start !== now)
    return { kind: 'stale', pid: owner.pid, why: 'pid reused by another process' };
  // An earlier version's lock has only a pid: a process that started after the lock was written
  // cannot have written it.
  if (owner.start === null && mtime !== null) {
    const startedAt = processStartMs(owner.pid);
    if (startedAt !== null && startedAt > mtime + 1000)
      return { kind: 'stale', pid: owner.pid, why: 'pid reused by another process' };
    // Earlier versions ran under node only.
    const comm = procComm(owner.pid);
    if (comm !== null && !/node/i.test(comm))
      return { kind: 'stale', pid: owner.pid, why: 'pid reused by another process' };
  }
  return { kind: 'live', owner };
}

export function parseLock(content: string): LockOwner | null {
  const [first = '', second = ''] = content.split('\n');
  const pid = Number.parseInt(first.trim(), 10);
  if (!Number.isInteger(pid) || pid <= 0 || String(pid) !== first.trim()) return null;
  try {
    const rec = JSON.parse(second) as Partial<LockOwner>;
    if (rec.pid === pid && typeof rec.host === 'string') {
      return {
        pid,
        start: typeof rec.start === 'string' ? rec.start : null,
        host: rec.host,
        since: typeof rec.since === 'string' ? rec.since : '',
      };
    }
  } catch {
    // An earlier version's lock: the pid only, written on this host.
  }
  return { pid, start: null, host: os.hostname(), since: '' };
}

function ownLockOwner(): LockOwner {
  return { pid: process.pid, start: processStart(process.pid), host: os.hostname(), since: new Date().toISOString() };
}

function lockedHere(dir: string, file: string, owner: LockOwner, sameProcess: boolean): AppError {
  const what = sameProcess
    ? 'this process already has it open'
    : `process ${owner.pid} on this host has held ${file}${owner.since ? ` since ${owner.since}` : ''}`;
  return new AppError(
    'store-locked',
    `the data directory ${dir} is in use by process ${owner.pid}: ${what}. ` +
      'It is most likely the bot already running: stop it first (its service, or `kill ' +
      owner.pid +
      '`), then start again. ' +
      `If you are sure process ${owner.pid} is not the bot, delete ${file} and start again.`,
    { dir, pid: owner.pid, host: owner.host },
  );
}

function lockedElsewhere(dir: string, file: string, owner: LockOwner): AppError {
  return new AppError(
    'store-locked',
    `the data directory ${dir} is in use by process ${owner.pid} on host ${owner.host}${owner.since ? ` (since ${owner.since})` : ''}, ` +
      `not this host (${os.hostname()}). Stop the bot on ${owner.host} first; if you are sure no bot on ${owner.host} ` +
      `uses this folder any more, delete ${file} and start again.`,
    { dir, pid: owner.pid, host: owner.host },
  );
}

async function releaseLock(file: string): Promise<void> {
  if (!held.delete(file)) return;
  // Only remove it if it is still ours.
  const owner = parseLock(await readFile(file, 'utf8').catch(() => ''));
  if (owner?.pid === process.pid && owner.host === os.hostname()) await rm(file, { force: true });
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
  const stat = procStat(pid);
  return stat !== null && stat[0] === 'Z';
}

/** /proc/<pid>/stat from field 3 (state) on; the command name before it may hold spaces and parentheses. */
function procStat(pid: number): string[] | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  } catch {
    return null;
  }
}

function procComm(pid: number): string | null {
  try {
    return readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
  } catch {
    return null;
  }
}

let bootId: string | null | undefined;

/**
 * A token that differs for two processes that had the same pid: on Linux the boot id and field 22
 * of /proc/<pid>/stat (start time in clock ticks since boot); elsewhere the start time `ps` prints.
 */
export function processStart(pid: number): string | null {
  const stat = procStat(pid);
  if (stat) {
    if (bootId === undefined) {
      try {
        bootId = readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
      } catch {
        bootId = null;
      }
    }
    // Field 22 is the 20th after the command name (fields 3.. are stat[0..]).
    return `linux:${bootId ?? ''}:${stat[19]}`;
  }
  if (process.platform === 'linux') return null;
  try {
    const out = execFileSync('ps', ['-o', 'lstart=', '-p', String(pid)], {
      encoding: 'utf8',
      timeout: 2000,
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
    return out ? `ps:${out}` : null;
  } catch {
    return null;
  }
}

/** When the process started (epoch ms), where it can be known; for locks written by an earlier version. */
function processStartMs(pid: number): number | null {
  const stat = procStat(pid);
  if (stat) {
    try {
      const btime = /^btime (\d+)$/m.exec(readFileSync('/proc/stat', 'utf8'))?.[1];
      const ticks = Number(stat[19]);
      // Clock ticks are 100 per second on every Linux build Node supports (USER_HZ).
      return btime ? Number(btime) * 1000 + (ticks / 100) * 1000 : null;
    } catch {
      return null;
    }
  }
  const token = processStart(pid);
  const ms = token?.startsWith('ps:') ? Date.parse(token.slice(3)) : Number.NaN;
  return Number.isNaN(ms) ? null : ms;
}
