// Reschedule a booked review (docs/DOMAIN.md "Booking and rescheduling"): the free slots up to the due-by
// date, the request, and a reviewing team manager's decision from the card. Every decision is one
// versioned update of the child document; a lost race or a second click changes nothing and says
// who decided when (DESIGN rule 6).
import {
  canBook,
  canRequestReschedule,
  checkStart,
  isRescheduleReason,
  mayDecide,
  needsManagerApproval,
  requireOutsideReason,
} from '../../domain/booking-rules.js';
import { formatDate } from '../../domain/dates-format.js';
import { AppError } from '../../domain/errors.js';
import { freeSlots, londonDateTime, type Slot } from '../../domain/slots.js';
import type { NextReview } from '../../domain/timescales.js';
import type { BookingDoc, ChildDoc, PendingMessage, StaffDoc } from '../../store/documents.js';
import type { RescheduleRequestDoc } from '../../store/reschedule-documents.js';
import { today, type AppDeps } from '../deps.js';
import { actorMaySee } from '../load-for-actor.js';
import { changeTo, unchanged, updateChild, type Decision } from '../child-update.js';
import { bookingSettings } from './booking-settings.js';
import { approvalCards, bookingCards, decidingStaff, noticeTo } from './booking-messages.js';
import {
  checkStartOfferingSlots,
  diaryOf,
  isLive,
  liveBookingOf,
  loadChild,
  nextId,
  requireNext,
  slotRules,
  who,
} from './booking-common.js';

export const RESCHEDULE_EXAMPLE = '/reschedule C1001';
const exampleFor = (ref: string) => RESCHEDULE_EXAMPLE.replace('C1001', ref);

export interface RescheduleOptions {
  child: ChildDoc;
  booking: BookingDoc;
  next: NextReview;
  /** Up to 5 free slots (docs/DOMAIN.md), within timescale unless the due-by date has passed. */
  slots: Slot[];
  pending: RescheduleRequestDoc | null;
  /** The person may also cancel or adjourn the booking (the child's IRO, business support). */
  mayCancel: boolean;
}

function bookingToMove(child: ChildDoc, bookingId: string | undefined): BookingDoc {
  const live = liveBookingOf(child);
  const b = bookingId ? child.bookings.find((x) => x.id === bookingId) : live;
  if (!b) {
    throw new AppError(
      'invalid-input',
      bookingId
        ? `booking ${bookingId} no longer exists`
        : `${child.ref}'s next review is not booked yet: book it first`,
      { example: `/book ${child.ref}` },
      bookingId
        ? { key: 'errors.reschedule.booking-gone', params: { id: bookingId } }
        : { key: 'errors.reschedule.not-booked', params: { ref: child.ref } },
    );
  }
  if (!isLive(b))
    throw new AppError(
      'conflict',
      `that booking was ${b.status}${b.statusReason ? ` (${b.statusReason})` : ''}; nothing to move`,
      { example: `/case ${child.ref}` },
      { key: 'errors.reschedule.booking-ended', params: { status: b.status ?? 'booked' } },
    );
  if (!live || live.id !== b.id)
    throw new AppError(
      'conflict',
      `that booking is for a review already held; nothing to move`,
      {
        example: `/case ${child.ref}`,
      },
      { key: 'errors.reschedule.already-held' },
    );
  return b;
}

export async function rescheduleOptions(
  deps: AppDeps,
  actor: StaffDoc,
  ref: string,
  bookingId?: string,
): Promise<RescheduleOptions> {
  return optionsFor(deps, actor, await loadChild(deps, actor, ref, exampleFor(ref)), bookingId);
}

async function optionsFor(
  deps: AppDeps,
  actor: StaffDoc,
  child: ChildDoc,
  bookingId: string | undefined,
): Promise<RescheduleOptions> {
  if (!canRequestReschedule(actor, child, today(deps))) {
    throw new AppError(
      'forbidden',
      `only ${child.ref}'s IRO, business support or social worker can ask to move its review`,
      { example: '/actions' },
      { key: 'errors.reschedule.not-yours', params: { ref: child.ref } },
    );
  }
  const booking = bookingToMove(child, bookingId);
  const next = requireNext(child, deps);
  const diary = await diaryOf(deps, child, booking.id);
  const slots = freeSlots(diary, next.dueBy, deps.clock(), slotRules(deps), 5).filter((s) => s.start !== booking.start);
  const pending =
    (child.rescheduleRequests ?? []).find((r) => r.status === 'pending' && r.bookingId === booking.id) ?? null;
  return { child, booking, next, slots, pending, mayCancel: canBook(actor, child, today(deps)) };
}

