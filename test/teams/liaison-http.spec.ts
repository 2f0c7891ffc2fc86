import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { validateCard } from '../../tools/card-validation.js';
import { messageActivity, type Sender } from '../helpers/activities.js';
import { cardOf, startHarness, type Harness } from '../helpers/bot-harness.js';
import type { FakeMember } from '../helpers/fake-connector.js';
import { alex, sian } from '../helpers/people.js';
import { guardianAccessOpen } from '../../src/domain/liaison.js';

// The /liaison form's Save (verb liaison.save) as Teams sends it: the card's action data merged with the
// values of every input on the card, through the real server and adapter. A save from an out-of-date
// card, by someone who may not, or with a malformed value is answered in words and changes nothing.
const NOW = '2026-11-25T09:00:00Z';
const base = JSON.parse(fs.readFileSync(path.join(__dirname, '../fixtures/http/small-service.json'), 'utf8'));
const fixture = {
  ...base,
  staff: [
    ...base.staff,
    {
      id: 'lg-1',
      name: 'Angharad Rees',
      roles: ['legal'],
      aadObjectId: '00000000-0000-0000-0000-00000000001e',
      email: 'angharad@council.example',
    },
  ],
};
const angharad: Sender = {
  id: '29:angharad',
  name: 'Angharad Rees',
  aadObjectId: '00000000-0000-0000-0000-00000000001e',
};
const ffion: Sender = { id: '29:ffion', name: 'Ffion Powell', aadObjectId: '00000000-0000-0000-0000-0000000000f9' };
const FFION: FakeMember = {
  id: '29:ffion',
  aadObjectId: ffion.aadObjectId,
  userPrincipalName: 'ffion.powell_cafcass.example#EXT#@council.onmicrosoft.com',
  userRole: 'guest',
};

type Card = any;
const nodes = (v: unknown, out: Record<string, any>[] = []): Record<string, any>[] => {
  if (Array.isArray(v)) v.forEach((x) => nodes(x, out));
  else if (v && typeof v === 'object') {
    out.push(v as Record<string, any>);
    Object.values(v).forEach((x) => nodes(x, out));
  }
  return out;
};
const saveAction = (card: Card) => nodes(card).find((n) => n.type === 'Action.Execute' && n.verb === 'liaison.save')!;
/** What Teams sends for Save: every top-level input's current value (empty when unset), then the action's data. */
function submitted(card: Card, changes: Record<string, unknown>): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const n of card.body as Record<string, any>[]) {
    if (typeof n.type === 'string' && n.type.startsWith('Input.')) values[n.id] = n.value ?? '';
  }
  return { ...values, ...changes, ...saveAction(card).data };
}

