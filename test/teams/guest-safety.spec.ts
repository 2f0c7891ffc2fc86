import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { BOT, messageActivity, TENANT, type Sender } from '../helpers/activities.js';
import { cardOf, startHarness, type Harness } from '../helpers/bot-harness.js';
import type { FakeMember } from '../helpers/fake-connector.js';
import { WITHHELD_REASON } from '../../src/store/delivery-documents.js';
import { admin, alex } from '../helpers/people.js';

// The guest rule (docs/DOMAIN.md "Children's Guardian liaison") through the real server, the pending drainer
// and the fake connector's member lists: a message about a child goes only where no guest other than
// that child's Guardian can read it; guests run /actions and /help only and learn nothing by asking.
// 06:00 London: before the sweeper sends anything (SEND_FROM_HOUR), so only the replies and the messages under test arrive.
const NOW = '2026-11-25T06:00:00Z';
const base = JSON.parse(fs.readFileSync(path.join(__dirname, '../fixtures/http/small-service.json'), 'utf8'));
const fixture = {
  ...base,
  staff: [
    ...base.staff,
    { id: 'admin-1', name: 'Tomos Bevan', roles: ['admin'], aadObjectId: '00000000-0000-0000-0000-0000000000ad' },
    {
      id: 'g-2',
      name: 'Gwen Ellis',
      roles: ['guardian'],
      external: true,
      organisation: 'Cafcass Cymru',
      email: 'gwen.ellis@cafcass.example',
      upn: 'gwen.ellis_cafcass.example#EXT#@council.onmicrosoft.com',
    },
  ],
  // C103 is in proceedings with the other Guardian: Ffion must learn nothing about it.
  children: base.children.map((c: { ref: string }) =>
    c.ref === 'C103'
      ? { ...c, proceedings: { startedOn: '2026-10-01', guardianId: 'g-2', guardianAppointedOn: '2026-10-02' } }
      : c,
  ),
};

const ffion: Sender = { id: '29:ffion', name: 'Ffion Powell', aadObjectId: '00000000-0000-0000-0000-0000000000f9' };

const staffMember = (id: string, aad: string, upn: string): FakeMember => ({
  id,
  aadObjectId: aad,
  userPrincipalName: upn,
  email: upn,
  tenantId: TENANT,
  userRole: 'user',
});
const STAFF = [
  staffMember('29:alex', alex.aadObjectId!, 'alex@council.example'),
  staffMember('29:sian', '00000000-0000-0000-0000-0000000000b1', 'sian@council.example'),
  staffMember('29:tomos', admin.aadObjectId!, 'tomos@council.example'),
];
const FFION: FakeMember = {
  id: '29:ffion',
  aadObjectId: ffion.aadObjectId,
  userPrincipalName: 'ffion.powell_cafcass.example#EXT#@council.onmicrosoft.com',
  userRole: 'guest',
};
const GWEN: FakeMember = {
  id: '29:gwen',
  aadObjectId: '00000000-0000-0000-0000-0000000000f8',
  userPrincipalName: 'gwen.ellis_cafcass.example#EXT#@council.onmicrosoft.com',
  userRole: 'guest',
};
// (d) Teams says "user"; only the UPN shows it is a guest.
const EXT_ONLY: FakeMember = {
  id: '29:ext',
  aadObjectId: '00000000-0000-0000-0000-0000000000e7',
  userPrincipalName: 'someone_partner.example#EXT#@council.onmicrosoft.com',
  userRole: 'user',
  tenantId: TENANT,
};

/**
 * Runs the pending drainer and the outbox sender by hand until nothing is left to deliver: the drainer
 * moves nothing more and no outbox message is pending (sent, withheld and failed are final).
 * After this nothing more can reach the connector, so "not posted" is a fact, not a matter of timing.
 */
