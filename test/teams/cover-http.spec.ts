import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import type { Sender } from '../helpers/activities.js';
import { startHarness, type Harness } from '../helpers/bot-harness.js';
import { askCard, invokeText } from '../helpers/card-turns.js';
import { alex, catrin, owen } from '../helpers/people.js';

// /cover over HTTP with the real adapter (issue 14; docs/DOMAIN.md "Cover for an absent IRO"): a reviewing
// team manager lists an absent IRO's reviews due or booked in the window, each offered to the other IROs
// with their caseloads (W54.3 per child); cover is set per review or one IRO for all, recorded on each child
// with its history, shown in /case and /caseload, and the covering IRO is told; refusals change nothing.
//
// Wed 25 Nov 2026. iro-1 (Alex) has C100 (due Thu 26 Nov), C101 (overdue) and C102 (booked Tue 1 Dec);
// iro-3 (Nia) may cover anyone; iro-4 (Gareth) manages sw-1, the social worker of every child (W54.3).
const NOW = '2026-11-25T09:00:00Z';
const base = JSON.parse(fs.readFileSync(path.join(__dirname, '../fixtures/http/small-service.json'), 'utf8'));
const fixture = {
  ...base,
  staff: [
    ...base.staff.map((s: { id: string }) => (s.id === 'sw-1' ? { ...s, managerId: 'iro-4' } : s)),
    { id: 'iro-3', name: 'Nia Roberts', roles: ['iro'], team: 'reviewing', fte: 1, managerId: 'tm-1' },
    { id: 'iro-4', name: 'Gareth Lloyd', roles: ['iro'], team: 'reviewing', fte: 1, managerId: 'tm-1' },
  ],
};
const nia: Sender = { id: '29:nia', name: 'Nia Roberts', aadObjectId: '00000000-0000-0000-0000-0000000000a3' };
fixture.staff.find((s: { id: string }) => s.id === 'iro-3').aadObjectId = nia.aadObjectId;

