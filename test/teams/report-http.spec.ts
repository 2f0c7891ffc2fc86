import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import type { Resolution, ResolutionStage, ResolutionTheme, StageNumber } from '../../src/domain/resolutions/index.js';
import type { ChildDoc } from '../../src/store/documents.js';
import { validateCard } from '../../tools/card-validation.js';
import { mentionActivity, messageActivity, type Sender } from '../helpers/activities.js';
import { cardOf, startHarness, type Harness } from '../helpers/bot-harness.js';
import { admin as tomos, alex, catrin, ceri, dafydd, owen, sian } from '../helpers/people.js';

// /report over HTTP on test/fixtures/http/small-service.json, with one child added here (a late
// review with a reason), resolutions written straight into the store, and one child whose history
// does not add up. Today is Wed 25 Nov 2026 (Europe/London). Every expected figure below is worked
// out by hand from the dates (policy wales; no bank holidays fall on the dates that matter):
//
// Reviews by due-by date (W39.1 = 20 working days after becoming looked after; W39.2 = 3 months
// after the first review; W39.3 = 6 months after the previous one; UPC = 28 days after an unplanned move):
//   C100  LAC Wed 1 Oct 2025 → 1st due Wed 29 Oct 2025 (held 20 Oct, within)
//         2nd due Tue 20 Jan 2026 (held 15 Jan, within); 3rd due Wed 15 Jul 2026 (held 26 May, within)
//         next due Thu 26 Nov 2026 (after today)
//   C103  same dates as C100 (3rd held 27 May, within); next due Fri 27 Nov 2026
//   C102  LAC Mon 5 Jan 2026 → 1st due Mon 2 Feb 2026 (held 26 Jan, within)
//         2nd due Sun 26 Apr 2026 (held 20 Apr, within); 3rd due Tue 20 Oct 2026 (held 15 Oct, within)
//         next: UPC Wed 4 Nov 2026 → due Wed 2 Dec 2026
//   C101  LAC Thu 1 Oct 2026 → 1st due Thu 29 Oct 2026, not held: outside, 27 days overdue
//   C104  LAC Mon 1 Jun 2026 → 1st due Mon 29 Jun 2026, held Mon 6 Jul 2026: outside, 7 days late,
//         reason sw-unavailable; 2nd due Tue 6 Oct 2026 (held 6 Oct, within)
//   C105  two reviews with the same id: left out of every figure (excluded)
//
//   Default period = this half-year so far, 1 Oct – 25 Nov 2026:
//     Oct 2026: due 3 (C104-2, C102-3, C101), within 2, outside 1 → 2/3 = 66.67%; Nov 2026: none due
//     totals 3 / 2 / 1 → 66.67%, below the 98.5% target
//   Apr 2026 – Sep 2026: Apr 1/1 (C102-2) 100.00%; Jun 1/0 (C104-1) 0.00%; Jul 2/2 (C100-3, C103-3)
//     100.00%; May, Aug, Sep none → totals 4 / 3 / 1 → 75.00%
//   Oct 2025 – Mar 2026: C100-1, C103-1 (Oct), C100-2, C103-2 (Jan), C102-1 (Feb) → 5 / 5 / 0 → 100.00%
//
//   C106  IFST plan, intensive phase Mon 19 Oct 2026 → 1st due Mon 16 Nov 2026 (28 days), held Wed 18 Nov:
//         outside, reason other; in the separate IFST table only (rule RP1): Nov 2026 1 / 0 / 1 → 0.00%
//   C107  looked after 3 Jun – 2 Sep 2024 (left care): in no period here, and not on anyone's caseload (CL1)
//
// Caseload (now, open children only): Alex 4 children (C100–C102, C106; not C107), 1.0 FTE → 4.0;
//   Rhian 3 (C103–C105), 0.5 FTE → 6.0; together 7 children, 1.5 FTE → 4.7 per FTE.
// Written records not distributed (RP2): C102-3 (held 15 Oct, past the 14 days), C106-1 (held 18 Nov, within),
//   and C105's two (held Feb and May; its history does not add up, but the records are still not out) → 4, 3 overdue.
// Resolutions that became formal (stage 1+) from 1 Oct to 25 Nov 2026:
//   R1 C100 care-planning, formal Mon 5 Oct, resolved Mon 12 Oct: 5 working days (6,7,8,9,12 Oct), 7 calendar
//   R2 C102 drift-and-delay, informal 1 Oct, formal Tue 20 Oct, stage 2 Wed 28 Oct: escalated, open
//   R3 C101 care-planning, formal Mon 2 Nov, resolved Mon 16 Nov: 10 working days, 14 calendar
//   not counted: R4 C103 informal only; R5 C100 formal Tue 15 Sep (before the period)
//   → 3 raised (care planning 2, drift and delay 1), 1 escalated, 2 resolved,
//     median 7.5 working days ((5 + 10) / 2), 10.5 calendar days ((7 + 14) / 2)
const NOW = '2026-11-25T09:00:00Z';
const fixture = JSON.parse(fs.readFileSync(path.join(__dirname, '../fixtures/http/small-service.json'), 'utf8'));
const importDoc = {
  ...fixture,
  staff: [
    ...fixture.staff,
    {
      id: 'hos-1',
      name: 'Ceri Davies',
      roles: ['head-of-service'],
      aadObjectId: '00000000-0000-0000-0000-0000000000e1',
    },
    { id: 'admin-1', name: 'Tomos Bevan', roles: ['admin'], aadObjectId: '00000000-0000-0000-0000-0000000000ad' },
  ],
  children: [
    ...fixture.children,
    {
      ref: 'C104',
      givenName: 'Elis',
      familyName: 'Price',
      legalStatus: 'care-order',
      track: 'cla',
      iroId: 'iro-2',
      socialWorkerId: 'sw-1',
      socialWorkTeam: 'north',
      events: [{ type: 'became-looked-after', date: '2026-06-01' }],
      reviews: [
        { id: 'C104-1', heldOn: '2026-07-06', lateReason: 'sw-unavailable', recordDistributedOn: '2026-07-10' },
        { id: 'C104-2', heldOn: '2026-10-06', recordDistributedOn: '2026-10-09' },
      ],
    },
    {
      ref: 'C106',
      givenName: 'Nia',
      familyName: 'Morgan',
      legalStatus: 'ifst-family-plan',
      track: 'ifst',
      iroId: 'iro-1',
      events: [{ type: 'ifst-intensive-started', date: '2026-10-19' }],
      reviews: [{ id: 'C106-1', heldOn: '2026-11-18', lateReason: 'other' }],
    },
    {
      ref: 'C107',
      givenName: 'Iestyn',
      familyName: 'Hughes',
      legalStatus: 'care-order',
      track: 'cla',
      iroId: 'iro-1',
      events: [
        { type: 'became-looked-after', date: '2024-06-03' },
        { type: 'ceased-looked-after', date: '2024-09-02' },
      ],
      reviews: [{ id: 'C107-1', heldOn: '2024-06-20', recordDistributedOn: '2024-06-25' }],
    },
  ],
};

