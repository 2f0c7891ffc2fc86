// The data of cards/digest.json, the sweeper's weekly digests, and the function building it (the reminders,
// cards/reminder.json, share its options). Display strings only; what is due and to whom is decided in
// domain/reminders.ts. `showNames` is true in personal chats and SHOW_CHILD_NAMES_IN_CHANNELS in channels
// (docs/DOMAIN.md "Identity and privacy"): the caller decides, this file just obeys.
import { diffDays } from '../../domain/calendar.js';
import { formatDate } from '../../domain/dates-format.js';
import type { DigestContent, DueMessage, RecordItem } from '../../domain/reminders.js';
import type { ReviewStatus } from '../../domain/review-status.js';
import type { IsoDate } from '../../domain/types.js';
import { bookingText, childLabel, overdueText, plural, ruleText } from '../presenters/labels.js';
import { clip } from '../presenters/paging.js';

/** One line of a weekly digest: a review to book, an overdue review, or a record to distribute. */
export interface DigestRow {
  /** Case ref + initials, or the full name in a personal chat: the presenter decides. */
  child: string;
  /** Right-hand date, e.g. "Due by Tue 4 Oct 2016" or "Distribute by Fri 7 Oct 2016". */
  when: string;
  /** Second line, e.g. "W39.2 · second review · Not booked" or "Review C1001-2 held Fri 23 Sep 2016". */
  detail: string;
  isOverdue: boolean;
  /** "3 days overdue"; '' when not overdue. */
  overdueText: string;
  /** IRO name on the service-wide digest; '' hides it. */
  iro: string;
}

export interface DigestSection {
  /** "Overdue (2)", "To book: due by Sun 30 Oct 2016 (5)", "Records to distribute (1)" */
  heading: string;
  /** Attention colour for the overdue section. */
  attention: boolean;
  rows: DigestRow[];
  /** "…and 12 more: type /due team" when rows were cut; '' otherwise. */
  moreText: string;
}

export interface DigestCardData {
  /** "Your week: reviews and records" */
  title: string;
  /** "Week of Mon 3 Oct 2016 · reviews due to Sun 30 Oct 2016" */
  subtitle: string;
  /** Only non-empty sections; [] shows emptyText. */
  sections: DigestSection[];
  emptyText: string;
  /** "Type /actions for everything you need to do." */
  footer: string;
}

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

export function digestCardData(msg: DigestMessage, o: PresentOptions): DigestCardData {
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

declare module '../cards.js' {
  interface CardTemplates {
    'digest': DigestCardData;
  }
}
