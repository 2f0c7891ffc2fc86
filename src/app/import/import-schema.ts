import { z } from 'zod/v4';
import { BRING_FORWARD_REASONS, EVENT_TYPES, LATE_REASONS, LEGAL_STATUSES, ROLES, TRACKS } from '../../domain/types.js';
import {
  LIMITS,
  MAX_ID_LENGTH,
  MAX_REF_LENGTH,
  REF_PATTERN,
  formatPath,
  isReservedWord,
  scanRawDocument,
} from './import-limits.js';
import { say, zodSay, type ProblemSay } from './problem-words.js';

// The import contract (docs/DESIGN.md "Import format"). Objects are strict: an unknown field is an error
// with its path. Only formatVersion, staff[].id/name/roles and children[].ref/iroId/track/events
// are required; everything else may be missing (left as stored) or, where the example shows null, null.
// Every string and array is bounded (import-limits.ts): the file is untrusted input. zod v4 (shipped
// inside zod 3.25 as 'zod/v4'): five times faster than v3 here, which matters at 100k children.

/** A real calendar date 'YYYY-MM-DD' (rejects 2016-02-30). Arithmetic only, no allocation: a region file has a million dates. */
export function isRealIsoDate(s: string): boolean {
  if (s.length !== 10 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return false;
  const y = digit(s, 0) * 1000 + digit(s, 1) * 100 + digit(s, 2) * 10 + digit(s, 3);
  const m = digit(s, 5) * 10 + digit(s, 6);
  const d = digit(s, 8) * 10 + digit(s, 9);
  if (y < 0 || m < 1 || m > 12 || d < 1) return false;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const days = m === 2 ? (leap ? 29 : 28) : m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
  return d <= days;
}

/** The decimal digit at `i`, or a large negative number that makes any date built from it invalid. */
function digit(s: string, i: number): number {
  const c = s.charCodeAt(i) - 48;
  return c >= 0 && c <= 9 ? c : -100_000;
}

const isoDate = z
  .string()
  .max(10, 'must be a real date YYYY-MM-DD')
  .refine(isRealIsoDate, { message: 'must be a real date YYYY-MM-DD' })
  .refine((s) => !isRealIsoDate(s) || s >= LIMITS.earliestDate, {
    message: `must not be before ${LIMITS.earliestDate}`,
  });

/** No control characters (line breaks, NUL, escape sequences) in names and labels. */
export const PRINTABLE = /^[^\u0000-\u001f\u007f]*$/;

const identifier = (max: number, what: string) =>
  z
    .string()
    .max(max, `must be at most ${max} characters`)
    .regex(REF_PATTERN, `${what}: letters, digits and hyphens only, starting with a letter or digit`)
    .refine((v) => !isReservedWord(v), { message: 'is a reserved word' });
/** Child refs (compared case-insensitively). */
const ref = identifier(MAX_REF_LENGTH, 'a case reference');
/** Staff, review and booking ids. */
const id = identifier(MAX_ID_LENGTH, 'an id');
const boundedText = (max: number) =>
  z
    .string()
    .trim()
    .min(1, 'must not be empty')
    .max(max, `must be at most ${max} characters`)
    .regex(PRINTABLE, 'must not contain control characters (such as line breaks)');
const name = boundedText(LIMITS.maxNameLength);
const team = boundedText(LIMITS.maxTeamLength);
const text = boundedText(LIMITS.maxTextLength);
const email = z
  .string()
  .trim()
  .max(LIMITS.maxEmailLength, `must be at most ${LIMITS.maxEmailLength} characters`)
  .email();
const upn = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(LIMITS.maxEmailLength, `must be at most ${LIMITS.maxEmailLength} characters`)
  .regex(/^[^\s\u0000-\u001f\u007f]+$/, 'must not contain spaces or control characters');
const aadObjectId = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(LIMITS.maxAadObjectIdLength, `must be at most ${LIMITS.maxAadObjectIdLength} characters`)
  .regex(/^[A-Za-z0-9-]+$/, 'must be an Entra object id (letters, digits and hyphens)');
const list = <T extends z.ZodTypeAny>(item: T, max: number) => z.array(item).max(max, `at most ${max} entries`);
/** An ISO instant with an explicit offset (or Z), e.g. 2016-06-20T10:00:00+01:00, and a real date. */
export const importBookingStartSchema = z
  .string()
  .max(40, 'must be an ISO date-time with offset')
  .datetime({ offset: true, message: 'must be an ISO date-time with offset, e.g. 2016-06-20T10:00:00+01:00' })
  .refine((s) => isRealIsoDate(s.slice(0, 10)) && !Number.isNaN(Date.parse(s)), { message: 'must be a real date-time' })
  .refine((s) => !isRealIsoDate(s.slice(0, 10)) || s.slice(0, 10) >= LIMITS.earliestDate, {
    message: `must not be before ${LIMITS.earliestDate}`,
  });

export const importStaffSchema = z
  .object({
    id,
    name,
    roles: list(z.enum(ROLES), ROLES.length).min(1, 'at least one role'),
    email: email.nullable().optional(),
    upn: upn.nullable().optional(),
    aadObjectId: aadObjectId.nullable().optional(),
    team: team.nullable().optional(),
    fte: z.number().positive().max(1.5).nullable().optional(),
    managerId: id.nullable().optional(),
    external: z.boolean().optional(),
    organisation: text.nullable().optional(),
    nominatedSeniorOfficer: z.boolean().optional(),
    controlsResourcesOf: list(team, LIMITS.maxCaseRoleIds).nullable().optional(),
  })
  .strict()
  .superRefine((s, ctx) => {
    // A Guardian is an external person with an organisation (docs/DESIGN.md "Import format").
    if (s.roles.includes('guardian')) {
      if (s.external !== true)
        ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['external'], message: 'a guardian must be external: true' });
      if (!s.organisation)
        ctx.addIssue({
          code: z.ZodIssueCode.custom,
          path: ['organisation'],
          message: 'a guardian needs an organisation',
        });
    }
    if (new Set(s.roles).size !== s.roles.length) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['roles'], message: 'lists a role twice' });
    }
    if (s.managerId && s.managerId === s.id) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['managerId'], message: 'a person cannot manage themselves' });
    }
  });

