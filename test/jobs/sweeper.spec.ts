import assert from 'node:assert/strict';
import sinon from 'sinon';
import { saveActivity } from '../helpers/save-activity.js';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runImport } from '../../src/app/import/run-import.js';
import { createCalendar } from '../../src/domain/calendar.js';
import { getPolicy } from '../../src/domain/policies.js';
import { createSweeper, type SweepResult, type SweeperDeps, type SweeperOptions } from '../../src/jobs/sweeper.js';
import { createLogger } from '../../src/logger.js';
import type { Store } from '../../src/store/doc-collection.js';
import { DELIVERY_COLLECTIONS, type OutboxDoc } from '../../src/store/delivery-documents.js';
import { openEmbeddedStore } from '../../src/store/embedded/embedded-store.js';
import { ChildrenRepository } from '../../src/store/repositories/children-repository.js';
import { ConversationRepository } from '../../src/store/repositories/conversation-repository.js';
import { OutboxRepository } from '../../src/store/repositories/outbox-repository.js';
import { StaffRepository } from '../../src/store/repositories/staff-repository.js';
import { validateCard } from '../../tools/card-validation.js';

// The service under test (Wales policy). Week of Mon 3 Oct 2016 (BST: 07:00 London = 06:00Z):
//   C2001 Dylan Evans (iro-1): 2nd review held 14 Apr → next due Fri 14 Oct, not booked → daily reminders.
//   C2002 Seren Jones (iro-1): next due Thu 20 Oct, booked → nothing but the digest's silence.
//   C2003 Osian Hughes (iro-2): review held Fri 23 Sep, record not distributed → day 10 = Mon 3 Oct,
//         day 15 = Sat 8 Oct → sent Mon 10 Oct (first working day of its window).
//   C2004 Megan Price (iro-2): looked after since 1 Aug, first review overdue, not booked → digests only.
//   C2005 Ffion Lloyd (iro-3, no chat with the bot): first review due Tue 18 Oct → reminders with no address.
const IMPORT = {
  formatVersion: 1,
  staff: [
    { id: 'iro-1', name: 'Alex Wilber', roles: ['iro'], team: 'reviewing', aadObjectId: 'aad-iro-1' },
    { id: 'iro-2', name: 'Rhian Pritchard', roles: ['iro'], team: 'reviewing', aadObjectId: 'aad-iro-2' },
    { id: 'iro-3', name: 'Gareth Bale', roles: ['iro'], team: 'reviewing' },
    { id: 'bs-1', name: 'Bethan Support', roles: ['business-support'], team: 'reviewing' },
    { id: 'sw-1', name: 'Dafydd Thomas', roles: ['social-worker'], team: 'north' },
  ],
  children: [
    {
      ref: 'C2001',
      givenName: 'Dylan',
      familyName: 'Evans',
      track: 'cla',
      iroId: 'iro-1',
      socialWorkerId: 'sw-1',
      events: [{ type: 'became-looked-after', date: '2016-01-04' }],
      reviews: [
        { id: 'C2001-1', heldOn: '2016-01-20', recordDistributedOn: '2016-01-25' },
        { id: 'C2001-2', heldOn: '2016-04-14', recordDistributedOn: '2016-04-20' },
      ],
    },
    {
      ref: 'C2002',
      givenName: 'Seren',
      familyName: 'Jones',
      track: 'cla',
      iroId: 'iro-1',
      events: [{ type: 'became-looked-after', date: '2016-01-04' }],
      reviews: [
        { id: 'C2002-1', heldOn: '2016-01-21', recordDistributedOn: '2016-01-25' },
        { id: 'C2002-2', heldOn: '2016-04-20', recordDistributedOn: '2016-04-28' },
      ],
      bookings: [{ id: 'C2002-B3', start: '2016-10-18T10:00:00+01:00', venue: 'School' }],
    },
    {
      ref: 'C2003',
      givenName: 'Osian',
      familyName: 'Hughes',
      track: 'cla',
      iroId: 'iro-2',
      events: [{ type: 'became-looked-after', date: '2016-06-01' }],
      reviews: [
        { id: 'C2003-1', heldOn: '2016-06-20', recordDistributedOn: '2016-06-28' },
        { id: 'C2003-2', heldOn: '2016-09-23', recordDistributedOn: null },
      ],
    },
    {
      ref: 'C2004',
      givenName: 'Megan',
      familyName: 'Price',
      track: 'cla',
      iroId: 'iro-2',
      events: [{ type: 'became-looked-after', date: '2016-08-01' }],
    },
    {
      ref: 'C2005',
      givenName: 'Ffion',
      familyName: 'Lloyd',
      track: 'cla',
      iroId: 'iro-3',
      events: [{ type: 'became-looked-after', date: '2016-09-20' }],
    },
  ],
};
const FULL_NAMES = ['Dylan', 'Evans', 'Seren', 'Jones', 'Osian', 'Hughes', 'Megan', 'Price', 'Ffion', 'Lloyd'];

