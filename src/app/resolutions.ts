// Use cases of the resolution process (docs/DOMAIN.md "Resolutions"): raise, acknowledge, respond,
// resolve, escalate, notify the senior officer, refer, gather the referral pack, compliments, lists
// and report figures. Each change goes through updateChild (child-update.ts): one versioned update of
// the child document carrying its history entry and the messages it causes (DESIGN rule 5); a lost race
// is re-read and decided again, so a duplicate click answers "already acknowledged by X at T".
import { canSeeChild, hasRole, hasServiceWideView } from '../domain/access.js';
import { AppError } from '../domain/errors.js';
import {
  acknowledge,
  currentStage,
  escalate,
  gatherReferralItem,
  involvedIds,
  isChildsIro,
  isOpenResolution,
  nextDeadline,
  notifySeniorOfficer,
  permissionsFor,
  raise,
  refer,
  resolutionKeys,
  RESOLUTION_STAGES,
  stageDef,
  resolutionTasks,
  resolve,
  respond,
  stateOf,
  type AgreedAction,
  type Compliment,
  type People,
  type Permissions,
  type RaiseInput,
  type Resolution,
  type ResolutionTask,
  type StageDef,
  type Stamp,
  type StageState,
} from '../domain/resolutions/index.js';
import type { IsoDate } from '../domain/types.js';
import { resolutionIdFor } from '../domain/resolution-id.js';
import type { ChildDoc, MessageAddress, PendingMessage, StaffDoc } from '../store/documents.js';
import { changeTo, updateChild } from './child-update.js';
import { today, type AppDeps } from './deps.js';

/** A Teams mention: the person's id as Teams knows it, and the name shown in `<at>…</at>`. */
export interface Mention {
  id: string;
  name: string;
}

/** Data of a queued 'resolution-card' message (rendered at delivery from the child document). */
export interface ResolutionCardMessage extends Record<string, unknown> {
  resolutionId: string;
  audience: 'addressee' | 'iro';
  /** English banner of a message queued before issue 13; '' now (`said` is written in the reader's language). */
  headline: string;
  /** What the banner says, written at delivery in the reader's language. */
  said?: ResolutionHeadline | null;
  mentions: Mention[];
}

/** The banner of a queued resolution card, as data (issue 13). */
export type ResolutionHeadline =
  | { kind: 'responded'; name: string }
  | { kind: 'escalated'; name: string; stage: { id: string; label: string; labelCy?: string } };

export { stampOf };

/** A stage as a queued banner names it: its id (the catalogue's key) and the council's label. */
export const stageRef = (d: StageDef): { id: string; label: string; labelCy?: string } => ({
  id: d.id,
  label: d.label,
  ...(d.labelCy ? { labelCy: d.labelCy } : {}),
});

export function stagesOf(deps: Pick<AppDeps, 'resolutionStages'>): readonly StageDef[] {
  return deps.resolutionStages ?? RESOLUTION_STAGES;
}

export async function peopleOf(deps: Pick<AppDeps, 'staff'>): Promise<Map<string, StaffDoc>> {
  return new Map((await deps.staff.list()).map((s) => [s._id, s]));
}

function stampOf(deps: AppDeps, actor: StaffDoc): Stamp {
  return { by: actor._id, byName: actor.name, at: deps.clock().toISOString(), on: today(deps) };
}

/**
 * Mention ids (decision): the user id of the person's saved 1:1 conversation reference ('29:…', what
 * Teams itself uses) when the bot has one, else their AAD object id (Teams accepts it in card
 * mentions); nobody is left out for want of an id only if neither is known (then the name is plain).
 */
export async function mentionsFor(
  deps: Pick<AppDeps, 'conversations'>,
  ids: readonly string[],
  people: People,
): Promise<Mention[]> {
  const out: Mention[] = [];
  for (const id of ids) {
    const p = people.get(id);
    if (!p) continue;
    const chat = await deps.conversations.personalChatOf({ staffId: id, aadObjectId: p.aadObjectId ?? null });
    const teamsId = (chat?.kind === 'personal' ? chat.address.user?.id : undefined) ?? p.aadObjectId ?? null;
    if (teamsId) out.push({ id: teamsId, name: p.name });
  }
  return out;
}

function cardMessage(key: string, to: MessageAddress, data: ResolutionCardMessage, newThread = false): PendingMessage {
  return { key, to, message: { type: 'resolution-card', data }, ...(newThread ? { newThread: true } : {}) };
}

