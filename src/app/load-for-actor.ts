// The one access-checked loader of card-verb subjects (docs/DOMAIN.md "People and roles"). Every card
// verb declares the kind of thing it acts on; this loader reads the ids naming it from the untrusted
// card data, loads it and asks the single rule (`maySeeChildVia` in domain/access.ts) whether this
// person may see that child. Whoever may not see the child gets exactly the answer given for an id
// that does not exist — one fixed answer per kind, echoing nothing and saying nothing about state —
// so a card can never be used to probe for children, requests or decisions. Refusals are audited
// (ids and reasons only, never the payload). Handlers get the subject and the card data without the
// fields that named it, so a handler cannot load anything by itself.
// A page of a list (kind 'list': "Next 20", "Show list") names no child: its cursor is checked against
// app/list-access.ts, the same scope rules as the command, with one answer for every refusal.
import { z } from 'zod';
import { isReviewingManager, maySeeChildVia, type AccessDoor } from '../domain/access.js';
import { CASE_REF_PATTERN, isCaseRef } from '../domain/case-ref.js';
import { AppError } from '../domain/errors.js';
import { isResolutionId } from '../domain/resolution-id.js';
import { mayNotifyNewEntry } from '../domain/new-entry.js';
import { involvedIds, type Resolution } from '../domain/resolutions/index.js';
import type { BookingDoc, ChildDoc, ReviewDoc, StaffDoc } from '../store/documents.js';
import type { RescheduleRequestDoc } from '../store/reschedule-documents.js';
import { today, type AppDeps } from './deps.js';
import { doneSchema } from './liaison.js';
import { peopleOf } from './resolutions.js';
import { LIST_NAMES, mayViewList, type ListName } from './list-access.js';
import type { ScopeRequest } from './scope.js';
import { mayExportBoardReport } from './board-export.js';

/** What a card verb may act on. Adding a kind means adding its door, ids and answer below. */
export const SUBJECT_KINDS = [
  'child',
  'booking',
  'review',
  'reschedule-request',
  'resolution',
  'liaison-item',
  'liaison-thread',
  'liaison-record',
  'list',
  'report',
  'intake',
  'cover-plan',
] as const;
export type SubjectKind = (typeof SUBJECT_KINDS)[number];

interface Base<K extends SubjectKind> {
  kind: K;
  ref: string;
  child: ChildDoc;
}
export type Subject =
  | Base<'child'>
  | (Base<'booking'> & { booking: BookingDoc })
  | (Base<'review'> & { review: ReviewDoc })
  | (Base<'reschedule-request'> & { request: RescheduleRequestDoc })
  | (Base<'resolution'> & { resolution: Resolution })
  /** A liaison duty of the child's proceedings; whether it is open is the use case's question. */
  | (Base<'liaison-item'> & { duty: z.infer<typeof doneSchema>['duty']; item: string })
  | Base<'liaison-thread'>
  | Base<'liaison-record'>
  /** A page of a list view (/due, /caseload team, /actions): about many children, so no child of its own. */
  | ListSubject
  /** A service-wide report (the board export, issue 15): about many children, so no child of its own. */
  | ReportSubject
  /** The new-entry form (issue 14): no child exists yet; only who may notify a new entry gets past. */
  | { kind: 'intake' }
  /** Cover for an absent IRO (issue 14): about that IRO's children; only reviewing team managers get past. */
  | { kind: 'cover-plan'; absentId: string; from: string; to: string };
export type SubjectOf<K extends SubjectKind> = Extract<Subject, { kind: K }>;

/** The lists a card can page through, and whose (the command's own scope words). */
export interface ListSubject {
  kind: 'list';
  list: ListName;
  scope: ScopeRequest;
  /** The /due window as its label ('this week', '2016-10-04 to 2016-10-10'); '' for the other lists. */
  window: string;
  /** 0-based page. */
  page: number;
}

/** The board report of a period, as the export's file consent card names it (period as typed after /report export). */
export interface ReportSubject {
  kind: 'report';
  report: 'board';
  period: string;
}

export function isSubjectKind(v: unknown): v is SubjectKind {
  return typeof v === 'string' && (SUBJECT_KINDS as readonly string[]).includes(v);
}

// ---- ids on the card ------------------------------------------------------------------------------

// Exactly as our templates write them: nobody types these, so nothing is trimmed or coerced.
const caseRef = z.string().regex(CASE_REF_PATTERN, 'not a case reference');
const itemId = z
  .string()
  .min(1, 'missing')
  .max(80)
  .regex(/^[A-Za-z0-9_.:-]+$/, 'not an id on one of my cards');
/** `<ref>-RES<n>`, or `<ref>-R<n>` for a resolution raised before resolutions had their own pattern (domain/resolution-id.ts). */
const resolutionId = z.string().max(50).refine(isResolutionId);
/** Liaison cards: any short string as the ref; one that is not a case reference is simply not found. */
const liaisonRef = z.string().min(1).max(40);

