// The care and support plan tracked between reviews (docs/DOMAIN.md "Plan between reviews", PT1–PT6). Pure:
// `today`, stamps and the calendar are passed in. The record lives on the child (ChildDoc.plan); every change
// is one versioned child update made by app/plan-tracking.ts.
import { hasRole } from './access.js';
import { addDays, diffDays, isIsoDate, type WorkingCalendar } from './calendar.js';
import { isChildsIro, isChildsSocialWorker } from './case-roles.js';
import { AppError } from './errors.js';
import { isGuestStaff } from './guests.js';
import type { Stamp } from './resolutions/records.js';
import type { IsoDate, Staff } from './types.js';

/** Who carries out an action: a member of staff (reminded in their 1:1 chat) or a named other (e.g. "Foster carer"). */
export type PlanOwner = { kind: 'staff'; staffId: string } | { kind: 'other'; name: string };
export type PlanActionStatus = 'open' | 'done' | 'not-done';

export interface PlanActionUpdate extends Stamp {
  status: 'done' | 'not-done';
  note: string;
}

/** PT1: an action agreed at a review: what, who, by when. */
export interface PlanAction {
  /** `<review id>-A<n>` */
  id: string;
  reviewId: string;
  text: string;
  owner: PlanOwner;
  targetDate: IsoDate;
  recorded: Stamp;
  /** open until done; not-done (with a note) stays outstanding and is carried into the next review. */
  status: PlanActionStatus;
  updates: PlanActionUpdate[];
}

export interface PlanRecord {
  /** PT1: each review's decisions, as the IRO summarised them. */
  decisions: { reviewId: string; text: string; recorded: Stamp }[];
  actions: PlanAction[];
  /** PT5: significant changes staff alerted the IRO to. */
  alerts: { id: string; text: string; raised: Stamp }[];
  /** PT4: the IRO's midway checks, one per review period (keyed by the review that opened it). */
  midwayChecks: { reviewId: string; note: string; done: Stamp }[];
}

export const EMPTY_PLAN: PlanRecord = { decisions: [], actions: [], alerts: [], midwayChecks: [] };

/** Local decisions, configurable (docs/DESIGN.md "Configuration": PLAN_*). */
export interface PlanSettings {
  /** PT4: where between the last review and the next one's due-by date the midway check falls (0.5 = halfway). */
  midwayFraction: number;
  /** PT3: working days before an action's date that its owner is reminded (and again on the date). */
  reminderWorkingDays: number;
}
export const PLAN_DEFAULTS: Readonly<PlanSettings> = { midwayFraction: 0.5, reminderWorkingDays: 5 };

/** Rows one review's form takes (the card has this many). */
export const MAX_ACTION_ROWS = 5;
/** How long after its date a reminder may still go out (downtime, weekends). */
export const PLAN_REMINDER_GRACE_DAYS = 14;

const EXAMPLE = 'Describe each action, who does it and by when';

export interface ActionRow {
  text: string;
  /** A staff id, '' for none, or 'other' with `otherName`. */
  ownerId: string;
  otherName: string;
  targetDate: string;
}

/** PT1: who records a review's decisions and actions: the child's IRO or the review's chair. */
export function mayRecordPlan(actor: Staff, child: { iroId: string }, review: { chairId?: string | null }): boolean {
  return isChildsIro(actor, child) || (!!review.chairId && review.chairId === actor.id);
}

/**
 * PT1: records a held review's decisions and agreed actions. Rows left blank are skipped; a row with anything
 * in it needs all three of what, who and by when. Recording again for the same review replaces the decisions
 * text (when given) and adds the new actions.
 */
