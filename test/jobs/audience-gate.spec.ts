import assert from 'node:assert/strict';
import { saveActivity } from '../helpers/save-activity.js';
import { runImport } from '../../src/app/import/run-import.js';
import { createCalendar } from '../../src/domain/calendar.js';
import { getPolicy } from '../../src/domain/policies.js';
import { OUTBOX_KINDS, PENDING_KINDS } from '../../src/jobs/outbox-kinds.js';
import { createPendingDrainer } from '../../src/jobs/pending-drainer.js';
import { importReportMessages } from '../../src/jobs/import-report.js';
import { createSweeper } from '../../src/jobs/sweeper.js';
import type { MessageAddress, PendingMessage } from '../../src/store/documents.js';
import type { OutboxDoc } from '../../src/store/delivery-documents.js';
import { AuditLog } from '../../src/store/repositories/audit-log.js';
import { ChildrenRepository } from '../../src/store/repositories/children-repository.js';
import { StaffRepository } from '../../src/store/repositories/staff-repository.js';
import { renderPending } from '../../src/teams/presenters/pending-messages.js';
import {
  startFakeConnector,
  type FakeConnector,
  type FakeMember,
  type ReceivedActivity,
} from '../helpers/fake-connector.js';
import { openOutboxEnv, type OutboxEnv } from './helpers/outbox-env.js';

// One audience gate for everything posted (issue 10). Every outbox message kind — derived from the
// code's registry (jobs/outbox-kinds.ts), so a new kind fails this test until it has a scenario — is
// produced by its real producer (the sweeper for digests and reminders, the resolution sweep, the
// pending drainer for everything state changes queue), then delivered by the real outbox sender to a
// fake Teams connector, with a guest in the target conversation. Nothing about a child may reach it.

const NOW = new Date('2026-11-23T10:00:00Z'); // Monday 10:00 London: digests and reminders are due
const TENANT = 'tenant-1';
const IRO_CHANNEL = '19:iro-channel@thread.tacv2';

const IMPORT = {
  formatVersion: 1,
  staff: [
    {
      id: 'iro-1',
      name: 'Alex Wilber',
      roles: ['iro'],
      team: 'reviewing',
      aadObjectId: 'aad-iro-1',
      upn: 'alex@council.example',
    },
    {
      id: 'sw-1',
      name: 'Sian Hughes',
      roles: ['social-worker'],
      team: 'north',
      aadObjectId: 'aad-sw-1',
      upn: 'sian@council.example',
    },
    { id: 'admin-1', name: 'Tomos Bevan', roles: ['admin'], aadObjectId: 'aad-admin-1', upn: 'tomos@council.example' },
    {
      id: 'g-1',
      name: 'Ffion Powell',
      roles: ['guardian'],
      external: true,
      organisation: 'Cafcass Cymru',
      aadObjectId: 'aad-g-1',
      upn: 'ffion_cafcass.example#EXT#@council.onmicrosoft.com',
    },
    {
      id: 'g-2',
      name: 'Gwen Ellis',
      roles: ['guardian'],
      external: true,
      organisation: 'Cafcass Cymru',
      aadObjectId: 'aad-g-2',
      upn: 'gwen_cafcass.example#EXT#@council.onmicrosoft.com',
    },
  ],
  children: [
    // Review due within 10 working days, unbooked: review reminder; an open resolution overdue.
    {
      ref: 'C101',
      givenName: 'Seren',
      familyName: 'Jones',
      track: 'cla',
      iroId: 'iro-1',
      socialWorkerId: 'sw-1',
      socialWorkTeam: 'north',
      events: [{ type: 'became-looked-after', date: '2026-11-02' }],
    },
    // A review held ten days ago whose record is not distributed: record reminder (day 10).
    {
      ref: 'C102',
      givenName: 'Mali',
      familyName: 'Evans',
      track: 'cla',
      iroId: 'iro-1',
      socialWorkerId: 'sw-1',
      socialWorkTeam: 'north',
      events: [{ type: 'became-looked-after', date: '2026-10-19' }],
      reviews: [{ id: 'C102-1', heldOn: '2026-11-13', chairId: 'iro-1' }],
    },
    // Booked, with a reschedule request.
    {
      ref: 'C103',
      givenName: 'Osian',
      familyName: 'Price',
      track: 'cla',
      iroId: 'iro-1',
      socialWorkerId: 'sw-1',
      socialWorkTeam: 'north',
      events: [{ type: 'became-looked-after', date: '2026-11-09' }],
      bookings: [{ id: 'C103-B1', start: '2026-12-01T10:00:00Z', venue: 'Placement' }],
    },
    // In care proceedings, Guardian g-1.
    {
      ref: 'C104',
      givenName: 'Cerys',
      familyName: 'Morgan',
      track: 'cla',
      iroId: 'iro-1',
      socialWorkerId: 'sw-1',
      socialWorkTeam: 'north',
      events: [{ type: 'became-looked-after', date: '2026-10-26' }],
      proceedings: {
        startedOn: '2026-10-26',
        guardianId: 'g-1',
        guardianAppointedOn: '2026-10-28',
        discussionIntervalDays: 42,
      },
    },
  ],
};
/** Words that identify a child: references, initials, names. */
const CHILD_WORDS: Record<string, RegExp> = {
  C101: /C101|S\.J\.|Seren|Jones/,
  C102: /C102|M\.E\.|Mali|Evans/,
  C103: /C103|O\.P\.|Osian|Price/,
  C104: /C104|C\.M\.|Cerys|Morgan/,
};
const ANY_CHILD = new RegExp(
  Object.values(CHILD_WORDS)
    .map((r) => r.source)
    .join('|'),
);

