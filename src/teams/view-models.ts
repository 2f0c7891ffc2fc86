// View models for the card templates in cards/*.json. Every value is display-ready: the command
// handler formats dates, counts and labels; templates only lay them out. Optional sections are
// empty arrays or null (never missing fields): the templating library leaves a missing field as the
// literal text `${x}`, which renderCard treats as a bug.
import type {
  ApprovalCardModel, BookingCardModel, BookingFormModel, HeldFormModel, RescheduleFormModel, ReviewHeldModel,
} from './booking-view-models.js';

import type { CardFact } from './card-fact.js';
export type { CardFact };

/** A count in a breakdown, e.g. { label: 'Care order', count: '41' }. */
export interface CardCount {
  label: string;
  count: string;
}

// ---- due.json -------------------------------------------------------------------------------

export interface DueRow {
  /** Case ref + initials ("C1001 · D.E."), or the full name where allowed: the caller decides. */
  child: string;
  /** "Tue 24 Nov 2026" */
  dueBy: string;
  /** Rule id, e.g. "W39.2". */
  rule: string;
  /** Short explanation, e.g. "3 months after the first review". */
  ruleText: string;
  /** "Booked Wed 25 Nov 10:00" or "Not booked". */
  booking: string;
  booked: boolean;
  isOverdue: boolean;
  /** "3 days overdue"; '' when not overdue. */
  overdueText: string;
  /** IRO name for team/for-PERSON scopes; '' hides it. */
  iro: string;
  /** Case ref for the row's Book button (unbooked rows); absent or '' hides the button. */
  bookRef?: string;
}

/** The data a paging button carries: which list, whose, the window and the page — never child data. */
export interface PageCursorData {
  list: 'due' | 'caseload' | 'actions';
  /** 'own' (actions), 'team', or 'person:<staff id>'. */
  scope: string;
  /** The /due window label ('this week'); '' for the other lists. */
  window: string;
  page: number;
}

/** A "Previous 20" / "Next 20" / "Show list" button: Action.Execute `list.page`, updating the card in place. */
export interface PageButton {
  title: string;
  data: PageCursorData;
}

/** Long lists come a page at a time (presenters/paging.ts); '' and [] hide the pager. */
export interface PagerModel {
  /** "Showing 21–40 of 1,203 reviews" */
  pagerText: string;
  pagerButtons: PageButton[];
}

/** One IRO in the team view of /due: counts and a button for that IRO's own list. */
export interface DueSummaryRow {
  iro: string;
  /** "3 overdue · 12 due · 5 not booked" */
  counts: string;
  /** Any overdue: the counts show in the attention colour. */
  isOverdue: boolean;
  buttons: PageButton[];
}

export interface DueCardModel extends PagerModel {
  /** "Reviews due this week" */
  title: string;
  /** "Mon 23 Nov – Sun 29 Nov 2026 · your children" */
  subtitle: string;
  /** Overdue section (relative windows); [] hides the section. Only this page's rows. */
  overdue: DueRow[];
  /** All overdue rows, on every page, e.g. "35". */
  overdueCount: string;
  /** Heading of the window section, e.g. "Due this week". */
  dueHeading: string;
  due: DueRow[];
  /** All rows due in the window, on every page. */
  dueCount: string;
  /** Team view of a long list: "Team view: 1,203 reviews due this week across 108 IROs"; '' hides. */
  summaryText: string;
  /** One row per IRO (this page), most overdue first; [] hides. */
  summary: DueSummaryRow[];
  /** Shown when both lists are empty, e.g. "No reviews due this week." */
  emptyText: string;
  /** A note under the list (cases whose history cannot be read); '' hides it. The policy line is only in /help and /case. */
  footnote: string;
}

// ---- caseload.json --------------------------------------------------------------------------

/** Where a per-FTE figure sits against the band (Wales 70–120). */
export type BandState = 'below' | 'within' | 'above';

export interface CaseloadIroModel extends PagerModel {
  view: 'iro';
  /** "Caseload: Alex Wilber" */
  title: string;
  /** "As at Mon 23 Nov 2026" */
  subtitle: string;
  /** Total children, e.g. "84". */
  children: string;
  /** "1.0" */
  fte: string;
  /** "84.0" */
  perFte: string;
  /** "Wales band: 70–120 children per FTE" */
  band: string;
  bandState: BandState;
  /** Status word, e.g. "Within band". */
  bandStatus: string;
  byTrack: CardCount[];
  byLegalStatus: CardCount[];
  /** Reviews due in the next 30 days, e.g. "12". */
  dueNext30Days: string;
}

