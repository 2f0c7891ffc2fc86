// The watched folder (IMPORT_DIR; docs/DESIGN.md "Scheduled sync"). The case system drops its nightly
// export there; each complete file is imported through the one sync path (app/import/sync-import.ts),
// then moved to done/ or refused/ with `<name>.result.json` beside it.
//
// Which files: `NAME.json` (an import document), or `NAME.csv` (children) with `NAME.mapping.json` (or
// a shared `mapping.json`) and optionally `NAME.staff.csv`. Names starting with '.' or '~', and *.tmp /
// *.part files, are never read. Complete means: its size and modification time (and its companions')
// have not changed for IMPORT_STABLE_SECONDS, seen by two scans at least — so a file written in place
// is taken once the writer has stopped, and one written elsewhere and renamed in is taken on the next
// scan after the quiet time. Files are taken in name order. A crash mid-import leaves the file where it
// was: the journal made the import none-or-all, and the next scan recognises the content (its hash) and
// finishes or skips it.
//
// Several instances (one MongoDB, one shared folder): a lease (lease.ts, `import-folder`) makes one
// instance at a time take files. Every instance watches the files' stability; only the holder reads,
// imports and moves them, renewing the lease before each file and while one is being imported. If it
// is lost all the same (a stalled instance), the run's content hash makes a second import of the same
// file "already imported", and a file moved away meanwhile is left to whoever moved it.
import { mkdir, readdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { SyncOutcome, SyncPayload } from '../app/import/sync-import.js';
import type { Logger } from '../logger.js';
import type { JobLease } from './lease.js';

/** The lease that makes one instance at a time take files; renewed every 40 s while a file is imported. */
export const IMPORT_FOLDER_LEASE = 'import-folder';
export const IMPORT_FOLDER_LEASE_TTL_MS = 120_000;

export interface ImportFolderOptions {
  dir: string;
  /** IMPORT_STABLE_SECONDS in ms. */
  stableMs: number;
  intervalMs: number;
  /** Largest file read (IMPORT_MAX_BYTES). */
  maxBytes: number;
  sync: (payload: SyncPayload, source: string) => Promise<SyncOutcome>;
  logger: Logger;
  /** Wall clock (stability is measured on it). */
  clock: () => Date;
  /** With several instances: only the holder takes files (absent: this instance always may). */
  lease?: JobLease;
}

export interface FolderScanResult {
  /** Files imported or recognised, moved to done/. */
  done: string[];
  refused: string[];
  /** Seen but not yet complete (still changing, or not quiet long enough). */
  waiting: string[];
}

export interface ImportFolder {
  scanOnce(): Promise<FolderScanResult>;
  start(): void;
  stop(): Promise<void>;
}

interface Unit {
  main: string;
  /** Files moved with it (its own mapping, its staff CSV); a shared mapping.json stays. */
  companions: string[];
  read(): Promise<SyncPayload | { problems: string[] }>;
}

const SKIP = /^[.~]|\.(tmp|part)$/i;

export function createImportFolder(opts: ImportFolderOptions): ImportFolder {
  const { dir, logger } = opts;
  /** name → the signature last seen and since when. */
  const seen = new Map<string, { sig: string; since: number }>();

  async function sizeOf(name: string): Promise<{ sig: string; size: number } | null> {
    try {
      const s = await stat(join(dir, name));
      return s.isFile() ? { sig: `${s.size}:${s.mtimeMs}`, size: s.size } : null;
    } catch {
      return null;
    }
  }

  async function readText(name: string): Promise<string> {
    const s = await stat(join(dir, name));
    if (s.size > opts.maxBytes) throw new TooBig(name, s.size);
    return new TextDecoder('utf-8', { fatal: true }).decode(await readFile(join(dir, name)));
  }

  function units(names: Set<string>): Unit[] {
    const out: Unit[] = [];
    for (const name of [...names].sort()) {
      if (SKIP.test(name) || name === 'mapping.json' || /\.(mapping|result)\.json$|\.staff\.csv$/.test(name)) continue;
      if (name.endsWith('.json')) {
        out.push({
          main: name,
          companions: [],
          read: async () => {
            const text = await readText(name);
            try {
              return { form: 'json', doc: JSON.parse(text) as unknown };
            } catch {
              return { problems: ['(document): not valid JSON'] };
            }
          },
        });
      } else if (name.endsWith('.csv')) {
        const stem = name.slice(0, -'.csv'.length);
        const ownMapping = `${stem}.mapping.json`;
        const staff = `${stem}.staff.csv`;
        const mappingName = names.has(ownMapping) ? ownMapping : names.has('mapping.json') ? 'mapping.json' : null;
        const companions = [...(mappingName === ownMapping ? [ownMapping] : []), ...(names.has(staff) ? [staff] : [])];
        out.push({
          main: name,
          companions,
          read: async () => {
            if (!mappingName)
              return { problems: [`${name}: no column mapping (${ownMapping} or mapping.json in the folder)`] };
            let mapping: unknown;
            try {
              mapping = JSON.parse(await readText(mappingName));
            } catch (err) {
              if (err instanceof TooBig) throw err;
              return { problems: [`${mappingName}: not valid JSON`] };
            }
            return {
              form: 'csv',
              mapping,
              children: { name, text: await readText(name) },
              ...(names.has(staff) ? { staff: { name: staff, text: await readText(staff) } } : {}),
            };
          },
        });
      }
    }
    return out;
  }

  /** Complete: the file and its companions unchanged since at least `stableMs` ago, over two scans. */
  async function isComplete(unit: Unit, now: number): Promise<boolean> {
    const sigs = await Promise.all([unit.main, ...unit.companions].map(sizeOf));
    if (sigs.some((s) => s === null)) return false;
    const sig = sigs.map((s) => s!.sig).join('|');
    const before = seen.get(unit.main);
    if (!before || before.sig !== sig) {
      seen.set(unit.main, { sig, since: now });
      return false;
    }
    return now - before.since >= opts.stableMs;
  }

  async function moveOut(unit: Unit, to: 'done' | 'refused', result: Record<string, unknown>): Promise<void> {
    const target = join(dir, to);
    await mkdir(target, { recursive: true });
    // A name already there (the same export name every night) gets a time stamp, so nothing is overwritten.
    const stamp = (await sizeOf(join(to, unit.main))) ? `${opts.clock().toISOString().replace(/[:.]/g, '-')}.` : '';
    const resultName = `${stamp}${unit.main}.result.json`;
    await writeFile(join(target, `${resultName}.tmp`), `${JSON.stringify(result, null, 2)}\n`);
    await rename(join(target, `${resultName}.tmp`), join(target, resultName));
    for (const f of [...unit.companions, unit.main]) {
      try {
        await rename(join(dir, f), join(target, `${stamp}${basename(f)}`));
      } catch (err) {
        // Moved by another instance that held the lease after ours lapsed: its result stands beside it.
        if ((err as { code?: string }).code !== 'ENOENT') throw err;
        logger.warn({ file: f }, 'import folder: file already moved by another instance');
      }
    }
    seen.delete(unit.main);
  }

  /** Runs `work` while renewing the lease every `renewEveryMs` (an import may outlast the TTL). */
  async function underLease<T>(work: () => Promise<T>): Promise<T> {
    const lease = opts.lease;
    if (!lease) return work();
    const renew = setInterval(() => void lease.hold(), lease.renewEveryMs);
    renew.unref();
    try {
      return await work();
    } finally {
      clearInterval(renew);
    }
  }

  // One scan at a time (the timer and a caller may ask at once): a file is never imported twice in parallel.
  let queue: Promise<unknown> = Promise.resolve();
  function scanOnce(): Promise<FolderScanResult> {
    const next = queue.then(scan, scan);
    queue = next.catch(() => undefined);
    return next;
  }

  async function scan(): Promise<FolderScanResult> {
    const result: FolderScanResult = { done: [], refused: [], waiting: [] };
    const entries = await readdir(dir, { withFileTypes: true });
    const names = new Set(entries.filter((e) => e.isFile()).map((e) => e.name));
    for (const unit of units(names)) {
      const now = opts.clock().getTime();
      if (!(await isComplete(unit, now))) {
        result.waiting.push(unit.main);
        continue;
      }
      // Another instance holds the folder: it takes this file (left waiting here).
      if (opts.lease && !(await opts.lease.hold())) {
        result.waiting.push(unit.main);
        continue;
      }
      if (!(await sizeOf(unit.main))) continue; // taken meanwhile by the instance that held the lease before us
      let read: SyncPayload | { problems: string[] };
      try {
        read = await unit.read();
      } catch (err) {
        if (err instanceof TooBig) {
          read = { problems: [`${err.file}: the file is ${err.size} bytes; the limit is ${opts.maxBytes} bytes`] };
        } else if ((err as { code?: string }).code === 'ERR_ENCODING_INVALID_ENCODED_DATA') {
          read = { problems: ['(document): not UTF-8 text (export the file as UTF-8)'] };
        } else {
          throw err;
        }
      }
      const at = opts.clock().toISOString();
      if ('problems' in read) {
        await moveOut(unit, 'refused', { file: unit.main, at, outcome: 'refused', problems: read.problems });
        result.refused.push(unit.main);
        continue;
      }
      const payload = read;
      const outcome = await underLease(() => opts.sync(payload, unit.main));
      if (outcome.outcome === 'refused') {
        await moveOut(unit, 'refused', {
          file: unit.main,
          at,
          outcome: 'refused',
          problems: outcome.problems.map((p) => `${p.path}: ${p.message}`),
        });
        result.refused.push(unit.main);
      } else {
        await moveOut(
          unit,
          'done',
          outcome.outcome === 'imported'
            ? {
                file: unit.main,
                at,
                outcome: outcome.outcome,
                runId: outcome.runId,
                staff: outcome.staff,
                children: outcome.children,
                recovered: outcome.recovered,
                keptBefore: outcome.keptBefore,
                conflicts: outcome.conflicts.map((c) => ({ id: c._id, ref: c.ref, path: c.path, message: c.message })),
              }
            : {
                file: unit.main,
                at,
                outcome: outcome.outcome,
                runId: outcome.runId,
                message: 'this content was imported before; nothing changed',
              },
        );
        result.done.push(unit.main);
      }
    }
    for (const name of seen.keys()) if (!names.has(name)) seen.delete(name);
    if (result.done.length || result.refused.length)
      logger.info({ done: result.done.length, refused: result.refused.length }, 'import folder scanned');
    return result;
  }

  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> | undefined;
  let started = false;
  const tick = (): void => {
    timer = undefined;
    running = scanOnce()
      .catch((err: unknown) =>
        logger.error(
          { code: (err as { code?: unknown })?.code, errName: (err as Error)?.name },
          'import folder scan failed',
        ),
      )
      .finally(() => {
        running = undefined;
        if (started) {
          timer = setTimeout(tick, opts.intervalMs);
          timer.unref();
        }
      });
  };
  return {
    scanOnce,
    start() {
      if (started) return;
      started = true;
      timer = setTimeout(tick, 0);
      timer.unref();
    },
    async stop() {
      started = false;
      if (timer) clearTimeout(timer);
      await running;
      await opts.lease?.release();
    },
  };
}

class TooBig extends Error {
  constructor(
    readonly file: string,
    readonly size: number,
  ) {
    super('file too big');
  }
}