const OUT_OF_DATE = 'this card is out of date or incomplete; nothing was changed';
const NOT_AVAILABLE = 'that liaison item is not available to you';

type Ids = Record<string, string>;

interface KindRule {
  door: AccessDoor;
  /** The card-data fields naming the subject (taken out of the data the handler sees). */
  ids: z.ZodType<Ids, z.ZodTypeDef, unknown>;
  /** Malformed ids: per field (booking cards, as they always answered) or one "out of date" answer. */
  malformed: 'per-field' | 'out-of-date';
  /** The one answer for "no such thing" and "not yours". */
  hidden: () => AppError;
  /** The sub-object named by the ids, or null when the child has none. */
  pick(child: ChildDoc, ids: Ids): Omit<Subject, 'kind' | 'ref' | 'child'> | null;
}

const notFound = (text: string, key: string) => () =>
  new AppError('not-found', text, { example: '/actions' }, { key: `errors.not-found.${key}` });
const liaisonHidden = () =>
  new AppError('forbidden', NOT_AVAILABLE, { example: '/actions' }, { key: 'errors.liaison.unavailable' });

const RULES: { readonly [K in Exclude<SubjectKind, 'list' | 'report' | 'intake' | 'cover-plan'>]: KindRule } = {
  child: {
    door: 'case',
    ids: z.object({ ref: caseRef }),
    malformed: 'per-field',
    hidden: notFound("I can't find that case among the children you work with; nothing was changed", 'case'),
    pick: () => ({}),
  },
  booking: {
    door: 'case',
    ids: z.object({ ref: caseRef, bookingId: itemId }),
    malformed: 'per-field',
    hidden: notFound("I can't find that booking among the children you work with; nothing was changed", 'booking'),
    pick: (c, ids) => {
      const booking = c.bookings.find((b) => b.id === ids.bookingId);
      return booking ? { booking } : null;
    },
  },
  review: {
    door: 'case',
    ids: z.object({ ref: caseRef, reviewId: itemId }),
    malformed: 'per-field',
    hidden: notFound("I can't find that review among the children you work with; nothing was changed", 'review'),
    pick: (c, ids) => {
      const review = c.reviews.find((r) => r.id === ids.reviewId);
      return review ? { review } : null;
    },
  },
  'reschedule-request': {
    door: 'case',
    ids: z.object({ ref: caseRef, requestId: itemId }),
    malformed: 'per-field',
    hidden: notFound('that request no longer exists; nothing was changed', 'request'),
    pick: (c, ids) => {
      const request = c.rescheduleRequests?.find((r) => r.id === ids.requestId);
      return request ? { request } : null;
    },
  },
  resolution: {
    door: 'resolution',
    ids: z.object({ ref: caseRef, id: resolutionId }),
    malformed: 'out-of-date',
    hidden: notFound("I can't find that resolution among the cases you can see; nothing was changed", 'resolution'),
    pick: (c, ids) => {
      const resolution = c.resolutions?.find((r) => r.id === ids.id);
      return resolution ? { resolution } : null;
    },
  },
  'liaison-item': {
    door: 'liaison',
    ids: z.object({ ref: liaisonRef, duty: doneSchema.shape.duty, subject: doneSchema.shape.subject }),
    malformed: 'out-of-date',
    hidden: liaisonHidden,
    pick: (_c, ids) => ({ duty: ids.duty as z.infer<typeof doneSchema>['duty'], item: ids.subject! }),
  },
  'liaison-thread': {
    door: 'liaison',
    ids: z.object({ ref: liaisonRef }),
    malformed: 'out-of-date',
    hidden: liaisonHidden,
    pick: () => ({}),
  },
  'liaison-record': {
    door: 'liaison-record',
    ids: z.object({ ref: liaisonRef }),
    malformed: 'out-of-date',
    hidden: liaisonHidden,
    pick: () => ({}),
  },
};

/** The card-data fields that name a subject of this kind (for tests and the forged-invoke checks). */
export function idFieldsOf(kind: SubjectKind): string[] {
  const ids =
    kind === 'list'
      ? LIST_IDS
      : kind === 'report'
        ? REPORT_IDS
        : kind === 'intake'
          ? INTAKE_IDS
          : kind === 'cover-plan'
            ? COVER_IDS
            : RULES[kind].ids;
  return Object.keys((ids as unknown as { shape: object }).shape);
}

// ---- lists ----------------------------------------------------------------------------------------

