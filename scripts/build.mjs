// `npm run build`: tsc, then the server bundle (scripts/bundle.mjs), then a stamp naming the inputs it was built
// from (scripts/build-stamp.mjs). With `--if-changed` (`npm run import`) nothing runs when the stamp matches the
// inputs as they are: the import runs the compiled modules, not the bundle, and `npm run serve` builds first.
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { buildIsCurrent, inputsFingerprint, removeBuildStamp, writeBuildStamp } from './build-stamp.mjs';

const root = process.cwd();
const fingerprint = inputsFingerprint(root);
if (process.argv.includes('--if-changed') && buildIsCurrent(root, fingerprint)) process.exit(0);

removeBuildStamp(root);
// Through the shell, as npm runs scripts, with node_modules/.bin first on PATH (as npm puts it) for `tsc`.
const env = { ...process.env, PATH: [path.join(root, 'node_modules', '.bin'), process.env.PATH].join(path.delimiter) };
for (const step of ['tsc -p tsconfig.build.json', 'node scripts/bundle.mjs']) {
  const r = spawnSync(step, { stdio: 'inherit', shell: true, env });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
writeBuildStamp(root, fingerprint);
