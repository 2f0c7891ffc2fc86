import assert from 'node:assert/strict';
import * as ACData from 'adaptivecards-templating';
import sinon from 'sinon';
import fs from 'node:fs';
import path from 'node:path';
import { CARD_KINDS, renderCard } from '../../src/teams/cards.js';
import { validateCard } from '../../tools/card-validation.js';
import { plainText } from '../../src/teams/markdown.js';
import type { CardKind, CardTemplates } from '../../src/teams/cards.js';
import { renderModel } from '../helpers/markdown-model.js';

// Every card template, rendered from every fixture with a hostile string in every view-model string
// that reaches a markdown field (issue 10 point 5): no link, emphasis, list, mention, entity,
// {{function}} or ${…} survives; the text still reads as typed; the card still validates at 1.5.

const fixturesDir = path.join(__dirname, '..', 'fixtures', 'cards');
const fixtureFiles = fs
  .readdirSync(fixturesDir)
  .filter((f) => f.endsWith('.json'))
  .sort();

/** `{i}` is replaced by the field's number, so each field's text can be found in the card. */
const HOSTILE = [
  '[Click to approve {i}](https://evil.example/{i})',
  '**bold {i}** _it_ ~~gone~~ `code` ![img](https://evil.example/p.png)',
  '<at>Catrin Morgan</at> {i} <https://evil.example> &lt;b&gt;',
  '{i}\n# heading\n- item\n1. one\n> quote\n===',
  'www.evil.example/{i} HTTPS://EVIL.EXAMPLE {{DATE(2017-02-14T06:00:00Z, SHORT)}}',
  '${child.name} {i} ${`x`} $' + '{{x}} \\[x\\](y)',
];

type Path = (string | number)[];

function stringPaths(value: unknown, at: Path = [], out: Path[] = []): Path[] {
  if (typeof value === 'string') out.push(at);
  else if (Array.isArray(value)) value.forEach((v, i) => stringPaths(v, [...at, i], out));
  else if (value !== null && typeof value === 'object')
    Object.entries(value).forEach(([k, v]) => stringPaths(v, [...at, k], out));
  return out;
}

