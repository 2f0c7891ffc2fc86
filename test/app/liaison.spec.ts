import assert from 'node:assert/strict';
import fs from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { AppDeps } from '../../src/app/deps.js';
import { runImport } from '../../src/app/import/run-import.js';
import {
  discussionSchema,
  liaisonActions,
  liaisonForm,
  liaisonItemView,
  markLiaisonDone,
  recordDiscussion,
  saveLiaison,
  saveLiaisonSchema,
  type SaveLiaisonInput,
} from '../../src/app/liaison.js';
import { loadConfig } from '../../src/config.js';
import { isAppError } from '../../src/domain/errors.js';
import { buildDeps } from '../../src/index.js';
import type { ChildDoc, StaffDoc } from '../../src/store/documents.js';
import { openEmbeddedStore, type EmbeddedStore } from '../../src/store/embedded/embedded-store.js';

// The liaison use cases (src/app/liaison.ts, docs/DOMAIN.md L1–L10) over the real embedded store:
// the /liaison form, saving it, recording a discussion and marking a duty done. Each change must be one
// versioned update with its history entry and audit record; each refusal must change nothing, be audited,
// and give "no such child" and "not yours" the same answer.
const NOW = '2026-11-25T09:00:00Z'; // Wednesday
const base = JSON.parse(fs.readFileSync(path.join(__dirname, '../fixtures/http/small-service.json'), 'utf8'));
const fixture = {
  ...base,
  staff: [
    ...base.staff,
    { id: 'lg-1', name: 'Angharad Rees', roles: ['legal'], email: 'angharad@council.example' },
    { id: 'lg-2', name: 'Bryn Lewis', roles: ['legal'], email: 'bryn@council.example' },
    {
      id: 'g-2',
      name: 'Gwen Ellis',
      roles: ['guardian'],
      external: true,
      organisation: 'Cafcass Cymru',
      email: 'gwen.ellis@cafcass.example',
    },
  ],
};