export function recordReviewPlan(
  plan: PlanRecord,
  o: {
    actor: Staff;
    child: { ref: string; iroId: string };
    review: { id: string; heldOn: IsoDate; chairId?: string | null };
    decisions: string;
    rows: readonly ActionRow[];
    people: ReadonlyMap<string, Staff>;
    stamp: Stamp;
  },
): PlanRecord {
  if (!mayRecordPlan(o.actor, o.child, o.review)) {
    throw new AppError(
      'forbidden',
      `only ${o.child.ref}'s IRO or the review's chair records its decisions and actions`,
      {},
      { key: 'errors.plan.record-not-yours', params: { ref: o.child.ref } },
    );
  }
  const decisions = o.decisions.trim();
  if (decisions.length > 4000)
    throw new AppError(
      'invalid-input',
      'the decisions are too long (at most 4000 characters)',
      { example: EXAMPLE },
      { key: 'errors.plan.decisions-long' },
    );
  const taken = plan.actions.filter((a) => a.reviewId === o.review.id).length;
  const added: PlanAction[] = [];
  for (const row of o.rows.slice(0, MAX_ACTION_ROWS)) {
    const text = row.text.trim();
    const other = row.otherName.trim();
    if (!text && !row.ownerId && !other && !row.targetDate) continue;
    const n = added.length + 1;
    if (!text)
      throw new AppError(
        'invalid-input',
        `action ${n}: say what is to be done`,
        { example: EXAMPLE },
        { key: 'errors.plan.action-text', params: { n } },
      );
    if (text.length > 500)
      throw new AppError(
        'invalid-input',
        `action ${n} is too long (at most 500 characters)`,
        { example: EXAMPLE },
        { key: 'errors.plan.action-long', params: { n } },
      );
    const owner = ownerOf(row, o.people, n);
    if (!isIsoDate(row.targetDate))
      throw new AppError(
        'invalid-input',
        `action ${n}: choose by when`,
        { example: EXAMPLE },
        { key: 'errors.plan.action-when', params: { n } },
      );
    const reviewDay = o.review.heldOn;
    if (row.targetDate < reviewDay) {
      throw new AppError(
        'invalid-input',
        `action ${n}: the date is before the review`,
        { example: EXAMPLE, problem: 'date-order' },
        { key: 'errors.plan.action-before', params: { n } },
      );
    }
    if (diffDays(row.targetDate, o.review.heldOn) > 366) {
      throw new AppError(
        'invalid-input',
        `action ${n}: at most a year after the review`,
        { example: EXAMPLE, problem: 'date-order' },
        { key: 'errors.plan.action-year', params: { n } },
      );
    }
    added.push({
      id: `${o.review.id}-A${taken + n}`,
      reviewId: o.review.id,
      text,
      owner,
      targetDate: row.targetDate,
      recorded: o.stamp,
      status: 'open',
      updates: [],
    });
  }
  if (!decisions && !added.length) {
    throw new AppError(
      'invalid-input',
      'write the decisions or at least one action',
      { example: EXAMPLE, problem: 'missing' },
      { key: 'errors.plan.empty' },
    );
  }
  const others = plan.decisions.filter((d) => d.reviewId !== o.review.id);
  const kept = plan.decisions.find((d) => d.reviewId === o.review.id);
  return {
    ...plan,
    decisions: decisions
      ? [...others, { reviewId: o.review.id, text: decisions, recorded: o.stamp }]
      : [...others, ...(kept ? [kept] : [])],
    actions: [...plan.actions, ...added],
  };
}

function ownerOf(row: ActionRow, people: ReadonlyMap<string, Staff>, n: number): PlanOwner {
  if (row.ownerId === 'other') {
    const name = row.otherName.trim();
    if (!name)
      throw new AppError(
        'invalid-input',
        `action ${n}: name who does it`,
        { example: EXAMPLE },
        { key: 'errors.plan.owner-name', params: { n } },
      );
    if (name.length > 100 || /[\u0000-\u001f]/.test(name)) {
      throw new AppError(
        'invalid-input',
        `action ${n}: the name is too long or has line breaks`,
        { example: EXAMPLE },
        { key: 'errors.plan.owner-long', params: { n } },
      );
    }
    return { kind: 'other', name };
  }
  const staff = people.get(row.ownerId);
  if (!staff || isGuestStaff(staff) || hasRole(staff, 'guardian')) {
    throw new AppError(
      'invalid-input',
      `action ${n}: choose who does it`,
      { example: EXAMPLE },
      { key: 'errors.plan.owner-choose', params: { n } },
    );
  }
  return { kind: 'staff', staffId: staff.id };
}

/** Outstanding: not done yet (open, or reported not done). PT6 carries these into the next review. */
export function isOutstanding(a: PlanAction): boolean {
  return a.status !== 'done';
}

