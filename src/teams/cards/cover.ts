// The data of cards/cover.json (issue 14, /cover): the absent IRO's reviews due or booked in the window,
// each with the IROs W54.3 allows for that child (caseloads shown) and the ones it rules out, plus one
// choice for all. Display-ready values (cards.ts says what every card's data must be).
import { MAX_COVER_CHOICES, type CoverPlan } from '../../app/cover.js';
import { coverOn } from '../../domain/cover.js';
import { formatDate } from '../../domain/dates-format.js';
import type { CardChoice, FormError, TypedValues } from '../card-parts.js';
import { renderCard, type AdaptiveCardJson } from '../cards.js';
import { dateLocale, type Language, type Translate } from '../i18n/translate.js';
import { typed } from '../presenters/booking.js';
import { childLabel } from '../presenters/labels.js';
import { clip } from '../presenters/paging.js';

/** The card's input for one review: `for-<ref>` (refs are letters, digits, '-' and '_'). */
export const coverInputId = (ref: string): string => `for-${ref}`;

export interface CoverReviewData {
  heading: string;
  current: string;
  inputId: string;
  chooseLabel: string;
  chosen: string;
  choices: CardChoice[];
  ineligible: string;
}

export interface CoverCardData {
  title: string;
  subtitle: string;
  more: string;
  absentId: string;
  from: string;
  to: string;
  reviews: CoverReviewData[];
  allLabel: string;
  allChosen: string;
  allChoices: CardChoice[];
  note: string;
  submit: string;
  errorTitle: string;
  errorText: string;
}

const ID = /^[A-Za-z0-9_.:-]{1,64}$/;

export function coverCardData(o: {
  plan: CoverPlan;
  words: { t: Translate; language: Language };
  today: string;
  showNames: boolean;
  again?: { values: TypedValues; error: FormError };
}): CoverCardData {
  const { t, language } = o.words;
  const date = (d: string) => formatDate(d, dateLocale(language));
  const { plan } = o;
  const choiceTitle = (c: { name: string; children: number; perFte: number | null }) =>
    t('events.allocate.choice', {
      name: clip(c.name),
      count: c.children,
      perFte: c.perFte === null ? 'none' : String(c.perFte),
    });
  const reviews = plan.reviews.map(({ child, review, choices }) => {
    const when =
      review.dueBy && review.bookedOn
        ? t('events.cover.due-booked', { due: date(review.dueBy), booked: date(review.bookedOn) })
        : review.bookedOn
          ? t('events.cover.booked', { date: date(review.bookedOn) })
          : t('events.cover.due', { date: date(review.dueBy ?? '') });
    const now = coverOn(child.cover, o.today);
    const inputId = coverInputId(child.ref);
    return {
      heading: t('events.cover.review', { child: childLabel(child, o.showNames), when }),
      current: now ? t('events.cover.current', { name: clip(plan.names.get(now.iroId) ?? now.iroId) }) : '',
      inputId,
      chooseLabel: t('events.cover.choose'),
      chosen: typed(o.again?.values, inputId, ID, 64),
      choices: choices
        .filter((c) => !c.refusal)
        .slice(0, MAX_COVER_CHOICES)
        .map((c) => ({ title: choiceTitle(c), value: c.id })),
      ineligible: choices.some((c) => c.refusal)
        ? clip(
            t('events.cover.ineligible', {
              names: choices
                .filter((c) => c.refusal)
                .map((c) => c.name)
                .join(', '),
            }),
            200,
          )
        : '',
    };
  });
  const first = plan.reviews[0]?.choices ?? [];
  return {
    title: t('events.cover.title', { name: clip(plan.absent.name), from: date(plan.from), to: date(plan.to) }),
    subtitle: t('events.cover.subtitle', { count: plan.total }),
    more: plan.total > plan.reviews.length ? t('events.cover.more', { shown: plan.reviews.length }) : '',
    absentId: plan.absent._id,
    from: plan.from,
    to: plan.to,
    reviews,
    allLabel: t('events.cover.all'),
    allChosen: typed(o.again?.values, 'all', ID, 64),
    allChoices: first.slice(0, MAX_COVER_CHOICES).map((c) => ({ title: choiceTitle(c), value: c.id })),
    note: t('events.cover.note', { name: clip(plan.absent.name) }),
    submit: t('events.cover.submit'),
    errorTitle: o.again?.error.title ?? '',
    errorText: o.again?.error.text ?? '',
  };
}

export const coverCard = (...args: Parameters<typeof coverCardData>): AdaptiveCardJson =>
  renderCard('cover', coverCardData(...args));

declare module '../cards.js' {
  interface CardTemplates {
    'cover': CoverCardData;
  }
}
