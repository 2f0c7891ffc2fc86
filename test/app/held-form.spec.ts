import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { heldFormData } from '../../src/app/booking/held-form.js';
import { recordHeld } from '../../src/app/booking/record-held.js';
import type { AppDeps } from '../../src/app/deps.js';
import { runImport } from '../../src/app/import/run-import.js';
import { loadConfig } from '../../src/config.js';
import { isAppError } from '../../src/domain/errors.js';
import { buildDeps } from '../../src/index.js';
import type { Store } from '../../src/store/doc-collection.js';
import type { StaffDoc } from '../../src/store/documents.js';
import { openEmbeddedStore } from '../../src/store/embedded/embedded-store.js';

// The /held form's permission is checked by the use case (not by the Teams command), with the same
// refusal as the save; recordHeld says whether the review was within timescale and when its record is
// due, so the Teams reply does no date arithmetic (issue 16). C100 is due Thu 26 Nov 2026, C102 Wed 2 Dec.
const fixture = JSON.parse(fs.readFileSync(path.join(__dirname, '../fixtures/http/small-service.json'), 'utf8'));

describe('held: form data and the recorded result (app)', () => {
  let dir: string;
  let store: Store;
  let deps: AppDeps;
  let now = new Date('2026-11-25T09:00:00Z');
  const staff = async (id: string) => (await deps.staff.get(id)) as StaffDoc;

  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'iro-held-form-'));
    store = await openEmbeddedStore(dir);
    await runImport(store, fixture, { sourceName: 'test', now });
    deps = { ...buildDeps(loadConfig({ DATA_DIR: dir }), store), clock: () => now };
  });
  after(async () => {
    await store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('the form: the IRO and business support may record; a manager who can see the child is refused, naming who may', async () => {
    const form = await heldFormData(deps, await staff('iro-1'), 'C100', null);
    assert.equal(form.next?.dueBy, '2026-11-26');
    assert.equal(form.review, null);
    assert.deepEqual(
      form.chairs.map((c) => c._id),
      ['iro-1', 'iro-2'],
    );
    assert.ok(await heldFormData(deps, await staff('bs-1'), 'C100', null));
    await assert.rejects(
      heldFormData(deps, await staff('tm-1'), 'C100', null),
      (e) =>
        isAppError(e, 'forbidden') &&
        /C100's IRO or business support/.test(e.message) &&
        e.details.example === '/case C100',
    );
  });

  it('the correction form: the IRO and managers; business support refused; an unknown review is not found', async () => {
    const reviewId = (await deps.children.get('C100'))!.reviews[0]!.id;
    const form = await heldFormData(deps, await staff('tm-1'), 'C100', reviewId);
    assert.equal(form.review?.id, reviewId);
    assert.equal(form.next, null);
    await assert.rejects(
      heldFormData(deps, await staff('bs-1'), 'C100', reviewId),
      (e) => isAppError(e, 'forbidden') && /IRO or a manager/.test(e.message),
    );
    await assert.rejects(heldFormData(deps, await staff('iro-1'), 'C100', 'C100-R99'), (e) =>
      isAppError(e, 'not-found'),
    );
  });

  it('held before its due-by date: within timescale, record due 14 days later', async () => {
    const held = await recordHeld(deps, await staff('iro-1'), { ref: 'C100', heldOn: '2026-11-25' });
    assert.deepEqual([held.withinTimescale, held.recordDueBy], [true, '2026-12-09']);
  });

  it('held the day after its due-by date: outside timescale', async () => {
    now = new Date('2026-12-03T12:00:00Z');
    const held = await recordHeld(deps, await staff('iro-1'), { ref: 'C102', heldOn: '2026-12-03' });
    assert.deepEqual([held.review.dueBy, held.withinTimescale, held.recordDueBy], ['2026-12-02', false, '2026-12-17']);
  });
});
