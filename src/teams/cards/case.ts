// The data of cards/case.json (/case REF) and the function building it. Display-ready values (cards.ts says
// what every card's data must be).
import type { CaseView } from '../../app/view-case.js';
import { diffDays, todayIn } from '../../domain/calendar.js';
import { openItems, PARTICIPATION_ITEMS } from '../../domain/participation.js';
import { upcomingBooking } from '../../domain/review-status.js';
import { formatDate } from '../../domain/dates-format.js';
import { carriedMonitoringIssues, CHECKLIST_ITEMS, type LiaisonDiscussion, type LiaisonDone } from '../../domain/liaison.js';
import type { TimescalePolicy } from '../../domain/policies.js';
import type { StageDef } from '../../domain/resolutions/index.js';
import type { Proceedings } from '../../domain/types.js';
import type { BookingDoc, ChildDoc } from '../../store/documents.js';
import type { CardFact } from '../card-parts.js';
import { policyLine } from '../presenters/common.js';
import { explanationFor } from '../presenters/due-reason.js';
import { formatBookingStart, label, languageOf, overdueText } from '../presenters/labels.js';
import { dateLocale, type Language, type MessageKey, type Translate } from '../i18n/translate.js';
import { caseResolutionLines } from './resolution.js';
import { coverOn } from '../../domain/cover.js';
import { timelineLines, type TimelineLine } from '../presenters/timeline.js';
import { casePlanButton } from '../presenters/plan-case.js';

export interface CaseChild {
  ref: string;
  name: string;
  dateOfBirth: string;
  legalStatus: string;
  track: string;
  iro: string;
  socialWorker: string;
  team: string;
}

export interface CaseNextReview {
  dueBy: string;
  /** "Due by Tue 24 Nov 2026" */
  dueByText: string;
  rule: string;
  ruleText: string;
  isOverdue: boolean;
  overdueText: string;
}

export interface CaseBooking {
  /** "Wed 25 Nov 2026 10:00" */
  when: string;
  venue: string;
  /** "Booked", "Cancelled", "Adjourned" */
  status: string;
}

export interface CaseHistoryRow {
  /** Review number, e.g. "3". */
  number: string;
  dueBy: string;
  heldOn: string;
  /** "Within" or "Outside" */
  timescale: string;
  withinTimescale: boolean;
  /** "0", "4" or '' */
  daysLate: string;
  /** Late reason or '' */
  reason: string;
  /** "Fri 27 Nov 2026", "Not yet" */
  recordDistributed: string;
}

/** A dated line for resolutions and Guardian liaison items. */
export interface CaseEventLine {
  date: string;
  text: string;
  status: string;
}

/** Events shown on the case card (the newest); the whole timeline is a paged card (case-timeline). */
export const CASE_EVENTS_SHOWN = 3;
/** Reviews listed on the case card (the newest); earlier ones are on the whole timeline. A child in care
 *  from birth to 18 has at most 38; the card stays under 80 KB with this many and the events. */
export const CASE_REVIEWS_SHOWN = 30;

export interface CaseCardData {
  /** "C1001 · Dylan Evans" */
  title: string;
  subtitle: string;
  child: CaseChild;
  /** null when no further review is due (e.g. ceased to be looked after). */
  nextReview: CaseNextReview | null;
  /** Shown when nextReview is null, e.g. "No further review due." */
  noNextReviewText: string;
  bookings: CaseBooking[];
  history: CaseHistoryRow[];
  /** Proceedings summary as facts (Started, Guardian, IRH, Final hearing, ...); [] when none. */
  proceedings: CardFact[];
  resolutions: CaseEventLine[];
  liaison: CaseEventLine[];
  /** "Cover: Nia Roberts for Alex Wilber, Mon 7 Dec 2026 to Fri 18 Dec 2026" while in force; '' otherwise. */
  cover: string;
  /** "8 earlier reviews are on the whole timeline."; '' when every review is listed. */
  earlierReviews: string;
  /** The newest CASE_EVENTS_SHOWN timeline entries (issue 14): what, when, who. */
  events: TimelineLine[];
  eventsHeading: string;
  eventsEmpty: string;
  /** "Show the whole timeline (12 entries)"; '' when every entry is shown already. */
  showAll: string;
  /** "Bring review forward" for the child's IRO (opens the bring-forward form); '' hides it (issue 14). */
  bringForward: string;
  /** The plan between reviews as one button to the plan card, e.g. "Plan: 2 outstanding, 1 overdue, 1 done";
   *  '' hides it (issue 15; presenters/plan-case.ts). */
  plan: string;
  /** PC5: the booked review's participation checklist in one line ("… 5 of 7 settled, 2 open"); '' hides it and its button. */
  participation: string;
  /** The button to the checklist card. */
  participationButton: string;
  policy: string;
  labels: CaseCardLabels;
}

