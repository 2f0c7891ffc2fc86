import fs from 'node:fs';
import Module from 'node:module';
import os from 'node:os';
import path from 'node:path';
import vm from 'node:vm';
import { limitHeapGrowth } from './heap-growth.js';

// Runs the bundled server (scripts/bundle.mjs, docs/DESIGN.md "Start-up") with V8's code cache: the compiled
// code of the bundle, saved after the first start beside it (or in the temp folder when dist/ is read-only),
// so later starts neither resolve thousands of module files nor compile them again.

/** Where the bundle sits relative to dist/src/ (this file's folder once compiled). */
export const BUNDLE_FILE = path.join('..', 'bundle', 'server.js');
/** Written by scripts/bundle.mjs after the bundle: the build it was made from. */
export const BUNDLE_STAMP = path.join('..', 'bundle', 'stamp.json');
/** After the first start, the code cache is saved this long after loading (the functions run by then are in it). */
const SAVE_CACHE_AFTER_MS = 10_000;

interface ModuleInternals {
  _nodeModulePaths(dir: string): string[];
  wrap(source: string): string;
}

/**
 * The bundle's exports (it is the composition root), or null to load the modules as compiled: no bundle
 * (running from src/ with tsx), IRO_BUNDLE=off, or a bundle older than the compiled modules (`tsc` run alone).
 */
export function loadBundle(distSrcDir: string, env: NodeJS.ProcessEnv = process.env): unknown {
  if (env.IRO_BUNDLE === 'off') return null;
  return runBundle(distSrcDir, 'later');
}

/**
 * `npm run build` (scripts/bundle.mjs): loads the new bundle once and saves its code cache at once, so even
 * the first start after a deploy is fast. True when it was written.
 */
export function writeBundleCache(distSrcDir: string): boolean {
  return runBundle(distSrcDir, 'now') !== null;
}

function runBundle(distSrcDir: string, saveCache: 'now' | 'later'): unknown {
  const file = path.resolve(distSrcDir, BUNDLE_FILE);
  const source = current(distSrcDir, file);
  if (source === null) return null;
  const st = fs.statSync(file);
  const cacheName = `server.js.${st.size}-${Math.trunc(st.mtimeMs)}-${process.version}-${process.arch}.cache`;
  const cacheDirs = [path.dirname(file), path.join(os.tmpdir(), 'iro-bot-code-cache')];
  const cachedData = readFirst(cacheDirs.map((d) => path.join(d, cacheName)));
  const M = Module as unknown as ModuleInternals;
  // Before compiling: V8 checks its flags against the code cache's (heap-growth.ts), at build and at start alike.
  limitHeapGrowth();
  const script = new vm.Script(M.wrap(source), {
    filename: file,
    cachedData: cachedData ?? undefined,
    importModuleDynamically: vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
  });
  const mod = new Module(file, require.main);
  mod.filename = file;
  mod.paths = M._nodeModulePaths(path.dirname(file));
  const run = script.runInThisContext({ displayErrors: true }) as (...args: unknown[]) => void;
  run.call(mod.exports, mod.exports, Module.createRequire(file), mod, file, path.dirname(file));
  mod.loaded = true;
  if (saveCache === 'now') return saveCodeCache(script, cacheDirs, cacheName) ? mod.exports : null;
  if (!cachedData || script.cachedDataRejected) {
    setTimeout(() => saveCodeCache(script, cacheDirs, cacheName), SAVE_CACHE_AFTER_MS).unref();
  }
  return mod.exports;
}

/** The bundle's source if it was built from the compiled modules as they are now (its stamp names the build). */
function current(distSrcDir: string, file: string): string | null {
  try {
    const stamp = JSON.parse(fs.readFileSync(path.join(distSrcDir, BUNDLE_STAMP), 'utf8')) as {
      buildInfoMtimeMs?: unknown;
    };
    const buildInfo = fs.statSync(path.join(distSrcDir, '..', 'build.tsbuildinfo'));
    if (stamp.buildInfoMtimeMs !== buildInfo.mtimeMs) return null;
    return fs.readFileSync(file, 'utf8');
  } catch {
    return null;
  }
}

function readFirst(files: string[]): Buffer | null {
  for (const f of files) {
    try {
      return fs.readFileSync(f);
    } catch {
      // next
    }
  }
  return null;
}

/** Saves the code cache in the first folder that takes it (temp file and rename: a reader never sees half). */
function saveCodeCache(script: vm.Script, dirs: string[], name: string): boolean {
  const data = script.createCachedData();
  for (const dir of dirs) {
    const tmp = path.join(dir, `${name}.${process.pid}.tmp`);
    try {
      fs.mkdirSync(dir, { recursive: true });
      for (const old of fs.readdirSync(dir))
        if (old.startsWith('server.js.') && old.endsWith('.cache')) fs.rmSync(path.join(dir, old), { force: true });
      fs.writeFileSync(tmp, data);
      fs.renameSync(tmp, path.join(dir, name));
      return true;
    } catch {
      fs.rmSync(tmp, { force: true });
    }
  }
  return false;
}