export interface RescheduleInput {
  ref: string;
  bookingId?: string;
  reason: unknown;
  text?: string | null;
  /** A slot picked from the offered ones (its ISO start) ... */
  slot?: string | null;
  /** ... or another date and time proposed. */
  date?: string | null;
  time?: string | null;
}

export type RescheduleResult =
  | { outcome: 'requested'; child: ChildDoc; request: RescheduleRequestDoc }
  /** Policy auto-approved a move within timescale (RESCHEDULE_AUTO_APPROVE_WITHIN_TIMESCALE). */
  | { outcome: 'moved'; child: ChildDoc; request: RescheduleRequestDoc };

export function requestReschedule(deps: AppDeps, actor: StaffDoc, input: RescheduleInput): Promise<RescheduleResult> {
  const example = exampleFor(input.ref);
  return updateChild(
    deps,
    actor,
    () => loadChild(deps, actor, input.ref, example),
    (child) => decideRequest(deps, actor, input, child, example),
  );
}

/** On a fresh read after a lost race this refuses "already waiting for a manager" rather than asking twice. */
async function decideRequest(
  deps: AppDeps,
  actor: StaffDoc,
  input: RescheduleInput,
  loaded: ChildDoc,
  example: string,
): Promise<Decision<RescheduleResult>> {
  const opts = await optionsFor(deps, actor, loaded, input.bookingId);
  const { child, booking, next } = opts;
  if (opts.pending) {
    throw new AppError(
      'conflict',
      `a request to move this review is already waiting for a manager (asked by ${opts.pending.requestedBy.name ?? opts.pending.requestedBy.id})`,
      { example: `/case ${child.ref}` },
      {
        key: 'errors.reschedule.waiting',
        params: { by: opts.pending.requestedBy.name ?? opts.pending.requestedBy.id },
      },
    );
  }
  if (!isRescheduleReason(input.reason))
    throw new AppError(
      'invalid-input',
      'choose a reason for the move',
      { example, problem: 'reason-required' },
      { key: 'errors.reschedule.reason' },
    );
  let date: string;
  let time: string;
  if (input.slot) {
    const parsed = Date.parse(input.slot);
    if (Number.isNaN(parsed))
      throw new AppError(
        'invalid-input',
        'that slot is not a date and time I offered',
        { example },
        { key: 'errors.reschedule.slot-unknown' },
      );
    ({ date, time } = londonDateTime(input.slot, deps.tzName));
  } else if (input.date && input.time) {
    date = input.date;
    time = input.time;
  } else {
    throw new AppError(
      'invalid-input',
      'pick one of the free slots, or give another date and time',
      {
        example,
        problem: 'slot-required',
      },
      { key: 'errors.reschedule.pick' },
    );
  }
  const diary = await diaryOf(deps, child, booking.id);
  const checked = checkStartOfferingSlots(deps, { date, time }, next.dueBy, diary, example);
  if (Date.parse(checked.start) === Date.parse(booking.start))
    throw new AppError(
      'invalid-input',
      'that is the time it is already booked for',
      {
        example,
        problem: 'nothing-to-change',
      },
      { key: 'errors.reschedule.same-time' },
    );
  const text = input.text?.trim() || null;
  if (checked.outsideTimescale) requireOutsideReason(input.reason, text, next.dueBy, example);
  const requests = child.rescheduleRequests ?? [];
  const request: RescheduleRequestDoc = {
    id: nextId(
      `${child.ref}-RQ`,
      requests.map((r) => r.id),
    ),
    kind: 'move',
    bookingId: booking.id,
    from: booking.start,
    to: checked.start,
    venue: booking.venue ?? null,
    dueBy: next.dueBy,
    rule: next.rule,
    outsideTimescale: checked.outsideTimescale,
    reason: input.reason,
    text,
    requestedBy: who(actor),
    requestedAt: deps.clock(),
    status: 'pending',
    version: 1,
  };

  // Outside timescale always needs a manager, whatever the policy switch says (docs/DOMAIN.md).
  if (!needsManagerApproval('move', checked.outsideTimescale, bookingSettings(deps))) {
    const approved: RescheduleRequestDoc = {
      ...request,
      status: 'approved',
      decidedBy: { id: 'policy', name: 'policy (within timescale)' },
      decidedAt: deps.clock(),
      version: 2,
    };
    return changeTo(
      {
        set: { rescheduleRequests: [...requests, approved], bookings: moved(child, booking, checked.start) },
        pending: bookingCards(child, `booking:${booking.id}:moved:${request.id}`, {
          bookingId: booking.id,
          event: 'moved',
          from: booking.start,
          requestId: request.id,
        }),
        history: {
          action: 'reschedule.auto-approved',
          before: { start: booking.start },
          after: { start: checked.start, requestId: request.id, reason: request.reason },
        },
        audit: {
          action: 'reschedule.auto-approved',
          details: { requestId: request.id, bookingId: booking.id, from: booking.start, to: checked.start },
        },
      },
      (after) => ({ outcome: 'moved', child: after, request: approved }),
    );
  }

  const pending = await approvalCards(deps, request.id, actor._id);
  return changeTo(
    {
      set: { rescheduleRequests: [...requests, request] },
      pending,
      history: {
        action: 'reschedule.requested',
        after: {
          requestId: request.id,
          from: request.from,
          to: request.to,
          outsideTimescale: request.outsideTimescale,
          reason: request.reason,
        },
      },
      audit: {
        action: 'reschedule.requested',
        details: {
          requestId: request.id,
          bookingId: booking.id,
          from: request.from,
          to: request.to,
          outsideTimescale: request.outsideTimescale,
        },
      },
    },
    (after) => ({ outcome: 'requested', child: after, request }),
  );
}