describe('/liaison Save over HTTP (liaison.save)', function () {
  this.timeout(60000);
  let h: Harness;
  before(async () => {
    h = await startHarness({ env: { IRO_NOW: NOW }, importDoc: fixture });
    h.connector.members.set('29:ffion', { ...FFION, name: 'Ffion Powell' });
  });
  after(async () => h?.stop());

  const ask = async (from: Sender, text: string) => cardOf(await h.ask(messageActivity(h.connector.url, from, text)));
  async function save(from: Sender, data: Record<string, unknown>) {
    const res = await h.post({
      ...messageActivity(h.connector.url, from, ''),
      type: 'invoke',
      name: 'adaptiveCard/action',
      text: undefined,
      value: { action: { type: 'Action.Execute', verb: 'liaison.save', data }, trigger: 'manual' },
    });
    assert.equal(res.status, 200, res.body);
    const body = JSON.parse(res.body);
    const card = body.type === 'application/vnd.microsoft.card.adaptive' ? body.value : null;
    return {
      card,
      text: card ? cardOf({ body: { attachments: [{ content: card }] } } as never).text : String(body.value),
    };
  }
  const child = async (ref: string) => (await h.bot.deps.children.get(ref))!;

  it('business support records new proceedings from the form; the card comes back saved, with the Guardian', async () => {
    const form = await ask(sian, '/liaison C100');
    assert.deepEqual(validateCard(form.card), []);
    const before = await child('C100');
    assert.equal(before.proceedings ?? null, null);
    const saved = await save(
      sian,
      submitted(form.card, { startedOn: '2026-11-20', guardianId: 'g-1', irhDate: '2027-01-15' }),
    );
    assert.ok(saved.card, saved.text);
    assert.deepEqual(validateCard(saved.card), []);
    assert.match(saved.text, /Saved\./);
    const after = await child('C100');
    assert.equal(after.version, before.version + 1);
    assert.deepEqual(
      [
        after.proceedings?.startedOn,
        after.proceedings?.guardianId,
        after.proceedings?.guardianAppointedOn,
        after.proceedings?.irhDate,
      ],
      ['2026-11-20', 'g-1', '2026-11-25', '2027-01-15'],
    );
    assert.equal(saveAction(saved.card).data.version, String(after.version), 'the new card carries the new version');

    // The first card again (its version is out of date): a conflict in words; nothing changes.
    const stale = await save(sian, submitted(form.card, { startedOn: '2026-11-01', guardianId: '' }));
    assert.equal(stale.card, null);
    assert.match(stale.text, /changed by Sian Howells/);
    assert.deepEqual(await child('C100'), after);
  });

  it("the form's open duties and their buttons are in Welsh for a Welsh reader (issue 13)", async () => {
    await ask(sian, '/iaith cymraeg');
    try {
      const form = await ask(sian, '/cyswllt C100');
      assert.deepEqual(validateCard(form.card), []);
      const titles = JSON.stringify(form.card).match(/"title":"[^"]*"/g) ?? [];
      assert.ok(titles.length > 0);
      for (const title of titles) assert.doesNotMatch(title, /\b(Sent|Contacted|Done|Open|Confirm|received)\b/, title);
    } finally {
      await ask(sian, '/language english');
    }
  });

  it('legal records court documents received; a second save of the same date says it is already recorded', async () => {
    const form = await ask(angharad, '/liaison C101');
    const saved = await save(angharad, submitted(form.card, { courtDocsReceivedOn: '2026-11-24' }));
    assert.match(saved.text, /Saved\./);
    assert.deepEqual((await child('C101')).liaison?.courtDocuments, [{ receivedOn: '2026-11-24', byId: 'lg-1' }]);
    const again = await save(angharad, submitted(saved.card, { courtDocsReceivedOn: '2026-11-24' }));
    assert.equal(again.text, 'Already changed: Court documents received on Tue 24 Nov 2026 are already recorded.');
    assert.equal((await child('C101')).liaison?.courtDocuments?.length, 1);
  });

  it('a malformed date names the field and the rule; nothing is saved', async () => {
    const form = await ask(alex, '/liaison C101');
    const before = await child('C101');
    const bad = await save(alex, submitted(form.card, { irhDate: '10/12/2026' }));
    assert.equal(bad.card, null);
    assert.equal(
      bad.text,
      "I couldn't follow that: Check the Issues Resolution Hearing date: dates are YYYY-MM-DD; nothing was changed.",
    );
    assert.deepEqual(await child('C101'), before);
  });

  it('a forged Save from the Guardian (a guest) gets the neutral refusal, audited; nothing changes', async () => {
    const form = await ask(alex, '/liaison C101');
    const before = await child('C101');
    const forged = await save(ffion, submitted(form.card, { guardianId: '', startedOn: '2026-09-28' }));
    assert.equal(forged.card, null);
    assert.match(forged.text, /not available to you/);
    assert.doesNotMatch(forged.text, /Seren|Jones/);
    assert.deepEqual(await child('C101'), before);
    assert.ok((await h.bot.deps.audit.list({ 'actor.id': 'g-1' })).some((a) => /refused/.test(a.action)));
  });

  // Issue 15, L9 (protocol §8 and §10): the Guardian confirms the documents, "contact arrangements (if not
  // covered in the care plan)" can be not applicable, and the final discussion's monitoring issues are kept.
  it('L9 over HTTP: only the Guardian confirms the documents; contact arrangements not applicable; access then ends', async () => {
    const invoke = async (from: Sender, verb: string, data: Record<string, unknown>, locale = 'en-GB') => {
      const res = await h.post({
        ...messageActivity(h.connector.url, from, ''),
        locale,
        type: 'invoke',
        name: 'adaptiveCard/action',
        text: undefined,
        value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' },
      });
      assert.equal(res.status, 200, res.body);
      const body = JSON.parse(res.body);
      return body.type === 'application/vnd.microsoft.card.adaptive' ? JSON.stringify(body.value) : String(body.value);
    };
    const form = await ask(sian, '/liaison C101');
    await save(sian, submitted(form.card, { concludedOn: '2026-11-20', outcome: 'remains-looked-after' }));
    const tick = (from: Sender, subject: string, notApplicable = 'false', locale?: string) =>
      invoke(from, 'liaison.done', { ref: 'C101', duty: 'L9', subject, notApplicable }, locale);

    // The IRO may not confirm what the Guardian confirms; nothing changes.
    const concluded = await child('C101');
    assert.match(await tick(alex, 's31a-care-plan'), /not available to you/);
    // "Not applicable" is only for the contact arrangements.
    assert.match(
      await tick(ffion, 'final-order', 'true'),
      /Only the contact arrangements can be marked not applicable/,
    );
    assert.deepEqual(await child('C101'), concluded);

    // Issue 13: a Guardian whose Teams reads Welsh gets the updated liaison card in Welsh, nothing in English.
    const welsh = await tick(ffion, 's31a-care-plan', 'false', 'cy-GB');
    assert.match(welsh, /Gwarcheidwad: trefniadau cyswllt yn amherthnasol/);
    const welshWords = nodes(JSON.parse(welsh))
      .flatMap((n) => [n.text, n.title, n.label, n.value].filter((x): x is string => typeof x === 'string'))
      .join('\n');
    assert.doesNotMatch(welshWords, /Guardian|Deadline|Status|confirms|Not applicable|Record|Open\b|Done\b/);
    for (const subject of ['guardian-report', 'final-order']) {
      assert.match(await tick(ffion, subject), /Guardian: contact arrangements not applicable/);
    }
    const na = await tick(ffion, 'contact-arrangements', 'true');
    assert.match(na, /Not applicable/);
    const done = (await child('C101')).liaison?.done ?? [];
    assert.deepEqual(
      done.filter((d) => d.duty === 'L9').map((d) => [d.subject, d.byId, d.notApplicable ?? false]),
      [
        ['s31a-care-plan', 'g-1', false],
        ['guardian-report', 'g-1', false],
        ['final-order', 'g-1', false],
        ['contact-arrangements', 'g-1', true],
      ],
    );

    // The final discussion with its monitoring issues closes the Guardian's access.
    await invoke(alex, 'liaison.discussion', {
      ref: 'C101',
      on: '2026-11-24',
      topics: 'care-plan',
      notes: '',
      final: 'true',
      monitoringIssues: 'Sibling contact to be kept under review',
    });
    const after = await child('C101');
    assert.equal(after.liaison?.discussions?.at(-1)?.monitoringIssues, 'Sibling contact to be kept under review');
    assert.equal(guardianAccessOpen(after), false);
    assert.match(await tick(ffion, 'contact-arrangements'), /not available to you/);
    // Carried into the next review: on the IRO's /case until a review is held after the discussion.
    const shown = await ask(alex, '/case C101');
    assert.match(shown.text, /Monitoring issues for the next review \(L9\): Sibling contact to be kept under review/);
    assert.match(shown.text, /Not applicable/);
  });
});
