// The data of cards/plan.json (docs/DOMAIN.md PT1–PT6): a child's plan between reviews — the period and its
// midway check, the last review's decisions, the outstanding actions first (a page at a time: the card stays
// small whatever the history), and the forms each viewer may use. Every word comes from the catalogue (plan area).
import type { PlanView } from '../../app/plan-tracking.js';
import { hasRole, LADDER_ROLES } from '../../domain/access.js';
import { isChildsIro, isChildsSocialWorker } from '../../domain/case-roles.js';
import { isGuestStaff } from '../../domain/guests.js';
import {
  isOutstanding,
  MAX_ACTION_ROWS,
  mayRecordPlan,
  mayReportOn,
  midwayCheckDue,
  midwayDate,
  planCounts,
  type PlanAction,
  type PlanSettings,
} from '../../domain/plan-tracking.js';
import type { StaffDoc } from '../../store/documents.js';
import type { CardChoice } from '../card-parts.js';
import { childLabel } from '../presenters/labels.js';
import { meetingDay } from '../presenters/meeting-text.js';
import { type Reader } from '../presenters/reader-language.js';

/** Longest note and decisions text shown (the full text stays on record and in the history). */
const NOTE_SHOWN = 300;
const DECISIONS_SHOWN = 2000;
const short = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/** Actions on one page of the card. */
export const PLAN_PAGE_SIZE = 8;
/** Staff offered as owners (the IRO, the social work team, the reviewing team, the ladder), by name. */
export const MAX_OWNER_CHOICES = 20;

export interface PlanActionItem {
  actionId: string;
  text: string;
  meta: string;
  carried: string;
  overdue: boolean;
  canReport: boolean;
}

export interface PlanCardData {
  message: string;
  title: string;
  periodText: string;
  midwayText: string;
  midwayDue: boolean;
  countsText: string;
  decisionsTitle: string;
  decisionsText: string;
  actionsTitle: string;
  emptyText: string;
  actions: PlanActionItem[];
  pageText: string;
  page: string;
  hasNext: boolean;
  hasPrevious: boolean;
  nextPage: string;
  previousPage: string;
  ref: string;
  canRecord: boolean;
  recordFor: string;
  reviewId: string;
  reviewHeld: string;
  rows: { n: string; label: string }[];
  ownerChoices: CardChoice[];
  canMidway: boolean;
  canAlert: boolean;
  labels: Record<
    | 'report'
    | 'status'
    | 'done'
    | 'notDone'
    | 'note'
    | 'save'
    | 'required'
    | 'previous'
    | 'next'
    | 'record'
    | 'decisions'
    | 'owner'
    | 'due'
    | 'otherName'
    | 'midway'
    | 'midwayNote'
    | 'midwaySave'
    | 'alert'
    | 'alertText'
    | 'alertSend',
    string
  >;
}

function ownerChoices(v: PlanView, rd: Reader): CardChoice[] {
  const team = v.child.socialWorkTeam;
  const relevant = (p: StaffDoc) =>
    isChildsIro(p, v.child) ||
    isChildsSocialWorker(p, v.child) ||
    (!!team && p.team === team) ||
    p.team === 'reviewing' ||
    hasRole(p, ...LADDER_ROLES);
  const staff = [...v.people.values()]
    .filter((p) => !isGuestStaff(p) && relevant(p))
    .sort((a, b) => a.name.localeCompare(b.name))
    .slice(0, MAX_OWNER_CHOICES);
  return [
    ...staff.map((p) => ({ title: p.name, value: p._id })),
    { title: rd.t('plan.record.other-owner'), value: 'other' },
  ];
}

function statusText(a: PlanAction, today: string, rd: Reader): string {
  const last = a.updates[a.updates.length - 1];
  if (a.status === 'done' && last) return rd.t('plan.status.done', { name: last.byName, date: meetingDay(rd, last.on) });
  if (a.status === 'not-done' && last) {
    return rd.t('plan.status.not-done', { name: last.byName, date: meetingDay(rd, last.on), note: short(last.note, NOTE_SHOWN) });
  }
  return rd.t(a.targetDate < today ? 'plan.status.overdue' : 'plan.status.open');
}

/** Outstanding first (earliest date first), then the done ones (latest first). */
function ordered(actions: readonly PlanAction[]): PlanAction[] {
  const open = actions.filter(isOutstanding).sort((a, b) => a.targetDate.localeCompare(b.targetDate) || a.id.localeCompare(b.id));
  const done = actions.filter((a) => !isOutstanding(a)).sort((a, b) => b.targetDate.localeCompare(a.targetDate));
  return [...open, ...done];
}

