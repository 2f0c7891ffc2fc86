import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { runImport } from '../../src/app/import/run-import.js';
import { validateCard } from '../../tools/card-validation.js';
import { BOT, messageActivity, type Sender } from '../helpers/activities.js';
import { cardOf, startHarness, type Harness } from '../helpers/bot-harness.js';
import type { ReceivedActivity } from '../helpers/fake-connector.js';
import { admin, alex, catrin, dafydd, owen, sian } from '../helpers/people.js';

// Booking, rescheduling and the manager's approval, driven over HTTP as Teams would: a message → the
// card → an invoke carrying the card's own verb and data (plus the form's inputs) → the updated card.
// Runs on the embedded store, and on MongoDB too when MONGODB_URI is set.
//
// Wed 25 Nov 2026 09:00 London. C100: due Thu 26 Nov (W39.3), not booked. C101: overdue (due 29 Oct),
// in proceedings with Guardian g-1. C102: booked Tue 1 Dec 10:00, due Wed 2 Dec (UPC). All iro-1's.
// MAX_REVIEWS_PER_DAY=1 so clashes and the per-day maximum are easy to reach.
const NOW = '2026-11-25T09:00:00Z';
const base = JSON.parse(fs.readFileSync(path.join(__dirname, '../fixtures/http/small-service.json'), 'utf8'));
const fixture = {
  ...base,
  staff: [
    ...base.staff,
    {
      id: 'tm-2',
      name: 'Gwen Lewis',
      roles: ['team-manager'],
      team: 'reviewing',
      aadObjectId: '00000000-0000-0000-0000-0000000000c3',
    },
    { id: 'admin-1', name: 'Tomos Bevan', roles: ['admin'], aadObjectId: '00000000-0000-0000-0000-0000000000ad' },
  ],
};

const gwen: Sender = { id: '29:gwen', name: 'Gwen Lewis', aadObjectId: '00000000-0000-0000-0000-0000000000c3' };

const IRO_CHANNEL = '19:iro-reviews@thread.tacv2';
const NORTH_CHANNEL = '19:north-team@thread.tacv2';
const MANAGERS_CHANNEL = '19:managers@thread.tacv2';

type Card = any;
const actionsOf = (card: Card): any[] => card?.actions ?? [];
const actionNamed = (card: Card, title: string) => actionsOf(card).find((a) => a.title === title);

const stores = ['embedded', ...(process.env.MONGODB_URI ? ['mongodb'] : [])];

