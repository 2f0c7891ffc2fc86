// Use cases of the plan tracked between reviews (docs/DOMAIN.md "Plan between reviews", PT1–PT6): record a held
// review's decisions and actions, report on an action, alert the IRO to a significant change, record the midway
// check. Each change is one versioned child update (updateChild) with its history entry and the messages it
// causes queued in the same update (pending kinds 'plan-not-done', 'plan-alert').
import { canSeeChild } from '../domain/access.js';
import { isChildsIro } from '../domain/case-roles.js';
import { AppError } from '../domain/errors.js';
import { isGuestStaff } from '../domain/guests.js';
import {
  EMPTY_PLAN,
  PLAN_DEFAULTS,
  midwayDate,
  planKeys,
  planTasks,
  raiseAlert,
  recordMidwayCheck,
  recordReviewPlan,
  reportOnAction,
  type ActionRow,
  type PlanRecord,
  type PlanSettings,
  type PlanTask,
  type ReviewPeriod,
} from '../domain/plan-tracking.js';
import type { Stamp } from '../domain/resolutions/records.js';
import type { ChildDoc, PendingMessage, StaffDoc } from '../store/documents.js';
import { changeTo, updateChild } from './child-update.js';
import { today, type AppDeps } from './deps.js';
import { peopleOf } from './resolutions.js';

export function planSettings(deps: Pick<AppDeps, 'plan'>): PlanSettings {
  return deps.plan ?? PLAN_DEFAULTS;
}

export function planOf(child: Pick<ChildDoc, 'plan'>): PlanRecord {
  return child.plan ?? EMPTY_PLAN;
}

/** The period the midway check is about: the latest held review and the next review's stored due-by date. */
export function reviewPeriod(child: Pick<ChildDoc, 'reviews' | 'nextReview'>): ReviewPeriod | null {
  const last = child.reviews.reduce<(typeof child.reviews)[number] | undefined>(
    (m, r) => (!m || r.heldOn > m.heldOn ? r : m),
    undefined,
  );
  const nextDueBy = child.nextReview?.dueBy ?? null;
  if (!last || !nextDueBy) return null;
  const period = { reviewId: last.id, heldOn: last.heldOn, nextDueBy };
  return midwayDate(period) >= period.heldOn ? period : null;
}

function stampOf(deps: AppDeps, actor: StaffDoc): Stamp {
  return { by: actor._id, byName: actor.name, at: deps.clock().toISOString(), on: today(deps) };
}

/**
 * Who may open a child's plan: whoever may see the child, and the staff owners of its actions (to report on
 * theirs). The same answer for "no such child" and "not yours".
 */
async function loadForPlan(deps: AppDeps, actor: StaffDoc, ref: string): Promise<ChildDoc> {
  const child = await deps.children.get(ref);
  const sw = child?.socialWorkerId ? await deps.staff.get(child.socialWorkerId) : null;
  const owner = !!child && planOf(child).actions.some((a) => a.owner.kind === 'staff' && a.owner.staffId === actor._id);
  if (!child || isGuestStaff(actor) || !(canSeeChild(actor, child, sw) || owner)) {
    throw new AppError(
      'not-found',
      `I can't find case ${ref} among the children you work with`,
      {
        example: `/plan ${ref}`,
      },
      { key: 'errors.booking.case-unknown', params: { ref } },
    );
  }
  return child;
}

export interface PlanView {
  child: ChildDoc;
  plan: PlanRecord;
  people: Map<string, StaffDoc>;
  today: string;
  period: ReviewPeriod | null;
}

export async function viewPlan(deps: AppDeps, actor: StaffDoc, ref: string): Promise<PlanView> {
  const child = await loadForPlan(deps, actor, ref);
  return { child, plan: planOf(child), people: await peopleOf(deps), today: today(deps), period: reviewPeriod(child) };
}

async function changePlan(
  deps: AppDeps,
  actor: StaffDoc,
  ref: string,
  decide: (
    child: ChildDoc,
    plan: PlanRecord,
    people: Map<string, StaffDoc>,
    stamp: Stamp,
  ) => {
    plan: PlanRecord;
    action: string;
    details: Record<string, unknown>;
    pending?: PendingMessage[];
  },
): Promise<PlanView> {
  const people = await peopleOf(deps);
  return updateChild(
    deps,
    actor,
    () => loadForPlan(deps, actor, ref),
    (child) => {
      const d = decide(child, planOf(child), people, stampOf(deps, actor));
      return changeTo(
        {
          set: { plan: d.plan },
          pending: d.pending ?? [],
          history: { action: d.action, after: d.details },
          audit: { action: d.action, details: d.details },
        },
        (after) => ({ child: after, plan: planOf(after), people, today: today(deps), period: reviewPeriod(after) }),
      );
    },
  );
}

