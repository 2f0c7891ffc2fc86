import assert from 'node:assert/strict';
import { saveActivity } from '../helpers/save-activity.js';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runImport } from '../../src/app/import/run-import.js';
import { addDays, createCalendar } from '../../src/domain/calendar.js';
import { getPolicy } from '../../src/domain/policies.js';
import { createAudienceGate } from '../../src/jobs/audience-gate.js';
import { createPendingDrainer } from '../../src/jobs/pending-drainer.js';
import { createSweeper } from '../../src/jobs/sweeper.js';
import { createLogger } from '../../src/logger.js';
import type { Store } from '../../src/store/doc-collection.js';
import type { OutboxDoc } from '../../src/store/delivery-documents.js';
import { openEmbeddedStore } from '../../src/store/embedded/embedded-store.js';
import { AuditLog } from '../../src/store/repositories/audit-log.js';
import { ChildrenRepository } from '../../src/store/repositories/children-repository.js';
import { ConversationRepository } from '../../src/store/repositories/conversation-repository.js';
import { OutboxRepository } from '../../src/store/repositories/outbox-repository.js';
import { StaffRepository } from '../../src/store/repositories/staff-repository.js';
import { renderPending } from '../../src/teams/presenters/pending-messages.js';

// With a fixed clock moved one day at a time (10:00Z, after SEND_FROM_HOUR), the sweeper and the
// pending drainer run as in production; each prompt L2–L9 must reach the outbox once, on the day its
// rule says, as a reply in the child's liaison thread; L2, L4, L6 and L8 also in legal's 1:1 chat.
//
// C500 (iro-1, Guardian g-1): proceedings start Mon 2 Mar 2026, Guardian appointed Wed 4 Mar,
// court documents received Mon 6 Apr, review booked Mon 13 Apr for Tue 28 Apr, its record distributed
// Tue 5 May, IRH Wed 20 May with an open resolution, proceedings concluded Tue 30 Jun (stays looked after).
const IMPORT = {
  formatVersion: 1,
  staff: [
    { id: 'iro-1', name: 'Alex Wilber', roles: ['iro'], team: 'reviewing', aadObjectId: 'aad-iro-1' },
    { id: 'legal-1', name: 'Angharad Rees', roles: ['legal'], aadObjectId: 'aad-legal-1' },
    {
      id: 'g-1',
      name: 'Ffion Powell',
      roles: ['guardian'],
      external: true,
      organisation: 'Cafcass Cymru',
      email: 'ffion@cafcass.example',
      upn: 'ffion_cafcass.example#EXT#@council.onmicrosoft.com',
    },
  ],
  children: [
    {
      ref: 'C500',
      givenName: 'Seren',
      familyName: 'Jones',
      track: 'cla',
      iroId: 'iro-1',
      legalStatus: 'interim-care-order',
      events: [{ type: 'became-looked-after', date: '2026-02-20' }],
      reviews: [{ id: 'C500-1', heldOn: '2026-03-10', recordDistributedOn: '2026-03-16' }],
      proceedings: {
        startedOn: '2026-03-02',
        guardianId: 'g-1',
        guardianAppointedOn: '2026-03-04',
        irhDate: '2026-05-20',
        discussionIntervalDays: 42,
      },
    },
  ],
};
// An informal (stage 0) resolution, open: what L8 tells the court about.
const stamp = { by: 'iro-1', byName: 'Alex Wilber', at: '2026-05-01T10:00:00.000Z', on: '2026-05-01' };
const OPEN_RESOLUTION = {
  id: 'C500-R1',
  theme: 'care-planning',
  summary: 'Plan drift',
  ask: '',
  askBy: null,
  raised: stamp,
  status: 'open',
  stages: [
    {
      stage: 0,
      started: stamp,
      addresseeIds: [],
      acknowledgeBy: null,
      respondBy: '2026-05-08',
      acknowledged: null,
      response: null,
      skipped: [],
      skipReason: null,
    },
  ],
  outcome: null,
  seniorOfficerNotice: null,
  referral: null,
};
const SERVICE_URL = 'https://smba.trafficmanager.net/uk/';
const LIAISON_CHANNEL = '19:liaison-g1@thread.tacv2';

