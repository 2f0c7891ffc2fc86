import { commaListInput } from '../domain/comma-list.js';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { hasRole } from '../domain/access.js';
import { isChildsIro } from '../domain/case-roles.js';
import { isIsoDate } from '../domain/calendar.js';
import { AppError } from '../domain/errors.js';
import { isGuestStaff } from '../domain/guests.js';
import {
  CHECKLIST_ITEMS,
  DISCUSSION_TOPICS,
  DUTIES,
  DUTY_IDS,
  guardianAccessOpen,
  guardianChildren,
  isChildsGuardian,
  LIAISON_DEFAULTS,
  type LiaisonSettings,
  liaisonItems,
  liaisonKeys,
  mayActOn,
  NOT_APPLICABLE_ITEMS,
  openItemsFor,
  seesLegalCopy,
  type DiscussionTopic,
  type DutyId,
  type LiaisonActor,
  type LiaisonChild,
  type LiaisonDiscussion,
  type LiaisonItem,
} from '../domain/liaison.js';
import type { Proceedings } from '../domain/types.js';
import type { ChildDoc, PendingMessage, StaffDoc } from '../store/documents.js';
import { changeTo, requireUnchangedSince, updateChild, type ChildFields, type Decision } from './child-update.js';
import { intoThread, legalContactId } from './liaison-thread.js';
import { today, type AppDeps } from './deps.js';
import { isCaseRef } from '../domain/case-ref.js';

// Use cases of the Children's Guardian liaison (docs/DOMAIN.md L1–L10): the /liaison form (proceedings,
// court documents, legal contact), recording an IRO–Guardian discussion (L10) and marking a duty done.
// Each change goes through updateChild (child-update.ts): one versioned update of the child carrying its
// history entry and the messages it causes (rule 5). A refusal never says whether a child exists: the same answer for "no such child"
// and "not yours" — a Guardian (a guest) must learn nothing about children who are not theirs.

const NOT_AVAILABLE = 'that liaison item is not available to you';

async function refuse(deps: AppDeps, actor: StaffDoc, action: string, ref: string, reason: string): Promise<never> {
  await deps.audit.record({
    at: deps.clock(),
    actor: { id: actor._id, name: actor.name, kind: 'staff' },
    action: `${action}.refused`,
    subject: ref,
    details: { reason },
  });
  throw new AppError('forbidden', NOT_AVAILABLE, { example: '/actions' }, { key: 'errors.liaison.unavailable' });
}

/** The child, if this person may work on its liaison at all (else the neutral refusal, audited). */
async function liaisonChild(deps: AppDeps, actor: StaffDoc, ref: string, action: string): Promise<ChildDoc> {
  const child = isCaseRef(ref) ? await deps.children.get(ref) : null;
  if (!child?.proceedings)
    return refuse(deps, actor, action, String(ref).slice(0, 40), child ? 'no-proceedings' : 'not-found');
  const ok = isGuestStaff(actor)
    ? isChildsGuardian(actor, child)
    : isChildsIro(actor, child) || hasRole(actor, 'business-support', 'legal');
  if (!ok) return refuse(deps, actor, action, child.ref, 'no-access');
  return child;
}

// ---- /liaison REF -----------------------------------------------------------------------------

export interface LiaisonFormView {
  child: ChildDoc;
  guardians: StaffDoc[];
  legal: StaffDoc[];
  legalContactId: string | null;
  open: LiaisonItem[];
  names: Map<string, string>;
  /** Keys of the open items this person may mark done (mayActOn with the subject: L6 court is legal's). */
  actsOnItems: ReadonlySet<string>;
  /** The child's IRO (or the Guardian) may record an IRO–Guardian discussion (L10) once proceedings exist. */
  canRecordDiscussion: boolean;
  /** The person reads prompts as legal's copy (seesLegalCopy). */
  legalCopy: boolean;
}