export interface CaseloadIroRow {
  name: string;
  fte: string;
  children: string;
  perFte: string;
  bandState: BandState;
  bandStatus: string;
  /** One word for the narrow table column: "Within", "Above", "Below", "No FTE". */
  bandWord: string;
  /** "External" or ''. */
  external: string;
}

export interface ChartPoint {
  /** Bar label (IRO name). */
  x: string;
  y: number;
}

export interface CaseloadTeamModel extends PagerModel {
  view: 'team';
  /** "Caseload: reviewing service" */
  title: string;
  subtitle: string;
  iros: CaseloadIroRow[];
  /** "5 IROs · 412 children · 4.6 FTE · 89.6 per FTE" */
  totals: string;
  band: string;
  /** "Children per IRO" */
  chartTitle: string;
  /** Chart.HorizontalBar data for this page's IROs (Teams only; the card also carries a text fallback and the table). */
  chart: ChartPoint[];
  /** Shown instead of the table when there are no IROs. */
  emptyText: string;
}

export type CaseloadCardModel = CaseloadIroModel | CaseloadTeamModel;

// ---- actions.json ---------------------------------------------------------------------------

/** A button (Action.Execute) that takes the person to the thing to do: a form, a card, or the step itself. */
export interface ActionButton {
  title: string;
  verb: string;
  data: Record<string, string>;
}

export interface ActionItem {
  /** "Book review", "Overdue review", "Distribute record", ... */
  kind: string;
  child: string;
  /** What to do, one sentence. */
  what: string;
  /** "by Tue 24 Nov 2026" */
  deadline: string;
  isOverdue: boolean;
  /** "3 days overdue"; '' when not overdue. */
  overdueText: string;
  /** Open/Do buttons: every item has a way to get it done (issue 11: no dead ends). */
  buttons: ActionButton[];
}

export interface ActionsCardModel extends PagerModel {
  /** "Your actions" */
  title: string;
  subtitle: string;
  /** Oldest deadline first (the caller sorts). */
  items: ActionItem[];
  emptyText: string;
}

// ---- case.json ------------------------------------------------------------------------------

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

export interface CaseCardModel {
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
  policy: string;
}

// ---- help.json ------------------------------------------------------------------------------

export interface HelpCommand {
  usage: string;
  description: string;
}

export interface HelpCardModel {
  /** "IRO Bot commands" */
  title: string;
  /** One line, e.g. "Type a command, or @mention IRO Bot in a channel." */
  intro: string;
  commands: HelpCommand[];
  policy: string;
}

// ---- notice.json ----------------------------------------------------------------------------

export type NoticeTone = 'info' | 'success' | 'warning' | 'error';

export interface NoticeCardModel {
  title: string;
  text: string;
  tone: NoticeTone;
  /** e.g. "Try: /due next week"; omit or '' for none. */
  example?: string;
}

// ---- digest.json ----------------------------------------------------------------------------

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