/** The card's own words (issue 13: the template carries none): a heading for each of the child's fields, and these. */
export interface CaseCardLabels extends Record<keyof CaseChild, string> {
  nextReview: string;
  bookings: string;
  noBookings: string;
  history: string;
  noHistory: string;
  number: string;
  dueBy: string;
  heldOn: string;
  result: string;
  record: string;
  proceedings: string;
  resolutions: string;
  liaison: string;
}

const LABEL_KEYS: Readonly<Record<keyof CaseCardLabels, MessageKey>> = {
  ref: 'case.label.ref',
  name: 'case.label.name',
  dateOfBirth: 'case.label.date-of-birth',
  legalStatus: 'case.label.legal-status',
  track: 'case.label.track',
  iro: 'case.label.iro',
  socialWorker: 'case.label.social-worker',
  team: 'case.label.team',
  nextReview: 'case.label.next-review',
  bookings: 'case.label.bookings',
  noBookings: 'case.label.no-bookings',
  history: 'case.label.history',
  noHistory: 'case.label.no-history',
  number: 'case.label.number',
  dueBy: 'case.label.due-by',
  heldOn: 'case.label.held-on',
  result: 'case.label.result',
  record: 'case.label.record',
  proceedings: 'case.label.proceedings',
  resolutions: 'case.label.resolutions',
  liaison: 'case.label.liaison',
};

export function caseCardLabels(t: Translate): CaseCardLabels {
  return Object.fromEntries(Object.entries(LABEL_KEYS).map(([k, key]) => [k, t(key)])) as unknown as CaseCardLabels;
}

/** /case REF: the child's timeline from the use case's view, in the reader's language. */
export function caseCardData(
  view: CaseView,
  table: readonly StageDef[],
  policy: TimescalePolicy,
  tzName: string,
  t: Translate,
  language: Language,
): CaseCardData {
  const { child, next, history, people } = view;
  const dates = dateLocale(language);
  const day = (d: string) => formatDate(d, dates);
  const name = (id?: string | null) => (id ? (people.get(id)?.name ?? id) : t('card.not-allocated'));
  const late = next ? Math.max(0, diffDays(view.today, next.dueBy)) : 0;
  // Reviews have their own section here; the whole timeline card shows them among the events.
  const caseEvents = view.timeline.entries.filter((e) => e.kind !== 'review');
  return {
    title: `${child.ref} · ${[child.givenName, child.familyName].filter(Boolean).join(' ')}`,
    subtitle: t('card.as-at', { date: day(view.today) }),
    child: {
      ref: child.ref,
      name: [child.givenName, child.familyName].filter(Boolean).join(' ') || '—',
      dateOfBirth: child.dateOfBirth ? day(child.dateOfBirth) : '—',
      legalStatus: label(child.legalStatus, '—', t),
      track: label(child.track, '—', t),
      iro: name(child.iroId),
      socialWorker: name(child.socialWorkerId),
      team: label(child.socialWorkTeam, '—', t),
    },
    nextReview: next && {
      dueBy: day(next.dueBy),
      dueByText: t('card.due-by', { date: day(next.dueBy) }),
      rule: next.rule,
      ruleText: explanationFor(next, t),
      isOverdue: late > 0,
      overdueText: overdueText(late, t),
    },
    noNextReviewText: t('case.no-next-review'),
    bookings: child.bookings.map((b) => ({
      when: formatBookingStart(b.start, tzName, t),
      venue: b.venue ?? '—',
      status: label(b.status ?? 'booked', '—', t),
    })),
    history: history.slice(-CASE_REVIEWS_SHOWN).map((r) => ({
      number: String(r.sequence),
      dueBy: day(r.dueBy),
      heldOn: day(r.heldOn),
      timescale: r.withinTimescale ? t('case.within') : t('card.days-late', { days: r.daysLate }),
      withinTimescale: r.withinTimescale,
      daysLate: r.withinTimescale ? '' : String(r.daysLate),
      reason: r.withinTimescale ? '' : label(r.lateReason, t('case.no-reason'), t),
      recordDistributed: r.recordDistributedOn ? day(r.recordDistributedOn)
        : r.recordStatus === 'overdue' ? t('case.not-yet-overdue') : t('case.not-yet'),
    })),
    proceedings: child.proceedings ? proceedingsFacts(child.proceedings, name, t, day) : [],
    resolutions: caseResolutionLines(child, table, new Map([...people].map(([id, p]) => [id, p.name])), tzName, t),
    liaison: liaisonLines(child, name, t, day),
    plan: casePlanButton(child.plan, view.today, { t, language }),
    cover: coverLine(view, { t, language }),
    participation: participationLine(child, tzName, { t, language }),
    participationButton: t('practice.button.participation'),
    earlierReviews:
      history.length > CASE_REVIEWS_SHOWN
        ? t('events.timeline.earlier-reviews', { count: history.length - CASE_REVIEWS_SHOWN })
        : '',
    events: timelineLines(view.timeline, caseEvents.slice(0, CASE_EVENTS_SHOWN), { t, language }, tzName),
    bringForward: view.mayBringForward ? t('case.button.bring-forward') : '',
    eventsHeading: t('events.timeline.heading'),
    eventsEmpty: t('events.timeline.none'),
    showAll:
      caseEvents.length > CASE_EVENTS_SHOWN || history.length > CASE_REVIEWS_SHOWN
        ? t('events.timeline.show-all', { count: view.timeline.entries.length })
        : '',
    policy: policyLine(policy, t),
    labels: caseCardLabels(t),
  };
}