/** `/liaison REF`: the child's proceedings and liaison record (IRO of the child, business support, legal). */
export async function liaisonForm(deps: AppDeps, actor: StaffDoc, ref: string): Promise<LiaisonFormView> {
  if (!hasRole(actor, 'iro', 'business-support', 'legal')) {
    throw new AppError(
      'forbidden',
      '/liaison is for IROs, business support and legal',
      { example: '/actions' },
      { key: 'errors.liaison.not-for-you' },
    );
  }
  const child = await deps.children.get(ref);
  // Business support records proceedings that have just started (L1), so a child without any is fine here.
  const ok =
    child &&
    (isChildsIro(actor, child) ||
      hasRole(actor, 'business-support') ||
      (hasRole(actor, 'legal') && !!child.proceedings));
  if (!child || !ok) {
    await deps.audit.record({
      at: deps.clock(),
      actor: { id: actor._id, name: actor.name, kind: 'staff' },
      action: 'liaison.view.refused',
      subject: ref,
      details: { reason: child ? 'no-access' : 'not-found' },
    });
    throw new AppError(
      'not-found',
      `no case ${ref} that you can see`,
      { example: '/liaison C1001' },
      { key: 'errors.case.unknown', params: { ref } },
    );
  }
  const staff = await deps.staff.list();
  const legal = staff.filter((s) => hasRole(s, 'legal'));
  const t = today(deps);
  const open = liaisonItems(child, t, deps.calendar, liaisonSettings(deps)).filter(
    (i) => (i.open && !i.part && i.duty !== 'L7') || (i.duty === 'L7' && i.deadline <= t),
  );
  return {
    child,
    guardians: staff.filter((s) => hasRole(s, 'guardian')),
    legal,
    legalContactId: legalContactId(child, legal),
    open,
    actsOnItems: new Set(open.filter((i) => mayActOn(actor, child, i.duty, i.subject)).map((i) => i.key)),
    names: new Map(staff.map((s) => [s._id, s.name])),
    canRecordDiscussion: !!child.proceedings && mayActOn(actor, child, 'L10'),
    legalCopy: seesLegalCopy(actor),
  };
}

const optDate = z.preprocess(
  (v) => (v === '' || v === null || v === 'none' ? null : v),
  z.string().refine(isIsoDate, 'dates are YYYY-MM-DD').nullable().optional(),
);
const optId = z.preprocess(
  (v) => (v === '' || v === null || v === 'none' ? null : v),
  z.string().max(64).nullable().optional(),
);

export const saveLiaisonSchema = z.object({
  ref: z.string().min(1).max(40),
  version: z.coerce.number().int().nonnegative(),
  startedOn: optDate,
  guardianId: optId,
  guardianAppointedOn: optDate,
  irhDate: optDate,
  finalHearingDate: optDate,
  concludedOn: optDate,
  outcome: z.preprocess(
    (v) => (v === '' || v === 'none' ? null : v),
    z.enum(['remains-looked-after', 'leaves-care']).nullable().optional(),
  ),
  intervalDays: z.preprocess(
    (v) => (v === '' || v === null ? undefined : v),
    z.coerce.number().int().min(7).max(182).optional(),
  ),
  legalContactId: optId,
  courtDocsReceivedOn: optDate,
});
export type SaveLiaisonInput = z.infer<typeof saveLiaisonSchema>;

/**
 * Saves the /liaison form. IRO (own child) and business support set the proceedings (L1: the Guardian);
 * legal records court documents received (L4) and may be named the legal contact.
 */
export function saveLiaison(deps: AppDeps, actor: StaffDoc, input: SaveLiaisonInput): Promise<ChildDoc> {
  return updateChild(
    deps,
    actor,
    async () => {
      const child = await deps.children.get(input.ref);
      const { editsProceedings, recordsDocs } = saveRights(actor, child);
      if (!child || isGuestStaff(actor) || (!editsProceedings && !recordsDocs)) {
        return refuse(deps, actor, 'liaison.save', input.ref, child ? 'no-access' : 'not-found');
      }
      return child;
    },
    (child) => decideSave(deps, actor, input, child),
  );
}