function moved(child: ChildDoc, booking: BookingDoc, to: string): BookingDoc[] {
  return child.bookings.map((b) => (b.id === booking.id ? { ...b, start: to } : b));
}

// ---- the decision -------------------------------------------------------------------------------

export interface RequestView {
  child: ChildDoc;
  request: RescheduleRequestDoc;
  /** The viewer may approve or decline it now. */
  canDecide: boolean;
  /** Staff ids of everyone who may decide it (for the card's refresh list). */
  deciderIds: string[];
}

/** The request, if the actor may see its child; the same answer for "no such request" and "not yours". */
async function findRequest(
  deps: AppDeps,
  actor: StaffDoc,
  ref: string,
  requestId: string,
): Promise<{ child: ChildDoc; request: RescheduleRequestDoc }> {
  const child = await deps.children.get(ref);
  const request = child?.rescheduleRequests?.find((x) => x.id === requestId);
  if (!child || !request || !(await actorMaySee(deps, actor, child, 'case'))) {
    throw new AppError(
      'not-found',
      'that request no longer exists; nothing was changed',
      { example: '/actions' },
      { key: 'errors.not-found.request' },
    );
  }
  return { child, request };
}

/** The request as whoever invokes sees it (the card's refresh): deciders get the buttons, others the status. */
export async function viewRequest(
  deps: AppDeps,
  actor: StaffDoc,
  ref: string,
  requestId: string,
): Promise<RequestView> {
  const { child, request } = await findRequest(deps, actor, ref, requestId);
  const deciders = await decidingStaff(deps, request.requestedBy.id);
  const canDecide = request.status === 'pending' && mayDecide(actor, deciders, request.requestedBy.id);
  return { child, request, canDecide, deciderIds: deciders.map((d) => d._id) };
}

export interface DecideInput {
  ref: string;
  requestId: string;
  decision: 'approve' | 'decline';
  comment?: string | null;
}

export type DecideResult =
  | { outcome: 'decided'; view: RequestView }
  /** Already decided (second click, or another manager first): nothing changed. */
  | { outcome: 'already-decided'; view: RequestView };

/**
 * Decides on the request as it is now: after a lost race the fresh read finds it decided and answers
 * "already decided" with who and when, never deciding it twice.
 */
export function decideReschedule(deps: AppDeps, actor: StaffDoc, input: DecideInput): Promise<DecideResult> {
  return updateChild(
    deps,
    actor,
    async () => (await findRequest(deps, actor, input.ref, input.requestId)).child,
    (child) => decideOn(deps, actor, input, child),
  );
}