describe('liaison use cases (real store)', () => {
  let dir: string;
  let store: EmbeddedStore;
  let deps: AppDeps;
  let queued: number;
  const who: Record<string, StaffDoc> = {};

  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'iro-liaison-'));
    store = await openEmbeddedStore(dir);
    await runImport(store, fixture, { sourceName: 'test', now: new Date(NOW) });
    deps = buildDeps(loadConfig({ DATA_DIR: dir, IRO_NOW: NOW, LOG_LEVEL: 'silent' }), store);
    queued = 0;
    deps.messagesQueued = () => {
      queued++;
    };
    for (const s of await deps.staff.list()) who[s._id] = s;
  });
  afterEach(async () => {
    await store.close();
    await rm(dir, { recursive: true, force: true });
  });

  const child = async (ref: string) => (await deps.children.get(ref))!;
  const audits = (action: string) => deps.audit.list({ action });
  /** Runs `fn`, which must be refused with `code`; returns the error's message. Checks the child did not change. */
  async function refused(ref: string, code: string, fn: () => Promise<unknown>): Promise<string> {
    const before = await deps.children.get(ref);
    let message = '';
    await assert.rejects(fn, (err: unknown) => {
      assert.ok(isAppError(err, code as never), `expected ${code}, got ${String(err)}`);
      message = (err as Error).message;
      return true;
    });
    assert.deepEqual(await deps.children.get(ref), before, 'nothing changed');
    return message;
  }

  describe('/liaison REF (liaisonForm)', () => {
    it("shows the child's IRO the proceedings, the Guardians, legal (the first as contact) and the open items", async () => {
      const view = await liaisonForm(deps, who['iro-1']!, 'C101');
      assert.equal(view.child.ref, 'C101');
      assert.deepEqual(
        view.guardians.map((g) => g._id),
        ['g-1', 'g-2'],
      );
      assert.deepEqual(
        view.legal.map((l) => l._id),
        ['lg-1', 'lg-2'],
      );
      assert.equal(view.legalContactId, 'lg-1');
      assert.ok(
        view.open.some((i) => i.duty === 'L3' && i.subject === 'g-1'),
        'L3 make contact is open',
      );
      assert.ok(view.open.every((i) => !i.part));
      assert.equal(view.names.get('g-1'), 'Ffion Powell');
    });

    it('lets business support open a child without proceedings (to record L1), but legal only a child in proceedings', async () => {
      assert.equal((await liaisonForm(deps, who['bs-1']!, 'C100')).child.ref, 'C100');
      assert.equal((await liaisonForm(deps, who['lg-1']!, 'C101')).child.ref, 'C101');
      const notInProceedings = await refused('C100', 'not-found', () => liaisonForm(deps, who['lg-1']!, 'C100'));
      const unknown = await refused('C999', 'not-found', () => liaisonForm(deps, who['lg-1']!, 'C999'));
      assert.equal(
        notInProceedings.replace('C100', 'REF'),
        unknown.replace('C999', 'REF'),
        'the same answer: existence is not confirmed',
      );
    });

    it("refuses another IRO's child like a child that does not exist, audited with the reason", async () => {
      const other = await refused('C101', 'not-found', () => liaisonForm(deps, who['iro-2']!, 'C101'));
      const none = await refused('C999', 'not-found', () => liaisonForm(deps, who['iro-2']!, 'C999'));
      assert.equal(other.replace('C101', 'REF'), none.replace('C999', 'REF'));
      assert.deepEqual(
        (await audits('liaison.view.refused')).map((a) => [a.actor.id, a.subject, a.details?.reason]),
        [
          ['iro-2', 'C101', 'no-access'],
          ['iro-2', 'C999', 'not-found'],
        ],
      );
    });

    it('is refused to a social worker and to a Guardian (not their command)', async () => {
      await refused('C101', 'forbidden', () => liaisonForm(deps, who['sw-1']!, 'C101'));
      await refused('C101', 'forbidden', () => liaisonForm(deps, who['g-1']!, 'C101'));
    });
  });

  describe('saving the /liaison form (saveLiaison)', () => {
    const form = (c: ChildDoc, extra: Partial<SaveLiaisonInput>): SaveLiaisonInput => ({
      ref: c.ref,
      version: c.version,
      ...extra,
    });

    it('business support records new proceedings (L1): one versioned update with its history entry, audited', async () => {
      const before = await child('C100');
      assert.equal(before.proceedings ?? null, null);
      const saved = await saveLiaison(
        deps,
        who['bs-1']!,
        form(before, { startedOn: '2026-11-20', guardianId: 'g-1', irhDate: '2027-01-15' }),
      );
      assert.deepEqual(saved.proceedings, {
        startedOn: '2026-11-20',
        guardianId: 'g-1',
        guardianAppointedOn: '2026-11-25',
        irhDate: '2027-01-15',
        finalHearingDate: null,
        concludedOn: null,
        outcome: null,
        discussionIntervalDays: 42,
      });
      assert.equal(saved.version, before.version + 1);
      assert.deepEqual(await child('C100'), saved, 'what was returned is what was stored');
      const last = saved.history.at(-1)!;
      assert.equal(last.action, 'liaison.save');
      assert.deepEqual(last.by, { id: 'bs-1', name: 'Sian Howells' });
      assert.deepEqual(last.before, { proceedings: null });
      assert.deepEqual(
        (await audits('liaison.save')).map((a) => [a.actor.id, a.subject, a.details]),
        [['bs-1', 'C100', { proceedingsChanged: true, courtDocsReceivedOn: null }]],
      );
    });

    it("the child's IRO edits hearings and the interval, keeps the Guardian's appointment date, and concludes with an outcome", async () => {
      const c = await child('C101');
      const edited = await saveLiaison(
        deps,
        who['iro-1']!,
        form(c, {
          startedOn: '2026-09-28',
          guardianId: 'g-1',
          irhDate: '2026-12-10',
          finalHearingDate: '2027-02-01',
          intervalDays: 28,
          outcome: 'leaves-care', // ignored: the proceedings have not concluded
        }),
      );
      assert.equal(edited.proceedings!.guardianAppointedOn, '2026-10-05', 'the appointment date stays');
      assert.equal(edited.proceedings!.discussionIntervalDays, 28);
      assert.equal(edited.proceedings!.outcome, null);
      const concluded = await saveLiaison(
        deps,
        who['iro-1']!,
        form(edited, {
          startedOn: '2026-09-28',
          guardianId: 'g-1',
          concludedOn: '2026-11-24',
          outcome: 'remains-looked-after',
        }),
      );
      assert.equal(concluded.proceedings!.concludedOn, '2026-11-24');
      assert.equal(concluded.proceedings!.outcome, 'remains-looked-after');
      assert.equal(concluded.proceedings!.discussionIntervalDays, 28, 'the interval stays when not given');
      assert.equal(concluded.proceedings!.irhDate, null, 'a cleared field is cleared');
      assert.deepEqual(concluded.history.at(-1)!.before, { proceedings: edited.proceedings });
    });

    it('legal records court documents received (L4) and names the legal contact; the same date twice is a conflict', async () => {
      const c = await child('C101');
      const saved = await saveLiaison(
        deps,
        who['lg-1']!,
        form(c, { courtDocsReceivedOn: '2026-11-24', legalContactId: 'lg-2' }),
      );
      assert.deepEqual(saved.liaison?.courtDocuments, [{ receivedOn: '2026-11-24', byId: 'lg-1' }]);
      assert.equal(saved.liaison?.legalContactId, 'lg-2');
      assert.deepEqual(saved.proceedings, c.proceedings, 'legal never changes the proceedings');
      assert.equal((await liaisonForm(deps, who['iro-1']!, 'C101')).legalContactId, 'lg-2');
      const again = await refused('C101', 'conflict', () =>
        saveLiaison(deps, who['lg-1']!, form(saved, { courtDocsReceivedOn: '2026-11-24' })),
      );
      assert.match(again, /court documents received on 2026-11-24 are already recorded/);
      // Legal's proceedings fields are ignored, so a form with only those has nothing to save.
      const nothing = await refused('C101', 'invalid-input', () =>
        saveLiaison(deps, who['lg-1']!, form(saved, { startedOn: '2020-01-01', guardianId: 'g-2' })),
      );
      assert.match(nothing, /nothing to save/);
    });

    it('refuses a guest, a social worker, another IRO and an unknown child alike, audited, changing nothing', async () => {
      const c = await child('C101');
      const input = form(c, { startedOn: '2026-09-28', guardianId: 'g-2' });
      const answers = [
        await refused('C101', 'forbidden', () => saveLiaison(deps, who['g-1']!, input)),
        await refused('C101', 'forbidden', () => saveLiaison(deps, who['sw-1']!, input)),
        await refused('C101', 'forbidden', () => saveLiaison(deps, who['iro-2']!, input)),
        await refused('C999', 'forbidden', () => saveLiaison(deps, who['iro-2']!, { ...input, ref: 'C999' })),
        // Legal may not record documents for a child who is not in proceedings.
        await refused('C100', 'forbidden', () =>
          saveLiaison(deps, who['lg-1']!, form(c, { ref: 'C100', courtDocsReceivedOn: '2026-11-24' })),
        ),
      ];
      assert.equal(new Set(answers).size, 1, 'one neutral answer');
      assert.deepEqual(
        (await audits('liaison.save.refused')).map((a) => [a.actor.id, a.subject, a.details?.reason]),
        [
          ['g-1', 'C101', 'no-access'],
          ['sw-1', 'C101', 'no-access'],
          ['iro-2', 'C101', 'no-access'],
          ['iro-2', 'C999', 'not-found'],
          ['lg-1', 'C100', 'no-access'],
        ],
      );
      assert.deepEqual(await audits('liaison.save'), []);
    });

    it('answers bad input specifically and changes nothing', async () => {
      const c = await child('C101');
      const iro = who['iro-1']!;
      const invalid = (input: Partial<SaveLiaisonInput>) =>
        refused('C101', 'invalid-input', () => saveLiaison(deps, iro, form(c, input)));
      assert.match(await invalid({ guardianId: 'g-1' }), /date the proceedings started/);
      assert.match(
        await invalid({ startedOn: '2026-09-28', guardianId: 'iro-2' }),
        /choose a Guardian from the staff directory/,
      );
      assert.match(await invalid({ startedOn: '2026-09-28', guardianId: 'nobody' }), /choose a Guardian/);
      assert.match(
        await invalid({ startedOn: '2026-09-28', concludedOn: '2026-11-24' }),
        /whether the child remains looked after/,
      );
      assert.match(
        await invalid({ startedOn: '2026-09-28', legalContactId: 'iro-1' }),
        /choose a legal contact from the staff directory/,
      );
      // A child not in proceedings, and no start date: nothing to save.
      assert.match(
        await refused('C100', 'invalid-input', async () => saveLiaison(deps, iro, form(await child('C100'), {}))),
        /nothing to save/,
      );
      assert.deepEqual(await audits('liaison.save'), []);
    });

    it('a form saved from an out-of-date card (another change came first) is a conflict naming who changed it', async () => {
      const c = await child('C101');
      await saveLiaison(deps, who['lg-1']!, form(c, { courtDocsReceivedOn: '2026-11-23' }));
      const stale = await refused('C101', 'conflict', () =>
        saveLiaison(deps, who['iro-1']!, form(c, { startedOn: '2026-09-28', guardianId: 'g-2' })),
      );
      assert.match(stale, /changed by Angharad Rees/);
      assert.equal((await child('C101')).proceedings!.guardianId, 'g-1');
    });

    it('the form schema refuses hostile or malformed card data before any use case runs', () => {
      const bad = [
        { ref: 'C101', version: 'x' },
        { ref: 'C101', version: 1, startedOn: '28/09/2026' },
        { ref: 'C101', version: 1, startedOn: { $gt: '' } },
        { ref: 'C101', version: 1, intervalDays: 3 },
        { ref: 'C101', version: 1, intervalDays: 400 },
        { ref: 'C101', version: 1, outcome: 'adopted' },
        { ref: 'C101', version: 1, guardianId: 'g'.repeat(65) },
        { ref: 'x'.repeat(41), version: 1 },
      ];
      for (const b of bad) assert.equal(saveLiaisonSchema.safeParse(b).success, false, JSON.stringify(b).slice(0, 80));
      assert.deepEqual(
        saveLiaisonSchema.parse({
          ref: 'C101',
          version: '3',
          startedOn: '',
          guardianId: 'none',
          outcome: '',
          intervalDays: '',
        }),
        { ref: 'C101', version: 3, startedOn: null, guardianId: null, outcome: null, intervalDays: undefined },
      );
    });
  });

  describe('recording a discussion (recordDiscussion, L10)', () => {
    const discussion = (extra: Record<string, unknown> = {}) =>
      discussionSchema.parse({
        ref: 'C101',
        on: '2026-11-24',
        topics: 'care-plan, court-issues',
        notes: '  Agreed next steps. ',
        ...extra,
      });

    it("the child's IRO records it: stored with its history and audit, the thread header and record queued once", async () => {
      const before = await child('C101');
      const { child: after, closed } = await recordDiscussion(deps, who['iro-1']!, discussion());
      assert.equal(closed, false);
      assert.equal(after.version, before.version + 1);
      const [d] = after.liaison!.discussions!;
      assert.deepEqual(
        { on: d!.on, byId: d!.byId, topics: d!.topics, notes: d!.notes, final: d!.final },
        {
          on: '2026-11-24',
          byId: 'iro-1',
          topics: ['care-plan', 'court-issues'],
          notes: 'Agreed next steps.',
          final: false,
        },
      );
      assert.deepEqual(
        after.pending!.map((p) => [p.key, p.message.type, p.threadOf ?? null]),
        [
          ['liaison:C101:thread:g-1', 'liaison-header', null],
          [`liaison:C101:discussion:${d!.id}`, 'liaison-record', 'liaison:C101:thread:g-1'],
        ],
      );
      assert.ok(
        after.pending!.every(
          (p) => p.to.kind === 'channel' && p.to.purpose === 'liaison-channel' && p.to.guardianId === 'g-1',
        ),
      );
      assert.equal(after.history.at(-1)!.action, 'liaison.discussion');
      assert.equal(queued, 1, 'the drainer is woken');
      assert.equal((await audits('liaison.discussion')).length, 1);
      // A second discussion goes into the same thread: no second header.
      const { child: second } = await recordDiscussion(
        deps,
        who['iro-1']!,
        discussion({ on: '2026-11-25', topics: [] }),
      );
      assert.equal(second.pending!.filter((p) => p.message.type === 'liaison-header').length, 1);
      assert.equal(second.liaison!.discussions!.length, 2);
    });

    it("the child's own Guardian may record one; another Guardian, another IRO and a social worker are refused alike", async () => {
      const { child: after } = await recordDiscussion(deps, who['g-1']!, discussion());
      assert.equal(after.liaison!.discussions![0]!.byId, 'g-1');
      const answers = [
        await refused('C101', 'forbidden', () => recordDiscussion(deps, who['g-2']!, discussion())),
        await refused('C101', 'forbidden', () => recordDiscussion(deps, who['iro-2']!, discussion())),
        await refused('C101', 'forbidden', () => recordDiscussion(deps, who['sw-1']!, discussion())),
        await refused('C100', 'forbidden', () => recordDiscussion(deps, who['iro-1']!, discussion({ ref: 'C100' }))),
        await refused('C999', 'forbidden', () => recordDiscussion(deps, who['g-2']!, discussion({ ref: 'C999' }))),
        await refused('C101', 'forbidden', () => recordDiscussion(deps, who['lg-1']!, discussion())),
      ];
      assert.equal(new Set(answers).size, 1, 'one neutral answer');
      assert.deepEqual(
        (await audits('liaison.discussion.refused')).map((a) => [a.actor.id, a.subject, a.details?.reason]),
        [
          ['g-2', 'C101', 'no-access'],
          ['iro-2', 'C101', 'no-access'],
          ['sw-1', 'C101', 'no-access'],
          ['iro-1', 'C100', 'no-proceedings'],
          ['g-2', 'C999', 'not-found'],
          ['lg-1', 'C101', 'not-iro-or-guardian'],
        ],
      );
    });

    it('refuses a date in the future, and bad topics at the schema', async () => {
      const msg = await refused('C101', 'invalid-input', () =>
        recordDiscussion(deps, who['iro-1']!, discussion({ on: '2026-11-26' })),
      );
      assert.match(msg, /future date/);
      assert.equal(
        discussionSchema.safeParse({ ref: 'C101', on: '2026-11-24', topics: 'care-plan,$where', final: false }).success,
        false,
      );
      assert.equal(discussionSchema.safeParse({ ref: 'C101', on: 'yesterday', topics: [] }).success, false);
      assert.equal(
        discussionSchema.safeParse({ ref: 'C101', on: '2026-11-24', notes: 'x'.repeat(2001) }).success,
        false,
      );
    });

    it("after the proceedings end, the final discussion and the L9 checklist close the Guardian's access, with a closing card", async () => {
      const c = await child('C101');
      await saveLiaison(deps, who['iro-1']!, {
        ref: 'C101',
        version: c.version,
        startedOn: '2026-09-28',
        guardianId: 'g-1',
        concludedOn: '2026-11-24',
        outcome: 'remains-looked-after',
      });
      for (const item of ['s31a-care-plan', 'guardian-report', 'final-order', 'contact-arrangements']) {
        const { closed } = await markLiaisonDone(deps, who['g-1']!, { ref: 'C101', duty: 'L9', subject: item });
        assert.equal(closed, false);
      }
      assert.ok(
        (await liaisonActions(deps, who['g-1']!)).some((a) => a.child.ref === 'C101'),
        'still open for the Guardian',
      );
      const { child: after, closed } = await recordDiscussion(deps, who['iro-1']!, discussion({ final: 'true' }));
      assert.equal(closed, true);
      assert.equal(after.liaison!.discussions!.at(-1)!.final, true);
      assert.ok(after.pending!.some((p) => p.key === 'liaison:C101:closed:g-1' && p.message.type === 'liaison-closed'));
      assert.deepEqual(await liaisonActions(deps, who['g-1']!), [], 'nothing left for the Guardian');
      await refused('C101', 'forbidden', () =>
        liaisonItemView(deps, who['g-1']!, { ref: 'C101', duty: 'L3', subject: 'g-1' }),
      );
    });

    it('a discussion marked final before the proceedings end is recorded as an ordinary one', async () => {
      const { child: after, closed } = await recordDiscussion(deps, who['iro-1']!, discussion({ final: true }));
      assert.equal(after.liaison!.discussions![0]!.final, false);
      assert.equal(closed, false);
    });
  });

  describe('marking a duty done (markLiaisonDone)', () => {
    it('records who did it and when; a second click says who already did it and changes nothing', async () => {
      const before = await child('C101');
      const { child: after, closed } = await markLiaisonDone(deps, who['g-1']!, {
        ref: 'C101',
        duty: 'L3',
        subject: 'g-1',
      });
      assert.equal(closed, false);
      assert.deepEqual(after.liaison!.done, [{ duty: 'L3', subject: 'g-1', on: '2026-11-25', byId: 'g-1' }]);
      assert.equal(after.version, before.version + 1);
      assert.deepEqual(after.history.at(-1)!.after, { duty: 'L3', subject: 'g-1', on: '2026-11-25', byId: 'g-1' });
      assert.deepEqual(
        (await audits('liaison.done')).map((a) => [a.actor.id, a.details]),
        [['g-1', { duty: 'L3', subject: 'g-1' }]],
      );
      assert.equal(queued, 0, 'nothing to post: access is still open');
      const again = await refused('C101', 'conflict', () =>
        markLiaisonDone(deps, who['iro-1']!, { ref: 'C101', duty: 'L3', subject: 'g-1' }),
      );
      assert.equal(again, 'this was already done by Ffion Powell on 2026-11-25');
      assert.ok(
        !(await liaisonActions(deps, who['iro-1']!)).some((a) => a.child.ref === 'C101' && a.item.duty === 'L3'),
      );
    });

    it('refuses a duty this person does not do, an item that does not exist and an L9 part that is not on the checklist', async () => {
      const reasons: string[] = [];
      for (const [actor, input, reason] of [
        ['g-1', { duty: 'L4', subject: '2026-11-01' }, 'not-L4-actor'],
        ['iro-1', { duty: 'L3', subject: 'g-2' }, 'no-such-item'],
        ['iro-1', { duty: 'L9', subject: 'final' }, 'no-such-item'],
        ['iro-1', { duty: 'L2', subject: 'lg-1' }, 'no-such-item'],
      ] as const) {
        await refused('C101', 'forbidden', () => markLiaisonDone(deps, who[actor]!, { ref: 'C101', ...input }));
        reasons.push(reason);
      }
      assert.deepEqual(
        (await audits('liaison.done.refused')).map((a) => a.details?.reason),
        reasons,
      );
    });
  });

  describe('opening one item (liaisonItemView)', () => {
    it("shows the item to the child's IRO and Guardian; refuses the Guardian a duty that is not theirs and an unknown item", async () => {
      const seen = await liaisonItemView(deps, who['iro-1']!, { ref: 'C101', duty: 'L3', subject: 'g-1' });
      assert.equal(seen.item!.key, 'liaison:C101:L3:g-1');
      assert.equal(
        (await liaisonItemView(deps, who['g-1']!, { ref: 'C101', duty: 'L3', subject: 'g-1' })).item!.duty,
        'L3',
      );
      await refused('C101', 'forbidden', () =>
        liaisonItemView(deps, who['g-1']!, { ref: 'C101', duty: 'L2', subject: 'iro-1' }),
      );
      await refused('C101', 'forbidden', () =>
        liaisonItemView(deps, who['iro-1']!, { ref: 'C101', duty: 'L3', subject: 'nobody' }),
      );
      await refused('C101', 'forbidden', () =>
        liaisonItemView(deps, who['g-2']!, { ref: 'C101', duty: 'L3', subject: 'g-1' }),
      );
      assert.deepEqual(
        (await audits('liaison.view.refused')).map((a) => [a.actor.id, a.details?.reason]),
        [
          ['g-1', 'not-L2-actor'],
          ['iro-1', 'no-such-item'],
          ['g-2', 'no-access'],
        ],
      );
    });
  });
});
