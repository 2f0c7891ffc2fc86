import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { decideReschedule, requestReschedule } from '../../src/app/booking/reschedule.js';
import { idFieldsOf, loadForActor, SUBJECT_KINDS, type SubjectKind } from '../../src/app/load-for-actor.js';
import { raiseResolution } from '../../src/app/resolutions.js';
import fc from 'fast-check';
import { defineAction, type ActionReply } from '../../src/teams/card-verbs/action-spec.js';
import { checkCardData } from '../../src/teams/card-verbs/card-data.js';
import { isAppError } from '../../src/domain/errors.js';
import { ACTIONS, createActionRegistry } from '../../src/teams/card-verbs/registry.js';
import type { StaffDoc } from '../../src/store/documents.js';
import { messageActivity, type Sender } from '../helpers/activities.js';
import { startHarness, type Harness } from '../helpers/bot-harness.js';
import { admin, alex } from '../helpers/people.js';

// Access by construction (issue 10, point 1), over HTTP as Teams sends card actions. Every registered
// verb (read from the registry, so a verb added later is covered) × every person who may not see the
// child × every real subject of the verb's kind: the answer must be exactly the answer that person
// gets for an id that does not exist, and nothing in the store may change. Then forged invokes:
// guessed ids, wrong types and query operators in every field are refused and change nothing.
//
// Wed 25 Nov 2026 09:00 London. C100 (iro-1): a formal resolution C100-RES1. C101 (iro-1): in proceedings
// with Guardian g-1. C102 (iro-1): booked; request C102-RQ1 approved, C102-RQ2 pending. C103 (iro-2):
// in proceedings with Guardian g-2.
const NOW = '2026-11-25T09:00:00Z';
const base = JSON.parse(fs.readFileSync(path.join(__dirname, '../fixtures/http/small-service.json'), 'utf8'));
const oid = (n: string) => `00000000-0000-0000-0000-0000000009${n}`;
const fixture = {
  ...base,
  staff: [
    ...base.staff.map((s: { id: string }) => (s.id === 'g-1' ? { ...s, aadObjectId: oid('01') } : s)),
    { id: 'admin-1', name: 'Tomos Bevan', roles: ['admin'], aadObjectId: admin.aadObjectId },
    {
      id: 'sw-2',
      name: 'Bethan Rowlands',
      roles: ['social-worker'],
      team: 'south',
      managerId: 'tm-south',
      aadObjectId: oid('02'),
    },
    { id: 'tm-south', name: 'Huw Griffiths', roles: ['team-manager'], team: 'south', aadObjectId: oid('03') },
    { id: 'legal-1', name: 'Angharad Rees', roles: ['legal'], aadObjectId: oid('04') },
    {
      id: 'g-2',
      name: 'Gwen Ellis',
      roles: ['guardian'],
      external: true,
      organisation: 'Cafcass Cymru',
      aadObjectId: oid('05'),
      upn: 'gwen.ellis_cafcass.example#EXT#@council.onmicrosoft.com',
    },
    {
      id: 'ext-bs',
      name: 'Agency Admin',
      roles: ['business-support'],
      aadObjectId: oid('06'),
      upn: 'temp_agency.example#EXT#@council.onmicrosoft.com',
    },
  ],
  children: base.children.map((c: { ref: string }) =>
    c.ref === 'C103'
      ? { ...c, proceedings: { startedOn: '2026-10-01', guardianId: 'g-2', guardianAppointedOn: '2026-10-02' } }
      : c,
  ),
};

const sender = (id: string, name: string, aad: string): Sender => ({ id: `29:${id}`, name, aadObjectId: aad });
const LIAISON_KINDS: SubjectKind[] = ['liaison-item', 'liaison-thread', 'liaison-record'];

