// The data of cards/participation.json (issue 15): the pre-review participation checklist of a booked review
// (docs/DOMAIN.md "Participation", PC1–PC3). The child's IRO answers each item; anyone else who may see the
// child reads it. Every word from the catalogue.
import type { ParticipationView } from '../../app/participation.js';
import { todayIn } from '../../domain/calendar.js';
import { formatDate } from '../../domain/dates-format.js';
import { ITEM_STATUSES, openItems, PARTICIPATION_ITEMS, daysUntil } from '../../domain/participation.js';
import type { CardChoice } from '../card-parts.js';
import { renderCard, type AdaptiveCardJson } from '../cards.js';
import { dateLocale, type Language, type Translate } from '../i18n/translate.js';
import { itemLabel } from './board.js';
import { childLabel } from '../presenters/labels.js';

export interface ParticipationItemRow {
  item: string;
  label: string;
  /** "Done · Alex Wilber, Tue 1 Dec 2026", or "Not answered yet". */
  answered: string;
  /** The stored status ('' when unanswered): the choice set's value. */
  status: string;
  reason: string;
  choices: CardChoice[];
  reasonLabel: string;
}

export interface ParticipationCardData {
  title: string;
  subtitle: string;
  statusText: string;
  complete: boolean;
  ref: string;
  bookingId: string;
  mayAnswer: boolean;
  readonlyText: string;
  items: ParticipationItemRow[];
  saveTitle: string;
  /** "3 answers saved." after a save; '' hides. */
  message: string;
}

export interface ParticipationCardInput {
  view: ParticipationView;
  showNames: boolean;
  names: ReadonlyMap<string, string>;
  tzName: string;
  now: Date;
  t: Translate;
  language: Language;
  message?: string;
}

export function participationCardData(o: ParticipationCardInput): ParticipationCardData {
  const { view, t } = o;
  const locale = dateLocale(o.language);
  const bookedOn = todayIn(new Date(view.booking.start), o.tzName);
  const open = openItems(view.checklist).length;
  const choices: CardChoice[] = ITEM_STATUSES.map((s) => ({ title: t(`participation.status.${s}`), value: s }));
  return {
    title: t('participation.title', { child: childLabel(view.child, o.showNames) }),
    subtitle: t('participation.subtitle', {
      date: formatDate(bookedOn, locale),
      days: Math.max(0, daysUntil(bookedOn, todayIn(o.now, o.tzName))),
    }),
    statusText: view.complete ? t('participation.complete') : t('participation.open', { count: open }),
    complete: view.complete,
    ref: view.child.ref,
    bookingId: view.booking.id,
    mayAnswer: view.mayAnswer,
    readonlyText: view.mayAnswer ? '' : t('participation.readonly', { ref: view.child.ref }),
    items: PARTICIPATION_ITEMS.map((item) => {
      const entry = view.checklist[item];
      return {
        item,
        label: itemLabel(t, item),
        answered: entry
          ? t('participation.answered', {
              status: t(`participation.status.${entry.status}`),
              name: o.names.get(entry.by) ?? entry.by,
              date: formatDate(entry.on, locale),
            }) + (entry.reason ? ` · ${entry.reason}` : '')
          : t('participation.status.unanswered'),
        status: entry?.status ?? '',
        reason: entry?.reason ?? '',
        choices,
        reasonLabel: t('participation.reason'),
      };
    }),
    saveTitle: t('participation.save'),
    message: o.message ?? '',
  };
}

export function participationCard(o: ParticipationCardInput): AdaptiveCardJson {
  return renderCard('participation', participationCardData(o));
}

declare module '../cards.js' {
  interface CardTemplates {
    'participation': ParticipationCardData;
  }
}
