import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { messageActivity, TENANT, type Sender } from '../helpers/activities.js';
import { cardOf, startHarness, type Harness } from '../helpers/bot-harness.js';
import type { FakeMember } from '../helpers/fake-connector.js';
import { sian } from '../helpers/people.js';

// A staff member in the directory (Sian, business support, matched by AAD object id) who comes in as a guest
// according to Teams (docs/DESIGN.md "Known facts"; README "Guest safety"): a guest role, an #EXT# UPN or
// another tenant each make her a guest for that turn, so she gets the neutral guest refusal for everything
// but /actions and /help. Teams is asked once a minute per sender; when it cannot say, the directory decides.
const NOW = '2026-11-25T06:00:00Z';
const fixture = JSON.parse(fs.readFileSync(path.join(__dirname, '../fixtures/http/small-service.json'), 'utf8'));
const REFUSAL = /as a guest you can use \/actions and \/help/i;

/** Sian's directory identity (her AAD object id) behind a Teams account id of its own, so each case has its own cache entry. */
const as = (id: string): Sender => ({ ...sian, id });
const member = (id: string, facts: Partial<FakeMember>): FakeMember => ({
  id,
  aadObjectId: sian.aadObjectId,
  userPrincipalName: 'sian@council.example',
  email: 'sian@council.example',
  tenantId: TENANT,
  userRole: 'user',
  ...facts,
});
const SIGNALS: Record<string, Partial<FakeMember>> = {
  'a Teams guest role': { userRole: 'guest' },
  'an #EXT# UPN as Teams reports it': { userPrincipalName: 'sian_x.example#EXT#@council.onmicrosoft.com' },
  'another tenant': { tenantId: '99999999-0000-0000-0000-000000000099' },
};

describe('a sender Teams calls a guest is a guest, whatever the directory says (over HTTP)', function () {
  this.timeout(30000);
  let h: Harness;
  before(async () => {
    h = await startHarness({ env: { IRO_NOW: NOW, ALLOWED_TENANT_IDS: TENANT }, importDoc: fixture });
  });
  after(async () => h?.stop());

  const ask = async (from: Sender, text: string) =>
    cardOf(await h.ask(messageActivity(h.connector.url, from, text))).text;
  const invoke = async (from: Sender, verb: string, data: unknown) => {
    const res = await h.post({
      ...messageActivity(h.connector.url, from, ''),
      type: 'invoke',
      name: 'adaptiveCard/action',
      text: undefined,
      value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' },
    });
    assert.equal(res.status, 200, res.body);
    const body = JSON.parse(res.body);
    return body.type === 'application/vnd.microsoft.card.adaptive'
      ? cardOf({ body: { attachments: [{ content: body.value }] } } as never).text
      : String(body.value);
  };
  /** Everything a refused attempt could have changed (not the conversation reference or the audit trail). */
  const state = async () =>
    JSON.stringify(
      await Promise.all(['children', 'outbox', 'staff'].map((c) => h.bot.store.collection(c).find({}).toArray())),
    );

  it('as a member Teams calls an ordinary council user, Sian gets full answers (the baseline)', async () => {
    h.connector.members.set('29:sian-user', member('29:sian-user', {}));
    const due = await ask(as('29:sian-user'), '/due this week team');
    assert.doesNotMatch(due, REFUSAL);
    assert.match(due, /C10\d/);
    assert.match(await ask(as('29:sian-user'), '/case C101'), /Seren Jones/);
    assert.match(await invoke(as('29:sian-user'), 'review.book.form', { ref: 'C101' }), /Book/i);
  });

  for (const [signal, facts] of Object.entries(SIGNALS)) {
    it(`${signal}: /due team, /case, /book and the Book card all get the guest refusal and nothing changes; /help and /actions answer`, async () => {
      const id = `29:sian-${Object.keys(SIGNALS).indexOf(signal)}`;
      h.connector.members.set(id, member(id, facts));
      const before = await state();
      const refused = [
        await ask(as(id), '/due this week team'),
        await ask(as(id), '/case C101'),
        await ask(as(id), '/book C102'),
        await invoke(as(id), 'review.book.form', { ref: 'C102' }),
      ];
      for (const text of refused) {
        assert.match(text, REFUSAL);
        assert.doesNotMatch(text, /Seren|Osian|Dylan|Mali|C10\d/);
      }
      assert.equal(await state(), before, 'nothing changed');
      const help = await ask(as(id), '/help');
      assert.doesNotMatch(help, REFUSAL);
      assert.match(help, /\/actions/);
      assert.doesNotMatch(help, /\/due|\/case |\/book/);
      assert.doesNotMatch(await ask(as(id), '/actions'), REFUSAL);
      assert.equal(h.connector.memberGets.get(id), 1, 'six turns, one member read (cached for a minute)');
      const stored = await h.bot.deps.staff.get('bs-1');
      assert.ok(stored && !('teamsGuest' in stored), 'the guest mark is never stored');
      const audit = await h.bot.deps.audit.list({ action: 'command.refused', 'actor.id': 'bs-1' });
      assert.ok(
        audit.some((a) => a.subject === 'book' && a.details?.guest === true),
        "the refusal is audited as a guest's",
      );
    });
  }

  it('when Teams cannot say (404 for the member), the directory decides: Sian is staff; the failure is not cached', async () => {
    const id = '29:sian-unknown';
    assert.equal(h.connector.members.has(id), false);
    const due = await ask(as(id), '/due this week team');
    assert.doesNotMatch(due, REFUSAL);
    assert.match(due, /C10\d/);
    assert.match(await ask(as(id), '/case C101'), /Seren Jones/);
    assert.equal(h.connector.memberGets.get(id), 2, 'asked again on the next message');
  });
});
