import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import sinon from 'sinon';
import { messageActivity, mentionActivity, TENANT, type Sender } from '../helpers/activities.js';
import { spyOnTurns } from '../helpers/turn-spy.js';
import { cardOf, startHarness, type Harness } from '../helpers/bot-harness.js';
import type { ReceivedActivity } from '../helpers/fake-connector.js';
import { admin as tomos, alex, dafydd, owen } from '../helpers/people.js';

// A card click that updates the message for everyone posts into the conversation, so it passes the
// same audience rule as every proactive message (found by an attack run on the merged main: the
// acknowledgement rewrote the resolution card in a channel holding an unexpected guest).
const fixture = JSON.parse(fs.readFileSync(path.join(__dirname, '../fixtures/http/small-service.json'), 'utf8'));
const staff = [
  ...fixture.staff,
  { id: 'admin-1', name: 'Tomos Bevan', roles: ['admin'], aadObjectId: tomos.aadObjectId },
];
const CHANNEL = '19:channel@thread.tacv2';
const member = (s: Sender) => ({
  id: s.id,
  name: s.name,
  aadObjectId: s.aadObjectId,
  tenantId: TENANT,
  userRole: 'user',
});
const GUEST = {
  id: '29:evil',
  name: 'Visitor',
  userRole: 'guest',
  userPrincipalName: 'visitor_x.example#EXT#@council.onmicrosoft.com',
  tenantId: TENANT,
};

describe('card updates for everyone pass the audience rule', function () {
  this.timeout(60000);
  let h: Harness;

  before(async () => {
    h = await startHarness({ env: { IRO_NOW: '2026-08-28T08:00:00Z' }, importDoc: { ...fixture, staff }, jobs: true });
    for (const who of [alex, dafydd, owen]) await h.ask(messageActivity(h.connector.url, who, '/help'));
    // The channel is set up while only staff are in it; a guest joins afterwards.
    h.connector.memberLists.set(CHANNEL, [member(tomos), member(dafydd), member(owen)]);
    assert.match(
      cardOf(await h.ask(mentionActivity(h.connector.url, tomos, '/setup social-work-channel north'))).text,
      /Social work team channel/i,
    );
  });
  after(async () => h?.stop());

  async function arrival(pred: (a: ReceivedActivity) => boolean, timeoutMs = 10000): Promise<ReceivedActivity> {
    const end = Date.now() + timeoutMs;
    for (;;) {
      const found = h.connector.received.find(pred);
      if (found) return found;
      if (Date.now() > end) throw new Error('not received');
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  async function invoke(
    from: Sender,
    verb: string,
    data: Record<string, unknown>,
    where?: { conversationId: string; replyToId: string },
  ) {
    const base = messageActivity(
      h.connector.url,
      from,
      '',
      where ? { conversationType: 'channel', conversationId: where.conversationId } : {},
    );
    const res = await h.post({
      ...base,
      type: 'invoke',
      name: 'adaptiveCard/action',
      text: undefined,
      replyToId: where?.replyToId,
      ...(where ? { channelData: { ...base.channelData, team: { id: '19:team' }, channel: { id: CHANNEL } } } : {}),
      value: { action: { type: 'Action.Execute', verb, data } },
    });
    assert.equal(res.status, 200, res.body);
    return JSON.parse(res.body);
  }

  it('an acknowledgement in a channel with an unexpected guest: the clicker gets the card, the message is not rewritten, the attempt is audited', async () => {
    const raised = await invoke(alex, 'resolution.raise', {
      ref: 'C100',
      theme: 'care-planning',
      stage: '1',
      summary: 'The care plan is out of date.',
      ask: 'An updated plan',
    });
    assert.equal(raised.type, 'application/vnd.microsoft.card.adaptive', JSON.stringify(raised));
    const post = await arrival((a) => a.key === 'resolution:C100-RES1:stage:1:card');
    // A guest joins the channel after the card was posted; the roster is re-read after its minute in the cache.
    h.connector.memberLists.set(CHANNEL, [member(tomos), member(dafydd), member(owen), GUEST]);
    const clock = sinon.useFakeTimers({ now: Date.now() + 61_000, toFake: ['Date'], shouldAdvanceTime: true });
    after(() => clock.restore());

    const before = h.connector.received.length;
    const spy = spyOnTurns();
    let answer;
    try {
      answer = await invoke(
        dafydd,
        'resolution.acknowledge',
        { ref: 'C100', id: 'C100-RES1', stage: '1' },
        { conversationId: post.createdConversationId!, replyToId: 'root-1' },
      );
    } finally {
      spy.restore();
    }
    assert.equal(
      answer.type,
      'application/vnd.microsoft.card.adaptive',
      'the person who clicked gets the updated card',
    );
    // The update for everyone is made inside the invoke's turn (src/teams/invoke.ts), which the edge awaits
    // before it answers: not attempted at all means nothing can be rewritten later (no waiting needed).
    assert.equal(spy.turns(), 1);
    assert.equal(spy.updates(), 0, 'no update for everyone was attempted');
    const puts = h.connector.received.slice(before).filter((a) => a.method === 'PUT');
    assert.deepEqual(puts, [], 'nothing rewritten in the conversation the guest can read');
    const audit = await h.bot.deps.audit.list({ action: 'action.update-withheld' });
    assert.equal(audit.length, 1);
    assert.doesNotMatch(JSON.stringify(audit), /Dylan|Evans/);
  });
});