export const importEventSchema = z
  .object({
    type: z.enum(EVENT_TYPES),
    date: isoDate,
    dueBy: isoDate.optional(),
    reason: z.enum(BRING_FORWARD_REASONS).optional(),
  })
  .strict()
  .superRefine((e, ctx) => {
    if (e.type === 'review-brought-forward') {
      if (!e.dueBy)
        ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['dueBy'], message: 'required for review-brought-forward' });
      if (!e.reason)
        ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['reason'], message: 'required for review-brought-forward' });
    } else {
      if (e.dueBy !== undefined)
        ctx.addIssue({
          code: z.ZodIssueCode.custom,
          path: ['dueBy'],
          message: 'only allowed on review-brought-forward',
        });
      if (e.reason !== undefined)
        ctx.addIssue({
          code: z.ZodIssueCode.custom,
          path: ['reason'],
          message: 'only allowed on review-brought-forward',
        });
    }
  });

export const importReviewSchema = z
  .object({
    id,
    heldOn: isoDate,
    chairId: id.nullable().optional(),
    combinedWithCP: z.boolean().optional(),
    recordDistributedOn: isoDate.nullable().optional(),
    lateReason: z.enum(LATE_REASONS).nullable().optional(),
  })
  .strict()
  .superRefine((r, ctx) => {
    if (r.recordDistributedOn && r.recordDistributedOn < r.heldOn) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['recordDistributedOn'], message: 'is before heldOn' });
    }
  });

export const importBookingSchema = z
  .object({
    id,
    start: importBookingStartSchema,
    venue: text.nullable().optional(),
  })
  .strict();

export const importProceedingsSchema = z
  .object({
    startedOn: isoDate,
    guardianId: id.nullable().optional(),
    guardianAppointedOn: isoDate.nullable().optional(),
    irhDate: isoDate.nullable().optional(),
    finalHearingDate: isoDate.nullable().optional(),
    concludedOn: isoDate.nullable().optional(),
    outcome: z.enum(['remains-looked-after', 'leaves-care']).nullable().optional(),
    discussionIntervalDays: z.number().int().positive().max(366, 'must be at most 366').optional(),
  })
  .strict();

