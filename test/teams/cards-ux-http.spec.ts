import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { validateCard } from '../../tools/card-validation.js';
import { messageActivity, type Sender } from '../helpers/activities.js';
import { cardOf, startHarness, type Harness } from '../helpers/bot-harness.js';
import type { FakeMember } from '../helpers/fake-connector.js';
import { alex, catrin, sian } from '../helpers/people.js';

// Issue 11, points 5, 6, 7 and 10, driven over HTTP as Teams would: no dead ends in /actions and
// /liaison, forms that come back filled in with a specific error, cards with words instead of codes,
// and /due with a bad window saying which windows there are.
//
// Wed 25 Nov 2026 09:00 London. C100 (Alex): due Thu 26 Nov, not booked. C101 (Alex): overdue, not
// booked, in proceedings with Guardian Ffion (g-1). C102 (Alex): booked Tue 1 Dec; review C102-3's record
// not distributed. C103 (Rhian): in proceedings with another Guardian (g-2). One review a day at most.
const NOW = '2026-11-25T09:00:00Z';
const base = JSON.parse(fs.readFileSync(path.join(__dirname, '../fixtures/http/small-service.json'), 'utf8'));
const fixture = {
  ...base,
  staff: [
    ...base.staff,
    {
      id: 'g-2',
      name: 'Gwen Ellis',
      roles: ['guardian'],
      external: true,
      organisation: 'Cafcass Cymru',
      email: 'gwen.ellis@cafcass.example',
      upn: 'gwen.ellis_cafcass.example#EXT#@council.onmicrosoft.com',
    },
  ],
  children: base.children.map((c: { ref: string }) =>
    c.ref === 'C103'
      ? { ...c, proceedings: { startedOn: '2026-10-01', guardianId: 'g-2', guardianAppointedOn: '2026-10-02' } }
      : c,
  ),
};
const ffion: Sender = { id: '29:ffion', name: 'Ffion Powell', aadObjectId: '00000000-0000-0000-0000-0000000000f9' };
const FFION: FakeMember = {
  id: '29:ffion',
  aadObjectId: ffion.aadObjectId,
  userPrincipalName: 'ffion.powell_cafcass.example#EXT#@council.onmicrosoft.com',
  userRole: 'guest',
};

type Card = any;
const nodes = (v: unknown, out: Record<string, any>[] = []): Record<string, any>[] => {
  if (Array.isArray(v)) v.forEach((x) => nodes(x, out));
  else if (v && typeof v === 'object') {
    out.push(v as Record<string, any>);
    Object.values(v).forEach((x) => nodes(x, out));
  }
  return out;
};
const executes = (card: Card) => nodes(card).filter((n) => n.type === 'Action.Execute');
const input = (card: Card, id: string): Record<string, any> =>
  nodes(card).find((n) => typeof n.type === 'string' && n.type.startsWith('Input.') && n.id === id) ?? {};