/**
 * PT2: who reports on an action: its owner (staff), the child's IRO, the child's social worker (who reports for a
 * named other), or that worker's manager.
 */
export function mayReportOn(
  actor: Staff,
  a: PlanAction,
  child: { iroId: string; socialWorkerId?: string | null },
  people: ReadonlyMap<string, Staff>,
): boolean {
  if (a.owner.kind === 'staff' && a.owner.staffId === actor.id) return true;
  if (isChildsIro(actor, child)) return true;
  if (isChildsSocialWorker(actor, child)) return true;
  return !!child.socialWorkerId && people.get(child.socialWorkerId)?.managerId === actor.id;
}

/** PT2: marks an action done or not done, with a note (needed for "not done": why, and what happens now). */
export function reportOnAction(
  plan: PlanRecord,
  o: {
    actor: Staff;
    child: { ref: string; iroId: string; socialWorkerId?: string | null };
    people: ReadonlyMap<string, Staff>;
    actionId: string;
    status: 'done' | 'not-done';
    note: string;
    stamp: Stamp;
  },
): { plan: PlanRecord; action: PlanAction } {
  const a = plan.actions.find((x) => x.id === o.actionId);
  if (!a)
    throw new AppError(
      'not-found',
      `no action ${o.actionId} for ${o.child.ref}`,
      { example: `/plan ${o.child.ref}` },
      { key: 'errors.plan.no-action', params: { id: o.actionId, ref: o.child.ref } },
    );
  if (!mayReportOn(o.actor, a, o.child, o.people)) {
    throw new AppError(
      'forbidden',
      "only the action's owner, the child's IRO or social worker can report on it",
      {},
      { key: 'errors.plan.report-not-yours' },
    );
  }
  if (a.status === 'done') {
    const last = a.updates[a.updates.length - 1];
    throw new AppError(
      'conflict',
      `already marked done by ${last?.byName ?? 'someone'} on ${last?.on ?? ''}; nothing was changed`,
      {},
      { key: 'errors.plan.already-done', params: { by: last?.byName ?? 'none', onDate: last?.on ?? 'none' } },
    );
  }
  const note = o.note.trim();
  if (o.status === 'not-done' && !note) {
    throw new AppError(
      'invalid-input',
      'say why it has not been done, and what happens now',
      { problem: 'comment-required' },
      { key: 'errors.plan.why-not-done' },
    );
  }
  if (note.length > 1000)
    throw new AppError(
      'invalid-input',
      'the note is too long (at most 1000 characters)',
      {},
      { key: 'errors.plan.note-long', params: { max: 1000 } },
    );
  const action: PlanAction = {
    ...a,
    status: o.status,
    updates: [...a.updates, { ...o.stamp, status: o.status, note }],
  };
  return { plan: { ...plan, actions: plan.actions.map((x) => (x.id === a.id ? action : x)) }, action };
}

/** PT5: a member of staff alerts the IRO to a significant change (or a failure to carry out a review's decision). */
export function raiseAlert(
  plan: PlanRecord,
  o: { child: { ref: string }; text: string; stamp: Stamp },
): { plan: PlanRecord; id: string } {
  const text = o.text.trim();
  const example = `/alert ${o.child.ref} The placement is ending next week`;
  if (!text)
    throw new AppError('invalid-input', 'say what has changed', { example }, { key: 'errors.plan.alert-text' });
  if (text.length > 2000)
    throw new AppError(
      'invalid-input',
      'the alert is too long (at most 2000 characters)',
      { example },
      { key: 'errors.plan.alert-long' },
    );
  const id = `${o.child.ref}-AL${plan.alerts.length + 1}`;
  return { plan: { ...plan, alerts: [...plan.alerts, { id, text, raised: o.stamp }] }, id };
}

/** The review that opened the current period and the next one's due-by date, as the midway check needs them. */
export interface ReviewPeriod {
  reviewId: string;
  heldOn: IsoDate;
  nextDueBy: IsoDate;
}

/** PT4: the day of the midway check of a period (the fraction of the way from the review to the next due-by date). */
export function midwayDate(period: ReviewPeriod, settings: PlanSettings = PLAN_DEFAULTS): IsoDate {
  const span = Math.max(0, diffDays(period.nextDueBy, period.heldOn));
  return addDays(period.heldOn, Math.round(span * settings.midwayFraction));
}