function saveRights(actor: StaffDoc, child: ChildDoc | null): { editsProceedings: boolean; recordsDocs: boolean } {
  const editsProceedings = !!child && (isChildsIro(actor, child) || hasRole(actor, 'business-support'));
  return { editsProceedings, recordsDocs: !!child?.proceedings && (editsProceedings || hasRole(actor, 'legal')) };
}

/** The form shows `input.version`: anything saved since is refused, naming who and when (a stale form never overwrites). */
async function decideSave(
  deps: AppDeps,
  actor: StaffDoc,
  input: SaveLiaisonInput,
  child: ChildDoc,
): Promise<Decision<ChildDoc>> {
  requireUnchangedSince(child, input.version, '/liaison ' + child.ref);
  const { editsProceedings, recordsDocs } = saveRights(actor, child);
  const set: ChildFields = {};
  let liaison = child.liaison ?? {};
  const before = child.proceedings ?? null;
  let after: Proceedings | null = before;
  if (editsProceedings) {
    if (!input.startedOn) {
      if (before)
        throw new AppError(
          'invalid-input',
          'give the date the proceedings started',
          {
            example: 'Proceedings started: 2026-09-28',
            problem: 'missing',
          },
          { key: 'errors.liaison.started-needed' },
        );
    } else {
      if (input.guardianId) {
        const g = await deps.staff.get(input.guardianId);
        if (!g || !hasRole(g, 'guardian'))
          throw new AppError(
            'invalid-input',
            'choose a Guardian from the staff directory',
            {
              example: 'Ffion Powell (Cafcass Cymru)',
            },
            { key: 'errors.liaison.guardian-needed' },
          );
      }
      if (input.concludedOn && !input.outcome)
        throw new AppError(
          'invalid-input',
          'say whether the child remains looked after',
          {
            example: 'Outcome: Remains looked after',
            problem: 'missing',
          },
          { key: 'errors.liaison.remains-needed' },
        );
      after = {
        startedOn: input.startedOn,
        guardianId: input.guardianId ?? null,
        guardianAppointedOn: input.guardianId
          ? (input.guardianAppointedOn ?? before?.guardianAppointedOn ?? today(deps))
          : null,
        irhDate: input.irhDate ?? null,
        finalHearingDate: input.finalHearingDate ?? null,
        concludedOn: input.concludedOn ?? null,
        outcome: input.concludedOn ? (input.outcome ?? null) : null,
        discussionIntervalDays:
          input.intervalDays ?? before?.discussionIntervalDays ?? liaisonSettings(deps).discussionIntervalDays,
      };
      set.proceedings = after;
    }
  }
  if (input.legalContactId !== undefined && (editsProceedings || hasRole(actor, 'legal'))) {
    if (input.legalContactId) {
      const l = await deps.staff.get(input.legalContactId);
      if (!l || !hasRole(l, 'legal'))
        throw new AppError(
          'invalid-input',
          'choose a legal contact from the staff directory',
          {
            example: 'Angharad Rees',
          },
          { key: 'errors.liaison.legal-needed' },
        );
    }
    liaison = { ...liaison, legalContactId: input.legalContactId ?? null };
    set.liaison = liaison;
  }
  if (input.courtDocsReceivedOn && recordsDocs) {
    if ((child.liaison?.courtDocuments ?? []).some((d) => d.receivedOn === input.courtDocsReceivedOn)) {
      throw new AppError(
        'conflict',
        `court documents received on ${input.courtDocsReceivedOn} are already recorded`,
        {
          example: '/liaison ' + child.ref,
        },
        { key: 'errors.liaison.docs-already', params: { whenDate: String(input.courtDocsReceivedOn) } },
      );
    }
    set.liaison = {
      ...liaison,
      courtDocuments: [...(liaison.courtDocuments ?? []), { receivedOn: input.courtDocsReceivedOn, byId: actor._id }],
    };
  }
  if (!Object.keys(set).length) {
    throw new AppError(
      'invalid-input',
      'there is nothing to save',
      {
        example: '/liaison ' + child.ref,
        problem: 'nothing-to-change',
      },
      { key: 'errors.liaison.nothing-to-save' },
    );
  }
  return changeTo(
    {
      set,
      history: {
        action: 'liaison.save',
        before: { proceedings: before },
        after: { proceedings: after, courtDocsReceivedOn: input.courtDocsReceivedOn ?? null },
      },
      audit: {
        action: 'liaison.save',
        details: { proceedingsChanged: !!set.proceedings, courtDocsReceivedOn: input.courtDocsReceivedOn ?? null },
      },
    },
    (updated) => updated,
  );
}

