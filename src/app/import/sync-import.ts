import type { DeriveChildFields } from './apply-import.js';
import { createHash } from 'node:crypto';
import { isAppError } from '../../domain/errors.js';
import { isDuplicateKeyError } from '../../store/open-store.js';
import type { Logger } from '../../logger.js';
import type { Store } from '../../store/doc-collection.js';
import { AuditLog } from '../../store/repositories/audit-log.js';
import {
  SYNC_COLLECTIONS,
  type ConflictSection,
  type ImportConflictDoc,
  type ImportRunDoc,
  type SyncChannel,
} from '../../store/sync-documents.js';
import { csvToImportDocument, withCsvLines, type CsvImportInput, type CsvLine } from './csv-mapping.js';
import type { ImportProblem } from './import-schema.js';
import type { Counts } from './merge-import.js';
import { runImport } from './run-import.js';

// Use case: one file from the case system, without a person (issue 14, "Scheduled sync"): the HTTP
// endpoint and the watched folder both call `syncImport`. Both forms (JSON, CSV + mapping) become one
// import document and take the CLI's path (validation, limits, the crash-safe journal: all or nothing).
// Idempotent by content: the SHA-256 of that document is recorded once the import is applied; the
// same content again changes nothing and says so. A run recorded as started but never finished (a
// crash) is run again: the journal has made it none-or-all, and the import is idempotent.

export type SyncPayload = { form: 'json'; doc: unknown } | ({ form: 'csv' } & CsvImportInput);

export interface SyncRequest {
  payload: SyncPayload;
  /** File name or 'http', for the audit trail and the report (never personal data). */
  source: string;
  via: SyncChannel;
  now: Date;
}

export type SyncOutcome =
  | {
      outcome: 'imported';
      runId: string;
      staff: Counts;
      children: Counts;
      /** Open conflicts, for an admin to settle. */
      conflicts: ImportConflictDoc[];
      /** Conflicts an admin settled before by keeping Teams' record, met again unchanged (not asked again). */
      keptBefore: number;
      recovered: boolean;
    }
  | { outcome: 'already-imported'; runId: string; appliedAt: Date | null }
  | { outcome: 'refused'; problems: ImportProblem[] };

export interface SyncDeps {
  store: Store;
  logger?: Logger;
  /** Tells the admins (jobs/import-report.ts); a failure here never undoes the import. */
  report?: (run: SyncReport) => Promise<void>;
  /** The derived fields each imported child is written with (the stored next review, issue 12). */
  derive?: DeriveChildFields;
  /** Test seams (a crash): once the import's journal is committed, before it is applied; once it is applied, before the run is recorded. */
  afterCommit?: () => void;
  afterApply?: () => void;
}

export type SyncReport = SyncOutcome & { source: string; via: SyncChannel; at: Date };

/**
 * `syncImport` one request at a time (the endpoint and the folder may deliver at once; two imports of
 * the same content must not both run): the runner the composition root hands to both.
 */
export function createSyncRunner(
  deps: SyncDeps,
  now: () => Date,
): (payload: SyncPayload, source: string, via: SyncChannel) => Promise<SyncOutcome> {
  let queue: Promise<unknown> = Promise.resolve();
  return (payload, source, via) => {
    const run = () => syncImport(deps, { payload, source, via, now: now() });
    const next = queue.then(run, run);
    queue = next.catch(() => undefined);
    return next;
  };
}

/** Imports one file; never throws for a bad file (a refusal is an outcome, with `path: rule` problems). */
export async function syncImport(deps: SyncDeps, req: SyncRequest): Promise<SyncOutcome> {
  const result = await syncOnce(deps, req);
  await new AuditLog(deps.store).record({
    at: req.now,
    actor: { id: `sync:${req.via}`, kind: 'system' },
    action: `sync.${result.outcome}`,
    subject: result.outcome === 'refused' ? 'import' : result.runId,
    details: {
      source: req.source.slice(0, 200),
      via: req.via,
      form: req.payload.form,
      ...(result.outcome === 'refused' ? { problems: result.problems.length } : {}),
      ...(result.outcome === 'imported'
        ? {
            staff: result.staff,
            children: result.children,
            conflicts: result.conflicts.length,
            recovered: result.recovered,
          }
        : {}),
    },
  });
  deps.logger?.info(
    { via: req.via, outcome: result.outcome, runId: 'runId' in result ? result.runId : null },
    'sync run',
  );
  if (deps.report) {
    await deps.report({ ...result, source: req.source, via: req.via, at: req.now }).catch((err: unknown) => {
      deps.logger?.error(
        { code: isAppError(err) ? err.code : (err as { code?: unknown })?.code },
        'sync report could not be queued',
      );
    });
  }
  return result;
}

