import type { UpdateFilter } from 'mongodb';
import { AppError } from '../../domain/errors.js';
import { validateHistory as realValidateHistory } from '../../domain/timescales.js';
import type { ChildHistory } from '../../domain/types.js';
import type { Store } from '../../store/doc-collection.js';
import type { AuditDoc, ChildDoc } from '../../store/documents.js';
import { AuditLog } from '../../store/repositories/audit-log.js';
import { ChildrenRepository } from '../../store/repositories/children-repository.js';
import { StaffRepository } from '../../store/repositories/staff-repository.js';
import { parseImportDocument, type ImportProblem } from './import-schema.js';
import { planImport, type Counts, type ImportConflict } from './merge-import.js';

// Use case: load one import document (CLI, demo loader, later an HTTP endpoint). All or nothing:
// the file is parsed, cross-checked and every write computed before the first write is made.

export interface ImportResult {
  sourceName: string;
  staff: Counts;
  children: Counts;
  /** Bot-recorded data the file disagreed with; the bot's record was kept. */
  conflicts: ImportConflict[];
}

export interface ImportOptions {
  /** File name or other label, recorded in the audit entry. */
  sourceName: string;
  now: Date;
  actor?: AuditDoc['actor'];
  /** Defaults to the timescale engine's check; injectable for tests. */
  validateHistory?: (child: ChildHistory) => void;
}

/** Throws AppError('invalid-import', ..., { problems: ImportProblem[] }) and writes nothing when the file is bad. */
export async function runImport(store: Store, doc: unknown, opts: ImportOptions): Promise<ImportResult> {
  const parsed = parseImportDocument(doc);
  if (!parsed.ok) throw invalid(opts.sourceName, parsed.problems);

  const staffRepo = new StaffRepository(store);
  const childrenRepo = new ChildrenRepository(store);
  const refs = (parsed.value.children ?? []).map((c) => c.ref);
  const [existingStaff, existingChildren] = await Promise.all([staffRepo.list(), childrenRepo.getMany(refs)]);

  const plan = planImport({
    doc: parsed.value,
    existingStaff,
    existingChildren,
    now: opts.now,
    validateHistory: opts.validateHistory ?? realValidateHistory,
  });
  if (plan.problems.length) throw invalid(opts.sourceName, plan.problems);

  // Apply. Staff first so children never point at a missing person. A concurrent bot change to a
  // child between planning and here fails that child's versioned update (AppError 'conflict').
  for (const s of plan.staffWrites) await staffRepo.upsert(s);
  for (const c of plan.childInserts) await childrenRepo.insert(c);
  for (const u of plan.childUpdates) {
    await childrenRepo.updateVersioned(u.ref, u.expectedVersion, { $set: u.set } as UpdateFilter<ChildDoc>, u.history);
  }

  const result: ImportResult = {
    sourceName: opts.sourceName,
    staff: plan.counts.staff,
    children: plan.counts.children,
    conflicts: plan.conflicts,
  };
  await new AuditLog(store).record({
    at: opts.now,
    actor: opts.actor ?? { id: 'import', kind: 'cli' },
    action: 'import',
    details: {
      sourceName: opts.sourceName,
      staff: result.staff,
      children: result.children,
      conflicts: result.conflicts.length,
      // Paths and refs only: no names or dates of birth in the audit trail's summary.
      conflictRefs: [...new Set(result.conflicts.map((c) => c.ref))],
    },
  });
  return result;
}

function invalid(sourceName: string, problems: ImportProblem[]): AppError {
  return new AppError('invalid-import', `${sourceName}: ${problems.length} problem(s) — nothing was imported`, { problems });
}

export function formatImportSummary(r: ImportResult): string {
  const line = (what: string, c: Counts) => `${what}: ${c.inserted} inserted, ${c.updated} updated, ${c.unchanged} unchanged`;
  const lines = [`Imported ${r.sourceName}`, line('staff', r.staff), line('children', r.children), `conflicts: ${r.conflicts.length}`];
  for (const c of r.conflicts) lines.push(`  ${c.path} (${c.ref}): ${c.message}`);
  return lines.join('\n');
}
