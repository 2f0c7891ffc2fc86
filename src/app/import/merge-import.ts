import { checkIroEligibility, whyParams, type CaseRoles } from '../../domain/eligibility.js';
import { isAppError } from '../../domain/errors.js';
import type { ChildHistory, Staff } from '../../domain/types.js';
import type { BookingDoc, ChildDoc, EventDoc, HistoryEntry, ReviewDoc, StaffDoc } from '../../store/documents.js';
import type { ImportChild, ImportDocument, ImportProblem, ImportStaff } from './import-schema.js';
import { say, type ProblemSay } from './problem-words.js';
import { distinctKeys, mergeByKey, type KeyedMergeRules } from './merge-by-key.js';
import { copyDefined } from './plain-copy.js';

// Pure planning of an import: cross-checks and every write, computed before anything is applied
// (all or nothing). Semantics (docs/DESIGN.md "Import format"): staff upsert by id, children by ref,
// reviews and bookings by id, events by (type, date); nothing unlisted is deleted; records the bot
// made (source 'bot') are never overwritten — a difference is reported as a conflict instead.

export const IMPORT_ACTOR = { id: 'import' } as const;

export interface ImportConflict {
  path: string;
  ref: string;
  /** English (the CLI, POST /api/import). */
  message: string;
  /** The same for the admin's card, in their language (issue 13). */
  say: ProblemSay;
}

/** Why the file and a record the bot made differ: English and the reader's words. */
interface ConflictWhy {
  message: string;
  say: ProblemSay;
}

export interface ChildUpdate {
  ref: string;
  expectedVersion: number;
  set: Partial<ChildDoc>;
  history: HistoryEntry;
}

export interface Counts {
  inserted: number;
  updated: number;
  unchanged: number;
}

export interface ImportPlan {
  problems: ImportProblem[];
  conflicts: ImportConflict[];
  staffWrites: StaffDoc[];
  childInserts: ChildDoc[];
  childUpdates: ChildUpdate[];
  counts: { staff: Counts; children: Counts };
}

export interface PlanInput {
  doc: ImportDocument;
  /** Every staff member already stored (the directory is small). */
  existingStaff: readonly StaffDoc[];
  /** Stored children whose refs appear in the file. */
  existingChildren: readonly ChildDoc[];
  /** Every stored child ref, for the case-insensitive comparison (HX01 and hx01 are one child). */
  storedRefs?: Iterable<string>;
  now: Date;
  /** Timescale engine check; throws (AppError 'invalid-history') naming the problem. */
  validateHistory: (child: ChildHistory) => void;
}

type ImportEvent = ImportChild['events'][number];
type ImportReview = NonNullable<ImportChild['reviews']>[number];
type ImportBooking = NonNullable<ImportChild['bookings']>[number];

/** Top-level child fields the import owns (when the file lists them). */
export const CHILD_FIELDS = [
  'givenName',
  'familyName',
  'dateOfBirth',
  'legalStatus',
  'track',
  'iroId',
  'socialWorkerId',
  'socialWorkTeam',
  'personalAdviserId',
  'visitingRepresentativeId',
  'carePlanAuthorIds',
  'caseManagerId',
  'resourceControllerIds',
  'proceedings',
] as const satisfies ReadonlyArray<keyof ImportChild & keyof ChildDoc>;

