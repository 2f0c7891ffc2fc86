// The data of cards/reschedule-form.json and the functions building and rendering it. Display-ready values
// (cards.ts says what every card's data must be).
import type { RescheduleOptions } from '../../app/booking/reschedule.js';
import { formatDate } from '../../domain/dates-format.js';
import { renderCard, type AdaptiveCardJson } from '../cards.js';
import { ANY, dueFact, HH_MM, ISO_DATE, REASON_CHOICES, typed } from '../presenters/booking.js';
import { childLabel, formatBookingStart } from '../presenters/labels.js';
import type { CardChoice, CardFact, FormError, TypedValues } from '../card-parts.js';

export interface RescheduleFormCardData {
  title: string;
  subtitle: string;
  facts: CardFact[];
  ref: string;
  bookingId: string;
  reasons: CardChoice[];
  /** Up to 5 free slots; [] shows slotsText only. */
  slots: CardChoice[];
  slotsText: string;
  minDate: string;
  note: string;
  /** Cancel and adjourn buttons (IRO and business support only). */
  canCancel: boolean;
  defaultReason: string;
  defaultSlot: string;
  defaultDate: string;
  defaultTime: string;
  defaultText: string;
  errorTitle: string;
  errorText: string;
}

export function rescheduleFormCardData(o: RescheduleOptions, showNames: boolean, canCancel: boolean, tzName: string,
  again?: { values: TypedValues; error: FormError }): RescheduleFormCardData {
  const v = again?.values;
  const reason = typed(v, 'reason', /^[a-z-]+$/, 40);
  const slot = typed(v, 'slot', ANY, 40);
  const overdue = o.slots.length > 0 && o.slots.every((s) => s.outsideTimescale);
  const model: RescheduleFormCardData = {
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
  return model;
}

export const rescheduleFormCard = (...args: Parameters<typeof rescheduleFormCardData>): AdaptiveCardJson => renderCard('reschedule-form', rescheduleFormCardData(...args));

declare module '../cards.js' {
  interface CardTemplates {
    'reschedule-form': RescheduleFormCardData;
  }
}
