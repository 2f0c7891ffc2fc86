import assert from 'node:assert/strict';
import fc from 'fast-check';
import { escapeMarkdown, md, Markdown, plainText, ZERO_WIDTH_SPACE } from '../../src/teams/markdown.js';
import { renderModel } from '../helpers/markdown-model.js';

// The one escaper for user text in Adaptive Card markdown (issue 10 point 5).
const ATTACKS = [
  '[Click to approve](https://evil.example)',
  '![x](https://evil.example/pixel.png)',
  '[Click][1]\n\n[1]: https://evil.example',
  '**Approved** by _the manager_ ~~declined~~ `code`',
  '<at>Catrin Morgan</at> please approve',
  '<https://evil.example> and <mailto:x@evil.example> and <b>bold</b>',
  'https://evil.example/approve www.evil.example evil.example/approve HTTP://EVIL.EXAMPLE',
  '&lt;at&gt;Catrin&lt;/at&gt; &#60;b&#62;',
  '# Heading\n## Sub\n> quote\n- item\n+ item\n* item\n1. one\n2) two',
  'Title\n===\nOther\n---\n| a | b |\n|---|---|',
  '{{DATE(2017-02-14T06:00:00Z, SHORT)}} ${child.name} \\[not a link\\](x)',
];

describe('escapeMarkdown', () => {
  for (const attack of ATTACKS) {
    it(`neutralises ${JSON.stringify(attack).slice(0, 60)}`, () => {
      const escaped = escapeMarkdown(attack);
      const r = renderModel(escaped);
      assert.deepEqual(r.constructs, [], escaped);
      assert.equal(r.plain.replaceAll(ZERO_WIDTH_SPACE, ''), attack, 'shows exactly what was typed');
      assert.ok(renderModel(attack).constructs.length > 0, 'the model does see the attack unescaped');
    });
  }

  it("leaves the bot's own ordinary text unchanged", () => {
    for (const text of [
      'Overdue (1)',
      'Policy: wales (Welsh regulations 2015)',
      '66.67%',
      '/due [WINDOW] [team | for PERSON]',
      'C100-1 · D.E.',
      '2026-11-25',
      'Wed 25 Nov 2026 10:00',
      'Q&A',
      'rhian@council.example',
      'Sessional IRO 0 (Cwmni Adolygu Cyf.)',
    ]) {
      assert.equal(escapeMarkdown(text), text);
    }
  });

  it('md`…` keeps its literal markup and escapes what is interpolated', () => {
    const name = '[x](https://evil.example)';
    const m = md`**${name}** asked`;
    assert.ok(m instanceof Markdown);
    assert.equal(m.source, `**${escapeMarkdown(name)}** asked`);
    assert.equal(
      renderModel(m.source).constructs.filter((c) => !c.startsWith('inline *')).length,
      0,
      'only the literal ** pairs',
    );
  });
});

// Strings that mix markdown syntax, links, mentions and template syntax with ordinary text.
const FRAGMENTS = [
  '[',
  ']',
  '(',
  ')',
  '](',
  '![',
  '*',
  '**',
  '_',
  '~~',
  '`',
  '<',
  '>',
  '<at>',
  '</at>',
  '&',
  '&amp;',
  '&#60;',
  ';',
  '#',
  '# ',
  '- ',
  '+ ',
  '1. ',
  '2) ',
  '===',
  '---',
  '|',
  '|---|',
  ':',
  '\\',
  '\\\\',
  '{{',
  '}}',
  '${',
  '}',
  'https://',
  'http:',
  '//',
  'www.',
  'evil.example/',
  '.example',
  'mailto:',
  '\n',
  '\r\n',
  '\r',
  ' ',
  '\t',
  'a',
  'Z',
  '0',
  '9',
  '.',
  'é',
  '·',
  '\u00a0',
];
const hostile = fc
  .oneof(
    { weight: 4, arbitrary: fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 30 }).map((parts) => parts.join('')) },
    { weight: 1, arbitrary: fc.string({ maxLength: 80 }) },
    { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
  )
  .filter((s) => !s.includes(ZERO_WIDTH_SPACE));

export const ESCAPER_RUNS = 3000;

describe('escapeMarkdown: properties (fast-check)', () => {
  it(`rendered through the markdown model, escaped text shows the original characters and nothing else (${ESCAPER_RUNS} inputs)`, () => {
    let withSyntax = 0;
    fc.assert(
      fc.property(hostile, (s) => {
        const r = renderModel(escapeMarkdown(s));
        if (renderModel(s).constructs.length > 0) withSyntax++;
        assert.deepEqual(r.constructs, []);
        assert.equal(r.plain.replaceAll(ZERO_WIDTH_SPACE, ''), s);
      }),
      { numRuns: ESCAPER_RUNS },
    );
    assert.ok(withSyntax > ESCAPER_RUNS * 0.4, `most inputs carried markdown syntax (${withSyntax})`);
    console.log(
      `      escaper: ${ESCAPER_RUNS} inputs, ${withSyntax} with markdown/link/mention syntax, 0 formatted after escaping`,
    );
  });

  it('plainText inverts escapeMarkdown, and escaping twice still formats nothing', () => {
    fc.assert(
      fc.property(hostile, (s) => {
        assert.equal(plainText(escapeMarkdown(s)), s);
        const twice = escapeMarkdown(escapeMarkdown(s));
        assert.deepEqual(renderModel(twice).constructs, []);
        assert.equal(plainText(twice), escapeMarkdown(s).replaceAll(ZERO_WIDTH_SPACE, ''));
      }),
      { numRuns: ESCAPER_RUNS },
    );
  });

  it('is idempotent on text that needs no escaping, and line structure is kept', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'abcXYZ019 ,\'"?'.split('')), maxLength: 40 }), (s) => {
        assert.equal(escapeMarkdown(s), s);
        assert.equal(escapeMarkdown(escapeMarkdown(s)), s);
      }),
      { numRuns: 500 },
    );
    fc.assert(
      fc.property(hostile, (s) => {
        const lines = (x: string) => x.split(/\r\n|\r|\n/).length;
        assert.equal(lines(escapeMarkdown(s)), lines(s));
      }),
      { numRuns: 500 },
    );
  });
});