async function decideOn(
  deps: AppDeps,
  actor: StaffDoc,
  input: DecideInput,
  child: ChildDoc,
): Promise<Decision<DecideResult>> {
  const request = (child.rescheduleRequests ?? []).find((x) => x.id === input.requestId);
  if (!request)
    throw new AppError(
      'not-found',
      'that request no longer exists; nothing was changed',
      { example: '/actions' },
      { key: 'errors.not-found.request' },
    );
  const deciders = await decidingStaff(deps, request.requestedBy.id);
  const view = (c: ChildDoc, r: RescheduleRequestDoc, canDecide: boolean): RequestView => ({
    child: c,
    request: r,
    canDecide,
    deciderIds: deciders.map((d) => d._id),
  });
  if (request.status !== 'pending') return unchanged({ outcome: 'already-decided', view: view(child, request, false) });
  if (!mayDecide(actor, deciders, request.requestedBy.id)) {
    throw new AppError(
      'forbidden',
      actor._id === request.requestedBy.id
        ? 'you asked for this move, so another manager must decide it'
        : 'only a reviewing team manager who did not ask (or the head of service) can decide this request',
      {},
      { key: actor._id === request.requestedBy.id ? 'errors.reschedule.own-request' : 'errors.reschedule.not-decider' },
    );
  }
  const comment = input.comment?.trim() || null;
  if (input.decision === 'decline' && !comment) {
    throw new AppError(
      'invalid-input',
      'say why you are declining in the comment box (the comment goes to the person who asked)',
      { example: 'Comment: the IRO is on leave that week', problem: 'comment-required' },
      { key: 'errors.reschedule.decline-why' },
    );
  }
  const now = deps.clock();
  const decided: RescheduleRequestDoc = {
    ...request,
    status: input.decision === 'approve' ? 'approved' : 'declined',
    decidedBy: who(actor),
    decidedAt: now,
    comment,
    version: request.version + 1,
  };
  const requests = (child.rescheduleRequests ?? []).map((r) => (r.id === request.id ? decided : r));
  const set: Record<string, unknown> = { rescheduleRequests: requests };
  const pending: PendingMessage[] = [];
  const key = `reschedule:${request.id}`;
  if (input.decision === 'approve') {
    set.bookings = await approvedBookings(deps, child, request);
    pending.push(
      ...bookingCards(
        child,
        `booking:${request.bookingId}:${request.kind === 'book' ? 'booked' : 'moved'}:${request.id}`,
        {
          bookingId: request.bookingId,
          event: request.kind === 'book' ? 'booked' : 'moved',
          from: request.from,
          requestId: request.id,
        },
      ),
    );
    pending.push(
      noticeTo(
        request.requestedBy.id,
        `${key}:approved:requester`,
        'Move approved',
        `${actor.name} approved ${request.kind === 'book' ? 'the booking for' : 'moving the review to'} ${when(deps, request.to)}.`,
        'success',
      ),
    );
  } else {
    pending.push(
      noticeTo(
        request.requestedBy.id,
        `${key}:declined:requester`,
        'Move declined',
        `${actor.name} declined ${request.kind === 'book' ? 'the booking for' : 'moving the review to'} ${when(deps, request.to)}: ${comment}. The booking is as it was.`,
        'warning',
      ),
    );
  }
  return changeTo(
    {
      set,
      pending,
      history: {
        action: `reschedule.${decided.status}`,
        before: { requestId: request.id, status: 'pending', start: request.from },
        after: {
          requestId: request.id,
          status: decided.status,
          start: decided.status === 'approved' ? request.to : request.from,
          comment,
        },
      },
      audit: {
        action: `reschedule.${decided.status}`,
        details: {
          requestId: request.id,
          bookingId: request.bookingId,
          from: request.from,
          to: request.to,
          outsideTimescale: request.outsideTimescale,
        },
      },
    },
    (after) => ({ outcome: 'decided', view: view(after, decided, false) }),
  );
}

async function approvedBookings(deps: AppDeps, child: ChildDoc, request: RescheduleRequestDoc): Promise<BookingDoc[]> {
  const example = `/case ${child.ref}`;
  if (request.kind === 'move') {
    const b = child.bookings.find((x) => x.id === request.bookingId);
    if (!b || !isLive(b) || b.start !== request.from) {
      throw new AppError(
        'conflict',
        'the booking changed after this request was made (moved, cancelled or held); decline it and ask again',
        { example },
        { key: 'errors.reschedule.booking-changed' },
      );
    }
  } else if (liveBookingOf(child)) {
    throw new AppError(
      'conflict',
      `${child.ref}'s review was booked after this request was made; decline it`,
      {
        example,
      },
      { key: 'errors.reschedule.booked-since', params: { ref: child.ref } },
    );
  }
  // The slot may have been taken while the request waited.
  const diary = await diaryOf(deps, child, request.bookingId);
  const { date, time } = londonDateTime(request.to, deps.tzName);
  checkStart(
    { date, time },
    {
      now: deps.clock(),
      tzName: deps.tzName,
      calendar: deps.calendar,
      maxPerDay: bookingSettings(deps).maxReviewsPerDay,
      dueBy: request.dueBy,
      diary,
    },
    example,
  );
  if (request.kind === 'move')
    return child.bookings.map((b) => (b.id === request.bookingId ? { ...b, start: request.to } : b));
  return [
    ...child.bookings,
    {
      id: request.bookingId,
      start: request.to,
      venue: request.venue ?? null,
      status: 'booked',
      source: 'bot',
      invitees: request.invitees ?? [],
      bookedBy: request.requestedBy.id,
    },
  ];
}

