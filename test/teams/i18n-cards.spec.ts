// Issue 13, the cards a command or a click answers with: a Welsh reader's /due, /caseload, /actions, /case and
// /help carry none of the English catalogue's words (names and text typed by people aside), and the tables
// the cards read (codes, command words) say in English exactly what the bot always said.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { IntlMessageFormat } from 'intl-messageformat';
import { messageActivity, type Sender } from '../helpers/activities.js';
import { cardOf, startHarness, type Harness } from '../helpers/bot-harness.js';
import { alex, catrin } from '../helpers/people.js';
import { COMMANDS } from '../../src/teams/commands/registry.js';
import { CATALOGUES, type MessageKey } from '../../src/teams/i18n/translate.js';
import { CODE_LABELS } from '../../src/teams/presenters/labels.js';
import { RULE_LABELS } from '../../src/domain/timescales.js';

const NOW = '2026-11-25T09:00:00Z';
const fixture = JSON.parse(fs.readFileSync(path.join(__dirname, '../fixtures/http/small-service.json'), 'utf8'));

interface AstNode {
  type: number;
  value?: unknown;
  options?: Record<string, { value: AstNode[] }>;
  children?: AstNode[];
}

/** The literal words of a message (between placeholders, inside plural branches), as runs of text. */
function literals(nodes: readonly AstNode[], out: string[] = []): string[] {
  for (const node of nodes) {
    if (node.type === 0 && typeof node.value === 'string') out.push(node.value);
    for (const option of Object.values(node.options ?? {})) literals(option.value, out);
    literals(node.children ?? [], out);
  }
  return out;
}

/**
 * Every piece of English the catalogue holds that a Welsh message does not share: runs of at least two
 * words, or one word of five letters or more (shorter ones, "IRO", "Band", are the same in both).
 */
function englishOnlyFragments(): { key: MessageKey; fragment: string }[] {
  const out: { key: MessageKey; fragment: string }[] = [];
  for (const key of Object.keys(CATALOGUES.en) as MessageKey[]) {
    const welsh = CATALOGUES.cy[key];
    const ast = new IntlMessageFormat(CATALOGUES.en[key], 'en-GB').getAst() as AstNode[];
    for (const piece of literals(ast)) {
      const fragment = piece.trim().replace(/^[^A-Za-z]+|[^A-Za-z]+$/g, '');
      const words = fragment.split(/\s+/).filter((w) => /[A-Za-z]/.test(w));
      const telling = words.length >= 2 || (words.length === 1 && /^[A-Za-z]{5,}$/.test(words[0]));
      if (telling && !welsh.includes(fragment)) out.push({ key, fragment });
    }
  }
  return out;
}

describe('cards in the reader’s language (issue 13)', function () {
  this.timeout(60000);
  let h: Harness;
  before(async () => {
    h = await startHarness({ env: { IRO_NOW: NOW }, importDoc: fixture });
  });
  after(async () => h?.stop());

  // Alex's Teams client is Welsh (cy-GB); Catrin chose Welsh with /iaith.
  const ask = async (from: Sender, text: string, locale = 'cy-GB') =>
    cardOf(await h.ask({ ...messageActivity(h.connector.url, from, text), locale }));
  const fragments = englishOnlyFragments().map(({ key, fragment }) => ({
    key,
    fragment,
    pattern: new RegExp(`(^|[^A-Za-z])${fragment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}([^A-Za-z]|$)`),
  }));
  const english = (text: string) => fragments.filter(({ pattern }) => pattern.test(text)).map(({ key }) => key);

  it('finds English catalogue words when they are there (the check can fail)', async () => {
    const due = await ask(catrin, '/due', 'en-GB');
    assert.ok(english(due.text).includes('due.title.window'), 'an English /due card shows catalogue English');
    assert.match((await ask(catrin, '/iaith cymraeg', 'en-GB')).text, /Byddaf yn ysgrifennu atoch chi yn Gymraeg/);
  });

  for (const [who, command, expect] of [
    [alex, '/dyledus', /Adolygiadau sy'n ddyledus yr wythnos hon/],
    [alex, '/dyledus overdue', /Adolygiadau hwyr|Dim adolygiadau hwyr/],
    [alex, '/dyledus next 60 days', /yn ystod y 60 diwrnod nesaf/],
    [alex, '/llwyth-achosion', /Llwyth achosion: Alex Wilber/],
    [catrin, '/llwyth-achosion team', /Llwyth achosion: y gwasanaeth adolygu/],
    [alex, '/camau', /Eich camau/],
    [alex, '/achos C100', /Cyfeirnod achos/],
    [alex, '/cymorth', /Gorchmynion IRO Bot/],
  ] as const) {
    it(`a Welsh reader's ${command} card is Welsh, with no English catalogue text`, async () => {
      const { text } = await ask(who, command, who === catrin ? 'en-GB' : 'cy-GB');
      assert.match(text, expect);
      assert.deepEqual(english(text), [], text);
    });
  }
});

describe('the cards’ tables in the catalogue (issue 13)', () => {
  it('every code a card shows has a catalogue entry whose English is the label it always had', () => {
    for (const [code, words] of Object.entries(CODE_LABELS)) {
      const key = `code.${code}` as MessageKey;
      assert.ok(Object.hasOwn(CATALOGUES.en, key), `catalogue key ${key}`);
      assert.equal(CATALOGUES.en[key], words, key);
    }
    for (const [rule, words] of Object.entries(RULE_LABELS))
      assert.equal(CATALOGUES.en[`rule.${rule}` as MessageKey], words);
  });

  it('every command has its usage and description in the catalogue, the English as the registry says it', () => {
    for (const c of COMMANDS) {
      assert.equal(CATALOGUES.en[`command.${c.name}.usage` as MessageKey], c.usage, c.name);
      assert.equal(CATALOGUES.en[`command.${c.name}.description` as MessageKey], c.description, c.name);
    }
  });
});
