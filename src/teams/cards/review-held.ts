// The data of cards/review-held.json and the functions building and rendering it. Display-ready values
// (cards.ts says what every card's data must be).
import { formatDate } from '../../domain/dates-format.js';
import type { ChildDoc, ReviewDoc } from '../../store/documents.js';
import { renderCard, type AdaptiveCardJson } from '../cards.js';
import { childLabel } from '../presenters/labels.js';
import { readerOf } from '../presenters/meeting-text.js';
import type { CardFact } from '../card-parts.js';

export interface ReviewHeldCardData {
  title: string;
  text: string;
  facts: CardFact[];
  ref: string;
  reviewId: string;
  /** Show "Record distributed today". */
  canDistribute: boolean;
  /** Issue 15 (PT1): "Record decisions and actions" opens the plan card; '' hides it. */
  planButton: string;
}

export function reviewHeldCardData(child: ChildDoc, review: ReviewDoc, showNames: boolean, title: string, text: string, staffNames: ReadonlyMap<string, string>): ReviewHeldCardData {
  const facts: CardFact[] = [
    { title: 'Review', value: review.id },
    { title: 'Held on', value: formatDate(review.heldOn) },
  ];
  if (review.dueBy) facts.push({ title: 'Due by', value: `${formatDate(review.dueBy)}${review.rule ? ` (${review.rule})` : ''}` });
  if (review.chairId) facts.push({ title: 'Chaired by', value: staffNames.get(review.chairId) ?? review.chairId });
  facts.push({ title: 'Record', value: review.recordDistributedOn ? `Distributed ${formatDate(review.recordDistributedOn)}` : 'Not distributed yet' });
  const model: ReviewHeldCardData = {
    title: `${title} · ${childLabel(child, showNames)}`,
    text,
    facts,
    ref: child.ref,
    reviewId: review.id,
    canDistribute: !review.recordDistributedOn,
    planButton: readerOf(null).t('plan.record.button'),
  };
  return model;
}

export const reviewHeldCard = (...args: Parameters<typeof reviewHeldCardData>): AdaptiveCardJson => renderCard('review-held', reviewHeldCardData(...args));

declare module '../cards.js' {
  interface CardTemplates {
    'review-held': ReviewHeldCardData;
  }
}
