import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fromWholeListing, listDuePage, type DuePage } from '../../src/app/due-page.js';
import type { AppDeps } from '../../src/app/deps.js';
import { nextReviewFields } from '../../src/app/next-review-fields.js';
import type { ScopeRequest } from '../../src/app/scope.js';
import { teamLoads, teamLoadsFromChildren } from '../../src/app/show-caseload.js';
import { loadConfig } from '../../src/config.js';
import { parseDueWindow } from '../../src/domain/due-window.js';
import { isAppError } from '../../src/domain/errors.js';
import { buildDeps } from '../../src/index.js';
import type { Store } from '../../src/store/doc-collection.js';
import type { ChildDoc, StaffDoc } from '../../src/store/documents.js';
import { openEmbeddedStore } from '../../src/store/embedded/embedded-store.js';
import { ensureIndexes } from '../../src/store/repositories/indexes.js';
import { syntheticChildDocs, syntheticStaffDocs } from '../../tools/synthetic-data.js';

// /due as queries (issue 12, src/app/due-page.ts): counts from the index, a page of rows by skip and
// limit, the team view by one aggregation. Every page of every window and scope must be exactly what the
// whole listing (every child in scope, list-due.ts) gives, and a stale stored next review must not be read.
const TODAY = '2026-11-25';
const WINDOWS = [
  'this week',
  'next week',
  'today',
  'tomorrow',
  'overdue',
  'next 30 days',
  '2026-12-01',
  '1 Dec 2026 to 20 Jan 2027',
];
const PAGE_SIZE = 7; // small pages: more page boundaries, across the overdue/due split

describe('/due a page at a time from the store equals the whole listing (due-page.ts)', function () {
  this.timeout(120000);
  let dir: string;
  let store: Store;
  let deps: AppDeps;
  const staff = async (id: string) => (await deps.staff.get(id)) as StaffDoc;

  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'iro-due-page-'));
    store = await openEmbeddedStore(dir);
    await ensureIndexes(store);
    deps = { ...buildDeps(loadConfig({ DATA_DIR: dir }), store), clock: () => new Date(`${TODAY}T09:00:00Z`) };
    for (const s of syntheticStaffDocs({ iroCount: 4 })) await deps.staff.upsert(s);
    const children = syntheticChildDocs(1200, { today: TODAY, iroCount: 4, seed: 12 });
    // A history the engine rejects (a review before the child became looked after): counted as invalid.
    const broken: ChildDoc = {
      ...children[0]!,
      _id: 'Z900',
      ref: 'Z900',
      reviews: [{ id: 'Z900-1', heldOn: '1990-01-01' }] as ChildDoc['reviews'],
    };
    await store
      .collection<ChildDoc>('children')
      .insertMany([...children, broken].map((c) => ({ ...c, ...nextReviewFields(c, deps) })));
  });
  after(async () => {
    await store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const refs = (p: DuePage) => ({
    counts: [p.overdueCount, p.dueCount, p.invalidCount],
    overdue: p.overdue.map((s) => [s.child.ref, s.next.dueBy, s.next.rule, s.booking?.id ?? null]),
    due: p.due.map((s) => [s.child.ref, s.next.dueBy, s.next.rule, s.booking?.id ?? null]),
    iros: p.iros,
    bookable: [...p.bookable].sort(),
  });

  async function samePages(actor: StaffDoc, scope: ScopeRequest, label: string): Promise<number> {
    let pages = 0;
    for (const text of WINDOWS) {
      const window = parseDueWindow(text, TODAY);
      for (let page = 0; ; page++) {
        const request = { page, pageSize: PAGE_SIZE, example: '/due' };
        const whole = await fromWholeListing(deps, actor, window, scope, request).catch((e: unknown) => e);
        const queried = await listDuePage(deps, actor, window, scope, request).catch((e: unknown) => e);
        if (isAppError(whole, 'invalid-input')) {
          assert.ok(isAppError(queried, 'invalid-input'), `${label} ${text} page ${page}: past the end in both`);
          break;
        }
        assert.deepEqual(refs(queried as DuePage), refs(whole as DuePage), `${label} ${text} page ${page}`);
        pages++;
        if ((whole as DuePage).iros) break; // the team summary pages its IROs in the card
      }
    }
    return pages;
  }

  it("an IRO's own list, another IRO's for a manager, and the whole service: every page of every window", async () => {
    const pages =
      (await samePages(await staff('iro-1'), { kind: 'default' }, 'own')) +
      (await samePages(await staff('bs-1'), { kind: 'person', person: await staff('iro-2') }, 'person')) +
      (await samePages(await staff('tm-1'), { kind: 'team' }, 'team'));
    assert.ok(pages >= 40, `${pages} pages compared`);
    const week = await listDuePage(
      deps,
      await staff('tm-1'),
      parseDueWindow('this week', TODAY),
      { kind: 'team' },
      {
        page: 0,
        pageSize: PAGE_SIZE,
        example: '/due',
      },
    );
    assert.ok(week.iros && week.iros.length === 4, 'the team view of a long list is summarised per IRO');
    assert.equal(week.invalidCount, 1);
  });

  it('while a stored next review is stale the listing is computed, not read (a marked stored date is not shown)', async () => {
    const col = store.collection<ChildDoc>('children');
    const victim = (await deps.children.listByIro('iro-1')).find((c) => c.nextReview?.dueBy);
    assert.ok(victim);
    await col.updateOne(
      { _id: victim._id },
      { $set: { 'nextReview.dueBy': '2000-01-01', 'nextReview.fingerprint': 'old:0' } },
    );
    try {
      const actor = await staff('iro-1');
      const request = { page: 0, pageSize: 2000, example: '/due' };
      const page = await listDuePage(deps, actor, parseDueWindow('overdue', TODAY), { kind: 'default' }, request);
      assert.ok(page.overdue.length > 0);
      assert.ok(!page.overdue.some((s) => s.next.dueBy === '2000-01-01'), 'the stale stored date was read');
      const whole = await fromWholeListing(deps, actor, parseDueWindow('overdue', TODAY), { kind: 'default' }, request);
      assert.deepEqual(refs(page), refs(whole));
    } finally {
      await col.updateOne({ _id: victim._id }, { $set: { nextReview: victim.nextReview } });
    }
  });
});

