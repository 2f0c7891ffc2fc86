// The data of cards/review-held.json and the functions building and rendering it. Display-ready values
// (cards.ts says what every card's data must be).
import { formatDate } from '../../domain/dates-format.js';
import type { ChildDoc, ReviewDoc } from '../../store/documents.js';
import { renderCard, type AdaptiveCardJson } from '../cards.js';
import type { Translate } from '../i18n/translate.js';
import { childLabel, datesOf, ENGLISH } from '../presenters/labels.js';
import type { CardFact } from '../card-parts.js';
import { readerFrom } from '../presenters/reader-language.js';
import { lastHeldOn, reviewPlanFacts } from '../presenters/plan-case.js';

export interface ReviewHeldCardData {
  title: string;
  text: string;
  facts: CardFact[];
  ref: string;
  reviewId: string;
  /** Show "Record distributed today". */
  canDistribute: boolean;
  /** The "Record distributed today" button's title. */
  distributeTitle: string;
  /** Issue 15 (PT1): "Record decisions and actions" opens the plan card; '' hides it. */
  planButton: string;
}

export function reviewHeldCardData(
  child: ChildDoc,
  review: ReviewDoc,
  showNames: boolean,
  title: string,
  text: string,
  staffNames: ReadonlyMap<string, string>,
  t: Translate = ENGLISH,
): ReviewHeldCardData {
  const dates = datesOf(t);
  const facts: CardFact[] = [
    { title: t('held.fact.review'), value: review.id },
    { title: t('held.fact.held-on'), value: formatDate(review.heldOn, dates) },
  ];
  if (review.dueBy)
    facts.push({
      title: t('held.fact.due-by'),
      value: `${formatDate(review.dueBy, dates)}${review.rule ? ` (${review.rule})` : ''}`,
    });
  if (review.chairId)
    facts.push({ title: t('held.fact.chaired-by'), value: staffNames.get(review.chairId) ?? review.chairId });
  // PT6/PT7: what this review took up from the plan (the actions of other reviews, alerts since the one before).
  const since = lastHeldOn(child.reviews, review.heldOn);
  facts.push(...reviewPlanFacts(child, { asAt: review.heldOn, since, reviewId: review.id }, readerFrom(t)));
  facts.push({
    title: t('held.fact.record'),
    value: review.recordDistributedOn
      ? t('held.record.distributed', { date: formatDate(review.recordDistributedOn, dates) })
      : t('held.record.not-distributed'),
  });
  return {
    title: `${title} · ${childLabel(child, showNames)}`,
    text,
    facts,
    ref: child.ref,
    reviewId: review.id,
    canDistribute: !review.recordDistributedOn,
    distributeTitle: t('held.button.distributed'),
    planButton: t('plan.record.button'),
  };
}

export const reviewHeldCard = (...args: Parameters<typeof reviewHeldCardData>): AdaptiveCardJson => renderCard('review-held', reviewHeldCardData(...args));

declare module '../cards.js' {
  interface CardTemplates {
    'review-held': ReviewHeldCardData;
  }
}