async function syncOnce(deps: SyncDeps, req: SyncRequest): Promise<SyncOutcome> {
  const built = toImportDocument(req.payload);
  if (!built.ok) return { outcome: 'refused', problems: built.problems };
  const runId = contentHash(built.doc);
  const runs = deps.store.collection<ImportRunDoc>(SYNC_COLLECTIONS.runs);
  const earlier = await runs.findOne({ _id: runId });
  if (earlier?.status === 'applied') return { outcome: 'already-imported', runId, appliedAt: earlier.appliedAt };
  if (!earlier) {
    const source = req.source.slice(0, 200);
    await runs
      .insertOne({
        _id: runId,
        status: 'started',
        source,
        via: req.via,
        startedAt: req.now,
        appliedAt: null,
        counts: null,
        conflicts: 0,
      })
      .catch(ignoreDuplicate);
  }

  let imported;
  try {
    imported = await runImport(deps.store, built.doc, {
      sourceName: req.source.slice(0, 200),
      now: req.now,
      actor: { id: `sync:${req.via}`, kind: 'system' },
      logger: deps.logger,
      afterCommit: deps.afterCommit,
      derive: deps.derive,
    });
  } catch (err) {
    if (!isAppError(err, 'invalid-import')) throw err;
    await runs.deleteOne({ _id: runId, status: 'started' });
    const problems = (err.details.problems ?? []) as ImportProblem[];
    return { outcome: 'refused', problems: built.lineOf ? withCsvLines(problems, built.lineOf) : problems };
  }
  deps.afterApply?.();

  const conflicts = imported.conflicts.map((c, n): ImportConflictDoc => {
    const at = locate(built.doc, c.path);
    return {
      _id: `${runId.slice(0, 16)}:${n}`,
      runId,
      ref: c.ref,
      section: at.section,
      key: at.key,
      path: c.path,
      message: c.message,
      say: c.say,
      incoming: at.incoming,
      status: 'open',
      recordedAt: req.now,
      settledAt: null,
      settledBy: null,
    };
  });
  // A disagreement an admin already settled by keeping Teams' record, with the same record from the case
  // system again, is not asked about again every night.
  const conflictCol = deps.store.collection<ImportConflictDoc>(SYNC_COLLECTIONS.conflicts);
  const open: ImportConflictDoc[] = [];
  let keptBefore = 0;
  for (const c of conflicts) {
    const kept = await conflictCol.find({ ref: c.ref, section: c.section, key: c.key, status: 'kept-teams' }).toArray();
    if (kept.some((k) => JSON.stringify(k.incoming) === JSON.stringify(c.incoming))) {
      keptBefore++;
      continue;
    }
    await conflictCol.insertOne(c).catch(ignoreDuplicate);
    open.push(c);
  }
  const counts = { staff: imported.staff, children: imported.children };
  await runs.updateOne(
    { _id: runId },
    { $set: { status: 'applied', appliedAt: req.now, counts, conflicts: open.length } },
  );
  return {
    outcome: 'imported',
    runId,
    ...counts,
    conflicts: open,
    keptBefore,
    recovered: earlier?.status === 'started',
  };
}

type Built =
  | { ok: true; doc: unknown; lineOf?: (section: 'children' | 'staff', index: number) => CsvLine }
  | { ok: false; problems: ImportProblem[] };

function toImportDocument(payload: SyncPayload): Built {
  if (payload.form === 'json') return { ok: true, doc: payload.doc };
  const r = csvToImportDocument(payload);
  return r.ok ? { ok: true, doc: r.doc, lineOf: r.lineOf } : r;
}

/** SHA-256 of the document as JSON: the same content is the same run however it arrived (whitespace aside). */
export function contentHash(doc: unknown): string {
  return createHash('sha256').update(JSON.stringify(doc)).digest('hex');
}

/** `children[2].reviews[0]` → the file's record there, its section and key. The file was valid, so the path exists. */
function locate(
  doc: unknown,
  path: string,
): { section: ConflictSection; key: string; incoming: Record<string, unknown> } {
  const m = /^children\[(\d+)\]\.(events|reviews|bookings)\[(\d+)\]$/.exec(path);
  if (!m) throw new Error(`unexpected conflict path ${path}`); // merge-import.ts reports only these
  const child = (doc as { children: Record<string, unknown>[] }).children[Number(m[1])]!;
  const section = m[2] as ConflictSection;
  const incoming = (child[section] as Record<string, unknown>[])[Number(m[3])]!;
  const key = section === 'events' ? `${String(incoming.type)}@${String(incoming.date)}` : String(incoming.id);
  return { section, key, incoming: { ...incoming } };
}

function ignoreDuplicate(err: unknown): void {
  if (!isDuplicateKeyError(err)) throw err;
}
