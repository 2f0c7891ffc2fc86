// View models for the sweeper's cards: weekly digests (cards/digest.json) and reminders
// (cards/reminder.json). Display strings only; what is due and to whom is decided in
// domain/reminders.ts. `showNames` is true in personal chats and SHOW_CHILD_NAMES_IN_CHANNELS in
// channels (docs/DOMAIN.md "Identity and privacy"): the caller decides, this file just obeys.
import { diffDays } from '../../domain/calendar.js';
import { formatDate } from '../../domain/dates-format.js';
import type { DigestContent, DueMessage, RecordItem } from '../../domain/reminders.js';
import type { ReviewStatus } from '../../domain/review-status.js';
import type { IsoDate } from '../../domain/types.js';
import type { DigestCardModel, DigestRow, DigestSection, ReminderCardModel } from '../view-models.js';
import { bookingText, childLabel, overdueText, plural, ruleText } from './labels.js';
import { clip } from './paging.js';

/** Rows per section: a service-wide digest must stay well inside Teams' message size limit. */
export const MAX_DIGEST_ROWS = 15;

export type DigestMessage = Extract<DueMessage, { kind: 'iro-digest' | 'service-digest' }>;
export type ReminderMessage = Extract<DueMessage, { kind: 'review-reminder' | 'record-reminder' }>;

export interface PresentOptions {
  today: IsoDate;
  /** The council's time zone (TZ_NAME), for booking times. */
  tzName: string;
  showNames: boolean;
  /** Staff id → name, for the IRO line of the service-wide digest. */
  staffNames?: ReadonlyMap<string, string>;
}

function reviewRow(s: ReviewStatus, o: PresentOptions, withIro: boolean): DigestRow {
  const late = diffDays(o.today, s.next.dueBy);
  return {
    child: clip(childLabel(s.child, o.showNames)),
    when: `Due by ${formatDate(s.next.dueBy)}`,
    detail: `${s.next.rule} · ${ruleText(s.next.rule)} · ${bookingText(s.booking, o.tzName)}`,
    isOverdue: late > 0,
    overdueText: overdueText(late),
    iro: withIro ? clip(o.staffNames?.get(s.child.iroId) ?? s.child.iroId) : '',
  };
}

function recordRow(r: RecordItem, o: PresentOptions, withIro: boolean): DigestRow {
  return {
    child: clip(childLabel(r.child, o.showNames)),
    when: `Distribute by ${formatDate(r.deadline)}`,
    detail: `Record of review ${r.reviewId}, held ${formatDate(r.heldOn)}`,
    isOverdue: r.overdue,
    overdueText: r.overdue ? overdueText(diffDays(o.today, r.deadline)) : '',
    iro: withIro ? clip(o.staffNames?.get(r.child.iroId) ?? r.child.iroId) : '',
  };
}

function section(heading: string, rows: DigestRow[], attention: boolean, moreHint: string): DigestSection {
  const shown = rows.slice(0, MAX_DIGEST_ROWS);
  const more = rows.length - shown.length;
  return {
    heading: `${heading} (${rows.length})`,
    attention,
    rows: shown,
    moreText: more > 0 ? `…and ${more} more: ${moreHint}` : '',
  };
}

export function digestCard(msg: DigestMessage, o: PresentOptions): DigestCardModel {
  const service = msg.kind === 'service-digest';
  const d: DigestContent = msg.digest;
  const hint = service ? 'type /due team or /actions' : 'type /actions';
  const sections = [
    section('Overdue', d.overdue.map((s) => reviewRow(s, o, service)), true, hint),
    section(`To book: due by ${formatDate(d.windowEnd)}`, d.toBook.map((s) => reviewRow(s, o, service)), false, hint),
    section('Records to distribute', d.records.map((r) => recordRow(r, o, service)), false, hint),
  ].filter((s) => s.rows.length > 0);
  return {
    title: service ? 'Reviewing service: the week ahead' : 'Your week: reviews and records',
    subtitle: `Week of ${formatDate(d.weekOf)} · reviews due up to ${formatDate(d.windowEnd)}`,
    sections,
    emptyText: service ? 'Nothing overdue, nothing to book and no records outstanding.' : 'Nothing outstanding this week.',
    footer: service ? 'Type /due team for the whole list, or /actions for what to do next.'
      : 'Type /due next 28 days or /actions for the full lists.',
  };
}

export function reminderCard(msg: ReminderMessage, o: PresentOptions): ReminderCardModel {
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

/** Notification preview text: counts and case references only, never a child's name. */
export function messageSummary(msg: DueMessage): string {
  switch (msg.kind) {
    case 'iro-digest':
    case 'service-digest': {
      const d = msg.digest;
      return `Weekly digest: ${d.overdue.length} overdue, ${d.toBook.length} to book, ${plural(d.records.length, 'record')} to distribute`;
    }
    case 'review-reminder':
      return `Review to book: ${msg.status.child.ref}`;
    case 'record-reminder':
      return `${msg.day === 'day15' ? 'Review record overdue' : 'Review record due'}: ${msg.record.child.ref}`;
  }
}