// ---- record a discussion (L10) ------------------------------------------------------------------

export const discussionSchema = z.object({
  ref: z.string().min(1).max(40),
  on: z.string().refine(isIsoDate, 'give the date as YYYY-MM-DD'),
  // Teams sends a multi-select as "a,b"; tolerate an array too.
  topics: z.preprocess(
    commaListInput,
    z.array(z.enum(DISCUSSION_TOPICS.map((t) => t.id) as [DiscussionTopic, ...DiscussionTopic[]])),
  ),
  notes: z.preprocess((v) => v ?? '', z.string().max(2000)),
  final: z.preprocess((v) => v === true || v === 'true', z.boolean()),
  /** L9: monitoring issues from the final discussion, carried into the next review. */
  monitoringIssues: z.preprocess((v) => v ?? '', z.string().max(2000)).optional(),
});
export type DiscussionInput = z.infer<typeof discussionSchema>;

export interface LiaisonChange {
  child: ChildDoc;
  /** The Guardian's access ended with this change (the closing card is queued). */
  closed: boolean;
}

/** Messages into the thread after a change: `extra`, plus the closing card when access just ended. */
async function threadMessages(
  deps: AppDeps,
  before: ChildDoc,
  afterIsClosed: boolean,
  extra: Omit<PendingMessage, 'to' | 'threadOf'>[],
): Promise<PendingMessage[]> {
  const g = before.proceedings?.guardianId;
  if (!g) return [];
  const closing =
    afterIsClosed && guardianAccessOpen(before)
      ? [{ key: liaisonKeys.closed(before.ref, g), message: { type: 'liaison-closed', data: { guardianId: g } } }]
      : [];
  const all = [...extra, ...closing];
  return all.length ? intoThread(deps.outbox, before, g, all) : [];
}

function accessClosedAfter(child: ChildDoc, change: (c: LiaisonChild) => LiaisonChild): boolean {
  return !guardianAccessOpen(change(child));
}

export function recordDiscussion(deps: AppDeps, actor: StaffDoc, input: DiscussionInput): Promise<LiaisonChange> {
  return updateChild(
    deps,
    actor,
    () => liaisonChild(deps, actor, input.ref, 'liaison.discussion'),
    (child) => decideDiscussion(deps, actor, input, child),
  );
}

async function decideDiscussion(
  deps: AppDeps,
  actor: StaffDoc,
  input: DiscussionInput,
  child: ChildDoc,
): Promise<Decision<LiaisonChange>> {
  if (!mayActOn({ id: actor._id, roles: actor.roles }, child, 'L10'))
    return refuse(deps, actor, 'liaison.discussion', child.ref, 'not-iro-or-guardian');
  if (input.on > today(deps))
    throw new AppError(
      'invalid-input',
      'a discussion cannot be recorded for a future date',
      {
        example: today(deps),
        problem: 'future-date',
      },
      { key: 'errors.liaison.future-discussion' },
    );
  const final = input.final && !!child.proceedings?.concludedOn;
  const discussion: LiaisonDiscussion = {
    id: randomUUID(),
    on: input.on,
    byId: actor._id,
    topics: input.topics,
    notes: input.notes.trim(),
    final,
    ...(final && input.monitoringIssues?.trim() ? { monitoringIssues: input.monitoringIssues.trim() } : {}),
    recordedAt: deps.clock(),
  };
  const liaison = { ...child.liaison, discussions: [...(child.liaison?.discussions ?? []), discussion] };
  const closed = accessClosedAfter(child, (c) => ({ ...c, liaison }));
  const pending = await threadMessages(deps, child, closed, [
    {
      key: `liaison:${child.ref}:discussion:${discussion.id}`,
      message: { type: 'liaison-record', data: { discussionId: discussion.id } },
    },
  ]);
  return changeTo(
    {
      set: { liaison },
      pending,
      history: {
        action: 'liaison.discussion',
        after: { id: discussion.id, on: discussion.on, topics: discussion.topics, final },
      },
      audit: { action: 'liaison.discussion', details: { discussionId: discussion.id, final } },
    },
    (updated) => ({ child: updated, closed }),
  );
}

