// The data of cards/held-form.json and the functions building and rendering it. Display-ready values (cards.ts
// says what every card's data must be).
import { formatDate } from '../../domain/dates-format.js';
import type { NextReview } from '../../domain/timescales.js';
import type { ChildDoc, ReviewDoc } from '../../store/documents.js';
import { renderCard, type AdaptiveCardJson } from '../cards.js';
import { ANY, dueFact, ISO_DATE, reasonChoices, typed } from '../presenters/booking.js';
import { childLabel, datesOf } from '../presenters/labels.js';
import type { Translate } from '../i18n/translate.js';
import { lastHeldOn, reviewPlanFacts } from '../presenters/plan-case.js';
import { readerFrom } from '../presenters/reader-language.js';
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
  labels: HeldFormCardLabels;
}

/** The form's own words (issue 13: the template carries none). */
export interface HeldFormCardLabels {
  heldOn: string;
  correctDate: string;
  chooseDate: string;
  chair: string;
  combined: string;
  lateReason: string;
  reasonCategory: string;
  whyWrong: string;
  sayWhy: string;
  record: string;
  correct: string;
}

export function heldFormCardLabels(t: Translate): HeldFormCardLabels {
  return {
    heldOn: t('held-form.label.held-on'),
    correctDate: t('held-form.label.correct-date'),
    chooseDate: t('form.choose-date'),
    chair: t('held-form.label.chair'),
    combined: t('held-form.label.combined'),
    lateReason: t('held-form.label.late-reason'),
    reasonCategory: t('form.reason-category'),
    whyWrong: t('held-form.label.why-wrong'),
    sayWhy: t('form.say-why'),
    record: t('held-form.button.record'),
    correct: t('held-form.button.correct'),
  };
}

export function heldFormCardData(o: {
  child: ChildDoc; next: NextReview | null; showNames: boolean; today: string; chairs: CardChoice[]; review?: ReviewDoc | null;
  again?: { values: TypedValues; error: FormError };
  t: Translate;
}): HeldFormCardData {
  const { t } = o;
  const day = (d: string) => formatDate(d, datesOf(t));
  const reasons = reasonChoices(t);
  const correcting = !!o.review;
  const v = o.again?.values;
  const chair = typed(v, 'chairId', /^[\w.-]+$/, 64);
  const lateReason = typed(v, 'lateReason', /^[a-z-]+$/, 40);
  const model: HeldFormCardData = {
    mode: correcting ? 'correct' : 'record',
    title: t(correcting ? 'held-form.title.correct' : 'held-form.title.record', {
      child: childLabel(o.child, o.showNames),
    }),
    subtitle: correcting
      ? t('held-form.subtitle.correct', { id: o.review!.id, date: day(o.review!.heldOn) })
      : t('held-form.subtitle.record', { date: day(o.today) }),
    facts: o.next && !correcting ? [dueFact(o.next, t), ...carried(o.child, o.today, t)] : [],
    ref: o.child.ref,
    reviewId: o.review?.id ?? '',
    defaultDate: typed(v, 'heldOn', ISO_DATE) || (o.review?.heldOn ?? o.today),
    maxDate: o.today,
    chairs: o.chairs,
    defaultChair: o.chairs.some((c) => c.value === chair) ? chair : o.child.iroId,
    reasons,
    defaultLateReason: reasons.some((c) => c.value === lateReason) ? lateReason : '',
    defaultCombined: typed(v, 'combinedWithCP', /^(true|false)$/) || 'false',
    defaultReason: typed(v, 'reason', ANY, 300),
    errorTitle: o.again?.error.title ?? '',
    errorText: o.again?.error.text ?? '',
    note: t(correcting ? 'held-form.note.correct' : 'held-form.note.record'),
    labels: heldFormCardLabels(t),
  };
  return model;
}

/** PT6/PT7: the plan's outstanding actions and the alerts since the last review, taken up by the review being recorded. */
const carried = (child: ChildDoc, today: string, t: Translate): CardFact[] =>
  reviewPlanFacts(child, { asAt: today, since: lastHeldOn(child.reviews) }, readerFrom(t));

export const heldFormCard = (...args: Parameters<typeof heldFormCardData>): AdaptiveCardJson => renderCard('held-form', heldFormCardData(...args));

declare module '../cards.js' {
  interface CardTemplates {
    'held-form': HeldFormCardData;
  }
}
