// The data of cards/booking-form.json and the functions building and rendering it. Display-ready values
// (cards.ts says what every card's data must be).
import type { BookingFormInfo } from '../../app/booking/book-review.js';
import { formatDate } from '../../domain/dates-format.js';
import { renderCard, type AdaptiveCardJson } from '../cards.js';
import { ANY, dueFact, HH_MM, INVITEE_LABELS, ISO_DATE, REASON_CHOICES, slotList, typed } from '../presenters/booking.js';
import { childLabel } from '../presenters/labels.js';
import type { CardChoice, CardFact, FormError, TypedValues } from '../card-parts.js';

export interface BookingFormCardData {
  /** "Book review · C1001 · D.E." */
  title: string;
  subtitle: string;
  facts: CardFact[];
  ref: string;
  /** ISO dates for Input.Date. */
  defaultDate: string;
  minDate: string;
  /** 'HH:MM' */
  defaultTime: string;
  /** Preferred venue first. */
  venues: CardChoice[];
  defaultVenue: string;
  invitees: CardChoice[];
  /** Comma-separated values pre-selected (the Guardian for a child in proceedings). */
  defaultInvitees: string;
  reasons: CardChoice[];
  /** "After Tue 4 Oct 2016 is outside timescale: give a reason; a manager must approve." */
  note: string;
  /** "Earliest free slots: Thu 26 Nov 2026 10:00; …" ('' hides). Never a default: Book on an untouched form books nothing. */
  slotsText: string;
  defaultReason: string;
  defaultText: string;
  /** After a refused Book: what was wrong, shown on the form (values kept). '' hides. */
  errorTitle: string;
  errorText: string;
}

/**
 * The booking form. No date or time is filled in: Book on an untouched form is refused (by Teams, as the
 * inputs are required, and by the server) instead of booking a day nobody chose. After a refusal the
 * form comes back with what was typed and what was wrong (`again`).
 */
export function bookingFormCardData(info: BookingFormInfo, showNames: boolean, again?: { values: TypedValues; error: FormError }): BookingFormCardData {
  const v = again?.values;
  const reason = typed(v, 'reason', /^[a-z-]+$/, 40);
  const venue = typed(v, 'venue', ANY, 120);
  const invitees = typed(v, 'invitees', ANY, 400);
  return {
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
  };;
}

export const bookingFormCard = (...args: Parameters<typeof bookingFormCardData>): AdaptiveCardJson => renderCard('booking-form', bookingFormCardData(...args));

declare module '../cards.js' {
  interface CardTemplates {
    'booking-form': BookingFormCardData;
  }
}
