import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';

// docs/DESIGN.md rules 5 and 6 hold because there is one write path for a child: src/app/child-update.ts.
// Any other file in src/app (the importer aside: it writes whole batches under its own journal) that
// calls a children-repository write, or escapes the update's types, fails here.
const APP = path.join(__dirname, '../../src/app');
const ALLOWED = new Set(['child-update.ts']);
const EXCLUDED_DIRS = new Set(['import']);

const FORBIDDEN: { rule: string; pattern: RegExp }[] = [
  {
    rule: 'a children-repository write outside child-update.ts',
    pattern: /\b(updateVersioned|queuePending|removePending)\b/,
  },
  { rule: 'a children-repository insert outside child-update.ts', pattern: /\bchildren\s*(\.|\[\s*['"`])\s*insert\b/ },
  { rule: 'a raw collection handle on children', pattern: /collection\s*<\s*ChildDoc\s*>|COLLECTIONS\.children/ },
  { rule: "a cast to never (escaping the update's types)", pattern: /\bas\s+never\b/ },
];

function appFiles(dir: string): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    if (e.isDirectory()) {
      if (!(dir === APP && EXCLUDED_DIRS.has(e.name))) out.push(...appFiles(path.join(dir, e.name)));
    } else if (e.name.endsWith('.ts') && !(dir === APP && ALLOWED.has(e.name))) {
      out.push(path.join(dir, e.name));
    }
  }
  return out;
}

/** `file:line: rule` for every forbidden line in `text`. */
function childWriteViolations(file: string, text: string): string[] {
  const out: string[] = [];
  text.split('\n').forEach((line, i) => {
    for (const f of FORBIDDEN) if (f.pattern.test(line)) out.push(`${file}:${i + 1}: ${f.rule}`);
  });
  return out;
}

describe('architecture: one write path for a child document', () => {
  it('no file in src/app other than child-update.ts (and src/app/import) writes a child directly', () => {
    const files = appFiles(APP);
    assert.ok(
      files.some((f) => f.endsWith(path.join('booking', 'reschedule.ts'))),
      'the scan reaches nested use cases',
    );
    assert.ok(!files.some((f) => f.includes(`${path.sep}import${path.sep}`)), 'the importer is left out');
    const violations = files.flatMap((f) => childWriteViolations(path.relative(APP, f), fs.readFileSync(f, 'utf8')));
    assert.deepEqual(violations, []);
  });

  it('the scan catches each way round the helper', () => {
    const planted = [
      'await deps.children.updateVersioned(child.ref, child.version, update, entry);',
      'const { updateVersioned } = deps.children;',
      "await deps.children['queuePending'](ref, messages);",
      'await deps.children.insert(doc);',
      "await deps.children['insert'](doc);",
      'store.collection<ChildDoc>(COLLECTIONS.children).updateOne({ _id: ref }, update);',
      '{ $push: { pending: m } } as never,',
    ].join('\n');
    assert.equal(childWriteViolations('planted.ts', planted).length, 7);
    assert.deepEqual(
      childWriteViolations(
        'clean.ts',
        'return updateChild(deps, actor, () => loadChild(deps, actor, ref, example), decide);',
      ),
      [],
    );
  });
});
