import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { createClock } from '../../src/clock.js';
import { validateCard } from '../../tools/card-validation.js';
import { messageActivity, mentionActivity, type Sender } from '../helpers/activities.js';
import { cardOf, startHarness, type Harness } from '../helpers/bot-harness.js';
import type { ReceivedActivity } from '../helpers/fake-connector.js';
import { admin as tomos, alex, dafydd, owen } from '../helpers/people.js';

// Issue 13: a person who chose Welsh reads the resolution card in Welsh, whatever the card's buttons do;
// the English words of the card are nowhere in it (names and typed text aside).
const fixture = JSON.parse(fs.readFileSync(path.join(__dirname, '../fixtures/http/small-service.json'), 'utf8'));
const staff = [
  ...fixture.staff,
  { id: 'admin-1', name: 'Tomos Bevan', roles: ['admin'], aadObjectId: '00000000-0000-0000-0000-0000000000ad' },
];
const CHANNEL = '19:channel@thread.tacv2';
// A stage is the catalogue's Welsh name (or the council's own Welsh), never the English wording.
const ENGLISH_WORDS =
  /Acknowledge|Respond|Resolution |Raised|raised|Theme|Timeline|Escalate|Awaiting|Stage \d| by [A-Z][a-z]{2} \d/;

describe('the resolution card for a Welsh reader, over HTTP (issue 13)', function () {
  this.timeout(60000);
  let h: Harness;

  before(async () => {
    h = await startHarness({ env: { IRO_NOW: '2026-08-28T08:00:00Z' }, importDoc: { ...fixture, staff }, jobs: true });
    for (const who of [alex, dafydd, owen]) await h.ask(messageActivity(h.connector.url, who, '/help'));
    for (const who of [alex, dafydd])
      assert.match(
        cardOf(await h.ask(messageActivity(h.connector.url, who, '/iaith cymraeg'))).text,
        /Byddaf yn ysgrifennu atoch chi yn Gymraeg/,
      );
    await h.ask(mentionActivity(h.connector.url, tomos, '/setup social-work-channel north'));
  });
  after(async () => h?.stop());

  async function invoke(from: Sender, verb: string, data: Record<string, unknown>, channel = false) {
    const base = messageActivity(h.connector.url, from, '', { conversationType: channel ? 'channel' : 'personal' });
    const res = await h.post({
      ...base,
      type: 'invoke',
      name: 'adaptiveCard/action',
      text: undefined,
      ...(channel ? { channelData: { ...base.channelData, team: { id: '19:team' }, channel: { id: CHANNEL } } } : {}),
      value: { action: { type: 'Action.Execute', verb, data } },
    });
    assert.equal(res.status, 200, res.body);
    const body = JSON.parse(res.body) as { type: string; value: unknown };
    assert.equal(body.type, 'application/vnd.microsoft.card.adaptive', res.body);
    const card = body.value as Record<string, unknown>;
    assert.deepEqual(validateCard(card), []);
    return { card, text: cardOf({ body: { attachments: [{ content: card }] } } as ReceivedActivity).text };
  }

  it('raise (the IRO) and acknowledge (the social worker): status, facts, timeline and buttons in Welsh', async () => {
    const raised = await invoke(alex, 'resolution.raise', {
      ref: 'C100',
      theme: 'care-planning',
      stage: '1',
      summary: 'The care plan has not been updated since the placement move.',
      ask: 'An updated care plan',
      askBy: '2026-09-11',
    });
    assert.match(raised.text, /Mater i'w ddatrys C100-RES1/);
    assert.match(raised.text, /Yn aros am gydnabyddiaeth erbyn Mer 2 Med 2026/);
    assert.match(raised.text, /Cam 1 \(ffurfiol\)/);
    assert.match(raised.text, /Codwyd fel Cam 1 \(ffurfiol\) gan Alex Wilber/);
    // Typed text stays as typed.
    assert.match(raised.text, /The care plan has not been updated/);
    const words = raised.text.replace(
      /The care plan has not been updated since the placement move\.|An updated care plan/g,
      '',
    );
    assert.doesNotMatch(words, ENGLISH_WORDS);

    h.bot.deps.clock = createClock(new Date('2026-09-01T09:15:00Z'));
    const ack = await invoke(dafydd, 'resolution.acknowledge', { ref: 'C100', id: 'C100-RES1', stage: '1' }, true);
    assert.match(ack.text, /Cydnabuwyd gan Dafydd Thomas am Maw 1 Med 2026 10:15/);
    assert.match(ack.text, /Cydnabuwyd gan Dafydd Thomas\n/);
    assert.match(JSON.stringify(ack.card), /"title":"Ymateb"/, 'the Respond button, in Welsh');
    assert.match(JSON.stringify(ack.card), /"label":"Eich ymateb"/);
    const ackWords = ack.text.replace(
      /The care plan has not been updated since the placement move\.|An updated care plan/g,
      '',
    );
    assert.doesNotMatch(ackWords, ENGLISH_WORDS);
  });

  it('a reminder the sweeper queued in English is delivered in Welsh to a reader who chose Welsh meanwhile', async () => {
    h.bot.deps.clock = createClock(new Date('2026-08-28T08:00:00Z')); // Fri 28 Aug
    await invoke(alex, 'resolution.raise', {
      ref: 'C101',
      theme: 'care-planning',
      stage: '1',
      summary: 'Contact arrangements have not been reviewed.',
      ask: 'A contact review',
      askBy: '',
    });
    // Dafydd reads English when the sweeper queues the reminder; the sender is held meanwhile.
    await h.ask(messageActivity(h.connector.url, dafydd, '/language english'));
    await h.bot.jobs!.sender.stop();
    h.bot.deps.clock = createClock(new Date('2026-09-03T09:00:00Z')); // Thu 3 Sep: not acknowledged
    const key = 'resolution:C101-RES1:stage:1:ack-overdue:sw-1';
    const swept = await h.bot.jobs!.sweeper.sweepOnce();
    assert.ok(swept.enqueuedKeys.includes(key), swept.enqueuedKeys.join(', '));
    const queued = (await h.bot.deps.outbox.get(key))!;
    assert.match(JSON.stringify(queued.activity), /Reminder: please acknowledge this resolution/);
    assert.equal(queued.render?.kind, 'resolution-reminder');

    // He chooses Welsh before it goes: it is written again at delivery, in Welsh.
    await h.ask(messageActivity(h.connector.url, dafydd, '/iaith cymraeg'));
    await h.bot.jobs!.sender.runOnce();
    const sent = h.connector.received.find((a) => a.key === key);
    assert.ok(sent, 'delivered');
    const { text } = cardOf(sent);
    assert.match(
      text,
      /Nodyn atgoffa: cydnabyddwch y mater hwn os gwelwch yn dda — roedd yn ddyledus erbyn Mer 2 Med 2026/,
    );
    assert.doesNotMatch(
      text.replace(/Contact arrangements have not been reviewed\.|A contact review/g, ''),
      ENGLISH_WORDS,
    );
    h.bot.jobs!.sender.start();
  });
});
