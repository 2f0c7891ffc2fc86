import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { runImport } from '../../src/app/import/run-import.js';
import { validateCard } from '../../tools/card-validation.js';
import { plainText } from '../../src/teams/markdown.js';
import { BOT, messageActivity, type Sender } from '../helpers/activities.js';
import { cardOf, startHarness, type Harness } from '../helpers/bot-harness.js';
import type { ReceivedActivity } from '../helpers/fake-connector.js';
import { renderModel } from '../helpers/markdown-model.js';
import { admin, alex, dafydd } from '../helpers/people.js';

// Issue 10 point 5 over HTTP: a venue typed as a markdown link reaches the IRO channel's booking card
// as text, not as a working link.
const NOW = '2026-11-25T09:00:00Z';
const base = JSON.parse(fs.readFileSync(path.join(__dirname, '../fixtures/http/small-service.json'), 'utf8'));
const fixture = {
  ...base,
  staff: [
    ...base.staff,
    { id: 'admin-1', name: 'Tomos Bevan', roles: ['admin'], aadObjectId: '00000000-0000-0000-0000-0000000000ad' },
  ],
};
const IRO_CHANNEL = '19:iro-escape@thread.tacv2';
const VENUE = '[Click to approve](https://evil.example/approve) **now** <at>Catrin Morgan</at>';

/** TextBlock.text and Fact title/value: the strings Teams renders as markdown. */
function markdownFields(card: unknown, out: string[] = [], isFact = false): string[] {
  if (Array.isArray(card)) card.forEach((c) => markdownFields(c, out, isFact));
  else if (card !== null && typeof card === 'object') {
    const o = card as Record<string, unknown>;
    for (const [k, v] of Object.entries(o)) {
      if (
        typeof v === 'string' &&
        ((o.type === 'TextBlock' && k === 'text') || (isFact && (k === 'title' || k === 'value')))
      )
        out.push(v);
      else markdownFields(v, out, o.type === 'FactSet' && k === 'facts');
    }
  }
  return out;
}

describe('user text in cards over HTTP', function () {
  this.timeout(60000);
  let h: Harness;
  before(async () => {
    h = await startHarness({ env: { IRO_NOW: NOW }, jobs: true });
    await runImport(h.bot.store, fixture, { sourceName: 'test', now: new Date(NOW) });
  });
  after(async () => h?.stop());

  async function replyTo(activity: { id: string }): Promise<ReceivedActivity> {
    const res = await h.post(activity);
    assert.ok(res.status < 300, res.body);
    const until = Date.now() + 10000;
    for (;;) {
      const r = h.connector.received.find((a) => a.method === 'POST' && a.replyToId === activity.id);
      if (r) return r;
      if (Date.now() > until) throw new Error(`no reply to ${activity.id}`);
      await new Promise((done) => setTimeout(done, 20));
    }
  }
  const channelAsk = (from: Sender, command: string, channel = IRO_CHANNEL) => {
    const mention = `<at>${BOT.name}</at>`;
    return replyTo(
      messageActivity(h.connector.url, from, `${mention} ${command}`, {
        conversationType: 'channel',
        conversationId: `${channel};messageid=1`,
        entities: [{ type: 'mention', text: mention, mentioned: BOT }],
      }),
    );
  };

  it('a venue written as a markdown link shows as typed in the booking card and the IRO channel card, and links nothing', async () => {
    await channelAsk(admin, '/setup iro-channel');
    await channelAsk(admin, '/setup social-work-channel north', '19:north-escape@thread.tacv2');
    for (const p of [alex, dafydd]) await replyTo(messageActivity(h.connector.url, p, '/help'));
    const form = cardOf(await replyTo(messageActivity(h.connector.url, alex, '/book C100'))).card;
    const book = (form.actions as any[]).find((a) => a.title === 'Book');
    const res = await h.post({
      ...messageActivity(h.connector.url, alex, ''),
      type: 'invoke',
      name: 'adaptiveCard/action',
      text: undefined,
      value: {
        action: {
          type: 'Action.Execute',
          verb: book.verb,
          data: { ...book.data, date: '2026-11-26', time: '10:00', venue: VENUE, invitees: 'sw-1' },
        },
        trigger: 'manual',
      },
    });
    assert.equal(res.status, 200, res.body);
    const cards: unknown[] = [JSON.parse(res.body).value];
    const until = Date.now() + 10000;
    let posted: ReceivedActivity | undefined;
    while (!posted && Date.now() < until) {
      posted = h.connector.received.find(
        (a) => a.conversationId.startsWith(IRO_CHANNEL) && JSON.stringify(a.body).includes('Review booked'),
      );
      if (!posted) await new Promise((r) => setTimeout(r, 50));
    }
    assert.ok(posted, 'the booking card reached the IRO channel');
    cards.push(posted.body.attachments[0].content);
    for (const card of cards) {
      assert.deepEqual(validateCard(card as object), []);
      const fields = markdownFields(card).filter((t) => t.includes('evil'));
      assert.ok(fields.length > 0);
      for (const t of fields) {
        assert.deepEqual(renderModel(t).constructs, [], t);
        assert.ok(plainText(t).includes(VENUE), 'the venue reads exactly as typed');
        assert.doesNotMatch(t, /\]\(https:\/\/|<at>|\*\*now\*\*/);
      }
    }
  });
});