const stamp = (on: string) => ({ by: 'iro-1', byName: 'Alex Wilber', at: `${on}T10:00:00.000Z`, on });
const stage = (n: StageNumber, on: string): ResolutionStage => ({
  stage: n,
  started: stamp(on),
  addresseeIds: [],
  acknowledgeBy: null,
  respondBy: on,
  acknowledged: null,
  response: null,
  skipped: [],
  skipReason: null,
});
function resolution(
  id: string,
  theme: ResolutionTheme,
  stages: ResolutionStage[],
  resolvedOn: string | null = null,
): Resolution {
  return {
    id,
    theme,
    summary: 'test',
    ask: '',
    askBy: null,
    raised: stages[0].started,
    status: resolvedOn ? 'resolved' : 'open',
    stages,
    outcome: resolvedOn ? { ...stamp(resolvedOn), text: 'sorted' } : null,
    seniorOfficerNotice: null,
    referral: null,
  };
}

/** A Table's rows as text, found by the text of its first header cell. */
function table(card: unknown, firstHeader: string): string[][] {
  const found: string[][][] = [];
  const walk = (n: unknown): void => {
    if (Array.isArray(n)) n.forEach(walk);
    else if (n && typeof n === 'object') {
      const o = n as { type?: string; rows?: { cells: { items: { text: string }[] }[] }[] };
      if (o.type === 'Table' && o.rows)
        found.push(o.rows.map((r) => r.cells.map((c) => c.items.map((i) => i.text).join(' '))));
      Object.values(o).forEach(walk);
    }
  };
  walk(card);
  const t = found.find((rows) => rows[0]?.[0] === firstHeader);
  assert.ok(t, `a table headed ${firstHeader}`);
  return t.slice(1);
}