describe('/cover over HTTP: cover for an absent IRO (issue 14)', function () {
  this.timeout(60000);
  let h: Harness;

  before(async () => {
    h = await startHarness({ env: { IRO_NOW: NOW }, importDoc: fixture });
  });
  after(async () => h?.stop());

  const ask = (from: Sender, text: string) => askCard(h, from, text);
  const invoke = (from: Sender, verb: string, data: Record<string, unknown>) => invokeText(h, from, verb, data);
  const plan = { absentId: 'iro-1', from: '2026-11-26', to: '2026-12-04' };
  const versions = async () =>
    Promise.all(['C100', 'C101', 'C102'].map(async (r) => (await h.bot.deps.children.get(r))!.version));

  it('lists the reviews due or booked in the window, each with the IROs W54.3 allows and their caseloads', async () => {
    const { card, text } = await ask(catrin, '/cover iro-1 2026-11-26 to 2026-12-04');
    assert.match(text, /Cover for Alex Wilber · Thu 26 Nov 2026 to Fri 4 Dec 2026/);
    assert.match(text, /2 reviews are due or booked in these dates/);
    assert.match(text, /C100 · Dylan Evans: due by Thu 26 Nov 2026/);
    assert.match(text, /C102 · Osian Morgan: .*booked Tue 1 Dec 2026/);
    assert.doesNotMatch(text, /C101/, 'overdue before the window: not listed');
    const inputs = card.body
      .flatMap((b: { items?: { id?: string }[] }) => b.items ?? [])
      .filter((i: { id?: string }) => i.id);
    assert.deepEqual(
      inputs.map((i: { id: string }) => i.id),
      ['for-C100', 'for-C102'],
    );
    assert.deepEqual(
      inputs[0].choices.map((c: { title: string }) => c.title),
      ['Nia Roberts — 0 children (0 per FTE)', 'Rhian Pritchard — 1 child (2 per FTE)'],
    );
    assert.match(text, /Not allowed by W54\.3: Gareth Lloyd/);
    // Refusals: not a reviewing team manager, bad dates, not an IRO.
    assert.match((await ask(owen, '/cover iro-1 2026-11-26 to 2026-12-04')).text, /only a reviewing team manager/i);
    assert.match((await ask(alex, '/cover iro-1 2026-11-26 to 2026-12-04')).text, /not available to your role/i);
    assert.match((await ask(catrin, '/cover iro-1 2026-12-04 to 2026-11-26')).text, /ends .* before it starts/i);
    assert.match((await ask(catrin, '/cover iro-1 2026-11-01 to 2026-11-20')).text, /ended on/i);
    assert.match((await ask(catrin, '/cover sw-1 2026-11-26 to 2026-12-04')).text, /not an IRO/i);
    assert.match((await ask(catrin, '/cover nobody 2026-11-26 to 2026-12-04')).text, /can't find "nobody"/i);
  });

  it('one IRO for all, W54.3 per child: Gareth refused for each with the reason, nothing written', async () => {
    const before = await versions();
    const text = await invoke(catrin, 'cover.set', { ...plan, all: 'iro-4' });
    assert.match(text, /C100: not covered: .*Gareth Lloyd cannot cover C100.*\(W54\.3\)/i);
    assert.match(text, /C102: not covered/i);
    assert.deepEqual(await versions(), before);
    // Nothing chosen: the form again; an outsider gets the loader's one answer.
    assert.match(await invoke(catrin, 'cover.set', plan), /Choose an IRO for at least one review/);
    assert.match(
      await invoke(alex, 'cover.set', { ...plan, all: 'iro-3' }),
      /cover is set by a reviewing team manager/i,
    );
    assert.deepEqual(await versions(), before);
  });

  it('per review, or one for all: recorded on each child with history, the covering IRO told; shown in /case and /caseload', async () => {
    assert.match((await ask(nia, '/case C102')).text, /no case C102 that you can see/i, 'not hers before the cover');
    const text = await invoke(catrin, 'cover.set', { ...plan, 'for-C100': 'iro-2', all: 'iro-3' });
    assert.match(text, /Cover set for Alex Wilber/);
    assert.match(text, /C100: Rhian Pritchard/);
    assert.match(text, /C102: Nia Roberts/);
    const c100 = (await h.bot.deps.children.get('C100'))!;
    const c102 = (await h.bot.deps.children.get('C102'))!;
    assert.deepEqual(c100.cover, { iroId: 'iro-2', forIroId: 'iro-1', from: '2026-11-26', to: '2026-12-04' });
    assert.equal(c100.iroId, 'iro-1', 'the allocation stays');
    assert.deepEqual([c102.history.at(-1)!.action, c102.history.at(-1)!.by.id], ['cover.set', 'tm-1']);
    assert.deepEqual(
      (c102.pending ?? []).filter((p) => p.message.type === 'cover-set').map((p) => p.to),
      [{ kind: 'personal', staffId: 'iro-3' }],
    );
    // The same again: already recorded, nothing written.
    const again = await invoke(catrin, 'cover.set', { ...plan, 'for-C100': 'iro-2', all: 'iro-3' });
    assert.match(again, /C102: Nia Roberts \(already recorded\)/);
    assert.equal((await h.bot.deps.children.get('C102'))!.version, c102.version);

    // /case: the cover while it is in force (from tomorrow: not yet), and on the timeline.
    const c = (await ask(alex, '/case C102')).text;
    assert.match(
      c,
      /Cover: Nia Roberts for Alex Wilber, Thu 26 Nov 2026 to Fri 4 Dec 2026\nCatrin Morgan, Wed 25 Nov 2026 09:00/,
    );
    // The covering IRO sees the child while the cover is not over (to prepare and chair the review).
    assert.match((await ask(nia, '/case C102')).text, /C102 · Osian Morgan/);
    assert.match((await ask(nia, '/case C100')).text, /no case C100 that you can see/i, 'only what she covers');
    // /caseload: Nia covers one review; Alex's children are covered.
    assert.match((await ask(catrin, '/caseload iro-3')).text, /Covering 1 review for an absent IRO/);
    assert.match((await ask(alex, '/caseload')).text, /2 of these children are covered by another IRO/);
    assert.match(
      (await ask(catrin, '/caseload team')).text,
      /Cover in force: Rhian Pritchard covers 1; Nia Roberts covers 1/,
    );
  });
});
