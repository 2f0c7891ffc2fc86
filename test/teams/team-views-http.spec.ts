import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { listDue } from '../../src/app/list-due.js';
import { parseDueWindow } from '../../src/domain/due-window.js';
import { validateCard } from '../../tools/card-validation.js';
import { MESSAGE_LIMIT_BYTES, utf16Bytes } from '../../src/teams/message-size.js';
import type { StaffDoc } from '../../src/store/documents.js';
import { messageActivity, type Sender } from '../helpers/activities.js';
import { cardOf, startHarness, type Harness } from '../helpers/bot-harness.js';
import { plainText } from '../../src/teams/markdown.js';
import { alex, catrin, sian } from '../helpers/people.js';

// Issue 12, "team views fit Teams": long lists come 20 rows a page with Previous/Next buttons that
// replace the card in place (Action.Execute `list.page`); the whole service's /due is summarised per
// IRO (most overdue first) with a button for each IRO's own list; /caseload team pages its IROs and
// /actions its items. The buttons carry only a cursor, and clicking re-runs the access-checked query.
//
// Wed 25 Nov 2026. Alex (iro-1) has 30 overdue children (looked after in spring, never reviewed) and
// 15 due this week (last review late May: 6 months later is 25–29 Nov); 24 more IROs have one
// overdue child each.
const NOW = '2026-11-25T09:00:00Z';
const base = JSON.parse(fs.readFileSync(path.join(__dirname, '../fixtures/http/small-service.json'), 'utf8'));
const addDays = (iso: string, n: number) =>
  new Date(Date.parse(`${iso}T00:00:00Z`) + n * 86400000).toISOString().slice(0, 10);
const child = (ref: string, iroId: string, extra: object) => ({
  ref,
  givenName: 'Kid',
  familyName: ref,
  legalStatus: 'care-order',
  track: 'cla',
  iroId,
  socialWorkerId: 'sw-1',
  socialWorkTeam: 'north',
  ...extra,
});
const overdueChild = (ref: string, iroId: string, i: number) =>
  child(ref, iroId, { events: [{ type: 'became-looked-after', date: addDays('2026-03-02', i) }] });
const dueChild = (ref: string, i: number) =>
  child(ref, 'iro-1', {
    events: [{ type: 'became-looked-after', date: '2025-10-01' }],
    reviews: [
      { id: `${ref}-1`, heldOn: '2025-10-20' },
      { id: `${ref}-2`, heldOn: '2026-01-15' },
      { id: `${ref}-3`, heldOn: addDays('2026-05-25', i % 5) },
    ],
  });
const extraIros = Array.from({ length: 24 }, (_, i) => ({
  id: `iro-x${String(i + 1).padStart(2, '0')}`,
  name: `Extra IRO ${i + 1}`,
  roles: ['iro'],
  fte: 1,
}));
const fixture = {
  ...base,
  staff: [...base.staff, ...extraIros],
  children: [
    ...Array.from({ length: 30 }, (_, i) => overdueChild(`A${100 + i}`, 'iro-1', i)),
    ...Array.from({ length: 15 }, (_, i) => dueChild(`B${100 + i}`, i)),
    ...extraIros.map((s, i) => overdueChild(`X${100 + i}`, s.id, i)),
  ],
};
const rhian: Sender = { id: '29:rhian', name: 'Rhian Pritchard', aadObjectId: '00000000-0000-0000-0000-0000000000a2' };

