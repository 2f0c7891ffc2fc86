import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { recordHeld } from '../../src/app/booking/record-held.js';
import { decideReschedule, requestReschedule } from '../../src/app/booking/reschedule.js';
import type { AppDeps } from '../../src/app/deps.js';
import { runImport } from '../../src/app/import/run-import.js';
import { loadConfig } from '../../src/config.js';
import { complianceReport } from '../../src/domain/compliance.js';
import { buildDeps } from '../../src/index.js';
import type { Store } from '../../src/store/doc-collection.js';
import type { StaffDoc } from '../../src/store/documents.js';
import { openEmbeddedStore } from '../../src/store/embedded/embedded-store.js';

// An approved move outside timescale is counted late, with its reason, in the compliance report
// (docs/DOMAIN.md "Booking and rescheduling", "Compliance report"). The clock moves on so the review can
// be held on the approved (late) date.
const fixture = JSON.parse(fs.readFileSync(path.join(__dirname, '../fixtures/http/small-service.json'), 'utf8'));

describe('reschedule outside timescale → compliance report', () => {
  let dir: string;
  let store: Store;
  let deps: AppDeps;
  let now = new Date('2026-11-25T09:00:00Z');
  const staff = async (id: string) => (await deps.staff.get(id)) as StaffDoc;

  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'iro-resched-'));
    store = await openEmbeddedStore(dir);
    await runImport(store, fixture, { sourceName: 'test', now });
    deps = { ...buildDeps(loadConfig({ DATA_DIR: dir }), store), clock: () => now };
  });
  after(async () => {
    await store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('C102 (due Wed 2 Dec) moved to Thu 3 Dec with approval, held then: late, with the reason', async () => {
    const alex = await staff('iro-1');
    // Outside timescale without an explanation is refused.
    await assert.rejects(
      requestReschedule(deps, alex, {
        ref: 'C102',
        reason: 'family-or-carer-unavailable',
        date: '2026-12-03',
        time: '10:00',
      }),
      /outside timescale needs a reason category and an explanation/,
    );
    const asked = await requestReschedule(deps, alex, {
      ref: 'C102',
      reason: 'family-or-carer-unavailable',
      text: 'Prospective adopters away',
      date: '2026-12-03',
      time: '10:00',
    });
    assert.equal(asked.outcome, 'requested');
    assert.equal(asked.request.outsideTimescale, true);
    const decided = await decideReschedule(deps, await staff('tm-1'), {
      ref: 'C102',
      requestId: asked.request.id,
      decision: 'approve',
    });
    assert.equal(decided.outcome, 'decided');

    now = new Date('2026-12-03T12:00:00Z');
    const { review } = await recordHeld(deps, alex, { ref: 'C102', heldOn: '2026-12-03' });
    assert.deepEqual(
      { dueBy: review.dueBy, rule: review.rule, lateReason: review.lateReason },
      { dueBy: '2026-12-02', rule: 'UPC', lateReason: 'family-or-carer-unavailable' },
    );

    const children = await deps.children.listAll();
    const report = complianceReport(children, { from: '2026-12-01', to: '2026-12-31' }, deps.policy, deps.calendar, {
      today: '2026-12-03',
    });
    assert.equal(report.totals.outside, 1);
    assert.deepEqual(
      report.late.map((l) => [l.ref, l.reason, l.daysLate]),
      [['C102', 'family-or-carer-unavailable', 1]],
    );
    assert.equal(report.lateByReason.find((r) => r.reason === 'family-or-carer-unavailable')!.count, 1);
  });

  it('the auto-approve policy never covers a move outside timescale', async () => {
    const auto = {
      ...deps,
      booking: { slotTimes: ['10:00', '14:00'], maxReviewsPerDay: 3, autoApproveWithinTimescale: true },
    };
    const alex = await staff('iro-1');
    now = new Date('2026-11-25T09:00:00Z');
    // C100 is due Thu 26 Nov; book it, then move it inside and outside timescale.
    const child = (await deps.children.get('C100'))!;
    await deps.children.updateVersioned(
      'C100',
      child.version,
      {
        $set: {
          bookings: [
            { id: 'C100-B1', start: '2026-11-25T14:00:00+00:00', venue: 'Placement', status: 'booked', source: 'bot' },
          ],
        },
      },
      { at: now, by: { id: 'test' }, action: 'test.booked' },
    );
    const within = await requestReschedule(auto, alex, {
      ref: 'C100',
      reason: 'sw-unavailable',
      date: '2026-11-26',
      time: '14:00',
    });
    assert.equal(within.outcome, 'moved');
    const outside = await requestReschedule(auto, alex, {
      ref: 'C100',
      reason: 'sw-unavailable',
      text: 'Leave',
      date: '2026-11-27',
      time: '14:00',
    });
    assert.equal(outside.outcome, 'requested');
  });
});
