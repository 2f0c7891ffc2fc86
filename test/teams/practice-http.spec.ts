import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { messageActivity, type Sender } from '../helpers/activities.js';
import { startHarness, type Harness } from '../helpers/bot-harness.js';
import { askCard, invokeText } from '../helpers/card-turns.js';
import { alex, catrin, sian } from '../helpers/people.js';

// Issues 14 and 15's loose ends over HTTP with the real adapter: the reviews an IRO covers are in their
// /due and /actions while the cover is in force, and leave the absent IRO's /actions (CV1); an open
// participation checklist is an /actions item with a button to its card, and leaves once complete (PC5).
//
// Wed 25 Nov 2026. iro-1 (Alex) has C100 (due Thu 26 Nov, not booked), C101 (overdue) and C102 (booked
// Tue 1 Dec, checklist empty); iro-3 (Nia) covers C100 from today to Fri 4 Dec.
const NOW = '2026-11-25T09:00:00Z';
const base = JSON.parse(fs.readFileSync(path.join(__dirname, '../fixtures/http/small-service.json'), 'utf8'));
const nia: Sender = { id: '29:nia', name: 'Nia Roberts', aadObjectId: '00000000-0000-0000-0000-0000000000a3' };
const fixture = {
  ...base,
  staff: [
    ...base.staff,
    {
      id: 'iro-3',
      name: 'Nia Roberts',
      roles: ['iro'],
      team: 'reviewing',
      fte: 1,
      managerId: 'tm-1',
      aadObjectId: nia.aadObjectId,
    },
  ],
};
const ITEMS = [
  'child-consulted',
  'child-consultation-document',
  'carer-consultation-document',
  'parent-consultation-document',
  'advocacy-offered',
  'language-communication',
  'preferred-venue',
];