export function planImport(input: PlanInput): ImportPlan {
  const { doc, now } = input;
  const fileStaff = doc.staff ?? [];
  const fileChildren = doc.children ?? [];
  const problems: ImportProblem[] = [];
  const conflicts: ImportConflict[] = [];

  problems.push(
    ...duplicatesIgnoringCase(
      fileStaff.map((s) => s.id),
      (i) => `staff[${i}].id`,
      'staff id',
    ),
  );
  problems.push(
    ...duplicatesIgnoringCase(
      fileChildren.map((c) => c.ref),
      (i) => `children[${i}].ref`,
      'child ref',
    ),
  );
  problems.push(
    ...caseVariantsOfStored(
      fileStaff.map((s) => s.id),
      input.existingStaff.map((s) => s._id),
      (i) => `staff[${i}].id`,
      'staff id',
    ),
  );
  if (input.storedRefs) {
    problems.push(
      ...caseVariantsOfStored(
        fileChildren.map((c) => c.ref),
        input.storedRefs,
        (i) => `children[${i}].ref`,
        'child ref',
      ),
    );
  }

  // Staff: the directory as it will be after the import, for every reference check below.
  const existingStaff = new Map(input.existingStaff.map((s) => [s._id, s]));
  const staffById = new Map<string, Staff>(existingStaff);
  const counts = { staff: zero(), children: zero() };
  const staffWrites: StaffDoc[] = [];
  for (const s of fileStaff) {
    const before = existingStaff.get(s.id) ?? null;
    const merged = mergeStaff(before, s);
    staffById.set(s.id, merged);
    if (!before) {
      counts.staff.inserted++;
      staffWrites.push(merged);
    } else if (!sameValue(before, merged)) {
      counts.staff.updated++;
      staffWrites.push(merged);
    } else counts.staff.unchanged++;
  }
  problems.push(...identityClashes(fileStaff, staffById));
  fileStaff.forEach((s, i) => {
    if (s.managerId && !staffById.has(s.managerId)) {
      problems.push(unknownStaff(`staff[${i}].managerId`, s.managerId));
    }
  });

  const existingChildren = new Map(input.existingChildren.map((c) => [c._id, c]));
  const childInserts: ChildDoc[] = [];
  const childUpdates: ChildUpdate[] = [];
  fileChildren.forEach((c, i) => {
    const at = `children[${i}]`;
    const before = existingChildren.get(c.ref) ?? null;
    const merged = mergeChild(before, c, at);
    // W54.3 against the case roles the child will have, even those this file does not list.
    problems.push(...crossCheckChild(c, merged.doc, at, staffById));
    conflicts.push(...merged.conflicts);
    try {
      input.validateHistory({
        ref: c.ref,
        track: merged.doc.track,
        events: merged.doc.events,
        reviews: merged.doc.reviews,
      });
    } catch (err) {
      problems.push({
        path: at,
        message: `invalid history: ${err instanceof Error ? err.message : String(err)}`,
        // What is impossible, in the history's own words (domain/review-history.ts), after "impossible history".
        say: {
          ...(isAppError(err) && err.userMessage ? err.userMessage : say('errors.import.history-unreadable')),
          before: say('errors.import.history'),
        },
      });
    }
    const change = childChange(before, merged, now);
    if (change.kind === 'insert') {
      counts.children.inserted++;
      childInserts.push(change.doc);
    } else if (change.kind === 'update') {
      counts.children.updated++;
      childUpdates.push(change.update);
    } else counts.children.unchanged++;
  });

  return { problems, conflicts, staffWrites, childInserts, childUpdates, counts };
}

export type ChildChange =
  { kind: 'insert'; doc: ChildDoc } | { kind: 'update'; update: ChildUpdate } | { kind: 'unchanged' };

/**
 * The write that turns `before` into the merged child. Used when planning and again when applying
 * (against the child as stored then), so applying twice is the same as applying once.
 */
export function childChange(before: ChildDoc | null, merged: MergedChild, now: Date): ChildChange {
  if (!before) {
    return {
      kind: 'insert',
      doc: Object.assign(copyDefined({}, merged.doc) as ChildDoc, {
        version: 1,
        history: [{ at: now, by: { ...IMPORT_ACTOR }, action: 'import' }],
      }),
    };
  }
  const changedKeys = (Object.keys(merged.set) as Array<keyof ChildDoc>).filter(
    (k) => !sameValue(before[k], merged.set[k]),
  );
  if (changedKeys.length === 0) return { kind: 'unchanged' };
  const set: Partial<ChildDoc> = {};
  const was: Record<string, unknown> = {};
  for (const k of changedKeys) {
    (set as Record<string, unknown>)[k] = merged.set[k];
    was[k] = before[k] ?? null;
  }
  return {
    kind: 'update',
    update: {
      ref: merged.doc.ref,
      expectedVersion: before.version,
      set,
      history: { at: now, by: { ...IMPORT_ACTOR }, action: 'import', before: was, after: set },
    },
  };
}

