import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { messageActivity, mentionActivity } from '../helpers/activities.js';
import { cardOf, startHarness, type Harness } from '../helpers/bot-harness.js';
import { admin, alex } from '../helpers/people.js';

// Proactive delivery through the real server: a conversation saved from a message, the sweeper's
// reminder queued in the outbox, and the sender posting it to the fake Teams connector.
const fixture = JSON.parse(fs.readFileSync(path.join(__dirname, '../fixtures/http/small-service.json'), 'utf8'));

describe('proactive delivery over HTTP', function () {
  this.timeout(30000);
  let h: Harness;
  before(async () => {
    const withAdmin = {
      ...fixture,
      staff: [
        ...fixture.staff,
        { id: 'admin-1', name: 'Tomos Bevan', roles: ['admin'], aadObjectId: admin.aadObjectId },
      ],
    };
    // Wednesday 25 Nov 2026, 09:00 London: C100's review is due tomorrow and not booked.
    h = await startHarness({ env: { IRO_NOW: '2026-11-25T09:00:00Z' }, importDoc: withAdmin, jobs: true });
  });
  after(async () => h?.stop());

  it('saves the 1:1 chat, then the sweeper queues the daily reminder and the sender posts it there, once', async () => {
    await h.ask(messageActivity(h.connector.url, alex, '/help'));
    const before = h.connector.received.length;
    const first = await h.bot.jobs!.sweeper.sweepOnce();
    assert.ok(first.enqueuedKeys.includes('review:C100:4:reminder:2026-11-25'), first.enqueuedKeys.join(', '));
    assert.ok(
      first.enqueuedKeys.includes('digest:iro:iro-1:2026-11-23'),
      "this week's digest (Monday 23 Nov) catches up",
    );
    const all = await h.connector.waitFor(before + first.enqueued, 10000);
    const mine = all.slice(before);
    assert.ok(
      mine.every((a) => a.conversationId === 'a:personal-29:alex'),
      "personal messages go to the IRO's 1:1 chat",
    );
    const reminder = mine.find((a) => cardOf(a).text.includes('C100'));
    assert.ok(reminder, 'the C100 reminder arrived');
    const again = await h.bot.jobs!.sweeper.sweepOnce();
    assert.equal(again.enqueued, 0, 'a second sweep queues nothing twice');
  });

  it('/setup iro-channel in a channel (admin) gives it a purpose; /setup status shows it', async () => {
    const refused = cardOf(await h.ask(mentionActivity(h.connector.url, alex, '/setup iro-channel')));
    assert.match(refused.text, /not available to your role/);
    const set = cardOf(await h.ask(mentionActivity(h.connector.url, admin, '/setup iro-channel')));
    assert.match(set.text, /now the IRO channel/);
    const status = cardOf(await h.ask(messageActivity(h.connector.url, admin, '/setup status')));
    assert.match(status.text, /IRO channel: 19:channel@thread\.tacv2/);
    assert.match(status.text, /Outbox: \d+ pending, \d+ sent, 0 failed/);
    const audit = await h.bot.deps.audit.list({ action: 'setup.channel' });
    assert.equal(audit.length, 1);
  });

  it('/setup in a personal chat cannot set a purpose, and an unknown purpose is named', async () => {
    const personal = cardOf(await h.ask(messageActivity(h.connector.url, admin, '/setup iro-channel')));
    assert.match(personal.text, /run \/setup iro-channel in the channel/i);
    const unknown = cardOf(await h.ask(messageActivity(h.connector.url, admin, '/setup party-channel')));
    assert.match(unknown.text, /"party-channel" is not something I can set up/);
  });
});