/**
 * Where a stage's card goes: stage 1 to the child's social work team channel (a new thread, ref and
 * initials only); a child with no team, and ladder stages, to each addressee's 1:1 chat.
 */
export async function stageCardMessages(
  deps: AppDeps,
  child: ChildDoc,
  r: Resolution,
  people: People,
  said: ResolutionHeadline | null,
): Promise<PendingMessage[]> {
  const s = currentStage(r);
  if (s.stage === 0) return [];
  const mentions = await mentionsFor(deps, s.addresseeIds, people);
  const data: ResolutionCardMessage = { resolutionId: r.id, audience: 'addressee', headline: '', said, mentions };
  if (s.stage === 1 && child.socialWorkTeam) {
    return [
      cardMessage(
        resolutionKeys.card(r.id, 1),
        { kind: 'channel', purpose: 'social-work-channel', team: child.socialWorkTeam },
        data,
        true,
      ),
    ];
  }
  const out: PendingMessage[] = [];
  for (const id of s.addresseeIds) {
    out.push(
      cardMessage(
        `${resolutionKeys.card(r.id, s.stage)}:${id}`,
        { kind: 'personal', staffId: id },
        { ...data, mentions: await mentionsFor(deps, [id], people) },
      ),
    );
  }
  return out;
}

async function loadVisible(deps: AppDeps, actor: StaffDoc, ref: string, people: People): Promise<ChildDoc> {
  const child = await deps.children.get(ref);
  const sw = child?.socialWorkerId ? (people.get(child.socialWorkerId) ?? null) : null;
  const involved = child ? (child.resolutions ?? []).some((r) => involvedIds(r, child, people).has(actor._id)) : false;
  // The same answer for "no such child" and "not yours": a refusal must not confirm a child exists.
  if (!child || !(canSeeChild(actor, child, sw) || involved)) {
    throw new AppError(
      'not-found',
      `no case ${ref} that you can see`,
      { example: '/resolutions' },
      { key: 'errors.case.unknown', params: { ref } },
    );
  }
  return child;
}

function findResolution(child: ChildDoc, id: string): { r: Resolution; index: number } {
  const index = (child.resolutions ?? []).findIndex((x) => x.id === id);
  if (index < 0)
    throw new AppError(
      'not-found',
      `no resolution ${id} for ${child.ref}`,
      {
        example: `/resolutions all ${child.ref}`,
      },
      { key: 'errors.resolution.unknown', params: { id, ref: child.ref } },
    );
  return { r: child.resolutions![index], index };
}

// ---- raise ---------------------------------------------------------------------------------

export interface RaiseResult {
  child: ChildDoc;
  resolution: Resolution;
}

/** `/raise REF`: checks the caller may raise one for this child before showing the form. */
export async function prepareRaise(
  deps: AppDeps,
  actor: StaffDoc,
  ref: string,
): Promise<{ child: ChildDoc; today: IsoDate }> {
  const child = await loadVisible(deps, actor, ref, await peopleOf(deps));
  if (!isChildsIro(actor, child)) {
    throw new AppError(
      'forbidden',
      `only ${child.ref}'s IRO can raise a resolution for them`,
      {
        example: '/caseload',
      },
      { key: 'errors.resolution.raise-not-yours', params: { ref: child.ref } },
    );
  }
  return { child, today: today(deps) };
}

/** `/raise REF` form submitted (IRO only, for a child on their caseload). */
export async function raiseResolution(
  deps: AppDeps,
  actor: StaffDoc,
  ref: string,
  form: RaiseInput,
): Promise<RaiseResult> {
  const people = await peopleOf(deps);
  return updateChild(
    deps,
    actor,
    () => loadVisible(deps, actor, ref, people),
    async (child) => {
      const id = resolutionIdFor(child.ref, (child.resolutions?.length ?? 0) + 1);
      const stamp = stampOf(deps, actor);
      const r = raise({ id, actor, child, people, form, stamp, table: stagesOf(deps), calendar: deps.calendar });
      return changeTo(
        {
          set: { resolutions: [...(child.resolutions ?? []), r] },
          pending: await stageCardMessages(deps, child, r, people, null),
          history: {
            action: 'resolution.raise',
            after: { resolutionId: id, stage: currentStage(r).stage, theme: r.theme },
          },
          audit: { action: 'resolution.raise', details: { resolutionId: id, stage: currentStage(r).stage } },
        },
        (after) => ({ child: after, resolution: r }),
      );
    },
  );
}

// ---- changes to one resolution ---------------------------------------------------------------