function crossCheckChild(
  c: ImportChild,
  caseRoles: CaseRoles,
  at: string,
  staffById: ReadonlyMap<string, Staff>,
): ImportProblem[] {
  const out: ImportProblem[] = [];
  const known = (path: string, id: string | null | undefined): Staff | undefined => {
    if (!id) return undefined;
    const s = staffById.get(id);
    if (!s) out.push(unknownStaff(path, id));
    return s;
  };
  const iro = known(`${at}.iroId`, c.iroId);
  known(`${at}.socialWorkerId`, c.socialWorkerId);
  known(`${at}.personalAdviserId`, c.personalAdviserId);
  known(`${at}.visitingRepresentativeId`, c.visitingRepresentativeId);
  known(`${at}.caseManagerId`, c.caseManagerId);
  (c.carePlanAuthorIds ?? []).forEach((id, j) => known(`${at}.carePlanAuthorIds[${j}]`, id));
  (c.resourceControllerIds ?? []).forEach((id, j) => known(`${at}.resourceControllerIds[${j}]`, id));
  if (iro) {
    const verdict = checkIroEligibility(iro, caseRoles, staffById); // W54.3 on every ground, and the iro role
    if (!verdict.ok)
      out.push({ path: `${at}.iroId`, message: verdict.reason, say: say('eligibility.why', whyParams(verdict.why)) });
  }
  (c.reviews ?? []).forEach((r, j) => known(`${at}.reviews[${j}].chairId`, r.chairId));
  const guardian = known(`${at}.proceedings.guardianId`, c.proceedings?.guardianId);
  if (guardian && !guardian.roles.includes('guardian')) {
    out.push({
      path: `${at}.proceedings.guardianId`,
      message: `"${guardian.id}" does not hold the guardian role`,
      say: say('errors.import.not-a-guardian', { id: guardian.id }),
    });
  }
  out.push(
    ...duplicates(
      (c.reviews ?? []).map((r) => r.id),
      (j) => `${at}.reviews[${j}].id`,
      'review id',
    ),
  );
  out.push(
    ...duplicates(
      (c.bookings ?? []).map((b) => b.id),
      (j) => `${at}.bookings[${j}].id`,
      'booking id',
    ),
  );
  out.push(...duplicates(c.events.map(eventKey), (j) => `${at}.events[${j}]`, 'event (type, date)'));
  return out;
}

export function mergeStaff(before: StaffDoc | null, s: ImportStaff): StaffDoc {
  const merged = { ...(before ?? {}), ...stripUndefined(s), _id: s.id } as StaffDoc;
  // The bot links a person's AAD id on first contact; an export without one must not unlink them.
  if (s.aadObjectId == null && before?.aadObjectId) merged.aadObjectId = before.aadObjectId;
  return merged;
}

export interface MergedChild {
  /** The child as it will be stored (without version/history). */
  doc: Omit<ChildDoc, 'version' | 'history'>;
  /** The import-owned fields, for change detection against the stored document. */
  set: Partial<ChildDoc>;
  conflicts: ImportConflict[];
}