/** People who may not see C100–C102 (docs/DOMAIN.md "People and roles"), and the kinds where they may after all. */
const OUTSIDERS: { who: string; from: Sender; maySee?: SubjectKind[] }[] = [
  { who: 'an IRO of other children', from: sender('rhian', 'Rhian Pritchard', '00000000-0000-0000-0000-0000000000a2') },
  { who: 'a social worker of another team', from: sender('bethan', 'Bethan Rowlands', oid('02')) },
  { who: 'a team manager of another team', from: sender('huw', 'Huw Griffiths', oid('03')) },
  {
    who: 'legal (no role that sees a case; liaison items of children in proceedings only)',
    from: sender('angharad', 'Angharad Rees', oid('04')),
    maySee: LIAISON_KINDS,
  },
  { who: 'the Guardian of another child (a guest)', from: sender('gwen', 'Gwen Ellis', oid('05')) },
  {
    who: "C101's own Guardian, outside liaison (a guest)",
    from: sender('ffion', 'Ffion Powell', oid('01')),
    maySee: ['liaison-item', 'liaison-thread'],
  },
  { who: 'business support from another tenant (#EXT#)', from: sender('agency', 'Agency Admin', oid('06')) },
  { who: 'someone not in the staff directory', from: sender('stranger', 'A Stranger', oid('99')) },
];

/** Real subjects of each kind (a new kind does not compile until it is listed here). */
const REAL: Record<SubjectKind, Record<string, string>[]> = {
  child: [{ ref: 'C100' }, { ref: 'C101' }, { ref: 'C102' }],
  booking: [{ ref: 'C102', bookingId: 'C102-B4' }],
  review: [{ ref: 'C100', reviewId: 'C100-3' }],
  'reschedule-request': [
    { ref: 'C102', requestId: 'C102-RQ1' },
    { ref: 'C102', requestId: 'C102-RQ2' },
  ],
  resolution: [{ ref: 'C100', id: 'C100-RES1' }],
  'liaison-item': [{ ref: 'C101', duty: 'L3', subject: 'g-1' }],
  'liaison-thread': [{ ref: 'C101' }],
  'liaison-record': [{ ref: 'C101' }, { ref: 'C100' }],
  // A page of a list: the whole service's /due (its page cursor names no child; `ref` in the made-up id is ignored).
  list: [
    { list: 'due', scope: 'team', window: 'this week', page: '0' },
    { list: 'due', scope: 'person:iro-1', window: 'overdue', page: '0' },
  ],
  // The board export's file consent context (issue 15): managers and admins only; names no child.
  report: [
    { report: 'board', period: '' },
    { report: 'board', period: 'last half-year' },
  ],
  // The new-entry form (issue 14): no child yet; only business support, reviewing managers and admins get past.
  intake: [{ intake: 'new-entry' }],
  // Cover for an absent IRO: only reviewing team managers (and no outsider is one).
  'cover-plan': [{ absentId: 'iro-1', from: '2026-11-30', to: '2026-12-11' }],
};
/** The made-up id: a case reference that does not exist, the real ids otherwise. */
const madeUp = (ids: Record<string, string>) => ({ ...ids, ref: 'C999' });
/** A real case with a made-up request, booking, review, resolution or liaison item in it. */
const madeUpInside = (ids: Record<string, string>) =>
  Object.fromEntries(Object.entries(ids).map(([k, v]) => [k, k === 'ref' || k === 'duty' ? v : `${v}99`]));

/** Every field any card sends, with values a permitted person's click would carry. */
const FIELDS: Record<string, string> = {
  date: '2026-11-30',
  time: '10:00',
  venue: 'Placement',
  invitees: 'sw-1',
  reason: 'other',
  text: 'Room unavailable',
  comment: 'Agreed',
  heldOn: '2026-11-24',
  chairId: '',
  combinedWithCP: 'false',
  lateReason: '',
  mode: 'cancel',
  slot: '',
  theme: 'care-planning',
  stage: '',
  summary: 'Plan not updated',
  ask: 'Update it',
  askBy: '',
  responseText: 'Will do',
  action1: '',
  action1By: '',
  outcome: 'Resolved',
  note: 'Notice',
  cutShortReason: 'Urgent',
  item: 'care-plan',
  toStage: '',
  skipReason: '',
  on: '2026-11-20',
  topics: 'care-plan',
  notes: 'Talked',
  final: 'false',
  version: '1',
  startedOn: '2026-09-28',
  guardianId: 'g-1',
};
const NAMES = /Dylan|Evans|Seren|Jones|Osian|Morgan|Mali|Harris/;

