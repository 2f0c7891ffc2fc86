// The data of cards/booking.json and the functions building and rendering it. Display-ready values (cards.ts
// says what every card's data must be).
import { formatDate } from '../../domain/dates-format.js';
import { isLiveBooking } from '../../domain/review-status.js';
import type { BookingDoc, ChildDoc } from '../../store/documents.js';
import type { RescheduleRequestDoc } from '../../store/reschedule-documents.js';
import { renderCard, type AdaptiveCardJson } from '../cards.js';
import type { MessageKey, Translate } from '../i18n/translate.js';
import { childLabel, datesOf, ENGLISH, formatBookingStart, label } from '../presenters/labels.js';
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
  /** The Reschedule button's title. */
  rescheduleTitle: string;
  /** PC5: the button to the booking's participation checklist (live bookings: the card shows it with Reschedule). */
  participationTitle: string;
}

export interface BookingCardOptions {
  event: 'booked' | 'moved';
  from?: string | null;
  request?: RescheduleRequestDoc | null;
  staffNames: ReadonlyMap<string, string>;
  tzName: string;
  /** The reader's words (issue 13); English when not given. */
  t?: Translate;
}

const INVITEE_KEYS: Readonly<Record<string, MessageKey>> = {
  child: 'booking.invitee.child',
  carers: 'booking.invitee.carers',
  parents: 'booking.invitee.parents',
  school: 'booking.invitee.school',
};

export function bookingCardData(
  child: ChildDoc,
  booking: BookingDoc,
  showNames: boolean,
  o: BookingCardOptions,
): BookingCardData {
  const t = o.t ?? ENGLISH;
  const when = (start: string) => formatBookingStart(start, o.tzName, t);
  const name = (id: string) => o.staffNames.get(id) ?? (INVITEE_KEYS[id] ? t(INVITEE_KEYS[id]) : id);
  const facts: CardFact[] = [{ title: t('booking.fact.when'), value: when(booking.start) }];
  if (o.event === 'moved' && o.from) facts.push({ title: t('booking.fact.was'), value: when(o.from) });
  facts.push({ title: t('booking.fact.venue'), value: booking.venue ?? '—' });
  if (o.request) facts.push({ title: t('booking.fact.due-by'), value: formatDate(o.request.dueBy, datesOf(t)) });
  facts.push({ title: t('booking.fact.iro'), value: name(child.iroId) });
  if (booking.invitees?.length) facts.push({ title: t('booking.fact.invited'), value: booking.invitees.map(name).join(', ') });
  if (o.request?.decidedBy)
    facts.push({ title: t('booking.fact.approved-by'), value: o.request.decidedBy.name ?? o.request.decidedBy.id });
  const outside = o.request?.outsideTimescale ? o.request : null;
  const live = isLiveBooking(booking);
  return {
    title: t(o.event === 'moved' ? 'booking.title.moved' : 'booking.title.booked'),
    subtitle: childLabel(child, showNames),
    facts,
    note: outside
      ? t('booking.note.outside', { date: formatDate(outside.dueBy, datesOf(t)), reason: label(outside.reason, '—', t) })
      : live
        ? ''
        : t('booking.note.status', { status: label(booking.status, '—', t).toLowerCase() }),
    noteAttention: !!outside,
    ref: child.ref,
    bookingId: booking.id,
    canReschedule: live,
    rescheduleTitle: t('booking.button.reschedule'),
    participationTitle: t('practice.button.participation'),
  };
}

export const bookingCard = (...args: Parameters<typeof bookingCardData>): AdaptiveCardJson => renderCard('booking', bookingCardData(...args));

declare module '../cards.js' {
  interface CardTemplates {
    'booking': BookingCardData;
  }
}
