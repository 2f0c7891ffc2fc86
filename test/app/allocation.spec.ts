import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { allocationOptions, reallocateChild } from '../../src/app/allocation.js';
import type { AppDeps } from '../../src/app/deps.js';
import { runImport } from '../../src/app/import/run-import.js';
import { loadConfig } from '../../src/config.js';
import { currentLoad } from '../../src/domain/allocation-load.js';
import { isAppError, type ErrorCode } from '../../src/domain/errors.js';
import { buildDeps } from '../../src/index.js';
import type { Store } from '../../src/store/doc-collection.js';
import type { StaffDoc } from '../../src/store/documents.js';
import { openEmbeddedStore } from '../../src/store/embedded/embedded-store.js';

// Reallocation by a reviewing team manager on the real embedded store (issue 14): W54.3 on every
// ground, history and 1:1 notices on success, and every refusal leaves the child as it was.
const base = JSON.parse(fs.readFileSync(path.join(__dirname, '../fixtures/http/small-service.json'), 'utf8'));
const fixture = structuredClone(base);
fixture.staff.push({ id: 'iro-3', name: 'Nia Roberts', roles: ['iro'], team: 'reviewing', fte: 1, managerId: 'tm-1' });
// iro-2 prepared C100's care and support plan: W54.3 forbids them as its IRO.
fixture.children[0].carePlanAuthorIds = ['iro-2'];

describe('reallocation of a child to another IRO (allocation.ts)', () => {
  let dir: string;
  let store: Store;
  let deps: AppDeps;
  const now = new Date('2026-11-25T09:00:00Z');
  const staff = async (id: string) => (await deps.staff.get(id)) as StaffDoc;

  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'iro-allocation-'));
    store = await openEmbeddedStore(dir);
    await runImport(store, fixture, { sourceName: 'test', now });
    deps = { ...buildDeps(loadConfig({ DATA_DIR: dir }), store), clock: () => now };
  });
  afterEach(async () => {
    await store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  async function refusedWithNothingChanged(code: ErrorCode, run: () => Promise<unknown>, message?: RegExp) {
    const before = await deps.children.get('C100');
    await assert.rejects(run, (err: unknown) => {
      assert.ok(isAppError(err, code), String(err));
      if (message) assert.match(err.message, message);
      return true;
    });
    assert.deepEqual(await deps.children.get('C100'), before);
  }

  it('lists every other IRO with their current caseload per FTE, eligible first, and the W54.3 reason', async () => {
    const { options } = await allocationOptions(deps, await staff('tm-1'), 'C100');
    assert.deepEqual(
      options.map((o) => [o.iro._id, o.load.children, o.load.perFte, o.verdict.ok ? 'ok' : o.verdict.reason]),
      [
        ['iro-3', 0, 0, 'ok'],
        ['iro-2', 1, 2, "iro-2 is an author of the child's care and support plan (W54.3)"],
      ],
    );
  });

  it('moves the allocation, keeps the history and tells the new and the old IRO', async () => {
    const r = await reallocateChild(deps, await staff('tm-1'), 'C100', 'iro-3');
    assert.deepEqual(r, { ref: 'C100', fromId: 'iro-1', toId: 'iro-3' });
    const c = (await deps.children.get('C100'))!;
    assert.equal(c.iroId, 'iro-3');
    assert.equal(c.iroAllocatedOn, '2026-11-25', 'L2 counts from the new appointment');
    const h = c.history.at(-1)!;
    assert.deepEqual(
      [h.action, h.by.id, h.before, h.after],
      ['reallocate', 'tm-1', { iroId: 'iro-1' }, { iroId: 'iro-3' }],
    );
    assert.deepEqual(
      (c.pending ?? []).map((p) => [p.to, p.message.type]),
      [
        [{ kind: 'personal', staffId: 'iro-3' }, 'child-notice'],
        [{ kind: 'personal', staffId: 'iro-1' }, 'child-notice'],
      ],
    );
    // A second click is no change.
    const again = await reallocateChild(deps, await staff('tm-1'), 'C100', 'iro-3');
    assert.equal(again.toId, 'iro-3');
    assert.equal((await deps.children.get('C100'))!.version, c.version);
  });

  it('refuses an IRO W54.3 forbids, naming the ground', () =>
    refusedWithNothingChanged(
      'ineligible-iro',
      async () => reallocateChild(deps, await staff('tm-1'), 'C100', 'iro-2'),
      /author of the child's care and support plan \(W54\.3\)/,
    ));

  it('refuses a person without the iro role', async () => {
    await refusedWithNothingChanged(
      'ineligible-iro',
      async () => reallocateChild(deps, await staff('tm-1'), 'C100', 'sw-1'),
      /iro role/,
    );
  });

  it('refuses a forged staff id and an unknown child', async () => {
    await refusedWithNothingChanged('not-found', async () =>
      reallocateChild(deps, await staff('tm-1'), 'C100', 'nobody'),
    );
    await refusedWithNothingChanged('not-found', async () =>
      reallocateChild(deps, await staff('tm-1'), 'C999', 'iro-3'),
    );
  });

  for (const who of ['iro-1', 'bs-1', 'tm-north', 'sw-1', 'g-1']) {
    it(`refuses ${who}, who is not a reviewing team manager`, async () => {
      await refusedWithNothingChanged('forbidden', async () =>
        reallocateChild(deps, await staff(who), 'C100', 'iro-3'),
      );
      await refusedWithNothingChanged('forbidden', async () => allocationOptions(deps, await staff(who), 'C100'));
    });
  }
});

describe('currentLoad', () => {
  it('counts only children currently looked after, per FTE', () => {
    const child = { ref: 'C1', track: 'cla' as const, reviews: [] };
    const open = { ...child, events: [{ type: 'became-looked-after' as const, date: '2026-01-01' }] };
    const left = { ...child, events: [{ type: 'ceased-looked-after' as const, date: '2026-06-01' }, open.events[0]] };
    assert.deepEqual(currentLoad([open, left, open], 0.5, '2026-12-01'), { children: 2, fte: 0.5, perFte: 4 });
    assert.deepEqual(currentLoad([left], null, '2026-12-01'), { children: 0, fte: null, perFte: null });
  });
});
