import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { createClock } from '../../src/clock.js';
import { resolutionFigures } from '../../src/domain/resolutions/index.js';
import { validateCard } from '../../tools/card-validation.js';
import { messageActivity, mentionActivity, type Sender } from '../helpers/activities.js';
import { cardOf, startHarness, type Harness } from '../helpers/bot-harness.js';
import type { ReceivedActivity } from '../helpers/fake-connector.js';
import { admin as tomos, alex, catrin, ceri, dafydd, owen } from '../helpers/people.js';

// Resolutions over HTTP with jobs on (pending drainer → outbox → fake connector), on a fixed clock
// moved by hand across working days and the summer bank holiday (Mon 31 Aug 2026, England & Wales):
//   raised Fri 28 Aug 2026 → acknowledge by Wed 2 Sep (Tue 1, Wed 2), respond by Mon 7 Sep.
const fixture = JSON.parse(fs.readFileSync(path.join(__dirname, '../fixtures/http/small-service.json'), 'utf8'));
const staff = [
  ...fixture.staff,
  {
    id: 'hos-1',
    name: 'Ceri Davies',
    roles: ['head-of-service'],
    aadObjectId: '00000000-0000-0000-0000-0000000000e1',
    nominatedSeniorOfficer: true,
  },
  { id: 'admin-1', name: 'Tomos Bevan', roles: ['admin'], aadObjectId: '00000000-0000-0000-0000-0000000000ad' },
];

const CHANNEL = '19:channel@thread.tacv2';

