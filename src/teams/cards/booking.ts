// The data of cards/booking.json and the functions building and rendering it. Display-ready values (cards.ts
// says what every card's data must be).
import { formatDate } from '../../domain/dates-format.js';
import { isLiveBooking } from '../../domain/review-status.js';
import type { BookingDoc, ChildDoc } from '../../store/documents.js';
import type { RescheduleRequestDoc } from '../../store/reschedule-documents.js';
import { renderCard, type AdaptiveCardJson } from '../cards.js';
import {
  INVITEE_LABELS, } from '../presenters/booking.js';
import { childLabel, formatBookingStart, label } from '../presenters/labels.js';
import type { CardFact } from '../card-parts.js';

export interface BookingCardData {
  /** "Review booked", "Review moved" */
  title: string;
  /** Child label. */
  subtitle: string;
  facts: CardFact[];
  /** e.g. "Outside timescale (approved by X)"; '' for none. */
  note: string;
  noteAttention: boolean;
  ref: string;
  bookingId: string;
  canReschedule: boolean;
}

export interface BookingCardOptions {
  event: 'booked' | 'moved';
  from?: string | null;
  request?: RescheduleRequestDoc | null;
  staffNames: ReadonlyMap<string, string>;
  tzName: string;
}

export function bookingCardData(child: ChildDoc, booking: BookingDoc, showNames: boolean, o: BookingCardOptions): BookingCardData {
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
  const model: BookingCardData = {
    title: o.event === 'moved' ? 'Review moved' : 'Review booked',
    subtitle: childLabel(child, showNames),
    facts,
    note: outside ? `Outside timescale (due by ${formatDate(o.request!.dueBy)}): ${label(o.request!.reason)}` : live ? '' : `This booking is now ${label(booking.status).toLowerCase()}.`,
    noteAttention: outside,
    ref: child.ref,
    bookingId: booking.id,
    canReschedule: live,
  };
  return model;
}

export const bookingCard = (...args: Parameters<typeof bookingCardData>): AdaptiveCardJson => renderCard('booking', bookingCardData(...args));

declare module '../cards.js' {
  interface CardTemplates {
    'booking': BookingCardData;
  }
}