export interface ResolutionView {
  /** Who asked (their language, their buttons). */
  actor: StaffDoc;
  child: ChildDoc;
  resolution: Resolution;
  state: StageState;
  permissions: Permissions;
  people: Map<string, StaffDoc>;
  /** Addressees of the current stage, for the card's mentions. */
  mentions: Mention[];
  today: IsoDate;
  table: readonly StageDef[];
}

export interface Decision {
  next: Resolution;
  /** History/audit action, e.g. 'resolution.acknowledge'. */
  action: string;
  details?: Record<string, unknown>;
  messages?: (child: ChildDoc, next: Resolution, people: People) => Promise<PendingMessage[]>;
}

async function buildView(
  deps: AppDeps,
  actor: StaffDoc,
  child: ChildDoc,
  r: Resolution,
  people: Map<string, StaffDoc>,
): Promise<ResolutionView> {
  return {
    actor,
    child,
    resolution: r,
    state: stateOf(r),
    permissions: permissionsFor(actor, r, child, people),
    people,
    mentions: await mentionsFor(deps, currentStage(r).addresseeIds, people),
    today: today(deps),
    table: stagesOf(deps),
  };
}

/** Read, decide (pure), write; on a lost race read again and decide again (which may now say "already done"). */
export async function changeResolution(
  deps: AppDeps,
  actor: StaffDoc,
  ref: string,
  id: string,
  decide: (r: Resolution, child: ChildDoc, people: People, stamp: Stamp) => Decision,
): Promise<ResolutionView> {
  const people = await peopleOf(deps);
  return updateChild(
    deps,
    actor,
    () => loadVisible(deps, actor, ref, people),
    async (child) => {
      const { r, index } = findResolution(child, id);
      const d = decide(r, child, people, stampOf(deps, actor));
      return changeTo(
        {
          set: { resolutions: (child.resolutions ?? []).map((x, i) => (i === index ? d.next : x)) },
          pending: d.messages ? await d.messages(child, d.next, people) : [],
          history: {
            action: d.action,
            before: { resolutionId: id, stage: currentStage(r).stage, state: stateOf(r) },
            after: {
              resolutionId: id,
              stage: currentStage(d.next).stage,
              state: stateOf(d.next),
              ...(d.details ?? {}),
            },
          },
          audit: {
            action: d.action,
            details: { resolutionId: id, stage: currentStage(d.next).stage, ...(d.details ?? {}) },
          },
        },
        (after) => buildView(deps, actor, after, d.next, people),
      );
    },
  );
}

/** The card for whoever asks (refresh, Open): their buttons, or the status only. */
export async function viewResolution(deps: AppDeps, actor: StaffDoc, ref: string, id: string): Promise<ResolutionView> {
  const people = await peopleOf(deps);
  const child = await loadVisible(deps, actor, ref, people);
  return buildView(deps, actor, child, findResolution(child, id).r, people);
}

export function acknowledgeResolution(
  deps: AppDeps,
  actor: StaffDoc,
  ref: string,
  id: string,
  stageOnCard?: number,
): Promise<ResolutionView> {
  return changeResolution(deps, actor, ref, id, (r, child, people, stamp) => ({
    next: acknowledge(r, { actor, child, people, stamp, stageOnCard, table: stagesOf(deps) }),
    action: 'resolution.acknowledge',
  }));
}

export function respondToResolution(
  deps: AppDeps,
  actor: StaffDoc,
  ref: string,
  id: string,
  input: { stageOnCard?: number; text: string; actions: AgreedAction[] },
): Promise<ResolutionView> {
  return changeResolution(deps, actor, ref, id, (r, child, people, stamp) => ({
    next: respond(r, {
      actor,
      child,
      people,
      stamp,
      stageOnCard: input.stageOnCard,
      table: stagesOf(deps),
      text: input.text,
      actions: input.actions,
    }),
    action: 'resolution.respond',
    details: { agreedActions: input.actions.length },
    // The IRO gets the response in their 1:1 chat, with Resolve / Escalate.
    messages: async (c, next) => [
      cardMessage(resolutionKeys.response(next.id, currentStage(next).stage), { kind: 'personal', staffId: c.iroId }, {
        resolutionId: next.id,
        audience: 'iro',
        headline: '',
        said: { kind: 'responded', name: actor.name },
        mentions: [],
      } satisfies ResolutionCardMessage),
    ],
  }));
}

