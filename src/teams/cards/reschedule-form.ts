// The data of cards/reschedule-form.json and the functions building and rendering it. Display-ready values
// (cards.ts says what every card's data must be).
import type { RescheduleOptions } from '../../app/booking/reschedule.js';
import { formatDate } from '../../domain/dates-format.js';
import { renderCard, type AdaptiveCardJson } from '../cards.js';
import { ANY, dueFact, HH_MM, ISO_DATE, reasonChoices, slotText, typed } from '../presenters/booking.js';
import { bookingText, childLabel, datesOf } from '../presenters/labels.js';
import type { Translate } from '../i18n/translate.js';
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
  labels: RescheduleFormCardLabels;
}

/** The form's own words (issue 13: the template carries none). */
export interface RescheduleFormCardLabels {
  why: string;
  reasonCategory: string;
  chooseReason: string;
  slot: string;
  date: string;
  time: string;
  text: string;
  ask: string;
  cancel: string;
  adjourn: string;
}

export function rescheduleFormCardLabels(t: Translate): RescheduleFormCardLabels {
  return {
    why: t('reschedule-form.label.why'),
    reasonCategory: t('form.reason-category'),
    chooseReason: t('reschedule-form.error.reason'),
    slot: t('reschedule-form.label.slot'),
    date: t('reschedule-form.label.date'),
    time: t('reschedule-form.label.time'),
    text: t('reschedule-form.label.text'),
    ask: t('reschedule-form.button.ask'),
    cancel: t('reschedule-form.button.cancel'),
    adjourn: t('reschedule-form.button.adjourn'),
  };
}

export function rescheduleFormCardData(
  o: RescheduleOptions,
  showNames: boolean,
  canCancel: boolean,
  tzName: string,
  t: Translate,
  again?: { values: TypedValues; error: FormError },
): RescheduleFormCardData {
  const day = (d: string) => formatDate(d, datesOf(t));
  const reasons = reasonChoices(t);
  const v = again?.values;
  const reason = typed(v, 'reason', /^[a-z-]+$/, 40);
  const slot = typed(v, 'slot', ANY, 40);
  const overdue = o.slots.length > 0 && o.slots.every((s) => s.outsideTimescale);
  const model: RescheduleFormCardData = {
    title: t('reschedule-form.title', { child: childLabel(o.child, showNames) }),
    subtitle: [bookingText(o.booking, tzName, t), ...(o.booking.venue ? [o.booking.venue] : [])].join(' · '),
    facts: [dueFact(o.next, t)],
    ref: o.child.ref,
    bookingId: o.booking.id,
    reasons,
    slots: o.slots.map((s) => ({ title: slotText(s, t), value: s.start })),
    slotsText: o.slots.length === 0
      ? t('reschedule-form.no-slot', { date: day(o.next.dueBy) })
      : overdue ? t('reschedule-form.overdue') : t('reschedule-form.free-until', { date: day(o.next.dueBy) }),
    minDate: o.slots[0]?.date ?? o.next.dueBy,
    note: o.pending
      ? t('reschedule-form.note.pending', { name: o.pending.requestedBy.name ?? o.pending.requestedBy.id })
      : t('reschedule-form.note'),
    canCancel,
    defaultReason: reasons.some((c) => c.value === reason) ? reason : '',
    defaultSlot: o.slots.some((s) => s.start === slot) ? slot : '',
    defaultDate: typed(v, 'date', ISO_DATE),
    defaultTime: typed(v, 'time', HH_MM).slice(0, 5),
    defaultText: typed(v, 'text', ANY, 500),
    errorTitle: again?.error.title ?? '',
    errorText: again?.error.text ?? '',
    labels: rescheduleFormCardLabels(t),
  };
  return model;
}

export const rescheduleFormCard = (...args: Parameters<typeof rescheduleFormCardData>): AdaptiveCardJson => renderCard('reschedule-form', rescheduleFormCardData(...args));

declare module '../cards.js' {
  interface CardTemplates {
    'reschedule-form': RescheduleFormCardData;
  }
}