// ---- mark a duty done ---------------------------------------------------------------------------

const DONE_DUTIES = ['L2', 'L3', 'L4', 'L6', 'L8', 'L9'] as const;
const DUTY_IDS_ALL = DUTY_IDS as unknown as [DutyId, ...DutyId[]];
export const doneSchema = z.object({
  ref: z.string().min(1).max(40),
  duty: z.enum(DONE_DUTIES),
  subject: z.string().min(1).max(64),
  /** L9 "contact arrangements (if not covered in the care plan)": confirmed as not applicable. */
  notApplicable: z.preprocess((v) => v === true || v === 'true', z.boolean()).optional(),
});
export type DoneInput = z.infer<typeof doneSchema>;

export function markLiaisonDone(deps: AppDeps, actor: StaffDoc, input: DoneInput): Promise<LiaisonChange> {
  return updateChild(
    deps,
    actor,
    () => liaisonChild(deps, actor, input.ref, 'liaison.done'),
    (child) => decideDone(deps, actor, input, child),
  );
}

/** On a fresh read after a lost race this answers "already done by X on D" rather than recording it twice. */
async function decideDone(
  deps: AppDeps,
  actor: StaffDoc,
  input: DoneInput,
  child: ChildDoc,
): Promise<Decision<LiaisonChange>> {
  const duty: DutyId = input.duty;
  if (!mayActOn({ id: actor._id, roles: actor.roles }, child, duty, input.subject))
    return refuse(deps, actor, 'liaison.done', child.ref, `not-${duty}-actor`);
  const notApplicable = input.notApplicable === true;
  if (notApplicable && (duty !== 'L9' || !NOT_APPLICABLE_ITEMS.some((x) => x === input.subject)))
    throw new AppError(
      'invalid-input',
      'only the contact arrangements can be marked not applicable',
      {
        example: 'contact-arrangements',
        problem: 'not-applicable',
      },
      { key: 'errors.liaison.not-applicable-only' },
    );
  const t = today(deps);
  const item = liaisonItems(child, t, deps.calendar, liaisonSettings(deps)).find(
    (i) =>
      i.duty === duty &&
      i.subject === input.subject &&
      (duty !== 'L9' || (i.part && CHECKLIST_ITEMS.some((c) => c.id === i.subject))),
  );
  if (!item) return refuse(deps, actor, 'liaison.done', child.ref, 'no-such-item');
  if (!item.open) {
    const d = (child.liaison?.done ?? []).find((x) => x.duty === duty && x.subject === input.subject);
    const who = d ? ((await deps.staff.get(d.byId))?.name ?? d.byId) : 'someone';
    throw new AppError(
      'conflict',
      `this was already done by ${who}${d ? ` on ${d.on}` : ''}`,
      { example: '/actions' },
      { key: 'errors.liaison.already-done', params: { who, whenDate: d?.on ?? 'none' } },
    );
  }
  const entry = { duty, subject: input.subject, on: t, byId: actor._id, ...(notApplicable ? { notApplicable } : {}) };
  const liaison = { ...child.liaison, done: [...(child.liaison?.done ?? []), entry] };
  const closed = accessClosedAfter(child, (c) => ({ ...c, liaison }));
  return changeTo(
    {
      set: { liaison },
      pending: await threadMessages(deps, child, closed, []),
      history: { action: 'liaison.done', after: entry },
      audit: { action: 'liaison.done', details: { duty, subject: input.subject } },
    },
    (updated) => ({ child: updated, closed }),
  );
}

