// `npm run import` builds only when the build's inputs changed (scripts/build-stamp.mjs): a fresh clone, an
// edited, added, removed or replaced source, or tsc run since without the stamp must each build again.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildIsCurrent, inputsFingerprint, removeBuildStamp, writeBuildStamp } from '../../scripts/build-stamp.mjs';

describe('build stamp (npm run import builds only when something changed)', () => {
  let root: string;
  const write = (rel: string, text: string) => writeFileSync(join(root, rel), text);
  const current = () => buildIsCurrent(root, inputsFingerprint(root));
  const built = () => {
    const fingerprint = inputsFingerprint(root);
    write('dist/build.tsbuildinfo', `{"at":${Date.now()}}`);
    writeBuildStamp(root, fingerprint);
  };

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'iro-build-stamp-'));
    mkdirSync(join(root, 'src', 'app'), { recursive: true });
    write('src/app/a.ts', 'export const a = 1;\n');
    write('tsconfig.json', '{}');
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('a fresh clone (no dist/) is not current; a build makes it current', () => {
    assert.equal(current(), false);
    mkdirSync(join(root, 'dist'));
    built();
    assert.equal(current(), true);
  });

  it('an edit, an added or removed file, or an older file copied over one makes it stale', () => {
    mkdirSync(join(root, 'dist'));
    const changes: Array<() => void> = [
      () => write('src/app/a.ts', 'export const a = 22;\n'),
      () => write('src/app/b.ts', 'export const b = 1;\n'),
      () => rmSync(join(root, 'src/app/b.ts')),
      () => utimesSync(join(root, 'src/app/a.ts'), new Date(2020, 0, 1), new Date(2020, 0, 1)),
      () => write('package-lock.json', '{}'),
    ];
    for (const change of changes) {
      built();
      assert.equal(current(), true);
      change();
      assert.equal(current(), false, String(change));
    }
  });

  it('tsc run since the stamp (its build info changed), or a failed build (stamp removed), makes it stale', () => {
    mkdirSync(join(root, 'dist'));
    built();
    utimesSync(join(root, 'dist/build.tsbuildinfo'), new Date(Date.now() + 5_000), new Date(Date.now() + 5_000));
    assert.equal(current(), false);
    built();
    removeBuildStamp(root);
    assert.equal(current(), false);
  });

  it('an edit during a build is seen next time (the fingerprint is taken before tsc runs)', () => {
    mkdirSync(join(root, 'dist'));
    const before = inputsFingerprint(root);
    write('src/app/a.ts', 'export const a = 333;\n'); // while tsc runs
    write('dist/build.tsbuildinfo', '{}');
    writeBuildStamp(root, before);
    assert.equal(current(), false);
  });
});
