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
import { CATALOGUES, translator, type MessageKey } from '../../src/teams/i18n/translate.js';
import { CODE_LABELS } from '../../src/teams/presenters/labels.js';
import { RULE_LABELS } from '../../src/domain/timescales.js';
import { DUTIES, DUTY_IDS } from '../../src/domain/liaison.js';
import { EVENT_LABELS } from '../../src/domain/events.js';
import { STANDARD_VENUES } from '../../src/app/booking/book-review.js';
import { venueLabel } from '../../src/teams/presenters/booking.js';
import { dutyTitle } from '../../src/teams/cards/liaison.js';

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

/** What Teams shows of a card: its words, and a fact's value; an input's or a choice's value is data. */
function shownText(card: unknown): string {
  const out: string[] = [];
  const shown = new Set(['text', 'title', 'label', 'placeholder', 'errorMessage', 'altText', 'fallbackText']);
  const walk = (node: unknown, inFacts: boolean): void => {
    if (Array.isArray(node)) node.forEach((n) => walk(n, inFacts));
    else if (node !== null && typeof node === 'object') {
      for (const [key, value] of Object.entries(node)) {
        if (typeof value === 'string' && (shown.has(key) || (inFacts && key === 'value'))) out.push(value);
        else walk(value, key === 'facts');
      }
    }
  };
  walk(card, false);
  return out.join('\n');
}

describe('cards in the reader’s language (issue 13)', function () {
  this.timeout(60000);
  let h: Harness;
  before(async () => {
    h = await startHarness({ env: { IRO_NOW: NOW }, importDoc: fixture });
  });
  after(async () => h?.stop());

  // Alex's Teams client is Welsh (cy-GB); Catrin chose Welsh with /iaith.
  const ask = async (from: Sender, text: string, locale = 'cy-GB') => {
    const { card } = cardOf(await h.ask({ ...messageActivity(h.connector.url, from, text), locale }));
    return { card: card as unknown, text: shownText(card) };
  };
  const fragments = englishOnlyFragments().map(({ key, fragment }) => ({
    key,
    fragment,
    pattern: new RegExp(`(^|[^A-Za-z])${fragment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}([^A-Za-z]|$)`),
  }));
  // A command name after its slash is what a person types ("/resolutions" has no Welsh name), not prose; a
  // line that is a code ("child-or-carer-ill", "iro-1") is an input's or a choice's value, never shown.
  const english = (text: string) => {
    const prose = text
      .split('\n')
      .filter((line) => !/^[a-z0-9]+(?:[-_.|:][a-z0-9]+)*$/.test(line))
      .join('\n')
      .replace(/\/[a-z-]+/g, ' ');
    return fragments.filter(({ pattern }) => pattern.test(prose)).map(({ key }) => key);
  };
  it('finds English catalogue words when they are there (the check can fail)', async () => {
    const due = await ask(catrin, '/due', 'en-GB');
    assert.ok(english(due.text).includes('due.title.window'), 'an English /due card shows catalogue English');
    assert.match((await ask(catrin, '/iaith cymraeg', 'en-GB')).text, /Byddaf yn ysgrifennu atoch chi yn Gymraeg/);
  });

  /** A click on a card (Action.Execute), from a Welsh Teams client: the card or message it answers with. */
  async function click(from: Sender, verb: string, data: Record<string, unknown>) {
    const res = await h.post({
      ...messageActivity(h.connector.url, from, ''),
      locale: 'cy-GB',
      type: 'invoke',
      name: 'adaptiveCard/action',
      text: undefined,
      value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' },
    });
    assert.equal(res.status, 200, res.body);
    const body = JSON.parse(res.body) as { type: string; value: unknown };
    return body.type === 'application/vnd.microsoft.card.adaptive' ? shownText(body.value) : String(body.value);
  }

  it('a Welsh reader’s clicks answer in Welsh: the Book button’s form, then a booking that needs approval', async () => {
    const form = await click(alex, 'review.book.form', { ref: 'C100' });
    assert.match(form, /Trefnu adolygiad · C100/);
    assert.deepEqual(english(form), [], form);
    const sent = await click(alex, 'review.book', {
      ref: 'C100',
      date: '2027-01-20',
      time: '10:00',
      venue: 'Placement',
      invitees: '',
      reason: 'sw-unavailable',
      text: 'Gweithiwr cymdeithasol ar wyliau',
    });
    assert.match(sent, /Wedi'i anfon i'w gymeradwyo · C100/);
    assert.deepEqual(english(sent), [], sent);
  });

  it('a Welsh reader’s "next page" click on a long list answers in Welsh', async () => {
    const page = await click(catrin, 'list.page', { list: 'due', scope: 'team', window: 'next 60 days', page: 0 });
    assert.match(page, /Adolygiadau sy'n ddyledus yn ystod y 60 diwrnod nesaf/);
    assert.deepEqual(english(page), [], page);
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
    [alex, '/resolutions all', /Materion i'w datrys/],
    [catrin, '/report', /Adolygiadau PDG a Gynhaliwyd o Fewn yr Amserlenni/],
    [alex, '/notify C100', /Rhoi gwybod am ddigwyddiad/],
    [alex, '/held C100', /Cofnodi adolygiad a gynhaliwyd/],
    [alex, '/book C100', /Trefnu adolygiad · C100/],
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

  it('every liaison duty has its title and action in the catalogue, the English as the domain and liaison card say it', () => {
    for (const duty of DUTY_IDS) {
      assert.equal(CATALOGUES.en[`duty.${duty}.title`], dutyTitle(duty), duty);
      assert.equal(CATALOGUES.en[`duty.${duty}.action`], DUTIES[duty].action, duty);
    }
  });

  it('every event and standard venue has its words in the catalogue, the English as the domain and the app say them', () => {
    for (const [type, words] of Object.entries(EVENT_LABELS))
      assert.equal(CATALOGUES.en[`event.${type}` as MessageKey], words);
    for (const venue of STANDARD_VENUES) {
      assert.equal(venueLabel(venue, translator('en')), venue);
      assert.notEqual(venueLabel(venue, translator('cy')), venue, venue);
    }
  });

  it('every command has its usage and description in the catalogue, the English as the registry says it', () => {
    for (const c of COMMANDS) {
      assert.equal(CATALOGUES.en[`command.${c.name}.usage` as MessageKey], c.usage, c.name);
      assert.equal(CATALOGUES.en[`command.${c.name}.description` as MessageKey], c.description, c.name);
    }
  });
});
