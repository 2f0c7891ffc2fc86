// The data of cards/reminder.json, the sweeper's reminders, and the function building it. Display-ready values
// (cards.ts says what every card's data must be).
import type { ActionButton, CardFact } from '../card-parts.js';
import { diffDays } from '../../domain/calendar.js';
import { formatDate } from '../../domain/dates-format.js';
import { bookingText, childLabel, overdueText, plural, ruleText } from '../presenters/labels.js';
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

export function reminderCardData(msg: ReminderMessage, o: PresentOptions): ReminderCardData {
  if (msg.kind === 'review-reminder') {
    const s = msg.status;
    const left = msg.workingDaysLeft;
    const label = childLabel(s.child, o.showNames);
    return {
      title: 'Review to book',
      text: `The next review for ${label} is due by ${formatDate(s.next.dueBy)} and is not booked: `
        + (left > 0 ? `${plural(left, 'working day')} left.` : 'it is due today.'),
      isOverdue: false,
      facts: [
        { title: 'Child', value: label },
        { title: 'Due by', value: formatDate(s.next.dueBy) },
        { title: 'Rule', value: `${s.next.rule} · ${ruleText(s.next.rule)}` },
        { title: 'Booking', value: bookingText(s.booking, o.tzName) },
      ],
      footer: `Type /case ${s.child.ref} for the timeline. You will be reminded each working day until it is booked.`,
      buttons: [{ title: 'Book', verb: 'review.book.form', data: { ref: s.child.ref } }],
    };
  }
  const r = msg.record;
  const label = childLabel(r.child, o.showNames);
  const late = diffDays(o.today, r.deadline);
  const overdue = msg.day === 'day15' && late > 0;
  return {
    title: overdue ? 'Review record overdue' : 'Review record due',
    text: overdue
      ? `The written record of review ${r.reviewId} for ${label} was due by ${formatDate(r.deadline)} and is ${overdueText(late)}: distribute it now.`
      : `Distribute the written record of review ${r.reviewId} for ${label} by ${formatDate(r.deadline)} (within 14 days of the review).`,
    isOverdue: overdue,
    facts: [
      { title: 'Child', value: label },
      { title: 'Review held', value: formatDate(r.heldOn) },
      { title: 'Distribute by', value: formatDate(r.deadline) },
    ],
    footer: `Type /case ${r.child.ref} for the timeline.`,
    buttons: [{ title: 'Record distributed today', verb: 'review.record.distributed', data: { ref: r.child.ref, reviewId: r.reviewId } }],
  };
}

declare module '../cards.js' {
  interface CardTemplates {
    'reminder': ReminderCardData;
  }
}