export function resolveResolution(
  deps: AppDeps,
  actor: StaffDoc,
  ref: string,
  id: string,
  outcome: string,
  stageOnCard?: number,
): Promise<ResolutionView> {
  return changeResolution(deps, actor, ref, id, (r, child, _people, stamp) => ({
    next: resolve(r, { actor, child, stamp, stageOnCard, table: stagesOf(deps), outcome }),
    action: 'resolution.resolve',
  }));
}

export function escalateResolution(
  deps: AppDeps,
  actor: StaffDoc,
  ref: string,
  id: string,
  input: { stageOnCard?: number; toStage?: number; skipReason?: string | null },
): Promise<ResolutionView> {
  return changeResolution(deps, actor, ref, id, (r, child, people, stamp) => {
    const next = escalate(r, { actor, child, people, stamp, table: stagesOf(deps), calendar: deps.calendar, ...input });
    const s = currentStage(next);
    return {
      next,
      action: 'resolution.escalate',
      details: { fromStage: currentStage(r).stage, toStage: s.stage, skipped: s.skipped },
      messages: (c, n, p) =>
        stageCardMessages(deps, c, n, p, {
          kind: 'escalated',
          name: actor.name,
          stage: stageRef(stageDef(stagesOf(deps), s.stage)),
        }),
    };
  });
}

export function notifySeniorOfficerOf(
  deps: AppDeps,
  actor: StaffDoc,
  ref: string,
  id: string,
  note: string,
): Promise<ResolutionView> {
  return changeResolution(deps, actor, ref, id, (r, child, people, stamp) => {
    const next = notifySeniorOfficer(r, { actor, child, people, stamp, table: stagesOf(deps), note });
    const officerId = next.seniorOfficerNotice!.officerId;
    return {
      next,
      action: 'resolution.senior-officer-notice',
      details: { officerId },
      messages: async () => [
        {
          key: resolutionKeys.seniorOfficer(next.id),
          to: { kind: 'personal', staffId: officerId },
          message: {
            type: 'child-notice',
            data: {
              title: 'Possible Cafcass referral',
              text: `${actor.name} (IRO) gives notice that resolution ${next.id} may be referred to Cafcass. ${note.trim()}`,
              tone: 'warning',
              say: {
                title: { key: 'notice.senior-officer.title' },
                text: {
                  key: 'notice.senior-officer.text',
                  params: { iro: actor.name, id: next.id, note: note.trim() },
                },
              },
            },
          },
        },
      ],
    };
  });
}

export function referResolution(
  deps: AppDeps,
  actor: StaffDoc,
  ref: string,
  id: string,
  cutShortReason: string | null,
): Promise<ResolutionView> {
  return changeResolution(deps, actor, ref, id, (r, child, _people, stamp) => {
    const next = refer(r, { actor, child, stamp, table: stagesOf(deps), cutShortReason });
    const reason = next.referral!.cutShortReason;
    const officerId = next.seniorOfficerNotice!.officerId;
    return {
      next,
      action: 'resolution.refer',
      details: { cutShort: reason !== null },
      // Handbook 8.12: "the IRO should explain the reasons for this to the senior officer".
      messages: async () =>
        reason === null
          ? []
          : [
              {
                key: resolutionKeys.cutShortReason(next.id),
                to: { kind: 'personal', staffId: officerId },
                message: {
                  type: 'child-notice',
                  data: {
                    title: 'Cafcass referral: process cut short',
                    text: `${actor.name} (IRO) has referred resolution ${next.id} to Cafcass Cymru before the last stage. Reason: ${reason}`,
                    tone: 'warning',
                    say: {
                      title: { key: 'notice.cut-short.title' },
                      text: { key: 'notice.cut-short.text', params: { iro: actor.name, id: next.id, reason } },
                    },
                  },
                },
              },
            ],
    };
  });
}

export function gatherReferral(
  deps: AppDeps,
  actor: StaffDoc,
  ref: string,
  id: string,
  item: string,
): Promise<ResolutionView> {
  return changeResolution(deps, actor, ref, id, (r, child, _people, stamp) => ({
    next: gatherReferralItem(r, { actor, child, stamp, item }),
    action: 'resolution.referral-item',
    details: { item },
  }));
}

// ---- lists ---------------------------------------------------------------------------------

export interface ResolutionRow {
  child: ChildDoc;
  resolution: Resolution;
  state: StageState;
  ageWorkingDays: number;
  next: { kind: string; date: IsoDate } | null;
  overdue: boolean;
}