function when(deps: AppDeps, start: string): string {
  const { date, time } = londonDateTime(start, deps.tzName);
  return `${formatDate(date)} ${time}`;
}

// ---- cancel / adjourn ---------------------------------------------------------------------------

export interface CancelInput {
  ref: string;
  bookingId: string;
  mode: 'cancel' | 'adjourn';
  reason?: string | null;
}

export function cancelBooking(
  deps: AppDeps,
  actor: StaffDoc,
  input: CancelInput,
): Promise<{ child: ChildDoc; booking: BookingDoc }> {
  const example = `/reschedule ${input.ref}`;
  return updateChild(
    deps,
    actor,
    () => loadChild(deps, actor, input.ref, example),
    (child) => decideCancel(deps, actor, input, child, example),
  );
}

function decideCancel(
  deps: AppDeps,
  actor: StaffDoc,
  input: CancelInput,
  child: ChildDoc,
  example: string,
): Decision<{ child: ChildDoc; booking: BookingDoc }> {
  if (!canBook(actor, child, today(deps)))
    throw new AppError(
      'forbidden',
      `only ${child.ref}'s IRO or business support can ${input.mode} its review`,
      {
        example: '/actions',
      },
      { key: 'errors.reschedule.end-not-yours', params: { ref: child.ref, mode: input.mode } },
    );
  const booking = bookingToMove(child, input.bookingId);
  const reason = input.reason?.trim();
  if (!reason)
    throw new AppError(
      'invalid-input',
      `say why the review is ${input.mode === 'cancel' ? 'cancelled' : 'adjourned'} (in the explanation box)`,
      { example, problem: 'reason-required' },
      { key: 'errors.reschedule.end-why', params: { mode: input.mode } },
    );
  const status = input.mode === 'cancel' ? 'cancelled' : 'adjourned';
  const updated: BookingDoc = { ...booking, status, statusReason: reason };
  // Open requests for this booking are withdrawn with it.
  const requests = (child.rescheduleRequests ?? []).map((r) =>
    r.bookingId === booking.id && r.status === 'pending'
      ? {
          ...r,
          status: 'withdrawn' as const,
          decidedBy: who(actor),
          decidedAt: deps.clock(),
          comment: `booking ${status}`,
          version: r.version + 1,
        }
      : r,
  );
  const title = input.mode === 'cancel' ? 'Review cancelled' : 'Review adjourned';
  const text = `${actor.name}: the review booked for ${when(deps, booking.start)} is ${status}. Reason: ${reason}`;
  // The words in the reader's language at delivery (teams/presenters/pending-messages.ts).
  const say = {
    title: { key: 'notice.booking-ended.title', params: { status } },
    text: {
      key: 'notice.booking-ended.text',
      params: { name: actor.name, startInstant: booking.start, status, reason },
    },
  };
  const pending: PendingMessage[] = [
    {
      key: `booking:${booking.id}:${status}:iro-channel`,
      to: { kind: 'channel', purpose: 'iro-channel' },
      message: { type: 'child-notice', data: { title, text, tone: 'warning', say } },
    },
  ];
  if (child.socialWorkTeam) {
    pending.push({
      key: `booking:${booking.id}:${status}:social-work-channel`,
      to: { kind: 'channel', purpose: 'social-work-channel', team: child.socialWorkTeam },
      message: { type: 'child-notice', data: { title, text, tone: 'warning', say } },
    });
  }
  return changeTo(
    {
      set: { bookings: child.bookings.map((b) => (b.id === booking.id ? updated : b)), rescheduleRequests: requests },
      pending,
      history: {
        action: `booking.${status}`,
        before: { bookingId: booking.id, status: booking.status ?? 'booked' },
        after: { bookingId: booking.id, status, reason },
      },
      audit: { action: `booking.${status}`, details: { bookingId: booking.id, start: booking.start } },
    },
    (after) => ({ child: after, booking: updated }),
  );
}
