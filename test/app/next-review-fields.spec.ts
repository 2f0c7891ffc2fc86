import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import sinon from 'sinon';
import { bookReview } from '../../src/app/booking/book-review.js';
import { recordHeld } from '../../src/app/booking/record-held.js';
import { cancelBooking, decideReschedule, requestReschedule } from '../../src/app/booking/reschedule.js';
import type { AppDeps } from '../../src/app/deps.js';
import { runImport } from '../../src/app/import/run-import.js';
import {
  computeStoredNextReview,
  findNextReviewDrift,
  nextReviewFields,
  nextReviewFingerprint,
  recomputeStaleNextReviews,
} from '../../src/app/next-review-fields.js';
import { main as checkNextReview } from '../../src/cli/check-next-review.js';
import { reviewStatuses } from '../../src/app/review-statuses.js';
import { loadConfig } from '../../src/config.js';
import { createCalendar } from '../../src/domain/calendar.js';
import { isAppError } from '../../src/domain/errors.js';
import { getPolicy } from '../../src/domain/policies.js';
import { buildDeps } from '../../src/index.js';
import type { Store } from '../../src/store/doc-collection.js';
import type { ChildDoc, StaffDoc } from '../../src/store/documents.js';
import { openEmbeddedStore } from '../../src/store/embedded/embedded-store.js';
import { ensureIndexes } from '../../src/store/repositories/indexes.js';

// The stored next review (issue 12, src/app/next-review-fields.ts): written with every versioned change
// and by the import, recomputed at start when the policy or calendar changes, drift reported by ref.
const FIXTURE = fs.readFileSync(path.join(__dirname, '../fixtures/http/small-service.json'), 'utf8');
const REFS = ['C100', 'C101', 'C102', 'C103'] as const;
const now = new Date('2026-11-25T09:00:00Z');

interface World {
  dir: string;
  store: Store;
  deps: AppDeps;
}

async function openWorld(withDerive = true): Promise<World> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'iro-next-review-'));
  const store = await openEmbeddedStore(dir);
  await ensureIndexes(store);
  const deps: AppDeps = { ...buildDeps(loadConfig({ DATA_DIR: dir }), store), clock: () => now };
  await runImport(store, JSON.parse(FIXTURE), {
    sourceName: 'test',
    now,
    ...(withDerive ? { derive: (c: ChildDoc) => nextReviewFields(c, deps) } : {}),
  });
  return { dir, store, deps };
}

async function closeWorld(w: World): Promise<void> {
  await w.store.close();
  fs.rmSync(w.dir, { recursive: true, force: true });
}

async function assertNoDrift(deps: AppDeps): Promise<void> {
  const drift = await findNextReviewDrift(deps.children, deps);
  assert.deepEqual(drift.drifted, []);
  assert.equal(drift.checked, REFS.length);
}