async function settled(h: Harness): Promise<void> {
  const jobs = h.bot.jobs!;
  for (let round = 0; round < 10; round++) {
    const drained = await jobs.drainer.drainOnce(); // what stays waits for an address it does not have
    await jobs.sender.runOnce(); // chained after any round in flight (runs never overlap)
    if (drained.moved === 0 && (await h.bot.deps.outbox.countByStatus()).pending === 0) return;
  }
  throw new Error('the outbox did not settle in 10 rounds');
}

const channel = (serviceUrl: string, from: Sender, text: string, id: string) => ({
  ...messageActivity(serviceUrl, from, `<at>${BOT.name}</at> ${text}`, {
    conversationType: 'channel',
    conversationId: `${id};messageid=1`,
    entities: [{ type: 'mention', text: `<at>${BOT.name}</at>`, mentioned: BOT }],
  }),
  channelData: { tenant: { id: TENANT }, team: { id: '19:team@thread.tacv2' }, channel: { id } },
});

describe('guest safety over HTTP', function () {
  this.timeout(30000);
  let h: Harness;
  before(async () => {
    h = await startHarness({ env: { IRO_NOW: NOW }, importDoc: fixture, jobs: true });
    h.connector.members.set('29:ffion', { ...FFION, name: 'Ffion Powell' });
    await h.ask(messageActivity(h.connector.url, alex, '/help')); // Alex's 1:1 chat, for explanations
  });
  after(async () => h?.stop());

  const ask = async (from: Sender, text: string) => cardOf(await h.ask(messageActivity(h.connector.url, from, text)));

  it("posts child details only where the members are (a) staff or (b) the child's own Guardian; (c) another Guardian and (d) an #EXT# guest stop it and the IRO is told", async () => {
    const rosters: Record<string, FakeMember[]> = {
      a: STAFF,
      b: [...STAFF, FFION],
      c: [...STAFF, GWEN],
      d: [...STAFF, EXT_ONLY],
    };
    for (const [team, members] of Object.entries(rosters)) {
      const id = `19:chan-${team}@thread.tacv2`;
      h.connector.memberLists.set(id, members);
      const set = cardOf(await h.ask(channel(h.connector.url, admin, `/setup social-work-channel ${team}`, id)));
      assert.match(set.text, new RegExp(`Social work team channel for team ${team}`, 'i'));
    }
    const before = h.connector.received.length;
    await h.bot.deps.children.queuePending(
      'C101',
      Object.keys(rosters).map((team) => ({
        key: `test:C101:${team}`,
        to: { kind: 'channel' as const, purpose: 'social-work-channel' as const, team },
        message: { type: 'child-notice', data: { title: 'Plan changed', text: 'Seren Jones: placement review' } },
      })),
    );
    h.bot.deps.messagesQueued();
    await h.connector.waitFor(before + 4, 10000);
    await settled(h);
    const sent = h.connector.received.slice(before);
    const inChannel = (t: string) => sent.filter((a) => a.conversationId.startsWith(`19:chan-${t}@`));
    assert.equal(inChannel('a').length, 1, '(a) staff only: posted');
    assert.equal(inChannel('b').length, 1, "(b) the child's Guardian: posted");
    assert.match(cardOf(inChannel('b')[0]).text, /C101/);
    assert.equal(inChannel('c').length, 0, '(c) another Guardian: nothing posted');
    assert.equal(inChannel('d').length, 0, '(d) a guest known only by #EXT#: nothing posted');
    const toAlex = sent.filter((a) => a.conversationId === 'a:personal-29:alex');
    assert.equal(toAlex.length, 2, 'the IRO gets one explanation per withheld message');
    assert.ok(
      toAlex.every(
        (a) =>
          /Not posted · C101/.test(cardOf(a).text) && /guest who is not this child's Guardian/.test(cardOf(a).text),
      ),
    );
    assert.ok(
      (h.connector.memberReads.get('19:chan-a@thread.tacv2') ?? 0) >= 1,
      'the roster was read through the paged members API',
    );
    const withheld = await h.bot.deps.audit.list({ action: 'delivery.withheld' });
    assert.deepEqual(withheld.map((w) => w.details?.key).sort(), ['test:C101:c', 'test:C101:d']);
    const c = await h.bot.deps.outbox.get('test:C101:c');
    assert.equal(c?.status, 'withheld');
    assert.equal(c?.lastError, WITHHELD_REASON);
  });

  it('a guest running /due, /caseload or /case gets the same refusal, which reveals nothing; each attempt is audited', async () => {
    const answers: string[] = [];
    for (const text of [
      '/due this week',
      '/caseload',
      '/case C101',
      '/case C103',
      '/case C999',
      '/liaison C103',
      '/setup status',
    ]) {
      answers.push((await ask(ffion, text)).text);
    }
    for (const a of answers) {
      assert.match(a, /as a guest you can use \/actions and \/help/i);
      assert.doesNotMatch(a, /Seren|Mali|C103|C999|not found|no case/i);
    }
    assert.equal(new Set(answers.map((a) => a.replace(/C\d+/g, ''))).size, 1, 'one answer whatever was asked');
    const audit = await h.bot.deps.audit.list({ action: 'command.refused', 'actor.id': 'g-1' });
    assert.ok(audit.length >= 7, `${audit.length} refusals audited`);
    assert.ok(audit.some((a) => a.subject === 'case' && a.details?.args === 'C103' && a.details?.guest === true));
    const help = await ask(ffion, '/help');
    assert.doesNotMatch(help.text, /\/due|\/caseload|\/case /);
    assert.match(help.text, /\/actions/);
  });

  it("an invoke naming another child's liaison item gets the same refusal as one naming no child at all; both audited", async () => {
    const invoke = (data: unknown, verb = 'liaison.done') =>
      h.post({
        ...messageActivity(h.connector.url, ffion, ''),
        type: 'invoke',
        name: 'adaptiveCard/action',
        text: undefined,
        value: { action: { type: 'Action.Execute', verb, data } },
      });
    const other = JSON.parse((await invoke({ ref: 'C103', duty: 'L3', subject: 'g-2' })).body).value as string;
    const none = JSON.parse((await invoke({ ref: 'C999', duty: 'L3', subject: 'g-2' })).body).value as string;
    const discussion = JSON.parse(
      (await invoke({ ref: 'C103', on: '2026-11-20', topics: 'care-plan', notes: 'x' }, 'liaison.discussion')).body,
    ).value as string;
    const staffVerb = JSON.parse((await invoke({ ref: 'C101' }, 'liaison.save')).body).value as string;
    assert.equal(other, none, "the same words for another Guardian's child and for no child");
    assert.equal(discussion, none);
    assert.match(other, /not available to you/);
    assert.doesNotMatch(other, /C103|C999|Mali|exist/);
    assert.match(staffVerb, /as a guest you can use/i);
    const refused = await h.bot.deps.audit.list({
      'actor.id': 'g-1',
      action: { $in: ['liaison.done.refused', 'liaison.discussion.refused', 'action.refused'] },
    });
    assert.ok(refused.some((a) => a.action === 'liaison.done.refused' && a.subject === 'C103'));
    assert.ok(refused.some((a) => a.action === 'liaison.done.refused' && a.subject === 'C999'));
    assert.ok(refused.some((a) => a.action === 'action.refused' && a.subject === 'liaison.save'));
    const c103 = await h.bot.deps.children.get('C103');
    assert.equal(c103?.liaison, undefined, 'nothing changed');
  });

  it("a Guardian's /actions lists only their own children's open liaison items; they record a discussion on their own child (L10)", async () => {
    const actions = await ask(ffion, '/actions');
    assert.match(actions.text, /Your liaison items/);
    assert.match(actions.text, /C101 · S\.J\./);
    assert.doesNotMatch(actions.text, /C100|C102|C103|Seren/);
    const res = await h.post({
      ...messageActivity(h.connector.url, ffion, ''),
      type: 'invoke',
      name: 'adaptiveCard/action',
      text: undefined,
      value: {
        action: {
          type: 'Action.Execute',
          verb: 'liaison.discussion',
          data: { ref: 'C101', on: '2026-11-20', topics: 'care-plan,complaints', notes: 'Placement settled' },
        },
      },
    });
    assert.match(JSON.parse(res.body).value, /Discussion recorded/);
    const c101 = await h.bot.deps.children.get('C101');
    assert.equal(c101?.liaison?.discussions?.length, 1);
    assert.deepEqual(c101?.liaison?.discussions?.[0].topics, ['care-plan', 'complaints']);
    assert.equal(c101?.history.at(-1)?.action, 'liaison.discussion');
    const kase = cardOf(await h.ask(messageActivity(h.connector.url, alex, '/case C101')));
    assert.match(kase.text, /Discussion with the Guardian, recorded by Ffion Powell/);
  });

  it('/due in a channel with a guest is refused without child details; in a staff-only channel it answers', async () => {
    const withGuest = cardOf(await h.ask(channel(h.connector.url, alex, '/due overdue', '19:chan-d@thread.tacv2')));
    assert.match(withGuest.text, /someone in this conversation is a guest/);
    assert.doesNotMatch(withGuest.text, /C10\d/);
    const staffOnly = cardOf(await h.ask(channel(h.connector.url, alex, '/due this week', '19:chan-a@thread.tacv2')));
    assert.match(staffOnly.text, /Reviews due this week/);
  });

  it("/setup liaison-channel PERSON: the channel's one guest must be that Guardian; several Guardians are refused", async () => {
    const one = '19:liaison-ffion@thread.tacv2';
    const two = '19:liaison-both@thread.tacv2';
    h.connector.memberLists.set(one, [...STAFF, FFION]);
    h.connector.memberLists.set(two, [...STAFF, FFION, GWEN]);
    const wrong = cardOf(await h.ask(channel(h.connector.url, admin, '/setup liaison-channel g-2', one)));
    assert.match(wrong.text, /the guest in this channel is Ffion Powell, not Gwen Ellis/i);
    const ok = cardOf(await h.ask(channel(h.connector.url, admin, '/setup liaison-channel g-1', one)));
    assert.match(ok.text, /Guardian liaison channel for Guardian Ffion Powell/);
    const both = cardOf(await h.ask(channel(h.connector.url, admin, '/setup liaison-channel', two)));
    assert.match(both.text, /exactly one guest/);
  });
});

