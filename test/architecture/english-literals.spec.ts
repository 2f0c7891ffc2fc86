// Issue 13: no user-facing English literal outside the message catalogues, in src/teams/ and src/jobs/.
//
// What is scanned (TypeScript's own parser, so comments and types never count): every .ts file under
// src/teams/ and src/jobs/ except the catalogues (src/teams/i18n/). What counts as user-facing:
//   1. the message of `new AppError(code, message, details?)` thrown without a catalogue key (its 4th
//      argument, `userMessage`): that message is what errorNotice shows (src/teams/error-replies.ts);
//   2. the value of a property a person reads on a card or in a reply: title, text, subtitle, note,
//      footer, heading, headline, emptyText, moreText, summary, status, label, errorTitle, errorText (card data,
//      notices, activities' notification previews);
//   3. the title and text arguments of noticeCardData(tone, title, text), and every argument of a card
//      builder (a call to a function whose name ends in Card, CardData or Notice, or is notice, e.g.
//      reviewHeldCard(…, title, text), the audience gate's notice(title, text, summary)).
// A literal there counts when its own text (for a template, the parts outside `${}`) holds a word of two
// or more letters. Not counted: ids, keys and verbs (no spaces, only [a-z0-9.:_/-] with no capitals),
// `example` values (command lines the reader types, e.g. '/due this week'), log messages (not in these
// places), and `throw new Error` (internal: the reader gets the generic apology, never the message).
// Not seen here: English written in src/app/ or src/domain/ and carried as data (a queued notice's title,
// a queued banner); those are keyed where they are made (AppError userMessage, test/teams/error-keys.spec.ts;
// a queued resolution card's banner is data, app/resolutions.ts ResolutionHeadline).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

const ROOT = path.join(__dirname, '../..');
const SCANNED = ['src/teams', 'src/jobs'];
const CATALOGUES = 'src/teams/i18n/';

const READ_PROPERTIES = new Set([
  'title',
  'text',
  'subtitle',
  'note',
  'footer',
  'heading',
  'headline',
  'emptyText',
  'moreText',
  'summary',
  'status',
  'label',
  'errorTitle',
  'errorText',
]);

export interface Finding {
  file: string;
  line: number;
  text: string;
}

/** The literal's own words: a string's text, a template's parts outside `${}`. */
function ownText(node: ts.Node): string | null {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isTemplateExpression(node))
    return [node.head.text, ...node.templateSpans.map((s) => s.literal.text)].join(' ');
  return null;
}

const isIdLike = (s: string): boolean => /^[a-z0-9.:_/-]*$/.test(s);
const hasWord = (s: string): boolean => /[A-Za-z]{2,}/.test(s);

/**
 * Literals reached from an expression: itself, both branches of a ?:, either side of ?? and ||, a + b, and a
 * constant of the same file it names (`const NOT_AVAILABLE = '…'` passed as a message).
 */
function literalsOf(node: ts.Expression, constants: ReadonlyMap<string, ts.Expression>): ts.Node[] {
  if (ts.isParenthesizedExpression(node)) return literalsOf(node.expression, constants);
  if (ts.isConditionalExpression(node))
    return [...literalsOf(node.whenTrue, constants), ...literalsOf(node.whenFalse, constants)];
  if (ts.isBinaryExpression(node)) {
    const op = node.operatorToken.kind;
    if (
      op === ts.SyntaxKind.QuestionQuestionToken ||
      op === ts.SyntaxKind.BarBarToken ||
      op === ts.SyntaxKind.PlusToken
    )
      return [...literalsOf(node.left, constants), ...literalsOf(node.right, constants)];
  }
  if (ts.isIdentifier(node)) {
    const value = constants.get(node.text);
    return value && ownText(value) !== null ? [value] : [];
  }
  return ownText(node) === null ? [] : [node];
}

/** `const NAME = <literal>` declarations of a file, by name. */
function constantsOf(sf: ts.SourceFile): Map<string, ts.Expression> {
  const out = new Map<string, ts.Expression>();
  const visit = (node: ts.Node): void => {
    if (
      ts.isVariableDeclaration(node) &&
      ts.isIdentifier(node.name) &&
      node.initializer &&
      ownText(node.initializer) !== null
    )
      out.set(node.name.text, node.initializer);
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return out;
}

export function scanSource(file: string, source: string): Finding[] {
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true);
  const out: Finding[] = [];
  const constants = constantsOf(sf);
  const report = (expr: ts.Expression | undefined) => {
    if (!expr) return;
    for (const lit of literalsOf(expr, constants)) {
      const text = ownText(lit)!;
      if (isIdLike(text) || !hasWord(text)) continue;
      out.push({ file, line: sf.getLineAndCharacterOfPosition(lit.getStart()).line + 1, text: text.slice(0, 80) });
    }
  };
  const visit = (node: ts.Node): void => {
    if (ts.isNewExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'AppError') {
      const args = node.arguments ?? [];
      if (args.length < 4) report(args[1]);
    } else if (
      ts.isCallExpression(node) &&
      ts.isIdentifier(node.expression) &&
      node.expression.text === 'noticeCardData'
    ) {
      report(node.arguments[1]);
      report(node.arguments[2]);
    } else if (
      ts.isCallExpression(node) &&
      ts.isIdentifier(node.expression) &&
      /(Card(Data)?|Notice)$|^notice$/.test(node.expression.text)
    ) {
      for (const arg of node.arguments) report(arg);
    } else if (ts.isPropertyAssignment(node) && ts.isIdentifier(node.name) && READ_PROPERTIES.has(node.name.text)) {
      report(node.initializer);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return out;
}

function files(dir: string): string[] {
  return fs
    .readdirSync(path.join(ROOT, dir), { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? files(`${dir}/${e.name}`) : e.name.endsWith('.ts') ? [`${dir}/${e.name}`] : []));
}

describe('no user-facing English literal outside the catalogues (issue 13)', () => {
  const findings = SCANNED.flatMap(files)
    .filter((f) => !f.startsWith(CATALOGUES))
    .flatMap((f) => scanSource(f, fs.readFileSync(path.join(ROOT, f), 'utf8')));

  it('src/teams/ and src/jobs/ write every word a person reads through the catalogue (t)', () => {
    const left = findings.map((f) => `${f.file}:${f.line} "${f.text}"`);
    assert.deepEqual(left, []);
  });

  it('finds what it is meant to find (the check can fail)', () => {
    const found = scanSource(
      'x.ts',
      [
        "throw new AppError('invalid-input', `I can't read ${x}`, { example: '/due this week' });",
        "throw new AppError('invalid-input', 'keyed', {}, { key: 'errors.x' });",
        "const d = { title: ok ? 'Review booked' : t('a.b'), verb: 'review.book', text: `${a} · ${b}` };",
        "const GONE = 'That is gone'; noticeCardData('warning', 'Not posted', GONE);",
        "logger.info({ n }, 'sweep enqueued messages');",
        "const e = { example: 'Try: /help', summary: `Review ${event} · ${ref}` };",
        "reviewHeldCard(child, review, true, 'Review recorded as held', t('x'));",
        "notice(`Not posted · ${names}`, t('x'), 'Not posted');",
      ].join('\n'),
    );
    assert.deepEqual(
      found.map((f) => [f.line, f.text]),
      [
        [1, "I can't read  "],
        [3, 'Review booked'],
        [4, 'Not posted'],
        [4, 'That is gone'],
        [6, 'Review   ·  '],
        [7, 'Review recorded as held'],
        [8, 'Not posted ·  '],
        [8, 'Not posted'],
      ],
    );
  });
});