/** PT4: the IRO's midway check is due (from its day until the next review's due-by date, once not recorded). */
export function midwayCheckDue(
  plan: PlanRecord,
  period: ReviewPeriod,
  today: IsoDate,
  settings = PLAN_DEFAULTS,
): boolean {
  if (plan.midwayChecks.some((c) => c.reviewId === period.reviewId)) return false;
  return today >= midwayDate(period, settings) && today <= period.nextDueBy;
}

/**
 * PT4: the sweeper's prompt goes out from the midway day for PLAN_REMINDER_GRACE_DAYS (downtime), not later: a
 * first sweep after installation does not flood the IROs with every past midway; /actions still lists it.
 */
export function midwayPromptDue(
  plan: PlanRecord,
  period: ReviewPeriod,
  today: IsoDate,
  settings = PLAN_DEFAULTS,
): boolean {
  return (
    midwayCheckDue(plan, period, today, settings) &&
    today <= addDays(midwayDate(period, settings), PLAN_REMINDER_GRACE_DAYS)
  );
}

export function recordMidwayCheck(
  plan: PlanRecord,
  o: { actor: Staff; child: { ref: string; iroId: string }; period: ReviewPeriod | null; note: string; stamp: Stamp },
): PlanRecord {
  if (!isChildsIro(o.actor, o.child))
    throw new AppError(
      'forbidden',
      `only ${o.child.ref}'s IRO records the midway check`,
      {},
      { key: 'errors.plan.midway-not-yours', params: { ref: o.child.ref } },
    );
  if (!o.period)
    throw new AppError(
      'invalid-input',
      `${o.child.ref} has no review held yet to check the plan against`,
      {},
      { key: 'errors.plan.midway-no-review', params: { ref: o.child.ref } },
    );
  const period = o.period;
  const done = plan.midwayChecks.find((c) => c.reviewId === period.reviewId);
  if (done)
    throw new AppError(
      'conflict',
      `the midway check was already recorded by ${done.done.byName} on ${done.done.on}; nothing was changed`,
      {},
      { key: 'errors.plan.midway-done', params: { by: done.done.byName, onDate: done.done.on } },
    );
  const note = o.note.trim();
  if (!note)
    throw new AppError(
      'invalid-input',
      'say what the check found',
      { problem: 'missing' },
      { key: 'errors.plan.midway-text' },
    );
  if (note.length > 2000)
    throw new AppError(
      'invalid-input',
      'the note is too long (at most 2000 characters)',
      {},
      { key: 'errors.plan.note-long', params: { max: 2000 } },
    );
  return { ...plan, midwayChecks: [...plan.midwayChecks, { reviewId: period.reviewId, note, done: o.stamp }] };
}

/** A reminder due today about an action (PT3): who gets it is decided by the caller from `owner`. */
export interface ActionReminder {
  key: string;
  action: PlanAction;
  when: 'before' | 'due';
}

/**
 * PT3: reminders for outstanding actions: `reminderWorkingDays` before the date, and on the date (each once, by
 * key; each may still go out up to PLAN_REMINDER_GRACE_DAYS late). Nothing for done actions.
 */
export function actionReminders(
  ref: string,
  plan: PlanRecord,
  today: IsoDate,
  calendar: WorkingCalendar,
  settings: PlanSettings = PLAN_DEFAULTS,
): ActionReminder[] {
  const out: ActionReminder[] = [];
  for (const a of plan.actions) {
    if (!isOutstanding(a)) continue;
    const before = calendar.addWorkingDays(a.targetDate, -settings.reminderWorkingDays);
    if (today >= before && today < a.targetDate && today <= addDays(before, PLAN_REMINDER_GRACE_DAYS)) {
      out.push({ key: planKeys.reminder(ref, a.id, 'before'), action: a, when: 'before' });
    }
    if (today >= a.targetDate && today <= addDays(a.targetDate, PLAN_REMINDER_GRACE_DAYS)) {
      out.push({ key: planKeys.reminder(ref, a.id, 'due'), action: a, when: 'due' });
    }
  }
  return out;
}