for (const store of stores) {
  describe(`booking and rescheduling over HTTP (${store})`, function () {
    this.timeout(60000);
    let h: Harness;

    before(async () => {
      const env: Record<string, string> = { IRO_NOW: NOW, MAX_REVIEWS_PER_DAY: '1' };
      if (store === 'mongodb')
        Object.assign(env, { MONGODB_URI: process.env.MONGODB_URI!, MONGODB_DB: `iro_bot_booking_${Date.now()}` });
      h = await startHarness({ env, jobs: true });
      await runImport(h.bot.store, fixture, { sourceName: 'test', now: new Date(NOW) });
      // Where messages go: the IRO channel, the north team's channel; personal chats are saved on first contact.
      await channelAsk(admin, IRO_CHANNEL, '/setup iro-channel');
      await channelAsk(admin, NORTH_CHANNEL, '/setup social-work-channel north');
      for (const p of [alex, catrin, dafydd]) await ask(p, '/help');
    });
    after(async () => {
      if (store === 'mongodb') await (h?.bot.store as any)?.db?.dropDatabase?.().catch(() => undefined);
      await h?.stop();
    });

    /** The reply to this very activity (jobs are on, so proactive posts may arrive in between). */
    async function replyTo(activity: { id: string }): Promise<ReceivedActivity> {
      const res = await h.post(activity);
      assert.ok(res.status < 300, res.body);
      const until = Date.now() + 10000;
      for (;;) {
        const r = h.connector.received.find((a) => a.method === 'POST' && a.replyToId === activity.id);
        if (r) return r;
        if (Date.now() > until) throw new Error(`no reply to ${activity.id}`);
        await new Promise((done) => setTimeout(done, 10));
      }
    }
    const ask = async (from: Sender, text: string) =>
      cardOf(await replyTo(messageActivity(h.connector.url, from, text)));
    async function channelAsk(from: Sender, channel: string, command: string) {
      const mention = `<at>${BOT.name}</at>`;
      return cardOf(
        await replyTo(
          messageActivity(h.connector.url, from, `${mention} ${command}`, {
            conversationType: 'channel',
            conversationId: `${channel};messageid=1`,
            entities: [{ type: 'mention', text: mention, mentioned: BOT }],
          }),
        ),
      );
    }
    /** An Action.Execute invoke as Teams sends it: the card's verb, its data merged with the inputs. */
    async function invoke(
      from: Sender,
      action: { verb: string; data?: Record<string, unknown> },
      inputs: Record<string, unknown> = {},
      opts: { replyToId?: string; conversationId?: string; trigger?: string } = {},
    ) {
      const res = await h.post({
        ...messageActivity(
          h.connector.url,
          from,
          '',
          opts.conversationId ? { conversationId: opts.conversationId } : {},
        ),
        type: 'invoke',
        name: 'adaptiveCard/action',
        text: undefined,
        replyToId: opts.replyToId,
        value: {
          action: { type: 'Action.Execute', verb: action.verb, data: { ...(action.data ?? {}), ...inputs } },
          trigger: opts.trigger ?? 'manual',
        },
      });
      assert.equal(res.status, 200, res.body);
      const body = JSON.parse(res.body);
      const card = body.type === 'application/vnd.microsoft.card.adaptive' ? body.value : null;
      return {
        body,
        card,
        text: card
          ? cardOf({ body: { attachments: [{ content: card }] } } as ReceivedActivity).text
          : String(body.value),
      };
    }
    const child = async (ref: string) => (await h.bot.deps.children.get(ref))!;
    /** Waits for a proactive message in a conversation whose card text matches. */
    async function delivered(conversationPrefix: string, pattern: RegExp, timeoutMs = 8000): Promise<ReceivedActivity> {
      const until = Date.now() + timeoutMs;
      for (;;) {
        const hit = h.connector.received.find(
          (a) => a.method === 'POST' && a.conversationId.startsWith(conversationPrefix) && pattern.test(cardOf(a).text),
        );
        if (hit) return hit;
        if (Date.now() > until) {
          const seen = h.connector.received
            .map((a) => `${a.method} ${a.conversationId}: ${cardOf(a).text.slice(0, 80)}`)
            .join('\n');
          throw new Error(`no message matching ${pattern} in ${conversationPrefix}; received:\n${seen}`);
        }
        await new Promise((r) => setTimeout(r, 50));
      }
    }

    it('/trefnu C101 30 Tachwedd: a typed date, Welsh month included, fills in the form; a bad or past date is refused', async () => {
      const { card } = await ask(alex, '/trefnu C101 30 Tachwedd');
      assert.match(JSON.stringify(card), /"id":"date"[^}]*"value":"2026-11-30"/);
      assert.deepEqual(validateCard(card), []);
      assert.match(JSON.stringify((await ask(alex, '/book C101 1 Dec')).card), /"id":"date"[^}]*"value":"2026-12-01"/);
      assert.match((await ask(alex, '/book C101 someday')).text, /can't read "someday" as a date/);
      assert.match((await ask(alex, '/book C101 2 Ionawr 2020')).text, /Thu 2 Jan 2020 has passed/);
    });

    it('/book: a form with date, time, venue (preferred first) and invitees; the Guardian pre-selected in proceedings', async () => {
      const { card, text } = await ask(alex, '/book C101');
      assert.deepEqual(validateCard(card), []);
      assert.match(text, /Book review · C101 · Seren Jones/);
      const invitees = /"id":"invitees"[^}]*?"value":"([^"]*)"/.exec(JSON.stringify(card));
      if (!invitees?.[1]?.includes('g-1')) console.log(JSON.stringify(card).slice(0, 3000));
      assert.ok(invitees && invitees[1]!.split(',').includes('g-1'), 'Guardian pre-selected');
      assert.equal(actionNamed(card, 'Book').verb, 'review.book');
      const c102 = await ask(alex, '/book C102');
      assert.match(c102.text, /already booked[\s\S]*\/reschedule C102/);
      const forbidden = await ask(dafydd, '/book C100');
      assert.match(forbidden.text, /not available to your role/);
    });

    it('book: refuses the past, weekends, after the due-by date without a reason, clashes and the per-day maximum', async () => {
      const book = actionNamed((await ask(alex, '/book C100')).card, 'Book');
      const inputs = { time: '10:00', venue: 'Placement', invitees: 'sw-1' };
      const v0 = (await child('C100')).version;
      assert.match((await invoke(alex, book, { ...inputs, date: '2026-11-24' })).text, /in the past/i);
      assert.match((await invoke(alex, book, { ...inputs, date: '2026-11-25', time: '08:30' })).text, /in the past/i);
      assert.match((await invoke(alex, book, { ...inputs, date: '2026-11-28' })).text, /not a working day/i);
      assert.match(
        (await invoke(alex, book, { ...inputs, date: '2026-11-27' })).text,
        /after the due-by date \(Thu 26 Nov 2026\)[\s\S]*reason/,
      );
      assert.match(
        (await invoke(dafydd, book, { ...inputs, date: '2026-11-26' })).text,
        /only C100's IRO or business support/i,
      );
      assert.match((await invoke(alex, book, { ...inputs, date: 'soon' })).text, /date: choose a date/i);
      assert.equal((await child('C100')).version, v0, 'refusals change nothing');

      const ok = await invoke(alex, book, { ...inputs, date: '2026-11-26' });
      assert.match(ok.text, /Review booked[\s\S]*Thu 26 Nov 2026 10:00[\s\S]*Placement/);
      // C101 (overdue) at the same time: a clash; later that day: the per-day maximum (1).
      const book101 = actionNamed((await ask(sian, '/book C101')).card, 'Book');
      const late = { reason: 'child-or-carer-ill', text: 'Carer in hospital' };
      assert.match(
        (await invoke(sian, book101, { ...inputs, ...late, date: '2026-11-26' })).text,
        /already has a review at Thu 26 Nov 2026 10:00/,
      );
      assert.match(
        (await invoke(sian, book101, { ...inputs, ...late, date: '2026-11-26', time: '14:00' })).text,
        /already has 1 reviews on Thu 26 Nov 2026 \(the most in one day is 1\)/,
      );
    });

    it('a booking card goes to the IRO channel and the social work channel; /due shows it booked', async () => {
      const iro = await delivered(IRO_CHANNEL, /Review booked[\s\S]*C100/);
      const sw = await delivered(NORTH_CHANNEL, /Review booked[\s\S]*C100/);
      for (const m of [iro, sw]) {
        const { card, text } = cardOf(m);
        assert.match(text, /C100 · D\.E\./);
        assert.doesNotMatch(text, /Dylan/, 'initials only in channels');
        assert.equal(actionNamed(card, 'Reschedule').verb, 'review.reschedule.form');
      }
      const due = await ask(alex, '/due this week');
      assert.match(due.text, /C100 · Dylan Evans[\s\S]*Booked Thu 26 Nov 2026 10:00/);
      const book = JSON.stringify(due.card).includes('"verb":"review.book.form"');
      assert.ok(book, 'the unbooked overdue row (C101) has a Book button');
    });

    let approvalToCatrin: ReceivedActivity;

    it('/reschedule by the social worker: reason, then up to 5 free slots up to the due-by date; the request goes to the managers', async () => {
      const { card, text } = await ask(dafydd, '/reschedule C102');
      assert.deepEqual(validateCard(card), []);
      assert.match(text, /Free slots up to Wed 2 Dec 2026/);
      const slots: string[] = JSON.stringify(card)
        .match(/"value":"2026-[0-9T:+-]+"/g)!
        .map((s) => s.slice(9, -1));
      assert.ok(slots.length > 0 && slots.length <= 5, slots.join(' '));
      for (const s of slots) {
        assert.ok(s.slice(0, 10) <= '2026-12-02', `${s} not after the due-by date`);
        assert.ok(!['2026-11-26', '2026-11-28', '2026-11-29'].includes(s.slice(0, 10)), `${s}: full day or weekend`);
      }
      assert.ok(!actionNamed(card, 'Cancel the review'), 'a social worker cannot cancel');
      const request = actionNamed(card, 'Ask a manager to approve');
      assert.match((await invoke(dafydd, request, { slot: '2026-11-27T14:00:00+00:00' })).text, /choose a reason/i);
      const sent = await invoke(dafydd, request, { reason: 'sw-unavailable', slot: '2026-11-27T14:00:00+00:00' });
      assert.match(sent.text, /Sent for approval[\s\S]*Fri 27 Nov 2026 14:00[\s\S]*booking stays as it is/);
      assert.match(
        (await invoke(dafydd, request, { reason: 'sw-unavailable', slot: '2026-11-30T10:00:00+00:00' })).text,
        /already waiting for a manager/i,
      );
      // No managers channel: each reviewing manager's 1:1 chat (Catrin has one; Gwen's waits until she talks to the bot).
      approvalToCatrin = await delivered('a:personal-29:catrin', /Reschedule request · C102/);
      const c = cardOf(approvalToCatrin);
      assert.deepEqual(validateCard(c.card), []);
      assert.match(
        c.text,
        /Within timescale[\s\S]*Old date[\s\S]*Tue 1 Dec 2026 10:00[\s\S]*New date[\s\S]*Fri 27 Nov 2026 14:00[\s\S]*Due by[\s\S]*Wed 2 Dec 2026[\s\S]*Social worker unavailable[\s\S]*Dafydd Thomas/,
      );
      assert.equal(c.card.refresh.action.verb, 'review.reschedule.view');
      assert.equal(c.card.refresh.action.data.requestId, 'C102-RQ1');
      assert.deepEqual(c.card.refresh.userIds, ['29:catrin']);
      assert.equal(actionNamed(c.card, 'Approve').verb, 'review.reschedule.approve');
      const rows = (await child('C102')).bookings;
      assert.equal(rows[0]!.start, '2026-12-01T10:00:00+00:00', 'not moved before approval');
      // The deciding manager's /actions lists it; the requester's does not.
      assert.match((await ask(catrin, '/actions')).text, /Approve reschedule · C102[\s\S]*request C102-RQ1/);
      assert.doesNotMatch((await ask(dafydd, '/actions')).text, /Approve reschedule/);
    });

    it('refresh renders for whoever invokes: managers get the buttons, everyone else the status', async () => {
      const refresh = cardOf(approvalToCatrin).card.refresh.action;
      const forCatrin = await invoke(catrin, refresh, {}, { trigger: 'automatic' });
      assert.ok(actionNamed(forCatrin.card, 'Approve') && actionNamed(forCatrin.card, 'Decline'));
      for (const who of [alex, dafydd, owen]) {
        const view = await invoke(who, refresh, {}, { trigger: 'automatic' });
        assert.deepEqual(actionsOf(view.card), [], `${who.name} sees no buttons`);
        assert.match(view.text, /Waiting for a reviewing team manager/);
      }
    });

    it('refusals: a forged invoke from a non-manager, the requester, a missing request, a decline without comment', async () => {
      const approve = actionNamed(cardOf(approvalToCatrin).card, 'Approve');
      const decline = actionNamed(cardOf(approvalToCatrin).card, 'Decline');
      const v0 = (await child('C102')).version;
      assert.match(
        (await invoke(alex, approve)).text,
        /not available to you[\s\S]*only a reviewing team manager who did not ask/i,
      );
      assert.match((await invoke(owen, approve)).text, /only a reviewing team manager/i);
      assert.match((await invoke(dafydd, approve)).text, /you asked for this move/i);
      assert.match(
        (await invoke(catrin, { verb: approve.verb, data: { ref: 'C102', requestId: 'C102-RQ99' } })).text,
        /that request no longer exists/i,
      );
      assert.match(
        (await invoke(catrin, { verb: approve.verb, data: { ref: 'C999', requestId: 'C999-RQ1' } })).text,
        /that request no longer exists/i,
      );
      assert.match(
        (await invoke(catrin, { verb: approve.verb, data: { ref: '../etc', requestId: 1 } })).text,
        /not a case reference/,
      );
      assert.match((await invoke(catrin, decline)).text, /say why you are declining/i);
      assert.equal((await child('C102')).version, v0, 'nothing changed');
      const refused = await h.bot.deps.audit.list({ action: 'action.refused' });
      assert.ok(refused.length >= 3, 'forbidden attempts are audited');
    });

    it('approve: the card updates in place for everyone, the booking moves, both channels and the requester are told', async () => {
      const approve = actionNamed(cardOf(approvalToCatrin).card, 'Approve');
      const before = h.connector.received.length;
      const replyToId = 'activity-approval-1';
      const done = await invoke(
        catrin,
        approve,
        { comment: '' },
        { replyToId, conversationId: 'a:personal-29:catrin' },
      );
      assert.match(done.text, /Approved by Catrin Morgan at Wed 25 Nov 2026 09:00/);
      assert.deepEqual(actionsOf(done.card), [], 'no buttons after the decision');
      assert.equal(
        done.card.refresh.action.verb,
        'review.reschedule.view',
        'the updated card still carries its refresh',
      );
      const put = h.connector.received.slice(before).find((a) => a.method === 'PUT');
      assert.ok(put, 'updateActivity for everyone');
      assert.equal(put.replyToId, replyToId);
      assert.match(cardOf(put).text, /Approved by Catrin Morgan/);

      const c102 = await child('C102');
      assert.equal(c102.bookings[0]!.start, '2026-11-27T14:00:00+00:00');
      const entry = c102.history.find((e) => e.action === 'reschedule.approved')!;
      assert.deepEqual((entry.before as any).start, '2026-12-01T10:00:00+00:00', 'old date in the history');
      assert.deepEqual((entry.after as any).start, '2026-11-27T14:00:00+00:00');
      await delivered(
        IRO_CHANNEL,
        /Review moved[\s\S]*C102[\s\S]*Fri 27 Nov 2026 14:00[\s\S]*Was[\s\S]*Tue 1 Dec 2026 10:00/,
      );
      await delivered(NORTH_CHANNEL, /Review moved[\s\S]*C102/);
      await delivered('a:personal-29:dafydd', /Move approved[\s\S]*Catrin Morgan approved/);
      assert.equal((await h.bot.deps.audit.list({ action: 'reschedule.approved' })).length, 1);
      const due = await ask(alex, '/due next week');
      assert.match(due.text, /C102[\s\S]*Booked Fri 27 Nov 2026 14:00/);
    });

    it('a second click, or a second manager afterwards, gets "already decided" and changes nothing', async () => {
      const approve = actionNamed(cardOf(approvalToCatrin).card, 'Approve');
      const v0 = (await child('C102')).version;
      assert.match(
        (await invoke(catrin, approve)).text,
        /Already decided — Approved by Catrin Morgan at Wed 25 Nov 2026 09:00\. Nothing was changed/,
      );
      const decline = actionNamed(cardOf(approvalToCatrin).card, 'Decline');
      assert.match(
        (await invoke(gwen, decline, { comment: 'no' })).text,
        /Already decided — Approved by Catrin Morgan/,
      );
      assert.equal((await child('C102')).version, v0);
    });

    it('two managers deciding at the same moment: exactly one decision wins, the other is told', async () => {
      const form = await ask(alex, '/reschedule C102');
      const request = actionNamed(form.card, 'Ask a manager to approve');
      assert.match(
        (await invoke(alex, request, { reason: 'other', text: 'Room unavailable', date: '2026-11-30', time: '10:00' }))
          .text,
        /Sent for approval/,
      );
      const data = { ref: 'C102', requestId: 'C102-RQ2' };
      const [a, b] = await Promise.all([
        invoke(catrin, { verb: 'review.reschedule.approve', data }),
        invoke(gwen, { verb: 'review.reschedule.decline', data }, { comment: 'Too close to the due date' }),
      ]);
      const winners = [a, b].filter((r) => r.card);
      const losers = [a, b].filter((r) => !r.card);
      assert.equal(winners.length, 1, `${a.text} / ${b.text}`);
      assert.equal(losers.length, 1);
      assert.match(losers[0]!.text, /Already decided/);
      const c102 = await child('C102');
      const decided = c102.history.filter(
        (e) => /^reschedule\.(approved|declined)$/.test(e.action) && (e.after as any).requestId === 'C102-RQ2',
      );
      assert.equal(decided.length, 1, 'one decision recorded');
    });

    it('outside timescale: a first booking after the due-by date needs reason + text and approval; a decline tells the requester why', async () => {
      // C101 is overdue; its request goes to the managers channel once one is set up.
      await channelAsk(admin, MANAGERS_CHANNEL, '/setup managers-channel');
      const book = actionNamed((await ask(sian, '/book C101')).card, 'Book');
      const inputs = { date: '2026-12-03', time: '14:00', venue: 'School', invitees: 'sw-1,g-1' };
      assert.match(
        (await invoke(sian, book, inputs)).text,
        /outside timescale needs a reason category and an explanation/i,
      );
      assert.match(
        (await invoke(sian, book, { ...inputs, reason: 'child-or-carer-ill' })).text,
        /outside timescale needs/i,
      );
      const sent = await invoke(sian, book, { ...inputs, reason: 'child-or-carer-ill', text: 'Carer in hospital' });
      assert.match(sent.text, /Sent for approval[\s\S]*after the due-by date/);
      const card = await delivered(MANAGERS_CHANNEL, /Booking outside timescale · C101/);
      const c = cardOf(card);
      assert.match(
        c.text,
        /OUTSIDE TIMESCALE: 35 days after the due-by date[\s\S]*Not booked yet[\s\S]*Thu 3 Dec 2026 14:00[\s\S]*Child or carer ill — Carer in hospital/,
      );
      const banner = c.card.body.find((b: any) => /OUTSIDE TIMESCALE/.test(JSON.stringify(b.items ?? [])));
      assert.equal(banner.style, 'attention', 'outside timescale shows on red');
      assert.ok(!('userIds' in c.card.refresh), 'a channel card refreshes for everyone');
      const declined = await invoke(catrin, actionNamed(c.card, 'Decline'), {
        comment: 'Hold it this week with the carer on Teams',
      });
      assert.match(declined.text, /Declined by Catrin Morgan at [\s\S]*Hold it this week/);
      assert.equal((await child('C101')).bookings.length, 0, 'nothing booked');
      await delivered('a:personal-29:sian', /Move declined[\s\S]*Hold it this week with the carer on Teams/).catch(
        async () => {
          // Sian has no 1:1 chat yet: the message waits, queued, until she has one.
          assert.ok((await child('C101')).pending?.some((p) => p.key.includes(':declined:requester')));
        },
      );
    });

    it('cancel and adjourn need a reason; the booking is then not live and /due shows it unbooked', async () => {
      const form = await ask(alex, '/reschedule C100');
      const cancel = actionNamed(form.card, 'Cancel the review');
      assert.match((await invoke(alex, cancel)).text, /say why the review is cancelled/i);
      const done = await invoke(alex, cancel, { text: 'Child moved placement' });
      assert.match(done.text, /Review cancelled[\s\S]*Child moved placement/);
      assert.equal((await child('C100')).bookings.find((b) => b.id === cancel.data.bookingId)!.status, 'cancelled');
      assert.match((await invoke(alex, cancel, { text: 'again' })).text, /that booking was cancelled/i);
      assert.match((await ask(alex, '/due this week')).text, /C100 · Dylan Evans[\s\S]*Not booked/);
    });

    it('held: stored with its due-by date and rule, the booking closed; record distributed; a wrong date corrected with history', async () => {
      const form = await ask(alex, '/held C102');
      assert.deepEqual(validateCard(form.card), []);
      const held = actionNamed(form.card, 'Record as held');
      assert.match((await invoke(alex, held, { heldOn: '2026-11-26' })).text, /in the future/i);
      const done = await invoke(alex, held, { heldOn: '2026-11-25', chairId: 'iro-1', combinedWithCP: 'true' });
      assert.match(done.text, /Review recorded as held[\s\S]*Within timescale[\s\S]*record is due by Wed 9 Dec 2026/);
      const c102 = await child('C102');
      const review = c102.reviews.find((r) => r.id === 'C102-R4')!;
      assert.deepEqual(
        {
          dueBy: review.dueBy,
          rule: review.rule,
          source: review.source,
          combinedWithCP: review.combinedWithCP,
          chairId: review.chairId,
        },
        { dueBy: '2026-12-02', rule: 'UPC', source: 'bot', combinedWithCP: true, chairId: 'iro-1' },
      );
      assert.equal(c102.bookings[0]!.status, 'held', 'the booking of the held review is closed');
      // The next review follows from the engine: 3 months after the first review of the restarted cycle (W39.2).
      assert.match((await ask(alex, '/case C102')).text, /W39\.2/);

      const distribute = actionNamed(done.card, 'Record distributed today');
      assert.ok(distribute, JSON.stringify(done.card));
      assert.match((await invoke(alex, distribute)).text, /Record distributed[\s\S]*Distributed Wed 25 Nov 2026/);
      assert.match((await invoke(sian, distribute)).text, /already recorded as distributed on Wed 25 Nov 2026/);
      assert.match((await ask(alex, '/distributed C102 C102-R9')).text, /C102 has no review C102-R9/);

      const fix = await ask(alex, '/held C102 C102-R4');
      const correct = actionNamed(fix.card, 'Correct the date');
      assert.match(
        (await invoke(dafydd, correct, { heldOn: '2026-11-24', reason: 'typo' })).text,
        /only C102's IRO or a manager/i,
      );
      assert.match((await invoke(alex, correct, { heldOn: '2026-11-24' })).text, /say why/i);
      // Distributed on the 25th, so the 24th is fine; the old value stays in the history.
      assert.match(
        (await invoke(catrin, correct, { heldOn: '2026-11-24', reason: 'Typed the wrong day' })).text,
        /Held date corrected[\s\S]*Was Wed 25 Nov 2026/,
      );
      const entry = (await child('C102')).history.find((e) => e.action === 'review.held-corrected')!;
      assert.deepEqual(entry.before, { reviewId: 'C102-R4', heldOn: '2026-11-25' });
      assert.equal((await h.bot.deps.audit.list({ action: 'review.held-corrected' })).length, 1);
    });
  });
}
