// The bundled server's loader (src/bundle-loader.ts, docs/DESIGN.md "Start-up"): it runs the bundle only when it
// was built from the compiled modules as they are, with V8's code cache once one is saved, and otherwise leaves
// `node dist/src/index.js` to the modules as compiled.
import assert from 'node:assert/strict';
import { mkdir, readdir, rm, stat, utimes, writeFile } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { loadBundle, writeBundleCache } from '../../src/bundle-loader.js';

describe('bundle loader', () => {
  let root: string;
  let distSrc: string;
  const bundleDir = () => path.join(root, 'dist', 'bundle');
  const caches = async () => (await readdir(bundleDir())).filter((f) => f.endsWith('.cache'));

  beforeEach(async () => {
    root = path.join(os.tmpdir(), `iro-bundle-${process.pid}-${Date.now()}`);
    distSrc = path.join(root, 'dist', 'src');
    await mkdir(distSrc, { recursive: true });
    await mkdir(bundleDir(), { recursive: true });
    await writeFile(path.join(root, 'dist', 'build.tsbuildinfo'), '{}');
    // A bundle that uses what a bundled module may: require (of built-ins and its own folder), __dirname, exports.
    await writeFile(
      path.join(bundleDir(), 'server.js'),
      "exports.main = () => 'started'; exports.dir = __dirname; exports.sep = require('node:path').sep;\n",
    );
    await stamp();
  });
  afterEach(async () => {
    await rm(root, { recursive: true, force: true });
  });

  async function stamp(): Promise<void> {
    const { mtimeMs } = await stat(path.join(root, 'dist', 'build.tsbuildinfo'));
    await writeFile(path.join(bundleDir(), 'stamp.json'), JSON.stringify({ buildInfoMtimeMs: mtimeMs }));
  }

  it('runs a current bundle as a module of its own folder and gives its exports', () => {
    const exported = loadBundle(distSrc, {}) as { main(): string; dir: string; sep: string };
    assert.equal(exported.main(), 'started');
    assert.equal(exported.dir, bundleDir());
    assert.equal(exported.sep, path.sep);
  });

  it('the build saves the code cache beside the bundle, and the bundle loads with it', async () => {
    assert.equal(writeBundleCache(distSrc), true);
    const [cache] = await caches();
    assert.match(cache!, /^server\.js\.\d+-\d+-v\d+\.\d+\.\d+-\w+\.cache$/);
    assert.ok((await stat(path.join(bundleDir(), cache!))).size > 0);
    const again = loadBundle(distSrc, {}) as { main(): string };
    assert.equal(again.main(), 'started');
  });

  it('leaves the start to the modules when there is no bundle, IRO_BUNDLE=off, or the bundle is older than the build', async () => {
    assert.equal(loadBundle(distSrc, { IRO_BUNDLE: 'off' }), null);
    // tsc ran again without the bundle step: the build info changed, the stamp did not.
    const later = new Date(Date.now() + 5_000);
    await utimes(path.join(root, 'dist', 'build.tsbuildinfo'), later, later);
    assert.equal(loadBundle(distSrc, {}), null);
    await stamp();
    assert.notEqual(loadBundle(distSrc, {}), null);
    await rm(path.join(bundleDir(), 'server.js'));
    assert.equal(loadBundle(distSrc, {}), null);
    // Running from src/ (tsx): no dist/bundle beside it.
    assert.equal(loadBundle(path.join(root, 'src'), {}), null);
  });
});
