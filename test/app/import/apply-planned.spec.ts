// Merge once (issue 12): the writes computed at planning are handed to the applier, which uses them only
// while each child is still as planned (absent for an insert, the same version for an update) and
// otherwise merges the journalled input again onto the record as stored then.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ObjectId } from 'bson';
import { applyImportJournal, JOURNAL_SECTIONS, type ImportJournalMeta } from '../../../src/app/import/apply-import.js';
import type { ChildUpdate } from '../../../src/app/import/merge-import.js';
import type { Store } from '../../../src/store/doc-collection.js';
import type { ChildDoc } from '../../../src/store/documents.js';
import { openEmbeddedStore } from '../../../src/store/embedded/embedded-store.js';
import { ImportJournal, type JournalHead } from '../../../src/store/import-journal.js';
import { ChildrenRepository } from '../../../src/store/repositories/children-repository.js';

const NOW = new Date('2016-07-01T09:00:00Z');
const fixture = (): any => JSON.parse(readFileSync('test/fixtures/import/small-valid.json', 'utf8'));

async function journalOf(store: Store, staff: unknown[], children: unknown[]): Promise<JournalHead<ImportJournalMeta>> {
  const zero = { inserted: 0, updated: 0, unchanged: 0 };
  const meta: ImportJournalMeta = {
    sourceName: 't.json',
    now: NOW,
    actor: { id: 'import', kind: 'cli' },
    auditId: new ObjectId(),
    staff: zero,
    children: zero,
    conflicts: 0,
    conflictRefs: [],
  };
  const journal = new ImportJournal(store);
  const writer = await journal.begin(meta);
  await writer.write(JOURNAL_SECTIONS.staff, staff);
  await writer.write(JOURNAL_SECTIONS.children, children);
  await writer.commit();
  const [head] = (await journal.unfinished()).filter((h) => h._id === writer.id);
  return head as JournalHead<ImportJournalMeta>;
}

describe('import apply: the planned writes are used while the child is as planned', function () {
  this.timeout(30_000);
  let dir: string;
  let store: Store | undefined;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'iro-apply-planned-'));
    store = await openEmbeddedStore(dir);
  });
  afterEach(async () => {
    await store?.close();
    store = undefined;
    await rm(dir, { recursive: true, force: true });
  });

  it('an absent child is inserted as planned, without merging it again', async () => {
    const doc = fixture();
    const child = doc.children[0];
    const head = await journalOf(store!, doc.staff, [child]);
    // A planned document the merge would never produce: only the planned path can store it.
    const planned = {
      _id: child.ref,
      ref: child.ref,
      givenName: 'Planned',
      events: [],
      reviews: [],
      bookings: [],
      version: 1,
      history: [],
    } as unknown as ChildDoc;
    await applyImportJournal(store!, new ImportJournal(store!), head, {
      inserts: new Map([[child.ref, planned]]),
      updates: new Map(),
    });
    const stored = await new ChildrenRepository(store!).get(child.ref);
    assert.equal(stored?.givenName, 'Planned');
  });

  it('a planned update for the version stored is used; for an older version the input is merged again', async () => {
    const doc = fixture();
    const [a, b] = doc.children;
    await applyImportJournal(store!, new ImportJournal(store!), await journalOf(store!, doc.staff, [a, b]));
    const repo = new ChildrenRepository(store!);
    const [va, vb] = [(await repo.get(a.ref))!.version, (await repo.get(b.ref))!.version];
    const update = (ref: string, version: number, familyName: string): ChildUpdate => ({
      ref,
      expectedVersion: version,
      set: { familyName },
      history: { at: NOW, by: { id: 'import' }, action: 'import' },
    });
    const head = await journalOf(
      store!,
      [],
      [
        { ...a, familyName: 'FromFile' },
        { ...b, familyName: 'FromFile' },
      ],
    );
    await applyImportJournal(store!, new ImportJournal(store!), head, {
      inserts: new Map(),
      updates: new Map([
        [a.ref, update(a.ref, va, 'AsPlanned')],
        [b.ref, update(b.ref, vb - 1, 'Stale')], // planned against an older version: not used
      ]),
    });
    assert.equal((await repo.get(a.ref))?.familyName, 'AsPlanned');
    assert.equal((await repo.get(b.ref))?.familyName, 'FromFile');
  });
});
