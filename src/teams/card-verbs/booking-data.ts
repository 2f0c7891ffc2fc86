// Card data of the booking verbs: untrusted (a forged invoke can send anything), so every field is
// checked here and a bad one is refused with a specific message.
import { commaListInput } from '../../domain/comma-list.js';
import { z } from 'zod';
import { AppError } from '../../domain/errors.js';
import { CASE_REF_PATTERN } from '../../domain/case-ref.js';

const text = (max: number) => z.preprocess((v) => (typeof v === 'string' ? v.trim() : v), z.string().max(max));
const optionalText = (max: number) =>
  text(max)
    .optional()
    .transform((v) => (v ? v : null));

export const ref = text(40).pipe(z.string().regex(CASE_REF_PATTERN, 'reference'));
export const id = text(80).pipe(z.string().min(1, 'missing'));
export const isoDate = text(10).pipe(z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'date'));
export const hhmm = text(8)
  .transform((v) => v.slice(0, 5))
  .pipe(z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'time'));
export const optText = optionalText(500);
export const optDate = optionalText(10);
export const optTime = optionalText(8).transform((v) => (v ? v.slice(0, 5) : null));
/** Input.ChoiceSet isMultiSelect sends "a,b,c". */
export const csv = z.preprocess(commaListInput, z.array(z.string().max(80)).max(20));
/** Input.Toggle sends "true" / "false". */
export const toggle = z.preprocess((v) => v === true || v === 'true', z.boolean());

/** The problems a field's check names (its zod message); any other check is "not valid". */
const PROBLEMS = new Set(['reference', 'missing', 'date', 'time']);

/** Checks a card's data; the first bad field is refused by its name and problem, in the reader's language. */
export function parseData<S extends z.ZodTypeAny>(
  schema: S,
  data: Record<string, unknown>,
  example: string,
): z.infer<S> {
  const parsed = schema.safeParse(data);
  if (parsed.success) return parsed.data as z.infer<S>;
  const issue = parsed.error.issues[0]!;
  const field = String(issue.path[0] ?? '');
  const missing = issue.code === z.ZodIssueCode.invalid_type && issue.received === 'undefined';
  const problem = PROBLEMS.has(issue.message) ? issue.message : 'invalid';
  throw new AppError(
    'invalid-input',
    `${field}: ${missing ? 'missing' : problem} — nothing was changed`,
    { example },
    missing
      ? { key: 'errors.field.booking-missing', params: { field } }
      : { key: 'errors.field.booking-invalid', params: { field, problem } },
  );
}
