import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { Writable } from 'node:stream';
import { loadConfig } from '../../src/config.js';
import type { ConversationAddress } from '../../src/store/delivery-documents.js';
import { createLogger } from '../../src/logger.js';
import { createAdapter } from '../../src/teams/bot.js';
import { createNotifier } from '../../src/teams/notifier.js';
import { MESSAGE_LIMIT_BYTES, tooLargeNotice, utf16Bytes } from '../../src/teams/message-size.js';

const TOO_LARGE_TITLE = tooLargeNotice('en').title;
import { messageActivity } from '../helpers/activities.js';
import { cardOf, startHarness, type Harness } from '../helpers/bot-harness.js';
import { TEAMS_REFUSES_OVER_BYTES } from '../helpers/fake-connector.js';
import { alex } from '../helpers/people.js';

// Point 3 of the "fit Teams" part of issue 12: the sender never posts an oversize message. The fake
// connector refuses, as Teams does, anything over 100 KB counted as UTF-16 (413). The import bounds
// each field but not a child's whole history: a child looked after for 18 years with a review every
// fortnight (480 reviews, within the import's 500; /case lists the newest 30 of them) and a booking for
// each (480, every one listed) and names at the import's longest makes /case far too big, so the reply
// path and the proactive notifier must send a short notice instead, and log ids and the size only.
const base = JSON.parse(fs.readFileSync(path.join(__dirname, '../fixtures/http/small-service.json'), 'utf8'));
const LONGEST_NAME = 'Ŵ'.repeat(200);
const DAY = 86_400_000;
const longHistory = Array.from({ length: 480 }, (_, i) => {
  const heldOn = new Date(Date.UTC(2008, 0, 10) + i * 14 * DAY).toISOString().slice(0, 10);
  return { id: `C100-H${i + 1}`, heldOn, recordDistributedOn: heldOn };
});
const fixture = {
  ...base,
  children: base.children.map((c: { ref: string }) =>
    c.ref === 'C100'
      ? {
          ...c,
          givenName: LONGEST_NAME,
          familyName: LONGEST_NAME,
          events: [{ type: 'became-looked-after', date: '2008-01-01' }],
          reviews: longHistory,
          bookings: longHistory.map((r, i) => ({
            id: `C100-B${i + 1}`,
            start: `${r.heldOn}T10:00:00+00:00`,
            venue: LONGEST_NAME,
          })),
        }
      : c,
  ),
};

describe('message size: nothing the bot sends is over 80 KB (UTF-16), over HTTP with the fake connector', function () {
  this.timeout(60000);
  let h: Harness;
  const lines: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk, _enc, done) {
      for (const l of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(l));
      done();
    },
  });

  before(async () => {
    h = await startHarness({
      env: { IRO_NOW: '2026-11-25T09:00:00Z' },
      importDoc: fixture,
      logger: createLogger('info', sink),
    });
  });
  after(async () => h?.stop());

  it('a reply that would be too big: a short notice instead of a 413, and one log line with ids and the size', async () => {
    const before = h.connector.attempts.length;
    const reply = await h.ask(messageActivity(h.connector.url, alex, '/case C100'));
    assert.deepEqual(
      h.connector.attempts.slice(before).map((a) => a.outcome),
      ['ok'],
      'one post, accepted (no 413)',
    );
    const { text } = cardOf(reply);
    assert.match(text, new RegExp(TOO_LARGE_TITLE));
    assert.ok(utf16Bytes(reply.body) <= MESSAGE_LIMIT_BYTES, `${utf16Bytes(reply.body)} bytes`);
    const line = lines.find((l) => l.outcome === 'message-too-large');
    assert.ok(line, 'logged');
    assert.ok((line.bytes as number) > TEAMS_REFUSES_OVER_BYTES, `the size is logged: ${String(line.bytes)}`);
    assert.equal(line.limit, MESSAGE_LIMIT_BYTES);
    assert.ok(typeof line.conversationId === 'string');
    assert.doesNotMatch(JSON.stringify(line), /Ŵ|Evans|C100/, 'ids and size only: no content');
  });

  it('a card that fits is sent as it is', async () => {
    const reply = await h.ask(messageActivity(h.connector.url, alex, '/case C102'));
    assert.match(cardOf(reply).text, /Osian Morgan/);
  });

  it('a proactive send that would be too big: the notice is posted instead, and logged', async () => {
    const logged: unknown[] = [];
    const adapter = createAdapter(loadConfig({ DATA_DIR: h.dataDir, LOG_LEVEL: 'silent' }), createLogger('silent'));
    const notifier = createNotifier(adapter, {
      timeoutMs: 5000,
      logger: {
        warn: (o: unknown) => {
          logged.push(o);
        },
      } as never,
    });
    const address: ConversationAddress = {
      conversationId: 'a:proactive-1',
      kind: 'personal',
      serviceUrl: h.connector.url,
      platform: 'msteams',
      tenantId: 't',
      teamId: null,
      channelId: null,
      bot: { id: '28:iro-bot', name: 'IRO Bot' },
      user: { id: '29:alex', name: 'Alex' },
      locale: null,
    };
    const big = { type: 'message', text: 'x'.repeat(60_000) };
    const before = h.connector.received.length;
    await notifier.post(address, big as never);
    const sent = h.connector.received.slice(before);
    assert.equal(sent.length, 1);
    assert.equal(sent[0]!.body.text, undefined, 'the oversize text was not posted');
    assert.match(JSON.stringify(sent[0]!.body.attachments), new RegExp(TOO_LARGE_TITLE));
    assert.equal(logged.length, 1);
    assert.equal((logged[0] as { conversationId: string }).conversationId, 'a:proactive-1');
  });
});