/** A FactSet's facts as [title, value], found by its first title. */
function facts(card: unknown, firstTitle: string): string[][] {
  const found: string[][][] = [];
  const walk = (n: unknown): void => {
    if (Array.isArray(n)) n.forEach(walk);
    else if (n && typeof n === 'object') {
      const o = n as { type?: string; facts?: { title: string; value: string }[] };
      if (o.type === 'FactSet' && o.facts) found.push(o.facts.map((f) => [f.title, f.value]));
      Object.values(o).forEach(walk);
    }
  };
  walk(card);
  const f = found.find((fs) => fs[0]?.[0] === firstTitle);
  assert.ok(f, `a fact set starting ${firstTitle}`);
  return f;
}

/** The compliance line chart: its months (first series) and the target drawn as a second line. */
function chartOf(card: { body: Record<string, unknown>[] }) {
  const chart = card.body.find((b) => b.type === 'Chart.Line') as
    | { data: { legend: string; values: { x: string; y: number }[] }[]; fallback: unknown; yMin: number; yMax: number }
    | undefined;
  assert.ok(chart, 'a Chart.Line');
  const [compliance, target] = chart.data;
  assert.equal(target?.legend, 'Target 98.50%', 'the target is drawn on the chart');
  assert.deepEqual(
    target!.values.map((v) => v.y),
    compliance!.values.map(() => 98.5),
  );
  assert.ok(Number.isInteger(chart.yMin) && chart.yMin % 5 === 0 && chart.yMax === 100, 'whole-number axis');
  return { data: compliance!.values, fallback: chart.fallback };
}

