import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { runImport } from '../../src/app/import/run-import.js';
import type { Sender } from '../helpers/activities.js';
import { startHarness, type Harness } from '../helpers/bot-harness.js';
import { askCard, invokeText } from '../helpers/card-turns.js';
import { alex, catrin, dafydd, owen, sian } from '../helpers/people.js';

// /notify over HTTP with the real adapter (issue 14): the form, the card verb that records the event
// through updateChild, the next review recomputed at once, the IRO's 1:1 card queued once, forged and
// foreign submissions refused with nothing changed, and the IRO bringing a review forward.
//
// Thu 17 Dec 2026. C1001 (iro-1, sw-1): looked after 1 Jun 2026, reviews 25 Jun and 20 Sep → W39.3 due Sat 20 Mar 2027.
const NOW = '2026-12-17T10:00:00Z';
const base = JSON.parse(fs.readFileSync(path.join(__dirname, '../fixtures/http/small-service.json'), 'utf8'));
const fixture = {
  ...base,
  children: [
    ...base.children,
    {
      ref: 'C1001',
      givenName: 'Dewi',
      familyName: 'Evans',
      track: 'cla',
      iroId: 'iro-1',
      socialWorkerId: 'sw-1',
      socialWorkTeam: 'north',
      events: [{ type: 'became-looked-after', date: '2026-06-01' }],
      reviews: [
        { id: 'C1001-1', heldOn: '2026-06-25', recordDistributedOn: '2026-06-30' },
        { id: 'C1001-2', heldOn: '2026-09-20', recordDistributedOn: '2026-09-25' },
      ],
    },
  ],
};
const rhian: Sender = { id: '29:rhian', name: 'Rhian Pritchard', aadObjectId: '00000000-0000-0000-0000-0000000000a2' };

