// Booking, rescheduling and held-review cards from use-case results. Display only: every decision
// (who may decide, within/outside timescale, free slots) was made in domain/ and app/.
import type { BookingFormInfo } from '../../app/booking/book-review.js';
import type { RescheduleOptions } from '../../app/booking/reschedule.js';
import { RESCHEDULE_REASONS } from '../../domain/booking-rules.js';
import { diffDays } from '../../domain/calendar.js';
import { formatDate } from '../../domain/dates-format.js';
import { isLiveBooking } from '../../domain/review-status.js';
import { londonDateTime } from '../../domain/slots.js';
import type { NextReview } from '../../domain/timescales.js';
import type { BookingDoc, ChildDoc, ReviewDoc } from '../../store/documents.js';
import type { RescheduleRequestDoc } from '../../store/reschedule-documents.js';
import type {
  ApprovalCardModel, BookingCardModel, CardChoice, FormError, HeldFormModel, RescheduleFormModel, ReviewHeldModel, TypedValues,
} from '../booking-view-models.js';
import type { Slot } from '../../domain/slots.js';
import { renderCard, type AdaptiveCardJson } from '../cards.js';
import type { CardFact } from '../view-models.js';
import { childLabel, formatBookingStart, label } from './labels.js';

const REASON_CHOICES: CardChoice[] = RESCHEDULE_REASONS.map((r) => ({ title: label(r), value: r }));
const INVITEE_LABELS: Record<string, string> = { child: 'The child', carers: 'Carers', parents: 'Parents', school: 'School' };

const dueFact = (next: Pick<NextReview, 'dueBy' | 'rule' | 'explanation'>): CardFact =>
  ({ title: 'Due by', value: `${formatDate(next.dueBy)} — ${next.rule}, ${next.explanation}` });

/** A typed value, kept only if it has the expected shape (a forged invoke can send anything). */
export function typed(values: TypedValues | undefined, key: string, pattern: RegExp, max = 500): string {
  const v = values?.[key];
  const s = typeof v === 'string' ? v.trim().slice(0, max) : '';
  return pattern.test(s) ? s : '';
}
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const HH_MM = /^([01]\d|2[0-3]):[0-5]\d/;
const ANY = /^[\s\S]*$/;

/** "Thu 26 Nov 2026 10:00; Thu 26 Nov 2026 14:00 (outside timescale)" */
export function slotList(slots: readonly Slot[]): string {
  return slots.map((s) => `${formatDate(s.date)} ${s.time}${s.outsideTimescale ? ' (outside timescale)' : ''}`).join('; ');
}

/**
 * The booking form. No date or time is filled in: Book on an untouched form is refused (by Teams, as the
 * inputs are required, and by the server) instead of booking a day nobody chose. After a refusal the
 * form comes back with what was typed and what was wrong (`again`).
 */
export function bookingFormCard(info: BookingFormInfo, showNames: boolean, again?: { values: TypedValues; error: FormError }): AdaptiveCardJson {
  const v = again?.values;
  const reason = typed(v, 'reason', /^[a-z-]+$/, 40);
  const venue = typed(v, 'venue', ANY, 120);
  const invitees = typed(v, 'invitees', ANY, 400);
  return renderCard('booking-form', {
    title: `Book review · ${childLabel(info.child, showNames)}`,
    subtitle: `Review ${info.next.sequence}`,
    facts: [dueFact(info.next)],
    ref: info.child.ref,
    defaultDate: typed(v, 'date', ISO_DATE),
    minDate: info.today,
    defaultTime: typed(v, 'time', HH_MM).slice(0, 5),
    venues: info.venues.map((x) => ({ title: x, value: x })),
    defaultVenue: info.venues.includes(venue) ? venue : info.venues[0] ?? 'Placement',
    invitees: info.invitees.map((i) => ({
      title: i.kind === 'staff' ? `${i.label} (${i.role === 'guardian' ? "Children's Guardian" : 'social worker'})` : INVITEE_LABELS[i.value] ?? i.value,
      value: i.value,
    })),
    defaultInvitees: again ? invitees.split(',').filter((x) => info.invitees.some((i) => i.value === x)).join(',') : info.defaultInvitees.join(','),
    reasons: REASON_CHOICES,
    note: `A date after ${formatDate(info.next.dueBy)} is outside timescale: give a reason and an explanation, and a reviewing team manager must approve it.`,
    slotsText: info.slots.length ? `The IRO's earliest free slots: ${slotList(info.slots)}.` : '',
    defaultReason: REASON_CHOICES.some((c) => c.value === reason) ? reason : '',
    defaultText: typed(v, 'text', ANY, 500),
    errorTitle: again?.error.title ?? '',
    errorText: again?.error.text ?? '',
  });
}

export interface BookingCardOptions {
  event: 'booked' | 'moved';
  from?: string | null;
  request?: RescheduleRequestDoc | null;
  staffNames: ReadonlyMap<string, string>;
  tzName: string;
}