describe('/caseload team from index counts equals counting every child (show-caseload.ts teamLoads)', function () {
  this.timeout(120000);
  it('per IRO: open children and reviews due in 30 days, with events still to come worked out as at today', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'iro-caseload-counts-'));
    const store = await openEmbeddedStore(dir);
    try {
      await ensureIndexes(store);
      const deps: AppDeps = {
        ...buildDeps(loadConfig({ DATA_DIR: dir }), store),
        clock: () => new Date(`${TODAY}T09:00:00Z`),
      };
      const staffDocs = syntheticStaffDocs({ iroCount: 5 });
      for (const s of staffDocs) await deps.staff.upsert(s);
      const children = syntheticChildDocs(900, { today: TODAY, iroCount: 5, seed: 7 });
      // Planned events: a start after today (open later, not today) and an end after today (open today).
      const later = (c: ChildDoc, type: string, date: string): ChildDoc => ({
        ...c,
        events: [...c.events, { ...c.events[0]!, type, date } as ChildDoc['events'][number]],
      });
      const planned = children.map((c, i) =>
        i % 50 === 1
          ? later(c, 'ceased-looked-after', '2027-02-01')
          : i % 50 === 2
            ? { ...c, events: [{ ...c.events[0]!, date: '2027-01-10' }] }
            : c,
      );
      await store
        .collection<ChildDoc>('children')
        .insertMany(planned.map((c) => ({ ...c, ...nextReviewFields(c, deps) })));
      const iros = await deps.staff.listByRole('iro');
      const row = ({ iro, figures: f, dueNext30Days }: Awaited<ReturnType<typeof teamLoads>>[number]) => [
        iro._id,
        { total: f.total, fte: f.fte, perFte: f.perFte, band: f.band },
        dueNext30Days,
      ];
      const counted = (await teamLoads(deps, iros, TODAY)).map(row);
      const read = (await teamLoadsFromChildren(deps, iros, TODAY)).map(row);
      assert.deepEqual(counted, read);
      assert.ok((await deps.children.listWithEventsAfter(TODAY)).length >= 30, 'children with planned events');
      assert.ok(read.some((r) => (r[2] as number) > 0) && read.every((r) => (r[1] as { total: number }).total > 0));
    } finally {
      await store.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