const SERVICE_URL = 'https://smba.trafficmanager.net/uk/';
const personalActivity = (aad: string, convId: string) => ({
  type: 'message',
  serviceUrl: SERVICE_URL,
  channelId: 'msteams',
  from: { id: `29:${aad}`, aadObjectId: aad },
  recipient: { id: '28:bot' },
  conversation: { id: convId, conversationType: 'personal', tenantId: 't1' },
});
const channelActivity = (convId: string) => ({
  type: 'message',
  serviceUrl: SERVICE_URL,
  channelId: 'msteams',
  from: { id: '29:x', aadObjectId: 'aad-bs-1' },
  recipient: { id: '28:bot' },
  conversation: { id: `${convId};messageid=1`, conversationType: 'channel', tenantId: 't1' },
  channelData: { team: { id: '19:team' }, channel: { id: convId }, tenant: { id: 't1' } },
});

describe('sweeper', () => {
  let dir: string;
  let store: Store;
  let now: Date;
  let deps: SweeperDeps;
  let outbox: OutboxRepository;
  let conversations: ConversationRepository;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'iro-sweeper-'));
    store = await openEmbeddedStore(dir);
    now = new Date('2016-10-01T23:00:00Z'); // Sun 2 Oct 00:00 London
    await runImport(store, IMPORT, { sourceName: 'sweeper-test.json', now: new Date('2016-09-30T12:00:00Z') });
    deps = {
      staff: new StaffRepository(store),
      children: new ChildrenRepository(store),
      policy: getPolicy('wales'),
      calendar: createCalendar({ region: 'GB-WLS', closureDays: [] }),
      clock: () => new Date(now.getTime()),
      tzName: 'Europe/London',
    };
    outbox = new OutboxRepository(store);
    conversations = new ConversationRepository(store);
    const saved = new Date('2016-09-30T12:00:00Z');
    await saveActivity(conversations, personalActivity('aad-iro-1', 'a:chat-iro-1'), { now: saved, staffId: 'iro-1' });
    // iro-2's chat was saved before they were linked to the directory: found by AAD object id.
    await saveActivity(conversations, personalActivity('aad-iro-2', 'a:chat-iro-2'), { now: saved });
    await saveActivity(conversations, channelActivity('19:iro-channel@thread.tacv2'), { now: saved });
    await conversations.setPurpose('19:iro-channel@thread.tacv2', {
      purpose: 'iro-channel',
      setBy: 'bs-1',
      setAt: saved,
    });
  });
  afterEach(async () => {
    await store.close();
    await rm(dir, { recursive: true, force: true });
  });

  const sweeper = (extra: Partial<SweeperOptions> = {}) =>
    createSweeper({
      deps,
      outbox,
      conversations,
      intervalMs: 5 * 60_000,
      logger: createLogger('silent'),
      config: { reminderWorkingDays: 10, digestWeeks: 4, showChildNamesInChannels: false },
      ...extra,
    });
  const allOutbox = () =>
    store
      .collection<OutboxDoc>(DELIVERY_COLLECTIONS.outbox)
      .find({}, { sort: { _id: 1 } })
      .toArray();

  /** Every TextBlock text of an enqueued card. */
  const cardTexts = (doc: OutboxDoc): string[] => {
    const out: string[] = [];
    const walk = (v: unknown): void => {
      if (Array.isArray(v)) v.forEach(walk);
      else if (v && typeof v === 'object') {
        const o = v as Record<string, unknown>;
        if (o.type === 'TextBlock') out.push(String(o.text));
        if (o.type === 'FactSet')
          out.push(...(o.facts as { title: string; value: string }[]).map((f) => `${f.title}: ${f.value}`));
        Object.values(o).forEach(walk);
      }
    };
    walk((doc.activity.attachments as { content: unknown }[])[0]!.content);
    return out;
  };

  it('across a week with a fixed clock (every 30 minutes, Sun → next Mon): the right digests and reminders, once each', async () => {
    let kicks = 0;
    const s = sweeper({ onEnqueued: () => kicks++ });
    const firstEnqueued = new Map<string, string>();
    const totals = { sweeps: 0, enqueued: 0, alreadyQueued: 0, noAddress: 0 };
    const end = new Date('2016-10-10T22:30:00Z').getTime(); // Mon 10 Oct 23:30 London
    for (; now.getTime() <= end; now = new Date(now.getTime() + 30 * 60_000)) {
      const r: SweepResult = await s.sweepOnce();
      totals.sweeps++;
      totals.enqueued += r.enqueued;
      totals.alreadyQueued += r.alreadyQueued;
      totals.noAddress += r.noAddress;
      assert.equal(r.skipped, undefined);
      for (const k of r.enqueuedKeys) {
        assert.ok(!firstEnqueued.has(k), `${k} enqueued twice`);
        firstEnqueued.set(k, now.toISOString());
      }
    }
    assert.equal(totals.sweeps, 9 * 48);

    // 07:00 London (06:00Z in BST) on each working day; nothing at the weekend or before 07:00.
    const mon3 = '2016-10-03T06:00:00.000Z';
    const mon10 = '2016-10-10T06:00:00.000Z';
    const expected: Record<string, string> = {
      'digest:service:2016-10-03': mon3,
      'digest:iro:iro-1:2016-10-03': mon3,
      'digest:iro:iro-2:2016-10-03': mon3,
      'review:C2001:3:reminder:2016-10-03': mon3,
      'review:C2003:C2003-2:record:day10': mon3,
      'review:C2001:3:reminder:2016-10-04': '2016-10-04T06:00:00.000Z',
      'review:C2001:3:reminder:2016-10-05': '2016-10-05T06:00:00.000Z',
      'review:C2001:3:reminder:2016-10-06': '2016-10-06T06:00:00.000Z',
      'review:C2001:3:reminder:2016-10-07': '2016-10-07T06:00:00.000Z',
      'digest:service:2016-10-10': mon10,
      'digest:iro:iro-1:2016-10-10': mon10,
      'digest:iro:iro-2:2016-10-10': mon10,
      'review:C2001:3:reminder:2016-10-10': mon10,
      'review:C2003:C2003-2:record:day15': mon10, // day 15 was Saturday 8 Oct
    };
    assert.deepEqual(
      Object.fromEntries([...firstEnqueued].sort()),
      Object.fromEntries(Object.entries(expected).sort()),
    );

    const docs = await allOutbox();
    assert.deepEqual(
      docs.map((d) => d._id),
      Object.keys(expected).sort(),
      'each key once in the outbox',
    );
    assert.equal(totals.enqueued, docs.length);
    assert.equal(kicks, 6, 'the sender is kicked after each sweep that enqueued (Mon–Fri, Mon)');
    // iro-3 has no chat with the bot: their digest (Mon–Fri from 07:00, 34 sweeps a day) and C2005's
    // reminders (from Tue 4 Oct, due within 10 working days of Tue 18 Oct) had nowhere to go.
    assert.equal(totals.noAddress, 34 * 5 + 34 + 34 * 5);
    assert.ok(docs.every((d) => !d._id.includes('iro-3') && !d._id.includes('C2005')));

    // Addressees: IRO digests and reminders to the IRO's own 1:1 chat; the service digest to the IRO channel.
    const conv = (key: string) => docs.find((d) => d._id === key)!.target;
    assert.deepEqual(conv('digest:service:2016-10-03'), {
      conversationId: '19:iro-channel@thread.tacv2',
      newThread: true,
      threadOf: null,
    });
    for (const d of docs.filter(
      (x) => x._id !== 'digest:service:2016-10-03' && x._id !== 'digest:service:2016-10-10',
    )) {
      const owner = d._id.includes('iro-1') || d._id.includes('C2001') ? 'a:chat-iro-1' : 'a:chat-iro-2';
      assert.deepEqual(d.target, { conversationId: owner, newThread: false, threadOf: null }, d._id);
    }

    // Privacy: names in personal chats only; the channel gets case ref + initials.
    for (const d of docs) {
      const json = JSON.stringify(d.activity);
      const inChannel = d._id.startsWith('digest:service:');
      assert.equal(
        FULL_NAMES.some((n) => json.includes(n)),
        !inChannel,
        d._id,
      );
      assert.ok(
        !String(d.activity.summary).match(new RegExp(FULL_NAMES.join('|'))),
        `summary of ${d._id} has no names`,
      );
      const card = (d.activity.attachments as { content: Record<string, unknown> }[])[0]!.content;
      assert.deepEqual(validateCard(card), [], d._id);
      assert.equal(d.status, 'pending');
    }

    const byKey = (k: string) => cardTexts(docs.find((d) => d._id === k)!);
    const service = byKey('digest:service:2016-10-03');
    assert.ok(service.includes('Overdue (1)') && service.includes('C2004 · M.P.'), service.join('\n'));
    assert.ok(
      service.includes('To book: due by Sun 30 Oct 2016 (2)') &&
        service.includes('C2001 · D.E.') &&
        service.includes('C2005 · F.L.'),
    );
    assert.ok(service.includes('Records to distribute (1)') && service.includes('C2003 · O.H.'));
    assert.ok(!service.some((t) => t.startsWith('C2002')), 'booked and not overdue: not in the digest');
    assert.ok(service.includes('IRO: Gareth Bale'));
    const iro1 = byKey('digest:iro:iro-1:2016-10-03');
    assert.ok(
      iro1.includes('C2001 · Dylan Evans') && !iro1.some((t) => t.startsWith('C2004') || t.startsWith('C2005')),
      iro1.join('\n'),
    );
    assert.ok(!iro1.some((t) => t.startsWith('IRO: ')), 'no IRO line in their own digest');
    const iro2 = byKey('digest:iro:iro-2:2016-10-03');
    assert.ok(iro2.includes('C2004 · Megan Price') && iro2.includes('C2003 · Osian Hughes'));
    assert.deepEqual(byKey('review:C2001:3:reminder:2016-10-03').slice(0, 2), [
      'Review to book',
      'The next review for C2001 · Dylan Evans is due by Fri 14 Oct 2016 and is not booked: 9 working days left.',
    ]);
    assert.equal(byKey('review:C2003:C2003-2:record:day10')[0], 'Review record due');
    assert.equal(byKey('review:C2003:C2003-2:record:day15')[0], 'Review record overdue');
  });

  it('sweeping twice at once, in two instances with a lease, or after a restart enqueues nothing twice', async () => {
    now = new Date('2016-10-03T07:00:00Z'); // Mon 08:00 London
    const expectedKeys = [
      'digest:iro:iro-1:2016-10-03',
      'digest:iro:iro-2:2016-10-03',
      'digest:service:2016-10-03',
      'review:C2001:3:reminder:2016-10-03',
      'review:C2003:C2003-2:record:day10',
    ];
    const [a, b] = await Promise.all([sweeper().sweepOnce(), sweeper().sweepOnce()]);
    assert.equal(a.enqueued + b.enqueued, 5);
    assert.equal(a.alreadyQueued + b.alreadyQueued, 5);
    assert.deepEqual(
      (await allOutbox()).map((d) => d._id),
      expectedKeys,
    );

    // Two instances sharing the store, each with its own lease holder: only one sweeps.
    const leased = (holder: string) => sweeper({ leases: { store, holder } });
    const [x, y] = await Promise.all([leased('host-a').sweepOnce(), leased('host-b').sweepOnce()]);
    assert.deepEqual([x, y].map((r) => r.skipped ?? 'swept').sort(), ['lease-held', 'swept']);
    assert.equal(x.enqueued + y.enqueued, 0);

    // A restart (a new sweeper over the same store) finds everything already queued.
    const again = await sweeper().sweepOnce();
    assert.deepEqual([again.enqueued, again.alreadyQueued], [0, 5]);
    assert.equal((await allOutbox()).length, 5);
  });

  it('the lease holder keeps sweeping and renews; another instance takes over when it expires', async () => {
    now = new Date('2016-10-03T07:00:00Z');
    const a = sweeper({ leases: { store, holder: 'host-a', ttlMs: 10 * 60_000 } });
    const b = sweeper({ leases: { store, holder: 'host-b', ttlMs: 10 * 60_000 } });
    assert.equal((await a.sweepOnce()).skipped, undefined);
    now = new Date('2016-10-03T07:05:00Z');
    assert.equal((await b.sweepOnce()).skipped, 'lease-held');
    assert.equal((await a.sweepOnce()).skipped, undefined, 'renewed until 07:15');
    now = new Date('2016-10-03T07:14:00Z');
    assert.equal((await b.sweepOnce()).skipped, 'lease-held');
    now = new Date('2016-10-03T07:15:00Z'); // host-a stopped sweeping
    assert.equal((await b.sweepOnce()).skipped, undefined);
  });

  it('SHOW_CHILD_NAMES_IN_CHANNELS shows names in the channel digest', async () => {
    now = new Date('2016-10-03T07:00:00Z');
    await sweeper({ config: { reminderWorkingDays: 10, digestWeeks: 4, showChildNamesInChannels: true } }).sweepOnce();
    const service = (await allOutbox()).find((d) => d._id === 'digest:service:2016-10-03')!;
    assert.ok(cardTexts(service).includes('C2001 · Dylan Evans'));
  });

  it("writes each message in its reader's language: a Welsh IRO's own digest and reminder in Welsh, the channel in both (issue 13)", async () => {
    await deps.staff.setLanguage('iro-1', 'cy');
    await conversations.setLanguage('19:iro-channel@thread.tacv2', 'both', new Date('2016-10-01T00:00:00Z'));
    now = new Date('2016-10-03T07:00:00Z');
    await sweeper().sweepOnce();
    const docs = await allOutbox();
    const mine = docs.find((d) => d._id === 'digest:iro:iro-1:2016-10-03')!;
    const texts = cardTexts(mine).join('\n');
    assert.match(texts, /Eich wythnos: adolygiadau a chofnodion/);
    assert.match(texts, /Wythnos Llun 3 Hyd 2016/);
    assert.doesNotMatch(texts, /Your week|Due by|Not booked|Overdue/);
    assert.match(String(mine.activity.summary), /^Crynodeb wythnosol:/);
    const reminder = docs.find((d) => d._id === 'review:C2001:3:reminder:2016-10-03')!;
    assert.match(cardTexts(reminder).join('\n'), /Adolygiad i'w drefnu/);
    // iro-2 chose nothing and their Teams client is English: English.
    assert.match(cardTexts(docs.find((d) => d._id === 'digest:iro:iro-2:2016-10-03')!).join('\n'), /Your week/);
    // The channel set to "both": Welsh first, then English, in one card, valid and under the size limit.
    const service = docs.find((d) => d._id === 'digest:service:2016-10-03')!;
    const both = cardTexts(service).join('\n');
    assert.ok(
      both.indexOf('Y gwasanaeth adolygu') >= 0 &&
        both.indexOf('Y gwasanaeth adolygu') < both.indexOf('Reviewing service'),
    );
    assert.match(String(service.activity.summary), /^Crynodeb wythnosol: .* \/ Weekly digest: /);
    assert.deepEqual(
      validateCard((service.activity.attachments as { content: Record<string, unknown> }[])[0]!.content),
      [],
    );
    assert.ok(JSON.stringify(service.activity).length * 2 <= 80 * 1024);
  });

  it('without an IRO channel the service digest has no address; personal digests still go', async () => {
    await conversations.clearPurpose(
      '19:iro-channel@thread.tacv2',
      'iro-channel',
      {},
      new Date('2016-10-01T00:00:00Z'),
    );
    now = new Date('2016-10-03T07:00:00Z');
    const r = await sweeper().sweepOnce();
    assert.deepEqual([r.enqueued, r.noAddress], [4, 2]); // iro-3's digest and the service digest
    assert.ok(!(await allOutbox()).some((d) => d._id.startsWith('digest:service:')));
  });

  it('start() sweeps on a timer, survives a failed sweep, and stop() stops it and gives the lease up', async () => {
    now = new Date('2016-10-03T07:00:00Z');
    let listed = 0;
    const realListAll = deps.children.listAll.bind(deps.children);
    deps.children.listAll = async () => {
      if (++listed === 1) throw new Error('store hiccup');
      return realListAll();
    };
    let kicked!: () => void;
    const kick = new Promise<void>((resolve) => {
      kicked = resolve;
    });
    // The sweeper's timers are fake (the store uses none): each sweep is fired by hand, and after stop()
    // no timer may be left, so no later sweep can happen, however long one waited.
    const clock = sinon.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      /** Fires the sweeper's next timer once the sweep before it has scheduled one (real I/O runs meanwhile). */
      const fireNext = async () => {
        while (clock.countTimers() === 0) await new Promise((r) => setImmediate(r));
        clock.next();
      };
      const s = sweeper({ intervalMs: 10, onEnqueued: () => kicked(), leases: { store, holder: 'host-a' } });
      s.start();
      await fireNext(); // the first sweep fails
      await fireNext(); // the next one runs anyway
      await kick;
      await s.stop();
      const sweepsAtStop = listed;
      assert.ok(sweepsAtStop >= 2, 'the failed first sweep did not stop the loop');
      assert.equal(clock.countTimers(), 0, 'stop() left no timer behind');
      await clock.runAllAsync();
      assert.equal(listed, sweepsAtStop, 'no sweep after stop()');
    } finally {
      clock.restore();
    }
    assert.equal((await allOutbox()).length, 5);
    assert.equal(await store.collection(DELIVERY_COLLECTIONS.leases).countDocuments({}), 0, 'lease released');
  });
});