/** A page cursor as our templates write it: which list, whose (own, team, person:ID), the window and the page. */
const LIST_IDS = z.object({
  list: z.enum(LIST_NAMES),
  scope: z
    .string()
    .min(1)
    .max(220)
    .regex(/^(own|team|person:[^\u0000-\u001f]{1,200})$/),
  window: z.string().max(60),
  page: z.union([
    z.number().int().min(0).max(9999),
    z
      .string()
      .regex(/^\d{1,4}$/)
      .transform(Number),
  ]),
});
/** One answer for a list this person may not see, a person who does not exist, and a cursor not from our cards. */
const LIST_HIDDEN = () =>
  new AppError(
    'forbidden',
    'that list is not available to you; type the command again',
    { example: '/actions' },
    { key: 'errors.card.list-unavailable' },
  );

async function loadList(
  deps: AppDeps,
  actor: StaffDoc,
  data: Record<string, unknown>,
  refused: (reason: string, ref: unknown, err: AppError) => Promise<never>,
): Promise<Loaded<'list'>> {
  const parsed = LIST_IDS.safeParse(data);
  if (!parsed.success) return refused('malformed', undefined, LIST_HIDDEN());
  const { list, scope: scopeText, window, page } = parsed.data;
  let scope: ScopeRequest;
  if (scopeText === 'own') scope = { kind: 'default' };
  else if (scopeText === 'team') scope = { kind: 'team' };
  else {
    const person = await deps.staff.get(scopeText.slice('person:'.length));
    if (!person) return refused('not-found', undefined, LIST_HIDDEN());
    scope = { kind: 'person', person };
  }
  if (!mayViewList(actor, list, scope, window)) return refused('no-access', undefined, LIST_HIDDEN());
  const rest = Object.fromEntries(Object.entries(data).filter(([k]) => !(k in LIST_IDS.shape)));
  return { subject: { kind: 'list', list, scope, window, page } as SubjectOf<'list'>, rest };
}

// ---- reports -------------------------------------------------------------------------------------

/** The board report as the file consent card's context names it; the period is parsed by the use case. */
const REPORT_IDS = z.object({
  report: z.literal('board'),
  period: z
    .string()
    .max(60)
    .regex(/^[^\u0000-\u001f]*$/),
});
/** One answer for a report this person may not export and for a context not from our cards. */
const REPORT_HIDDEN = () =>
  new AppError(
    'forbidden',
    'that report is not available to you; nothing was sent',
    { example: '/report' },
    { key: 'errors.more.report-not-available' },
  );

async function loadReport(
  actor: StaffDoc,
  data: Record<string, unknown>,
  refused: (reason: string, ref: unknown, err: AppError) => Promise<never>,
): Promise<Loaded<'report'>> {
  const parsed = REPORT_IDS.safeParse(data);
  if (!parsed.success) return refused('malformed', undefined, REPORT_HIDDEN());
  if (!mayExportBoardReport(actor)) return refused('no-access', undefined, REPORT_HIDDEN());
  const rest = Object.fromEntries(Object.entries(data).filter(([k]) => !(k in REPORT_IDS.shape)));
  return { subject: { kind: 'report', ...parsed.data }, rest };
}

// ---- the new-entry form ---------------------------------------------------------------------------

/** The form names what it is, nothing else: `{ intake: 'new-entry' }`. */
const INTAKE_IDS = z.object({ intake: z.literal('new-entry') });
/** One answer for a person who may not notify a new entry and for a form not from our cards. */
const INTAKE_HIDDEN = () =>
  new AppError(
    'forbidden',
    'that form is not available to you; nothing was changed',
    { example: '/help' },
    { key: 'errors.more.form-not-available' },
  );

async function loadIntake(
  actor: StaffDoc,
  data: Record<string, unknown>,
  refused: (reason: string, ref: unknown, err: AppError) => Promise<never>,
): Promise<Loaded<'intake'>> {
  if (!INTAKE_IDS.safeParse(data).success) return refused('malformed', undefined, INTAKE_HIDDEN());
  if (!mayNotifyNewEntry(actor)) return refused('no-access', undefined, INTAKE_HIDDEN());
  const rest = Object.fromEntries(Object.entries(data).filter(([k]) => !(k in INTAKE_IDS.shape)));
  return { subject: { kind: 'intake' } as SubjectOf<'intake'>, rest };
}

// ---- the cover card ---------------------------------------------------------------------------------

/** Whose absence and the dates, as the cover card writes them. */
const COVER_IDS = z.object({
  absentId: itemId,
  from: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  to: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
});
/** One answer for a person who is not a reviewing team manager and for a card not from us. */
const COVER_HIDDEN = () =>
  new AppError(
    'forbidden',
    'cover is set by a reviewing team manager; nothing was changed',
    { example: '/help' },
    { key: 'errors.more.cover-manager' },
  );