describe('card verbs: access by construction (every verb × everyone who may not see the child)', function () {
  this.timeout(120000);
  let h: Harness;
  let seq = 0;

  before(async () => {
    h = await startHarness({ env: { IRO_NOW: NOW }, importDoc: fixture });
    const deps = h.bot.deps;
    const staff = async (id: string) => (await deps.staff.get(id))!;
    await requestReschedule(deps, await staff('iro-1'), {
      ref: 'C102',
      reason: 'other',
      text: 'Room',
      date: '2026-11-27',
      time: '14:00',
    });
    await decideReschedule(deps, await staff('tm-1'), { ref: 'C102', requestId: 'C102-RQ1', decision: 'approve' });
    await requestReschedule(deps, await staff('iro-1'), {
      ref: 'C102',
      reason: 'other',
      text: 'Room again',
      date: '2026-11-30',
      time: '14:00',
    });
    await raiseResolution(deps, await staff('iro-1'), 'C100', {
      theme: 'care-planning',
      stage: 1,
      summary: 'Plan not updated',
      ask: 'Update it',
    });
  });
  after(async () => h?.stop());

  /** An Action.Execute invoke as Teams sends it; the whole response body (same text and same shape). */
  async function invoke(from: Sender, verb: string, data: unknown): Promise<string> {
    const activity = JSON.stringify({
      ...messageActivity(h.connector.url, from, ''),
      id: `probe-${++seq}`,
      type: 'invoke',
      name: 'adaptiveCard/action',
      text: undefined,
      value: {
        action: { type: 'Action.Execute', verb, data: data instanceof RawJson ? '@RAW@' : data },
        trigger: 'manual',
      },
    });
    // A payload too deep for JSON.stringify is spliced in as text, as an attacker would send it.
    const res = await h.post(data instanceof RawJson ? activity.replace('"@RAW@"', data.json) : activity);
    // The edge schema refuses what no Teams client sends (e.g. 5,000 levels deep) before any verb runs.
    if (res.status === 400) assert.match(res.body, /"malformed-activity"/, res.body);
    else assert.equal(res.status, 200, res.body);
    return res.body;
  }

  /** Every document of every collection but the audit log (refusals are audited: that is the one write allowed). */
  async function storeSnapshot(): Promise<Record<string, unknown[]>> {
    const store = h.bot.store as unknown as {
      collectionNames(): string[];
      collection(n: string): { find(f: object): { toArray(): Promise<unknown[]> } };
    };
    const out: Record<string, unknown[]> = {};
    for (const name of store
      .collectionNames()
      .filter((n) => n !== 'audit')
      .sort())
      out[name] = await store.collection(name).find({}).toArray();
    return out;
  }

  it("the fixture's subjects are real: a person who may see them loads every one through the loader", async () => {
    const tomos = (await h.bot.deps.staff.get('admin-1')) as StaffDoc;
    // Cover is the reviewing team manager's alone (an admin does not set it).
    const catrin = (await h.bot.deps.staff.get('tm-1')) as StaffDoc;
    for (const kind of SUBJECT_KINDS) {
      for (const ids of REAL[kind]) {
        const who = kind === 'cover-plan' ? catrin : tomos;
        const loaded = await loadForActor(h.bot.deps, who, kind, { ...FIELDS, ...ids }, 'test');
        if (loaded.subject.kind === 'list')
          assert.equal(loaded.subject.list, ids.list, `${kind} ${JSON.stringify(ids)}`);
        else if (loaded.subject.kind === 'report')
          assert.equal(loaded.subject.period, ids.period, `${kind} ${JSON.stringify(ids)}`);
        else if (loaded.subject.kind === 'intake' || loaded.subject.kind === 'cover-plan')
          assert.equal(loaded.subject.kind, kind);
        else assert.equal(loaded.subject.ref, ids.ref, `${kind} ${JSON.stringify(ids)}`);
        for (const f of idFieldsOf(kind)) assert.ok(!(f in loaded.rest), `${kind}: the handler does not see ${f}`);
      }
    }
    assert.ok(
      (await h.bot.deps.children.get('C102'))!.rescheduleRequests!.find((r) => r.id === 'C102-RQ1')!.status ===
        'approved',
    );
  });

  it('each outsider gets, for every verb and every real subject, exactly the answer for a made-up id; the store is unchanged', async () => {
    const before = await storeSnapshot();
    const auditBefore = (await h.bot.deps.audit.list()).length;
    const figures = {
      verbs: 0,
      outsiders: OUTSIDERS.length,
      pairs: 0,
      real: 0,
      madeUpInside: 0,
      refused: 0,
      identical: 0,
    };
    const failures: string[] = [];
    for (const action of ACTIONS.all) {
      figures.verbs++;
      // The outsiders in parallel (each refusal is an fsynced audit append).
      await Promise.all(
        OUTSIDERS.filter((o) => !o.maySee?.includes(action.subject)).map(async (o) => {
          figures.pairs++;
          const missing = await invoke(o.from, action.verb, { ...FIELDS, ...madeUp(REAL[action.subject][0]!) });
          assert.notEqual(
            JSON.parse(missing).type,
            'application/vnd.microsoft.card.adaptive',
            `${action.verb}: a made-up id never gets a card`,
          );
          const inside = madeUpInside(REAL[action.subject][0]!);
          for (const ids of [...REAL[action.subject], inside]) {
            const body = await invoke(o.from, action.verb, { ...FIELDS, ...ids });
            if (ids === inside) figures.madeUpInside++;
            else figures.real++;
            if (JSON.parse(body).type !== 'application/vnd.microsoft.card.adaptive') figures.refused++;
            if (body === missing) figures.identical++;
            else
              failures.push(
                `${action.verb} by ${o.who} on ${JSON.stringify(ids)}:\n  got      ${body}\n  made-up  ${missing}`,
              );
            assert.doesNotMatch(body, NAMES, `${action.verb} by ${o.who}: no child details`);
          }
        }),
      );
    }
    console.log(
      `      ${figures.verbs} verbs × ${figures.outsiders} outsiders = ${figures.pairs} pairs; ${figures.real} probes of real subjects` +
        ` + ${figures.madeUpInside} of made-up ids inside real cases: ${figures.refused} refused, ${figures.identical} identical to the made-up id's answer`,
    );
    assert.deepEqual(failures, [], `${failures.length} answers differ from the made-up id's`);
    assert.equal(figures.verbs, ACTIONS.all.length);
    assert.ok(figures.real >= ACTIONS.all.length * 5, `${figures.real} probes`);
    assert.deepEqual(await storeSnapshot(), before, 'no document changed');
    // What was recorded: refusals only, with ids and reasons, never the card data.
    const added = (await h.bot.deps.audit.list()).slice(auditBefore);
    assert.ok(added.length > 0, 'refusals are audited');
    for (const a of added) {
      assert.match(a.action, /\.refused$/);
      assert.doesNotMatch(JSON.stringify(a), /Room unavailable|Plan not updated|Talked/, 'no payload in the audit log');
      assert.ok(JSON.stringify(a).length < 600, `a small record: ${JSON.stringify(a)}`);
    }
  });

  it('verb-specific refusals come only after access, and name no child details', async () => {
    const rhian = OUTSIDERS[0]!.from;
    const missing = await invoke(rhian, 'review.reschedule.approve', { ref: 'C999', requestId: 'C999-RQ1' });
    // The decided request: "Already decided — Approved by …" only for those who may see the child.
    assert.equal(await invoke(rhian, 'review.reschedule.approve', { ref: 'C102', requestId: 'C102-RQ1' }), missing);
    assert.match(
      await invoke(alex, 'review.reschedule.approve', { ref: 'C102', requestId: 'C102-RQ1' }),
      /Already decided — Approved by Catrin Morgan/,
    );
    // The pending one: Rhian learns nothing; Alex may see C102 but asked for the move, so is told why he may not decide.
    assert.equal(await invoke(rhian, 'review.reschedule.approve', { ref: 'C102', requestId: 'C102-RQ2' }), missing);
    const forbidden = await invoke(alex, 'review.reschedule.decline', {
      ref: 'C102',
      requestId: 'C102-RQ2',
      comment: 'no',
    });
    assert.match(forbidden, /you asked for this move/i);
    assert.doesNotMatch(forbidden, NAMES);
    // Refresh of the approval card: the status card for those who may see the child, nothing for others.
    assert.match(await invoke(alex, 'review.reschedule.view', { ref: 'C102', requestId: 'C102-RQ2' }), /Osian Morgan/);
    assert.equal(
      await invoke(rhian, 'review.reschedule.view', { ref: 'C102', requestId: 'C102-RQ2' }),
      await invoke(rhian, 'review.reschedule.view', { ref: 'C102', requestId: 'C102-RQ99' }),
    );
  });

  describe('forged invokes', () => {
    const tomos = admin;
    const BAD_IDS: unknown[] = [
      123,
      null,
      ['C100'],
      { $ne: null },
      { $regex: '.*' },
      '',
      '../../etc/passwd',
      'C100\u0000',
      'C100 ',
      'c100',
      'x'.repeat(5000),
    ];
    const OPERATORS: unknown[] = [
      { $ne: null },
      { $regex: '.*' },
      { $gt: '' },
      { $exists: true },
      [{ $ne: null }],
      { a: { b: { c: 1 } } },
    ];

    it('guessed ids, wrong types and operator objects in the ids, operators in every other field, and non-object data: refused, nothing changed', async () => {
      const before = await storeSnapshot();
      const counts = { tried: 0, refused: 0 };
      const probes: (() => Promise<void>)[] = [];
      const check = async (from: Sender, verb: string, data: unknown, what: string) => {
        probes.push(() => probe(from, verb, data, what));
      };
      const probe = async (from: Sender, verb: string, data: unknown, what: string) => {
        const body = await invoke(from, verb, data);
        counts.tried++;
        const parsed = JSON.parse(body);
        assert.notEqual(parsed.type, 'application/vnd.microsoft.card.adaptive', `${verb} ${what}: refused, not a card`);
        assert.doesNotMatch(body, NAMES, `${verb} ${what}: no child details`);
        assert.doesNotMatch(body, /went wrong|reference [0-9a-z]{8}-/i, `${verb} ${what}: a clear answer, not a crash`);
        counts.refused++;
      };
      for (const action of ACTIONS.all) {
        const real = REAL[action.subject][0]!;
        // Wrong types and operators in each id field (Tomos, an admin, may see every real subject).
        for (const field of idFieldsOf(action.subject)) {
          for (const bad of BAD_IDS)
            await check(
              tomos,
              action.verb,
              { ...FIELDS, ...real, [field]: bad },
              `${field}=${JSON.stringify(bad).slice(0, 30)}`,
            );
        }
        // An operator in every other field, one at a time, with the real ids.
        let i = 0;
        for (const field of Object.keys(FIELDS)) {
          await check(
            alex,
            action.verb,
            { ...FIELDS, ...real, [field]: OPERATORS[i++ % OPERATORS.length] },
            `${field}=operator`,
          );
        }
        await check(alex, action.verb, { ...real, $where: 'true' }, '$where field');
        await check(
          alex,
          action.verb,
          JSON.parse(`{"ref":"${real.ref}","__proto__":{"admin":true}}`),
          '__proto__ field',
        );
        for (const data of [[real], 'C100', 42, deep(5000)])
          await check(alex, action.verb, data, `data=${typeof data}`);
      }
      // Refusals are audited (an fsynced append each): a few at a time.
      const pool = async () => {
        for (let next = probes.shift(); next; next = probes.shift()) await next();
      };
      await Promise.all([pool(), pool(), pool(), pool(), pool(), pool()]);
      // Guessed ids by an outsider: every guess answered alike.
      const rhian = OUTSIDERS[0]!.from;
      const answers = new Set<string>();
      for (let c = 95; c <= 110; c++) {
        for (let q = 1; q <= 3; q++) {
          answers.add(await invoke(rhian, 'review.reschedule.view', { ref: `C${c}`, requestId: `C${c}-RQ${q}` }));
          counts.tried++;
          counts.refused++;
        }
      }
      assert.equal(answers.size, 1, [...answers].join('\n'));
      console.log(`      forged invokes: ${counts.tried} tried, ${counts.refused} refused`);
      assert.deepEqual(await storeSnapshot(), before, 'no document changed');
    });
  });
});