describe('resolutions over HTTP', function () {
  this.timeout(60000);
  let h: Harness;
  const setNow = (iso: string) => {
    h.bot.deps.clock = createClock(new Date(iso));
  };

  before(async () => {
    h = await startHarness({ env: { IRO_NOW: '2026-08-28T08:00:00Z' }, importDoc: { ...fixture, staff }, jobs: true });
    // Everyone has a 1:1 chat with the bot; the admin makes the channel north's social work channel.
    for (const who of [alex, dafydd, owen, ceri, catrin]) await h.ask(messageActivity(h.connector.url, who, '/help'));
    const set = cardOf(await h.ask(mentionActivity(h.connector.url, tomos, '/setup social-work-channel north')));
    assert.match(set.text, /Social work team channel for team north/i);
  });
  after(async () => h?.stop());

  /** Waits for an activity at the connector that `pred` accepts (proactive sends arrive on their own). */
  async function arrival(pred: (a: ReceivedActivity) => boolean, timeoutMs = 10000): Promise<ReceivedActivity> {
    const end = Date.now() + timeoutMs;
    for (;;) {
      const found = h.connector.received.find(pred);
      if (found) return found;
      if (Date.now() > end)
        throw new Error(
          `not received; got: ${h.connector.received.map((a) => `${a.method} ${a.conversationId} ${a.key ?? ''}`).join('\n')}`,
        );
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  async function invoke(
    from: Sender,
    verb: string,
    data: Record<string, unknown>,
    where: { conversationId?: string; replyToId?: string; channel?: boolean } = {},
  ) {
    const base = messageActivity(h.connector.url, from, '', {
      conversationType: where.channel ? 'channel' : 'personal',
      conversationId: where.conversationId,
    });
    const res = await h.post({
      ...base,
      type: 'invoke',
      name: 'adaptiveCard/action',
      text: undefined,
      replyToId: where.replyToId,
      ...(where.channel
        ? { channelData: { ...base.channelData, team: { id: '19:team' }, channel: { id: CHANNEL } } }
        : {}),
      value: { action: { type: 'Action.Execute', verb, data } },
    });
    assert.equal(res.status, 200, res.body);
    const body = JSON.parse(res.body);
    return {
      body,
      card: body.type === 'application/vnd.microsoft.card.adaptive' ? body.value : null,
      text:
        typeof body.value === 'string'
          ? body.value
          : cardOf({ body: { attachments: [{ content: body.value }] } } as ReceivedActivity).text,
    };
  }

  const raiseForm = {
    theme: 'care-planning',
    stage: '1',
    summary: 'The care plan has not been updated since the placement move.',
    ask: 'An updated care plan',
    askBy: '2026-09-11',
  };

  it('/raise REF shows the form to the IRO only, in a personal chat', async () => {
    const form = cardOf(await h.ask(messageActivity(h.connector.url, alex, '/raise C100')));
    assert.deepEqual(validateCard(form.card), []);
    assert.match(form.text, /Raise a resolution · C100 · Dylan Evans/);
    assert.ok(JSON.stringify(form.card).includes('"verb":"resolution.raise"'));
    const sw = cardOf(await h.ask(messageActivity(h.connector.url, dafydd, '/raise C100')));
    assert.match(sw.text, /not available to your role/);
    const other = cardOf(
      await h.ask(
        messageActivity(
          h.connector.url,
          { id: '29:rhian', name: 'Rhian Pritchard', aadObjectId: '00000000-0000-0000-0000-0000000000a2' },
          '/raise C100',
        ),
      ),
    );
    assert.match(other.text, /no case C100 that you can see/i);
  });

  it('raise → card in the social work channel → acknowledge (right person only) → respond → resolve', async () => {
    const raised = await invoke(alex, 'resolution.raise', { ref: 'C100', ...raiseForm });
    assert.ok(raised.card, raised.text);
    assert.match(raised.text, /Formal resolution raised/);
    assert.match(raised.text, /Awaiting acknowledgement by Wed 2 Sep 2026/, 'Mon 31 Aug is a bank holiday');
    assert.match(raised.text, /Respond by\nMon 7 Sep 2026/);

    // The card arrives as a new thread in north's channel: ref and initials only, mentioning both addressees.
    const post = await arrival((a) => a.key === 'resolution:C100-RES1:stage:1:card');
    assert.equal(post.conversationId, CHANNEL);
    const channelCard = post.body.attachments[0].content;
    assert.deepEqual(validateCard(channelCard), []);
    const channelText = JSON.stringify(channelCard);
    assert.match(channelText, /C100 · D\.E\./);
    assert.doesNotMatch(channelText, /Dylan|Evans/);
    assert.deepEqual(
      channelCard.msteams.entities.map((e: any) => [e.text, e.mentioned.id]),
      [
        ['<at>Dafydd Thomas</at>', '29:dafydd'],
        ['<at>Owen Jenkins</at>', '29:owen'],
      ],
    );
    assert.match(channelText, /For: <at>Dafydd Thomas<\/at>, <at>Owen Jenkins<\/at>/);
    assert.match(channelText, /"verb":"resolution.acknowledge"/);
    const where = { channel: true, conversationId: post.createdConversationId, replyToId: 'root-1' };

    // A reviewing team manager may see the child but is not addressed: refused, audited, nothing changed.
    const refused = await invoke(catrin, 'resolution.acknowledge', { ref: 'C100', id: 'C100-RES1', stage: '1' }, where);
    assert.match(refused.text, /only the social worker or manager this resolution is addressed to/i);
    assert.ok((await h.bot.deps.audit.list({ action: 'action.refused' })).some((a) => a.actor.id === 'tm-1'));
    // A refresh by someone else shows the status without buttons.
    const catrinView = await invoke(catrin, 'resolution.view', { ref: 'C100', id: 'C100-RES1' }, where);
    assert.doesNotMatch(JSON.stringify(catrinView.card), /resolution.acknowledge/);

    setNow('2026-09-01T09:15:00Z'); // Tue 1 Sep, 10:15 London
    const puts = h.connector.received.length;
    const ack = await invoke(dafydd, 'resolution.acknowledge', { ref: 'C100', id: 'C100-RES1', stage: '1' }, where);
    assert.match(ack.text, /Acknowledged by Dafydd Thomas at Tue 1 Sep 2026 10:15/);
    assert.match(JSON.stringify(ack.card), /resolution.respond/, 'the addressee now sees Respond');
    const put = await arrival((a) => a.method === 'PUT' && h.connector.received.indexOf(a) >= puts);
    assert.equal(put.replyToId, 'root-1', 'the message is updated in place for everyone');
    assert.match(JSON.stringify(put.body), /Acknowledged by Dafydd Thomas/);

    const again = await invoke(owen, 'resolution.acknowledge', { ref: 'C100', id: 'C100-RES1', stage: '1' }, where);
    assert.match(again.text, /already acknowledged by Dafydd Thomas/i);
    const forged = await invoke(dafydd, 'resolution.acknowledge', { ref: 'C100' }, where);
    assert.match(forged.text, /out of date or incomplete; nothing was changed/i);

    const responded = await invoke(
      owen,
      'resolution.respond',
      {
        ref: 'C100',
        id: 'C100-RES1',
        stage: '1',
        responseText: 'The plan will be updated at the next supervision.',
        action1: 'Update the care plan',
        action1By: '2026-09-10',
        action2: '',
        action2By: '',
      },
      where,
    );
    assert.match(responded.text, /Responded by Owen Jenkins/);
    assert.match(responded.text, /by Thu 10 Sep 2026\nUpdate the care plan/);

    // The IRO gets the response in 1:1 with Resolve / Escalate.
    const toIro = await arrival((a) => a.key === 'resolution:C100-RES1:stage:1:response');
    assert.equal(toIro.conversationId, 'a:personal-29:alex');
    const iroCard = JSON.stringify(toIro.body.attachments[0].content);
    assert.match(iroCard, /Owen Jenkins responded/);
    assert.match(iroCard, /resolution.resolve/);
    assert.match(iroCard, /Escalate to Stage 2 \(resolution meeting\)/);

    const review = cardOf(await h.ask(messageActivity(h.connector.url, alex, '/actions')));
    assert.match(review.text, /Review response · C100/);

    setNow('2026-09-03T13:00:00Z');
    const resolved = await invoke(alex, 'resolution.resolve', {
      ref: 'C100',
      id: 'C100-RES1',
      stage: '1',
      outcome: 'Care plan updated.',
    });
    assert.match(resolved.text, /Resolved by Alex Wilber at Thu 3 Sep 2026 14:00: Care plan updated/);
    const late = await invoke(
      owen,
      'resolution.respond',
      { ref: 'C100', id: 'C100-RES1', stage: '1', responseText: 'x' },
      where,
    );
    assert.match(late.text, /already resolved by Alex Wilber/i);

    // Everything on the case timeline with who and when.
    const kase = cardOf(await h.ask(messageActivity(h.connector.url, alex, '/case C100')));
    for (const line of [
      /C100-RES1 \(Care planning\): Raised as Stage 1 \(formal\) by Alex Wilber/,
      /Acknowledged by Dafydd Thomas/,
      /Responded by Owen Jenkins/,
      /Resolved by Alex Wilber/,
    ])
      assert.match(kase.text, line);
    const child = await h.bot.deps.children.get('C100');
    assert.deepEqual(
      child!.history.filter((e) => e.action.startsWith('resolution.')).map((e) => [e.action, e.by.id]),
      [
        ['resolution.raise', 'iro-1'],
        ['resolution.acknowledge', 'sw-1'],
        ['resolution.respond', 'tm-north'],
        ['resolution.resolve', 'iro-1'],
      ],
    );
  });

  it('raise → no acknowledgement → reminder → the IRO escalates → resolution meeting arranged, attendees told → head of service meeting (RS2)', async () => {
    setNow('2026-08-28T08:00:00Z'); // Fri 28 Aug
    const raised = await invoke(alex, 'resolution.raise', {
      ref: 'C101',
      ...raiseForm,
      theme: 'drift-and-delay',
      askBy: '',
    });
    assert.match(raised.text, /Awaiting acknowledgement by Wed 2 Sep 2026/);
    const post = await arrival((a) => a.key === 'resolution:C101-RES1:stage:1:card');

    setNow('2026-09-02T09:00:00Z'); // Wed 2 Sep: still within
    const within = await h.bot.jobs!.sweeper.sweepOnce();
    assert.ok(!within.enqueuedKeys.some((k) => k.startsWith('resolution:C101')), within.enqueuedKeys.join(', '));

    setNow('2026-09-03T09:00:00Z'); // Thu 3 Sep: overdue → the addressees are reminded, once
    const thu = await h.bot.jobs!.sweeper.sweepOnce();
    assert.ok(thu.enqueuedKeys.includes('resolution:C101-RES1:stage:1:ack-overdue:sw-1'), thu.enqueuedKeys.join(', '));
    assert.ok(thu.enqueuedKeys.includes('resolution:C101-RES1:stage:1:ack-overdue:tm-north'));
    assert.ok(
      !thu.enqueuedKeys.includes('resolution:C101-RES1:stage:1:ack-overdue:iro'),
      'the IRO is told after the reminder',
    );
    const reminder = await arrival((a) => a.key === 'resolution:C101-RES1:stage:1:ack-overdue:sw-1');
    assert.equal(reminder.conversationId, 'a:personal-29:dafydd');
    assert.match(
      JSON.stringify(reminder.body),
      /Reminder: please acknowledge this resolution — it was due by Wed 2 Sep 2026/,
    );
    const thuAgain = await h.bot.jobs!.sweeper.sweepOnce();
    assert.ok(!thuAgain.enqueuedKeys.some((k) => k.startsWith('resolution:C101')), 'once');

    setNow('2026-09-04T09:00:00Z'); // Fri 4 Sep: still nothing → the IRO is offered escalation
    const fri = await h.bot.jobs!.sweeper.sweepOnce();
    assert.ok(fri.enqueuedKeys.includes('resolution:C101-RES1:stage:1:ack-overdue:iro'), fri.enqueuedKeys.join(', '));
    const prompt = await arrival((a) => a.key === 'resolution:C101-RES1:stage:1:ack-overdue:iro');
    assert.equal(prompt.conversationId, 'a:personal-29:alex');
    const promptCard = prompt.body.attachments[0].content;
    assert.deepEqual(validateCard(promptCard), []);
    const button = promptCard.actions.find((a: any) => a.title === 'Escalate to Stage 2 (resolution meeting)');
    assert.ok(button, JSON.stringify(promptCard.actions.map((a: any) => a.title)));
    assert.equal(
      (await h.bot.deps.children.get('C101'))!.resolutions![0].stages.length,
      1,
      'the bot never escalates on its own',
    );

    // RS2: after the team manager stage, a resolution meeting co-ordinated by the reviewing team.
    const escalated = await invoke(alex, button.verb, button.data);
    assert.match(escalated.text, /Stage 2 \(resolution meeting\)/);
    assert.match(escalated.text, /Resolution meeting to be arranged by Tue 8 Sep 2026/);
    const toSw = await arrival((a) => a.key === 'resolution:C101-RES1:stage:2:card:sw-1');
    assert.equal(toSw.conversationId, 'a:personal-29:dafydd');
    const arrangeButton = escalated.card.actions.find((a: any) => a.title === 'Arrange the meeting');
    assert.ok(arrangeButton, JSON.stringify(escalated.card.actions.map((a: any) => a.title)));
    const form = await invoke(alex, arrangeButton.verb, arrangeButton.data);
    assert.deepEqual(validateCard(form.card), []);
    assert.match(form.text, /Resolution meeting · C101-RES1/);
    assert.match(form.text, /Not arranged yet: to be arranged by Tue 8 Sep 2026/);
    // The social worker attends but does not arrange it.
    const swForm = await invoke(dafydd, 'resolution.meeting.arrange', {
      ref: 'C101',
      id: 'C101-RES1',
      stage: '2',
      date: '2026-09-09',
      time: '14:00',
      venue: 'Ty Trevithick',
      chairId: 'iro-1',
      attendeeIds: 'sw-1',
    });
    assert.match(swForm.text, /only the reviewing team/i);
    const weekend = await invoke(alex, 'resolution.meeting.arrange', {
      ref: 'C101',
      id: 'C101-RES1',
      stage: '2',
      date: '2026-09-05',
      time: '14:00',
      venue: 'Ty Trevithick',
      chairId: 'iro-1',
      attendeeIds: 'sw-1,tm-north',
    });
    assert.match(weekend.text, /not a working day/);
    const arranged = await invoke(alex, 'resolution.meeting.arrange', {
      ref: 'C101',
      id: 'C101-RES1',
      stage: '2',
      date: '2026-09-09',
      time: '14:00',
      venue: 'Ty Trevithick, room 2',
      chairId: 'iro-1',
      attendeeIds: 'sw-1,tm-north',
      others: 'Foster carer',
    });
    assert.match(arranged.text, /Arranged; the attendees have been told/);
    assert.match(arranged.text, /Resolution meeting on Wed 9 Sep 2026 14:00 at Ty Trevithick, room 2/);
    const invite = await arrival(
      (a) => a.key === 'resolution:C101-RES1:stage:2:meeting:2026-09-09T14:00:00+01:00:sw-1',
    );
    assert.equal(invite.conversationId, 'a:personal-29:dafydd');
    assert.match(
      JSON.stringify(invite.body),
      /invited to a resolution meeting about C101-RES1 \(Stage 2 \(resolution meeting\)\) on Wed 9 Sep 2026 14:00 at Ty Trevithick, room 2, chaired by Alex Wilber/,
    );
    await arrival((a) => a.key === 'resolution:C101-RES1:stage:2:meeting:2026-09-09T14:00:00+01:00:tm-north');
    const early = await invoke(alex, 'resolution.meeting.outcome', {
      ref: 'C101',
      id: 'C101-RES1',
      stage: '2',
      decision: 'escalate',
      notes: 'No agreement on the plan',
    });
    assert.match(early.text, /record its outcome after it/);

    setNow('2026-09-09T15:00:00Z'); // Wed 9 Sep, after the meeting: not agreed → the head of service's meeting
    const held = await invoke(alex, 'resolution.meeting.outcome', {
      ref: 'C101',
      id: 'C101-RES1',
      stage: '2',
      decision: 'escalate',
      notes: 'No agreement on the plan',
    });
    assert.match(held.text, /Stage 3 \(head of service meeting\)/);
    assert.match(held.text, /Meeting outcome recorded by Alex Wilber: Escalate to the next stage/);
    const toHos = await arrival((a) => a.key === 'resolution:C101-RES1:stage:3:card:hos-1');
    assert.equal(toHos.conversationId, 'a:personal-29:ceri');
    const hosCard = toHos.body.attachments[0].content;
    const hosText = JSON.stringify(hosCard);
    assert.match(hosText, /Escalated by Alex Wilber \(IRO\) to Stage 3 \(head of service meeting\)/);
    // Started Wed 9 Sep: the further meeting arranged by Fri 11 Sep, held by Tue 15 Sep.
    assert.match(hosText, /Resolution meeting to be arranged by Fri 11 Sep 2026/);
    assert.match(hosText, /"Meeting outcome by","value":"Tue 15 Sep 2026"/);
    const forged = await invoke(ceri, 'resolution.acknowledge', { ref: 'C101', id: 'C101-RES1', stage: '3' });
    assert.match(forged.text, /this stage is a resolution meeting/i);
    assert.match(hosText, /resolution.meeting.form/, 'the head of service, who chairs it, may arrange it');

    // The old stage-1 card in the channel is stale now.
    const stale = await invoke(
      dafydd,
      'resolution.acknowledge',
      { ref: 'C101', id: 'C101-RES1', stage: '1' },
      { channel: true, conversationId: post.createdConversationId, replyToId: 'root-2' },
    );
    assert.match(stale.text, /out of date: the resolution moved to Stage 3 \(head of service meeting\)/i);
    // /actions: the IRO is asked to see the further meeting arranged.
    const iroActions = cardOf(await h.ask(messageActivity(h.connector.url, alex, '/actions')));
    assert.match(iroActions.text, /Arrange resolution meeting · C101/);
  });

  it('skipping rungs needs a reason', async () => {
    setNow('2026-09-10T09:00:00Z');
    const noReason = await invoke(alex, 'resolution.escalate', {
      ref: 'C101',
      id: 'C101-RES1',
      stage: '3',
      toStage: '5',
      skipReason: '',
    });
    assert.match(noReason.text, /skipping stage 4 needs a reason/i);
  });

  it('a Cafcass referral cannot be recorded before the senior officer notice; then the pack checklist', async () => {
    setNow('2026-09-07T09:00:00Z');
    await invoke(alex, 'resolution.raise', { ref: 'C102', ...raiseForm, theme: 'lawfulness-of-placement' });
    const early = await invoke(alex, 'resolution.refer', { ref: 'C102', id: 'C102-RES1', cutShortReason: 'Urgent' });
    assert.match(early.text, /notify the nominated senior officer before recording a Cafcass referral/i);
    assert.equal((await h.bot.deps.children.get('C102'))!.resolutions![0].status, 'open');

    const notified = await invoke(alex, 'resolution.notify-officer', {
      ref: 'C102',
      id: 'C102-RES1',
      note: 'The placement may be unlawful.',
    });
    assert.match(notified.text, /Senior officer notified/);
    const notice = await arrival((a) => a.key === 'resolution:C102-RES1:senior-officer-notice');
    assert.equal(notice.conversationId, 'a:personal-29:ceri');
    const noReason = await invoke(alex, 'resolution.refer', { ref: 'C102', id: 'C102-RES1', cutShortReason: '' });
    assert.match(noReason.text, /say why it is being cut short/i);
    const referred = await invoke(alex, 'resolution.refer', {
      ref: 'C102',
      id: 'C102-RES1',
      cutShortReason: 'The child may be placed unlawfully today.',
    });
    assert.deepEqual(validateCard(referred.card), []);
    assert.match(referred.text, /Cafcass referral pack/);
    assert.match(referred.text, /0 of 9 items gathered/);
    assert.match(referred.text, /The Guardian's last report/);
    // Handbook 8.13: the written confirmation to the duty lawyer is part of the pack.
    assert.match(referred.text, /Written confirmation of the referral to the Cafcass Legal duty lawyer/);
    // Handbook 8.12: the reason for cutting the process short goes to the senior officer who was notified.
    const reason = await arrival((a) => a.key === 'resolution:C102-RES1:cut-short-reason');
    assert.equal(reason.conversationId, 'a:personal-29:ceri');
    assert.match(JSON.stringify(reason.body), /The child may be placed unlawfully today\./);
    const item = await invoke(alex, 'resolution.referral-item', {
      ref: 'C102',
      id: 'C102-RES1',
      item: 'guardian-report',
    });
    assert.match(item.text, /1 of 9 items gathered/);
    assert.match(item.text, /Gathered by Alex Wilber/);
    const twice = await invoke(alex, 'resolution.referral-item', {
      ref: 'C102',
      id: 'C102-RES1',
      item: 'guardian-report',
    });
    assert.match(twice.text, /already marked as gathered/i);
  });

  it('compliments are delivered and counted; /resolutions lists; report figures', async () => {
    const done = cardOf(
      await h.ask(messageActivity(h.connector.url, alex, '/compliment C100 sw-1 Thorough life story work')),
    );
    assert.match(done.text, /Compliment recorded/);
    const delivered = await arrival((a) => a.key === 'compliment:C100-K1');
    assert.equal(delivered.conversationId, 'a:personal-29:dafydd');
    assert.match(JSON.stringify(delivered.body), /Thorough life story work/);

    const open = cardOf(await h.ask(messageActivity(h.connector.url, alex, '/resolutions')));
    assert.match(open.text, /C101-RES1 · C101 · Seren Jones/);
    assert.doesNotMatch(open.text, /C100-RES1/, 'resolved ones only with "all"');
    const all = cardOf(await h.ask(messageActivity(h.connector.url, alex, '/resolutions all')));
    assert.match(all.text, /C100-RES1[\s\S]*Resolved Thu 3 Sep 2026/);
    const sw = cardOf(await h.ask(messageActivity(h.connector.url, dafydd, '/resolutions all C101')));
    assert.match(sw.text, /C101-RES1/);

    // The figures /report shows (app/compliance-report.ts computes them the same way).
    const figures = resolutionFigures(
      await h.bot.deps.children.listAll(),
      { from: '2026-08-01', to: '2026-09-30' },
      h.bot.deps.calendar,
    );
    assert.equal(figures.formalRaised, 3);
    assert.equal(figures.byTheme.find((t) => t.theme === 'care-planning')!.count, 1);
    assert.equal(figures.escalatedBeyondStage1, 1);
    assert.equal(figures.resolved, 1);
    // Fri 28 Aug → Thu 3 Sep: Tue, Wed, Thu = 3 working days (Mon 31 Aug a bank holiday); 6 calendar days.
    assert.equal(figures.medianWorkingDaysToResolve, 3);
    assert.equal(figures.medianCalendarDaysToResolve, 6);
    assert.equal(figures.referred, 1);
    assert.equal(figures.compliments, 1);
  });
});