describe('cover and participation in /due and /actions over HTTP (issues 14, 15)', function () {
  this.timeout(60000);
  let h: Harness;

  before(async () => {
    h = await startHarness({ env: { IRO_NOW: NOW }, importDoc: fixture });
    const set = await invokeText(h, catrin, 'cover.set', {
      absentId: 'iro-1',
      from: '2026-11-25',
      to: '2026-12-04',
      'for-C100': 'iro-3',
    });
    assert.match(set, /C100: Nia Roberts/);
  });
  after(async () => h?.stop());

  const ask = (from: Sender, text: string) => askCard(h, from, text);

  it("CV1: the covering IRO's /due lists the review they cover, marked, with a Book button", async () => {
    const { card, text } = await ask(nia, '/due this week');
    assert.match(text, /C100 · Dylan Evans/);
    assert.match(text, /Covering for Alex Wilber, Wed 25 Nov 2026 to Fri 4 Dec 2026/);
    assert.doesNotMatch(text, /C101|C102/, 'only what she covers');
    assert.match(JSON.stringify(card), /"verb":"review\.book\.form","data":\{"ref":"C100"\}/);
    // The absent IRO still sees it (the child stays theirs), marked as covered.
    const own = (await ask(alex, '/due this week')).text;
    assert.match(own, /C100 · Dylan Evans[\s\S]*Covered by Nia Roberts, Wed 25 Nov 2026 to Fri 4 Dec 2026/);
  });

  it('CV1: the book item goes to the covering IRO while the cover is in force, and she may book it', async () => {
    const niaActions = (await ask(nia, '/actions')).text;
    assert.match(niaActions, /Book review · C100 · Dylan Evans\n.*\n.*\(covering for Alex Wilber\)/);
    const alexActions = (await ask(alex, '/actions')).text;
    assert.doesNotMatch(alexActions, /Book review · C100/, 'not the absent IRO’s to book meanwhile');
    assert.match(alexActions, /Record review decisions · C100/, 'what he chaired stays his');
    assert.match(alexActions, /C101/, 'his other overdue review stays his');
    const form = await invokeText(h, nia, 'review.book.form', { ref: 'C100' });
    assert.doesNotMatch(form, /only C100's IRO/i);
    assert.match(form, /C100/);
  });

  it('PC5: the booking card has a Participation checklist button; the covering IRO books the review she covers', async () => {
    const res = await h.post({
      ...messageActivity(h.connector.url, nia, ''),
      type: 'invoke',
      name: 'adaptiveCard/action',
      text: undefined,
      value: {
        action: {
          type: 'Action.Execute',
          verb: 'review.book',
          data: { ref: 'C100', date: '2026-11-26', time: '14:00', venue: 'Placement', invitees: 'child' },
        },
        trigger: 'manual',
      },
    });
    assert.equal(res.status, 200, res.body);
    const card = JSON.stringify(JSON.parse(res.body).value);
    assert.match(card, /Review booked/);
    assert.match(card, /"title":"Participation checklist","verb":"participation\.view","data":\{"ref":"C100"\}/);
    assert.equal((await h.bot.deps.children.get('C100'))!.history.at(-1)!.by.id, 'iro-3');
  });

  it('CV1: a covered review is booked against the covering IRO’s diary too (no double booking)', async () => {
    // Nia now chairs C100 on Thu 26 Nov at 14:00; she also covers Rhian's C103 from that day.
    const set = await invokeText(h, catrin, 'cover.set', {
      absentId: 'iro-2',
      from: '2026-11-26',
      to: '2026-12-04',
      'for-C103': 'iro-3',
    });
    assert.match(set, /C103: Nia Roberts/);
    const typed = { ref: 'C103', date: '2026-11-26', time: '14:00', venue: 'Placement', invitees: 'child' };
    assert.match(await invokeText(h, sian, 'review.book', typed), /already has a review at Thu 26 Nov 2026 14:00/);
    assert.deepEqual((await h.bot.deps.children.get('C103'))!.bookings, []);
    assert.match(await invokeText(h, sian, 'review.book', { ...typed, time: '10:00' }), /Review booked/);
  });

  it('PC2, CV1: the checklist of a covered review is the covering IRO’s to answer and chase, not the absent IRO’s', async () => {
    assert.match((await ask(nia, '/actions')).text, /Participation checklist · C100/);
    assert.doesNotMatch((await ask(alex, '/actions')).text, /Participation checklist · C100/);
    const saved = await invokeText(h, nia, 'participation.record', {
      ref: 'C100',
      bookingId: (await h.bot.deps.children.get('C100'))!.bookings[0]!.id,
      'status_child-consulted': 'done',
    });
    assert.match(saved, /6 items are still open/);
  });

  it("PC5: /case shows the booked review's checklist in one line, with a button to it", async () => {
    const { card, text } = await ask(alex, '/case C102');
    assert.match(text, /Participation checklist for the review on Tue 1 Dec 2026: 0 of 7 settled, 7 open/);
    assert.match(JSON.stringify(card), /"verb":"participation\.view","data":\{"ref":"C102"\}/);
    assert.doesNotMatch((await ask(alex, '/case C101')).text, /Participation checklist/, 'not booked: no line');
  });

  it('PC5: an open checklist is an item in the IRO’s /actions with a button to its card; gone once complete', async () => {
    const { card, text } = await ask(alex, '/actions');
    assert.match(text, /Participation checklist[\s\S]*7 items are still open before the review on Tue 1 Dec 2026/);
    assert.match(JSON.stringify(card), /"verb":"participation\.view","data":\{"ref":"C102"\}/);
    const opened = await invokeText(h, alex, 'participation.view', { ref: 'C102' });
    assert.match(opened, /Participation checklist · C102/);
    assert.match(opened, /7 items are still open/);
    // Someone who may not see the child gets the loader's one answer.
    assert.match(
      await invokeText(h, nia, 'participation.view', { ref: 'C102' }),
      /can't find that case among the children you work with; nothing was changed/,
    );
    const answers = Object.fromEntries(ITEMS.map((i) => [`status_${i}`, 'done']));
    await invokeText(h, alex, 'participation.record', { ref: 'C102', bookingId: 'C102-B4', ...answers });
    assert.doesNotMatch((await ask(alex, '/actions')).text, /Participation checklist · C102/);
    assert.match(
      (await ask(alex, '/case C102')).text,
      /Participation checklist for the review on Tue 1 Dec 2026: complete/,
    );
  });
});
