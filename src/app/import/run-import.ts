import { ObjectId } from 'bson';
import { AppError } from '../../domain/errors.js';
import { validateHistory as realValidateHistory } from '../../domain/timescales.js';
import type { ChildHistory } from '../../domain/types.js';
import { isUndoable, type Store } from '../../store/doc-collection.js';
import type { AuditDoc } from '../../store/documents.js';
import { ImportJournal, listChildRefs, type JournalHead } from '../../store/import-journal.js';
import { ChildrenRepository } from '../../store/repositories/children-repository.js';
import { StaffRepository } from '../../store/repositories/staff-repository.js';
import type { Logger } from '../../logger.js';
import {
  applyChangeSet,
  applyImportJournal,
  completeInterruptedImports,
  JOURNAL_SECTIONS,
  type DeriveChildFields,
  type ImportJournalMeta,
} from './apply-import.js';
import type { ImportProblem } from './import-schema.js';
import { planImport, type Counts, type ImportConflict } from './merge-import.js';
import { validateImportDocument } from './validate-import.js';

// Use case: load one import document (CLI, demo loader, folder sync). All or nothing, even across a crash:
// the file is validated, cross-checked and every write computed; then the change set is journalled and
// committed with a single write before it is applied, or, by a process holding the embedded store alone,
// applied as one undoable change (docs/DESIGN.md "Import format").

export interface ImportResult {
  sourceName: string;
  staff: Counts;
  children: Counts;
  /** Bot-recorded data the file disagreed with; the bot's record was kept. */
  conflicts: ImportConflict[];
  /** Earlier imports a crash had interrupted, finished (committed) or discarded (not committed) first. */
  interrupted: { completed: number; discarded: number };
}

export interface ImportOptions {
  /** File name or other label, recorded in the audit entry. */
  sourceName: string;
  now: Date;
  actor?: AuditDoc['actor'];
  /** Defaults to the timescale engine's check; injectable for tests. */
  validateHistory?: (child: ChildHistory) => void;
  logger?: Logger;
  /** The stored next review of each child written (next-review-fields.ts); marked not computed when absent. */
  derive?: DeriveChildFields;
  /** Test seam: called once the journal is committed, before it is applied. */
  afterCommit?: () => void;
  /**
   * This process holds the store alone and nothing else writes to it (the CLI: the embedded store's lock, no
   * jobs). On a store that can undo (the embedded one), the change set is then applied as one undoable change
   * rather than journalled first: the journal encoded and wrote all of it a second time (~1 s at 100k children).
   */
  holdsStoreAlone?: boolean;
}

/**
 * Throws AppError('invalid-import', ..., { problems: ImportProblem[] }) and writes nothing when the file is bad.
 * Crash-atomic: the change set is journalled and committed with one write before it is applied (see
 * apply-import.ts), or undone as a whole if it does not complete (`holdsStoreAlone`); an import a crash
 * interrupted is finished or discarded first.
 */
export async function runImport(store: Store, doc: unknown, opts: ImportOptions): Promise<ImportResult> {
  const interrupted = await completeInterruptedImports(store, opts.logger, opts.derive);
  const validated = validateImportDocument(doc, opts.now);
  if (!validated.ok) throw invalid(opts.sourceName, validated.problems);
  const value = validated.value;

  const staffRepo = new StaffRepository(store);
  const childrenRepo = new ChildrenRepository(store);
  const refs = (value.children ?? []).map((c) => c.ref);
  const [existingStaff, existingChildren, storedRefs] = await Promise.all([
    staffRepo.list(),
    childrenRepo.getMany(refs),
    listChildRefs(store),
  ]);

  const plan = planImport({
    doc: value,
    existingStaff,
    existingChildren,
    storedRefs,
    now: opts.now,
    validateHistory: opts.validateHistory ?? realValidateHistory,
  });
  if (plan.problems.length) throw invalid(opts.sourceName, plan.problems);

  // Journal only what changes (a re-import of an unchanged file writes nothing but its audit entry).
  // Staff first so children never point at a missing person.
  const staffIds = new Set(plan.staffWrites.map((s) => s._id));
  const childRefs = new Set([...plan.childInserts.map((c) => c._id), ...plan.childUpdates.map((u) => u.ref)]);
  const meta: ImportJournalMeta = {
    sourceName: opts.sourceName,
    now: opts.now,
    actor: opts.actor ?? { id: 'import', kind: 'cli' },
    auditId: new ObjectId(),
    staff: plan.counts.staff,
    children: plan.counts.children,
    conflicts: plan.conflicts.length,
    conflictRefs: [...new Set(plan.conflicts.map((c) => c.ref))],
  };
  const planned = {
    inserts: new Map(plan.childInserts.map((d) => [d._id, d])),
    updates: new Map(plan.childUpdates.map((u) => [u.ref, u])),
    changeSet: [
      { section: JOURNAL_SECTIONS.staff, items: (value.staff ?? []).filter((s) => staffIds.has(s.id)) },
      { section: JOURNAL_SECTIONS.children, items: (value.children ?? []).filter((c) => childRefs.has(c.ref)) },
    ],
  };
  if (opts.holdsStoreAlone && isUndoable(store)) {
    await store.undoable('import', () => applyChangeSet(store, meta, planned, opts.derive));
  } else {
    await journalAndApply(store, meta, planned, opts);
  }

  return {
    sourceName: opts.sourceName,
    staff: plan.counts.staff,
    children: plan.counts.children,
    conflicts: plan.conflicts,
    interrupted,
  };
}

/** The change set journalled and committed with one write, then applied (apply-import.ts). */
async function journalAndApply(
  store: Store,
  meta: ImportJournalMeta,
  planned: Parameters<typeof applyChangeSet>[2],
  opts: ImportOptions,
): Promise<void> {
  const journal = new ImportJournal(store);
  const writer = await journal.begin(meta);
  for (const { section, items } of planned.changeSet) await writer.write(section, items);
  await writer.commit();
  opts.afterCommit?.();
  const [head] = (await journal.unfinished()).filter((h) => h._id === writer.id);
  // Absent only if another process finished it meanwhile (MongoDB): then it is applied already.
  if (head) await applyImportJournal(store, journal, head as JournalHead<ImportJournalMeta>, planned, opts.derive);
}

function invalid(sourceName: string, problems: ImportProblem[]): AppError {
  return new AppError('invalid-import', `${sourceName}: ${problems.length} problem(s) — nothing was imported`, {
    problems,
  });
}

export function formatImportSummary(r: ImportResult): string {
  const line = (what: string, c: Counts) =>
    `${what}: ${c.inserted} inserted, ${c.updated} updated, ${c.unchanged} unchanged`;
  const lines = [
    `Imported ${r.sourceName}`,
    line('staff', r.staff),
    line('children', r.children),
    `conflicts: ${r.conflicts.length}`,
  ];
  for (const c of r.conflicts) lines.push(`  ${c.path} (${c.ref}): ${c.message}`);
  if (r.interrupted.completed)
    lines.push(`completed first: ${r.interrupted.completed} earlier import(s) interrupted after commit`);
  if (r.interrupted.discarded)
    lines.push(
      `discarded first: ${r.interrupted.discarded} earlier import(s) interrupted before commit (nothing of them was applied)`,
    );
  return lines.join('\n');
}