export function mergeChild(before: ChildDoc | null, c: ImportChild, at: string): MergedChild {
  const conflicts: ImportConflict[] = [];
  const set: Partial<ChildDoc> = {};
  const put = set as Record<string, unknown>;
  for (const k of CHILD_FIELDS) {
    const v = c[k];
    if (v === undefined) continue;
    // Proceedings: the listed keys win, unlisted ones (e.g. recorded later) are kept.
    put[k] =
      k === 'proceedings' && v !== null && before?.proceedings
        ? copyDefined(copyDefined({}, before.proceedings), v as object)
        : typeof v === 'string'
          ? v
          : stripUndefined(v);
  }

  const conflict = (path: string, why: ConflictWhy) => conflicts.push({ path, ref: c.ref, ...why });
  const madeByBot = (existing: { source?: string }) => existing.source === 'bot';
  const merge = <S, I>(
    what: string,
    stored: readonly S[],
    incoming: readonly I[],
    rules: KeyedMergeRules<S, I, ConflictWhy>,
  ): S[] => {
    const result = mergeByKey<S, I, ConflictWhy>(stored, incoming, rules);
    for (const x of result.conflicts) conflict(`${at}.${what}[${x.index}]`, x.message);
    return result.merged;
  };

  // Events by (type, date); a listed event replaces the stored one whole.
  const importedEvent = (e: ImportEvent): EventDoc => fromImport(copyDefined({}, e));
  set.events = merge<EventDoc, ImportEvent>('events', before?.events ?? [], c.events, {
    keyOf: eventKey,
    added: importedEvent,
    updated: (_existing, e) => importedEvent(e),
    isProtected: madeByBot,
    conflict: (existing, e) =>
      sameValue(withoutSource(existing), withoutSource(importedEvent(e)))
        ? null
        : {
            message: `${e.type} on ${e.date} was recorded by the bot with different details; kept the bot's record`,
            say: say('errors.import.conflict-event', { eventType: e.type, onDate: e.date }),
          },
  });

  // Reviews and bookings by id; the listed fields update the stored record.
  set.reviews = merge<ReviewDoc, ImportReview>('reviews', before?.reviews ?? [], c.reviews ?? [], {
    keyOf: (r) => r.id,
    added: (r) => fromImport(copyDefined({}, r)),
    updated: (existing, r) => fromImport(copyDefined(copyDefined({}, existing), r)),
    isProtected: madeByBot,
    conflict: (existing, r) => {
      const diff = differingKeys(existing, stripUndefined(r));
      if (!diff.length) return null;
      const detail = diff.includes('heldOn')
        ? `held on ${existing.heldOn} by the bot's record, ${r.heldOn} in the import`
        : `differs in ${diff.join(', ')}`;
      return {
        message: `review ${r.id} was recorded by the bot (${detail}); kept the bot's record`,
        say: diff.includes('heldOn')
          ? say('errors.import.conflict-review-held', { id: r.id, botDate: existing.heldOn, fileDate: r.heldOn })
          : say('errors.import.conflict-review', { id: r.id, fields: diff.join(', ') }),
      };
    },
  });

  set.bookings = merge<BookingDoc, ImportBooking>('bookings', before?.bookings ?? [], c.bookings ?? [], {
    keyOf: (b) => b.id,
    added: (b) => fromImport(copyDefined({ status: 'booked' as const }, b)),
    updated: (existing, b) => fromImport(copyDefined(copyDefined({}, existing), b)),
    isProtected: madeByBot,
    conflict: (existing, b) => {
      const diff = differingKeys(existing, stripUndefined(b));
      return diff.length
        ? {
            message: `booking ${b.id} was made by the bot (differs in ${diff.join(', ')}); kept the bot's record`,
            say: say('errors.import.conflict-booking', { id: b.id, fields: diff.join(', ') }),
          }
        : null;
    },
  });

  // _id first, as the store keeps it; the stored version and history are not the merge's.
  const doc = copyDefined(copyDefined({ _id: c.ref }, before, NOT_MERGED), set) as ChildDoc;
  doc.ref = c.ref;
  return { doc, set, conflicts };
}

const NOT_MERGED: ReadonlySet<string> = new Set(['version', 'history']);

/** A record as the import writes it: marked as the import's (the bot never overwrites its own). */
function fromImport<T extends object>(record: T): T & { source: 'import' } {
  const out = record as T & { source: 'import' };
  out.source = 'import';
  return out;
}

function eventKey(e: { type: string; date: string }): string {
  return `${e.type}@${e.date}`;
}

function withoutSource<T extends { source?: unknown }>(x: T): Omit<T, 'source'> {
  const { source: _s, ...rest } = x;
  return rest;
}

/** Keys of `incoming` whose values differ from `existing`. */
function differingKeys(existing: object, incoming: object): string[] {
  const e = existing as Record<string, unknown>;
  return Object.entries(incoming)
    .filter(([k, v]) => !sameValue(e[k], v))
    .map(([k]) => k);
}

/** What a duplicate is of, as the message says it → the catalogue's select value (ICU keys take no spaces). */
const WHAT = {
  'staff id': 'staff_id',
  'child ref': 'child_ref',
  'review id': 'review_id',
  'booking id': 'booking_id',
  'event (type, date)': 'event',
} as const;
type What = keyof typeof WHAT;

function unknownStaff(path: string, id: string): ImportProblem {
  return { path, message: `unknown staff id "${id}"`, say: say('errors.import.unknown-staff', { id }) };
}

function duplicates(values: readonly string[], pathOf: (i: number) => string, what: What): ImportProblem[] {
  if (distinctKeys(values, (v) => v)) return []; // the common case, without a map for each of a child's lists
  const first = new Map<string, number>();
  const out: ImportProblem[] = [];
  values.forEach((v, i) => {
    const seen = first.get(v);
    if (seen === undefined) first.set(v, i);
    else
      out.push({
        path: pathOf(i),
        message: `duplicate ${what} "${v}" (first at ${pathOf(seen)})`,
        say: say('errors.import.duplicate', { what: WHAT[what], value: v, first: pathOf(seen) }),
      });
  });
  return out;
}

