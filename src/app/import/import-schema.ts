import { z } from 'zod';
import {
  BRING_FORWARD_REASONS, EVENT_TYPES, LATE_REASONS, LEGAL_STATUSES, ROLES, TRACKS,
} from '../../domain/types.js';

// The import contract (docs/DESIGN.md "Import format"). Objects are strict: an unknown field is an error
// with its path. Only formatVersion, staff[].id/name/roles and children[].ref/iroId/track/events
// are required; everything else may be missing (left as stored) or, where the example shows null, null.

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar date 'YYYY-MM-DD' (rejects 2016-02-30). */
export function isRealIsoDate(s: string): boolean {
  const m = ISO_DATE.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === s;
}

const isoDate = z.string().refine(isRealIsoDate, { message: 'must be a real date YYYY-MM-DD' });
const id = z.string().trim().min(1, 'must not be empty');
const text = z.string().trim().min(1, 'must not be empty');
/** An ISO instant with an explicit offset (or Z), e.g. 2016-06-20T10:00:00+01:00, and a real date. */
const instant = z.string()
  .datetime({ offset: true, message: 'must be an ISO date-time with offset, e.g. 2016-06-20T10:00:00+01:00' })
  .refine((s) => isRealIsoDate(s.slice(0, 10)) && !Number.isNaN(Date.parse(s)), { message: 'must be a real date-time' });

export const importStaffSchema = z.object({
  id,
  name: text,
  roles: z.array(z.enum(ROLES)).min(1, 'at least one role'),
  email: z.string().email().nullable().optional(),
  upn: text.nullable().optional(),
  aadObjectId: text.nullable().optional(),
  team: text.nullable().optional(),
  fte: z.number().positive().max(1.5).nullable().optional(),
  managerId: id.nullable().optional(),
  external: z.boolean().optional(),
  organisation: text.nullable().optional(),
  nominatedSeniorOfficer: z.boolean().optional(),
}).strict().superRefine((s, ctx) => {
  // A Guardian is an external person with an organisation (docs/DESIGN.md "Import format").
  if (s.roles.includes('guardian')) {
    if (s.external !== true) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['external'], message: 'a guardian must be external: true' });
    if (!s.organisation) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['organisation'], message: 'a guardian needs an organisation' });
  }
  if (s.managerId && s.managerId === s.id) {
    ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['managerId'], message: 'a person cannot manage themselves' });
  }
});

export const importEventSchema = z.object({
  type: z.enum(EVENT_TYPES),
  date: isoDate,
  dueBy: isoDate.optional(),
  reason: z.enum(BRING_FORWARD_REASONS).optional(),
}).strict().superRefine((e, ctx) => {
  if (e.type === 'review-brought-forward') {
    if (!e.dueBy) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['dueBy'], message: 'required for review-brought-forward' });
    if (!e.reason) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['reason'], message: 'required for review-brought-forward' });
  } else {
    if (e.dueBy !== undefined) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['dueBy'], message: 'only allowed on review-brought-forward' });
    if (e.reason !== undefined) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['reason'], message: 'only allowed on review-brought-forward' });
  }
});

export const importReviewSchema = z.object({
  id,
  heldOn: isoDate,
  chairId: id.nullable().optional(),
  combinedWithCP: z.boolean().optional(),
  recordDistributedOn: isoDate.nullable().optional(),
  lateReason: z.enum(LATE_REASONS).nullable().optional(),
}).strict().superRefine((r, ctx) => {
  if (r.recordDistributedOn && r.recordDistributedOn < r.heldOn) {
    ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['recordDistributedOn'], message: 'is before heldOn' });
  }
});

export const importBookingSchema = z.object({
  id,
  start: instant,
  venue: text.nullable().optional(),
}).strict();

export const importProceedingsSchema = z.object({
  startedOn: isoDate,
  guardianId: id.nullable().optional(),
  guardianAppointedOn: isoDate.nullable().optional(),
  irhDate: isoDate.nullable().optional(),
  finalHearingDate: isoDate.nullable().optional(),
  concludedOn: isoDate.nullable().optional(),
  outcome: z.enum(['remains-looked-after', 'leaves-care']).nullable().optional(),
  discussionIntervalDays: z.number().int().positive().optional(),
}).strict();

export const importChildSchema = z.object({
  ref: id,
  givenName: text.nullable().optional(),
  familyName: text.nullable().optional(),
  dateOfBirth: isoDate.nullable().optional(),
  legalStatus: z.enum(LEGAL_STATUSES).nullable().optional(),
  track: z.enum(TRACKS),
  iroId: id,
  socialWorkerId: id.nullable().optional(),
  socialWorkTeam: text.nullable().optional(),
  events: z.array(importEventSchema),
  reviews: z.array(importReviewSchema).optional(),
  bookings: z.array(importBookingSchema).optional(),
  proceedings: importProceedingsSchema.nullable().optional(),
}).strict();

export const importDocumentSchema = z.object({
  formatVersion: z.literal(1),
  staff: z.array(importStaffSchema).optional(),
  children: z.array(importChildSchema).optional(),
}).strict();

export type ImportDocument = z.infer<typeof importDocumentSchema>;
export type ImportStaff = z.infer<typeof importStaffSchema>;
export type ImportChild = z.infer<typeof importChildSchema>;
export type ImportEvent = z.infer<typeof importEventSchema>;
export type ImportReview = z.infer<typeof importReviewSchema>;
export type ImportBooking = z.infer<typeof importBookingSchema>;

/** One problem found in an import file, located by a JSON path such as `children[3].iroId`. */
export interface ImportProblem {
  path: string;
  message: string;
}

export function formatPath(path: ReadonlyArray<string | number>): string {
  let out = '';
  for (const p of path) out += typeof p === 'number' ? `[${p}]` : out ? `.${p}` : p;
  return out || '(document)';
}

/** Parses an import document; on failure returns every problem with its path (unknown fields one each). */
export function parseImportDocument(doc: unknown):
  { ok: true; value: ImportDocument } | { ok: false; problems: ImportProblem[] } {
  const parsed = importDocumentSchema.safeParse(doc);
  if (parsed.success) return { ok: true, value: parsed.data };
  const problems: ImportProblem[] = [];
  for (const issue of parsed.error.issues) {
    if (issue.code === z.ZodIssueCode.unrecognized_keys) {
      for (const key of issue.keys) problems.push({ path: formatPath([...issue.path, key]), message: 'unknown field' });
    } else if (issue.code === z.ZodIssueCode.invalid_type && issue.received === 'undefined') {
      problems.push({ path: formatPath(issue.path), message: 'required' });
    } else if (issue.code === z.ZodIssueCode.invalid_literal && issue.path.join('.') === 'formatVersion') {
      problems.push({
        path: 'formatVersion',
        message: issue.received === undefined ? 'required' : `must be 1 (got ${JSON.stringify(issue.received)})`,
      });
    } else {
      problems.push({ path: formatPath(issue.path), message: issue.message });
    }
  }
  return { ok: false, problems };
}