// ---- /actions -------------------------------------------------------------------------------------

export interface LiaisonActionItem {
  child: ChildDoc;
  item: LiaisonItem;
}

/**
 * Open liaison items this person must act on: a Guardian only for their own children while their
 * access is open; an IRO for their caseload; legal and business support across the service.
 */
export async function liaisonActions(deps: AppDeps, actor: StaffDoc): Promise<LiaisonActionItem[]> {
  const t = today(deps);
  const pairs: [ChildDoc, LiaisonActor][] = [];
  if (hasRole(actor, 'guardian')) {
    for (const c of guardianChildren(actor, await deps.children.listByGuardian(actor._id))) pairs.push([c, 'guardian']);
    return collect(pairs, t, deps);
  }
  if (isGuestStaff(actor)) return [];
  if (hasRole(actor, 'iro'))
    for (const c of await deps.children.listByIro(actor._id)) if (c.proceedings) pairs.push([c, 'iro']);
  if (hasRole(actor, 'legal', 'business-support')) {
    const all = (await deps.children.listAll()).filter((c) => c.proceedings);
    for (const c of all) {
      if (hasRole(actor, 'legal')) pairs.push([c, 'legal']);
      if (hasRole(actor, 'business-support')) pairs.push([c, 'business-support']);
    }
  }
  return collect(pairs, t, deps);
}

function collect(pairs: [ChildDoc, LiaisonActor][], t: string, deps: AppDeps): LiaisonActionItem[] {
  const seen = new Set<string>();
  const out: LiaisonActionItem[] = [];
  for (const [child, who] of pairs) {
    for (const item of openItemsFor(child, who, t, deps.calendar, liaisonSettings(deps))) {
      if (seen.has(item.key)) continue;
      seen.add(item.key);
      out.push({ child, item });
    }
  }
  return out;
}

// ---- open one item (the Open button of /actions) ---------------------------------------------------

export const viewItemSchema = z.object({
  ref: z.string().min(1).max(40),
  duty: z.enum(DUTY_IDS_ALL),
  subject: z.string().min(1).max(64),
});
export type ViewItemInput = z.infer<typeof viewItemSchema>;

/**
 * One liaison item as its prompt card shows it, for whoever may work on it: the child's IRO, business
 * support, legal, or the child's own Guardian while their access lasts (and only for duties a Guardian
 * takes part in). Anything else gets the same neutral refusal as every liaison action, audited.
 */
export async function liaisonItemView(
  deps: AppDeps,
  actor: StaffDoc,
  input: ViewItemInput,
): Promise<{ child: ChildDoc; item: LiaisonItem | null }> {
  const child = await liaisonChild(deps, actor, input.ref, 'liaison.view');
  if (isGuestStaff(actor) && !mayActOn({ id: actor._id, roles: actor.roles }, child, input.duty)) {
    return refuse(deps, actor, 'liaison.view', child.ref, `not-${input.duty}-actor`);
  }
  const item = currentItem(deps, child, input.duty, input.subject);
  if (!item) return refuse(deps, actor, 'liaison.view', child.ref, 'no-such-item');
  return { child, item };
}

/** For card re-renders after an action: the item as it stands now. */
export function currentItem(deps: AppDeps, child: ChildDoc, duty: DutyId, subject: string): LiaisonItem | null {
  const items = liaisonItems(child, today(deps), deps.calendar, liaisonSettings(deps));
  return (
    items.find((i) => i.duty === duty && i.subject === subject && !i.part) ??
    (duty === 'L9' ? (items.find((i) => i.duty === 'L9' && i.subject === 'final') ?? null) : null)
  );
}

export { DUTIES };

/** The council's liaison timings (config LIAISON_*), the defaults when deps carry none (tests built by hand). */
export function liaisonSettings(deps: Pick<AppDeps, 'liaison'>): LiaisonSettings {
  return deps.liaison ?? LIAISON_DEFAULTS;
}
