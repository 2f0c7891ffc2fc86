import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runImport } from '../../src/app/import/run-import.js';
import type { ImportProblem } from '../../src/app/import/import-schema.js';
import { isAppError } from '../../src/domain/errors.js';
import type { Store } from '../../src/store/doc-collection.js';
import { openEmbeddedStore } from '../../src/store/embedded/embedded-store.js';
import { AuditLog } from '../../src/store/repositories/audit-log.js';
import { ChildrenRepository } from '../../src/store/repositories/children-repository.js';
import { StaffRepository } from '../../src/store/repositories/staff-repository.js';

const NOW = new Date('2016-07-01T09:00:00Z');
const fixture = () => JSON.parse(readFileSync('test/fixtures/import/small-valid.json', 'utf8'));

/** Runs the import expecting rejection; returns "path: message" lines. */
async function rejected(store: Store, doc: unknown): Promise<string[]> {
  let problems: ImportProblem[] | undefined;
  await assert.rejects(runImport(store, doc, { sourceName: 'bad.json', now: NOW }), (err: unknown) => {
    assert.ok(isAppError(err, 'invalid-import'), String(err));
    problems = err.details.problems as ImportProblem[];
    return true;
  });
  return problems!.map((p) => `${p.path}: ${p.message}`);
}

describe('runImport', () => {
  let dir: string;
  let store: Store;
  let children: ChildrenRepository;
  let staff: StaffRepository;
  let audit: AuditLog;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'iro-import-'));
    store = await openEmbeddedStore(dir);
    children = new ChildrenRepository(store);
    staff = new StaffRepository(store);
    audit = new AuditLog(store);
  });
  afterEach(async () => {
    await store.close();
    await rm(dir, { recursive: true, force: true });
  });

  const counts = async () => ({
    staff: (await staff.list()).length,
    children: await children.count(),
    audit: (await audit.list()).length,
  });

  it('imports a valid file: staff and children inserted, one history entry each, one audit entry', async () => {
    const r = await runImport(store, fixture(), { sourceName: 'small-valid.json', now: NOW });
    assert.deepEqual(r.staff, { inserted: 6, updated: 0, unchanged: 0 });
    assert.deepEqual(r.children, { inserted: 3, updated: 0, unchanged: 0 });
    assert.deepEqual(r.conflicts, []);

    const c = (await children.get('C1001'))!;
    assert.equal(c._id, 'C1001');
    assert.equal(c.version, 1);
    assert.deepEqual(c.history, [{ at: NOW, by: { id: 'import' }, action: 'import' }]);
    assert.deepEqual(
      c.reviews.map((x) => [x.id, x.heldOn, x.source]),
      [['C1001-1', '2016-03-24', 'import']],
    );
    assert.deepEqual(
      c.bookings.map((x) => [x.id, x.status, x.source]),
      [['C1001-B2', 'booked', 'import']],
    );
    assert.equal(c.proceedings?.guardianId, 'g-1');
    // Optional fields the file left out are absent, not null.
    const c3 = (await children.get('C1003'))!;
    assert.equal('givenName' in c3, false);
    assert.deepEqual(c3.reviews, []);

    const [entry, ...more] = await audit.list();
    assert.equal(more.length, 0);
    assert.equal(entry!.action, 'import');
    assert.deepEqual(entry!.details, {
      sourceName: 'small-valid.json',
      staff: { inserted: 6, updated: 0, unchanged: 0 },
      children: { inserted: 3, updated: 0, unchanged: 0 },
      conflicts: 0,
      conflictRefs: [],
    });
  });

  it('is idempotent: a second run of the same file changes nothing', async () => {
    await runImport(store, fixture(), { sourceName: 'a.json', now: NOW });
    const before = await children.listAll();
    const r = await runImport(store, fixture(), { sourceName: 'a.json', now: new Date('2016-07-02T09:00:00Z') });
    assert.deepEqual(r.staff, { inserted: 0, updated: 0, unchanged: 6 });
    assert.deepEqual(r.children, { inserted: 0, updated: 0, unchanged: 3 });
    assert.deepEqual(await children.listAll(), before);
    assert.equal((await audit.list()).length, 2, 'one audit entry per run');
  });

  it('updates a changed child: version + 1 and one history entry with before/after', async () => {
    await runImport(store, fixture(), { sourceName: 'a.json', now: NOW });
    const doc = fixture();
    doc.children[0].legalStatus = 'placement-order';
    doc.children[0].reviews[0].recordDistributedOn = '2016-04-02';
    doc.staff[0].fte = 0.8;
    const later = new Date('2016-07-03T09:00:00Z');
    const r = await runImport(store, doc, { sourceName: 'b.json', now: later });
    assert.deepEqual(r.children, { inserted: 0, updated: 1, unchanged: 2 });
    assert.deepEqual(r.staff, { inserted: 0, updated: 1, unchanged: 5 });
    const c = (await children.get('C1001'))!;
    assert.equal(c.version, 2);
    assert.equal(c.history.length, 2);
    const h = c.history[1]!;
    assert.deepEqual([h.at, h.by, h.action], [later, { id: 'import' }, 'import']);
    assert.deepEqual(Object.keys(h.before as object).sort(), ['legalStatus', 'reviews']);
    assert.equal((h.before as { legalStatus: string }).legalStatus, 'care-order');
    assert.equal(c.reviews[0]!.recordDistributedOn, '2016-04-02');
    assert.equal((await staff.get('iro-1'))!.fte, 0.8);
    assert.equal((await children.get('C1002'))!.version, 1);
  });

  it('never deletes what the file does not list', async () => {
    await runImport(store, fixture(), { sourceName: 'a.json', now: NOW });
    const r = await runImport(
      store,
      { formatVersion: 1, children: [{ ref: 'C1001', track: 'cla', iroId: 'iro-1', events: [] }] },
      { sourceName: 'b.json', now: NOW },
    );
    assert.deepEqual(r.children, { inserted: 0, updated: 0, unchanged: 1 });
    const c = (await children.get('C1001'))!;
    assert.equal(c.events.length, 1);
    assert.equal(c.reviews.length, 1);
    assert.equal(c.givenName, 'Dylan');
    assert.equal(await children.count(), 3);
  });

  it('upserts events by (type, date)', async () => {
    await runImport(store, fixture(), { sourceName: 'a.json', now: NOW });
    const doc = fixture();
    doc.children[0].events.push({
      type: 'review-brought-forward',
      date: '2016-05-01',
      dueBy: '2016-05-20',
      reason: 'safety',
    });
    await runImport(store, doc, { sourceName: 'b.json', now: NOW });
    doc.children[0].events[1].dueBy = '2016-05-18';
    const r = await runImport(store, doc, { sourceName: 'c.json', now: NOW });
    assert.equal(r.children.updated, 1);
    const c = (await children.get('C1001'))!;
    assert.deepEqual(
      c.events.map((e) => [e.type, e.date, e.dueBy]),
      [
        ['became-looked-after', '2016-03-01', undefined],
        ['review-brought-forward', '2016-05-01', '2016-05-18'],
      ],
    );
    assert.equal(c.version, 3);
  });

  it('keeps a review the bot recorded and reports the conflict', async () => {
    await runImport(store, fixture(), { sourceName: 'a.json', now: NOW });
    const botAt = new Date('2016-06-21T12:00:00Z');
    await children.updateVersioned(
      'C1001',
      1,
      { $push: { reviews: { id: 'C1001-2', heldOn: '2016-06-20', chairId: 'iro-1', source: 'bot' } } },
      { at: botAt, by: { id: 'iro-1', name: 'Alex Wilber' }, action: 'review.held', after: { heldOn: '2016-06-20' } },
    );

    const doc = fixture();
    doc.children[0].reviews.push({ id: 'C1001-2', heldOn: '2016-06-21', chairId: 'iro-1' });
    const r = await runImport(store, doc, { sourceName: 'b.json', now: NOW });
    assert.equal(r.conflicts.length, 1);
    assert.equal(r.conflicts[0]!.path, 'children[0].reviews[1]');
    assert.equal(r.conflicts[0]!.ref, 'C1001');
    assert.match(r.conflicts[0]!.message, /C1001-2.*2016-06-20.*2016-06-21.*kept the bot's record/);
    assert.deepEqual(r.children, { inserted: 0, updated: 0, unchanged: 3 });

    const c = (await children.get('C1001'))!;
    assert.equal(c.reviews.find((x) => x.id === 'C1001-2')!.heldOn, '2016-06-20');
    assert.equal(c.version, 2);
    assert.deepEqual(
      c.history.map((h) => h.action),
      ['import', 'review.held'],
    );
    const entries = await audit.list({ action: 'import' });
    assert.equal(entries.at(-1)!.details!.conflicts, 1);
  });

  it('keeps a booking the bot made and reports the conflict', async () => {
    await runImport(store, fixture(), { sourceName: 'a.json', now: NOW });
    await children.updateVersioned(
      'C1002',
      1,
      { $push: { bookings: { id: 'C1002-B1', start: '2016-07-10T10:00:00+01:00', status: 'booked', source: 'bot' } } },
      { at: NOW, by: { id: 'bs-1' }, action: 'review.booked' },
    );
    const doc = fixture();
    doc.children[1].bookings = [{ id: 'C1002-B1', start: '2016-07-11T10:00:00+01:00' }];
    const r = await runImport(store, doc, { sourceName: 'b.json', now: NOW });
    assert.deepEqual(
      r.conflicts.map((c) => c.path),
      ['children[1].bookings[0]'],
    );
    assert.equal((await children.get('C1002'))!.bookings[0]!.start, '2016-07-10T10:00:00+01:00');
  });

  it('all or nothing: one bad child means nothing is written and no audit entry', async () => {
    const doc = fixture();
    doc.staff.push({ id: 'iro-7', name: 'New Person', roles: ['iro'] });
    doc.children[1].iroId = 'iro-9';
    assert.deepEqual(await rejected(store, doc), ['children[1].iroId: unknown staff id "iro-9"']);
    assert.deepEqual(await counts(), { staff: 0, children: 0, audit: 0 });

    await runImport(store, fixture(), { sourceName: 'a.json', now: NOW });
    const before = await children.listAll();
    const staffBefore = await staff.list();
    const doc2 = fixture();
    doc2.children[0].legalStatus = 'placement-order';
    doc2.staff[0].fte = 0.5;
    doc2.children.push({
      ref: 'C1004',
      track: 'cla',
      iroId: 'iro-1',
      events: [{ type: 'became-looked-after', date: '2016-05-02' }],
      reviews: [{ id: 'C1004-1', heldOn: '2016-04-01' }],
    });
    const problems = await rejected(store, doc2);
    assert.equal(problems.length, 1);
    assert.match(problems[0]!, /^children\[3\]: invalid history: child C1004: review C1004-1 held on 2016-04-01/);
    assert.deepEqual(await children.listAll(), before);
    assert.deepEqual(await staff.list(), staffBefore);
    assert.equal((await audit.list()).length, 1);
  });

  it('collects every cross-check problem with its path', async () => {
    const doc = fixture();
    doc.staff.push({ id: 'iro-1', name: 'Again', roles: ['iro'] });
    doc.staff[4].managerId = 'tm-x';
    doc.children[1].ref = 'C1001';
    doc.children[0].socialWorkerId = 'sw-9';
    doc.children[0].reviews[0].chairId = 'iro-8';
    doc.children[0].proceedings.guardianId = 'sw-1';
    doc.children[2].iroId = 'tm-1';
    assert.deepEqual((await rejected(store, doc)).sort(), [
      'children[0].proceedings.guardianId: "sw-1" does not hold the guardian role',
      'children[0].reviews[0].chairId: unknown staff id "iro-8"',
      'children[0].socialWorkerId: unknown staff id "sw-9"',
      'children[1].ref: duplicate child ref "C1001" (first at children[0].ref)',
      'children[2].iroId: tm-1 does not hold the iro role',
      'staff[4].managerId: unknown staff id "tm-x"',
      'staff[6].id: duplicate staff id "iro-1" (first at staff[0].id)',
    ]);
  });

  it("refuses an IRO who is the child's social worker (W54.3)", async () => {
    const doc = fixture();
    doc.staff[4].roles = ['social-worker', 'iro'];
    doc.children[0].iroId = 'sw-1';
    assert.deepEqual(await rejected(store, doc), ["children[0].iroId: sw-1 is the child's social worker (W54.3)"]);
  });

  it("refuses an IRO in the social worker's management line, using staff already stored (W54.3)", async () => {
    await runImport(store, fixture(), { sourceName: 'a.json', now: NOW });
    // tm-north is stored; this file makes iro-2 their manager, so iro-2 is in sw-1's line.
    const doc = {
      formatVersion: 1,
      staff: [{ id: 'tm-north', name: 'Owen Jenkins', roles: ['team-manager'], team: 'north', managerId: 'iro-2' }],
      children: [{ ref: 'C1005', track: 'cla', iroId: 'iro-2', socialWorkerId: 'sw-1', events: [] }],
    };
    assert.deepEqual(await rejected(store, doc), [
      "children[0].iroId: iro-2 is in the management line of sw-1, the child's social worker (W54.3)",
    ]);
    assert.equal((await staff.get('tm-north'))!.managerId, undefined);
  });

  it('checks W54.3 against the stored social worker when the file does not list one', async () => {
    await runImport(store, fixture(), { sourceName: 'a.json', now: NOW });
    const doc = fixture();
    doc.staff[3].roles = ['team-manager', 'iro'];
    doc.children[0].iroId = 'tm-north';
    delete doc.children[0].socialWorkerId;
    assert.deepEqual(await rejected(store, doc), [
      "children[0].iroId: tm-north manages sw-1, the child's social worker (W54.3)",
    ]);
  });

  describe('W54.3 on every ground the file can carry', () => {
    // iro-1 is C1001's IRO in the fixture; each case gives them one more role on the case.
    const cases: Array<[string, (doc: any) => void, string]> = [
      [
        'care plan author',
        (d) => (d.children[0].carePlanAuthorIds = ['sw-1', 'iro-1']),
        "iro-1 is an author of the child's care and support plan (W54.3)",
      ],
      [
        'case manager',
        (d) => (d.children[0].caseManagerId = 'iro-1'),
        "iro-1 is the manager of the child's case (W54.3)",
      ],
      [
        'personal adviser',
        (d) => (d.children[0].personalAdviserId = 'iro-1'),
        "iro-1 is the child's personal adviser (W54.3)",
      ],
      [
        'visiting representative',
        (d) => (d.children[0].visitingRepresentativeId = 'iro-1'),
        "iro-1 is the council's representative visiting the child (W54.3)",
      ],
      [
        "manager of the case's visiting representative",
        (d) => {
          d.staff[3].managerId = 'iro-1';
          d.children[0].socialWorkerId = null;
          d.children[0].visitingRepresentativeId = 'tm-north';
        },
        "iro-1 manages tm-north, the council's representative visiting the child (W54.3)",
      ],
      [
        'resource controller on the case',
        (d) => (d.children[0].resourceControllerIds = ['iro-1']),
        'iro-1 controls the resources allocated to the case (W54.3)',
      ],
      [
        "holder of the social work team's resources",
        (d) => (d.staff[0].controlsResourcesOf = ['North']),
        'iro-1 controls the resources of team north, which holds the case (W54.3)',
      ],
    ];
    for (const [ground, edit, reason] of cases) {
      it(`refuses the ${ground}, naming the ground, and stores nothing`, async () => {
        const doc = fixture();
        edit(doc);
        assert.deepEqual(await rejected(store, doc), [`children[0].iroId: ${reason}`]);
        assert.equal(await children.get('C1001'), null);
      });
    }

    it('refuses a stored IRO when a later file names them on the case without listing the IRO again', async () => {
      await runImport(store, fixture(), { sourceName: 'a.json', now: NOW });
      const doc = fixture();
      doc.children[0].caseManagerId = 'iro-1';
      const before = await children.get('C1001');
      assert.deepEqual(await rejected(store, doc), [
        "children[0].iroId: iro-1 is the manager of the child's case (W54.3)",
      ]);
      assert.deepEqual(await children.get('C1001'), before);
    });

    it('refuses unknown staff ids in the case roles', async () => {
      const doc = fixture();
      doc.children[0].carePlanAuthorIds = ['sw-x'];
      doc.children[0].resourceControllerIds = ['rc-x'];
      doc.children[0].personalAdviserId = 'pa-x';
      assert.deepEqual(await rejected(store, doc), [
        'children[0].personalAdviserId: unknown staff id "pa-x"',
        'children[0].carePlanAuthorIds[0]: unknown staff id "sw-x"',
        'children[0].resourceControllerIds[0]: unknown staff id "rc-x"',
      ]);
    });

    it('stores the case roles of an eligible IRO', async () => {
      const doc = fixture();
      doc.children[0].carePlanAuthorIds = ['sw-1'];
      doc.children[0].caseManagerId = 'tm-north';
      doc.children[0].resourceControllerIds = ['tm-north'];
      doc.staff[3].controlsResourcesOf = ['north'];
      await runImport(store, doc, { sourceName: 'a.json', now: NOW });
      const c = (await children.get('C1001'))!;
      assert.deepEqual(
        [c.carePlanAuthorIds, c.caseManagerId, c.resourceControllerIds],
        [['sw-1'], 'tm-north', ['tm-north']],
      );
      assert.deepEqual((await staff.get('tm-north'))!.controlsResourcesOf, ['north']);
    });
  });

  it('keeps an AAD object id the bot linked when the file has none', async () => {
    await runImport(store, fixture(), { sourceName: 'a.json', now: NOW });
    await staff.linkAadObjectId('sw-1', 'oid-linked');
    const doc = fixture();
    doc.staff[4].aadObjectId = null;
    const r = await runImport(store, doc, { sourceName: 'b.json', now: NOW });
    assert.deepEqual(r.staff, { inserted: 0, updated: 0, unchanged: 6 });
    assert.equal((await staff.get('sw-1'))!.aadObjectId, 'oid-linked');
  });

  it('accepts references to staff that are only in the store', async () => {
    await runImport(store, fixture(), { sourceName: 'a.json', now: NOW });
    const r = await runImport(
      store,
      {
        formatVersion: 1,
        children: [
          {
            ref: 'C1006',
            track: 'cla',
            iroId: 'iro-2',
            socialWorkerId: 'sw-1',
            events: [{ type: 'became-looked-after', date: '2016-06-01' }],
          },
        ],
      },
      { sourceName: 'b.json', now: NOW },
    );
    assert.deepEqual(r.children, { inserted: 1, updated: 0, unchanged: 0 });
    assert.deepEqual(r.staff, { inserted: 0, updated: 0, unchanged: 0 });
  });

  it('rejects schema errors before touching the store', async () => {
    const doc = fixture();
    doc.children[0].colour = 'blue';
    assert.deepEqual(await rejected(store, doc), ['children[0].colour: unknown field']);
    assert.deepEqual(await counts(), { staff: 0, children: 0, audit: 0 });
  });
});