async function loadCoverPlan(
  actor: StaffDoc,
  data: Record<string, unknown>,
  refused: (reason: string, ref: unknown, err: AppError) => Promise<never>,
): Promise<Loaded<'cover-plan'>> {
  const parsed = COVER_IDS.safeParse(data);
  if (!parsed.success) return refused('malformed', undefined, COVER_HIDDEN());
  if (!isReviewingManager(actor)) return refused('no-access', undefined, COVER_HIDDEN());
  const rest = Object.fromEntries(Object.entries(data).filter(([k]) => !(k in COVER_IDS.shape)));
  return { subject: { kind: 'cover-plan', ...parsed.data } as SubjectOf<'cover-plan'>, rest };
}

const LABELS: Record<string, string> = {
  ref: 'case reference',
  bookingId: 'booking',
  reviewId: 'review',
  requestId: 'request',
};

function malformed(rule: KindRule, error: z.ZodError): AppError {
  if (rule.malformed === 'out-of-date')
    return new AppError('invalid-input', OUT_OF_DATE, { example: '/actions' }, { key: 'errors.card.out-of-date' });
  const issue = error.issues[0]!;
  const field = String(issue.path[0] ?? '');
  const what = LABELS[field] ?? field;
  const missing = issue.code === z.ZodIssueCode.invalid_type && issue.received === 'undefined';
  return new AppError(
    'invalid-input',
    missing ? `the ${what} is missing — nothing was changed` : `${what}: ${issue.message} — nothing was changed`,
    { example: '/actions' },
    { key: missing ? 'errors.card.field-missing' : 'errors.card.field-invalid', params: { field } },
  );
}

// ---- the loader ---------------------------------------------------------------------------------------

export interface Loaded<K extends SubjectKind> {
  subject: SubjectOf<K>;
  /** The card data without the fields that named the subject: still untrusted, validate each field. */
  rest: Record<string, unknown>;
}

/**
 * Loads the subject a card names, for this person, or throws the kind's one answer for "hidden"
 * (no such thing, or a child they may not see) — audited as `${auditAs}.refused`.
 */
export async function loadForActor<K extends SubjectKind>(
  deps: AppDeps,
  actor: StaffDoc,
  kind: K,
  data: Record<string, unknown>,
  auditAs: string,
): Promise<Loaded<K>> {
  const refused = async (reason: string, ref: unknown, err: AppError): Promise<never> => {
    await deps.audit.record({
      at: deps.clock(),
      actor: { id: actor._id, name: actor.name, kind: 'staff' },
      action: `${auditAs.slice(0, 60)}.refused`,
      subject: isCaseRef(ref) ? ref : '(invalid)',
      details: { reason, subjectKind: kind },
    });
    (err.details as Record<string, unknown>).audited = true;
    throw err;
  };
  if (kind === 'list') return loadList(deps, actor, data, refused) as unknown as Promise<Loaded<K>>;
  if (kind === 'report') return loadReport(actor, data, refused) as unknown as Promise<Loaded<K>>;
  if (kind === 'intake') return loadIntake(actor, data, refused) as unknown as Promise<Loaded<K>>;
  if (kind === 'cover-plan') return loadCoverPlan(actor, data, refused) as unknown as Promise<Loaded<K>>;
  const rule = RULES[kind as Exclude<SubjectKind, 'list' | 'report' | 'intake' | 'cover-plan'>];
  const parsed = rule.ids.safeParse(data);
  if (!parsed.success) return refused('malformed', data.ref, malformed(rule, parsed.error));
  const ids = parsed.data;
  const child = isCaseRef(ids.ref) ? await deps.children.get(ids.ref) : null;
  if (!child) return refused('not-found', ids.ref, rule.hidden());
  if (!(await actorMaySee(deps, actor, child, rule.door, ids))) return refused('no-access', ids.ref, rule.hidden());
  const part = rule.pick(child, ids);
  if (!part) return refused('not-found', ids.ref, rule.hidden());
  const rest = Object.fromEntries(Object.entries(data).filter(([k]) => !(k in ids)));
  return { subject: { kind, ref: child.ref, child, ...part } as SubjectOf<K>, rest };
}

/** The single rule, with the facts it needs read from the store (use cases ask it too, as a second check). */
export async function actorMaySee(
  deps: AppDeps,
  actor: StaffDoc,
  child: ChildDoc,
  door: AccessDoor,
  ids: { id?: string } = {},
): Promise<boolean> {
  const socialWorker = child.socialWorkerId ? await deps.staff.get(child.socialWorkerId) : null;
  let involvedInResolution = false;
  if (door === 'resolution') {
    const r = child.resolutions?.find((x) => x.id === ids.id);
    involvedInResolution = !!r && involvedIds(r, child, await peopleOf(deps)).has(actor._id);
  }
  return maySeeChildVia(door, actor, child, { socialWorker, involvedInResolution, today: today(deps) });
}