/** Like duplicates, but "HX01" and "hx01" are the same (people read and type refs in any case). */
function duplicatesIgnoringCase(values: readonly string[], pathOf: (i: number) => string, what: What): ImportProblem[] {
  const first = new Map<string, number>();
  const out: ImportProblem[] = [];
  values.forEach((v, i) => {
    const key = v.toLowerCase();
    const seen = first.get(key);
    if (seen === undefined) {
      first.set(key, i);
      return;
    }
    const was = values[seen]!;
    out.push({
      path: pathOf(i),
      message:
        was === v
          ? `duplicate ${what} "${v}" (first at ${pathOf(seen)})`
          : `duplicate ${what} "${v}" (first at ${pathOf(seen)} as "${was}"; compared without regard to case)`,
      say:
        was === v
          ? say('errors.import.duplicate', { what: WHAT[what], value: v, first: pathOf(seen) })
          : say('errors.import.duplicate-case', { what: WHAT[what], value: v, first: pathOf(seen), was }),
    });
  });
  return out;
}

/** A value in the file that differs only in case from a stored one would create a second record. */
function caseVariantsOfStored(
  values: readonly string[],
  stored: Iterable<string>,
  pathOf: (i: number) => string,
  what: What,
): ImportProblem[] {
  const wanted = new Set(values.map((v) => v.toLowerCase()));
  const storedByKey = new Map<string, string>();
  for (const s of stored) {
    const key = s.toLowerCase();
    if (wanted.has(key)) storedByKey.set(key, s);
  }
  const out: ImportProblem[] = [];
  values.forEach((v, i) => {
    const s = storedByKey.get(v.toLowerCase());
    if (s !== undefined && s !== v) {
      out.push({
        path: pathOf(i),
        message: `${what} "${v}" differs only in case from the stored "${s}"; use "${s}"`,
        say: say('errors.import.case-variant', { what: WHAT[what], value: v, stored: s }),
      });
    }
  });
  return out;
}

const IDENTITY_FIELDS = [
  { field: 'aadObjectId', space: 'aad', label: 'Entra object id' },
  { field: 'email', space: 'mail', label: 'e-mail/upn' },
  { field: 'upn', space: 'mail', label: 'e-mail/upn' },
] as const;

/**
 * The bot identifies a person by Entra object id, then by upn or e-mail (case-insensitive): each must
 * name one person in the directory as it will be after the import. Reported on the file's entries.
 */
function identityClashes(fileStaff: readonly ImportStaff[], directory: ReadonlyMap<string, Staff>): ImportProblem[] {
  const owners = new Map<string, Set<string>>();
  for (const [id, person] of directory) {
    for (const { field, space } of IDENTITY_FIELDS) {
      const v = person[field];
      if (typeof v !== 'string' || !v) continue;
      const key = `${space}:${v.trim().toLowerCase()}`;
      let set = owners.get(key);
      if (!set) owners.set(key, (set = new Set()));
      set.add(id);
    }
  }
  const out: ImportProblem[] = [];
  fileStaff.forEach((s, i) => {
    for (const { field, space, label } of IDENTITY_FIELDS) {
      const v = s[field];
      if (typeof v !== 'string' || !v) continue;
      const others = [...(owners.get(`${space}:${v.trim().toLowerCase()}`) ?? [])].filter((id) => id !== s.id);
      if (others.length) {
        out.push({
          path: `staff[${i}].${field}`,
          message: `"${v}" is also the ${label} of staff ${others.map((o) => `"${o}"`).join(', ')}; each must name one person`,
          say: say('errors.import.identity-clash', {
            value: v,
            space,
            others: others.map((o) => `"${o}"`).join(', '),
          }),
        });
      }
    }
  });
  return out;
}

function zero(): Counts {
  return { inserted: 0, updated: 0, unchanged: 0 };
}

/** Drops undefined-valued keys (a stored undefined would become null in MongoDB). */
export function stripUndefined<T>(v: T): T {
  if (Array.isArray(v)) return v.map(stripUndefined) as T;
  if (v && typeof v === 'object' && !(v instanceof Date)) {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) if (x !== undefined) out[k] = stripUndefined(x);
    return out as T;
  }
  return v;
}

/** Structural equality; key order and undefined-valued keys do not matter. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a instanceof Date || b instanceof Date) {
    return a instanceof Date && b instanceof Date && a.getTime() === b.getTime();
  }
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => sameValue(x, b[i]));
  }
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    const ao = a as Record<string, unknown>;
    const bo = b as Record<string, unknown>;
    const keys = new Set([...Object.keys(ao), ...Object.keys(bo)]);
    for (const k of keys) if (!sameValue(ao[k], bo[k])) return false;
    return true;
  }
  // undefined and a missing key are the same; null is a value.
  return a === undefined && b === undefined;
}
