// Issue 13: a refusal reaches a Welsh reader in Welsh. Every message key an AppError names in src/
// (`userMessage: { key }`, domain/errors.ts) is in the catalogues, and errorNotice writes it in the
// reader's language, keeping the English message for logs.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { AppError } from '../../src/domain/errors.js';
import { parseDueWindow } from '../../src/domain/due-window.js';
import { errorNotice, exampleFor } from '../../src/teams/error-replies.js';
import { CATALOGUES, isMessageKey, translator } from '../../src/teams/i18n/translate.js';

const SRC = path.join(__dirname, '../../src');

function sourceFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) =>
      e.isDirectory() ? sourceFiles(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : [],
    );
}

/**
 * `'errors.…'` literals outside the catalogues, the not-found keys load-for-actor.ts builds from
 * `notFound(text, 'case')`, and `errors.done.<what>` from `new AlreadyDone(text, 'what', stamp)`.
 */
function thrownKeys(): Map<string, string> {
  const keys = new Map<string, string>();
  for (const file of sourceFiles(SRC).filter((f) => !f.includes(`${path.sep}i18n${path.sep}`))) {
    const text = fs.readFileSync(file, 'utf8');
    for (const m of text.matchAll(/'(errors\.[a-z0-9.-]+)'/g)) keys.set(m[1], path.relative(SRC, file));
    for (const m of text.matchAll(/notFound\([^\n]*?, '([a-z-]+)'\)/g))
      keys.set(`errors.not-found.${m[1]}`, path.relative(SRC, file));
    // domain/resolutions/guards.ts AlreadyDone(message, what, stamp): the key is errors.done.<what>.
    for (const m of text.matchAll(/new AlreadyDone\(\s*`[^`]*`,\s*'([a-z-]+)'/g))
      keys.set(`errors.done.${m[1]}`, path.relative(SRC, file));
  }
  return keys;
}

describe('AppError message keys (issue 13)', () => {
  it('every key thrown in src/ is in both catalogues', () => {
    const keys = thrownKeys();
    assert.ok(keys.size >= 40, `found ${keys.size} keys`);
    for (const [key, file] of keys) {
      assert.ok(isMessageKey(key), `${file}: ${key} is not in the catalogue`);
      assert.ok(Object.hasOwn(CATALOGUES.cy, key), `${file}: ${key} has no Welsh`);
    }
  });

  it('every AppError a reader can be shown says its words: a catalogue key, or text written with t', () => {
    // The codes error-replies.ts shows to a person; the store's own files that only CLIs reach are named here.
    const shown = new Set([
      'invalid-input',
      'forbidden',
      'not-found',
      'conflict',
      'ineligible-iro',
      'store-unavailable',
    ]);
    const cliOnly = new Set(['store/backup.ts', 'store/embedded/embedded-store.ts', 'store/embedded/verify.ts']);
    const bare: string[] = [];
    for (const file of sourceFiles(SRC)) {
      const rel = path.relative(SRC, file).split(path.sep).join('/');
      if (cliOnly.has(rel) || rel.startsWith('cli/')) continue;
      const sf = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
      const visit = (n: ts.Node): void => {
        if (ts.isNewExpression(n) && n.expression.getText(sf) === 'AppError') {
          const [code, message, , said] = n.arguments ?? [];
          const userCode = !code || !ts.isStringLiteral(code) || shown.has(code.text);
          const writtenWithT =
            !!message && ts.isCallExpression(message) && /^(ctx\.)?t$/.test(message.expression.getText(sf));
          if (userCode && !said && !writtenWithT)
            bare.push(`${rel}:${sf.getLineAndCharacterOfPosition(n.getStart(sf)).line + 1}`);
        }
        ts.forEachChild(n, visit);
      };
      visit(sf);
    }
    assert.deepEqual(bare, []);
  });

  it("every refusal shown is written with the reader's catalogue (errorNotice is given its t)", () => {
    const english: string[] = [];
    for (const file of sourceFiles(path.join(SRC, 'teams'))) {
      const sf = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
      const visit = (n: ts.Node): void => {
        if (ts.isCallExpression(n) && n.expression.getText(sf) === 'errorNotice' && n.arguments.length < 3)
          english.push(`${path.relative(SRC, file)}:${sf.getLineAndCharacterOfPosition(n.getStart(sf)).line + 1}`);
        ts.forEachChild(n, visit);
      };
      visit(sf);
    }
    assert.deepEqual(english, []);
  });

  it('every errors.* key in the catalogue is thrown somewhere (no dead messages)', () => {
    const thrown = thrownKeys();
    const dead = Object.keys(CATALOGUES.en).filter((k) => k.startsWith('errors.') && !thrown.has(k));
    assert.deepEqual(dead, []);
  });

  it('a Welsh reader gets the Welsh refusal; an English one the English; the message stays English', () => {
    let err: unknown;
    try {
      parseDueWindow('wythnos diwethaf', '2026-11-25');
    } catch (e) {
      err = e;
    }
    assert.ok(err instanceof AppError);
    assert.match(err.message, /^I can't read "wythnos diwethaf" as a window/);
    const cy = errorNotice(err, 'ref-1', translator('cy'));
    assert.match(cy.text, /^Alla i ddim darllen "wythnos diwethaf" fel cyfnod\. Y cyfnodau yw: yr wythnos hon/);
    assert.equal(cy.title, 'Doeddwn i ddim yn deall hynny');
    const en = errorNotice(err, 'ref-1', translator('en'));
    assert.match(en.text, /^I can't read "wythnos diwethaf" as a window/);
  });

  it('a key the catalogue lacks falls back to the English message, never to the key', () => {
    const err = new AppError('invalid-input', 'the English text', {}, { key: 'errors.no-such-key' });
    assert.equal(errorNotice(err, 'r', translator('cy')).text, 'The English text.');
  });

  it("a date in a refusal is written in the reader's language", () => {
    const err = new AppError(
      'invalid-input',
      '2026-11-24 10:00 is in the past',
      { problem: 'in-past' },
      { key: 'errors.booking.in-past', params: { whenDate: '2026-11-24', time: '10:00' } },
    );
    assert.equal(errorNotice(err, 'r', translator('cy')).text, 'Mae Maw 24 Tach 2026 10:00 wedi mynd heibio.');
    assert.equal(errorNotice(err, 'r', translator('en')).text, 'Tue 24 Nov 2026 10:00 is in the past.');
    assert.equal(errorNotice(err, 'r', translator('cy')).title, "Mae'r amser hwnnw wedi mynd heibio");
  });

  it('selects and plurals in refusals read in each language', () => {
    const t = translator('cy');
    assert.equal(
      t('errors.command.where', { command: 'case', places: 'personal', personalOnly: 'yes' }),
      "Dim ond mewn sgwrs bersonol gyda fi y mae /case yn gweithio: dim ond mewn sgwrs bersonol y dangosir yr hyn y mae'n ei ddangos",
    );
    assert.match(translator('en')('errors.setup.guests', { count: 0 }), /I see no guest here/);
    assert.match(translator('en')('errors.setup.guests', { count: 3 }), /I see 3$/);
    assert.match(t('errors.card.field-missing', { field: 'bookingId' }), /^mae'r trefniant ar goll/);
  });
});

describe('examples in a refusal (issue 13)', () => {
  const cy = translator('cy');
  it('a Welsh reader gets command lines, dates and formats, never an English sentence', () => {
    assert.equal(exampleFor('/plan C1001', cy), '/plan C1001');
    assert.equal(exampleFor('2026-12-01', cy), '2026-12-01');
    assert.equal(exampleFor('YYYY-MM-DD', cy), 'YYYY-MM-DD');
    assert.equal(exampleFor('Press Acknowledge on the card', cy), null);
    assert.equal(exampleFor('Press Acknowledge on the card', translator('en')), 'Press Acknowledge on the card');
    const notice = errorNotice(
      new AppError(
        'invalid-input',
        'acknowledge first',
        { example: 'Press Acknowledge on the card' },
        { key: 'errors.meeting.date' },
      ),
      'ref-1',
      cy,
    );
    assert.equal(notice.example, '');
    assert.equal(notice.text, 'Dewiswch ddyddiad y cyfarfod.');
  });

  it("a stage named in a refusal is the reader's word for it (the council's own English wording to an English reader)", () => {
    const moved = (label: string) =>
      new AppError(
        'conflict',
        'moved',
        {},
        {
          key: 'errors.done.moved',
          params: { stage: label, stageId: 'formal', name: 'Alex Wilber', onDate: '2026-09-01' },
        },
      );
    assert.equal(
      errorNotice(moved('Stage 1 (formal)'), 'r', cy).text,
      "Mae'r cerdyn hwn wedi dyddio: symudodd y mater i Cam 1 (ffurfiol) (Alex Wilber, Maw 1 Med 2026); ni newidiwyd dim.",
    );
    // The council's own English wording is not shown to a Welsh reader: the catalogue's Welsh name is.
    assert.match(errorNotice(moved('Stage 1 (our words)'), 'r', cy).text, /symudodd y mater i Cam 1 \(ffurfiol\)/);
    assert.match(errorNotice(moved('Stage 1 (our words)'), 'r', translator('en')).text, /Stage 1 \(our words\)/);
  });
});