describe('the stored next review (next-review-fields.ts)', () => {
  let w: World;
  const staff = async (id: string) => (await w.deps.staff.get(id)) as StaffDoc;
  const child = async (ref: string) => (await w.deps.children.get(ref))!;
  afterEach(async () => closeWorld(w));

  it('the import writes each child with its computed next review and fingerprint', async () => {
    w = await openWorld();
    await assertNoDrift(w.deps);
    const c102 = await child('C102');
    assert.equal(c102.nextReview?.booking?.id, 'C102-B4');
    assert.equal(c102.nextReview?.fingerprint, nextReviewFingerprint(w.deps));
    assert.match(c102.nextReview?.dueBy ?? '', /^\d{4}-\d{2}-\d{2}$/);
  });

  it('an import without the engine marks children not computed; the start-up recompute fills them in, once', async () => {
    w = await openWorld(false);
    assert.equal((await child('C100')).nextReview, null);
    assert.equal((await findNextReviewDrift(w.deps.children, w.deps)).drifted.length, REFS.length);
    assert.deepEqual(await recomputeStaleNextReviews(w.deps.children, w.deps), { recomputed: REFS.length });
    assert.deepEqual(await recomputeStaleNextReviews(w.deps.children, w.deps), { recomputed: 0 });
    await assertNoDrift(w.deps);
  });

  it('every versioned change (book, held, cancel) stores the next review of the child as changed', async () => {
    w = await openWorld();
    const iro = await staff('iro-1');
    const before = await child('C100');
    await bookReview(w.deps, iro, { ref: 'C100', date: '2026-11-26', time: '10:00', venue: 'Placement', invitees: [] });
    const booked = await child('C100');
    assert.equal(booked.nextReview?.booking?.start.slice(0, 10), '2026-11-26');
    assert.equal(before.nextReview?.booking, null);
    await recordHeld(w.deps, iro, { ref: 'C102', heldOn: '2026-11-24' });
    const held = await child('C102');
    assert.notEqual(held.nextReview?.dueBy, (await openedBefore('C102')).dueBy);
    await cancelBooking(w.deps, iro, {
      ref: 'C100',
      bookingId: booked.nextReview!.booking!.id,
      mode: 'cancel',
      reason: 'ill',
    });
    assert.equal((await child('C100')).nextReview?.booking, null);
    await assertNoDrift(w.deps);
  });

  async function openedBefore(ref: string) {
    const original = (JSON.parse(FIXTURE) as { children: ChildDoc[] }).children.find((c) => c.ref === ref)!;
    return computeStoredNextReview({ ...original, bookings: original.bookings ?? [] } as ChildDoc, w.deps);
  }

  it('a changed policy, bank holiday region or closure day changes the fingerprint; start recomputes every child', async () => {
    w = await openWorld();
    const wales = nextReviewFingerprint(w.deps);
    const closure = createCalendar({ region: w.deps.calendar.region, closureDays: ['2026-12-29'] });
    const england = createCalendar({ region: 'GB-ENG', closureDays: [] });
    assert.notEqual(nextReviewFingerprint({ policy: getPolicy('england'), calendar: w.deps.calendar }), wales);
    assert.notEqual(nextReviewFingerprint({ policy: w.deps.policy, calendar: closure }), wales);
    assert.notEqual(nextReviewFingerprint({ policy: w.deps.policy, calendar: england }), wales);
    // Same inputs in a new calendar object (a restart): same fingerprint, nothing recomputed.
    const same = createCalendar({ region: w.deps.calendar.region, closureDays: [...w.deps.calendar.closureDays] });
    assert.equal(nextReviewFingerprint({ policy: w.deps.policy, calendar: same }), wales);
    assert.deepEqual(await recomputeStaleNextReviews(w.deps.children, { policy: w.deps.policy, calendar: same }), {
      recomputed: 0,
    });

    const changed: AppDeps = { ...w.deps, policy: getPolicy('england') };
    const versions = await Promise.all(REFS.map(async (r) => (await child(r)).version));
    assert.equal((await findNextReviewDrift(changed.children, changed)).drifted.length, REFS.length);
    assert.deepEqual(await recomputeStaleNextReviews(changed.children, changed), { recomputed: REFS.length });
    await assertNoDrift(changed);
    // Derived data, not a state change: no version bump, no history entry.
    assert.deepEqual(await Promise.all(REFS.map(async (r) => (await child(r)).version)), versions);
  });

  it('the drift check names a child whose stored next review differs, by ref only', async () => {
    w = await openWorld();
    const c = await child('C101');
    await w.store
      .collection<ChildDoc>('children')
      .updateOne({ _id: 'C101' }, { $set: { nextReview: { ...c.nextReview!, dueBy: '2001-01-01' } } });
    const drift = await findNextReviewDrift(w.deps.children, w.deps);
    assert.deepEqual(
      drift.drifted.map((d) => d.ref),
      ['C101'],
    );
    assert.ok(c.givenName && c.familyName);
    assert.doesNotMatch(JSON.stringify(drift), new RegExp(`${c.givenName}|${c.familyName}`));
  });
});