/** Idempotency keys of the plan's messages (outbox ids). */
export const planKeys = {
  reminder: (ref: string, actionId: string, when: 'before' | 'due') => `plan:${ref}:${actionId}:${when}`,
  notDone: (ref: string, actionId: string, n: number) => `plan:${ref}:${actionId}:not-done:${n}`,
  alert: (alertId: string) => `plan:alert:${alertId}`,
  midway: (ref: string, reviewId: string) => `plan:${ref}:midway:${reviewId}`,
};

/** PT6 / the /case summary: counts of a child's actions as at today. */
export function planCounts(
  plan: PlanRecord,
  today: IsoDate,
): { outstanding: number; overdue: number; done: number; notDone: number } {
  const outstanding = plan.actions.filter(isOutstanding);
  return {
    outstanding: outstanding.length,
    overdue: outstanding.filter((a) => a.targetDate < today).length,
    done: plan.actions.length - outstanding.length,
    notDone: plan.actions.filter((a) => a.status === 'not-done').length,
  };
}

/**
 * PT6/PT7: what a review takes up from the plan: actions still outstanding from other reviews (overdue as at
 * `asAt`), and the alerts raised after the review before it (`since`: that review's held date; null: from the
 * start) up to `asAt`.
 */
export function carriedInto(
  plan: PlanRecord | undefined,
  o: { asAt: IsoDate; since: IsoDate | null; reviewId?: string },
): { outstanding: number; overdue: number; alerts: number } {
  if (!plan) return { outstanding: 0, overdue: 0, alerts: 0 };
  const outstanding = plan.actions.filter((a) => isOutstanding(a) && a.reviewId !== o.reviewId);
  return {
    outstanding: outstanding.length,
    overdue: outstanding.filter((a) => a.targetDate < o.asAt).length,
    alerts: plan.alerts.filter((a) => (o.since === null || a.raised.on > o.since) && a.raised.on <= o.asAt).length,
  };
}

/** /actions items of the plan (PT1–PT4). */
export type PlanTaskKind = 'plan-action' | 'plan-record' | 'plan-midway';
export interface PlanTask {
  kind: PlanTaskKind;
  childRef: string;
  /** The action's id, the review's id (record), or the period's review id (midway). */
  subject: string;
  deadline: IsoDate;
  overdue: boolean;
}

/** What the plan asks of this person: their outstanding actions (a named other's: the social worker); the IRO
 *  records a held review's decisions and actions (until recorded, or the next review is held) and does the midway
 *  check when due. The record's deadline is the review's day (it is done at the meeting). */
export function planTasks(
  actor: Staff,
  children: readonly { ref: string; iroId: string; socialWorkerId?: string | null; plan?: PlanRecord }[],
  periods: ReadonlyMap<string, ReviewPeriod | null>,
  today: IsoDate,
  settings: PlanSettings = PLAN_DEFAULTS,
): PlanTask[] {
  const out: PlanTask[] = [];
  for (const child of children) {
    const plan = child.plan ?? EMPTY_PLAN;
    for (const a of plan.actions) {
      if (!isOutstanding(a)) continue;
      const mine = a.owner.kind === 'staff' ? a.owner.staffId === actor.id : isChildsSocialWorker(actor, child);
      if (mine)
        out.push({
          kind: 'plan-action',
          childRef: child.ref,
          subject: a.id,
          deadline: a.targetDate,
          overdue: today > a.targetDate,
        });
    }
    const period = periods.get(child.ref) ?? null;
    if (!period || !isChildsIro(actor, child)) continue;
    const recorded =
      plan.decisions.some((d) => d.reviewId === period.reviewId) ||
      plan.actions.some((a) => a.reviewId === period.reviewId);
    if (!recorded)
      out.push({
        kind: 'plan-record',
        childRef: child.ref,
        subject: period.reviewId,
        deadline: period.heldOn,
        overdue: false,
      });
    if (midwayCheckDue(plan, period, today, settings)) {
      out.push({
        kind: 'plan-midway',
        childRef: child.ref,
        subject: period.reviewId,
        deadline: period.nextDueBy,
        overdue: false,
      });
    }
  }
  return out;
}
