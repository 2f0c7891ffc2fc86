// Issue 13: the two catalogues hold the same keys with the same placeholders, every message compiles in
// its language, and Welsh plurals reach all six CLDR categories.
import assert from 'node:assert/strict';
import { IntlMessageFormat } from 'intl-messageformat';
import { formatDate } from '../../src/domain/dates-format.js';
import { CATALOGUES, dateLocale, LANGUAGES, translator, type MessageKey } from '../../src/teams/i18n/translate.js';

interface AstNode {
  type: number;
  value?: unknown;
  options?: Record<string, { value: AstNode[] }>;
  children?: AstNode[];
}

/** Every placeholder name a message uses, and for plurals/selects, their option keys. */
function placeholders(nodes: readonly AstNode[], out = new Set<string>()): Set<string> {
  for (const node of nodes) {
    if (node.type !== 0 && node.type !== 7 && typeof node.value === 'string') out.add(node.value);
    for (const option of Object.values(node.options ?? {})) placeholders(option.value, out);
    placeholders(node.children ?? [], out);
  }
  return out;
}

describe('i18n catalogues (issue 13)', () => {
  const [english, welsh] = [CATALOGUES.en, CATALOGUES.cy];

  it('has every key in both catalogues and no empty message', () => {
    assert.deepEqual(Object.keys(welsh).sort(), Object.keys(english).sort());
    for (const language of LANGUAGES)
      for (const [key, text] of Object.entries(CATALOGUES[language]))
        assert.notEqual(text.trim(), '', `${language} ${key}`);
  });

  it('uses the same placeholders in both languages, and every message compiles', () => {
    for (const key of Object.keys(english) as MessageKey[]) {
      const en = placeholders(new IntlMessageFormat(english[key], 'en-GB').getAst() as AstNode[]);
      const cy = placeholders(new IntlMessageFormat(welsh[key], 'cy-GB').getAst() as AstNode[]);
      assert.deepEqual([...cy].sort(), [...en].sort(), key);
    }
  });

  it('compiles Welsh plurals with all six categories (zero, one, two, few, many, other)', () => {
    const categories = new Intl.PluralRules('cy').resolvedOptions().pluralCategories;
    assert.deepEqual([...categories].sort(), ['few', 'many', 'one', 'other', 'two', 'zero']);
    const plural = new IntlMessageFormat('{n, plural, zero {z} one {o} two {t} few {f} many {m} other {x}}', 'cy-GB');
    assert.deepEqual(
      [0, 1, 2, 3, 6, 7].map((n) => plural.format({ n })),
      ['z', 'o', 't', 'f', 'm', 'x'],
    );
  });

  it('binds t to a language, fills placeholders and writes numbers the British way', () => {
    assert.equal(
      translator('en')('error.too-long.text', { length: 12345, limit: 4000 }),
      'That message is 12,345 characters; I read commands up to 4,000. Nothing was done.',
    );
    assert.match(translator('en')('error.too-long.text', { length: 1, limit: 4000 }), /is 1 character;/);
    assert.equal(
      translator('cy')('error.unknown-command.named', { name: 'foo' }),
      'Does dim gorchymyn "foo". Teipiwch /cymorth i weld beth alla i ei wneud.',
    );
  });

  it('writes Welsh dates through the date-fns cy locale', () => {
    assert.equal(formatDate('2026-12-02', dateLocale('cy')), 'Mer 2 Rhag 2026');
    assert.equal(formatDate('2026-12-02', dateLocale('en')), 'Wed 2 Dec 2026');
  });
});
