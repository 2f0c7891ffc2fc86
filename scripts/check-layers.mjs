#!/usr/bin/env node
// Layer rules (docs/DESIGN.md "Rules of the house"), checked by dependency-cruiser in `npm test`.
//
// dependency-cruiser parses TypeScript with the `typescript` package's compiler API (versions 2–6);
// this project builds with TypeScript 7, which has no such API. So each src/ file is first turned
// into JavaScript by esbuild (tsx's own transpiler), with every type-only import rewritten into a
// plain import first: a `import type { Activity } from 'botbuilder'` is a dependency on the SDK as
// much as a value import is, and esbuild would otherwise drop it. The copies go to a temporary folder
// that mirrors src/, and the rules in .dependency-cruiser.cjs run on them.
import { existsSync, mkdtempSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { transformSync } from 'esbuild';
import { cruise } from 'dependency-cruiser';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..');
const { default: config } = await import(join(repo, '.dependency-cruiser.cjs'));
/** The project to check (its src/ folder); the repository itself unless given (tests plant violations in a copy). */
const root = process.argv[2] ?? repo;

/** Import/export statements that name a module (`... from '...'`), across lines. */
const FROM_STATEMENT = /^[ \t]*(import|export)\b[^;]*?\bfrom\s*(['"])[^'"]+\2/gm;

/** Keeps type-only imports and re-exports as dependencies: `import type {A}` → `import {A}`, `{ type A }` → `{ A }`. */
function keepTypeImports(source) {
  return source.replace(FROM_STATEMENT, (stmt) =>
    stmt
      .replace(/^(\s*import)\s+type\s+/, '$1 ')
      .replace(/^(\s*export)\s+type\s+(?=[{*])/, '$1 ')
      .replace(/([{,]\s*)type\s+(?=[\w$]+\s*(?:as\s+[\w$]+\s*)?[,}])/g, '$1'),
  );
}

function tsFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    return e.isDirectory() ? tsFiles(p) : e.name.endsWith('.ts') && !e.name.endsWith('.d.ts') ? [p] : [];
  });
}

const work = mkdtempSync(join(tmpdir(), 'iro-layers-'));
try {
  // tools/ is copied too (not checked itself) so that an import of it from src/ resolves and is caught.
  const files = ['src', 'tools'].filter((d) => existsSync(join(root, d))).flatMap((d) => tsFiles(join(root, d)));
  for (const file of files) {
    const rel = relative(root, file);
    const { code } = transformSync(keepTypeImports(readFileSync(file, 'utf8')), {
      loader: 'ts',
      format: 'esm',
      sourcefile: rel,
      // Keeps imports whose names are only used as types (they are still dependencies).
      tsconfigRaw: { compilerOptions: { verbatimModuleSyntax: true } },
    });
    const out = join(work, rel.replace(/\.ts$/, '.js'));
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, code);
  }
  const { output } = await cruise(['src'], {
    validate: true,
    ruleSet: { forbidden: config.forbidden },
    baseDir: work,
    outputType: 'err',
    // Bare modules are not installed in the copy: they stay unresolved and rules match them by name.
    doNotFollow: { path: 'node_modules' },
  });
  const violations = (output.match(/^\s+(error|warn) /gm) ?? []).length;
  if (violations > 0) {
    process.stdout.write(output);
    console.error(
      `check-layers: ${violations} layer rule violation(s) in ${files.length} files; see docs/DESIGN.md "Rules of the house".`,
    );
    process.exitCode = 1;
  } else {
    console.log(
      `check-layers: ${files.length} files (src/, tools/), 0 layer rule violations (.dependency-cruiser.cjs).`,
    );
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