describe('/notify over HTTP: events that change timescales, bringing a review forward (issue 14)', function () {
  this.timeout(60000);
  let h: Harness;

  before(async () => {
    h = await startHarness({ env: { IRO_NOW: NOW } });
    await runImport(h.bot.store, fixture, { sourceName: 'test', now: new Date(NOW) });
  });
  after(async () => h?.stop());

  const ask = (from: Sender, text: string) => askCard(h, from, text);
  const invoke = (from: Sender, verb: string, data: Record<string, unknown>) => invokeText(h, from, verb, data);
  const child = async () => (await h.bot.deps.children.get('C1001'))!;
  const ivoCards = async () => ((await child()).pending ?? []).filter((p) => p.message.type === 'timescale-changed');

  it('the social worker opens the form: every event of the vocabulary, today at most', async () => {
    const { card, text } = await ask(dafydd, '/notify C1001');
    assert.match(text, /Notify an event · C1001/);
    const choice = JSON.stringify(card);
    for (const e of [
      'became-looked-after',
      'unplanned-placement-change',
      'placed-for-adoption',
      'short-breaks-started',
    ])
      assert.ok(choice.includes(e), e);
    assert.ok(card.actions.some((a: { verb: string }) => a.verb === 'notify.event'));
  });

  it('refused for who may not notify and for a child not theirs, nothing changed', async () => {
    const before = await child();
    assert.match(
      await invoke(catrin, 'notify.event', { ref: 'C1001', type: 'unplanned-placement-change', date: '2026-12-17' }),
      /social worker, its IRO or business support/,
    );
    assert.match(
      await invoke(owen, 'notify.event', { ref: 'C1001', type: 'unplanned-placement-change', date: '2026-12-17' }),
      /social worker, its IRO or business support/,
    );
    assert.match(
      await invoke(rhian, 'notify.event', { ref: 'C1001', type: 'unplanned-placement-change', date: '2026-12-17' }),
      /can't find that case/,
    );
    // Forged fields: an operator for a date, an unknown event, a future date, the bring-forward event through the event verb.
    for (const data of [
      { type: 'unplanned-placement-change', date: { $gt: '' } },
      { type: 'moved-house', date: '2026-12-17' },
      { type: 'unplanned-placement-change', date: '2026-12-18' },
      { type: 'review-brought-forward', date: '2026-12-17', dueBy: '2026-12-20', reason: 'safety' },
    ])
      assert.doesNotMatch(await invoke(dafydd, 'notify.event', { ref: 'C1001', ...data }), /^Recorded/);
    const after = await child();
    assert.equal(after.version, before.version);
    assert.deepEqual(after.events, before.events);
    assert.equal((after.pending ?? []).length, (before.pending ?? []).length);
  });

  it('an unplanned move: recorded with who, next review UPC 14 Jan 2027 at once, the IRO card queued once', async () => {
    const data = { ref: 'C1001', type: 'unplanned-placement-change', date: '2026-12-17' };
    const text = await invoke(dafydd, 'notify.event', data);
    assert.match(text, /C1001's next review is now due by Thu 14 Jan 2027 — UPC: 28 days after/);
    const c = await child();
    assert.deepEqual(c.events.at(-1), { type: 'unplanned-placement-change', date: '2026-12-17', source: 'bot' });
    const entry = c.history.at(-1)!;
    assert.equal(entry.action, 'event.notified');
    assert.equal(entry.by.id, 'sw-1');
    assert.deepEqual(entry.before, { dueBy: '2027-03-20', rule: 'W39.3' });
    const cards = await ivoCards();
    assert.equal(cards.length, 1);
    assert.deepEqual(cards[0]!.to, { kind: 'personal', staffId: 'iro-1' });
    assert.match(String(cards[0]!.message.data.text), /due by Thu 14 Jan 2027 — UPC/);
    // The second click: already recorded, no second card, nothing written.
    assert.match(await invoke(dafydd, 'notify.event', data), /Already recorded/);
    assert.equal((await ivoCards()).length, 1);
    assert.equal((await child()).version, c.version);
    // /case shows the new due date and rule at once.
    assert.match((await ask(alex, '/case C1001')).text, /14 Jan 2027[\s\S]*UPC|UPC[\s\S]*14 Jan 2027/);
  });

  it('/case offers the child\'s IRO "Bring review forward", which opens the form; nobody else gets it', async () => {
    const verbs = (card: { actions?: { verb: string; data?: Record<string, unknown> }[] }) =>
      (card.actions ?? []).map((x) => x.verb);
    const iroCase = await ask(alex, '/case C1001');
    const button = iroCase.card.actions.find((x: { verb: string }) => x.verb === 'notify.form');
    assert.ok(button, JSON.stringify(verbs(iroCase.card)));
    assert.match(JSON.stringify(button), /Bring review forward/);
    assert.deepEqual(button.data, { ref: 'C1001', mode: 'forward' });
    assert.ok(!verbs((await ask(dafydd, '/case C1001')).card).includes('notify.form'));
    assert.match(await invoke(alex, 'notify.form', { ref: 'C1001', mode: 'forward' }), /Bring .*forward · C1001/i);
    assert.match(await invoke(dafydd, 'notify.form', { ref: 'C1001', mode: 'forward' }), /only C1001's IRO/i);
    assert.match(
      await invoke(alex, 'notify.form', { ref: 'C1001', mode: 'delete' }),
      /out of date|not valid|nothing was/i,
    );
  });

  it('bringing forward: only the IRO, to an earlier date, with a reason; FWD recorded', async () => {
    const before = await child();
    assert.match(
      await invoke(sian, 'notify.bring-forward', { ref: 'C1001', dueBy: '2027-01-05', reason: 'safety' }),
      /only C1001's IRO/i,
    );
    assert.match(
      await invoke(alex, 'notify.bring-forward', { ref: 'C1001', dueBy: '2027-02-01', reason: 'safety' }),
      /needs an earlier date/,
    );
    assert.match(
      await invoke(alex, 'notify.bring-forward', { ref: 'C1001', dueBy: '2027-01-05', reason: 'whim' }),
      /choose a reason/i,
    );
    assert.equal((await child()).version, before.version);
    const { card } = await ask(alex, '/notify C1001 forward');
    assert.ok(card.actions.some((a: { verb: string }) => a.verb === 'notify.bring-forward'));
    const text = await invoke(alex, 'notify.bring-forward', {
      ref: 'C1001',
      dueBy: '2027-01-05',
      reason: 'safety',
      note: 'placement at risk',
    });
    assert.match(text, /due by Tue 5 Jan 2027 — FWD/);
    const c = await child();
    assert.deepEqual(c.events.at(-1), {
      type: 'review-brought-forward',
      date: '2026-12-17',
      dueBy: '2027-01-05',
      reason: 'safety',
      source: 'bot',
    });
    assert.equal(c.history.at(-1)!.by.id, 'iro-1');
    assert.equal((await ivoCards()).length, 1, 'the IRO did it: no card to themselves');
  });

  it('correcting: the date of an event notified from Teams corrected, the history keeps both; stale and imported events refused', async () => {
    const { card } = await ask(sian, '/notify C1001 correct');
    assert.ok(JSON.stringify(card).includes('1|unplanned-placement-change|2026-12-17'));
    assert.ok(
      !JSON.stringify(card).includes('0|became-looked-after'),
      'imported events are corrected in the case system',
    );
    const before = await child();
    const refusedImported = await invoke(sian, 'notify.correct', {
      ref: 'C1001',
      event: '0|became-looked-after|2026-06-01',
      newDate: '2026-06-02',
      reason: 'typo',
    });
    assert.match(refusedImported, /case system/);
    assert.match(
      await invoke(sian, 'notify.correct', {
        ref: 'C1001',
        event: '1|unplanned-placement-change|2026-12-16',
        newDate: '2026-12-10',
        reason: 'x',
      }),
      /no longer recorded/,
    );
    assert.equal((await child()).version, before.version);
    const text = await invoke(sian, 'notify.correct', {
      ref: 'C1001',
      event: '1|unplanned-placement-change|2026-12-17',
      newDate: '2026-12-10',
      withdraw: 'false',
      reason: 'the move was on the 10th',
    });
    assert.match(text, /Corrected: unplanned placement change/);
    const c = await child();
    assert.deepEqual(c.events[1], { type: 'unplanned-placement-change', date: '2026-12-10', source: 'bot' });
    const entries = c.history.filter((e) => e.action.startsWith('event.'));
    assert.deepEqual(
      entries.map((e) => e.action),
      ['event.notified', 'event.notified', 'event.corrected'],
    );
    assert.deepEqual((entries[2]!.before as { date: string }).date, '2026-12-17');
    assert.deepEqual((entries[2]!.after as { date: string }).date, '2026-12-10');
    assert.equal(entries[2]!.by.id, 'bs-1');
    assert.equal((await ivoCards()).length, 2, 'the IRO is told of the correction');
  });

  it('/case shows the newest events with who and when, corrections keeping the old date; "Show the whole timeline" pages through all', async () => {
    const { card, text } = await ask(alex, '/case C1001');
    // Newest first (the clock is fixed: the three records of 17 Dec share one instant): the correction (by
    // business support), the bring-forward (by the IRO), then the move on its corrected date (by the social worker).
    assert.match(
      text,
      /Thu 17 Dec 2026\nUnplanned change of placement: date corrected from Thu 17 Dec 2026\. Why: the move was on the 10th\nSian Howells, Thu 17 Dec 2026 10:00/,
    );
    assert.match(
      text,
      /Events\nThu 17 Dec 2026\nReview brought forward: due by Tue 5 Jan 2027\nAlex Wilber, Thu 17 Dec 2026 10:00/,
    );
    assert.match(
      text,
      /Thu 10 Dec 2026\nUnplanned change of placement\nDafydd Thomas, Thu 17 Dec 2026 10:00\nShow the whole/,
    );
    const showAll = JSON.stringify(card).match(
      /"title":"(Show the whole timeline \((\d+) entries\))","verb":"case\.timeline","data":\{"ref":"C1001","page":"0"\}/,
    );
    assert.ok(showAll, 'the Show-all button');
    // Move (10 Dec), bring-forward, became looked after, two reviews held, the correction: 6.
    assert.equal(showAll[2], '6');
    const all = await invoke(alex, 'case.timeline', { ref: 'C1001', page: '0' });
    assert.match(all, /Timeline · C1001 · Dewi Evans\nPage 1 of 1 · 6 entries, newest first/);
    assert.match(all, /Thu 10 Dec 2026\nUnplanned change of placement\nDafydd Thomas, Thu 17 Dec 2026 10:00/);
    assert.match(all, /Mon 1 Jun 2026\nBecame looked after\nCase system/);
    assert.match(all, /Sun 20 Sep 2026\nReview 2 held/);
    // Someone who may not see the child gets the loader's one answer; a forged page is refused.
    assert.match(await invoke(rhian, 'case.timeline', { ref: 'C1001', page: '0' }), /can't find that case/);
    assert.match(await invoke(alex, 'case.timeline', { ref: 'C1001', page: { $gt: 0 } }), /out of date/);
  });

  it('an event that does not fit the history is refused in Welsh for a Welsh reader, naming what is impossible (issue 13)', async () => {
    const before = await child();
    await ask(dafydd, '/iaith cymraeg');
    try {
      const text = await invoke(dafydd, 'notify.event', {
        ref: 'C1001',
        type: 'became-looked-after',
        date: '2026-07-01',
      });
      const refusal = text.split('\n').find((line) => line.includes('Plentyn C1001')) ?? text;
      assert.equal(
        refusal,
        "Dydy'r digwyddiad hwnnw ddim yn cyd-fynd â hanes C1001. Plentyn C1001: dechreuodd dderbyn gofal ar Mer 1 Gor 2026, ond dechreuodd y plentyn dderbyn gofal ar Llun 1 Meh 2026 ac nid yw wedi peidio â derbyn gofal ers hynny.",
      );
      assert.match(text, /Doeddwn i ddim yn deall hynny/);
      assert.doesNotMatch(text, /couldn't follow|does not fit|history/);
      assert.equal((await child()).version, before.version, 'nothing changed');
    } finally {
      await ask(dafydd, '/language english');
    }
  });
});
