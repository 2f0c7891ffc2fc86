// Entry point: `node dist/src/index.js` (npm run serve), and the composition root's public face.
//
// Start-up (issue 12, docs/DESIGN.md "Start-up"): loading some 4,000 modules one file at a time took about
// 2 s of the 2 s budget. `npm run build` also writes the whole server as one bundled file
// (scripts/bundle.mjs); run as the main module, this file starts that bundle with V8's code cache when it is
// there and current, and the modules as compiled otherwise. So the composition root is required on demand
// here, never at load: the bundle holds its own copy of every module.
import { loadBundle } from './bundle-loader.js';
import { limitHeapGrowth } from './heap-growth.js';
import type * as Root from './composition-root.js';

export type { RunningBot, StartOptions } from './composition-root.js';

function root(): typeof Root {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- on demand, see above
  return require('./composition-root.js') as typeof Root;
}

export const startIroBot: typeof Root.startIroBot = (...args) => root().startIroBot(...args);
export const buildDeps: typeof Root.buildDeps = (...args) => root().buildDeps(...args);

if (require.main === module) {
  // Also when the modules run as compiled (no bundle, IRO_BUNDLE=off).
  limitHeapGrowth();
  const bundled = loadBundle(__dirname) as typeof Root | null;
  void (bundled ?? root()).main();
}
