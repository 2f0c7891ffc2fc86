// What the booking, rescheduling and held-review cards (src/teams/cards/booking*.ts, reschedule-*.ts,
// held-form.ts, review-held.ts) share: choices, the due-by fact, typed values kept on a refused form, dates.
// Display only: every decision (who may decide, within/outside timescale, free slots) was made in domain/ and app/.
import { RESCHEDULE_REASONS } from '../../domain/booking-rules.js';
import { formatDate } from '../../domain/dates-format.js';
import type { NextReview } from '../../domain/timescales.js';
import type { Slot } from '../../domain/slots.js';
import type { RescheduleRequestDoc } from '../../store/reschedule-documents.js';
import type { CardChoice, CardFact, TypedValues } from '../card-parts.js';
import type { MessageKey, Translate } from '../i18n/translate.js';
import { explanationFor } from './due-reason.js';
import { datesOf, ENGLISH, formatBookingStart, label } from './labels.js';

/** The reason categories, in the reader's language. */
export function reasonChoices(t: Translate = ENGLISH): CardChoice[] {
  return RESCHEDULE_REASONS.map((r) => ({ title: label(r, '—', t), value: r }));
}

const INVITEE_KEYS: Readonly<Record<string, MessageKey>> = {
  child: 'form.invitee.child',
  carers: 'form.invitee.carers',
  parents: 'form.invitee.parents',
  school: 'form.invitee.school',
};

const VENUE_KEYS: Readonly<Record<string, MessageKey>> = {
  Placement: 'form.venue.placement',
  School: 'form.venue.school',
  'Council office': 'form.venue.council-office',
  'Online (Teams)': 'form.venue.online',
};

/**
 * A venue as the reader says it. The standard venues (app/booking/book-review.ts STANDARD_VENUES) are
 * stored in English as the booking's venue; anything else was typed by a person and shows as typed.
 */
export function venueLabel(venue: string, t: Translate = ENGLISH): string {
  return Object.hasOwn(VENUE_KEYS, venue) ? t(VENUE_KEYS[venue]) : venue;
}

/** An invitee group ("The child", "Carers") in the reader's language; an unknown value as it is. */
export function inviteeLabel(value: string, t: Translate = ENGLISH): string {
  return Object.hasOwn(INVITEE_KEYS, value) ? t(INVITEE_KEYS[value]) : value;
}

export const dueFact = (
  next: Pick<NextReview, 'dueBy' | 'rule' | 'explanation'> & { reason?: NextReview['reason'] },
  t: Translate = ENGLISH,
): CardFact => ({
  title: t('form.due-by'),
  value: t('form.due-by.value', {
    date: formatDate(next.dueBy, datesOf(t)),
    rule: next.rule,
    explanation: explanationFor(next, t),
  }),
});

/** A typed value, kept only if it has the expected shape (a forged invoke can send anything). */
export function typed(values: TypedValues | undefined, key: string, pattern: RegExp, max = 500): string {
  const v = values?.[key];
  const s = typeof v === 'string' ? v.trim().slice(0, max) : '';
  return pattern.test(s) ? s : '';
}
export const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
export const HH_MM = /^([01]\d|2[0-3]):[0-5]\d/;
export const ANY = /^[\s\S]*$/;

/** One free slot: "Thu 26 Nov 2026 10:00" or "… (outside timescale)". */
export function slotText(slot: Slot, t: Translate = ENGLISH): string {
  const words = { date: formatDate(slot.date, datesOf(t)), time: slot.time };
  return t(slot.outsideTimescale ? 'form.slot.outside' : 'form.slot', words);
}

/** "Thu 26 Nov 2026 10:00; Thu 26 Nov 2026 14:00 (outside timescale)" */
export function slotList(slots: readonly Slot[], t: Translate = ENGLISH): string {
  return slots.map((s) => slotText(s, t)).join('; ');
}

export function atText(d: Date | null | undefined, tzName: string, t: Translate = ENGLISH): string {
  return d ? formatBookingStart(new Date(d).toISOString(), tzName, t) : t('decision.unknown-time');
}

/** "Approved by Catrin Morgan at Wed 25 Nov 2026 09:00" etc. */
export function decisionText(r: RescheduleRequestDoc, tzName: string, t: Translate = ENGLISH): string {
  const name = r.decidedBy?.name ?? r.decidedBy?.id ?? t('decision.someone');
  const when = atText(r.decidedAt, tzName, t);
  switch (r.status) {
    case 'pending':
      return t('decision.pending');
    case 'approved':
      return t('decision.approved', { name, when });
    case 'declined':
      return r.comment
        ? t('decision.declined-comment', { name, when, comment: r.comment })
        : t('decision.declined', { name, when });
    case 'withdrawn':
      return t('decision.withdrawn', { why: r.comment ?? t('decision.booking-changed'), when });
  }
}
