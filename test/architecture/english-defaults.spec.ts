// Issue 13: presenters take the reader's catalogue as a last parameter that defaults to English, so a caller
// that forgets it writes English to a Welsh reader without any literal for english-literals.spec.ts to find
// (the liaison form's done buttons, the board workbook's late reasons, refusals after a click all did). Every
// call in src/teams/ and src/jobs/ of such a function passes that parameter. Functions are matched by name;
// the few calls of another function of the same name are listed below with why.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

const SRC = path.join(__dirname, '../../src');
const DIRS = ['teams', 'jobs'].map((d) => path.join(SRC, d));
const ENGLISH_DEFAULT = /^(ENGLISH|translator\('en'\)|readerOf\(null\))$/;

/** `file: call` of a different function that shares a name, or a call that forwards the reader otherwise. */
const NOT_THE_PRESENTER = new Set([
  'teams/card-verbs/case-timeline.ts: timelineOf', // app/case-timeline.ts timelineOf(deps, child): no words
  'teams/presenters/resolution-pending.ts: headlineOf', // its own headlineOf(data): returns a function of t
  'teams/cards/review-held.ts: reviewHeldCardData', // (...args): forwards every argument, the reader's t included
]);

function sourceFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) =>
      e.isDirectory() ? sourceFiles(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : [],
    );
}

const parsed = DIRS.flatMap(sourceFiles).map((file) => ({
  rel: path.relative(SRC, file).split(path.sep).join('/'),
  sf: ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true),
}));

/** Exported functions with a parameter defaulting to English: name → that parameter's position. */
function englishDefaults(): Map<string, number> {
  const out = new Map<string, number>();
  for (const { sf } of parsed) {
    sf.forEachChild((n) => {
      if (!ts.isFunctionDeclaration(n) || !n.name) return;
      n.parameters.forEach((p, i) => {
        if (p.initializer && ENGLISH_DEFAULT.test(p.initializer.getText(sf))) out.set(n.name!.text, i);
      });
    });
  }
  return out;
}

describe("presenters are given the reader's catalogue (issue 13)", () => {
  it('finds the presenters that default to English', () => {
    const defaults = englishDefaults();
    for (const name of ['label', 'stageLabel', 'errorNotice', 'doneButtons', 'formatBookingStart', 'problemLine'])
      assert.ok(defaults.has(name), name);
  });

  it("every call in src/teams and src/jobs passes the reader's catalogue", () => {
    const defaults = englishDefaults();
    const english: string[] = [];
    for (const { rel, sf } of parsed) {
      const visit = (n: ts.Node): void => {
        if (ts.isCallExpression(n)) {
          const name = n.expression.getText(sf).split('.').pop()!;
          const at = defaults.get(name);
          if (at !== undefined && n.arguments.length <= at && !NOT_THE_PRESENTER.has(`${rel}: ${name}`))
            english.push(`${rel}:${sf.getLineAndCharacterOfPosition(n.getStart(sf)).line + 1} ${n.getText(sf)}`);
        }
        ts.forEachChild(n, visit);
      };
      visit(sf);
    }
    assert.deepEqual(english, []);
  });
});
