import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { runImport, formatImportSummary } from '../app/import/run-import.js';
import type { ImportProblem } from '../app/import/import-schema.js';
import { LIMITS } from '../app/import/import-limits.js';
import { nextReviewFields } from '../app/next-review-fields.js';
import { loadConfig } from '../config.js';
import { createCalendar } from '../domain/calendar.js';
import { getPolicy } from '../domain/policies.js';
import { isAppError } from '../domain/errors.js';
import { isUndoable } from '../store/doc-collection.js';
import { openStore } from '../store/open-store.js';
import { ensureIndexes } from '../store/repositories/indexes.js';

// `npm run import -- FILE.json`: validate and load one case-management export. Prints a summary,
// or every problem with its JSON path (one per line) and exits 1 having written nothing.

export async function main(argv: readonly string[]): Promise<number> {
  const file = argv[0];
  if (!file || argv.length > 1) {
    process.stderr.write('usage: npm run import -- FILE.json\n');
    return 2;
  }
  let doc: unknown;
  try {
    // Checked before reading: a huge file (or a device that never ends) must not exhaust memory first.
    const info = await stat(file);
    if (!info.isFile()) {
      process.stderr.write(`${file}: nothing was imported\n(document): not a regular file\n`);
      return 1;
    }
    if (info.size > LIMITS.maxDocumentBytes) {
      process.stderr.write(
        `${file}: nothing was imported\n(document): the file is ${info.size} bytes; the limit is ${LIMITS.maxDocumentBytes} bytes\n`,
      );
      return 1;
    }
    // Strict UTF-8 (a bad byte would otherwise become U+FFFD in a child's name); a leading byte-order
    // mark, as spreadsheet exports often write, is dropped by the decoder.
    doc = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(await readFile(file)));
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT'
        ? 'file not found'
        : code === 'ERR_ENCODING_INVALID_ENCODED_DATA'
          ? 'not UTF-8 text (export the file as UTF-8)'
          : `not valid JSON (${(err as Error).message})`;
    process.stderr.write(`${file}: ${why}\n`);
    return 1;
  }

  const cfg = loadConfig();
  const store = await openStore({ mongodbUri: cfg.mongodbUri, mongodbDb: cfg.mongodbDb, dataDir: cfg.dataDir });
  try {
    await ensureIndexes(store);
    const inputs = {
      policy: getPolicy(cfg.timescalePolicy),
      calendar: createCalendar({ region: cfg.holidayRegion, closureDays: cfg.closureDays }),
    };
    const result = await runImport(store, doc, {
      sourceName: basename(file),
      now: cfg.fixedNow ?? new Date(),
      derive: (child) => nextReviewFields(child, inputs),
      // Held alone: the embedded store's lock keeps the bot and other imports out, and no jobs run here.
      holdsStoreAlone: true,
    });
    // An import of ours that a crash cut short, undone as this store opened (embedded/undo-point.ts).
    if (isUndoable(store)) result.interrupted.discarded += store.undoneAtOpen().length;
    process.stdout.write(`${formatImportSummary(result)}\n`);
    return 0;
  } catch (err) {
    if (isAppError(err, 'invalid-import')) {
      const problems = (err.details.problems ?? []) as ImportProblem[];
      process.stderr.write(`${err.message}\n`);
      for (const p of problems) process.stderr.write(`${p.path}: ${p.message}\n`);
      return 1;
    }
    if (isAppError(err, 'store-unavailable')) {
      // A full or failing disk: what was written of this import has been cut off again (undo-point.ts).
      const { reason } = await store.health();
      process.stderr.write(`${file}: nothing was imported: ${reason ?? 'the data directory cannot be written'}\n`);
      return 1;
    }
    throw err;
  } finally {
    await store.close(); // releases the embedded store's lock
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (err: unknown) => {
      process.stderr.write(
        `import failed: ${isAppError(err) ? `${err.code}: ${err.message}` : err instanceof Error ? err.message : String(err)}\n`,
      );
      process.exitCode = 1;
    },
  );
}