describe('reads use the stored next review (review-statuses.ts: /due, /caseload, /actions, the sweeper)', () => {
  let w: World;
  afterEach(async () => closeWorld(w));

  it('a stored next review with the current fingerprint is read, not recomputed; another fingerprint is recomputed', async () => {
    w = await openWorld();
    const children = await w.deps.children.listAll();
    const computed = reviewStatuses(children, w.deps).statuses.map((s) => [s.child.ref, s.next.dueBy]);
    assert.equal(computed.length, REFS.length);
    // Marked stored values stand in for the engine's: seeing them proves the read skipped the engine.
    const marked = children.map((c) => ({ ...c, nextReview: { ...c.nextReview!, dueBy: '2030-01-01', rule: 'MARK' } }));
    const read = reviewStatuses(marked, w.deps).statuses;
    assert.deepEqual(
      read.map((s) => [s.child.ref, s.next.dueBy, s.next.rule]),
      REFS.map((r) => [r, '2030-01-01', 'MARK']),
    );
    const stale = marked.map((c) => ({ ...c, nextReview: { ...c.nextReview, fingerprint: 'old-policy:0' } }));
    assert.deepEqual(
      reviewStatuses(stale, w.deps).statuses.map((s) => [s.child.ref, s.next.dueBy]),
      computed,
    );
    const notComputed = children.map((c) => ({ ...c, nextReview: null }));
    assert.deepEqual(
      reviewStatuses(notComputed, w.deps).statuses.map((s) => [s.child.ref, s.next.dueBy]),
      computed,
    );
  });

  it('a stored problem (history the engine rejects) is listed as invalid, a stored "no further review" left out', async () => {
    w = await openWorld();
    const [a, b] = await w.deps.children.getMany(['C100', 'C101']);
    const fp = nextReviewFingerprint(w.deps);
    const none = { dueBy: null, rule: null, sequence: null, explanation: null, booking: null, fingerprint: fp };
    const result = reviewStatuses(
      [
        { ...a!, nextReview: { ...none, problem: 'review before the child became looked after' } },
        { ...b!, nextReview: none },
      ],
      w.deps,
    );
    assert.deepEqual(result.statuses, []);
    assert.deepEqual(result.invalid, [{ ref: a!.ref, problem: 'review before the child became looked after' }]);
  });
});

describe('npm run check-next-review (src/cli/check-next-review.ts)', () => {
  let w: World;
  let saved: string | undefined;
  beforeEach(() => {
    saved = process.env.DATA_DIR;
  });
  afterEach(() => {
    sinon.restore();
    if (saved === undefined) delete process.env.DATA_DIR;
    else process.env.DATA_DIR = saved;
    fs.rmSync(w.dir, { recursive: true, force: true });
  });

  async function run(): Promise<{ code: number; out: string }> {
    process.env.DATA_DIR = w.dir;
    let out = '';
    sinon.stub(process.stdout, 'write').callsFake((chunk: string | Uint8Array) => {
      out += String(chunk);
      return true;
    });
    const code = await checkNextReview([]);
    sinon.restore();
    return { code, out };
  }

  it('exit 0 when every stored next review matches; 1 naming the drifted ref (not the name) when one differs', async () => {
    w = await openWorld();
    await w.store.close();
    assert.deepEqual(await run(), { code: 0, out: 'checked 4 children: 0 with a stored next review that differs\n' });

    w.store = await openEmbeddedStore(w.dir);
    const c = (await w.store.collection<ChildDoc>('children').findOne({ _id: 'C103' }))!;
    await w.store
      .collection<ChildDoc>('children')
      .updateOne({ _id: 'C103' }, { $set: { nextReview: { ...c.nextReview!, dueBy: '2001-01-01' } } });
    await w.store.close();
    const { code, out } = await run();
    assert.equal(code, 1);
    assert.match(out, /^C103: stored 2001-01-01 .*; recomputed \d{4}-/m);
    assert.match(out, /checked 4 children: 1 with a stored next review that differs/);
    assert.doesNotMatch(out, new RegExp(`${c.givenName}|${c.familyName}`));
  });
});

// Random sequences of use cases on the real embedded store: after each, stored == recomputed for every child.
type Step =
  | { kind: 'book'; ref: string; day: number; hour: number }
  | { kind: 'held'; ref: string; daysAgo: number }
  | { kind: 'cancel'; ref: string }
  | { kind: 'reschedule'; ref: string; day: number; approve: boolean }
  | {
      kind: 'import-event';
      ref: string;
      daysAgo: number;
      type: 'unplanned-placement-change' | 'review-brought-forward';
    };

