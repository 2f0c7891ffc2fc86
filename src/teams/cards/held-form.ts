// The data of cards/held-form.json and the functions building and rendering it. Display-ready values (cards.ts
// says what every card's data must be).
import { formatDate } from '../../domain/dates-format.js';
import type { NextReview } from '../../domain/timescales.js';
import type { ChildDoc, ReviewDoc } from '../../store/documents.js';
import { renderCard, type AdaptiveCardJson } from '../cards.js';
import { ANY, dueFact, ISO_DATE, REASON_CHOICES, typed } from '../presenters/booking.js';
import { childLabel } from '../presenters/labels.js';
import { carriedActionsFact } from '../presenters/plan-case.js';
import { readerOf } from '../presenters/meeting-text.js';
import type { CardChoice, CardFact, FormError, TypedValues } from '../card-parts.js';

export interface HeldFormCardData {
  mode: 'record' | 'correct';
  title: string;
  subtitle: string;
  facts: CardFact[];
  ref: string;
  /** correct only; '' when recording. */
  reviewId: string;
  defaultDate: string;
  maxDate: string;
  chairs: CardChoice[];
  defaultChair: string;
  reasons: CardChoice[];
  note: string;
  /** After a refusal: what was typed, and what was wrong ('' hides). */
  defaultLateReason: string;
  /** "true" / "false" */
  defaultCombined: string;
  defaultReason: string;
  errorTitle: string;
  errorText: string;
}

export function heldFormCardData(o: {
  child: ChildDoc; next: NextReview | null; showNames: boolean; today: string; chairs: CardChoice[]; review?: ReviewDoc | null;
  again?: { values: TypedValues; error: FormError };
}): HeldFormCardData {
  const correcting = !!o.review;
  const v = o.again?.values;
  const chair = typed(v, 'chairId', /^[\w.-]+$/, 64);
  const lateReason = typed(v, 'lateReason', /^[a-z-]+$/, 40);
  const model: HeldFormCardData = {
    mode: correcting ? 'correct' : 'record',
    title: `${correcting ? 'Correct held date' : 'Record review held'} · ${childLabel(o.child, o.showNames)}`,
    subtitle: correcting ? `Review ${o.review!.id}, recorded as held on ${formatDate(o.review!.heldOn)}` : `Today is ${formatDate(o.today)}`,
    facts: o.next && !correcting ? [dueFact(o.next), ...carried(o.child, o.today)] : [],
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
  return model;
}

/** PT6: the plan's outstanding actions are carried into the review being recorded (issue 15). */
const carried = (child: ChildDoc, today: string): CardFact[] => {
  const fact = carriedActionsFact(child, today, readerOf(null));
  return fact ? [fact] : [];
};

export const heldFormCard = (...args: Parameters<typeof heldFormCardData>): AdaptiveCardJson => renderCard('held-form', heldFormCardData(...args));

declare module '../cards.js' {
  interface CardTemplates {
    'held-form': HeldFormCardData;
  }
}
