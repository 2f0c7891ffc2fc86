// Whether dist/ was built from the sources as they are now, without running tsc (docs/DESIGN.md "Import format",
// issue 12): `tsc` with nothing changed still takes ~1.1 s to load itself and check its build info, a tenth of the
// `npm run import` budget. The build's inputs are fingerprinted by path, size and modification time (a file
// added, removed, edited or replaced changes it), taken BEFORE tsc runs, so an edit made during a build is seen
// as a change next time. A stamp is written only after a build succeeded; a failed build removes it first.
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';

/** Files and folders (read in full) whose change makes the build stale. */
export const BUILD_INPUTS = [
  'src',
  'scripts/build.mjs',
  'scripts/build-stamp.mjs',
  'scripts/bundle.mjs',
  'tsconfig.json',
  'tsconfig.build.json',
  'package.json',
  'package-lock.json',
];
export const STAMP_FILE = 'dist/build-stamp.json';
const BUILD_INFO = 'dist/build.tsbuildinfo';

/** A hash over every input's path, size and modification time (folders too: an entry removed changes theirs). */
export function inputsFingerprint(root) {
  const hash = createHash('sha256');
  const visit = (rel) => {
    let info;
    try {
      info = statSync(path.join(root, rel));
    } catch {
      hash.update(`${rel}\tabsent\n`);
      return;
    }
    hash.update(`${rel}\t${info.size}\t${info.mtimeMs}\n`);
    if (info.isDirectory())
      for (const name of readdirSync(path.join(root, rel)).sort()) visit(path.posix.join(rel, name));
  };
  for (const input of BUILD_INPUTS) visit(input);
  return hash.digest('hex');
}

/** Whether the last successful build was made from inputs with this fingerprint, and tsc has not run since. */
export function buildIsCurrent(root, fingerprint) {
  try {
    const stamp = JSON.parse(readFileSync(path.join(root, STAMP_FILE), 'utf8'));
    return (
      stamp.fingerprint === fingerprint && stamp.buildInfoMtimeMs === statSync(path.join(root, BUILD_INFO)).mtimeMs
    );
  } catch {
    return false;
  }
}

export function removeBuildStamp(root) {
  rmSync(path.join(root, STAMP_FILE), { force: true });
}

/** After a successful build from inputs with `fingerprint` (taken before it started). */
export function writeBuildStamp(root, fingerprint) {
  const buildInfoMtimeMs = statSync(path.join(root, BUILD_INFO)).mtimeMs;
  writeFileSync(path.join(root, STAMP_FILE), JSON.stringify({ fingerprint, buildInfoMtimeMs }) + '\n');
}
