import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { liaisonItems } from '../../src/domain/liaison.js';
import type { ConversationDoc } from '../../src/store/delivery-documents.js';
import { renderPending } from '../../src/teams/presenters/pending-messages.js';
import type { Sender } from '../helpers/activities.js';
import { startHarness, type Harness } from '../helpers/bot-harness.js';
import { askCard, invokeText } from '../helpers/card-turns.js';
import { alex, catrin, dafydd, owen, sian } from '../helpers/people.js';

// A new entry to care and the allocation of its IRO, over HTTP with the real adapter (issue 14;
// docs/DOMAIN.md "New entry to care", docs/DESIGN.md "Allocation"): business support notifies the child
// with the minimum fields; it is created with its history and the first review due at once; the reviewing
// team manager's card lists the IROs with their caseloads and the ones W54.3 rules out; the allocation
// checks W54.3, opens L2 for a child in proceedings, and a second click is told who was first. /allocate
// reallocates with a reason; every refusal changes nothing.
//
// Wed 2 Dec 2026. iro-1 (1 FTE) has C100–C102, iro-2 (0.5 FTE) C103; iro-3 controls the north team's
// resources (W54.3: never the IRO of a north child).
const NOW = '2026-12-02T10:00:00Z';
const base = JSON.parse(fs.readFileSync(path.join(__dirname, '../fixtures/http/small-service.json'), 'utf8'));
const fixture = {
  ...base,
  staff: [
    ...base.staff,
    {
      id: 'iro-3',
      name: 'Nia Roberts',
      roles: ['iro'],
      team: 'reviewing',
      fte: 1,
      managerId: 'tm-1',
      controlsResourcesOf: ['north'],
    },
  ],
};
const calendarOf = (h: Harness) => h.bot.deps.calendar;