/** PT1: the decisions and actions of a held review. */
export function recordPlan(
  deps: AppDeps,
  actor: StaffDoc,
  ref: string,
  reviewId: string,
  input: { decisions: string; rows: ActionRow[] },
): Promise<PlanView> {
  return changePlan(deps, actor, ref, (child, plan, people, stamp) => {
    const review = child.reviews.find((r) => r.id === reviewId);
    if (!review) {
      throw new AppError(
        'not-found',
        `no review ${reviewId} held for ${child.ref}`,
        { example: `/plan ${child.ref}` },
        { key: 'errors.held.no-review', params: { ref: child.ref, id: reviewId } },
      );
    }
    const next = recordReviewPlan(plan, { actor, child, review, people, stamp, ...input });
    const added = next.actions.length - plan.actions.length;
    return { plan: next, action: 'plan.record', details: { reviewId, actionsAdded: added } };
  });
}

/** PT2: done / not done with a note; "not done" tells the IRO (a failure to implement a review's decision). */
export function reportOnPlanAction(
  deps: AppDeps,
  actor: StaffDoc,
  ref: string,
  actionId: string,
  input: { status: 'done' | 'not-done'; note: string },
): Promise<PlanView> {
  return changePlan(deps, actor, ref, (child, plan, people, stamp) => {
    const r = reportOnAction(plan, { actor, child, people, actionId, stamp, ...input });
    const toIro = input.status === 'not-done' && !isChildsIro(actor, child);
    const pending: PendingMessage[] = toIro
      ? [
          {
            key: planKeys.notDone(child.ref, actionId, r.action.updates.length),
            to: { kind: 'personal', staffId: child.iroId },
            message: { type: 'plan-not-done', data: { actionId, language: people.get(child.iroId)?.language ?? null } },
          },
        ]
      : [];
    return { plan: r.plan, action: `plan.action.${input.status}`, details: { actionId }, pending };
  });
}

/** PT5: `/alert REF text` or from the plan card: a 1:1 card to the child's IRO, on the case timeline. */
export function alertIro(
  deps: AppDeps,
  actor: StaffDoc,
  ref: string,
  text: string,
): Promise<PlanView & { alertId: string }> {
  let alertId = '';
  return changePlan(deps, actor, ref, (child, plan, people, stamp) => {
    const r = raiseAlert(plan, { child, text, stamp });
    alertId = r.id;
    const pending: PendingMessage[] = [
      {
        key: planKeys.alert(r.id),
        to: { kind: 'personal', staffId: child.iroId },
        message: { type: 'plan-alert', data: { alertId: r.id, language: people.get(child.iroId)?.language ?? null } },
      },
    ];
    return { plan: r.plan, action: 'plan.alert', details: { alertId: r.id }, pending };
  }).then((v) => ({ ...v, alertId }));
}

/** PT4: the IRO records the midway check of the current period. */
export function recordMidway(deps: AppDeps, actor: StaffDoc, ref: string, note: string): Promise<PlanView> {
  return changePlan(deps, actor, ref, (child, plan, _people, stamp) => {
    const period = reviewPeriod(child);
    const next = recordMidwayCheck(plan, { actor, child, period, note, stamp });
    return { plan: next, action: 'plan.midway', details: { reviewId: period?.reviewId ?? null } };
  });
}

/** /actions items of the plan for this person: their actions on any child, and the IRO's record and midway checks. */
export async function planActions(
  deps: AppDeps,
  actor: StaffDoc,
  ownChildren: readonly ChildDoc[],
): Promise<{ items: PlanTask[]; children: ChildDoc[] }> {
  const owned = await deps.children.listWithPlanActionsFor(actor._id);
  const byRef = new Map([...ownChildren, ...owned].map((c) => [c.ref, c] as const));
  const children = [...byRef.values()];
  const periods = new Map(children.map((c) => [c.ref, reviewPeriod(c)] as const));
  return { items: planTasks(actor, children, periods, today(deps), planSettings(deps)), children };
}
