// The data of cards/reminder.json, the sweeper's reminders, and the function building it. Display-ready values
// (cards.ts says what every card's data must be).
import type { ActionButton, CardFact } from '../card-parts.js';
import { diffDays } from '../../domain/calendar.js';
import { formatDate } from '../../domain/dates-format.js';
import type { Translate } from '../i18n/translate.js';
import { bookingText, childLabel, datesOf, ENGLISH, overdueText, ruleText } from '../presenters/labels.js';
import type { PresentOptions, ReminderMessage } from './digest.js';

export interface ReminderCardData {
  /** "Review to book", "Review record due", "Review record overdue" */
  title: string;
  /** One sentence saying what to do and by when. */
  text: string;
  /** Warning colour for an overdue record. */
  isOverdue: boolean;
  facts: CardFact[];
  /** e.g. "Type /case C1001 for the timeline." */
  footer: string;
  /** The step itself (Book, Record distributed today); each verb re-checks who may. */
  buttons: ActionButton[];
}

/** The reminder in the reader's language (`t`; English by default). */
export function reminderCardData(msg: ReminderMessage, o: PresentOptions, t: Translate = ENGLISH): ReminderCardData {
  const dates = datesOf(t);
  if (msg.kind === 'review-reminder') {
    const s = msg.status;
    const label = childLabel(s.child, o.showNames);
    const dueBy = formatDate(s.next.dueBy, dates);
    return {
      title: t('reminder.review.title'),
      text: t('reminder.review.text', { child: label, date: dueBy, left: Math.max(0, msg.workingDaysLeft) }),
      isOverdue: false,
      facts: [
        { title: t('reminder.fact.child'), value: label },
        { title: t('reminder.fact.due-by'), value: dueBy },
        { title: t('reminder.fact.rule'), value: `${s.next.rule} · ${ruleText(s.next.rule, t)}` },
        { title: t('reminder.fact.booking'), value: bookingText(s.booking, o.tzName, t) },
      ],
      footer: t('reminder.review.footer', { ref: s.child.ref }),
      buttons: [{ title: t('card.button.book'), verb: 'review.book.form', data: { ref: s.child.ref } }],
    };
  }
  const r = msg.record;
  const label = childLabel(r.child, o.showNames);
  const late = diffDays(o.today, r.deadline);
  const overdue = msg.day === 'day15' && late > 0;
  const deadline = formatDate(r.deadline, dates);
  return {
    title: t(overdue ? 'reminder.record.title.overdue' : 'reminder.record.title.due'),
    text: overdue
      ? t('reminder.record.text.overdue', { reviewId: r.reviewId, child: label, date: deadline, late: overdueText(late, t) })
      : t('reminder.record.text.due', { reviewId: r.reviewId, child: label, date: deadline }),
    isOverdue: overdue,
    facts: [
      { title: t('reminder.fact.child'), value: label },
      { title: t('reminder.fact.held'), value: formatDate(r.heldOn, dates) },
      { title: t('reminder.fact.distribute-by'), value: deadline },
    ],
    footer: t('reminder.record.footer', { ref: r.child.ref }),
    buttons: [
      {
        title: t('reminder.button.distributed'),
        verb: 'review.record.distributed',
        data: { ref: r.child.ref, reviewId: r.reviewId },
      },
    ],
  };
}

declare module '../cards.js' {
  interface CardTemplates {
    'reminder': ReminderCardData;
  }
}