export function bookingCard(child: ChildDoc, booking: BookingDoc, showNames: boolean, o: BookingCardOptions): AdaptiveCardJson {
  const name = (id: string) => o.staffNames.get(id) ?? INVITEE_LABELS[id] ?? id;
  const facts: CardFact[] = [{ title: 'When', value: formatBookingStart(booking.start, o.tzName) }];
  if (o.event === 'moved' && o.from) facts.push({ title: 'Was', value: formatBookingStart(o.from, o.tzName) });
  facts.push({ title: 'Venue', value: booking.venue ?? '—' });
  if (o.request) facts.push({ title: 'Due by', value: formatDate(o.request.dueBy) });
  facts.push({ title: 'IRO', value: name(child.iroId) });
  if (booking.invitees?.length) facts.push({ title: 'Invited', value: booking.invitees.map(name).join(', ') });
  if (o.request?.decidedBy) facts.push({ title: 'Approved by', value: o.request.decidedBy.name ?? o.request.decidedBy.id });
  const outside = !!o.request?.outsideTimescale;
  const live = isLiveBooking(booking);
  const model: BookingCardModel = {
    title: o.event === 'moved' ? 'Review moved' : 'Review booked',
    subtitle: childLabel(child, showNames),
    facts,
    note: outside ? `Outside timescale (due by ${formatDate(o.request!.dueBy)}): ${label(o.request!.reason)}` : live ? '' : `This booking is now ${label(booking.status).toLowerCase()}.`,
    noteAttention: outside,
    ref: child.ref,
    bookingId: booking.id,
    canReschedule: live,
  };
  return renderCard('booking', model);
}

export function rescheduleFormCard(o: RescheduleOptions, showNames: boolean, canCancel: boolean, tzName: string,
  again?: { values: TypedValues; error: FormError }): AdaptiveCardJson {
  const v = again?.values;
  const reason = typed(v, 'reason', /^[a-z-]+$/, 40);
  const slot = typed(v, 'slot', ANY, 40);
  const overdue = o.slots.length > 0 && o.slots.every((s) => s.outsideTimescale);
  const model: RescheduleFormModel = {
    title: `Reschedule review · ${childLabel(o.child, showNames)}`,
    subtitle: `Booked ${formatBookingStart(o.booking.start, tzName)}${o.booking.venue ? ` · ${o.booking.venue}` : ''}`,
    facts: [dueFact(o.next)],
    ref: o.child.ref,
    bookingId: o.booking.id,
    reasons: REASON_CHOICES,
    slots: o.slots.map((s) => ({ title: `${formatDate(s.date)} ${s.time}${s.outsideTimescale ? ' (outside timescale)' : ''}`, value: s.start })),
    slotsText: o.slots.length === 0
      ? `No free slot before the due-by date (${formatDate(o.next.dueBy)}): propose another date below (outside timescale needs a reason and approval).`
      : overdue ? `The due-by date has passed: the earliest free slots (all outside timescale)` : `Free slots up to ${formatDate(o.next.dueBy)}`,
    minDate: o.slots[0]?.date ?? o.next.dueBy,
    note: o.pending
      ? `A request is already waiting for a manager (asked by ${o.pending.requestedBy.name ?? o.pending.requestedBy.id}).`
      : 'Every move needs a reviewing team manager\'s approval; the booking stays as it is until then.',
    canCancel,
    defaultReason: REASON_CHOICES.some((c) => c.value === reason) ? reason : '',
    defaultSlot: o.slots.some((s) => s.start === slot) ? slot : '',
    defaultDate: typed(v, 'date', ISO_DATE),
    defaultTime: typed(v, 'time', HH_MM).slice(0, 5),
    defaultText: typed(v, 'text', ANY, 500),
    errorTitle: again?.error.title ?? '',
    errorText: again?.error.text ?? '',
  };
  return renderCard('reschedule-form', model);
}

function when(start: string, tzName: string): string {
  return formatBookingStart(start, tzName);
}

function at(d: Date | null | undefined, tzName: string): string {
  return d ? formatBookingStart(new Date(d).toISOString(), tzName) : 'an unknown time';
}

/** "Approved by Catrin Morgan at Wed 25 Nov 2026 09:00" etc. */
export function decisionText(r: RescheduleRequestDoc, tzName: string): string {
  const by = r.decidedBy?.name ?? r.decidedBy?.id ?? 'someone';
  switch (r.status) {
    case 'pending': return 'Waiting for a reviewing team manager to decide';
    case 'approved': return `Approved by ${by} at ${at(r.decidedAt, tzName)}`;
    case 'declined': return `Declined by ${by} at ${at(r.decidedAt, tzName)}${r.comment ? `: ${r.comment}` : ''}`;
    case 'withdrawn': return `Withdrawn (${r.comment ?? 'booking changed'}) at ${at(r.decidedAt, tzName)}`;
  }
}

