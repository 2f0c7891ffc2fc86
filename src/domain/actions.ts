// What a person must do next (/actions), oldest deadline first. Pure.
import type { WorkingCalendar } from './calendar.js';
import type { ReviewStatus } from './review-status.js';
import type { Child, IsoDate } from './types.js';
import type { ResolutionTaskKind } from './resolutions/index.js';
import type { PlanTaskKind } from './plan-tracking.js';
import { mayDecide } from './booking-rules.js';
import { openItems, type ParticipationChecklist } from './participation.js';
import { recordDueBy, recordOverdue, reviewOverdue } from './timescales.js';
import type { Staff } from './types.js';

export type ActionKind =
  | 'overdue-review'
  | 'book-review'
  | 'distribute-record'
  | 'decide-reschedule'
  | 'participation-checklist'
  | ResolutionTaskKind
  | 'liaison'
  | PlanTaskKind;

export interface ActionItem {
  kind: ActionKind;
  childRef: string;
  deadline: IsoDate;
  overdue: boolean;
  /** Review id for records; the rule id for reviews. */
  subject: string;
  /** Booked start of an overdue review, when there is one, and that booking's id (to reschedule it). */
  bookedStart?: string;
  bookingId?: string;
  /** Resolution items: the stage it is at (subject = resolution id). */
  stage?: number;
  /** Liaison items: the duty (L1–L9); subject = what it is about (domain/liaison.ts). */
  duty?: string;
  /** Participation items (PC5): how many checklist items are still open; subject = the booking id. */
  openItems?: number;
}

export interface ActionOptions {
  today: IsoDate;
  calendar: WorkingCalendar;
  /** Reviews due within this many working days and not booked are listed (DUE_SOON_WORKING_DAYS). */
  dueSoonWorkingDays: number;
}

export function reviewActions(statuses: ReviewStatus[], o: ActionOptions): ActionItem[] {
  const horizon = o.calendar.addWorkingDays(o.today, o.dueSoonWorkingDays);
  const items: ActionItem[] = [];
  for (const s of statuses) {
    const base = { childRef: s.child.ref, deadline: s.next.dueBy, subject: s.next.rule };
    if (reviewOverdue(s.next.dueBy, o.today)) {
      items.push({
        ...base,
        kind: 'overdue-review',
        overdue: true,
        bookedStart: s.booking?.start,
        bookingId: s.booking?.id,
      });
    } else if (!s.booking && s.next.dueBy <= horizon) {
      items.push({ ...base, kind: 'book-review', overdue: false });
    }
  }
  return items;
}

/** Held reviews whose record has not been distributed; overdue from day 15. */
export function recordActions(children: Child[], today: IsoDate): ActionItem[] {
  const items: ActionItem[] = [];
  for (const child of children) {
    for (const r of child.reviews) {
      if (r.recordDistributedOn) continue;
      const overdue = recordOverdue(r.heldOn, today);
      items.push({
        kind: 'distribute-record',
        childRef: child.ref,
        deadline: recordDueBy(r.heldOn),
        overdue,
        subject: r.id,
      });
    }
  }
  return items;
}

/** A booked review's checklist as /actions needs it (PC5). */
export interface BookedChecklist {
  childRef: string;
  bookingId: string;
  /** The review's day (Europe/London). */
  bookedOn: IsoDate;
  checklist: ParticipationChecklist | null | undefined;
}

/**
 * PC5: each booked review whose participation checklist is not complete, due by the review's day; none once
 * that day has passed (PC4 keeps the checklist on the held review as it stood).
 */
export function participationActions(booked: readonly BookedChecklist[], today: IsoDate): ActionItem[] {
  return booked.flatMap((b) => {
    const open = openItems(b.checklist).length;
    if (open === 0 || b.bookedOn < today) return [];
    return [
      {
        kind: 'participation-checklist' as const,
        childRef: b.childRef,
        deadline: b.bookedOn,
        overdue: false,
        subject: b.bookingId,
        openItems: open,
      },
    ];
  });
}

/** A reschedule request as /actions needs it (stored on the child: ChildDoc.rescheduleRequests). */
export interface OpenRescheduleRequest {
  childRef: string;
  id: string;
  /** Proposed start, ISO instant. */
  to: string;
  status: string;
  requestedBy: { id: string };
}

/** Requests waiting for this manager's decision (docs/DOMAIN.md: a reviewing manager who did not ask); due by the proposed date. */
export function rescheduleDecisionActions(
  requests: OpenRescheduleRequest[],
  actor: Staff,
  staff: readonly Staff[],
  today: IsoDate,
): ActionItem[] {
  return requests
    .filter((r) => r.status === 'pending' && mayDecide(actor, staff, r.requestedBy.id))
    .map((r) => {
      const deadline = r.to.slice(0, 10);
      return {
        kind: 'decide-reschedule' as const,
        childRef: r.childRef,
        deadline,
        overdue: today > deadline,
        subject: r.id,
      };
    });
}

export function sortActions(items: ActionItem[]): ActionItem[] {
  return [...items].sort((a, b) =>
    a.deadline < b.deadline ? -1 : a.deadline > b.deadline ? 1 : a.childRef.localeCompare(b.childRef),
  );
}
