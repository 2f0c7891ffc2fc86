import { BRING_FORWARD_REASONS, EVENT_TYPES, LATE_REASONS, LEGAL_STATUSES, TRACKS } from '../../domain/types.js';
import { LIMITS, MAX_ID_LENGTH, MAX_REF_LENGTH, REF_PATTERN, isReservedWord } from './import-limits.js';
import { CHILD_FIELDS } from './merge-import.js';
import {
  PRINTABLE,
  importBookingStartSchema,
  importProceedingsSchema,
  importStaffSchema,
  isRealIsoDate,
  type ImportChild,
  type ImportDocument,
  type ImportStaff,
} from './import-schema.js';

// The schema's answer for the common file, without its machinery (issue 12: zod was 5 s of a 100k-child
// import). Every rule here is the schema's own (import-schema.ts), checked by hand on the child fields that
// make up nearly all of a file; the few rarer parts (staff entries, proceedings, booking times) are handed to
// the schema's own pieces. It answers only "valid as it is": at the first thing it does not accept — an
// error, or a value the schema would change (a name to trim), or an undefined — it returns null and the
// schema parses the whole document, so every refusal keeps the schema's wording and path. A valid child is
// returned as it came (the schema would return an equal copy). test/app/import/import-fast-path.spec.ts
// checks it never accepts what the schema refuses, and agrees with it on what it accepts.

const EVENT_SET: ReadonlySet<unknown> = new Set(EVENT_TYPES);
const REASON_SET: ReadonlySet<unknown> = new Set(BRING_FORWARD_REASONS);
const LATE_SET: ReadonlySet<unknown> = new Set(LATE_REASONS);
const LEGAL_SET: ReadonlySet<unknown> = new Set(LEGAL_STATUSES);
const TRACK_SET: ReadonlySet<unknown> = new Set(TRACKS);

/** Thrown (and caught below) at the first value the fast path does not accept: the schema decides then. */
const NOT_PLAIN = Symbol('not plainly valid');

function give(): never {
  // eslint-disable-next-line @typescript-eslint/only-throw-error -- a private signal, caught in this module only
  throw NOT_PLAIN;
}

/**
 * The document as the schema would return it, when it is plainly valid; null when the schema must decide.
 * Also stands in for scanRawDocument's checks: every key is one the schema knows (none reserved), the format is
 * five deep, and the size is counted the same way.
 */
export function fastParseImportDocument(doc: unknown): ImportDocument | null {
  try {
    const d = object(doc, DOCUMENT_KEYS);
    if (d.formatVersion !== 1) give();
    // Sizes as scanRawDocument counts them: strings and keys by their length (+2 and +4), objects and arrays
    // 2, other values 8.
    const sizer = { bytes: 2 + 'formatVersion'.length + 4 + 8 };
    let staff: ImportStaff[] | undefined;
    if (d.staff !== undefined) {
      const entries = list(d.staff, LIMITS.maxStaff);
      staff = new Array<ImportStaff>(entries.length);
      for (let i = 0; i < entries.length; i++) staff[i] = staffEntry(entries[i]);
      sizer.bytes += 'staff'.length + 4 + rawSize(entries);
    }
    let children: ImportChild[] | undefined;
    if (d.children !== undefined) {
      const entries = list(d.children, LIMITS.maxChildren);
      children = new Array<ImportChild>(entries.length);
      for (let i = 0; i < entries.length; i++) children[i] = child(entries[i], sizer);
      sizer.bytes += 'children'.length + 4 + 2;
    }
    if (sizer.bytes > LIMITS.maxDocumentBytes) give();
    const out: ImportDocument = { formatVersion: 1 };
    if (staff) out.staff = staff;
    if (children) out.children = children;
    return out;
  } catch (err) {
    if (err === NOT_PLAIN) return null;
    throw err;
  }
}

const DOCUMENT_KEYS = new Set(['formatVersion', 'staff', 'children']);
// A child's keys: its ref, the fields the import owns, and its lists.
const CHILD_KEYS = new Set<string>(['ref', ...CHILD_FIELDS, 'events', 'reviews', 'bookings']);
const EVENT_KEYS = new Set(['type', 'date', 'dueBy', 'reason']);
const REVIEW_KEYS = new Set(['id', 'heldOn', 'chairId', 'combinedWithCP', 'recordDistributedOn', 'lateReason']);
const BOOKING_KEYS = new Set(['id', 'start', 'venue']);

/** A plain object with only these keys and no undefined value (an undefined is left to the schema). */
function object(v: unknown, keys: ReadonlySet<string>): Record<string, unknown> {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) give();
  const proto: unknown = Object.getPrototypeOf(v);
  if (proto !== Object.prototype && proto !== null) give();
  const o = v as Record<string, unknown>;
  for (const k in o) {
    if (!Object.prototype.hasOwnProperty.call(o, k)) give();
    if (!keys.has(k) || o[k] === undefined) give();
  }
  return o;
}

function list(v: unknown, max: number): unknown[] {
  if (!Array.isArray(v) || v.length > max) give();
  return v;
}

function staffEntry(s: unknown): ImportStaff {
  const parsed = importStaffSchema.safeParse(s);
  return parsed.success ? parsed.data : give();
}