describe('the Monday service digest and a guest in the IRO channel (over HTTP, real jobs)', function () {
  this.timeout(30000);
  let h: Harness;
  // Monday 10:00 London: the sweeper queues the digests.
  before(async () => {
    h = await startHarness({ env: { IRO_NOW: '2026-11-23T10:00:00Z' }, importDoc: fixture, jobs: true });
  });
  after(async () => h?.stop());

  it('posts nothing into the channel, tells the admin without naming a child, audits it, and /setup status shows it withheld', async () => {
    await h.ask(messageActivity(h.connector.url, admin, '/help')); // the admin's 1:1 chat, for the explanation
    const id = '19:iro-channel-guest@thread.tacv2';
    h.connector.memberLists.set(id, [...STAFF, EXT_ONLY]);
    assert.match(cardOf(await h.ask(channel(h.connector.url, admin, '/setup iro-channel', id))).text, /IRO channel/);
    const before = h.connector.received.length;
    const swept = await h.bot.jobs!.sweeper.sweepOnce();
    assert.ok(swept.enqueuedKeys.includes('digest:service:2026-11-23'), 'the service digest was due and queued');
    await h.bot.jobs!.sender.runOnce();
    await h.bot.jobs!.sender.runOnce();
    const digest = await h.bot.deps.outbox.get('digest:service:2026-11-23');
    assert.equal(digest?.status, 'withheld');
    assert.ok(digest!.about!.refs.length > 0, 'the digest lists children');
    const sent = h.connector.received.slice(before);
    assert.equal(sent.filter((a) => a.conversationId.startsWith(id)).length, 0, 'nothing reached the channel');
    const toAdmin = sent.filter((a) => a.conversationId === 'a:personal-29:tomos');
    assert.equal(toAdmin.length, 1);
    assert.match(cardOf(toAdmin[0]!).text, /did not post the weekly service digest/);
    assert.doesNotMatch(JSON.stringify(toAdmin[0]!.body), /C10\d|Seren|Mali|S\.J\./);
    assert.equal(
      (await h.bot.deps.audit.list({ action: 'delivery.withheld', 'details.key': 'digest:service:2026-11-23' })).length,
      1,
    );
    const status = cardOf(await h.ask(messageActivity(h.connector.url, admin, '/setup status'))).text;
    assert.match(status, /1 withheld/);
    assert.match(status, /digest:service:2026-11-23 → 19:iro-channel-guest@thread\.tacv2: withheld: /);
    // An admin who reads Welsh is told why in Welsh (the stored reason is a known one, not Teams' words).
    await h.ask(messageActivity(h.connector.url, admin, '/iaith cymraeg'));
    const cy = cardOf(await h.ask(messageActivity(h.connector.url, admin, '/setup status'))).text;
    assert.match(cy, /2026-11-23 → 19:iro-channel-guest@thread\.tacv2: wedi'i ddal yn ôl: nid yw gwestai/);
    await h.ask(messageActivity(h.connector.url, admin, '/language english'));
  });
});

describe('a flood of refused guest invokes with large payloads (over HTTP)', function () {
  this.timeout(60000);
  let h: Harness;
  before(async () => {
    h = await startHarness({ env: { IRO_NOW: NOW }, importDoc: fixture });
    h.connector.members.set('29:ffion', { ...FFION, name: 'Ffion Powell' });
  });
  after(async () => h?.stop());

  it('40 × 240 KB (the 200 × 240 KB flood runs against audit.record in test/store/audit-bounds.spec.ts): the audit log stays small and never holds the payload', async () => {
    const auditFile = path.join(h.dataDir, 'audit.log');
    const size = () => (fs.existsSync(auditFile) ? fs.statSync(auditFile).size : 0);
    const before = size();
    let sentBytes = 0;
    const t0 = Date.now();
    for (let i = 0; i < 40; i++) {
      const body = JSON.stringify({
        ...messageActivity(h.connector.url, ffion, ''),
        type: 'invoke',
        name: 'adaptiveCard/action',
        text: undefined,
        value: {
          action: {
            type: 'Action.Execute',
            verb: 'liaison.save',
            data: { ref: 'C101', notes: `${i}:`.padEnd(240 * 1024, 'x') },
          },
        },
      });
      sentBytes += body.length;
      const res = await h.post(body);
      assert.ok(res.status < 500, `HTTP ${res.status}`);
    }
    const grew = size() - before;
    console.log(
      `      HTTP flood: ${(sentBytes / 1e6).toFixed(1)} MB posted in ${Date.now() - t0} ms → audit log grew ${(grew / 1024).toFixed(1)} KB`,
    );
    assert.ok(grew < 80 * 1024, `audit log grew ${grew} bytes`);
    assert.doesNotMatch(fs.readFileSync(auditFile, 'utf8'), /xxxxxxxx/);
    // Each attempt is recorded (unless the edge refuses it before it reaches a handler), never its payload.
    const refused = await h.bot.deps.audit.list({ 'actor.id': 'g-1' });
    assert.ok(refused.every((a) => JSON.stringify(a).length < 8 * 1024));
    console.log(`      ${refused.length} attempts audited`);
  });
});