describe('a new entry to care and the allocation of its IRO, over HTTP (issue 14)', function () {
  this.timeout(60000);
  let h: Harness;

  before(async () => {
    h = await startHarness({ env: { IRO_NOW: NOW }, importDoc: fixture });
  });
  after(async () => h?.stop());

  const ask = (from: Sender, text: string) => askCard(h, from, text);
  const invoke = (from: Sender, verb: string, data: Record<string, unknown>) => invokeText(h, from, verb, data);
  const entry = {
    intake: 'new-entry',
    ref: 'C1201',
    lookedAfterOn: '2026-12-01',
    legalStatus: 'interim-care-order',
    socialWorkerId: 'sw-1',
    socialWorkTeam: '',
    inProceedings: 'true',
    proceedingsStartedOn: '',
  };
  const count = async () => (await h.bot.deps.children.listAll()).length;
  const c1201 = async () => (await h.bot.deps.children.get('C1201'))!;

  it('business support opens the form: the minimum fields, the social workers of the directory', async () => {
    const { card, text } = await ask(sian, '/notify new');
    assert.match(text, /Notify a new entry to care/);
    const ids = card.body.map((b: { id?: string }) => b.id).filter(Boolean);
    for (const id of ['ref', 'lookedAfterOn', 'legalStatus', 'socialWorkerId', 'inProceedings'])
      assert.ok(ids.includes(id), id);
    assert.match(text, /Dafydd Thomas \(north\)/);
    assert.deepEqual(card.actions[0].data, { intake: 'new-entry' });
    // Nobody else gets the form, or past the verb's loader.
    assert.match((await ask(dafydd, '/notify new')).text, /only business support or a reviewing team manager/i);
    assert.match(await invoke(dafydd, 'notify.new-entry', entry), /that form is not available to you/i);
    assert.match(await invoke(alex, 'notify.new-entry', { ...entry, intake: 'other' }), /not available to you/i);
    assert.equal(await h.bot.deps.children.get('C1201'), null);
  });

  it('refuses bad fields with the form again and a specific reason, creating nothing', async () => {
    const before = await count();
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ lookedAfterOn: '2026-12-03' }, /in the future/i],
      [{ legalStatus: 'adopted' }, /choose the legal status/i],
      [{ socialWorkerId: 'iro-1' }, /choose the social worker/i],
      [{ ref: 'C 12' }, /not a case reference/i],
      [{ ref: 'c100' }, /C100 is already known/i],
      [{ proceedingsStartedOn: '2027-01-01' }, /proceedings were issued .* in the future/i],
    ];
    for (const [change, why] of cases) {
      const text = await invoke(sian, 'notify.new-entry', { ...entry, ...change });
      assert.match(text, why, `${JSON.stringify(change)}: ${text}`);
      assert.match(text, /Notify a new entry to care/, 'the form comes back, filled in');
    }
    assert.equal(await count(), before);
  });

  it('records the child: first event, history, first review due at once (W39.1), the manager asked to allocate', async () => {
    const text = await invoke(sian, 'notify.new-entry', entry);
    assert.match(text, /Recorded: C1201, new to care/);
    assert.match(text, /first review is due by Thu 31 Dec 2026 \(W39\.1\)/);
    assert.match(text, /The reviewing team manager is asked to allocate an IRO/);
    const c = await c1201();
    assert.equal(c.iroId, '');
    assert.equal(c.socialWorkTeam, 'north', "the social worker's team");
    assert.deepEqual(c.events, [{ type: 'became-looked-after', date: '2026-12-01', source: 'bot' }]);
    assert.deepEqual(c.proceedings, { startedOn: '2026-12-01' });
    assert.equal(c.nextReview?.dueBy, '2026-12-31');
    assert.deepEqual(
      c.history.map((e) => [e.action, e.by.id]),
      [['child.created', 'bs-1']],
    );
    // Only the reviewing team manager (not the north team's), in their 1:1 chat.
    assert.deepEqual(
      (c.pending ?? []).map((p) => [p.message.type, p.to]),
      [['allocation-needed', { kind: 'personal', staffId: 'tm-1' }]],
    );
    // The card as it will be delivered: IROs by load per FTE, caseloads, the one W54.3 rules out.
    const activity = renderPending(c.pending![0]!.message, {
      conversation: { _id: 'a:tm-1', kind: 'personal' } as unknown as ConversationDoc,
      child: c,
      showNames: true,
      staffNames: new Map(),
      today: '2026-12-02',
      tzName: 'Europe/London',
      language: 'en',
    }) as { attachments: { content: unknown }[] };
    const card = activity.attachments[0]!.content as { body: { id?: string; choices?: { title: string }[] }[] };
    const choices = card.body.find((b) => b.id === 'iroId')!.choices!.map((x) => x.title);
    assert.deepEqual(choices, ['Rhian Pritchard — 1 child (2 per FTE)', 'Alex Wilber — 3 children (3 per FTE)']);
    assert.match(
      JSON.stringify(card),
      /Nia Roberts: iro-3 controls the resources of team north, which holds the case \(W54\.3\)/,
    );
    // The same child again is refused (refs compared without regard to case).
    assert.match(await invoke(sian, 'notify.new-entry', { ...entry, ref: 'c1201' }), /C1201 is already known/i);
  });

  it('the manager allocates: W54.3 refused with its ground, then allocated, L2 opened, the IRO told; a second click is told who was first', async () => {
    const before = await c1201();
    assert.match(
      await invoke(catrin, 'allocation.choose', { ref: 'C1201', iroId: 'iro-3', first: 'true' }),
      /controls the resources of team north.*\(W54\.3\)/i,
    );
    assert.match(
      await invoke(owen, 'allocation.choose', { ref: 'C1201', iroId: 'iro-2', first: 'true' }),
      /only a reviewing team manager/i,
    );
    assert.equal((await c1201()).version, before.version, 'refusals change nothing');

    const text = await invoke(catrin, 'allocation.choose', { ref: 'C1201', iroId: 'iro-2', reason: '', first: 'true' });
    assert.match(text, /Allocated to Rhian Pritchard/);
    assert.match(text, /in proceedings: L2 is open for Rhian Pritchard/);
    const c = await c1201();
    assert.equal(c.iroId, 'iro-2');
    assert.equal(c.iroAllocatedOn, '2026-12-02');
    assert.deepEqual(
      [c.history.at(-1)!.action, c.history.at(-1)!.by.id, c.history.at(-1)!.after],
      ['allocate', 'tm-1', { iroId: 'iro-2' }],
    );
    const l2 = liaisonItems(c, '2026-12-02', calendarOf(h)).find((i) => i.duty === 'L2');
    assert.ok(l2 && l2.open && l2.subject === 'iro-2', JSON.stringify(l2));
    assert.deepEqual(
      (c.pending ?? []).filter((p) => p.message.type === 'iro-allocated').map((p) => p.to),
      [{ kind: 'personal', staffId: 'iro-2' }],
    );
    // The same card clicked again for someone else: told who allocated first, nothing changed.
    const again = await invoke(catrin, 'allocation.choose', { ref: 'C1201', iroId: 'iro-1', first: 'true' });
    assert.match(again, /already allocated to Rhian Pritchard by Catrin Morgan/i);
    assert.equal((await c1201()).version, c.version);
    // The child is now on Rhian's /due.
    assert.match(
      (
        await ask(
          { id: '29:rhian', name: 'Rhian Pritchard', aadObjectId: '00000000-0000-0000-0000-0000000000a2' },
          '/due next 60 days',
        )
      ).text,
      /C1201/,
    );
  });

  it('/allocate: a reviewing team manager reallocates with a reason; others are refused', async () => {
    const { card, text } = await ask(catrin, '/allocate C1201');
    assert.match(text, /Reallocate C1201 to another IRO/);
    assert.match(text, /Alex Wilber — 3 children \(3 per FTE\)/);
    assert.doesNotMatch(text, /Rhian Pritchard — /, 'the current IRO is not offered');
    assert.equal(card.body.find((b: { id?: string }) => b.id === 'reason').isRequired, true);
    assert.match((await ask(owen, '/allocate C1201')).text, /only a reviewing team manager/i);
    assert.match((await ask(alex, '/allocate C1201')).text, /not available|isn't available|only/i);

    const before = await c1201();
    const noReason = await invoke(catrin, 'allocation.choose', { ref: 'C1201', iroId: 'iro-1', first: 'false' });
    assert.match(noReason, /say why the child moves/i);
    assert.equal((await c1201()).version, before.version);

    const done = await invoke(catrin, 'allocation.choose', {
      ref: 'C1201',
      iroId: 'iro-1',
      reason: 'Caseload balancing',
      first: 'false',
    });
    assert.match(
      done,
      /C1201 is now allocated to Alex Wilber, who is told in their chat \(and so is Rhian Pritchard\)/,
    );
    const c = await c1201();
    assert.deepEqual(c.history.at(-1)!.after, { iroId: 'iro-1', reason: 'Caseload balancing' });
    assert.deepEqual(
      (c.pending ?? []).filter((p) => p.key.startsWith(`allocation:C1201:${before.version}`)).map((p) => p.to),
      [
        { kind: 'personal', staffId: 'iro-1' },
        { kind: 'personal', staffId: 'iro-2' },
      ],
    );
  });
});