const refArb = fc.constantFrom(...REFS);
const stepArb: fc.Arbitrary<Step> = fc.oneof(
  fc.record({
    kind: fc.constant('book' as const),
    ref: refArb,
    day: fc.integer({ min: 1, max: 60 }),
    hour: fc.constantFrom(10, 14),
  }),
  fc.record({ kind: fc.constant('held' as const), ref: refArb, daysAgo: fc.integer({ min: 0, max: 30 }) }),
  fc.record({ kind: fc.constant('cancel' as const), ref: refArb }),
  fc.record({
    kind: fc.constant('reschedule' as const),
    ref: refArb,
    day: fc.integer({ min: 1, max: 40 }),
    approve: fc.boolean(),
  }),
  fc.record({
    kind: fc.constant('import-event' as const),
    ref: refArb,
    daysAgo: fc.integer({ min: 0, max: 20 }),
    type: fc.constantFrom('unplanned-placement-change' as const, 'review-brought-forward' as const),
  }),
);

const dayFrom = (days: number) => new Date(now.getTime() + days * 86_400_000).toISOString().slice(0, 10);

async function runStep(w: World, step: Step): Promise<void> {
  const iro = (await w.deps.staff.get('iro-1'))!;
  const iro2 = (await w.deps.staff.get('iro-2'))!;
  const actor = step.ref === 'C103' ? iro2 : iro;
  const c = (await w.deps.children.get(step.ref))!;
  const live = c.nextReview?.booking?.id;
  switch (step.kind) {
    case 'book':
      await bookReview(w.deps, actor, {
        ref: step.ref,
        date: dayFrom(step.day),
        time: `${step.hour}:00`,
        venue: 'Placement',
        invitees: [],
      });
      return;
    case 'held':
      await recordHeld(w.deps, actor, { ref: step.ref, heldOn: dayFrom(-step.daysAgo) });
      return;
    case 'cancel':
      if (live) await cancelBooking(w.deps, actor, { ref: step.ref, bookingId: live, mode: 'cancel', reason: 'ill' });
      return;
    case 'reschedule': {
      const asked = await requestReschedule(w.deps, actor, {
        ref: step.ref,
        reason: 'family-or-carer-unavailable',
        text: 'Carers away',
        date: dayFrom(step.day),
        time: '10:00',
      });
      const request = 'request' in asked ? (asked.request as { id: string; status: string } | undefined) : undefined;
      if (request?.status === 'pending') {
        const tm = (await w.deps.staff.get('tm-1'))!;
        await decideReschedule(w.deps, tm, {
          ref: step.ref,
          requestId: request.id,
          decision: step.approve ? 'approve' : 'decline',
        });
      }
      return;
    }
    case 'import-event': {
      const doc = JSON.parse(FIXTURE) as { children: { ref: string; events: unknown[] }[] };
      doc.children
        .find((x) => x.ref === step.ref)!
        .events.push({
          type: step.type,
          date: dayFrom(-step.daysAgo),
          ...(step.type === 'review-brought-forward' ? { reason: 'safety' } : {}),
        });
      await runImport(w.store, doc, { sourceName: 'prop', now, derive: (x) => nextReviewFields(x, w.deps) });
      return;
    }
  }
}

describe('stored == recomputed after any sequence of use cases (fast-check, real embedded store)', () => {
  it('book, reschedule + decide, held, cancel and imported events keep every child in step', async function () {
    this.timeout(120_000);
    let refused = 0;
    let applied = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(stepArb, { minLength: 1, maxLength: 8 }), async (steps) => {
        const w = await openWorld();
        try {
          for (const step of steps) {
            try {
              await runStep(w, step);
              applied++;
            } catch (err) {
              // A refused step (typed, nothing written) is part of the sequence too.
              if (
                !isAppError(err) &&
                !(err instanceof Error && /invalid-import|nothing was imported/.test(err.message))
              )
                throw err;
              refused++;
            }
            await assertNoDrift(w.deps);
          }
        } finally {
          await closeWorld(w);
        }
      }),
      { numRuns: 25 },
    );
    assert.ok(applied > 20, `only ${applied} steps applied (${refused} refused)`);
  });
});