describe('team views: summaries and paging that fit Teams (over HTTP)', function () {
  this.timeout(60000);
  let h: Harness;
  let seq = 0;
  before(async () => {
    h = await startHarness({ env: { IRO_NOW: NOW }, importDoc: fixture });
  });
  after(async () => h?.stop());

  const ask = async (from: Sender, text: string) => {
    const reply = await h.ask(messageActivity(h.connector.url, from, text));
    assert.ok(utf16Bytes(reply.body) <= MESSAGE_LIMIT_BYTES);
    return cardOf(reply);
  };
  /** A button click as Teams sends it; the card that replaces it, or the text answer. */
  const click = async (
    from: Sender,
    verb: string,
    data: unknown,
  ): Promise<{ card: any; text: string; message?: string }> => {
    const res = await h.post({
      ...messageActivity(h.connector.url, from, ''),
      id: `click-${++seq}`,
      type: 'invoke',
      name: 'adaptiveCard/action',
      text: undefined,
      value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' },
    });
    assert.equal(res.status, 200, res.body);
    assert.ok(res.body.length * 2 <= MESSAGE_LIMIT_BYTES);
    const body = JSON.parse(res.body);
    if (body.type !== 'application/vnd.microsoft.card.adaptive')
      return { card: null, text: '', message: String(body.value) };
    return { ...cardOf({ body: { attachments: [{ content: body.value }] } } as never), message: undefined };
  };
  const buttons = (card: any): { title: string; verb: string; data: any }[] => {
    const out: { title: string; verb: string; data: any }[] = [];
    const walk = (n: any): void => {
      if (Array.isArray(n)) n.forEach(walk);
      else if (n && typeof n === 'object') {
        if (n.type === 'Action.Execute') out.push(n);
        else Object.values(n).forEach(walk);
      }
    };
    walk(card);
    return out;
  };
  const rowRefs = (text: string) => [...text.matchAll(/^([ABX]\d{3}) · /gm)].map((m) => m[1]);

  it('/due this week with 45 rows: 20 a page, overdue first then by due date, Next/Previous re-run the same query; every row once', async () => {
    const first = await ask(alex, '/due this week');
    assert.deepEqual(validateCard(first.card), []);
    assert.match(first.text, /Overdue \(30\)/);
    assert.doesNotMatch(first.text, /Due this week \(/, 'page 1 holds overdue rows only');
    assert.match(first.text, /Showing 1–20 of 45 reviews/);
    const pages = [rowRefs(first.text)];
    let card = first.card;
    assert.deepEqual(
      buttons(card)
        .filter((b) => b.verb === 'list.page')
        .map((b) => b.title),
      ['Next 20'],
    );
    for (;;) {
      const next = buttons(card).find((b) => b.title.startsWith('Next'));
      if (!next) break;
      // The cursor only: which list, whose, the window and the page; never child data.
      assert.deepEqual(Object.keys(next.data).sort(), ['list', 'page', 'scope', 'window']);
      assert.doesNotMatch(JSON.stringify(next.data), /Kid|A1\d\d|B1\d\d/);
      const answer = await click(alex, next.verb, next.data);
      assert.equal(answer.message, undefined, answer.message);
      assert.deepEqual(validateCard(answer.card), []);
      pages.push(rowRefs(answer.text));
      card = answer.card;
    }
    assert.deepEqual(
      pages.map((p) => p.length),
      [20, 20, 5],
    );
    assert.match(cardOf({ body: { attachments: [{ content: card }] } } as never).text, /Showing 41–45 of 45 reviews/);
    assert.deepEqual(
      buttons(card)
        .filter((b) => b.verb === 'list.page')
        .map((b) => b.title),
      ['Previous 20'],
    );
    // Every row exactly once, in the order of the whole list (overdue first, then by due date).
    const actor = (await h.bot.deps.staff.get('iro-1')) as StaffDoc;
    const all = await listDue(h.bot.deps, actor, parseDueWindow('this week', '2026-11-25'), { kind: 'default' });
    assert.deepEqual(
      pages.flat(),
      [...all.listing.overdue, ...all.listing.due].map((s) => s.child.ref),
    );
    // Page 2 holds the last 10 overdue and the first 10 due this week, under their whole-list headings.
    const back = await click(alex, 'list.page', buttons(card).find((b) => b.verb === 'list.page')!.data);
    assert.match(back.text, /Overdue \(30\)[\s\S]*Due this week \(15\)/);
    assert.match(back.text, /Showing 21–40 of 45 reviews/);
  });

  it('/due this week team: one row per IRO with counts, most overdue first, 20 IROs a page, and "Show list" for each', async () => {
    const { card, text } = await ask(sian, '/due this week team');
    assert.deepEqual(validateCard(card), []);
    const actor = (await h.bot.deps.staff.get('bs-1')) as StaffDoc;
    const all = await listDue(h.bot.deps, actor, parseDueWindow('this week', '2026-11-25'), { kind: 'team' });
    const rows = all.listing.overdue.length + all.listing.due.length;
    assert.ok(rows >= 45 + 24, `${rows} rows`);
    const iros = new Set([...all.listing.overdue, ...all.listing.due].map((s) => s.child.iroId)).size;
    assert.match(text, new RegExp(`Team view: ${rows} reviews due this week across ${iros} IROs`));
    assert.match(text, /Alex Wilber\n30 overdue · 15 due · 45 not booked/, 'Alex (most overdue) first');
    assert.doesNotMatch(text, /Kid /, 'no child rows in the team view');
    assert.match(text, new RegExp(`Showing 1–20 of ${iros} IROs`));
    const show = buttons(card).filter((b) => b.title === 'Show list');
    assert.equal(show.length, 20);
    const alexList = await click(sian, 'list.page', show[0]!.data);
    assert.match(alexList.text, /Alex Wilber's children · 45 reviews/);
    assert.equal(rowRefs(alexList.text).length, 20);
    const next = await click(sian, 'list.page', buttons(card).find((b) => b.title.startsWith('Next'))!.data);
    assert.match(next.text, new RegExp(`Showing 21–${iros} of ${iros} IROs`));
  });

  it("the cursor is checked like the command: an IRO cannot page the team view or another IRO's list; a forged page is refused; nothing changes", async () => {
    const refusal = (
      await click(alex, 'list.page', { list: 'due', scope: 'person:nobody', window: 'this week', page: 0 })
    ).message;
    assert.ok(refusal);
    for (const [who, data] of [
      [alex, { list: 'due', scope: 'team', window: 'this week', page: 0 }],
      [rhian, { list: 'due', scope: 'person:iro-1', window: 'this week', page: 0 }],
      [rhian, { list: 'caseload', scope: 'team', window: '', page: 0 }],
      [alex, { list: 'actions', scope: 'person:bs-1', window: '', page: 0 }],
      [alex, { list: 'due', scope: 'own', window: 'this week', page: -1 }],
      [alex, { list: 'due', scope: 'own', window: 'this week', page: 1.5 }],
      [alex, { list: 'due', scope: 'own', window: 'x'.repeat(61), page: 0 }],
      [alex, { list: 'children', scope: 'own', window: '', page: 0 }],
    ] as [Sender, object][]) {
      const answer = await click(who, 'list.page', data);
      assert.equal(answer.card, null, JSON.stringify(data));
      assert.equal(answer.message, refusal, `one answer for every list one may not see: ${JSON.stringify(data)}`);
    }
    // A window the parser refuses, and a page past the end: clear answers, not cards.
    assert.match(
      (await click(alex, 'list.page', { list: 'due', scope: 'own', window: 'bananas', page: 0 })).message ?? '',
      /can't read "bananas" as a window/,
    );
    assert.match(
      (await click(alex, 'list.page', { list: 'due', scope: 'own', window: 'this week', page: 3 })).message ?? '',
      /this list has changed/i,
    );
  });

  it('/caseload team pages its IROs (totals count all of them); /actions pages its items', async () => {
    const { card, text } = await ask(catrin, '/caseload team');
    assert.deepEqual(validateCard(card), []);
    assert.match(text, /26 IROs · /);
    assert.match(text, /Showing 1–20 of 26 IROs/);
    const next = await click(catrin, 'list.page', buttons(card).find((b) => b.title === 'Next 6')!.data);
    assert.match(next.text, /Showing 21–26 of 26 IROs/);
    assert.match(next.text, /Extra IRO/);
    const actions = await ask(alex, '/actions');
    const m = /Showing 1–20 of (\d+) items/.exec(actions.text);
    assert.ok(m, actions.text.slice(0, 300));
    const more = await click(alex, 'list.page', buttons(actions.card).find((b) => b.title.startsWith('Next'))!.data);
    assert.match(more.text, /Showing 21–/);
    assert.ok(plainText(more.text).length > 0);
  });
});