/** PC5: the booked review's checklist as one line (a count, so the card stays small: test/teams/card-size.spec.ts). */
function participationLine(child: ChildDoc, tzName: string, { t, language }: { t: Translate; language: Language }): string {
  const booking = upcomingBooking(child) as BookingDoc | null;
  if (!booking) return '';
  const date = formatDate(todayIn(new Date(booking.start), tzName), dateLocale(language));
  const open = openItems(booking.participation).length;
  if (open === 0) return t('practice.case.participation.complete', { date });
  const total = PARTICIPATION_ITEMS.length;
  return t('practice.case.participation.open', { date, settled: total - open, total, open });
}

function coverLine(view: CaseView, { t, language }: { t: Translate; language: Language }): string {
  const c = coverOn(view.child.cover, view.today);
  if (!c) return '';
  const name = (id: string) => view.timeline.names.get(id) ?? id;
  const date = (d: string) => formatDate(d, dateLocale(language));
  return t('events.cover.case', { name: name(c.iroId), absent: name(c.forIroId), from: date(c.from), to: date(c.to) });
}

function proceedingsFacts(
  p: Proceedings,
  name: (id?: string | null) => string,
  t: Translate,
  day: (d: string) => string,
): CardFact[] {
  const d = (x?: string | null) => (x ? day(x) : '—');
  const outcome = () => label(p.outcome, t('case.proceedings.no-outcome'), t).toLocaleLowerCase(LOCALE[languageOf(t)]);
  return [
    { title: t('case.proceedings.started'), value: d(p.startedOn) },
    { title: t('case.proceedings.guardian'), value: p.guardianId ? name(p.guardianId) : t('case.proceedings.not-appointed') },
    { title: t('case.proceedings.irh'), value: d(p.irhDate) },
    { title: t('case.proceedings.final-hearing'), value: d(p.finalHearingDate) },
    {
      title: t('case.proceedings.concluded'),
      value: p.concludedOn ? t('case.proceedings.concluded-on', { date: d(p.concludedOn), outcome: outcome() })
        : t('case.proceedings.open'),
    },
  ];
}

const LOCALE = { en: 'en-GB', cy: 'cy-GB' } as const;

/** The liaison timeline (L10): discussions with the Guardian and duties done, newest first. */
function liaisonLines(
  child: ChildDoc,
  name: (id?: string | null) => string,
  t: Translate,
  day: (d: string) => string,
): CaseEventLine[] {
  const l = child.liaison;
  const discussion = (d: LiaisonDiscussion) => {
    const topics = d.topics.map((topic) => label(topic, '—', t)).join('; ') || t('case.liaison.no-topics');
    const text = t(d.final ? 'case.liaison.final-discussion' : 'case.liaison.discussion', { name: name(d.byId), topics });
    return d.notes ? `${text} — ${d.notes}` : text;
  };
  const done = (d: LiaisonDone) => {
    const about = dutySubject(d.subject, t, day);
    return about ? t('case.liaison.done-about', { duty: d.duty, about, name: name(d.byId) })
      : t('case.liaison.done', { duty: d.duty, name: name(d.byId) });
  };
  const lines: { on: string; text: string; status: string }[] = [
    ...(l?.discussions ?? []).map((d) => ({ on: d.on, status: t('case.liaison.recorded'), text: discussion(d) })),
    ...(l?.done ?? []).map((d) => ({
      on: d.on,
      status: d.notApplicable ? t('case.liaison.status.not-applicable') : t('case.liaison.status.done'),
      text: done(d),
    })),
    ...(l?.courtDocuments ?? []).map((d) => ({
      on: d.receivedOn, status: t('case.liaison.status.received'), text: t('case.liaison.court-documents'),
    })),
  ];
  const sorted = lines.sort((a, b) => (a.on < b.on ? 1 : a.on > b.on ? -1 : 0)).map((x) => ({ date: day(x.on), text: x.text, status: x.status }));
  // L9 (Handbook 8.7): the final discussion's monitoring issues stay on top until the next review is held.
  const carried = carriedMonitoringIssues(child);
  return carried
    ? [{
      date: day(carried.on),
      text: t('case.liaison.monitoring', { issues: carried.issues }),
      status: t('case.liaison.status.next-review'),
    }, ...sorted]
    : sorted;
}

/** A liaison duty's subject as a person reads it: a date, or an L9 document; internal ids are left out. */
function dutySubject(subject: string, t: Translate, day: (d: string) => string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(subject)) return day(subject);
  return CHECKLIST_ITEMS.some((c) => c.id === subject) ? label(subject, '—', t) : '';
}

declare module '../cards.js' {
  interface CardTemplates {
    'case': CaseCardData;
  }
}