/** Sizes as scanRawDocument counts them: strings and keys by length, objects and arrays 2, other values 8. */
function child(v: unknown, sizer: { bytes: number }): ImportChild {
  const c = object(v, CHILD_KEYS);
  let bytes = 2;
  const str = (s: unknown) => {
    bytes += (s as string).length + 2;
  };
  for (const k in c) {
    bytes += k.length + 4;
    const x = c[k];
    if (typeof x === 'string') str(x);
    else if (x === null || typeof x !== 'object') bytes += 8;
  }
  if (!identifier(c.ref, MAX_REF_LENGTH)) give();
  if (!TRACK_SET.has(c.track)) give();
  if (!identifier(c.iroId, MAX_ID_LENGTH)) give();
  for (const k of ['givenName', 'familyName'] as const) if (!nullish(c[k]) && !text(c[k], LIMITS.maxNameLength)) give();
  if (!nullish(c.socialWorkTeam) && !text(c.socialWorkTeam, LIMITS.maxTeamLength)) give();
  if (!nullish(c.dateOfBirth) && !isoDate(c.dateOfBirth)) give();
  if (!nullish(c.legalStatus) && !LEGAL_SET.has(c.legalStatus)) give();
  for (const k of ['socialWorkerId', 'personalAdviserId', 'visitingRepresentativeId', 'caseManagerId'] as const)
    if (!nullish(c[k]) && !identifier(c[k], MAX_ID_LENGTH)) give();
  for (const k of ['carePlanAuthorIds', 'resourceControllerIds'] as const) {
    if (nullish(c[k])) continue;
    const ids = list(c[k], LIMITS.maxCaseRoleIds);
    bytes += 2;
    for (let i = 0; i < ids.length; i++) {
      if (!identifier(ids[i], MAX_ID_LENGTH)) give();
      str(ids[i]);
    }
  }
  bytes += entries(c.events, LIMITS.maxEventsPerChild, event);
  if (c.reviews !== undefined) bytes += entries(c.reviews, LIMITS.maxReviewsPerChild, review);
  if (c.bookings !== undefined) bytes += entries(c.bookings, LIMITS.maxBookingsPerChild, booking);
  if (c.proceedings !== undefined && c.proceedings !== null) {
    // Rare and small: the schema's own piece (it changes nothing in a valid one: no text to trim).
    if (!importProceedingsSchema.safeParse(c.proceedings).success) give();
    bytes += rawSize(c.proceedings);
  }
  sizer.bytes += bytes;
  return c as unknown as ImportChild;
}

/** A list of flat entries, each checked; its size. */
function entries(v: unknown, max: number, check: (entry: unknown) => number): number {
  const xs = list(v, max);
  let bytes = 2;
  for (let i = 0; i < xs.length; i++) bytes += check(xs[i]);
  return bytes;
}

/** Each check returns the entry's size as scanRawDocument counts it. */
function event(v: unknown): number {
  const e = object(v, EVENT_KEYS);
  if (!EVENT_SET.has(e.type) || !isoDate(e.date)) give();
  if (e.type === 'review-brought-forward') {
    if (!isoDate(e.dueBy) || !REASON_SET.has(e.reason)) give();
  } else if ('dueBy' in e || 'reason' in e) give();
  return fields(e);
}

function review(v: unknown): number {
  const r = object(v, REVIEW_KEYS);
  if (!identifier(r.id, MAX_ID_LENGTH) || !isoDate(r.heldOn)) give();
  if (!nullish(r.chairId) && !identifier(r.chairId, MAX_ID_LENGTH)) give();
  if (r.combinedWithCP !== undefined && typeof r.combinedWithCP !== 'boolean') give();
  if (!nullish(r.recordDistributedOn)) {
    if (!isoDate(r.recordDistributedOn) || (r.recordDistributedOn as string) < (r.heldOn as string)) give();
  }
  if (!nullish(r.lateReason) && !LATE_SET.has(r.lateReason)) give();
  return fields(r);
}

function booking(v: unknown): number {
  const b = object(v, BOOKING_KEYS);
  if (!identifier(b.id, MAX_ID_LENGTH)) give();
  if (!importBookingStartSchema.safeParse(b.start).success) give();
  if (!nullish(b.venue) && !text(b.venue, LIMITS.maxTextLength)) give();
  return fields(b);
}

/** Size of a flat object of strings, booleans and nulls, as scanRawDocument counts it. */
function fields(o: Record<string, unknown>): number {
  let bytes = 2;
  for (const k in o) {
    const x = o[k];
    bytes += k.length + 4 + (typeof x === 'string' ? x.length + 2 : 8);
  }
  return bytes;
}

/** scanRawDocument's count for a value the schema has accepted (so plain, and at most five deep). */
function rawSize(v: unknown): number {
  if (typeof v === 'string') return v.length + 2;
  if (v === null || typeof v !== 'object') return 8;
  let bytes = 2;
  if (Array.isArray(v)) for (const x of v) bytes += rawSize(x);
  else for (const k of Object.keys(v)) bytes += k.length + 4 + rawSize((v as Record<string, unknown>)[k]);
  return bytes;
}

function nullish(v: unknown): boolean {
  return v === null || v === undefined;
}

/** The schema's `identifier`: at most `max` characters, REF_PATTERN, not a reserved word. */
function identifier(v: unknown, max: number): boolean {
  return typeof v === 'string' && v.length <= max && REF_PATTERN.test(v) && !isReservedWord(v);
}

/** The schema's `boundedText`, for a value it would not change: already trimmed. */
function text(v: unknown, max: number): boolean {
  return typeof v === 'string' && v.length >= 1 && v.length <= max && v === v.trim() && PRINTABLE.test(v);
}

/** The schema's `isoDate`. */
function isoDate(v: unknown): boolean {
  return typeof v === 'string' && v.length <= 10 && isRealIsoDate(v) && v >= LIMITS.earliestDate;
}
