import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import { join, relative } from 'node:path';
import { projectFolder } from '../../src/project-paths.js';

// Production installs only `dependencies` (`npm ci --omit=dev`) and runs the compiled src/ (dist/src).
// So every package src/ loads at run time must be a runtime dependency, and a runtime dependency
// that src/ never loads is dead weight. Type-only imports are erased by the compiler and are free.

const ROOT = join(projectFolder('src'), '..');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  dependencies: Record<string, string>;
  scripts: Record<string, string>;
};

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    return e.isDirectory() ? tsFiles(p) : e.name.endsWith('.ts') ? [p] : [];
  });
}

/** `lodash/fp` → `lodash`, `@scope/pkg/x` → `@scope/pkg`; undefined for relative paths. */
function packageOf(specifier: string): string | undefined {
  if (specifier.startsWith('.') || specifier.startsWith('/')) return undefined;
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

/** Module specifiers loaded at run time: value imports/re-exports, require() and import(). */
function runtimeSpecifiers(source: string): string[] {
  const out: string[] = [];
  for (const m of source.matchAll(/^[ \t]*(?:import|export)\s+([^;]*?)\s*\bfrom\s*['"]([^'"]+)['"]/gm)) {
    const clause = m[1].trim();
    // `import type …` is erased, and so is `import { type A, type B }` (every name a type).
    const typeOnly =
      /^type\s/.test(clause) ||
      (/^\{[^}]*\}$/.test(clause) &&
        clause
          .slice(1, -1)
          .split(',')
          .every((n) => n.trim() === '' || /^type\s/.test(n.trim())));
    if (!typeOnly) out.push(m[2]);
  }
  for (const m of source.matchAll(/^[ \t]*import\s*['"]([^'"]+)['"]/gm)) out.push(m[1]);
  for (const m of source.matchAll(/\b(?:require|import)\(\s*['"]([^'"]+)['"]\s*\)/g)) out.push(m[1]);
  return out;
}

describe('runtime dependencies are what production runs', () => {
  const loaded = new Map<string, string>(); // package → first file loading it
  before(() => {
    for (const file of tsFiles(join(ROOT, 'src'))) {
      for (const spec of runtimeSpecifiers(readFileSync(file, 'utf8'))) {
        const name = packageOf(spec);
        if (name && !isBuiltin(spec) && !loaded.has(name)) loaded.set(name, relative(ROOT, file));
      }
    }
  });

  it('every package src/ loads at run time is in dependencies (not only devDependencies)', () => {
    const missing = [...loaded]
      .filter(([name]) => !(name in pkg.dependencies))
      .map(([name, file]) => `${name} (${file})`);
    assert.deepEqual(missing, [], 'src/ loads packages a production install (--omit=dev) lacks');
  });

  it('every runtime dependency is loaded by src/ (tooling and test packages are devDependencies)', () => {
    // adaptive-expressions: the peer adaptivecards-templating loads at run time without src/ naming it.
    // date-fns: kept or dropped by issue 16's date-fns work on its own branch; drop it from here after the merge.
    const implied = new Set(['adaptive-expressions', 'date-fns']);
    const unused = Object.keys(pkg.dependencies).filter((name) => !loaded.has(name) && !implied.has(name));
    assert.deepEqual(unused, []);
  });

  it('the CLIs production may run (import, backup, verify-store) run compiled JavaScript, not tsx', () => {
    for (const name of ['import', 'backup', 'verify-store', 'serve']) {
      assert.doesNotMatch(pkg.scripts[name], /\btsx\b/, name);
      // Node options may come first (the import's `--max-semi-space-size`).
      assert.match(pkg.scripts[name], /\bnode (--[\w-]+(=\S+)? )*dist\/src\//, name);
    }
  });
});