export const importChildSchema = z
  .object({
    ref,
    givenName: name.nullable().optional(),
    familyName: name.nullable().optional(),
    dateOfBirth: isoDate.nullable().optional(),
    legalStatus: z.enum(LEGAL_STATUSES).nullable().optional(),
    track: z.enum(TRACKS),
    iroId: id,
    socialWorkerId: id.nullable().optional(),
    socialWorkTeam: team.nullable().optional(),
    personalAdviserId: id.nullable().optional(),
    visitingRepresentativeId: id.nullable().optional(),
    carePlanAuthorIds: list(id, LIMITS.maxCaseRoleIds).nullable().optional(),
    caseManagerId: id.nullable().optional(),
    resourceControllerIds: list(id, LIMITS.maxCaseRoleIds).nullable().optional(),
    events: list(importEventSchema, LIMITS.maxEventsPerChild),
    reviews: list(importReviewSchema, LIMITS.maxReviewsPerChild).optional(),
    bookings: list(importBookingSchema, LIMITS.maxBookingsPerChild).optional(),
    proceedings: importProceedingsSchema.nullable().optional(),
  })
  .strict();

export const importDocumentSchema = z
  .object({
    formatVersion: z.literal(1),
    staff: list(importStaffSchema, LIMITS.maxStaff).optional(),
    children: list(importChildSchema, LIMITS.maxChildren).optional(),
  })
  .strict();

export type ImportDocument = z.infer<typeof importDocumentSchema>;
export type ImportStaff = z.infer<typeof importStaffSchema>;
export type ImportChild = z.infer<typeof importChildSchema>;
export type ImportEvent = z.infer<typeof importEventSchema>;
export type ImportReview = z.infer<typeof importReviewSchema>;
export type ImportBooking = z.infer<typeof importBookingSchema>;

/** One problem found in an import file, located by a JSON path such as `children[3].iroId`. */
export interface ImportProblem {
  path: string;
  /** English, word for word what the CLI, `POST /api/import` and the folder's .result.json say. */
  message: string;
  /** The same for a reader, in their language (issue 13): `errors.import.*` and its values (problem-words.ts). */
  say: ProblemSay;
  /** The CSV line the problem is on (a CSV import). */
  csv?: { file: string; line: number | null };
}

export { formatPath };

/** Parses an import document; on failure returns every problem with its path (unknown fields one each). */
export function parseImportDocument(
  doc: unknown,
): { ok: true; value: ImportDocument } | { ok: false; problems: ImportProblem[] } {
  // Reserved keys, depth and size first: the schema never walks a hostile shape.
  const raw = scanRawDocument(doc);
  if (raw.length) return { ok: false, problems: raw };
  const parsed = importDocumentSchema.safeParse(doc);
  if (parsed.success) return { ok: true, value: parsed.data };
  const problems: ImportProblem[] = [];
  for (const issue of parsed.error.issues) {
    const path = issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p));
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys)
        problems.push({
          path: formatPath([...path, key]),
          message: 'unknown field',
          say: say('errors.import.unknown-field'),
        });
    } else if (!hasPath(doc, path)) {
      problems.push({ path: formatPath(path), message: 'required', say: say('errors.import.required') });
    } else if (path.length === 1 && path[0] === 'formatVersion') {
      const got = describe((doc as { formatVersion: unknown }).formatVersion);
      problems.push({
        path: 'formatVersion',
        message: `must be 1 (got ${got})`,
        say: say('errors.import.format-version', { got }),
      });
    } else {
      problems.push({ path: formatPath(path), message: issue.message, say: zodSay(issue.message) });
    }
  }
  return { ok: false, problems };
}

/** Whether the value at `path` is present in the raw document (zod's issues do not carry the input). */
function hasPath(doc: unknown, path: ReadonlyArray<string | number>): boolean {
  let v: unknown = doc;
  for (const p of path) {
    if (v === null || typeof v !== 'object' || !Object.prototype.hasOwnProperty.call(v, p)) return false;
    v = (v as Record<string | number, unknown>)[p];
  }
  return v !== undefined;
}

/** A short, never-throwing description of a bad value (JSON.stringify throws on BigInt and cycles). */
function describe(v: unknown): string {
  if (typeof v === 'number' || typeof v === 'boolean' || v === null) return String(v);
  if (typeof v === 'string') return JSON.stringify(v.length > 20 ? `${v.slice(0, 20)}…` : v);
  return Array.isArray(v) ? 'an array' : typeof v === 'object' ? 'an object' : `a ${typeof v}`;
}
