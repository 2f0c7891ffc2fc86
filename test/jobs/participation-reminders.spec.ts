import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runImport } from '../../src/app/import/run-import.js';
import { queueParticipationReminders } from '../../src/jobs/participation-reminders.js';
import type { Store } from '../../src/store/doc-collection.js';
import { openEmbeddedStore } from '../../src/store/embedded/embedded-store.js';
import { ChildrenRepository } from '../../src/store/repositories/children-repository.js';
import { OutboxRepository } from '../../src/store/repositories/outbox-repository.js';
import { StaffRepository } from '../../src/store/repositories/staff-repository.js';
import { renderPending } from '../../src/teams/presenters/pending-messages.js';
import type { ConversationDoc } from '../../src/store/delivery-documents.js';
import type { ChildDoc, StaffDoc } from '../../src/store/documents.js';

// PC3: an open participation checklist is reminded to the review's chair (the child's IRO, or the IRO covering
// the booked day) from 7 days before the booked review
// until the day before, once per booking and date; a complete one is not. C600 (Alex, who reads Welsh) is
// booked for Wed 9 Dec 2026 10:00; C601 (Rhian) for Thu 10 Dec with every item settled.
const settled = (by: string) =>
  Object.fromEntries(
    [
      'child-consulted',
      'child-consultation-document',
      'carer-consultation-document',
      'parent-consultation-document',
      'advocacy-offered',
      'language-communication',
      'preferred-venue',
    ].map((i) => [i, { status: 'done', by, on: '2026-11-20' }]),
  );
const IMPORT = {
  formatVersion: 1,
  staff: [
    { id: 'iro-1', name: 'Alex Wilber', roles: ['iro'], team: 'reviewing' },
    { id: 'iro-2', name: 'Rhian Pritchard', roles: ['iro'], team: 'reviewing' },
  ],
  children: [
    {
      ref: 'C600',
      givenName: 'Seren',
      familyName: 'Jones',
      track: 'cla',
      iroId: 'iro-1',
      events: [{ type: 'became-looked-after', date: '2026-11-16' }],
      bookings: [{ id: 'C600-B1', start: '2026-12-09T10:00:00+00:00', venue: 'Placement' }],
    },
    {
      ref: 'C601',
      givenName: 'Mali',
      familyName: 'Harris',
      track: 'cla',
      iroId: 'iro-2',
      events: [{ type: 'became-looked-after', date: '2026-11-16' }],
      bookings: [{ id: 'C601-B1', start: '2026-12-10T10:00:00+00:00', venue: 'School' }],
    },
  ],
};

describe('PC3: participation checklist reminders (jobs/participation-reminders.ts)', function () {
  this.timeout(30000);
  let dir: string;
  let store: Store;
  let deps: { staff: StaffRepository; children: ChildrenRepository; tzName: string };
  let outbox: OutboxRepository;

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'iro-participation-'));
    store = await openEmbeddedStore(dir);
    await runImport(store, IMPORT, { sourceName: 'test', now: new Date('2026-11-20T10:00:00Z') });
    deps = { staff: new StaffRepository(store), children: new ChildrenRepository(store), tzName: 'Europe/London' };
    outbox = new OutboxRepository(store);
    await outbox.ensureIndexes();
    // Bookings made from Teams carry the checklist; C601's is complete, Alex reads Welsh.
    const c601 = (await deps.children.get('C601'))!;
    await store
      .collection<ChildDoc>('children')
      .updateOne(
        { _id: 'C601' },
        { $set: { bookings: c601.bookings.map((b) => ({ ...b, participation: settled('iro-2') })) } },
      );
    await store.collection<StaffDoc>('staff').updateOne({ _id: 'iro-1' }, { $set: { language: 'cy' } });
  });
  after(async () => {
    await store.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('nothing 8 days before; on day 7 before, one reminder for the open checklist only; not again the next day', async () => {
    const children = () => deps.children.listAll();
    assert.deepEqual(await queueParticipationReminders(deps, outbox, await children(), '2026-12-01'), []);
    const queued = await queueParticipationReminders(deps, outbox, await children(), '2026-12-02');
    assert.deepEqual(queued, ['participation:C600:C600-B1:2026-12-09']);
    assert.deepEqual(await queueParticipationReminders(deps, outbox, await children(), '2026-12-03'), []);
    const pending = (await deps.children.get('C600'))!.pending!;
    assert.equal(pending.length, 1);
    assert.deepEqual(pending[0]!.to, { kind: 'personal', staffId: 'iro-1' });
    assert.deepEqual(pending[0]!.message.data, { bookingId: 'C600-B1', date: '2026-12-09', open: 7 });
    const activity = renderPending(pending[0]!.message, {
      conversation: { kind: 'personal' } as ConversationDoc,
      child: (await deps.children.get('C600'))!,
      showNames: true,
      staffNames: new Map(),
      today: '2026-12-02',
      tzName: 'Europe/London',
      language: 'cy',
    });
    const text = JSON.stringify(activity);
    assert.match(text, /Rhestr wirio cyfranogiad ar agor · C600 · Seren Jones/);
    assert.match(text, /Mer 9 Rhag 2026/);
    assert.match(text, /\/cyfranogiad C600/, 'the Welsh command name');
  });

  it('a moved review is a new reminder; the day of the review and after, none', async () => {
    await store
      .collection<ChildDoc>('children')
      .updateOne({ _id: 'C600' }, { $set: { pending: [], 'bookings.0.start': '2026-12-11T10:00:00+00:00' } });
    const children = await deps.children.listAll();
    assert.deepEqual(await queueParticipationReminders(deps, outbox, children, '2026-12-04'), [
      'participation:C600:C600-B1:2026-12-11',
    ]);
    await store.collection<ChildDoc>('children').updateOne({ _id: 'C600' }, { $set: { pending: [] } });
    const later = await deps.children.listAll();
    assert.deepEqual(await queueParticipationReminders(deps, outbox, later, '2026-12-11'), []);
  });

  it('a booked day under cover: the reminder goes to the covering IRO, who chairs that review (CV1)', async () => {
    const cover = { iroId: 'iro-2', forIroId: 'iro-1', from: '2026-12-10', to: '2026-12-18' };
    await store
      .collection<ChildDoc>('children')
      .updateOne({ _id: 'C600' }, { $set: { pending: [], cover, 'bookings.0.start': '2026-12-14T10:00:00+00:00' } });
    const children = await deps.children.listAll();
    assert.deepEqual(await queueParticipationReminders(deps, outbox, children, '2026-12-07'), [
      'participation:C600:C600-B1:2026-12-14',
    ]);
    assert.deepEqual((await deps.children.get('C600'))!.pending![0]!.to, { kind: 'personal', staffId: 'iro-2' });
  });
});
