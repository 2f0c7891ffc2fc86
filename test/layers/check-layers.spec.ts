import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync, appendFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { projectFolder } from '../../src/project-paths.js';

// The layer rules (.dependency-cruiser.cjs via scripts/check-layers.mjs) run in `npm test`; these
// tests plant one violation of each rule in a copy of src/ and check that the checker fails on it,
// by name — type-only imports included, since esbuild alone would drop them.

const run = promisify(execFile);
const PROJECT_ROOT = join(projectFolder('scripts'), '..');
const script = join(PROJECT_ROOT, 'scripts', 'check-layers.mjs');

async function check(root?: string): Promise<{ code: number; out: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [script, ...(root ? [root] : [])], { cwd: PROJECT_ROOT });
    return { code: 0, out: stdout + stderr };
  } catch (err) {
    const e = err as { code?: number; stdout?: string; stderr?: string };
    return { code: e.code ?? -1, out: `${e.stdout ?? ''}${e.stderr ?? ''}` };
  }
}

describe('layer rules (dependency-cruiser)', function () {
  this.timeout(60_000);
  let dir: string;

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'iro-layers-spec-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('the project itself has no violation', async () => {
    const { code, out } = await check();
    assert.equal(code, 0, out);
    assert.match(out, /0 layer rule violations/);
  });

  const plants: { rule: string; file: string; line: string }[] = [
    {
      rule: 'sdk-only-in-teams',
      file: 'src/store/delivery-documents.ts',
      line: "import type { ConversationReference } from 'botbuilder';\nexport type R = ConversationReference;",
    },
    {
      rule: 'sdk-only-in-teams',
      file: 'src/jobs/outbox-sender.ts',
      line: "import { type Activity } from 'botbuilder';\nexport type A = Activity;",
    },
    {
      rule: 'domain-is-pure',
      file: 'src/domain/caseload.ts',
      line: "import { readFileSync } from 'node:fs';\nexport const r = readFileSync;",
    },
    {
      rule: 'domain-is-pure',
      file: 'src/domain/access.ts',
      line: "import type { ChildDoc } from '../store/documents.js';\nexport type C = ChildDoc;",
    },
    {
      rule: 'app-and-domain-below-teams-and-jobs',
      file: 'src/app/list-due.ts',
      line: "export type { CardFact } from '../teams/card-parts.js';",
    },
    {
      rule: 'teams-never-imports-jobs',
      file: 'src/teams/notifier.ts',
      line: "export { DEFAULT_BACKOFF } from '../jobs/backoff.js';",
    },
    {
      rule: 'teams-reaches-the-store-through-app',
      file: 'src/teams/commands/setup.ts',
      line: "export { openStore } from '../../store/open-store.js';",
    },
    {
      rule: 'jobs-use-teams-for-rendering-only',
      file: 'src/jobs/run-jobs.ts',
      line: "export { createNotifier } from '../teams/notifier.js';",
    },
    {
      rule: 'production-never-imports-tooling',
      file: 'src/teams/cards.ts',
      line: "export { validateCard } from '../../tools/card-validation.js';",
    },
    {
      rule: 'no-circular',
      file: 'src/domain/types.ts',
      line: "import type { BandStatus } from './caseload.js';\nexport type Cs = BandStatus;",
    },
  ];

  it('fails on a planted violation of each rule, named by rule and file', async () => {
    // One copy with every plant: one run (each run transpiles all of src/).
    const copy = join(dir, 'planted');
    cpSync(join(PROJECT_ROOT, 'src'), join(copy, 'src'), { recursive: true });
    cpSync(join(PROJECT_ROOT, 'tools'), join(copy, 'tools'), { recursive: true });
    for (const p of plants) appendFileSync(join(copy, p.file), `\n${p.line}\n`);
    const { code, out } = await check(copy);
    assert.equal(code, 1, out);
    for (const p of plants) {
      const file = p.file.replace(/\.ts$/, '.js').replace(/\./g, '\\.');
      // A cycle is reported from one of its modules, listing the others on the next lines.
      const pattern =
        p.rule === 'no-circular'
          ? `error no-circular: [^\\n]*\\n(\\s+[^\\n]*\\n)*?\\s+${file}`
          : `error ${p.rule}: ${file} `;
      assert.match(out, new RegExp(pattern), `${p.rule} in ${p.file}\n${out}`);
    }
    assert.match(out, /check-layers: \d+ layer rule violation\(s\)/);
  });

  it('a file the checker cannot parse fails the check, not passes it', async () => {
    const copy = join(dir, 'broken');
    cpSync(join(PROJECT_ROOT, 'src'), join(copy, 'src'), { recursive: true });
    writeFileSync(join(copy, 'src/domain/broken.ts'), 'export const = ;\n');
    const { code } = await check(copy);
    assert.notEqual(code, 0);
  });
});
