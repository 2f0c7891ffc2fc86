// The plan tracked between reviews over HTTP (docs/DOMAIN.md PT1–PT6), with jobs on (sweeper → pending drainer →
// outbox → fake connector) on a clock moved by hand. C100's third review was held Tue 26 May 2026; its next is
// due by Thu 26 Nov 2026 (W39.3), so the midway check falls on Wed 26 Aug 2026.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { createClock } from '../../src/clock.js';
import { validateCard } from '../../tools/card-validation.js';
import { messageActivity, type Sender } from '../helpers/activities.js';
import { cardOf, startHarness, type Harness } from '../helpers/bot-harness.js';
import type { ReceivedActivity } from '../helpers/fake-connector.js';
import { alex, dafydd, owen } from '../helpers/people.js';

const fixture = JSON.parse(fs.readFileSync(path.join(__dirname, '../fixtures/http/small-service.json'), 'utf8'));

describe('plan between reviews over HTTP (issue 15)', function () {
  this.timeout(60000);
  let h: Harness;
  const setNow = (iso: string) => {
    h.bot.deps.clock = createClock(new Date(iso));
  };

  before(async () => {
    h = await startHarness({ env: { IRO_NOW: '2026-06-01T09:00:00Z' }, importDoc: fixture, jobs: true });
    for (const who of [alex, dafydd, owen]) await h.ask(messageActivity(h.connector.url, who, '/help'));
  });
  after(async () => h?.stop());

  async function arrival(pred: (a: ReceivedActivity) => boolean, timeoutMs = 10000): Promise<ReceivedActivity> {
    const end = Date.now() + timeoutMs;
    for (;;) {
      const found = h.connector.received.find(pred);
      if (found) return found;
      if (Date.now() > end) throw new Error(`no such activity: ${h.connector.received.map((a) => a.key).join(', ')}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  async function invoke(from: Sender, verb: string, data: Record<string, unknown>) {
    const base = messageActivity(h.connector.url, from, '');
    const res = await h.post({
      ...base,
      type: 'invoke',
      name: 'adaptiveCard/action',
      text: undefined,
      value: { action: { type: 'Action.Execute', verb, data } },
    });
    assert.equal(res.status, 200, res.body);
    const body = JSON.parse(res.body);
    const card = body.type === 'application/vnd.microsoft.card.adaptive' ? body.value : null;
    return {
      card,
      text:
        typeof body.value === 'string'
          ? body.value
          : cardOf({ body: { attachments: [{ content: body.value }] } } as ReceivedActivity).text,
    };
  }

  it('PT1: the IRO records the review decisions and actions from /plan; refusals change nothing', async () => {
    const plan = cardOf(await h.ask(messageActivity(h.connector.url, alex, '/plan C100')));
    assert.deepEqual(validateCard(plan.card), []);
    assert.match(plan.text, /Plan between reviews · C100 · Dylan Evans/);
    assert.match(plan.text, /Last review C100-3 held Tue 26 May 2026 · next review due by Thu 26 Nov 2026/);
    assert.match(plan.text, /Midway check from Wed 26 Aug 2026/);
    assert.match(plan.text, /Record decisions and actions/);
    const todo = cardOf(await h.ask(messageActivity(h.connector.url, alex, '/actions')));
    assert.match(todo.text, /Record review decisions · C100[\s\S]*Record the decisions and actions of review C100-3/);

    const bad = await invoke(alex, 'plan.record', {
      ref: 'C100',
      reviewId: 'C100-3',
      decisions: 'Stay in placement',
      text1: 'Refer to CAMHS',
      owner1: 'sw-1',
      due1: '2026-05-01',
    });
    assert.match(bad.text, /action 1: the date is before the review/i);
    assert.equal((await h.bot.deps.children.get('C100'))!.plan, undefined, 'nothing written');
    const sw = await invoke(dafydd, 'plan.record', { ref: 'C100', reviewId: 'C100-3', decisions: 'x' });
    assert.match(sw.text, /only C100's IRO or the review's chair/i);

    const saved = await invoke(alex, 'plan.record', {
      ref: 'C100',
      reviewId: 'C100-3',
      decisions: 'Dylan stays with his carers; school support to be agreed.',
      text1: 'Refer to CAMHS',
      owner1: 'sw-1',
      due1: '2026-06-12',
      text2: 'Weekly contact with mother',
      owner2: 'other',
      other2: 'Foster carer',
      due2: '2026-07-01',
    });
    assert.deepEqual(validateCard(saved.card), []);
    assert.match(saved.text, /2 actions outstanding \(0 overdue, 0 reported not done\) · 0 done/);
    assert.match(saved.text, /Dylan stays with his carers/);
    assert.match(saved.text, /Foster carer · by Wed 1 Jul 2026 · open/);
  });

  it('PT2, PT5: the social worker reports an action not done (the IRO is told) and alerts the IRO', async () => {
    const swActions = cardOf(await h.ask(messageActivity(h.connector.url, dafydd, '/actions')));
    assert.match(swActions.text, /Plan action · C100[\s\S]*Refer to CAMHS \(C100-3\): report done or not done/);
    assert.match(
      swActions.text,
      /For Foster carer: Weekly contact with mother/,
      "a named other's action is the social worker's",
    );
    const swPlan = cardOf(await h.ask(messageActivity(h.connector.url, dafydd, '/plan C100')));
    assert.match(swPlan.text, /Report progress/);
    const noNote = await invoke(dafydd, 'plan.action.report', {
      ref: 'C100',
      actionId: 'C100-3-A1',
      'status-C100-3-A1': 'not-done',
      'note-C100-3-A1': '',
    });
    assert.match(noNote.text, /say why it has not been done/i);
    const reported = await invoke(dafydd, 'plan.action.report', {
      ref: 'C100',
      actionId: 'C100-3-A1',
      'status-C100-3-A1': 'not-done',
      'note-C100-3-A1': 'Waiting for the GP letter',
    });
    assert.match(reported.text, /not done \(Dafydd Thomas, Mon 1 Jun 2026\): Waiting for the GP letter/);
    const told = await arrival((a) => a.key === 'plan:C100:C100-3-A1:not-done:1');
    assert.equal(told.conversationId, 'a:personal-29:alex');
    assert.match(
      JSON.stringify(told.body),
      /Dafydd Thomas reports Refer to CAMHS \(C100-3\) not done: Waiting for the GP letter/,
    );

    const alerted = cardOf(
      await h.ask(messageActivity(h.connector.url, dafydd, '/alert C100 The placement is ending next week')),
    );
    assert.match(alerted.text, /Alex Wilber has been told \(C100-AL1\)/);
    const alert = await arrival((a) => a.key === 'plan:alert:C100-AL1');
    assert.equal(alert.conversationId, 'a:personal-29:alex');
    assert.match(JSON.stringify(alert.body), /Dafydd Thomas alerts you: The placement is ending next week/);
    const empty = cardOf(await h.ask(messageActivity(h.connector.url, dafydd, '/alert C100')));
    assert.match(empty.text, /give the case and what has changed/i);

    const caseCard = cardOf(await h.ask(messageActivity(h.connector.url, alex, '/case C100')));
    assert.match(caseCard.text, /Plan: 2 outstanding, 0 overdue, 0 done, 1 alert/);
    // PT6: the outstanding actions are carried into the next review's form.
    const held = cardOf(await h.ask(messageActivity(h.connector.url, alex, '/held C100')));
    assert.match(held.text, /Plan actions to review\n2 outstanding from earlier reviews \(0 overdue\): \/plan C100/);
    assert.match(held.text, /Alerts to the IRO\n1 alert since the last review: \/plan C100/);
  });

  it('PT3, PT4: the sweeper reminds the owner before the date, and prompts the IRO for the midway check', async () => {
    setNow('2026-06-05T09:00:00Z'); // Fri 5 Jun: Fri 12 Jun less 5 working days
    const fri = await h.bot.jobs!.sweeper.sweepOnce();
    assert.ok(fri.planQueued?.includes('plan:C100:C100-3-A1:before'), (fri.planQueued ?? []).join(', '));
    const reminder = await arrival((a) => a.key === 'plan:C100:C100-3-A1:before');
    assert.equal(reminder.conversationId, 'a:personal-29:dafydd');
    assert.match(JSON.stringify(reminder.body), /Refer to CAMHS \(C100-3\) is due by Fri 12 Jun 2026/);
    const again = await h.bot.jobs!.sweeper.sweepOnce();
    assert.ok(!(again.planQueued ?? []).includes('plan:C100:C100-3-A1:before'), 'once');

    setNow('2026-08-26T09:00:00Z');
    const midway = await h.bot.jobs!.sweeper.sweepOnce();
    assert.ok(midway.planQueued?.includes('plan:C100:midway:C100-3'), (midway.planQueued ?? []).join(', '));
    const prompt = await arrival((a) => a.key === 'plan:C100:midway:C100-3');
    assert.equal(prompt.conversationId, 'a:personal-29:alex');
    const iroActions = cardOf(await h.ask(messageActivity(h.connector.url, alex, '/actions')));
    assert.match(iroActions.text, /Midway check · C100/);
    const recorded = await invoke(alex, 'plan.midway', { ref: 'C100', midwayNote: 'CAMHS chased; contact going well' });
    assert.match(recorded.text, /Midway check recorded by Alex Wilber on Wed 26 Aug 2026: CAMHS chased/);
    const twice = await invoke(alex, 'plan.midway', { ref: 'C100', midwayNote: 'again' });
    assert.match(twice.text, /already recorded/);
  });
});