describe('card verb registry: no verb without its access rule', () => {
  const reply = async (): Promise<ActionReply> => ({ kind: 'message', text: 'ok' });

  it('a verb without a subject, or with one the loader does not know, does not compile and is refused at start-up', () => {
    // @ts-expect-error a verb must declare the subject it acts on (its access rule)
    assert.throws(() => defineAction({ verb: 'test.no-subject', run: reply }), /no access rule/);
    // @ts-expect-error only the loader's kinds are access rules
    assert.throws(() => defineAction({ verb: 'test.made-up', subject: 'anything', run: reply }), /no access rule/);
    defineAction({
      verb: 'test.wrong-subject',
      subject: 'child',
      // @ts-expect-error a handler's subject is the loaded one, never ids to load by itself
      run: async (_ctx, s: { ref: number }) => ({ kind: 'message', text: String(s.ref) }),
    });
    assert.throws(() => defineAction({ verb: 'Not A Verb', subject: 'child', run: reply }), /not a verb name/);
  });

  it('the registry takes only verbs made by defineAction, each once', () => {
    const ok = defineAction({ verb: 'test.ok', subject: 'child', run: reply });
    assert.equal(createActionRegistry([ok]).find('test.ok'), ok);
    const forged = { verb: 'test.forged', subject: 'child', answer: reply };
    // @ts-expect-error a plain object is not a registered verb
    assert.throws(() => createActionRegistry([forged]), /not made by defineAction: every verb needs its access rule/);
    assert.throws(() => createActionRegistry([{ ...ok } as never]), /not made by defineAction/);
    assert.throws(() => createActionRegistry([ok, ok]), /registered twice/);
  });

  it('card data: any flat map of short strings, numbers and booleans passes; an object or operator anywhere is refused as a whole', () => {
    const name = fc.string({ minLength: 1, maxLength: 20 }).filter((k) => !k.startsWith('$') && !k.startsWith('__'));
    const scalar = fc.oneof(fc.string({ maxLength: 200 }), fc.integer(), fc.boolean(), fc.constant(null));
    fc.assert(
      fc.property(fc.dictionary(name, scalar, { maxKeys: 30 }), (data) => {
        assert.deepEqual(checkCardData(data), data);
      }),
    );
    const nested = fc.oneof(
      fc.object({ maxDepth: 3 }).filter((o) => Object.keys(o).length > 0),
      fc.constantFrom({ $ne: null }, { $regex: '.*' }, { $gt: '' }),
      fc.array(fc.object(), { minLength: 1, maxLength: 3 }),
    );
    fc.assert(
      fc.property(fc.dictionary(name, scalar, { maxKeys: 10 }), name, nested, (data, key, bad) => {
        assert.throws(
          () => checkCardData({ ...data, [key]: bad }),
          (e: unknown) => isAppError(e, 'invalid-input'),
        );
      }),
    );
    for (const bad of [
      [],
      'C100',
      42,
      { $where: 'true' },
      JSON.parse('{"__proto__":{"x":1}}'),
      { t: 'x'.repeat(8001) },
    ]) {
      assert.throws(
        () => checkCardData(bad),
        (e: unknown) => isAppError(e, 'invalid-input'),
        JSON.stringify(bad).slice(0, 40),
      );
    }
  });

  it('every registered verb names a subject kind the loader knows', () => {
    assert.ok(ACTIONS.all.length >= 23);
    for (const a of ACTIONS.all) assert.ok((SUBJECT_KINDS as readonly string[]).includes(a.subject), a.verb);
  });
});

class RawJson {
  constructor(readonly json: string) {}
}

/** {"ref":{"ref":…"x"…}} nested n deep. */
function deep(n: number): RawJson {
  return new RawJson(`${'{"ref":'.repeat(n)}"x"${'}'.repeat(n)}`);
}