describe('liaison prompts L2–L9 (sweeper → pending drainer → outbox, fixed clock)', function () {
  this.timeout(60000);
  let dir: string;
  let store: Store;
  let now = new Date('2026-03-01T10:00:00Z');
  const firstSeen = new Map<string, string>();
  /** The audience gate's decision for each message, on the day it reached the outbox. */
  const gateSaid = new Map<string, boolean>();
  let outboxDocs: OutboxDoc[] = [];

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'iro-liaison-'));
    store = await openEmbeddedStore(dir);
    await runImport(store, IMPORT, { sourceName: 'test', now });
    const calendar = createCalendar({ region: 'GB-WLS', closureDays: [] });
    const deps = {
      staff: new StaffRepository(store),
      children: new ChildrenRepository(store),
      audit: new AuditLog(store),
      conversations: new ConversationRepository(store),
      outbox: new OutboxRepository(store),
      policy: getPolicy('wales'),
      calendar,
      clock: () => now,
      tzName: 'Europe/London',
    };
    await deps.outbox.ensureIndexes();
    const personal = (aad: string, staffId: string) =>
      saveActivity(
        deps.conversations,
        {
          serviceUrl: SERVICE_URL,
          channelId: 'msteams',
          from: { id: `29:${aad}`, aadObjectId: aad },
          recipient: { id: '28:bot' },
          conversation: { id: `a:${aad}`, conversationType: 'personal', tenantId: 't' },
        },
        { now, staffId },
      );
    await personal('aad-iro-1', 'iro-1');
    await personal('aad-legal-1', 'legal-1');
    await saveActivity(
      deps.conversations,
      {
        serviceUrl: SERVICE_URL,
        channelId: 'msteams',
        from: { id: '29:admin' },
        recipient: { id: '28:bot' },
        conversation: { id: `${LIAISON_CHANNEL};messageid=1`, conversationType: 'channel', tenantId: 't' },
        channelData: { team: { id: '19:team' }, channel: { id: LIAISON_CHANNEL } },
      },
      { now },
    );
    await deps.conversations.setPurpose(LIAISON_CHANNEL, {
      purpose: 'liaison-channel',
      guardianId: 'g-1',
      setBy: 'admin-1',
      setAt: now,
    });
    const logger = createLogger('silent');
    const sweeper = createSweeper({
      deps,
      outbox: deps.outbox,
      conversations: deps.conversations,
      logger,
      intervalMs: 60_000,
      config: { reminderWorkingDays: 10, digestWeeks: 4, showChildNamesInChannels: false },
    });
    const drainer = createPendingDrainer({
      deps,
      render: renderPending,
      deliveryClock: () => now,
      showNamesInChannels: false,
      logger,
    });
    // The channel holds staff and its own Guardian (a guest): the audience gate lets the prompts through.
    const gate = createAudienceGate({
      deps,
      logger,
      councilTenantId: 't',
      listMembers: async () => [
        { aadObjectId: 'aad-iro-1', userPrincipalName: 'alex@council.example', tenantId: 't', userRole: 'user' },
        {
          aadObjectId: 'aad-g-1',
          userPrincipalName: 'ffion_cafcass.example#EXT#@council.onmicrosoft.com',
          userRole: 'guest',
        },
      ],
    });
    const children = deps.children;
    const change = async (update: object, action: string) => {
      const c = (await children.get('C500'))!;
      await children.updateVersioned('C500', c.version, update as never, { at: now, by: { id: 'test' }, action });
    };
    // The world changes on these days (before that day's sweep).
    const events: Record<string, () => Promise<unknown>> = {
      '2026-04-06': () =>
        change(
          { $push: { 'liaison.courtDocuments': { receivedOn: '2026-04-06', byId: 'legal-1' } } },
          'court documents',
        ),
      '2026-04-13': () =>
        change(
          {
            $push: {
              bookings: {
                id: 'C500-B2',
                start: '2026-04-28T10:00:00+01:00',
                venue: 'Placement',
                status: 'booked',
                source: 'bot',
              },
            },
          },
          'booked',
        ),
      '2026-04-28': () => change({ $push: { reviews: { id: 'C500-2', heldOn: '2026-04-28', source: 'bot' } } }, 'held'),
      '2026-05-05': () => change({ $set: { 'reviews.1.recordDistributedOn': '2026-05-05' } }, 'distributed'),
      '2026-05-01': () => change({ $set: { resolutions: [OPEN_RESOLUTION] } }, 'resolution raised'),
      '2026-05-11': () =>
        change(
          {
            $push: {
              'liaison.discussions': {
                id: 'd1',
                on: '2026-05-11',
                byId: 'iro-1',
                topics: ['care-plan'],
                notes: '',
                final: false,
                recordedAt: now,
              },
            },
          },
          'discussion',
        ),
      '2026-06-30': () =>
        change(
          { $set: { 'proceedings.concludedOn': '2026-06-30', 'proceedings.outcome': 'remains-looked-after' } },
          'concluded',
        ),
      '2026-07-06': () =>
        change(
          {
            $push: {
              'liaison.discussions': {
                id: 'd2',
                on: '2026-07-06',
                byId: 'g-1',
                topics: [],
                notes: '',
                final: true,
                recordedAt: now,
              },
              'liaison.done': {
                $each: ['s31a-care-plan', 'guardian-report', 'final-order', 'contact-arrangements'].map((s) => ({
                  duty: 'L9',
                  subject: s,
                  on: '2026-07-06',
                  byId: 'g-1',
                })),
              },
            },
          },
          'L9 done',
        ),
    };
    for (let day = '2026-03-01'; day <= '2026-07-31'; day = addDays(day, 1)) {
      now = new Date(`${day}T10:00:00Z`);
      await events[day]?.();
      for (let i = 0; i < 2; i++) {
        // twice a day: a second sweep must queue nothing new
        await sweeper.sweepOnce();
        await drainer.drainOnce();
      }
      for (const d of await store.collection<OutboxDoc>('outbox').find({}).toArray()) {
        if (firstSeen.has(d._id)) continue;
        firstSeen.set(d._id, day);
        gateSaid.set(d._id, (await gate.check(d, (await deps.conversations.get(d.target.conversationId))!)).send);
      }
    }
    outboxDocs = (await store.collection<OutboxDoc>('outbox').find({}).toArray()).filter((d) =>
      d._id.startsWith('liaison:'),
    );
  });
  after(async () => {
    await store?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  const HEADER = 'liaison:C500:thread:g-1';
  const EXPECTED: [string, string, boolean][] = [
    // key, day it fires, also to legal
    ['liaison:C500:L2:iro-1', '2026-03-02', true], // on allocation (proceedings start), deadline 2 working days
    ['liaison:C500:L3:g-1', '2026-03-04', false], // Guardian appointed, deadline 5 working days
    ['liaison:C500:L6:C500-1', '2026-03-16', true], // record of a review during proceedings distributed
    ['liaison:C500:L4:2026-04-06', '2026-04-06', true], // court documents received; IRO confirms within 5 working days
    ['liaison:C500:L5:C500-B2:2026-04-28', '2026-04-13', false], // review booked: the Guardian is invited (keyed by its date)
    ['liaison:C500:L7:2026-04-15', '2026-04-15', false], // 42 days after the appointment, no discussion yet
    ['liaison:C500:L6:C500-2', '2026-05-05', true],
    ['liaison:C500:L8:2026-05-20', '2026-05-13', true], // 5 working days before the IRH, a resolution open
    ['liaison:C500:L7:2026-06-22', '2026-06-22', false], // 42 days after the discussion of 11 May
    ['liaison:C500:L9:final', '2026-06-30', false], // proceedings concluded, child stays looked after
  ];

  for (const [key, day, legal] of EXPECTED) {
    it(`${key.split(':')[2]} (${key.split(':')[3]}) fires once on ${day} into the liaison thread${legal ? ', and to legal' : ''}`, () => {
      const docs = outboxDocs.filter((d) => d._id === key);
      assert.equal(docs.length, 1);
      assert.equal(firstSeen.get(key), day);
      assert.equal(docs[0].target.conversationId, LIAISON_CHANNEL);
      assert.equal(docs[0].target.threadOf, HEADER);
      const legalDoc = outboxDocs.find((d) => d._id === `${key}:legal`);
      if (legal) {
        assert.equal(legalDoc?.target.conversationId, 'a:aad-legal-1');
        assert.equal(firstSeen.get(`${key}:legal`), day);
      } else {
        assert.equal(legalDoc, undefined);
      }
    });
  }

  it('L6 court: the record of each review held during the proceedings goes to legal to submit to court, not into the thread', () => {
    for (const [review, day] of [
      ['C500-1', '2026-03-16'],
      ['C500-2', '2026-05-05'],
    ]) {
      const key = `liaison:C500:L6:${review}:court`;
      assert.equal(outboxDocs.filter((d) => d._id === key).length, 0);
      const legalDoc = outboxDocs.find((d) => d._id === `${key}:legal`);
      assert.equal(legalDoc?.target.conversationId, 'a:aad-legal-1');
      assert.equal(firstSeen.get(`${key}:legal`), day);
    }
  });

  it('starts the thread once with a header card (child ref and initials, IRO, Guardian), before the first prompt', () => {
    const header = outboxDocs.find((d) => d._id === HEADER)!;
    assert.equal(header.target.newThread, true);
    assert.equal(firstSeen.get(HEADER), '2026-03-02');
    const json = JSON.stringify(header.activity);
    assert.match(json, /C500 · S\.J\./);
    assert.match(json, /Alex Wilber/);
    assert.match(json, /Ffion Powell/);
    assert.doesNotMatch(json, /Seren|Jones/);
  });

  it('sends nothing else: no other prompt keys, and after L9 is done the thread gets its closing card', () => {
    const prompts = outboxDocs
      .map((d) => d._id)
      .filter((k) => /^liaison:C500:L\d/.test(k) && !k.endsWith(':legal'))
      .sort();
    assert.deepEqual(prompts, EXPECTED.map(([k]) => k).sort());
    assert.equal(firstSeen.get('liaison:C500:closed:g-1'), '2026-07-06');
    assert.ok(
      outboxDocs.every((d) => d.status === 'pending'),
      'nothing was withheld',
    );
    assert.deepEqual(
      outboxDocs.filter((d) => gateSaid.get(d._id) !== true).map((d) => d._id),
      [],
      'the audience gate passes every one',
    );
    assert.ok(outboxDocs.every((d) => d.kind?.startsWith('liaison-') && d.about?.refs.join() === 'C500'));
  });
});
