import { todayIn } from '../../domain/calendar.js';
import { fastParseImportDocument } from './import-fast-path.js';
import { parseImportDocument, type ImportDocument, type ImportProblem } from './import-schema.js';
import { implausibleDates } from './plausible-dates.js';

// Everything about one import document that can be checked without the store: reserved keys, depth
// and size, the schema with its bounds, and dates against today (Europe/London). Never throws.

export type ImportValidation = { ok: true; value: ImportDocument } | { ok: false; problems: ImportProblem[] };

export function validateImportDocument(doc: unknown, now: Date): ImportValidation {
  // The common file, plainly valid, without the schema's machinery (import-fast-path.ts; issue 12); anything
  // else, and every refusal, from the schema.
  const fast = fastParseImportDocument(doc);
  const parsed = fast ? ({ ok: true, value: fast } as const) : parseImportDocument(doc);
  if (!parsed.ok) return parsed;
  const problems = implausibleDates(parsed.value, todayIn(now));
  return problems.length ? { ok: false, problems } : parsed;
}