export function approvalCard(child: ChildDoc, r: RescheduleRequestDoc,
  o: { showNames: boolean; canDecide: boolean; refreshUserIds: string[]; tzName: string; again?: { values: TypedValues; error: FormError } }): AdaptiveCardJson {
  const newDate = londonDateTime(r.to, o.tzName).date;
  const daysAfter = diffDays(newDate, r.dueBy);
  const facts: CardFact[] = [
    { title: 'Old date', value: r.from ? when(r.from, o.tzName) : 'Not booked yet' },
    { title: 'New date', value: when(r.to, o.tzName) },
    { title: 'Due by', value: `${formatDate(r.dueBy)} (${r.rule})` },
    { title: 'Reason', value: label(r.reason) + (r.text ? ` — ${r.text}` : '') },
    { title: 'Asked by', value: `${r.requestedBy.name ?? r.requestedBy.id}, ${at(r.requestedAt, o.tzName)}` },
  ];
  const model: ApprovalCardModel = {
    title: `${r.kind === 'book' ? 'Booking outside timescale' : 'Reschedule request'} · ${childLabel(child, o.showNames)}`,
    subtitle: `Request ${r.id}`,
    facts,
    outsideTimescale: r.outsideTimescale,
    timescaleText: r.outsideTimescale
      ? `OUTSIDE TIMESCALE: ${daysAfter} day${daysAfter === 1 ? '' : 's'} after the due-by date`
      : 'Within timescale',
    status: decisionText(r, o.tzName),
    statusTone: r.status === 'approved' ? 'good' : r.status === 'declined' ? 'attention' : r.status === 'withdrawn' ? 'warning' : 'default',
    canDecide: o.canDecide && r.status === 'pending',
    ref: child.ref,
    requestId: r.id,
    refreshUserIds: o.refreshUserIds,
    defaultComment: typed(o.again?.values, 'comment', ANY, 500),
    errorTitle: o.again?.error.title ?? '',
    errorText: o.again?.error.text ?? '',
  };
  const card = renderCard('reschedule-approval', model);
  // No known ids: leave userIds out, so Teams refreshes for everyone in conversations under 60 members.
  if (o.refreshUserIds.length === 0) delete (card.refresh as { userIds?: unknown }).userIds;
  return card;
}

export function heldFormCard(o: {
  child: ChildDoc; next: NextReview | null; showNames: boolean; today: string; chairs: CardChoice[]; review?: ReviewDoc | null;
  again?: { values: TypedValues; error: FormError };
}): AdaptiveCardJson {
  const correcting = !!o.review;
  const v = o.again?.values;
  const chair = typed(v, 'chairId', /^[\w.-]+$/, 64);
  const lateReason = typed(v, 'lateReason', /^[a-z-]+$/, 40);
  const model: HeldFormModel = {
    mode: correcting ? 'correct' : 'record',
    title: `${correcting ? 'Correct held date' : 'Record review held'} · ${childLabel(o.child, o.showNames)}`,
    subtitle: correcting ? `Review ${o.review!.id}, recorded as held on ${formatDate(o.review!.heldOn)}` : `Today is ${formatDate(o.today)}`,
    facts: o.next && !correcting ? [dueFact(o.next)] : [],
    ref: o.child.ref,
    reviewId: o.review?.id ?? '',
    defaultDate: typed(v, 'heldOn', ISO_DATE) || (o.review?.heldOn ?? o.today),
    maxDate: o.today,
    chairs: o.chairs,
    defaultChair: o.chairs.some((c) => c.value === chair) ? chair : o.child.iroId,
    reasons: REASON_CHOICES,
    defaultLateReason: REASON_CHOICES.some((c) => c.value === lateReason) ? lateReason : '',
    defaultCombined: typed(v, 'combinedWithCP', /^(true|false)$/) || 'false',
    defaultReason: typed(v, 'reason', ANY, 300),
    errorTitle: o.again?.error.title ?? '',
    errorText: o.again?.error.text ?? '',
    note: correcting
      ? 'The old date stays in the case history.'
      : 'The due-by date and rule are stored with the review; the written record is due within 14 days.',
  };
  return renderCard('held-form', model);
}

export function reviewHeldCard(child: ChildDoc, review: ReviewDoc, showNames: boolean, title: string, text: string, staffNames: ReadonlyMap<string, string>): AdaptiveCardJson {
  const facts: CardFact[] = [
    { title: 'Review', value: review.id },
    { title: 'Held on', value: formatDate(review.heldOn) },
  ];
  if (review.dueBy) facts.push({ title: 'Due by', value: `${formatDate(review.dueBy)}${review.rule ? ` (${review.rule})` : ''}` });
  if (review.chairId) facts.push({ title: 'Chaired by', value: staffNames.get(review.chairId) ?? review.chairId });
  facts.push({ title: 'Record', value: review.recordDistributedOn ? `Distributed ${formatDate(review.recordDistributedOn)}` : 'Not distributed yet' });
  const model: ReviewHeldModel = {
    title: `${title} · ${childLabel(child, showNames)}`,
    text,
    facts,
    ref: child.ref,
    reviewId: review.id,
    canDistribute: !review.recordDistributedOn,
  };
  return renderCard('review-held', model);
}