function setAt(root: unknown, at: Path, value: string): void {
  let node = root as Record<string | number, unknown>;
  for (const key of at.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  node[at[at.length - 1]] = value;
}

/** Every markdown-rendered string in a card: TextBlock.text, Fact.title, Fact.value. */
function markdownFields(card: unknown, out: string[] = [], isFact = false): string[] {
  if (Array.isArray(card)) card.forEach((c) => markdownFields(c, out, isFact));
  else if (card !== null && typeof card === 'object') {
    const o = card as Record<string, unknown>;
    for (const [k, v] of Object.entries(o)) {
      if (
        typeof v === 'string' &&
        ((o.type === 'TextBlock' && k === 'text') || (isFact && (k === 'title' || k === 'value')))
      )
        out.push(v);
      else markdownFields(v, out, o.type === 'FactSet' && k === 'facts');
    }
  }
  return out;
}

const load = (file: string) => JSON.parse(fs.readFileSync(path.join(fixturesDir, file), 'utf8'));
const render = (kind: CardKind, model: unknown) => renderCard(kind, model as CardTemplates[typeof kind]);

describe('cards: one escaper for every template field that carries text', () => {
  let rendered = 0;
  let sinks = 0;
  after(() => {
    console.log(
      `      hostile render: ${fixtureFiles.length} fixtures of ${CARD_KINDS.length} templates, ${sinks} text fields × ${HOSTILE.length} hostile strings = ${rendered} field renders`,
    );
  });

  for (const file of fixtureFiles) {
    const kind = file.split('.')[0] as CardKind;
    it(`${file}: a hostile string in every text field formats, links and mentions nothing`, () => {
      const original = load(file);
      const paths = stringPaths(original);
      // Which strings reach markdown: render with a plain marker in each and look for it.
      const marked = load(file);
      paths.forEach((p, i) => setAt(marked, p, `qqmark${i}qq`));
      let markedCard: unknown;
      try {
        markedCard = render(kind, marked);
      } catch {
        markedCard = render(kind, original); // a template that needs real values: use the fixture's own
      }
      const reaching = new Set(
        markdownFields(markedCard).flatMap((t) => [...t.matchAll(/qqmark(\d+)qq/g)].map((m) => Number(m[1]))),
      );
      // Strings that reach a markdown field get a hostile value; the others (ids, enum values, data) keep theirs.
      const textPaths = paths.filter((_, i) => reaching.has(i));
      sinks += textPaths.length;
      for (const hostile of HOSTILE) {
        const model = load(file);
        textPaths.forEach((p, i) => setAt(model, p, hostile.replaceAll('{i}', `f${i}f`)));
        const card = render(kind, model);
        const json = JSON.stringify(card);
        assert.ok(!json.includes('${'), 'no ${ survives');
        assert.deepEqual(validateCard(card), [], `${file} still validates`);
        const fields = markdownFields(card);
        // Fields that carry a hostile value (template literals are the template's business).
        for (const text of fields.filter((t) => /f\d+f/.test(t))) {
          const constructs = renderModel(text).constructs;
          assert.deepEqual(constructs, [], `${file}: ${JSON.stringify(text).slice(0, 160)}`);
        }
        // Each hostile value still reads exactly as typed somewhere on the card.
        const shown = fields.map(plainText).join('\n');
        textPaths.forEach((p, i) => {
          const expected = hostile.replaceAll('{i}', `f${i}f`);
          assert.ok(shown.includes(expected) || shown.includes(`f${i}f`), `${file} ${p.join('.')}: the text is shown`);
        });
        rendered += textPaths.length;
      }
    });
  }

  it('the card data and input values keep the raw string (only markdown fields are escaped)', () => {
    const card = renderCard('notice', {
      title: 'T',
      text: '[x](https://evil.example)',
      tone: 'info',
      example: 'a_b*c',
    });
    const fields = markdownFields(card);
    assert.ok(fields.some((f) => f.includes('\\](https:\u200B//')));
    assert.ok(fields.every((f) => renderModel(f).constructs.length === 0));
  });

  it('a model with nothing to escape is expanded once (the escaped expansion would be the same card)', () => {
    const expand = sinon.spy(ACData.Template.prototype, 'expand');
    try {
      const plain = renderCard('notice', { title: 'T', text: 'Review booked for Tue 4 Oct 2016', tone: 'info' });
      assert.equal(expand.callCount, 1);
      assert.ok(markdownFields(plain).includes('Review booked for Tue 4 Oct 2016'));
      const marked = renderCard('notice', { title: 'T', text: 'a_b', tone: 'info' });
      assert.equal(expand.callCount, 3, 'text the escaper changes: both expansions');
      assert.ok(markdownFields(marked).includes('a\\_b'));
    } finally {
      expand.restore();
    }
  });
});

describe('cards: mentions the bot declares still work', () => {
  it('"<at>Name</at>" for a name in msteams.entities is kept; any other <at> is escaped', () => {
    const model = load('resolution.addressee.json');
    const plain = renderCard('resolution', model);
    assert.ok(markdownFields(plain).some((t) => t.includes('For: <at>Dafydd Thomas</at>, <at>Owen Jenkins</at>')));
    model.addressedTo = 'For: <at>Dafydd Thomas</at>, <at>Catrin Morgan</at>';
    const forged = markdownFields(renderCard('resolution', model)).find((t) => t.startsWith('For:'))!;
    assert.equal(
      forged,
      'For: <at>Dafydd Thomas</at>, \\<\u200Bat>Catrin Morgan\\<\u200B/at>',
      'a name not declared as a mention stays text',
    );
    model.mentions = [{ id: '29:x', name: 'Bob](https://evil.example)' }];
    model.addressedTo = 'For: <at>Bob](https://evil.example)</at>';
    const markup = markdownFields(renderCard('resolution', model)).find((t) => t.startsWith('For:'))!;
    assert.deepEqual(renderModel(markup).constructs, [], 'a declared mention carrying markup is not restored');
  });
});
