import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseImportDocument } from '../../src/app/import/import-schema.js';
import { runImport } from '../../src/app/import/run-import.js';
import { buildDemoImport, loadDemoIfEmpty } from '../../src/cli/demo-data.js';
import { syntheticChildDocs, syntheticStaffDocs } from '../../tools/synthetic-data.js';
import { addDays, createCalendar, weekdayOf } from '../../src/domain/calendar.js';
import { getPolicy } from '../../src/domain/policies.js';
import { nextReview, validateHistory } from '../../src/domain/timescales.js';
import { LEGAL_STATUSES, TRACKS, type IsoDate } from '../../src/domain/types.js';
import type { Store } from '../../src/store/doc-collection.js';
import { openEmbeddedStore } from '../../src/store/embedded/embedded-store.js';
import { AuditLog } from '../../src/store/repositories/audit-log.js';
import { ChildrenRepository } from '../../src/store/repositories/children-repository.js';

const calendar = createCalendar({ region: 'GB-WLS', closureDays: [] });
const wales = getPolicy('wales');

describe('demo data', () => {
  let dir: string;
  let store: Store;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'iro-demo-'));
    store = await openEmbeddedStore(dir);
  });
  afterEach(async () => {
    await store.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('imports cleanly and gives iro-1 children', async () => {
    const r = await runImport(store, buildDemoImport('2025-06-11'), {
      sourceName: 'demo',
      now: new Date('2025-06-11T08:00:00Z'),
    });
    assert.deepEqual(r.conflicts, []);
    assert.ok(r.children.inserted >= 38 && r.children.inserted <= 42, `children: ${r.children.inserted}`);
    const mine = await new ChildrenRepository(store).listByIro('iro-1');
    assert.ok(mine.length >= 12);
  });

  it('loadDemoIfEmpty loads once, through the import path', async () => {
    const now = new Date('2025-06-11T08:00:00Z');
    assert.equal(await loadDemoIfEmpty(store, now), true);
    assert.equal(await loadDemoIfEmpty(store, now), false);
    const audit = await new AuditLog(store).list({ action: 'import' });
    assert.equal(audit.length, 1);
    assert.equal(audit[0]!.actor.id, 'demo-data');
  });

  // A Wednesday, a Sunday at a month end, Christmas Eve, a Monday after New Year, a leap day, BST change day.
  for (const today of ['2025-06-11', '2025-08-31', '2025-12-24', '2026-01-05', '2024-02-29', '2026-03-29']) {
    it(`is valid and gives iro-1 a realistic week for today = ${today} (wales policy)`, () => {
      const doc = buildDemoImport(today);
      assert.equal(parseImportDocument(doc).ok, true);
      const children = doc.children!;
      assert.deepEqual(new Set(children.map((c) => c.track)), new Set(TRACKS));
      assert.deepEqual(new Set(children.map((c) => c.legalStatus)), new Set(LEGAL_STATUSES));
      assert.ok(children.filter((c) => c.proceedings?.guardianId === 'g-1' && !c.proceedings.concludedOn).length >= 3);
      assert.ok(children.some((c) => c.reviews?.some((r) => r.recordDistributedOn === null)));

      const sunday = addDays(today, (7 - weekdayOf(today)) % 7);
      const due: { dueBy: IsoDate; booked: boolean }[] = [];
      for (const c of children) {
        const h = { ref: c.ref, track: c.track, events: c.events, reviews: c.reviews ?? [] };
        validateHistory(h);
        if (c.iroId !== 'iro-1') continue;
        const n = nextReview(h, wales, calendar);
        if (n) due.push({ dueBy: n.dueBy, booked: (c.bookings ?? []).length > 0 });
        for (const b of c.bookings ?? [])
          assert.ok(calendar.isWorkingDay(b.start.slice(0, 10)), `${c.ref} booked on a non-working day`);
      }
      const thisWeek = due.filter((d) => d.dueBy >= today && d.dueBy <= sunday);
      const overdue = due.filter((d) => d.dueBy < today);
      const nextWeek = due.filter((d) => d.dueBy > sunday && d.dueBy <= addDays(sunday, 7));
      const in20 = due.filter((d) => d.dueBy >= today && d.dueBy <= calendar.addWorkingDays(today, 20));
      assert.ok(thisWeek.length >= 3, `this week: ${thisWeek.length}`);
      assert.ok(overdue.length >= 1 && overdue.length <= 3, `overdue: ${overdue.length}`);
      assert.ok(nextWeek.length >= 2, `next week: ${nextWeek.length}`);
      assert.ok(in20.length > thisWeek.length + nextWeek.length, 'more due within 20 working days');
      assert.ok(due.some((d) => d.booked) && due.some((d) => !d.booked));
    });
  }
});

describe('synthetic data', () => {
  it('is deterministic, valid and consistent with its staff', () => {
    const opts = { today: '2025-06-11', iroCount: 7, seed: 3 };
    const a = syntheticChildDocs(2000, opts);
    assert.deepEqual(syntheticChildDocs(2000, opts), a);
    const staff = new Set(syntheticStaffDocs(opts).map((s) => s.id));
    for (const c of a) {
      validateHistory(c);
      assert.ok(staff.has(c.iroId) && staff.has(c.socialWorkerId!), c.ref);
    }
    assert.deepEqual(new Set(a.map((c) => c.track)), new Set(TRACKS));
    assert.equal(new Set(a.map((c) => c._id)).size, a.length);
  });

  it('generates 100k children quickly', function () {
    this.timeout(20000);
    const t0 = Date.now();
    assert.equal(syntheticChildDocs(100_000, { today: '2025-06-11', iroCount: 50, seed: 1 }).length, 100_000);
    assert.ok(Date.now() - t0 < 10_000);
  });
});
