import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { validateCard } from '../../tools/card-validation.js';
import {
  CARD_KINDS,
  cardAttachment,
  cardsDir,
  renderCard,
  type CardDataOf,
  type CardKind,
} from '../../src/teams/cards.js';
import { MESSAGE_LIMIT_BYTES, utf16Bytes } from '../../src/teams/message-size.js';
import { LANGUAGES, translator, type Translate } from '../../src/teams/i18n/translate.js';

// A card is one template, cards/<kind>.json, and one view-model module, src/teams/cards/<kind>.ts, which
// exports the type of the template's data (<Kind>CardData), registers it for renderCard('<kind>', …) and
// exports the function(s) building it (<kind>…CardData). Nothing else lists the cards, so this test is what
// keeps the two folders paired, and renders every card from its fixtures as Teams would get it.
const modulesDir = path.join(__dirname, '..', '..', 'src', 'teams', 'cards');
const fixturesDir = path.join(__dirname, '..', 'fixtures', 'cards');
const pascal = (kind: string) =>
  kind
    .split('-')
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join('');
const camel = (kind: string) => pascal(kind)[0]!.toLowerCase() + pascal(kind).slice(1);
const names = (dir: string, ext: string) =>
  fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(ext))
    .map((f) => f.slice(0, -ext.length))
    .sort();

describe('card registry: each template has one view-model module', () => {
  const templates = names(cardsDir(), '.json');
  const modules = names(modulesDir, '.ts');

  it('every template has a view-model module, and every module a template', () => {
    assert.deepEqual(
      templates.filter((t) => !modules.includes(t)),
      [],
      'templates in cards/ without src/teams/cards/<kind>.ts',
    );
    assert.deepEqual(
      modules.filter((m) => !templates.includes(m)),
      [],
      'modules in src/teams/cards/ without cards/<kind>.json',
    );
    assert.deepEqual([...CARD_KINDS], templates, 'renderCard knows every template');
  });

  for (const kind of templates) {
    it(`${kind}: typed, registered, built by ${camel(kind)}…CardData, and every fixture renders valid and under 80 KB`, async () => {
      const source = fs.readFileSync(path.join(modulesDir, `${kind}.ts`), 'utf8');
      const type = `${pascal(kind)}CardData`;
      assert.match(
        source,
        new RegExp(`^export (interface|type) ${type}\\b`, 'm'),
        `src/teams/cards/${kind}.ts exports ${type}`,
      );
      assert.match(
        source,
        new RegExp(
          `declare module '\\.\\./cards\\.js' \\{\\s*interface CardTemplates \\{\\s*'${kind}': ${type};\\s*\\}\\s*\\}`,
        ),
        `src/teams/cards/${kind}.ts registers ${type} as the data of '${kind}'`,
      );
      const mod = (await import(`../../src/teams/cards/${kind}.js`)) as Record<string, unknown>;
      const builders = Object.keys(mod).filter(
        (n) => n.startsWith(camel(kind)) && n.endsWith('CardData') && typeof mod[n] === 'function',
      );
      assert.ok(builders.length > 0, `src/teams/cards/${kind}.ts exports a function ${camel(kind)}…CardData`);

      // Issue 13: a template's own words come from `<kind>CardLabels(t)`; a fixture carries the English
      // ones, and every fixture is rendered in each language with that language's labels.
      const labelsOf = mod[`${camel(kind)}CardLabels`] as ((t: Translate) => unknown) | undefined;
      const fixtures = fs.readdirSync(fixturesDir).filter((f) => f.startsWith(`${kind}.`) && f.endsWith('.json'));
      assert.ok(fixtures.length > 0, `test/fixtures/cards/${kind}.*.json: at least one fixture`);
      for (const file of fixtures) {
        const fixture = JSON.parse(fs.readFileSync(path.join(fixturesDir, file), 'utf8')) as Record<string, unknown>;
        if (labelsOf) assert.deepEqual(fixture.labels, labelsOf(translator('en')), `${file}: the English labels`);
        for (const language of labelsOf ? LANGUAGES : (['en'] as const)) {
          const data = (labelsOf
            ? { ...fixture, labels: labelsOf(translator(language)) }
            : fixture) as unknown as CardDataOf<CardKind>;
          const card = renderCard(kind as CardKind, data);
          const json = JSON.stringify(card);
          const name = `${file} (${language})`;
          assert.ok(!json.includes('${'), `${name}: no placeholder left`);
          assert.equal(card.version, '1.5', name);
          assert.deepEqual(validateCard(card), [], `${name}: valid at 1.5 for the adaptivecards library`);
          const bytes = utf16Bytes({ type: 'message', attachments: [cardAttachment(card)] });
          assert.ok(bytes <= MESSAGE_LIMIT_BYTES, `${name}: ${bytes} bytes as UTF-16, over ${MESSAGE_LIMIT_BYTES}`);
        }
      }
    });
  }
});

/** Properties Teams shows as words. `value` is left out: on inputs and choices it is data, not text. */
const WORD_PROPERTIES = new Set(['text', 'title', 'label', 'placeholder', 'errorMessage', 'altText', 'fallbackText']);

/** The English a template holds itself: words outside `${…}`, and quoted words inside an expression. */
function templateWords(node: unknown, out: string[] = []): string[] {
  if (Array.isArray(node)) node.forEach((n) => templateWords(n, out));
  else if (node !== null && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (WORD_PROPERTIES.has(key) && typeof value === 'string') {
        // Teams' mention markup (`<at>name</at>`) is not a word a person reads.
        const outside = value.replace(/\$\{[^}]*\}/g, '').replace(/<\/?at>/g, '');
        // A quoted word compared with (`mode == 'correct'`) is a value, not text.
        const quoted = [...value.matchAll(/\$\{([^}]*)\}/g)].flatMap(
          (m) => m[1].replace(/[!=]=\s*'[^']*'/g, '').match(/'[^']*'/g) ?? [],
        );
        if (/[A-Za-z]/.test(outside)) out.push(value);
        out.push(...quoted.filter((q) => /[A-Za-z]{2}/.test(q)));
      } else templateWords(value, out);
    }
  }
  return out;
}

describe('card templates carry no words of their own (issue 13: every word comes from the data, in the reader’s language)', () => {
  for (const kind of names(cardsDir(), '.json')) {
    it(`cards/${kind}.json`, () => {
      const template = JSON.parse(fs.readFileSync(path.join(cardsDir(), `${kind}.json`), 'utf8')) as unknown;
      assert.deepEqual(templateWords(template), []);
    });
  }

  it('finds a template word when there is one (the check can fail)', () => {
    assert.deepEqual(templateWords({ type: 'TextBlock', text: "${'Due by ' + dueBy}" }), ["'Due by '"]);
    assert.deepEqual(templateWords({ actions: [{ title: 'Book', data: { ref: '${ref}' } }] }), ['Book']);
    assert.deepEqual(templateWords({ type: 'mention', text: '<at>${name}</at>' }), []);
    assert.deepEqual(templateWords({ text: '<at>${name}</at> at ${time}' }), ['<at>${name}</at> at ${time}']);
    assert.deepEqual(templateWords({ text: '${title}', style: "${if(x, 'good', 'default')}", value: 'false' }), []);
    assert.deepEqual(templateWords({ label: "${if(mode == 'correct', labels.a, labels.b)}" }), []);
  });
});