describe('cards people can read, forms that behave, no dead ends (issue 11) over HTTP', function () {
  this.timeout(60000);
  let h: Harness;
  before(async () => {
    h = await startHarness({ env: { IRO_NOW: NOW, MAX_REVIEWS_PER_DAY: '1' }, importDoc: fixture });
    h.connector.members.set('29:ffion', { ...FFION, name: 'Ffion Powell' });
  });
  after(async () => h?.stop());

  const ask = async (from: Sender, text: string) => cardOf(await h.ask(messageActivity(h.connector.url, from, text)));
  async function invoke(from: Sender, verb: string, data: Record<string, unknown>) {
    const res = await h.post({
      ...messageActivity(h.connector.url, from, ''),
      type: 'invoke',
      name: 'adaptiveCard/action',
      text: undefined,
      value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' },
    });
    assert.equal(res.status, 200, res.body);
    const body = JSON.parse(res.body);
    const card = body.type === 'application/vnd.microsoft.card.adaptive' ? body.value : null;
    return {
      card,
      text: card ? cardOf({ body: { attachments: [{ content: card }] } } as never).text : String(body.value),
    };
  }
  const child = async (ref: string) => (await h.bot.deps.children.get(ref))!;

  describe('point 10: bad arguments say what is accepted', () => {
    it('/due bananas lists the valid windows, with an example', async () => {
      const { text } = await ask(alex, '/due bananas');
      assert.match(text, /I couldn't follow that/);
      assert.match(text, /can't read "bananas" as a window/);
      assert.match(
        text,
        /this week, next week, today, tomorrow, overdue, next N days \(e\.g\. next 10 days\), a date \(2016-10-04 or 4 Oct 2016\), or a range/,
      );
      assert.match(text, /Try: \/due next week/);
    });

    it('/caseload and /resolutions with a word they do not take say what they do take', async () => {
      assert.match(
        (await ask(catrin, '/caseload team bananas')).text,
        /takes nothing \(your own\), "team" \(the whole service\), or a person/,
      );
      assert.match(
        (await ask(catrin, '/caseload bananas')).text,
        /can't find "bananas" in the staff directory: name a person with an @mention/,
      );
      assert.match(
        (await ask(alex, '/resolutions C100 bananas')).text,
        /takes a case reference, "open" \(the default\) or "all"/,
      );
      assert.match(
        (await ask(sian, '/due this week for nobody@nowhere.example')).text,
        /@mention, their e-mail address or their staff id/,
      );
    });
  });

  describe('point 7: words, not codes', () => {
    it('/case shows legal status, track and team as words', async () => {
      const c100 = await ask(alex, '/case C100');
      assert.match(c100.text, /Care order/);
      assert.match(c100.text, /Looked after \(CLA\)/);
      assert.match(c100.text, /\nNorth\n/);
      assert.doesNotMatch(c100.text, /care-order|\bcla\b|\bnorth\b/);
      const c102 = await ask(alex, '/case C102');
      assert.match(c102.text, /Accommodated \(s76\)/);
      assert.doesNotMatch(c102.text, /accommodated-s76/);
    });

    it('/due: an overdue row has one status, in words and on red, never a green "Booked" beside it', async () => {
      const { card, text } = await ask(alex, '/due this week');
      assert.match(text, /27 days overdue · Not booked/);
      const badge = nodes(card)
        .filter((n) => n.type === 'Container' && n.style === 'attention')
        .find((n) => nodes(n).some((t) => /27 days overdue/.test(String(t.text))));
      assert.ok(badge, 'the overdue status sits on an attention background');
      assert.ok(!nodes(card).some((n) => n.color === 'Good' || n.color === 'Warning'), 'no pale green or yellow text');
      assert.doesNotMatch(text, /Policy:/, 'the policy line is only in /help and /case');
      assert.match((await ask(alex, '/help')).text, /Policy:/);
    });
  });

  describe('point 6: forms', () => {
    it('the booking form has no date or time filled in; Book untouched books nothing and the form comes back', async () => {
      const form = await ask(alex, '/book C100');
      assert.deepEqual(validateCard(form.card), []);
      for (const id of ['date', 'time']) {
        const field = input(form.card, id);
        assert.equal(field.value, '', `${id} is empty`);
        assert.equal(field.isRequired, true, `${id} is required`);
        assert.ok(field.label && field.errorMessage, `${id} has a label and an error message`);
      }
      assert.match(form.text, /The IRO's earliest free slots: Wed 25 Nov 2026 10:00/);
      const v0 = (await child('C100')).version;
      // What Teams would send if the client let an untouched form through (a forged or old client).
      const untouched = await invoke(alex, 'review.book', {
        ref: 'C100',
        date: '',
        time: '',
        venue: 'Placement',
        invitees: 'sw-1',
      });
      assert.ok(untouched.card, 'the form again, not a one-line message');
      assert.match(untouched.text, /Book review · C100/);
      assert.match(untouched.text, /date/i);
      assert.equal((await child('C100')).version, v0, 'nothing booked');
      assert.equal((await child('C100')).bookings.length, 0);
    });

    it('a clash keeps what was typed, says so in its own words and offers the next free slots', async () => {
      const ok = await invoke(alex, 'review.book', {
        ref: 'C100',
        date: '2026-11-26',
        time: '10:00',
        venue: 'School',
        invitees: 'sw-1',
      });
      assert.match(ok.text, /Review booked/);
      const typed = {
        ref: 'C101',
        date: '2026-11-26',
        time: '10:00',
        venue: 'School',
        invitees: 'sw-1,g-1',
        reason: 'child-or-carer-ill',
        text: 'Carer in hospital until Friday',
      };
      const clash = await invoke(sian, 'review.book', typed);
      assert.ok(clash.card, 'the form again');
      assert.deepEqual(validateCard(clash.card), []);
      assert.match(clash.text, /That time is taken/);
      assert.doesNotMatch(clash.text, /I couldn't follow that/);
      assert.match(
        clash.text,
        /already has a review at Thu 26 Nov 2026 10:00\. The next free slots: Fri 27 Nov 2026 10:00 \(outside timescale\); Fri 27 Nov 2026 14:00/,
      );
      assert.equal(input(clash.card, 'text').value, 'Carer in hospital until Friday', 'the explanation typed is kept');
      assert.equal(input(clash.card, 'date').value, '2026-11-26');
      assert.equal(input(clash.card, 'time').value, '10:00');
      assert.equal(input(clash.card, 'venue').value, 'School');
      assert.equal(input(clash.card, 'reason').value, 'child-or-carer-ill');
      assert.equal((await child('C101')).bookings.length, 0);

      const weekend = await invoke(sian, 'review.book', { ...typed, date: '2026-11-28' });
      assert.match(weekend.text, /Not a working day/);
      assert.match(weekend.text, /Sat 28 Nov 2026 is not a working day \(a weekend\)/);
      assert.doesNotMatch(weekend.text, /I couldn't follow that/);
      const holiday = await invoke(sian, 'review.book', { ...typed, date: '2026-12-25' });
      assert.match(holiday.text, /Not a working day[\s\S]*a bank holiday or closure day/);
      const noReason = await invoke(sian, 'review.book', { ...typed, date: '2026-12-03', reason: '', text: '' });
      assert.match(noReason.text, /Outside timescale: a reason is needed/);
    });

    it('recording a review as held on a future date: the form again, with the chair and the flag as chosen', async () => {
      const again = await invoke(alex, 'review.held', {
        ref: 'C100',
        heldOn: '2026-12-01',
        chairId: 'iro-2',
        combinedWithCP: 'true',
        lateReason: '',
      });
      assert.ok(again.card, again.text);
      assert.match(again.text, /That date is in the future/);
      assert.equal(input(again.card, 'heldOn').value, '2026-12-01');
      assert.equal(input(again.card, 'chairId').value, 'iro-2');
      assert.equal(input(again.card, 'combinedWithCP').value, 'true');
      assert.equal((await child('C100')).reviews.length, 3, 'nothing recorded');
    });

    it('a decline without a comment comes back as the same card with the comment box, and decides nothing', async () => {
      const sent = await invoke(sian, 'review.book', {
        ref: 'C101',
        date: '2026-12-03',
        time: '14:00',
        venue: 'School',
        invitees: 'sw-1',
        reason: 'child-or-carer-ill',
        text: 'Carer in hospital',
      });
      assert.match(sent.text, /Sent for approval/);
      const requestId = (await child('C101')).rescheduleRequests!.at(-1)!.id;
      const declined = await invoke(catrin, 'review.reschedule.decline', { ref: 'C101', requestId, comment: '  ' });
      assert.ok(declined.card, 'the approval card again');
      assert.match(declined.text, /A comment is needed/);
      assert.doesNotMatch(declined.text, /I couldn't follow that/);
      assert.ok(
        executes(declined.card).some((a) => a.title === 'Decline'),
        'still decidable',
      );
      assert.ok(input(declined.card, 'comment'), 'the comment box is there');
      assert.equal((await child('C101')).rescheduleRequests!.at(-1)!.status, 'pending');
    });
  });

  describe('point 5: no dead ends', () => {
    it('every /actions item carries a button, for every seat', async () => {
      for (const who of [alex, sian, catrin, ffion]) {
        const { card, text } = await ask(who, '/actions');
        const items = nodes(card).filter((n) => n.type === 'Container' && n.separator === true);
        assert.ok(items.length > 0, `${who.name} has items:\n${text}`);
        for (const item of items)
          assert.ok(
            executes(item).length > 0,
            `${who.name}: an item without a button:\n${cardOf({ body: { attachments: [{ content: item }] } } as never).text}`,
          );
        assert.doesNotMatch(text, /from its card|see the child's liaison thread/);
      }
    });

    it('a missed approval card can be shown again to the deciding manager from /actions, and decided there', async () => {
      const { card } = await ask(catrin, '/actions');
      const open = executes(card).find((a) => a.title === 'Open the request');
      assert.ok(open, 'an Open the request button');
      const shown = await invoke(catrin, open.verb, open.data);
      assert.match(shown.text, /Booking outside timescale · C101/);
      const approve = executes(shown.card).find((a) => a.title === 'Approve');
      assert.ok(
        approve && executes(shown.card).some((a) => a.title === 'Decline'),
        'the manager gets Approve and Decline',
      );
      // Someone else who opens it gets the status, without buttons.
      const other = await invoke(alex, open.verb, open.data);
      assert.ok(!executes(other.card).some((a) => a.title === 'Approve'));
    });

    it('a record to distribute is done from /actions', async () => {
      const { card } = await ask(alex, '/actions');
      const distribute = executes(card).find((a) => a.title === 'Record distributed today' && a.data.ref === 'C102');
      assert.ok(distribute, 'a Record distributed button for C102-3');
      const done = await invoke(alex, distribute.verb, distribute.data);
      assert.match(done.text, /Record distributed/);
      assert.equal((await child('C102')).reviews.find((r) => r.id === 'C102-3')?.recordDistributedOn, '2026-11-25');
    });

    it("the Guardian's items open their liaison card; another child's item is refused like any other", async () => {
      const { card } = await ask(ffion, '/actions');
      const opens = executes(card).filter((a) => a.verb === 'liaison.view');
      assert.ok(opens.length > 0);
      const shown = await invoke(ffion, opens[0].verb, opens[0].data);
      assert.ok(shown.card, shown.text);
      assert.match(shown.text, /C101 · S\.J\./);
      assert.doesNotMatch(shown.text, /Seren|Jones/);
      const probe = await invoke(ffion, 'liaison.view', { ref: 'C103', duty: 'L3', subject: 'g-2' });
      assert.equal(probe.card, null);
      assert.match(probe.text, /not available to you/);
      const audit = await h.bot.deps.audit.list({ 'actor.id': 'g-1', action: 'liaison.view.refused' });
      assert.ok(audit.some((a) => a.subject === 'C103'));
    });

    it('/liaison REF in personal chat: mark a duty done and record a discussion, as from the thread', async () => {
      const form = await ask(alex, '/liaison C101');
      assert.deepEqual(validateCard(form.card), []);
      const contact = executes(form.card).find((a) => a.verb === 'liaison.done' && a.data.duty === 'L3');
      assert.ok(contact, 'a done button for L3 (make contact)');
      assert.ok(nodes(form.card).some((n) => n.type === 'Action.ShowCard' && n.title === 'Record a discussion'));
      const done = await invoke(alex, contact.verb, contact.data);
      assert.match(done.text, /L3 · Make contact/);
      assert.ok((await child('C101')).liaison?.done?.some((d) => d.duty === 'L3'));
      const record = executes(form.card).find((a) => a.verb === 'liaison.discussion')!;
      const recorded = await invoke(alex, record.verb, {
        ...record.data,
        on: '2026-11-24',
        topics: 'care-plan',
        notes: 'By phone',
      });
      assert.match(recorded.text, /Discussion recorded/);
      assert.equal((await child('C101')).liaison?.discussions?.length, 1);
    });
  });
});
