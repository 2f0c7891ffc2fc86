// The data of cards/booking-form.json and the functions building and rendering it. Display-ready values
// (cards.ts says what every card's data must be).
import type { BookingFormInfo } from '../../app/booking/book-review.js';
import { formatDate } from '../../domain/dates-format.js';
import { renderCard, type AdaptiveCardJson } from '../cards.js';
import { ANY, dueFact, HH_MM, inviteeLabel, ISO_DATE, reasonChoices, slotList, typed, venueLabel } from '../presenters/booking.js';
import { childLabel, datesOf } from '../presenters/labels.js';
import type { Translate } from '../i18n/translate.js';
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
  labels: BookingFormCardLabels;
}

/** The form's own words (issue 13: the template carries none). */
export interface BookingFormCardLabels {
  date: string;
  time: string;
  venue: string;
  invite: string;
  reason: string;
  reasonCategory: string;
  text: string;
  book: string;
  dateError: string;
  timeError: string;
  venueError: string;
}

export function bookingFormCardLabels(t: Translate): BookingFormCardLabels {
  return {
    date: t('booking-form.label.date'),
    time: t('booking-form.label.time'),
    venue: t('booking-form.label.venue'),
    invite: t('booking-form.label.invite'),
    reason: t('booking-form.label.reason'),
    reasonCategory: t('form.reason-category'),
    text: t('booking-form.label.text'),
    book: t('card.button.book'),
    dateError: t('booking-form.error.date'),
    timeError: t('booking-form.error.time'),
    venueError: t('booking-form.error.venue'),
  };
}

/**
 * The booking form. No date or time is filled in: Book on an untouched form is refused (by Teams, as the
 * inputs are required, and by the server) instead of booking a day nobody chose. After a refusal the
 * form comes back with what was typed and what was wrong (`again`).
 */
export function bookingFormCardData(
  info: BookingFormInfo,
  showNames: boolean,
  t: Translate,
  again?: { values: TypedValues; error: FormError },
): BookingFormCardData {
  const v = again?.values;
  const reasons = reasonChoices(t);
  const reason = typed(v, 'reason', /^[a-z-]+$/, 40);
  const venue = typed(v, 'venue', ANY, 120);
  const invitees = typed(v, 'invitees', ANY, 400);
  return {
    title: t('booking-form.title', { child: childLabel(info.child, showNames) }),
    subtitle: t('booking-form.subtitle', { n: info.next.sequence }),
    facts: [dueFact(info.next, t)],
    ref: info.child.ref,
    defaultDate: typed(v, 'date', ISO_DATE),
    minDate: info.today,
    defaultTime: typed(v, 'time', HH_MM).slice(0, 5),
    venues: info.venues.map((x) => ({ title: venueLabel(x, t), value: x })),
    defaultVenue: info.venues.includes(venue) ? venue : info.venues[0] ?? 'Placement',
    invitees: info.invitees.map((i) => ({
      title: i.kind === 'staff'
        ? t(i.role === 'guardian' ? 'form.invitee.guardian' : 'form.invitee.social-worker', { name: i.label })
        : inviteeLabel(i.value, t),
      value: i.value,
    })),
    defaultInvitees: again ? invitees.split(',').filter((x) => info.invitees.some((i) => i.value === x)).join(',') : info.defaultInvitees.join(','),
    reasons,
    note: t('booking-form.note', { date: formatDate(info.next.dueBy, datesOf(t)) }),
    slotsText: info.slots.length ? t('booking-form.slots', { slots: slotList(info.slots, t) }) : '',
    defaultReason: reasons.some((c) => c.value === reason) ? reason : '',
    defaultText: typed(v, 'text', ANY, 500),
    errorTitle: again?.error.title ?? '',
    errorText: again?.error.text ?? '',
    labels: bookingFormCardLabels(t),
  };
}

export const bookingFormCard = (...args: Parameters<typeof bookingFormCardData>): AdaptiveCardJson => renderCard('booking-form', bookingFormCardData(...args));

declare module '../cards.js' {
  interface CardTemplates {
    'booking-form': BookingFormCardData;
  }
}
