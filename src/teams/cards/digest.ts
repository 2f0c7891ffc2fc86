// The data of cards/digest.json, the sweeper's weekly digests, and the function building it (the reminders,
// cards/reminder.json, share its options). Display strings only; what is due and to whom is decided in
// domain/reminders.ts. `showNames` is true in personal chats and SHOW_CHILD_NAMES_IN_CHANNELS in channels
// (docs/DOMAIN.md "Identity and privacy"): the caller decides, this file just obeys.
import { diffDays } from '../../domain/calendar.js';
import { formatDate } from '../../domain/dates-format.js';
import type { DigestContent, DueMessage, RecordItem } from '../../domain/reminders.js';
import type { ReviewStatus } from '../../domain/review-status.js';
import type { IsoDate } from '../../domain/types.js';
import type { Translate } from '../i18n/translate.js';
import { bookingText, childLabel, datesOf, ENGLISH, overdueText, ruleText } from '../presenters/labels.js';
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
  /** "IRO: name" on the service-wide digest; '' hides it. */
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

function reviewRow(s: ReviewStatus, o: PresentOptions, withIro: boolean, t: Translate): DigestRow {
  const late = diffDays(o.today, s.next.dueBy);
  return {
    child: clip(childLabel(s.child, o.showNames)),
    when: t('digest.row.due-by', { date: formatDate(s.next.dueBy, datesOf(t)) }),
    detail: `${s.next.rule} · ${ruleText(s.next.rule, t)} · ${bookingText(s.booking, o.tzName, t)}`,
    isOverdue: late > 0,
    overdueText: overdueText(late, t),
    iro: withIro ? t('digest.row.iro', { name: clip(o.staffNames?.get(s.child.iroId) ?? s.child.iroId) }) : '',
  };
}

function recordRow(r: RecordItem, o: PresentOptions, withIro: boolean, t: Translate): DigestRow {
  const dates = datesOf(t);
  return {
    child: clip(childLabel(r.child, o.showNames)),
    when: t('digest.row.distribute-by', { date: formatDate(r.deadline, dates) }),
    detail: t('digest.row.record', { reviewId: r.reviewId, date: formatDate(r.heldOn, dates) }),
    isOverdue: r.overdue,
    overdueText: r.overdue ? overdueText(diffDays(o.today, r.deadline), t) : '',
    iro: withIro ? t('digest.row.iro', { name: clip(o.staffNames?.get(r.child.iroId) ?? r.child.iroId) }) : '',
  };
}

function section(heading: (count: number) => string, rows: DigestRow[], attention: boolean, more: (n: number) => string): DigestSection {
  const shown = rows.slice(0, MAX_DIGEST_ROWS);
  const hidden = rows.length - shown.length;
  return { heading: heading(rows.length), attention, rows: shown, moreText: hidden > 0 ? more(hidden) : '' };
}

/** The digest in the reader's language (`t`; English by default). */
export function digestCardData(msg: DigestMessage, o: PresentOptions, t: Translate = ENGLISH): DigestCardData {
  const service = msg.kind === 'service-digest';
  const d: DigestContent = msg.digest;
  const dates = datesOf(t);
  const hint = t(service ? 'digest.hint.service' : 'digest.hint.iro');
  const more = (count: number) => t('digest.more', { count, hint });
  const sections = [
    section((count) => t('digest.section.overdue', { count }), d.overdue.map((s) => reviewRow(s, o, service, t)), true, more),
    section(
      (count) => t('digest.section.to-book', { count, date: formatDate(d.windowEnd, dates) }),
      d.toBook.map((s) => reviewRow(s, o, service, t)),
      false,
      more,
    ),
    section((count) => t('digest.section.records', { count }), d.records.map((r) => recordRow(r, o, service, t)), false, more),
  ].filter((s) => s.rows.length > 0);
  return {
    title: t(service ? 'digest.title.service' : 'digest.title.iro'),
    subtitle: t('digest.subtitle', { weekOf: formatDate(d.weekOf, dates), windowEnd: formatDate(d.windowEnd, dates) }),
    sections,
    emptyText: t(service ? 'digest.empty.service' : 'digest.empty.iro'),
    footer: t(service ? 'digest.footer.service' : 'digest.footer.iro'),
  };
}

/** Notification preview text: counts and case references only, never a child's name. */
export function messageSummary(msg: DueMessage, t: Translate = ENGLISH): string {
  switch (msg.kind) {
    case 'iro-digest':
    case 'service-digest': {
      const d = msg.digest;
      return t('digest.summary', { overdue: d.overdue.length, toBook: d.toBook.length, records: d.records.length });
    }
    case 'review-reminder':
      return t('reminder.summary.review', { ref: msg.status.child.ref });
    case 'record-reminder':
      return t(msg.day === 'day15' ? 'reminder.summary.record-overdue' : 'reminder.summary.record-due', {
        ref: msg.record.child.ref,
      });
  }
}

declare module '../cards.js' {
  interface CardTemplates {
    'digest': DigestCardData;
  }
}