export interface DigestCardModel {
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

// ---- reminder.json --------------------------------------------------------------------------

export interface ReminderCardModel {
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

import type { ResolutionCardModel, ResolutionListModel, ResolutionRaiseModel, ResolutionReferralModel } from './view-models-resolutions.js';

// ---- liaison.json / liaison-form.json (Children's Guardian liaison) --------------------------

export interface CardChoice {
  title: string;
  value: string;
}

/** A button on a liaison card: Action.Execute `verb` with { ref, duty, subject }. */
export interface LiaisonButton {
  title: string;
  verb: string;
  ref: string;
  duty: string;
  subject: string;
}

/** The "Record a discussion" form (L3, L7, L9, L10). */
export interface LiaisonDiscussionForm {
  ref: string;
  /** Default date, YYYY-MM-DD. */
  today: string;
  topics: CardChoice[];
  /** L9: offer "this is the final discussion". */
  offerFinal: boolean;
}

/** Thread header, prompts L2–L9, recorded discussions and the closing card: one template. */
export interface LiaisonCardModel {
  /** "L3 · Make contact · C101 · S.J." */
  title: string;
  subtitle: string;
  text: string;
  tone: NoticeTone;
  facts: CardFact[];
  /** L9 checklist lines; [] hides it. */
  checklist: { label: string; done: boolean; status: string }[];
  buttons: LiaisonButton[];
  discussion: LiaisonDiscussionForm | null;
}

/** `/liaison REF`: proceedings and liaison record form (IRO, business support, legal). */
export interface LiaisonFormModel {
  title: string;
  subtitle: string;
  ref: string;
  version: string;
  startedOn: string;
  guardianId: string;
  guardianAppointedOn: string;
  irhDate: string;
  finalHearingDate: string;
  concludedOn: string;
  outcome: string;
  intervalDays: string;
  legalContactId: string;
  guardians: CardChoice[];
  outcomes: CardChoice[];
  legalContacts: CardChoice[];
  /** Open liaison items, one line each with its buttons (done, open the prompt); [] shows "Nothing open". */
  open: { text: string; buttons: LiaisonButton[] }[];
  /** "Record a discussion" (L10) from here as well as from the thread; null when this person cannot. */
  discussion: LiaisonDiscussionForm | null;
  /** Recorded discussions, newest first. */
  discussions: { text: string }[];
  /** '' or e.g. "Saved." after a change, or what was wrong (messageTone 'error'). */
  message: string;
  messageTone?: 'success' | 'error';
}

// ---- report.json ----------------------------------------------------------------------------

/** A compliance figure against the target: met, missed, or nothing was due. */
export type ReportState = 'met' | 'missed' | 'none';

export interface ReportCountsRow {
  /** Month ("Aug 2016") or period ("Apr 2016 – Sep 2016"). */
  label: string;
  due: string;
  within: string;
  outside: string;
  /** "97.50%", or "—" when nothing was due. */
  compliance: string;
  state: ReportState;
}

export interface ReportLateGroup {
  /** Readable reason category, e.g. "Social worker unavailable". */
  reason: string;
  count: string;
  /** One line per late review: case ref only, never a name. */
  items: { ref: string; text: string }[];
}

export interface ReportCaseloadRow {
  name: string;
  fte: string;
  children: string;
  perFte: string;
}

export interface ReportCardModel {
  /** "Compliance report" */
  title: string;
  /** "Oct 2026 – Mar 2027 (to Wed 25 Nov 2026) · as at …" */
  subtitle: string;
  /** Due, within, outside, compliance and target for the whole period. */
  totals: CardFact[];
  /** "Below the 98.5% target", "Meets the 98.5% target" or "No reviews were due". */
  totalsStatus: string;
  totalsState: ReportState;
  /** "2 reviews in the period are not due yet and are not counted"; '' hides. */
  notYetDue: string;
  months: ReportCountsRow[];
  /** "Compliance % by month" */
  chartTitle: string;
  /** Months with reviews due only (y = compliance %, label = "97.50%"). [] hides the chart. */
  chart: (ChartPoint & { label: string })[];
  /** The target, drawn as a second line on the chart. */
  chartTarget: number;
  /** "Target 98.50%" */
  chartTargetLegend: string;
  /** Bottom of the y axis: a multiple of 5 below every value and the target, so ticks are whole numbers. */
  chartYMin: number;
  /** "Reviews outside timescale (25)" */
  lateHeading: string;
  lateGroups: ReportLateGroup[];
  /** Shown when no review was late. */
  lateEmptyText: string;
  /** "… and 12 more" when the list was cut short; '' hides. */
  lateMore: string;
  comparators: ReportCountsRow[];
  caseload: ReportCaseloadRow[];
  /** "2 IROs · 4 children · 1.5 FTE · 2.7 per FTE" */
  caseloadTotals: string;
  caseloadEmptyText: string;
  /** Formal raised, median days to resolve, escalated beyond stage 1, … */
  resolutions: CardFact[];
  /** Formal resolutions raised in the period, by theme (themes with any only). */
  resolutionThemes: CardCount[];
  /** "1 child left out: invalid history (C1002)"; '' hides. */
  excluded: string;
}

// ---- registry -------------------------------------------------------------------------------

export interface ViewModels {
  due: DueCardModel;
  'booking-form': BookingFormModel;
  booking: BookingCardModel;
  'reschedule-form': RescheduleFormModel;
  'reschedule-approval': ApprovalCardModel;
  'held-form': HeldFormModel;
  'review-held': ReviewHeldModel;
  caseload: CaseloadCardModel;
  actions: ActionsCardModel;
  case: CaseCardModel;
  help: HelpCardModel;
  notice: NoticeCardModel;
  digest: DigestCardModel;
  reminder: ReminderCardModel;
  resolution: ResolutionCardModel;
  'resolution-raise': ResolutionRaiseModel;
  resolutions: ResolutionListModel;
  'resolution-referral': ResolutionReferralModel;
  liaison: LiaisonCardModel;
  'liaison-form': LiaisonFormModel;
  report: ReportCardModel;
}

export type CardKind = keyof ViewModels;
