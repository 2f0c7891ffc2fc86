// The data of cards/case.json (/case REF) and the function building it. Display-ready values (cards.ts says
// what every card's data must be).
import type { CaseView } from '../../app/view-case.js';
import { diffDays } from '../../domain/calendar.js';
import { formatDate } from '../../domain/dates-format.js';
import { carriedMonitoringIssues, CHECKLIST_ITEMS, topicLabel } from '../../domain/liaison.js';
import type { TimescalePolicy } from '../../domain/policies.js';
import type { StageDef } from '../../domain/resolutions/index.js';
import type { Proceedings } from '../../domain/types.js';
import type { ChildDoc } from '../../store/documents.js';
import type { CardFact } from '../card-parts.js';
import { policyLine } from '../presenters/common.js';
import { formatBookingStart, label, overdueText, plural } from '../presenters/labels.js';
import { caseResolutionLines } from './resolution.js';
import { dateLocale, translator, type Language, type Translate } from '../i18n/translate.js';
import { coverOn } from '../../domain/cover.js';
import { timelineLines, type TimelineLine } from '../presenters/timeline.js';

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
  policy: string;
}

/** /case REF: the child's timeline from the use case's view. */
export function caseCardData(
  view: CaseView,
  table: readonly StageDef[],
  policy: TimescalePolicy,
  tzName: string,
  words: { t: Translate; language: Language } = { t: translator('en'), language: 'en' },
): CaseCardData {
  const { child, next, history, people } = view;
  const name = (id?: string | null) => (id ? people.get(id)?.name ?? id : 'not allocated');
  const late = next ? Math.max(0, diffDays(view.today, next.dueBy)) : 0;
  // Reviews have their own section here; the whole timeline card shows them among the events.
  const caseEvents = view.timeline.entries.filter((e) => e.kind !== 'review');
  return {
    title: `${child.ref} · ${[child.givenName, child.familyName].filter(Boolean).join(' ')}`,
    subtitle: `As at ${formatDate(view.today)}`,
    child: {
      ref: child.ref,
      name: [child.givenName, child.familyName].filter(Boolean).join(' ') || '—',
      dateOfBirth: child.dateOfBirth ? formatDate(child.dateOfBirth) : '—',
      legalStatus: label(child.legalStatus),
      track: label(child.track),
      iro: name(child.iroId),
      socialWorker: name(child.socialWorkerId),
      team: label(child.socialWorkTeam),
    },
    nextReview: next && {
      dueBy: formatDate(next.dueBy),
      rule: next.rule,
      ruleText: next.explanation,
      isOverdue: late > 0,
      overdueText: overdueText(late),
    },
    noNextReviewText: 'No further review is due.',
    bookings: child.bookings.map((b) => ({
      when: formatBookingStart(b.start, tzName),
      venue: b.venue ?? '—',
      status: label(b.status ?? 'booked'),
    })),
    history: history.slice(-CASE_REVIEWS_SHOWN).map((r) => ({
      number: String(r.sequence),
      dueBy: formatDate(r.dueBy),
      heldOn: formatDate(r.heldOn),
      timescale: r.withinTimescale ? 'Within' : `${plural(r.daysLate, 'day')} late`,
      withinTimescale: r.withinTimescale,
      daysLate: r.withinTimescale ? '' : String(r.daysLate),
      reason: r.withinTimescale ? '' : label(r.lateReason, 'No reason recorded'),
      recordDistributed: r.recordDistributedOn ? formatDate(r.recordDistributedOn)
        : r.recordStatus === 'overdue' ? 'Not yet (overdue)' : 'Not yet',
    })),
    proceedings: child.proceedings ? proceedingsFacts(child.proceedings, name) : [],
    resolutions: caseResolutionLines(child, table, new Map([...people].map(([id, p]) => [id, p.name])), tzName),
    liaison: liaisonLines(child, name),
    cover: coverLine(view, words),
    earlierReviews:
      history.length > CASE_REVIEWS_SHOWN
        ? words.t('events.timeline.earlier-reviews', { count: history.length - CASE_REVIEWS_SHOWN })
        : '',
    events: timelineLines(view.timeline, caseEvents.slice(0, CASE_EVENTS_SHOWN), words, tzName),
    eventsHeading: words.t('events.timeline.heading'),
    eventsEmpty: words.t('events.timeline.none'),
    showAll:
      caseEvents.length > CASE_EVENTS_SHOWN || history.length > CASE_REVIEWS_SHOWN
        ? words.t('events.timeline.show-all', { count: view.timeline.entries.length })
        : '',
    policy: policyLine(policy),
  };
}

function coverLine(view: CaseView, { t, language }: { t: Translate; language: Language }): string {
  const c = coverOn(view.child.cover, view.today);
  if (!c) return '';
  const name = (id: string) => view.timeline.names.get(id) ?? id;
  const date = (d: string) => formatDate(d, dateLocale(language));
  return t('events.cover.case', { name: name(c.iroId), absent: name(c.forIroId), from: date(c.from), to: date(c.to) });
}

function proceedingsFacts(p: Proceedings, name: (id?: string | null) => string): CardFact[] {
  const d = (x?: string | null) => (x ? formatDate(x) : '—');
  return [
    { title: 'Started', value: d(p.startedOn) },
    { title: 'Guardian', value: p.guardianId ? name(p.guardianId) : 'not yet appointed' },
    { title: 'Issues Resolution Hearing', value: d(p.irhDate) },
    { title: 'Final hearing', value: d(p.finalHearingDate) },
    { title: 'Concluded', value: p.concludedOn ? `${d(p.concludedOn)} (${label(p.outcome, 'outcome not recorded').toLowerCase()})` : 'open' },
  ];
}

/** The liaison timeline (L10): discussions with the Guardian and duties done, newest first. */
function liaisonLines(child: ChildDoc, name: (id?: string | null) => string): CaseEventLine[] {
  const l = child.liaison;
  const lines: { on: string; text: string; status: string }[] = [
    ...(l?.discussions ?? []).map((d) => ({ on: d.on, status: 'Recorded', text: `${d.final ? 'Final discussion' : 'Discussion'} with the Guardian, recorded by ${name(d.byId)}: ${d.topics.map(topicLabel).join('; ') || 'no topics'}${d.notes ? ` — ${d.notes}` : ''}` })),
    ...(l?.done ?? []).map((d) => ({ on: d.on, status: d.notApplicable ? 'Not applicable' : 'Done', text: `${d.duty} done${dutySubject(d.subject)} by ${name(d.byId)}` })),
    ...(l?.courtDocuments ?? []).map((d) => ({ on: d.receivedOn, status: 'Received', text: 'Court documents received by legal (L4)' })),
  ];
  const sorted = lines.sort((a, b) => (a.on < b.on ? 1 : a.on > b.on ? -1 : 0)).map((x) => ({ date: formatDate(x.on), text: x.text, status: x.status }));
  // L9 (Handbook 8.7): the final discussion's monitoring issues stay on top until the next review is held.
  const carried = carriedMonitoringIssues(child);
  return carried
    ? [{ date: formatDate(carried.on), text: `Monitoring issues for the next review (L9): ${carried.issues}`, status: 'For the next review' }, ...sorted]
    : sorted;
}

/** A liaison duty's subject as a person reads it: a date, or an L9 document; internal ids are left out. */
function dutySubject(subject: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(subject)) return ` (${formatDate(subject)})`;
  return CHECKLIST_ITEMS.some((c) => c.id === subject) ? ` (${label(subject)})` : '';
}

declare module '../cards.js' {
  interface CardTemplates {
    'case': CaseCardData;
  }
}