describe('/report over HTTP', function () {
  this.timeout(30000);
  let h: Harness;
  before(async () => {
    h = await startHarness({ env: { IRO_NOW: NOW }, importDoc });
    const children = h.bot.deps.children;
    const add = async (ref: string, rs: Resolution[]) => {
      const c = (await children.get(ref))!;
      await children.updateVersioned(
        ref,
        c.version,
        { $set: { resolutions: rs } },
        { at: new Date(NOW), by: { id: 'test' }, action: 'test.seed' },
      );
    };
    await add('C100', [
      resolution('C100-R1', 'care-planning', [stage(1, '2026-10-05')], '2026-10-12'),
      resolution('C100-R5', 'health', [stage(1, '2026-09-15')], '2026-10-02'),
    ]);
    await add('C102', [
      resolution('C102-R1', 'drift-and-delay', [
        stage(0, '2026-10-01'),
        stage(1, '2026-10-20'),
        stage(2, '2026-10-28'),
      ]),
    ]);
    await add('C101', [resolution('C101-R1', 'care-planning', [stage(1, '2026-11-02')], '2026-11-16')]);
    await add('C103', [resolution('C103-R1', 'contact', [stage(0, '2026-10-10')])]);
    // The import refuses impossible histories, so this one goes straight into the store.
    const broken: ChildDoc = {
      _id: 'C105',
      ref: 'C105',
      track: 'cla',
      iroId: 'iro-2',
      version: 1,
      history: [],
      bookings: [],
      events: [{ type: 'became-looked-after', date: '2026-02-02' }],
      reviews: [
        { id: 'C105-1', heldOn: '2026-02-20', source: 'import' },
        { id: 'C105-1', heldOn: '2026-05-20', source: 'import' },
      ],
    };
    await children.insert(broken);
  });
  after(async () => h?.stop());

  const ask = async (from: Sender, text: string, channel = false) =>
    cardOf(
      await h.ask(
        channel ? mentionActivity(h.connector.url, from, text) : messageActivity(h.connector.url, from, text),
      ),
    );

  it('a reviewing team manager gets this half-year so far: monthly table, totals, late reviews by reason, chart', async () => {
    const { card, text } = await ask(catrin, '/report');
    assert.deepEqual(validateCard(card), []);
    assert.match(text, /This half-year so far: 1 Oct 2026 – 25 Nov 2026 · as at Wed 25 Nov 2026/);
    assert.deepEqual(facts(card, 'Reviews due'), [
      ['Reviews due', '3'],
      ['Held within timescale', '2'],
      ['Outside timescale', '1'],
      ['Compliance', '66.67%'],
      ['Target', '98.50%'],
    ]);
    assert.match(text, /Below the 98\.50% target/);
    assert.deepEqual(table(card, 'Month'), [
      ['Oct 2026', '3', '2', '1', '66.67%'],
      ['Nov 2026', '0', '0', '0', '—'],
    ]);
    // Only months with reviews due are charted; the fallback carries the same figures as text.
    const chart = chartOf(card);
    assert.deepEqual(chart.data, [{ x: 'Oct 2026', y: 66.67 }]);
    assert.match(JSON.stringify(chart.fallback), /"title":"Oct 2026","value":"66.67%"/);
    assert.match(JSON.stringify(chart.fallback), /Target 98\.50%/);
    assert.match(text, /Reviews outside timescale: 1/);
    assert.match(text, /No reason recorded \(incl\. not held yet\): 1/);
    assert.deepEqual(facts(card, 'C101'), [['C101', 'due Thu 29 Oct 2026 · not held, 27 days overdue']]);
  });

  it('compares with the two previous half-years, and shows caseload per IRO and per FTE', async () => {
    const { card, text } = await ask(catrin, '/report');
    assert.deepEqual(table(card, 'Period'), [
      ['Apr 2026 – Sep 2026', '4', '3', '1', '75.00%'],
      ['Oct 2025 – Mar 2026', '5', '5', '0', '100.00%'],
    ]);
    assert.deepEqual(table(card, 'IRO'), [
      ['Alex Wilber', '1.0', '4', '4.0'],
      ['Rhian Pritchard', '0.5', '3', '6.0'],
    ]);
    assert.match(text, /2 IROs · 7 children · 1\.5 FTE · 4\.7 per FTE/);
  });

  it('rule RP1: the table is "CLA Reviews Held Within Timescales"; the IFST plan is reported separately', async () => {
    const { card, text } = await ask(catrin, '/report');
    assert.deepEqual(validateCard(card), []);
    assert.match(text, /CLA Reviews Held Within Timescales/);
    // The IFST review due in November is not in the CLA table (Nov stays empty, totals stay 3 / 2 / 1) …
    assert.deepEqual(table(card, 'Month')[1], ['Nov 2026', '0', '0', '0', '—']);
    assert.equal(facts(card, 'Reviews due')[0]![1], '3');
    // … but in its own.
    assert.match(text, /IFST family plan reviews \(reported separately\)/);
    assert.deepEqual(facts(card, 'IFST reviews due'), [
      ['IFST reviews due', '1'],
      ['Held within timescale', '0'],
      ['Outside timescale', '1'],
      ['Compliance', '0.00%'],
    ]);
  });

  it('rule RP2: undistributed written records are counted, with those past the 14 days', async () => {
    const { card } = await ask(catrin, '/report');
    assert.deepEqual(facts(card, 'Written records not yet distributed'), [
      ['Written records not yet distributed', '4'],
      ['Past the 14 days', '3'],
    ]);
  });

  it('rule CL1: /caseload counts only the children open now (not the child who left care)', async () => {
    const { text } = await ask(alex, '/caseload');
    assert.match(text, /^Children\n4\n/m);
  });

  it('resolution figures for the period: raised by theme, escalated, median time to resolve', async () => {
    const { card } = await ask(catrin, '/report');
    assert.deepEqual(facts(card, 'Formal resolutions raised'), [
      ['Formal resolutions raised', '3'],
      ['Escalated beyond stage 1', '1'],
      ['Resolved', '2'],
      ['Median time to resolve', '7.5 working days (10.5 calendar days)'],
      ['Referred to Cafcass', '0'],
      ['Compliments recorded', '0'],
    ]);
    assert.deepEqual(facts(card, 'Care planning'), [
      ['Care planning', '2'],
      ['Drift and delay', '1'],
    ]);
  });

  it('an explicit period: Apr 2026 to Sep 2026, with the late review grouped under its reason', async () => {
    const { card, text } = await ask(ceri, '/report Apr 2026 to Sep 2026');
    assert.deepEqual(validateCard(card), []);
    assert.match(text, /^Apr 2026 – Sep 2026 · as at Wed 25 Nov 2026$/m);
    assert.deepEqual(table(card, 'Month'), [
      ['Apr 2026', '1', '1', '0', '100.00%'],
      ['May 2026', '0', '0', '0', '—'],
      ['Jun 2026', '1', '0', '1', '0.00%'],
      ['Jul 2026', '2', '2', '0', '100.00%'],
      ['Aug 2026', '0', '0', '0', '—'],
      ['Sep 2026', '0', '0', '0', '—'],
    ]);
    assert.deepEqual(facts(card, 'Reviews due').slice(0, 4), [
      ['Reviews due', '4'],
      ['Held within timescale', '3'],
      ['Outside timescale', '1'],
      ['Compliance', '75.00%'],
    ]);
    assert.deepEqual(chartOf(card).data, [
      { x: 'Apr 2026', y: 100 },
      { x: 'Jun 2026', y: 0 },
      { x: 'Jul 2026', y: 100 },
    ]);
    assert.match(text, /Social worker unavailable: 1/);
    assert.deepEqual(facts(card, 'C104'), [['C104', 'due Mon 29 Jun 2026 · held Mon 6 Jul 2026, 7 days late']]);
    // Comparators are the two half-years before this one; "last half-year" and dates name the same period.
    assert.deepEqual(
      table(card, 'Period').map((r) => r[0]),
      ['Oct 2025 – Mar 2026', 'Apr 2025 – Sep 2025'],
    );
    const same = await ask(sian, '/report 2026-04-01 to 2026-09-30');
    assert.deepEqual(table(same.card, 'Month'), table(card, 'Month'));
    const last = await ask(sian, '/report last half-year');
    assert.match(last.text, /Last half-year: Apr 2026 – Sep 2026/);
    assert.deepEqual(table(last.card, 'Month'), table(card, 'Month'));
  });

  it('excluded children: counted for everyone, named by ref for admins only', async () => {
    const manager = await ask(catrin, '/report');
    assert.match(
      manager.text,
      /1 child left out of these figures because the review history does not add up \(an administrator can see which\)/,
    );
    assert.doesNotMatch(manager.text, /C105/);
    const admin = await ask(tomos, '/report');
    assert.match(admin.text, /1 child left out of these figures because the review history does not add up: C105/);
  });

  it('in a channel: case refs, never names', async () => {
    const { card, text } = await ask(catrin, '/report Apr 2026 to Sep 2026', true);
    assert.deepEqual(validateCard(card), []);
    assert.match(text, /C104/);
    assert.doesNotMatch(text, /Elis|Price|Dylan|Evans|Seren|Jones|Osian|Mali|Harris/);
  });

  it("IROs and other teams' managers get a specific refusal; roles outside the service the registry's", async () => {
    for (const who of [alex, owen]) {
      const { text } = await ask(who, '/report');
      assert.match(text, /That's not available to you/);
      assert.match(
        text,
        /The compliance report is for reviewing team managers, senior managers, business support and admin/,
      );
      assert.match(text, /Try: \/caseload/);
    }
    const sw = await ask(dafydd, '/report');
    assert.match(sw.text, /\/report is not available to your role/);
  });

  it('a bad period gets a specific reply with an example', async () => {
    const cases: [string, RegExp][] = [
      ['/report fortnight', /I can't read "fortnight" as a month or a date/],
      ['/report Sep 2026 to Apr 2026', /The period ends \(Thu 30 Apr 2026\) before it starts \(Tue 1 Sep 2026\)/],
      ['/report Jan 2027 to Feb 2027', /The period starts after today \(Wed 25 Nov 2026\)/],
      ['/report 2025-01 to 2026-06', /at most 12 months/],
    ];
    for (const [command, message] of cases) {
      const { text } = await ask(catrin, command);
      assert.match(text, /I couldn't follow that/);
      assert.match(text, message);
      assert.match(text, /Try: \/report Apr 2026 to Sep 2026/);
    }
  });

  it('records each report run in the audit log with its period', async () => {
    const before = (await h.bot.deps.audit.list({ action: 'report.view' })).length;
    await ask(sian, '/report Apr 2026 to Sep 2026');
    const entries = await h.bot.deps.audit.list({ action: 'report.view' });
    assert.equal(entries.length, before + 1);
    const last = entries[entries.length - 1];
    assert.equal(last.actor.id, 'bs-1');
    assert.deepEqual(last.details, { from: '2026-04-01', to: '2026-09-30', kind: 'range' });
    // Refusals are audited as refusals, not as report runs.
    await ask(alex, '/report');
    assert.equal((await h.bot.deps.audit.list({ action: 'report.view' })).length, before + 1);
  });
});