export function planCardData(
  v: PlanView,
  viewer: StaffDoc,
  rd: Reader,
  opts: { showNames: boolean; page: number; settings: PlanSettings; message?: string },
): PlanCardData {
  const { t } = rd;
  const period = v.period;
  const latest = period ? v.child.reviews.find((r) => r.id === period.reviewId) : undefined;
  const counts = planCounts(v.plan, v.today);
  const all = ordered(v.plan.actions);
  const pages = Math.max(1, Math.ceil(all.length / PLAN_PAGE_SIZE));
  const page = Math.min(Math.max(0, opts.page), pages - 1);
  const shown = all.slice(page * PLAN_PAGE_SIZE, (page + 1) * PLAN_PAGE_SIZE);
  const name = (id: string) => v.people.get(id)?.name ?? id;
  const decisions = period ? v.plan.decisions.find((d) => d.reviewId === period.reviewId) : undefined;
  const check = period ? v.plan.midwayChecks.find((c) => c.reviewId === period.reviewId) : undefined;
  const midwayOn = period ? midwayDate(period, opts.settings) : null;
  const midwayDue = !!period && midwayCheckDue(v.plan, period, v.today, opts.settings);
  const iro = isChildsIro(viewer, v.child);
  return {
    message: opts.message ?? '',
    title: t('plan.card.title', { child: childLabel(v.child, opts.showNames) }),
    periodText: period
      ? t('plan.card.period', {
          review: period.reviewId,
          held: meetingDay(rd, period.heldOn),
          due: meetingDay(rd, period.nextDueBy),
        })
      : t('plan.card.no-period'),
    midwayText: check
      ? t('plan.card.midway.done', {
          name: check.done.byName,
          date: meetingDay(rd, check.done.on),
          note: short(check.note, NOTE_SHOWN),
        })
      : midwayOn
        ? t(midwayDue ? 'plan.card.midway.due' : 'plan.card.midway.later', { date: meetingDay(rd, midwayOn) })
        : '',
    midwayDue,
    countsText: t('plan.card.counts', counts),
    decisionsTitle: t('plan.card.decisions', { review: period?.reviewId ?? '' }),
    decisionsText: short(decisions?.text ?? '', DECISIONS_SHOWN),
    actionsTitle: t('plan.card.actions'),
    emptyText: all.length ? '' : t('plan.card.no-actions'),
    actions: shown.map((a) => ({
      actionId: a.id,
      text: t('plan.action.line', { text: a.text }),
      meta: t('plan.action.meta', {
        owner: a.owner.kind === 'staff' ? name(a.owner.staffId) : a.owner.name,
        date: meetingDay(rd, a.targetDate),
        status: statusText(a, v.today, rd),
      }),
      // PT6: an outstanding action from an earlier review is carried into this one.
      carried: isOutstanding(a) && period && a.reviewId !== period.reviewId ? t('plan.action.carried', { review: a.reviewId }) : '',
      overdue: isOutstanding(a) && a.targetDate < v.today,
      canReport: isOutstanding(a) && mayReportOn(viewer, a, v.child, v.people),
    })),
    pageText:
      all.length > PLAN_PAGE_SIZE
        ? t('plan.card.page', {
            from: page * PLAN_PAGE_SIZE + 1,
            to: page * PLAN_PAGE_SIZE + shown.length,
            total: all.length,
          })
        : '',
    page: String(page),
    hasNext: page < pages - 1,
    hasPrevious: page > 0,
    nextPage: String(page + 1),
    previousPage: String(Math.max(0, page - 1)),
    ref: v.child.ref,
    canRecord: !!latest && mayRecordPlan(viewer, v.child, latest),
    recordFor: latest ? t('plan.record.for', { review: latest.id, held: meetingDay(rd, latest.heldOn) }) : '',
    reviewId: latest?.id ?? '',
    reviewHeld: latest?.heldOn ?? v.today,
    rows: Array.from({ length: MAX_ACTION_ROWS }, (_, i) => ({
      n: String(i + 1),
      label: t('plan.record.action', { n: i + 1 }),
    })),
    ownerChoices: latest && mayRecordPlan(viewer, v.child, latest) ? ownerChoices(v, rd) : [],
    canMidway: iro && !!period && !check,
    canAlert: !iro && !isGuestStaff(viewer),
    labels: {
      report: t('plan.report.button'),
      status: t('plan.report.status'),
      done: t('plan.report.done'),
      notDone: t('plan.report.not-done'),
      note: t('plan.report.note'),
      save: t('plan.report.save'),
      required: t('plan.required'),
      previous: t('plan.card.previous'),
      next: t('plan.card.next'),
      record: t('plan.record.button'),
      decisions: t('plan.record.decisions'),
      owner: t('plan.record.owner'),
      due: t('plan.record.due'),
      otherName: t('plan.record.other-name'),
      midway: t('plan.midway.button'),
      midwayNote: t('plan.midway.note'),
      midwaySave: t('plan.midway.save'),
      alert: t('plan.alert.button'),
      alertText: t('plan.alert.text'),
      alertSend: t('plan.alert.send'),
    },
  };
}

declare module '../cards.js' {
  interface CardTemplates {
    'plan': PlanCardData;
  }
}
