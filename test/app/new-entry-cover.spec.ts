import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createChild } from '../../src/app/child-update.js';
import { coverPlan, setCover } from '../../src/app/cover.js';
import type { AppDeps } from '../../src/app/deps.js';
import { runImport } from '../../src/app/import/run-import.js';
import { notifyNewEntry } from '../../src/app/new-entry.js';
import { participationView, recordParticipation } from '../../src/app/participation.js';
import { loadConfig } from '../../src/config.js';
import { isAppError, type ErrorCode } from '../../src/domain/errors.js';
import { buildDeps } from '../../src/index.js';
import type { Store } from '../../src/store/doc-collection.js';
import type { StaffDoc } from '../../src/store/documents.js';
import { openEmbeddedStore } from '../../src/store/embedded/embedded-store.js';

// Issue 14's use cases on the real embedded store: a new entry (createChild: one insert with its history
// and queued cards; a duplicate is a conflict), and cover (plan and set), each refusal writing nothing.
const base = JSON.parse(fs.readFileSync(path.join(__dirname, '../fixtures/http/small-service.json'), 'utf8'));

describe('new entry and cover use cases (app/new-entry.ts, app/cover.ts)', () => {
  let dir: string;
  let store: Store;
  let deps: AppDeps;
  const now = new Date('2026-11-25T09:00:00Z');
  const staff = async (id: string) => (await deps.staff.get(id)) as StaffDoc;
  const rejects = (run: () => Promise<unknown>, code: ErrorCode, message: RegExp) =>
    assert.rejects(run, (err: unknown) => {
      assert.ok(isAppError(err, code), String(err));
      assert.match(err.message, message);
      return true;
    });

  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'iro-new-entry-'));
    store = await openEmbeddedStore(dir);
    await runImport(store, base, { sourceName: 'test', now });
    deps = { ...buildDeps(loadConfig({ DATA_DIR: dir }), store), clock: () => now };
  });
  afterEach(async () => {
    await store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const entry = {
    ref: 'C1201',
    lookedAfterOn: '2026-11-24',
    legalStatus: 'care-order',
    socialWorkerId: 'dafydd@council.example',
    socialWorkTeam: null,
    inProceedings: false,
    proceedingsStartedOn: null,
  };

  it('names the social worker by e-mail too; created at version 1 with its history, audit and cards', async () => {
    await deps.staff.upsert({ ...(await staff('sw-1')), email: 'dafydd@council.example' });
    const { child, managers } = await notifyNewEntry(deps, await staff('bs-1'), entry);
    assert.deepEqual(
      managers.map((m) => m._id),
      ['tm-1'],
    );
    const stored = (await deps.children.get('C1201'))!;
    assert.deepEqual([stored.version, stored.socialWorkerId, stored.nextReview?.rule], [1, 'sw-1', 'W39.1']);
    assert.deepEqual(stored, child);
    const audit = (await deps.audit.list()).filter((a) => a.action === 'child.created');
    assert.deepEqual(
      audit.map((a) => [a.subject, a.actor.id]),
      [['C1201', 'bs-1']],
    );
  });

  it('a child inserted meanwhile under the reference: a conflict, nothing overwritten', async () => {
    const before = (await deps.children.get('C100'))!;
    const { _id, version, history, pending, ...rest } = before;
    void [_id, version, history, pending];
    const bs = await staff('bs-1');
    await rejects(
      () => createChild(deps, bs, rest, { history: { action: 'x' }, audit: { action: 'x' } }),
      'conflict',
      /C100 is already known/,
    );
    assert.deepEqual(await deps.children.get('C100'), before);
  });

  it('cover: refused for the absent IRO themselves, an unknown IRO, a child reallocated meanwhile; nothing written', async () => {
    const tm = await staff('tm-1');
    const window = { absentId: 'iro-1', from: '2026-11-26', to: '2026-12-04' };
    const plan = await coverPlan(deps, tm, window);
    assert.deepEqual(
      plan.reviews.map((r) => r.child.ref),
      ['C100', 'C102'],
    );
    const before = (await deps.children.get('C100'))!;
    await rejects(
      () => setCover(deps, tm, { ...window, ref: 'C100', coverIroId: 'iro-1' }),
      'invalid-input',
      /own reviews/,
    );
    await rejects(() => setCover(deps, tm, { ...window, ref: 'C100', coverIroId: 'nobody' }), 'not-found', /nobody/);
    await rejects(
      () => setCover(deps, tm, { ...window, ref: 'C103', coverIroId: 'iro-1' }),
      'conflict',
      /no longer allocated/,
    );
    const iro2 = await staff('iro-2');
    await rejects(
      () => setCover(deps, iro2, { ...window, ref: 'C100', coverIroId: 'iro-2' }),
      'forbidden',
      /reviewing team manager/,
    );
    assert.deepEqual(await deps.children.get('C100'), before);
    await rejects(() => coverPlan(deps, tm, { ...window, absentId: 'sw-1' }), 'not-found', /not an IRO/);
  });

  it('cover: the covering IRO may answer the participation checklist of the review they chair until the cover is over (PC2, CV1)', async () => {
    const tm = await staff('tm-1');
    const window = { absentId: 'iro-1', from: '2026-11-26', to: '2026-12-04' };
    const iro2 = await staff('iro-2');
    const answers = [{ item: 'child-consulted', status: 'done' }];
    await rejects(
      () => recordParticipation(deps, iro2, { ref: 'C102', bookingId: 'C102-B4', answers }),
      'not-found',
      /C102/,
    );
    await setCover(deps, tm, { ...window, ref: 'C102', coverIroId: 'iro-2' });
    assert.equal((await participationView(deps, iro2, 'C102')).mayAnswer, true);
    const recorded = await recordParticipation(deps, iro2, { ref: 'C102', bookingId: 'C102-B4', answers });
    assert.equal(recorded.changed, 1);
    assert.equal(recorded.checklist['child-consulted']?.status, 'done');
    // The day after the cover's last day the covering IRO is a stranger to the child again.
    deps = { ...deps, clock: () => new Date('2026-12-05T09:00:00Z') };
    await rejects(
      () => recordParticipation(deps, iro2, { ref: 'C102', bookingId: 'C102-B4', answers }),
      'not-found',
      /C102/,
    );
  });
});
