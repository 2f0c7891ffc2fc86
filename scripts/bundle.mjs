// `npm run build`, after tsc: the server as one file, dist/bundle/server.js (docs/DESIGN.md "Start-up"), which
// src/index.ts runs when started as `node dist/src/index.js`. Loading ~4,000 module files one by one was most
// of the start-up time (issue 12). Packages with native parts or optional peers stay outside and are
// required from node_modules as before. The stamp names the tsc build it was made from: a bundle older
// than the compiled modules is not used.
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { mkdir, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { asciiSource } from './ascii-source.mjs';

const OUT_DIR = 'dist/bundle';

// teams-ai's GPT tokenizers (for its AI module, which the bot does not use) require gpt-tokenizer at load, and
// it builds its rank tables then: ~11 MB of heap for as long as the server runs (docs/DESIGN.md "Memory").
// Bundled, they get the real module on their first encode or decode instead.
const lazyTokenizer = {
  name: 'lazy-gpt-tokenizer',
  setup(b) {
    b.onResolve({ filter: /^gpt-tokenizer(\/cjs\/model\/text-davinci-003)?$/ }, (args) =>
      /[\\/]@microsoft[\\/]teams-ai[\\/]/.test(args.importer)
        ? { path: args.path, namespace: 'lazy-gpt-tokenizer', pluginData: { resolveDir: args.resolveDir } }
        : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'lazy-gpt-tokenizer' }, (args) => ({
      contents:
        `let real;\nconst load = () => (real ??= require(${JSON.stringify(args.path)}));\n` +
        'exports.encode = (...a) => load().encode(...a);\nexports.decode = (...a) => load().decode(...a);\n',
      resolveDir: args.pluginData.resolveDir,
      loader: 'js',
    }));
  },
};
const EXTERNAL = [
  'mongodb', // loaded only with MONGODB_URI; its optional peers are native
  'dtrace-provider', // restify's optional native probe
];

// Nothing to do when the bundle and its code cache were made from this very tsc build (tsc leaves its build
// info untouched when nothing changed): `npm run import` and `npm run serve` build first, every time.
const buildInfo = await stat('dist/build.tsbuildinfo');
if (await bundleIsCurrent(buildInfo.mtimeMs)) process.exit(0);

await rm(OUT_DIR, { recursive: true, force: true });
await mkdir(OUT_DIR, { recursive: true });
await build({
  entryPoints: ['dist/src/composition-root.js'],
  outfile: `${OUT_DIR}/server.js`,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  external: EXTERNAL,
  plugins: [lazyTokenizer],
  // Names kept and each module wrapped in a function named by its path, so a stack trace still says where.
  keepNames: true,
  // Without comments and indentation: 19 MB instead of 28, read and checked against the code cache at every start.
  minifyWhitespace: true,
  logLevel: 'warning',
});
// One-byte in V8's heap (18 MB less than two-byte for as long as the server runs): ascii-source.mjs.
const bundled = await readFile(`${OUT_DIR}/server.js`, 'utf8');
await writeFile(`${OUT_DIR}/server.js`, asciiSource(bundled));
await writeFile(`${OUT_DIR}/stamp.json`, JSON.stringify({ buildInfoMtimeMs: buildInfo.mtimeMs }) + '\n');
// V8's code cache for it, made in a fresh process that loads the bundle as the server does.
execFileSync(
  process.execPath,
  ['-e', "if (!require('./dist/src/bundle-loader.js').writeBundleCache('dist/src')) process.exit(1)"],
  { stdio: 'inherit', env: { ...process.env, IRO_BUNDLE: 'on' } },
);

async function bundleIsCurrent(buildInfoMtimeMs) {
  try {
    const stamp = JSON.parse(await readFile(`${OUT_DIR}/stamp.json`, 'utf8'));
    const files = await readdir(OUT_DIR);
    return (
      stamp.buildInfoMtimeMs === buildInfoMtimeMs &&
      files.some((f) => f.startsWith('server.js.') && f.endsWith('.cache'))
    );
  } catch {
    return false;
  }
}