/** `/resolutions [open|all] [REF]`: the caller's (IRO: caseload; addressees: theirs; managers: all). */
export async function listResolutions(
  deps: AppDeps,
  actor: StaffDoc,
  opts: { all: boolean; ref?: string },
): Promise<{ today: IsoDate; rows: ResolutionRow[] }> {
  const people = await peopleOf(deps);
  const t = today(deps);
  let children: ChildDoc[];
  if (opts.ref) children = [await loadVisible(deps, actor, opts.ref, people)];
  else {
    const all = await deps.children.listAll();
    children = all.filter((c) => (c.resolutions ?? []).length > 0);
  }
  const rows: ResolutionRow[] = [];
  for (const child of children) {
    for (const r of child.resolutions ?? []) {
      if (!opts.all && !isOpenResolution(r)) continue;
      // Without REF: the caller's own (IRO's caseload, addressees and their managers); service-wide viewers see all.
      const mine =
        isChildsIro(actor, child) ||
        involvedIds(r, child, people).has(actor._id) ||
        (hasRole(actor, 'team-manager') && !!child.socialWorkTeam && actor.team === child.socialWorkTeam);
      if (!opts.ref && !mine && !hasServiceWideView(actor)) continue;
      const next = nextDeadline(r);
      rows.push({
        child,
        resolution: r,
        state: stateOf(r),
        ageWorkingDays: Math.max(0, deps.calendar.workingDaysBetween(r.raised.on, t)),
        next,
        overdue: !!next && t > next.date,
      });
    }
  }
  rows.sort(
    (a, b) =>
      (a.next?.date ?? '9999').localeCompare(b.next?.date ?? '9999') || a.resolution.id.localeCompare(b.resolution.id),
  );
  return { today: t, rows };
}

/** /actions items about resolutions for this person (addressees, IROs, ladder roles). */
export async function resolutionActions(
  deps: AppDeps,
  actor: StaffDoc,
): Promise<{ items: ResolutionTask[]; children: Map<string, ChildDoc> }> {
  const children = await deps.children.listWithOpenResolutions();
  if (!children.length) return { items: [], children: new Map() };
  const people = await peopleOf(deps);
  return {
    items: resolutionTasks(actor, children, people, today(deps)),
    children: new Map(children.map((c) => [c.ref, c])),
  };
}

// ---- compliments ------------------------------------------------------------------------------

/** An IRO records a compliment about a worker's practice on a case: delivered to them and counted; no workflow. */
export async function recordCompliment(
  deps: AppDeps,
  actor: StaffDoc,
  ref: string,
  about: StaffDoc,
  text: string,
): Promise<{ child: ChildDoc; compliment: Compliment }> {
  if (!hasRole(actor, 'iro'))
    throw new AppError(
      'forbidden',
      'only IROs record compliments',
      { example: '/help' },
      { key: 'errors.compliment.iro-only' },
    );
  const body = text.trim();
  const example = `/compliment ${ref} dafydd@council.example Thorough life story work`;
  if (!body)
    throw new AppError(
      'invalid-input',
      'say what the compliment is for',
      { example },
      { key: 'errors.compliment.what' },
    );
  if (body.length > 1000)
    throw new AppError(
      'invalid-input',
      'the compliment is too long (at most 1000 characters)',
      { example },
      { key: 'errors.compliment.too-long' },
    );
  if (about._id === actor._id)
    throw new AppError(
      'invalid-input',
      "a compliment is about someone else's practice",
      { example },
      { key: 'errors.compliment.self' },
    );
  const people = await peopleOf(deps);
  return updateChild(
    deps,
    actor,
    () => loadVisible(deps, actor, ref, people),
    (child) => {
      const compliment: Compliment = {
        id: `${child.ref}-K${(child.compliments?.length ?? 0) + 1}`,
        aboutId: about._id,
        text: body,
        recorded: stampOf(deps, actor),
      };
      const pending: PendingMessage = {
        key: resolutionKeys.compliment(compliment.id),
        to: { kind: 'personal', staffId: about._id },
        message: {
          type: 'child-notice',
          data: {
            title: `A compliment from ${actor.name}`,
            text: body,
            tone: 'success',
            say: { title: { key: 'notice.compliment.title', params: { name: actor.name } } },
          },
        },
      };
      return changeTo(
        {
          set: { compliments: [...(child.compliments ?? []), compliment] },
          pending: [pending],
          history: { action: 'compliment.record', after: { complimentId: compliment.id, aboutId: about._id } },
          audit: { action: 'compliment.record', details: { complimentId: compliment.id, aboutId: about._id } },
        },
        (after) => ({ child: after, compliment }),
      );
    },
  );
}