const stamp = { by: 'iro-1', byName: 'Alex Wilber', at: '2026-10-30T10:00:00.000Z', on: '2026-10-30' };
const RESOLUTION = {
  id: 'C101-R1',
  theme: 'care-planning',
  summary: 'Plan drift',
  ask: 'A plan',
  askBy: null,
  raised: stamp,
  status: 'open',
  stages: [
    {
      stage: 1,
      started: stamp,
      addresseeIds: ['sw-1'],
      acknowledgeBy: '2026-11-03',
      respondBy: '2026-11-13',
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
const REQUEST = {
  id: 'C103-RQ1',
  kind: 'move',
  bookingId: 'C103-B1',
  from: '2026-12-01T10:00:00Z',
  to: '2026-12-03T10:00:00Z',
  venue: 'Placement',
  dueBy: '2026-12-04',
  rule: 'W39.1',
  outsideTimescale: false,
  reason: 'sw-unavailable',
  text: null,
  requestedBy: { id: 'iro-1', name: 'Alex Wilber' },
  requestedAt: NOW,
  status: 'pending',
  version: 1,
};

/** What each pending kind needs to render as in production. A kind missing here fails the test. */
const PENDING_SCENARIOS: Record<string, { ref: string; data: Record<string, unknown> }> = {
  'child-notice': { ref: 'C101', data: { title: 'A compliment from Alex Wilber', text: 'Thank you', tone: 'success' } },
  'timescale-changed': {
    ref: 'C101',
    data: {
      title: 'Unplanned placement change',
      text: "C101's next review is now due by Thu 14 Jan 2027",
      tone: 'warning',
    },
  },
  'participation-reminder': {
    ref: 'C101',
    data: { bookingId: 'C101-B1', date: '2026-11-30', open: 3, lang: 'en' },
  },
  // Issue 14: the managers' card to allocate an IRO to a child new to care, and the new IRO's notice.
  'allocation-needed': {
    ref: 'C101',
    data: {
      notifiedBy: 'Sian Howells',
      choices: [{ id: 'iro-2', name: 'Rhian Pritchard', children: 3, perFte: 6, refusal: '' }],
    },
  },
  'iro-allocated': { ref: 'C101', data: { by: 'Catrin Morgan' } },
  'cover-set': {
    ref: 'C101',
    data: { iroId: 'iro-2', forIroId: 'iro-1', from: '2026-11-30', to: '2026-12-11', by: 'Catrin Morgan' },
  },
  'liaison-header': { ref: 'C104', data: { guardianId: 'g-1' } },
  'liaison-prompt': { ref: 'C104', data: { duty: 'L3', subject: 'g-1', deadline: '2026-11-30', fireOn: '2026-11-23' } },
  'liaison-record': { ref: 'C104', data: { discussionId: 'd1' } },
  'liaison-closed': { ref: 'C104', data: { guardianId: 'g-1' } },
  'delivery-withheld': {
    ref: 'C101',
    data: { conversationKind: 'channel', purpose: 'iro-channel', messageType: 'child-notice' },
  },
  'review-booking': { ref: 'C103', data: { bookingId: 'C103-B1', event: 'booked' } },
  'reschedule-approval': { ref: 'C103', data: { requestId: 'C103-RQ1' } },
  'resolution-card': {
    ref: 'C101',
    data: { resolutionId: 'C101-R1', audience: 'addressee', headline: 'A resolution for you' },
  },
  'plan-reminder': { ref: 'C101', data: { actionId: 'C101-R1-A1', when: 'before', language: 'en' } },
  'plan-midway': { ref: 'C101', data: { reviewId: 'C101-R1', language: 'en' } },
  'plan-not-done': { ref: 'C101', data: { actionId: 'C101-R1-A1', language: 'en' } },
  'plan-alert': { ref: 'C101', data: { alertId: 'C101-AL1', language: 'cy' } },
  'resolution-meeting-invite': {
    ref: 'C101',
    data: { resolutionId: 'C101-R1', stage: 2, start: '2026-12-03T10:00:00Z', language: 'en' },
  },
};

const member = (staffId: string, extra: Partial<FakeMember> = {}): FakeMember => ({
  id: `29:${staffId}`,
  aadObjectId: `aad-${staffId}`,
  userPrincipalName: `${staffId}@council.example`,
  tenantId: TENANT,
  userRole: 'user',
  ...extra,
});
const STAFF_ROSTER = [member('iro-1'), member('admin-1')];

interface GuestCase {
  name: string;
  /** Where the guest is: the IRO channel's roster, or the 1:1 chats of the IRO and the social worker. */
  target: 'channel' | 'personal';
  roster?: FakeMember[];
  /** Personal: the chats are in another tenant, or the directory says these people are guests (#EXT#). */
  personal?: 'other-tenant' | 'ext-upn';
  /** Children this guest may see (their own, in proceedings). */
  allowed?: string[];
}

const CASES: GuestCase[] = [
  {
    name: 'Teams role guest in the IRO channel',
    target: 'channel',
    roster: [
      ...STAFF_ROSTER,
      member('x1', { userRole: 'guest', userPrincipalName: 'x1@partner.example', tenantId: undefined }),
    ],
  },
  {
    name: '#EXT# UPN only (Teams says user)',
    target: 'channel',
    roster: [...STAFF_ROSTER, member('x2', { userPrincipalName: 'x2_partner.example#EXT#@council.onmicrosoft.com' })],
  },
  {
    name: 'a member of another tenant',
    target: 'channel',
    roster: [...STAFF_ROSTER, member('x3', { tenantId: 'tenant-other' })],
  },
  {
    name: 'a directory Guardian Teams calls a plain user',
    target: 'channel',
    roster: [...STAFF_ROSTER, member('g-2', { userPrincipalName: 'gwen@council.example' })],
  },
  {
    name: 'the Guardian of C104 (may see C104 only)',
    target: 'channel',
    roster: [
      ...STAFF_ROSTER,
      member('g-1', { userRole: 'guest', userPrincipalName: 'ffion_cafcass.example#EXT#@council.onmicrosoft.com' }),
    ],
    allowed: ['C104'],
  },
  { name: '1:1 chats in another tenant', target: 'personal', personal: 'other-tenant' },
  { name: '1:1 chats with people the directory marks #EXT#', target: 'personal', personal: 'ext-upn' },
];

interface World {
  docs: OutboxDoc[];
  received: ReceivedActivity[];
  guestConversations: string[];
  audit: { key: unknown; told: unknown }[];
  adminChat: string;
  iroChat: string;
}

async function runWorld(c: GuestCase | null): Promise<World> {
  const connector: FakeConnector = await startFakeConnector();
  const env: OutboxEnv = await openOutboxEnv(connector.url, { adapter: 'plain' });
  try {
    const importDoc = structuredClone(IMPORT);
    if (c?.personal === 'ext-upn') {
      for (const s of importDoc.staff)
        if (s.id === 'iro-1' || s.id === 'sw-1') s.upn = `${s.id}_partner.example#EXT#@council.onmicrosoft.com`;
    }
    await runImport(env.store, importDoc, { sourceName: 'test', now: NOW });
    const staff = new StaffRepository(env.store);
    const children = new ChildrenRepository(env.store);
    const set = async (ref: string, update: object) => {
      const child = (await children.get(ref))!;
      await children.updateVersioned(ref, child.version, { $set: update } as never, {
        at: NOW,
        by: { id: 'test' },
        action: 'test',
      });
    };
    await set('C101', { resolutions: [RESOLUTION] });
    await set('C103', { rescheduleRequests: [REQUEST] });
    await set('C104', {
      liaison: {
        discussions: [
          { id: 'd1', on: '2026-11-20', byId: 'g-1', topics: ['care-plan'], notes: '', final: false, recordedAt: NOW },
        ],
      },
    });

    // Where the bot can post: the IRO channel, and the 1:1 chats of the IRO, the social worker and the admin.
    await env.addChannel(IRO_CHANNEL);
    await env.conversations.setPurpose(IRO_CHANNEL, { purpose: 'iro-channel', setBy: 'admin-1', setAt: NOW });
    connector.memberLists.set(IRO_CHANNEL, c?.target === 'channel' ? c.roster! : STAFF_ROSTER);
    const personal = async (staffId: string, tenantId: string) =>
      (
        await saveActivity(
          env.conversations,
          {
            serviceUrl: connector.url,
            channelId: 'msteams',
            from: { id: `29:${staffId}`, aadObjectId: `aad-${staffId}` },
            recipient: { id: '28:bot' },
            conversation: { id: `a:${staffId}`, conversationType: 'personal', tenantId },
          },
          { now: NOW, staffId },
        )
      )._id;
    const odd = c?.personal === 'other-tenant' ? 'tenant-other' : TENANT;
    const iroChat = await personal('iro-1', odd);
    const swChat = await personal('sw-1', odd);
    const adminChat = await personal('admin-1', TENANT);

    // Everything state changes queue: one message of every pending kind, to the conversation under test.
    const to: MessageAddress =
      c?.target === 'personal' ? { kind: 'personal', staffId: 'iro-1' } : { kind: 'channel', purpose: 'iro-channel' };
    for (const kind of PENDING_KINDS) {
      const s = PENDING_SCENARIOS[kind];
      assert.ok(s, `no scenario for the pending message kind "${kind}": add one so the audience gate is tested for it`);
      const msg: PendingMessage = { key: `test:${kind}:${s.ref}`, to, message: { type: kind, data: s.data } };
      await children.queuePending(s.ref, [msg]);
    }
    // A sync report with a conflict about C101 (jobs/import-report.ts), addressed to the conversation under test.
    const reportTo = c?.target === 'personal' ? iroChat : IRO_CHANNEL;
    const conflict = {
      _id: '0123456789abcdef:0',
      runId: 'r',
      ref: 'C101',
      section: 'events' as const,
      key: 'became-looked-after@2026-11-02',
      path: 'children[0].events[0]',
      message: 'differs',
      incoming: { type: 'became-looked-after', date: '2026-11-02' },
      status: 'open' as const,
      recordedAt: NOW,
      settledAt: null,
      settledBy: null,
    };
    const report = {
      outcome: 'imported' as const,
      runId: 'r',
      staff: { inserted: 0, updated: 0, unchanged: 0 },
      children: { inserted: 0, updated: 1, unchanged: 0 },
      conflicts: [conflict],
      keptBefore: 0,
      recovered: false,
      source: 'http',
      via: 'http' as const,
      at: NOW,
    };
    for (const m of importReportMessages(report, reportTo, 'test:import-report', NOW, 'Europe/London'))
      await env.outbox.enqueue(m);
    const deps = {
      staff,
      children,
      conversations: env.conversations,
      outbox: env.outbox,
      audit: new AuditLog(env.store),
      policy: getPolicy('wales'),
      calendar: createCalendar({ region: 'GB-WLS', closureDays: [] }),
      clock: () => NOW,
      tzName: 'Europe/London',
    };
    const sweeper = createSweeper({
      deps,
      outbox: env.outbox,
      conversations: env.conversations,
      logger: env.logger,
      intervalMs: 60_000,
      deliveryClock: () => new Date(),
      config: { reminderWorkingDays: 10, digestWeeks: 4, showChildNamesInChannels: false },
    });
    const drainer = createPendingDrainer({
      deps,
      render: renderPending,
      deliveryClock: () => new Date(),
      showNamesInChannels: false,
      logger: env.logger,
    });
    await sweeper.sweepOnce();
    const drained = await drainer.drainOnce();
    assert.equal(drained.waiting, 0, 'every queued message found its conversation');

    const sender = env.sender({ limits: { perSecond: 1000, per30s: 1000 } });
    for (let i = 0; i < 10; i++) {
      const r = await sender.runOnce();
      if (r.sent + r.failed + r.withheld + r.retried + r.deferred === 0) break;
    }
    const docs = await env.store.collection<OutboxDoc>('outbox').find({}).toArray();
    const audit = (await deps.audit.list({ action: 'delivery.withheld' })).map((a) => ({
      key: a.details?.key,
      told: a.details?.told,
    }));
    const guestConversations = !c ? [] : c.target === 'channel' ? [IRO_CHANNEL] : [iroChat, swChat];
    return { docs, received: [...connector.received], guestConversations, audit, adminChat, iroChat };
  } finally {
    await env.close();
    await connector.close();
  }
}

const inConversation = (a: ReceivedActivity, id: string) =>
  a.conversationId === id || a.conversationId.startsWith(`${id};`);

describe('one audience gate for everything posted: every outbox kind × a guest in the target conversation', function () {
  this.timeout(120_000);
  const figures = { pairs: 0, withheld: 0, leaked: 0, sentInControl: 0 };
  const covered = new Map<string, string[]>();

  it('the registry lists every kind the producers queue (a staff-only world delivers all of them)', async () => {
    const w = await runWorld(null);
    const kinds = new Set(w.docs.map((d) => d.kind));
    assert.deepEqual(
      [...kinds].filter((k) => !OUTBOX_KINDS.includes(k!)),
      [],
      'a kind missing from jobs/outbox-kinds.ts',
    );
    // Everything but the gate's own explanations is produced here, and delivered.
    assert.deepEqual(
      [...OUTBOX_KINDS]
        .filter((k) => k !== 'delivery-withheld' || !PENDING_KINDS.includes(k))
        .filter((k) => !kinds.has(k)),
      [],
    );
    assert.deepEqual(
      w.docs.filter((d) => d.status !== 'sent').map((d) => `${d._id}: ${d.status} ${d.lastError}`),
      [],
    );
    const inChannel = w.received.filter((a) => inConversation(a, IRO_CHANNEL));
    assert.ok(
      inChannel.some((a) => /C101/.test(JSON.stringify(a.body))),
      'the control world does post about children',
    );
    assert.ok(
      w.docs.every((d) => Array.isArray(d.about?.refs) && typeof d.about?.names === 'boolean'),
      'every message says what it discloses',
    );
    const digest = w.docs.find((d) => d.kind === 'service-digest')!;
    for (const d of w.docs) {
      const shown = Object.keys(CHILD_WORDS).filter((ref) => JSON.stringify(d.activity).includes(ref));
      assert.deepEqual(
        shown.filter((ref) => !d.about!.refs.includes(ref)),
        [],
        `${d._id} declares every child it shows`,
      );
    }
    assert.deepEqual(
      digest.about!.refs,
      ['C101', 'C102', 'C104'],
      'the service digest lists the overdue, the unbooked and the records',
    );
    figures.sentInControl = w.received.length;
  });

  for (const c of CASES) {
    it(`${c.name}: nothing about a child the guest may not see reaches that conversation; withheld, explained, audited`, async () => {
      const w = await runWorld(c);
      const allowed = new Set(c.allowed ?? []);
      const mayGo = (d: OutboxDoc) => (d.about?.refs.length ?? 0) > 0 && d.about!.refs.every((r) => allowed.has(r));
      const toGuest = w.docs.filter((d) => w.guestConversations.includes(d.target.conversationId));
      for (const d of toGuest) {
        covered.set(d.kind!, [...(covered.get(d.kind!) ?? []), c.name]);
        figures.pairs++;
        if (mayGo(d)) {
          assert.equal(d.status, 'sent', `${d._id} is about the guest's own child only`);
        } else {
          assert.equal(d.status, 'withheld', `${d._id} (${d.kind}) must be withheld, is ${d.status}`);
          assert.match(d.lastError ?? '', /^withheld: /, 'the reason shows in /setup status');
          figures.withheld++;
        }
      }
      // What actually reached the guest's conversation (the fake Teams connector): nothing about any other child.
      const disallowed = Object.entries(CHILD_WORDS)
        .filter(([ref]) => !allowed.has(ref))
        .map(([, re]) => re);
      for (const conv of w.guestConversations) {
        for (const a of w.received.filter((x) => inConversation(x, conv))) {
          const body = JSON.stringify(a.body);
          const leak = disallowed.find((re) => re.test(body));
          if (leak) figures.leaked++;
          assert.equal(leak, undefined, `leaked into ${conv}: ${a.key}`);
        }
      }
      // Every withheld message audited; explanations reach someone, naming children only to their IRO.
      const withheld = w.docs.filter((d) => d.status === 'withheld' && !d._id.includes(':withheld'));
      assert.deepEqual(
        withheld.map((d) => d._id).sort(),
        [...new Set(w.audit.map((a) => a.key as string))].sort().filter((k) => !k.includes(':withheld')),
      );
      for (const d of withheld.filter((x) => x.kind !== 'delivery-withheld')) {
        // an explanation is not explained again
        const told = (w.audit.find((a) => a.key === d._id)!.told ?? []) as string[];
        assert.ok(told.length >= 1, `someone is told about ${d._id}`);
      }
      for (const a of w.received.filter((x) => inConversation(x, w.adminChat))) {
        assert.doesNotMatch(JSON.stringify(a.body), ANY_CHILD, 'the admins are told without naming any child');
        assert.match(JSON.stringify(a.body), /Not posted/);
      }
      if (c.target === 'channel') {
        const toIro = w.received.filter(
          (x) => inConversation(x, w.iroChat) && /Not posted/.test(JSON.stringify(x.body)),
        );
        assert.ok(toIro.length >= 1, 'the IRO is told about their children in their 1:1 chat');
      }
      // Final: a second run sends nothing more and nothing is retried.
      assert.ok(
        w.docs.every((d) => d.status !== 'pending'),
        w.docs
          .filter((d) => d.status === 'pending')
          .map((d) => `${d._id} ${d.lastError}`)
          .join('; '),
      );
    });
  }

  it('covers every kind in the registry with at least one guest case (figures)', () => {
    const missing = OUTBOX_KINDS.filter((k) => !covered.has(k));
    assert.deepEqual(missing, [], 'kinds never put in front of a guest');
    const pairs = [...covered.values()].reduce((n, cases) => n + new Set(cases).size, 0);
    console.log(
      `      ${OUTBOX_KINDS.length} kinds × ${CASES.length} guest cases: ${pairs} distinct (kind, case) pairs, ${figures.pairs} messages to a guest's conversation, ` +
        `${figures.withheld} withheld, ${figures.leaked} leaked; control world delivered ${figures.sentInControl}`,
    );
    assert.equal(figures.leaked, 0);
  });

  it('regression: the Monday service digest is not posted into an IRO channel with an external guest', async () => {
    const w = await runWorld(CASES[1]!);
    const digest = w.docs.find((d) => d.kind === 'service-digest')!;
    assert.equal(digest.status, 'withheld');
    assert.equal(
      w.received.filter((a) => inConversation(a, IRO_CHANNEL)).length,
      0,
      'nothing at all reached the channel',
    );
    const told = w.received.filter((a) => inConversation(a, w.adminChat));
    assert.ok(
      told.some((a) => /weekly service digest/.test(JSON.stringify(a.body))),
      'the admin is told',
    );
    assert.ok(told.every((a) => !ANY_CHILD.test(JSON.stringify(a.body))));
  });
});
