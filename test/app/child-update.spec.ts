import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sinon from 'sinon';
import { bookReview } from '../../src/app/booking/book-review.js';
import { recordHeld } from '../../src/app/booking/record-held.js';
import { decideReschedule, requestReschedule } from '../../src/app/booking/reschedule.js';
import { MAX_UPDATE_ATTEMPTS } from '../../src/app/child-update.js';
import type { AppDeps } from '../../src/app/deps.js';
import { runImport } from '../../src/app/import/run-import.js';
import { liaisonActions, markLiaisonDone, recordDiscussion, saveLiaison } from '../../src/app/liaison.js';
import { acknowledgeResolution, raiseResolution } from '../../src/app/resolutions.js';
import { loadConfig } from '../../src/config.js';
import { AppError, isAppError } from '../../src/domain/errors.js';
import { buildDeps } from '../../src/index.js';
import type { Store } from '../../src/store/doc-collection.js';
import type { StaffDoc } from '../../src/store/documents.js';
import { openEmbeddedStore } from '../../src/store/embedded/embedded-store.js';

// The one versioned-update helper (src/app/child-update.ts) on the real embedded store: racing writers
// (exactly one wins, the other is told who decided), a conflict a retry absorbs, and the bounded retry.
const fixture = JSON.parse(fs.readFileSync(path.join(__dirname, '../fixtures/http/small-service.json'), 'utf8'));
// A second reviewing team manager, so two managers can race on one request.
fixture.staff.push({
  id: 'tm-2',
  name: 'Gareth Evans',
  roles: ['team-manager'],
  aadObjectId: '00000000-0000-0000-0000-0000000000c3',
  team: 'reviewing',
});
const RAISE = { theme: 'care-planning', stage: 1, summary: 'Plan not updated', ask: 'Update it' };

type Settled<T> = PromiseSettledResult<T>;
const fulfilled = <T>(rs: Settled<T>[]) =>
  rs.filter((r): r is PromiseFulfilledResult<T> => r.status === 'fulfilled').map((r) => r.value);
const rejected = <T>(rs: Settled<T>[]) =>
  rs.filter((r): r is PromiseRejectedResult => r.status === 'rejected').map((r) => r.reason as unknown);

