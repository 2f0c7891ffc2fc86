// What the booking, rescheduling and held-review cards (src/teams/cards/booking*.ts, reschedule-*.ts,
// held-form.ts, review-held.ts) share: choices, the due-by fact, typed values kept on a refused form, dates.
// Display only: every decision (who may decide, within/outside timescale, free slots) was made in domain/ and app/.
import { RESCHEDULE_REASONS } from '../../domain/booking-rules.js';
import { formatDate } from '../../domain/dates-format.js';
import type { NextReview } from '../../domain/timescales.js';
import type { Slot } from '../../domain/slots.js';
import type { RescheduleRequestDoc } from '../../store/reschedule-documents.js';
import type { CardChoice, CardFact, TypedValues } from '../card-parts.js';
import { formatBookingStart, label } from './labels.js';

export const REASON_CHOICES: CardChoice[] = RESCHEDULE_REASONS.map((r) => ({ title: label(r), value: r }));
export const INVITEE_LABELS: Record<string, string> = {
  child: 'The child',
  carers: 'Carers',
  parents: 'Parents',
  school: 'School',
};

export const dueFact = (next: Pick<NextReview, 'dueBy' | 'rule' | 'explanation'>): CardFact => ({
  title: 'Due by',
  value: `${formatDate(next.dueBy)} — ${next.rule}, ${next.explanation}`,
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

/** "Thu 26 Nov 2026 10:00; Thu 26 Nov 2026 14:00 (outside timescale)" */
export function slotList(slots: readonly Slot[]): string {
  return slots
    .map((s) => `${formatDate(s.date)} ${s.time}${s.outsideTimescale ? ' (outside timescale)' : ''}`)
    .join('; ');
}

export function startText(start: string, tzName: string): string {
  return formatBookingStart(start, tzName);
}

export function atText(d: Date | null | undefined, tzName: string): string {
  return d ? formatBookingStart(new Date(d).toISOString(), tzName) : 'an unknown time';
}

/** "Approved by Catrin Morgan at Wed 25 Nov 2026 09:00" etc. */
export function decisionText(r: RescheduleRequestDoc, tzName: string): string {
  const by = r.decidedBy?.name ?? r.decidedBy?.id ?? 'someone';
  switch (r.status) {
    case 'pending':
      return 'Waiting for a reviewing team manager to decide';
    case 'approved':
      return `Approved by ${by} at ${atText(r.decidedAt, tzName)}`;
    case 'declined':
      return `Declined by ${by} at ${atText(r.decidedAt, tzName)}${r.comment ? `: ${r.comment}` : ''}`;
    case 'withdrawn':
      return `Withdrawn (${r.comment ?? 'booking changed'}) at ${atText(r.decidedAt, tzName)}`;
  }
}
