import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { messageActivity, mentionActivity, TENANT, type Sender } from '../helpers/activities.js';
import { cardOf, startHarness, type Harness } from '../helpers/bot-harness.js';
import { validateCard } from '../../tools/card-validation.js';
import { alex, catrin, sian } from '../helpers/people.js';
import { spyOnTurns } from '../helpers/turn-spy.js';

// The real server (restify + CloudAdapter + teams-ai) over HTTP; replies are read at a fake connector.
// Wednesday 25 Nov 2026; fixture dates are chosen so each due date below follows from docs/DOMAIN.md.
const NOW = '2026-11-25T09:00:00Z';
const fixture = JSON.parse(fs.readFileSync(path.join(__dirname, '../fixtures/http/small-service.json'), 'utf8'));

const stranger: Sender = { id: '29:who', name: 'Someone', aadObjectId: '99999999-0000-0000-0000-000000000000' };

describe('bot over HTTP', function () {
  this.timeout(30000);
  let h: Harness;
  before(async () => {
    h = await startHarness({ env: { IRO_NOW: NOW }, importDoc: fixture });
  });
  after(async () => h?.stop());

  const ask = async (from: Sender, text: string, channel = false) =>
    cardOf(
      await h.ask(
        channel ? mentionActivity(h.connector.url, from, text) : messageActivity(h.connector.url, from, text),
      ),
    );

  it('/due this week: overdue first, then this week from today, with due dates, rules and bookings', async () => {
    const { card, text } = await ask(alex, '/due this week');
    assert.deepEqual(validateCard(card), []);
    assert.match(text, /Reviews due this week/);
    assert.match(text, /Mon 23 Nov 2026 – Sun 29 Nov 2026 · your children · 2 reviews/);
    // C101: looked after Thu 1 Oct 2026 → 20 working days (W39.1) → Thu 29 Oct 2026, 27 days overdue.
    assert.match(text, /C101 · Seren Jones[\s\S]*Thu 29 Oct 2026[\s\S]*W39\.1[\s\S]*27 days overdue/);
    // C100: third review held 26 May 2026 → 6 months (W39.3) → Thu 26 Nov 2026.
    assert.match(text, /C100 · Dylan Evans[\s\S]*Thu 26 Nov 2026[\s\S]*W39\.3[\s\S]*Not booked/);
    assert.ok(text.indexOf('C101') < text.indexOf('C100'), 'overdue section comes first');
    assert.doesNotMatch(text, /C103/, "another IRO's child is not listed");
    assert.doesNotMatch(text, /C102/, 'next week is not this week');
  });

  it('/due next week shows the booking, and the unplanned placement change rule (earlier date wins)', async () => {
    const { text } = await ask(alex, 'DUE next week');
    // C102: UPC on 4 Nov 2026 → 28 days → Wed 2 Dec 2026, earlier than the 6-monthly date.
    assert.match(text, /C102 · Osian Morgan[\s\S]*Wed 2 Dec 2026[\s\S]*UPC[\s\S]*Booked Tue 1 Dec 2026 10:00/);
  });

  it('in a channel: answers the @mention and shows case ref and initials, never names', async () => {
    const reply = await h.ask(mentionActivity(h.connector.url, alex, '/due this week'));
    const { text } = cardOf(reply);
    assert.match(reply.conversationId, /^19:channel/);
    assert.match(text, /C100 · D\.E\./);
    assert.doesNotMatch(text, /Dylan|Evans|Seren|Jones/);
  });

  it('explicit ranges list what is due in them', async () => {
    const { text } = await ask(alex, '/due 26 Nov 2026 to 2 Dec 2026');
    assert.match(text, /C100[\s\S]*C102/);
    assert.doesNotMatch(text, /C101/);
  });

  it('team scope: refused for an IRO, allowed for business support', async () => {
    const refused = await ask(alex, '/due this week team');
    assert.match(refused.text, /only business support, managers and admin/i);
    const { text } = await ask(sian, '/due this week team');
    assert.match(text, /whole service/);
    assert.match(text, /C100[\s\S]*C103/);
    assert.match(text, /Rhian Pritchard/, 'team view names the IRO of each row');
  });

  it('for PERSON by e-mail address (a manager)', async () => {
    const { text } = await ask(catrin, '/due this week for rhian@council.example');
    assert.match(text, /Rhian Pritchard's children/);
    assert.match(text, /C103 · Mali Harris[\s\S]*Fri 27 Nov 2026/);
    assert.doesNotMatch(text, /C100/);
  });

  it('bad arguments get a specific reply with an example', async () => {
    const { text } = await ask(alex, '/due fortnight');
    assert.match(text, /can't read "fortnight" as a window/);
    assert.match(text, /Try: \/due next week/);
    const who = await ask(catrin, '/due for nobody@nowhere.example');
    assert.match(who.text, /can't find "nobody@nowhere.example"/);
  });

  it('unknown commands get help, never silence', async () => {
    const { text } = await ask(alex, '/frobnicate now');
    assert.match(text, /There is no command "frobnicate"/);
  });

  it('people not in the staff directory are told to ask their administrator, and nothing else', async () => {
    const { card, text } = await ask(stranger, '/case C100');
    assert.match(text, /not registered with the IRO service — ask your administrator/);
    assert.doesNotMatch(JSON.stringify(card), /C100|Dylan/);
  });

  it('a guest is matched on first contact by UPN, then limited by role', async () => {
    h.connector.members.set('29:ffion', {
      id: '29:ffion',
      name: 'Ffion Powell',
      aadObjectId: '00000000-0000-0000-0000-0000000000f9',
      userPrincipalName: 'ffion.powell_cafcass.example#EXT#@council.onmicrosoft.com',
      userRole: 'guest',
    });
    const ffion: Sender = { id: '29:ffion', name: 'Ffion Powell', aadObjectId: '00000000-0000-0000-0000-0000000000f9' };
    // Guests may use /actions and /help only (issue 7): the same refusal for anything else.
    const due = await ask(ffion, '/due this week');
    assert.match(due.text, /as a guest you can use \/actions and \/help/i);
    const kase = await ask(ffion, '/case C101');
    assert.match(kase.text, /as a guest you can use \/actions and \/help/i);
    assert.doesNotMatch(kase.text, /Seren/);
    const linked = await h.bot.deps.staff.get('g-1');
    assert.equal(linked?.aadObjectId, '00000000-0000-0000-0000-0000000000f9');
  });

  it('/case REF in a personal chat shows the timeline and is audited', async () => {
    const before = (await h.bot.deps.audit.list({ action: 'case.view' })).length;
    const { card, text } = await ask(alex, '/case C100');
    assert.deepEqual(validateCard(card), []);
    assert.match(text, /C100 · Dylan Evans/);
    assert.match(text, /Thu 26 Nov 2026/);
    assert.match(text, /Within/);
    const views = await h.bot.deps.audit.list({ action: 'case.view' });
    assert.equal(views.length, before + 1);
    assert.equal(views[views.length - 1].subject, 'C100');
    assert.equal(views[views.length - 1].actor.id, 'iro-1');
  });

  it('/case is refused in a channel and for a child the caller may not see (same answer as no such case)', async () => {
    const channel = await ask(alex, '/case C100', true);
    assert.match(channel.text, /only shown in a personal chat/);
    assert.doesNotMatch(channel.text, /Dylan/);
    const other = await ask(alex, '/case C103');
    const missing = await ask(alex, '/case C999');
    assert.equal(other.text.replace('C103', 'X'), missing.text.replace('C999', 'X'));
    const refused = await h.bot.deps.audit.list({ action: 'case.view.refused' });
    assert.ok(refused.some((r) => r.subject === 'C103' && r.details?.reason === 'no-access'));
  });

  it('/caseload: own for an IRO, the service for a manager', async () => {
    const own = await ask(alex, '/caseload');
    assert.match(own.text, /Caseload: Alex Wilber/);
    assert.match(own.text, /Children\n3/);
    const team = await ask(catrin, '/caseload');
    assert.deepEqual(validateCard(team.card), []);
    assert.match(team.text, /Caseload: reviewing service/);
    assert.match(team.text, /Alex Wilber[\s\S]*Rhian Pritchard/);
    assert.match(team.text, /2 IROs · 4 children · 1\.5 FTE/);
    const refused = await ask(alex, '/caseload rhian@council.example');
    assert.match(refused.text, /only managers/i);
  });

  it('/actions lists overdue reviews, reviews to book and records to distribute, oldest deadline first', async () => {
    const { text } = await ask(alex, '/actions');
    const order = ['C101', 'C102', 'C100'].map((ref) => text.indexOf(ref));
    assert.ok(
      order.every((i) => i >= 0),
      text,
    );
    assert.match(text, /Overdue review · C101/);
    // C102's third review (15 Oct) has no distributed record: due by 29 Oct, overdue.
    assert.match(text, /Distribute record · C102[\s\S]*by Thu 29 Oct 2026/);
    assert.match(text, /Book review · C100/);
  });

  it('/help is generated from the registry and names the policy', async () => {
    const { text } = await ask(alex, '/help');
    for (const c of ['/due', '/caseload', '/actions', '/case REF', '/help']) assert.ok(text.includes(c), c);
    assert.match(text, /Policy: wales/);
  });

  it('malformed activities get 400 with the reason and change nothing', async () => {
    const auditBefore = (await h.bot.deps.audit.list()).length;
    const garbage = await h.post('this is not json');
    assert.equal(garbage.status, 400);
    const noConversation = await h.post({
      type: 'message',
      from: { id: 'x' },
      recipient: { id: 'b' },
      serviceUrl: h.connector.url,
      text: '/due',
    });
    assert.equal(noConversation.status, 400);
    assert.match(noConversation.body, /conversation\.id is missing/);
    const badUrl = await h.post({
      ...messageActivity(h.connector.url, alex, '/due'),
      serviceUrl: 'file:///etc/passwd',
    });
    assert.equal(badUrl.status, 400);
    assert.equal((await h.bot.deps.audit.list()).length, auditBefore);
  });

  it('GET /healthz', async () => {
    const res = await fetch(`${h.bot.server.url}/healthz`);
    assert.equal(res.status, 200);
    assert.deepEqual(await res.json(), { status: 'ok', store: 'embedded', policy: 'wales' });
  });
});

describe('tenant guard', function () {
  this.timeout(30000);
  let h: Harness;
  before(async () => {
    h = await startHarness({ env: { IRO_NOW: NOW, ALLOWED_TENANT_IDS: TENANT }, importDoc: fixture });
  });
  after(async () => h?.stop());

  it('answers the allowed tenant and refuses any other with 403, sending nothing', async () => {
    const spy = spyOnTurns();
    try {
      const ok = cardOf(await h.ask(messageActivity(h.connector.url, alex, '/help')));
      assert.match(ok.text, /IRO Bot commands/);
      assert.equal(spy.turns(), 1, 'the allowed tenant gets a turn');
      const sent = h.connector.received.length;
      const res = await h.post(messageActivity(h.connector.url, alex, '/due', { tenantId: 'another-tenant' }));
      assert.equal(res.status, 403);
      // No turn started for it, so nothing can be sent for it, now or later (no waiting needed).
      assert.equal(spy.turns(), 1, 'no turn for the refused tenant');
      assert.equal(h.connector.received.length, sent);
    } finally {
      spy.restore();
    }
  });
});

describe('card actions over HTTP', function () {
  this.timeout(30000);
  let h: Harness;
  before(async () => {
    h = await startHarness({ env: { IRO_NOW: NOW }, importDoc: fixture });
  });
  after(async () => h?.stop());

  const invoke = (from: Sender, verb: string, data: unknown = {}) =>
    h.post({
      ...messageActivity(h.connector.url, from, ''),
      type: 'invoke',
      name: 'adaptiveCard/action',
      text: undefined,
      value: { action: { type: 'Action.Execute', verb, data } },
    });

  it('an unknown verb is answered in the invoke response and changes nothing', async () => {
    const res = await invoke(alex, 'review.teleport', { ref: 'C100' });
    assert.equal(res.status, 200);
    const body = JSON.parse(res.body);
    assert.equal(body.type, 'application/vnd.microsoft.activity.message');
    assert.match(body.value, /out of date/);
  });

  it('an unregistered person gets the not-registered answer', async () => {
    const body = JSON.parse((await invoke(stranger, 'review.teleport')).body);
    assert.match(body.value, /not registered/);
  });

  it('other invokes get 501', async () => {
    const res = await h.post({
      ...messageActivity(h.connector.url, alex, ''),
      type: 'invoke',
      name: 'composeExtension/query',
      value: {},
    });
    assert.equal(res.status, 501);
  });
});