describe('one versioned update for every child change (child-update.ts)', () => {
  let dir: string;
  let store: Store;
  let deps: AppDeps;
  const now = new Date('2026-11-25T09:00:00Z');
  const staff = async (id: string) => (await deps.staff.get(id)) as StaffDoc;
  const child = async (ref: string) => (await deps.children.get(ref))!;

  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'iro-child-update-'));
    store = await openEmbeddedStore(dir);
    await runImport(store, fixture, { sourceName: 'test', now });
    deps = { ...buildDeps(loadConfig({ DATA_DIR: dir }), store), clock: () => now };
  });
  afterEach(async () => {
    sinon.restore();
    await store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  /**
   * Holds the first two writes until both have arrived, so both writers have read the same version:
   * the race happens every time, not when the scheduler allows. Later writes go straight through.
   */
  function bothReadBeforeEitherWrites(): sinon.SinonStub {
    const real = deps.children.updateVersioned.bind(deps.children);
    let release: () => void = () => {};
    const bothArrived = new Promise<void>((resolve) => {
      release = resolve;
    });
    const stub = sinon.stub(deps.children, 'updateVersioned').callsFake(async (...args) => {
      if (stub.callCount <= 2) {
        if (stub.callCount === 2) release();
        await bothArrived;
      }
      return real(...args);
    });
    return stub;
  }

  describe('two writers racing on one child: exactly one wins, the other is told who decided', () => {
    it('two managers deciding one reschedule request', async () => {
      const asked = await requestReschedule(deps, await staff('iro-1'), {
        ref: 'C102',
        reason: 'family-or-carer-unavailable',
        text: 'Carers away',
        date: '2026-12-03',
        time: '10:00',
      });
      const before = await child('C102');
      const writes = bothReadBeforeEitherWrites();
      const results = await Promise.allSettled([
        decideReschedule(deps, await staff('tm-1'), { ref: 'C102', requestId: asked.request.id, decision: 'approve' }),
        decideReschedule(deps, await staff('tm-2'), {
          ref: 'C102',
          requestId: asked.request.id,
          decision: 'decline',
          comment: 'IRO on leave',
        }),
      ]);
      assert.deepEqual(rejected(results), []);
      const outcomes = fulfilled(results);
      assert.deepEqual(outcomes.map((o) => o.outcome).sort(), ['already-decided', 'decided']);
      assert.equal(writes.callCount, 2, 'both wrote against the same version; the loser read again and wrote nothing');
      const winner = outcomes.find((o) => o.outcome === 'decided')!.view.request;
      const loser = outcomes.find((o) => o.outcome === 'already-decided')!.view.request;
      assert.deepEqual(loser.decidedBy, winner.decidedBy, 'the loser sees who decided');
      assert.equal(loser.status, winner.status);
      const after = await child('C102');
      assert.equal(after.version, before.version + 1, 'one change only');
      assert.equal(
        after.history.filter((h) => h.action.startsWith('reschedule.') && h.action !== 'reschedule.requested').length,
        1,
      );
      assert.equal(after.rescheduleRequests!.find((r) => r.id === asked.request.id)!.status, winner.status);
    });

    it('two acknowledgements of one resolution', async () => {
      const { resolution } = await raiseResolution(deps, await staff('iro-1'), 'C100', RAISE);
      const writes = bothReadBeforeEitherWrites();
      const results = await Promise.allSettled([
        acknowledgeResolution(deps, await staff('sw-1'), 'C100', resolution.id, 1),
        acknowledgeResolution(deps, await staff('tm-north'), 'C100', resolution.id, 1),
      ]);
      assert.equal(fulfilled(results).length, 1);
      const [err] = rejected(results);
      assert.ok(isAppError(err, 'conflict'), String(err));
      assert.match(
        err.message,
        /^already acknowledged by (Dafydd Thomas|Owen Jenkins) at 2026-11-25T09:00:00.000Z; nothing was changed$/,
      );
      assert.equal(writes.callCount, 2, 'both wrote against the same version; the loser read again and wrote nothing');
      const after = await child('C100');
      assert.equal(after.history.filter((h) => h.action === 'resolution.acknowledge').length, 1);
    });

    it('the same liaison duty marked done twice at once (before: "changed by someone", now "already done by")', async () => {
      const bs = await staff('bs-1');
      const item = (await liaisonActions(deps, bs)).find((i) =>
        ['L2', 'L3', 'L4', 'L6', 'L8', 'L9'].includes(i.item.duty),
      )!;
      assert.ok(item, 'an open liaison duty business support can mark done');
      const input = { ref: item.child.ref, duty: item.item.duty as 'L2', subject: item.item.subject };
      const writes = bothReadBeforeEitherWrites();
      const results = await Promise.allSettled([markLiaisonDone(deps, bs, input), markLiaisonDone(deps, bs, input)]);
      assert.equal(writes.callCount, 2, 'both wrote against the same version; the loser read again and wrote nothing');
      assert.equal(fulfilled(results).length, 1);
      const [err] = rejected(results);
      assert.ok(isAppError(err, 'conflict'), String(err));
      assert.match(err.message, /^this was already done by Sian Howells on 2026-11-25$/);
      const after = await child(item.child.ref);
      assert.equal(
        (after.liaison?.done ?? []).filter((d) => d.duty === input.duty && d.subject === input.subject).length,
        1,
      );
    });

    it('two people booking the same review at once (before: "changed by someone", now "already booked")', async () => {
      const form = { ref: 'C100', date: '2026-11-26', venue: 'Placement', invitees: [] };
      const writes = bothReadBeforeEitherWrites();
      const results = await Promise.allSettled([
        bookReview(deps, await staff('iro-1'), { ...form, time: '10:00' }),
        bookReview(deps, await staff('bs-1'), { ...form, time: '14:00' }),
      ]);
      assert.equal(fulfilled(results).length, 1);
      const [err] = rejected(results);
      assert.ok(isAppError(err, 'conflict'), String(err));
      const by =
        /^C100's next review is already booked by (Alex Wilber for Thu 26 Nov 2026 10:00|Sian Howells for Thu 26 Nov 2026 14:00)/;
      assert.match(err.message, by);
      assert.equal(writes.callCount, 2, 'both wrote against the same version; the loser read again and wrote nothing');
      assert.equal((await child('C100')).bookings.length, 1);
    });

    it('a /liaison form saved from a stale version names who changed the child and when, and saves nothing', async () => {
      const seen = (await child('C101')).version;
      const iro = await staff('iro-1');
      await saveLiaison(deps, iro, {
        ref: 'C101',
        version: seen,
        startedOn: '2026-09-28',
        guardianId: 'g-1',
        irhDate: '2026-12-10',
      });
      const afterFirst = await child('C101');
      const form = { ref: 'C101', version: seen, startedOn: '2026-09-28', guardianId: 'g-1' };
      const stale = saveLiaison(deps, await staff('bs-1'), { ...form, irhDate: '2026-12-20' });
      await assert.rejects(
        stale,
        (e: unknown) =>
          isAppError(e, 'conflict') &&
          /^C101 was changed by Alex Wilber at 2026-11-25T09:00:00.000Z after this form was opened/.test(e.message),
      );
      assert.deepEqual(await child('C101'), afterFirst);
    });
  });

  describe('a conflict a retry can absorb', () => {
    /** Makes `interloper` change the child between this writer's read and its write, once. */
    function raceOnce(interloper: () => Promise<unknown>): sinon.SinonSpy {
      const real = deps.children.updateVersioned.bind(deps.children);
      let raced = false;
      return sinon.stub(deps.children, 'updateVersioned').callsFake(async (...args) => {
        if (!raced) {
          raced = true;
          await interloper();
        }
        return real(...args);
      });
    }

    it('a liaison discussion recorded while a resolution is raised on the same child: both kept', async () => {
      const iro = await staff('iro-1');
      const writes = raceOnce(() =>
        raiseResolution(deps, iro, 'C101', { theme: 'care-planning', stage: 0, summary: 'Noted', ask: 'None' }),
      );
      const { child: after } = await recordDiscussion(deps, iro, {
        ref: 'C101',
        on: '2026-11-24',
        topics: [],
        notes: 'Spoke',
        final: false,
      });
      assert.equal(writes.callCount, 3, "the interloper's write, the lost write, the retried write");
      assert.equal(after.resolutions?.length, 1, 'the other change is kept');
      assert.equal(after.liaison?.discussions?.length, 1);
      assert.deepEqual(
        after.history.slice(-2).map((h) => h.action),
        ['resolution.raise', 'liaison.discussion'],
      );
    });

    it('a review booked while a resolution is raised on the same child: both kept, one audit entry each', async () => {
      const iro = await staff('iro-1');
      raceOnce(() =>
        raiseResolution(deps, iro, 'C100', { theme: 'care-planning', stage: 0, summary: 'Noted', ask: 'None' }),
      );
      const { child: after } = await bookReview(deps, iro, {
        ref: 'C100',
        date: '2026-11-26',
        time: '10:00',
        venue: 'Placement',
        invitees: [],
      });
      assert.equal(after.bookings.length, 1);
      assert.equal(after.resolutions?.length, 1);
      const audits = await store
        .collection<{ action: string; subject?: string }>('audit')
        .find({ subject: 'C100' })
        .toArray();
      assert.deepEqual(
        audits.map((a) => a.action),
        ['resolution.raise', 'booking.booked'],
      );
    });
  });

  describe('retries are bounded', () => {
    it(`a child that conflicts on every write gives a typed "busy" error after ${MAX_UPDATE_ATTEMPTS} attempts, nothing written`, async () => {
      const before = await child('C102');
      const writes = sinon
        .stub(deps.children, 'updateVersioned')
        .rejects(new AppError('conflict', 'child C102 was changed by someone'));
      const messagesQueued = sinon.spy(deps, 'messagesQueued');
      await assert.rejects(
        recordHeld(deps, await staff('iro-1'), { ref: 'C102', heldOn: '2026-11-24' }),
        (e: unknown) =>
          isAppError(e, 'conflict') &&
          e.details.problem === 'busy' &&
          e.details.attempts === MAX_UPDATE_ATTEMPTS &&
          /^C102 kept changing while I was saving \(3 tries\); nothing was saved/.test(e.message),
      );
      assert.equal(writes.callCount, MAX_UPDATE_ATTEMPTS);
      assert.equal(messagesQueued.callCount, 0);
      assert.deepEqual(await child('C102'), before);
    });

    it('the same bound for a resolution change', async () => {
      const { resolution } = await raiseResolution(deps, await staff('iro-1'), 'C100', RAISE);
      const writes = sinon.stub(deps.children, 'updateVersioned').rejects(new AppError('conflict', 'changed'));
      await assert.rejects(
        acknowledgeResolution(deps, await staff('sw-1'), 'C100', resolution.id, 1),
        (e: unknown) => isAppError(e, 'conflict') && e.details.problem === 'busy',
      );
      assert.equal(writes.callCount, MAX_UPDATE_ATTEMPTS);
    });

    it('an error other than a lost race is not retried', async () => {
      const writes = sinon
        .stub(deps.children, 'updateVersioned')
        .rejects(new AppError('store-unavailable', 'disk full'));
      await assert.rejects(
        recordHeld(deps, await staff('iro-1'), { ref: 'C102', heldOn: '2026-11-24' }),
        (e: unknown) => isAppError(e, 'store-unavailable'),
      );
      assert.equal(writes.callCount, 1);
    });
  });

  it('the change, its history entry and its queued messages land in one write (one version step)', async () => {
    const before = await child('C100');
    const form = { ref: 'C100', date: '2026-11-26', time: '10:00', venue: 'Placement', invitees: [] };
    const { child: after } = await bookReview(deps, await staff('iro-1'), form);
    assert.equal(after.version, before.version + 1);
    assert.equal(after.history.at(-1)!.action, 'booking.booked');
    assert.deepEqual(after.history.at(-1)!.by, { id: 'iro-1', name: 'Alex Wilber' });
    assert.ok((after.pending ?? []).some((p) => p.key.startsWith(`booking:${after.bookings[0].id}:booked`)));
  });
});
