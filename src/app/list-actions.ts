import { hasRole, isReviewingManager } from '../domain/access.js';
import {
  participationActions,
  recordActions,
  rescheduleDecisionActions,
  reviewActions,
  sortActions,
  type ActionItem,
  type BookedChecklist,
} from '../domain/actions.js';
import { todayIn } from '../domain/calendar.js';
import { coverOn, coversToday } from '../domain/cover.js';
import { upcomingBooking } from '../domain/review-status.js';
import type { BookingDoc, ChildDoc, StaffDoc } from '../store/documents.js';
import { today, type AppDeps } from './deps.js';
import { reviewStatuses } from './review-statuses.js';
import { resolutionActions } from './resolutions.js';
import { liaisonActions } from './liaison.js';
import { planActions } from './plan-tracking.js';
import { isGuestStaff } from '../domain/guests.js';

export interface ActionsResult {
  today: string;
  /** Whose work this is: the caller's caseload, or the service's (business support books and distributes). */
  scope: 'own' | 'service' | 'none';
  items: ActionItem[];
  /** Child documents by ref, for labels. */
  children: Map<string, ChildDoc>;
  /** CV1: the names of the absent IROs whose reviews this person covers, by id (empty when none). */
  coveredFor: Map<string, string>;
}

/**
 * `/actions`: what this person must do next, oldest deadline first. IROs: their children's reviews to
 * book, overdue reviews and records to distribute, open participation checklists (PC5), and the reviews they
 * cover while the cover is in force (CV1), which leave the absent IRO's list meanwhile; business support:
 * the same for the service.
 * Other roles have no review actions (resolutions and liaison add theirs); guests never see children here.
 */
export async function listActions(deps: AppDeps, actor: StaffDoc): Promise<ActionsResult> {
  const t = today(deps);
  // Liaison (L1–L9): a guest (Guardian) gets only their own children's open liaison items, nothing else.
  const liaison = await liaisonActions(deps, actor);
  const liaisonItems: ActionItem[] = liaison.map(({ child, item }) => ({
    kind: 'liaison',
    childRef: child.ref,
    deadline: item.deadline,
    overdue: t > item.deadline,
    subject: item.subject,
    duty: item.duty,
  }));
  if (isGuestStaff(actor)) {
    return {
      today: t,
      scope: 'none',
      items: sortActions(liaisonItems),
      children: new Map(liaison.map(({ child }) => [child.ref, child] as const)),
      coveredFor: new Map(),
    };
  }
  const scope = hasRole(actor, 'iro') ? 'own' : hasRole(actor, 'business-support') ? 'service' : 'none';
  const children =
    scope === 'own'
      ? await deps.children.listByIro(actor._id)
      : scope === 'service'
        ? await deps.children.listAll()
        : [];
  // CV1: while a cover is in force the covering IRO books and chases that review, not the absent IRO.
  const covered =
    scope === 'own' ? (await deps.children.listCoveredBy(actor._id, t)).filter((c) => coversToday(actor, c, t)) : [];
  const ownReviews = scope === 'own' ? children.filter((c) => coverOn(c.cover, t) === null) : children;
  const { statuses } = reviewStatuses([...ownReviews, ...covered], deps);
  // Resolutions: addressees acknowledge/answer, IROs review responses and overdue stages, ladder roles their escalations.
  const res = await resolutionActions(deps, actor);
  // Reschedules: reviewing team managers (or the head of service when the only one asked) decide.
  const withRequests =
    isReviewingManager(actor) || hasRole(actor, 'head-of-service') ? await deps.children.listWithPendingRequests() : [];
  const decisions = withRequests.length
    ? rescheduleDecisionActions(
        withRequests.flatMap((c) => (c.rescheduleRequests ?? []).map((r) => ({ ...r, childRef: c.ref }))),
        actor,
        await deps.staff.list(),
        t,
      )
    : [];
  // The plan between reviews (issue 15): owners' actions, the IRO's record and midway check.
  const plan = await planActions(deps, actor, scope === 'own' ? children : []);
  const items = sortActions([
    ...reviewActions(statuses, { today: t, calendar: deps.calendar, dueSoonWorkingDays: deps.dueSoonWorkingDays }),
    ...recordActions(children, t),
    ...participationActions(scope === 'own' ? bookedChecklists([...ownReviews, ...covered], deps.tzName) : [], t),
    ...res.items.map((i) => ({
      kind: i.kind,
      childRef: i.childRef,
      deadline: i.deadline,
      overdue: i.overdue,
      subject: i.resolutionId,
      stage: i.stage,
    })),
    ...decisions,
    ...liaisonItems,
    ...plan.items,
  ]);
  const absent = new Set(covered.map((c) => c.cover!.forIroId));
  const coveredFor = new Map(
    absent.size ? (await deps.staff.list()).filter((p) => absent.has(p._id)).map((p) => [p._id, p.name] as const) : [],
  );
  return {
    today: t,
    scope,
    items,
    coveredFor,
    children: new Map([
      ...res.children,
      ...liaison.map(({ child }) => [child.ref, child] as const),
      ...withRequests.map((c) => [c.ref, c] as const),
      ...children.map((c) => [c.ref, c] as const),
      ...covered.map((c) => [c.ref, c] as const),
      ...plan.children.map((c) => [c.ref, c] as const),
    ]),
  };
}

/** PC5: the checklist of each child's booked review (the child's IRO answers it: PC2). */
function bookedChecklists(children: readonly ChildDoc[], tzName: string): BookedChecklist[] {
  return children.flatMap((child) => {
    const booking = upcomingBooking(child) as BookingDoc | null;
    if (!booking) return [];
    const bookedOn = todayIn(new Date(booking.start), tzName);
    return [{ childRef: child.ref, bookingId: booking.id, bookedOn, checklist: booking.participation }];
  });
}
