// The review timescale engine (docs/DOMAIN.md "Review timescales", "Dates"). One forward walk over a
// child's ordered history: events open/restart cycles or set earlier dates, each held review
// takes the current due date and anchors the next one on the date it was actually held.
// Validation and the same-day order of events and reviews live in review-history.ts.
import { addDays } from './calendar.js';
import type { WorkingCalendar } from './calendar.js';
import { formatDateShort } from './dates-format.js';
import { applyLimit, describeLimit, type Limit, type TimedRuleId, type TimescalePolicy } from './policies.js';
import { isReview, orderedTimeline, type TimelineItem } from './review-history.js';
import type { BringForwardReason, ChildHistory, EventType, HeldReview, IsoDate, LateReason, RuleId } from './types.js';

export { validateHistory } from './review-history.js';

export type CycleRule = 'W39.1' | 'UPC' | 'ADP' | 'SB' | 'IFST';

export interface CycleStart {
  /** The rule of the cycle's first review. */
  rule: CycleRule;
  event: EventType;
  on: IsoDate;
}

export interface BroughtForward {
  reason: BringForwardReason;
  /** The day the IRO brought the review forward. */
  setOn: IsoDate;
  /** What the cycle's own rule would have given. */
  ruleDueBy: IsoDate;
  rule: RuleId;
}

export interface NextReview {
  /** 1 = the first review of the current episode (or short-breaks series / IFST plan). */
  sequence: number;
  dueBy: IsoDate;
  rule: RuleId;
  explanation: string;
  /** The explanation as data, for writing it in another language. */
  reason: DueReason;
  cycleStart?: CycleStart;
  broughtForward?: BroughtForward;
}

/** Written record: distributed within 14 days of the review (docs/DOMAIN.md "Review records"). */
export const RECORD_DAYS = 14;

/**
 * A review is within timescale when held on or before its due-by date (docs/DOMAIN.md "Dates"): the
 * due-by day itself is still within, the day after is not. An unheld review is outside once `today`
 * is past its due-by date (`reviewOverdue`).
 */
export function withinTimescale(heldOn: IsoDate, dueBy: IsoDate): boolean {
  return heldOn <= dueBy;
}

/** A review not held yet is overdue (already outside timescale) once `today` is past its due-by date. */
export function reviewOverdue(dueBy: IsoDate, today: IsoDate): boolean {
  return !withinTimescale(today, dueBy);
}

/** The day the written record of a review held on `heldOn` is due: day 0 is the review, day 14 still in time. */
export function recordDueBy(heldOn: IsoDate): IsoDate {
  return addDays(heldOn, RECORD_DAYS);
}

/** An undistributed record is overdue from day 15 (the day after `recordDueBy`). */
export function recordOverdue(heldOn: IsoDate, today: IsoDate): boolean {
  return today > recordDueBy(heldOn);
}

export type RecordStatus = 'distributed' | 'distributed-late' | 'outstanding' | 'overdue';

export interface PastReview {
  id: string;
  sequence: number;
  dueBy: IsoDate;
  rule: RuleId;
  explanation: string;
  heldOn: IsoDate;
  withinTimescale: boolean;
  /** Calendar days after dueBy; 0 when within timescale. */
  daysLate: number;
  /** Only for late reviews; 'not-recorded' when the reason is missing. */
  lateReason: LateReason | 'not-recorded' | null;
  /** True when dueBy/rule come from the values stored when it was held. */
  stored: boolean;
  combinedWithCP: boolean;
  chairId: string | null;
  recordDistributedOn: IsoDate | null;
  recordDueBy: IsoDate;
  /** 'overdue' needs `today`; without it an undistributed record is 'outstanding'. */
  recordStatus: RecordStatus;
}

export const RULE_LABELS: Readonly<Record<RuleId, string>> = {
  'W39.1': 'first review',
  'W39.2': 'second review',
  'W39.3': 'later review',
  UPC: 'unplanned placement change',
  ADP: 'adoptive placement',
  SB: 'short breaks',
  IFST: 'IFST family plan',
  FWD: 'brought forward',
};

export const BRING_FORWARD_LABELS: Readonly<Record<BringForwardReason, string>> = {
  'plan-change': 'significant change to the plan',
  safety: 'safety',
  'plan-not-implemented': 'plan not carried out',
  'child-request': 'the child asked',
  absence: 'absence from placement',
  'ifst-referral': 'IFST referral',
  'remand-ending': 'remand or detention ending',
  other: 'other',
};

// ---- explanations: kept as data during the walk, rendered only for what is returned ----

/**
 * Why a review is due when it is, as data: the words are written from it, in English here (`explanation`)
 * and in the reader's language by the cards (teams/presenters/due-reason.ts, issue 13).
 */
export type DueReason = Why;
type Why =
  | { k: 'start'; rule: CycleRule; limit: Limit; on: IsoDate }
  | { k: 'second'; limit: Limit; heldOn: IsoDate; cycle: CycleStart }
  | { k: 'later'; limit: Limit; heldOn: IsoDate }
  | { k: 'ifst-second'; limit: Limit; heldOn: IsoDate }
  | { k: 'ifst-final'; limit: Limit; from: 'start' | 'previous'; on: IsoDate }
  | { k: 'ifst-final-late'; limit: Limit; heldOn: IsoDate; finalWas: IsoDate }
  | { k: 'fwd'; reason: BringForwardReason; was: IsoDate };

const STARTED_BY: Readonly<Record<CycleRule, string>> = {
  'W39.1': 'becoming looked after',
  UPC: 'the unplanned placement change',
  ADP: 'the adoptive placement',
  SB: 'short breaks started',
  IFST: 'the intensive phase started',
};

const SINCE: Readonly<Record<CycleRule, string>> = {
  'W39.1': '',
  UPC: ' since the unplanned placement change',
  ADP: ' since the adoptive placement',
  SB: '',
  IFST: '',
};

function render(w: Why): string {
  const f = formatDateShort;
  switch (w.k) {
    case 'start':
      return `${describeLimit(w.limit)} after ${STARTED_BY[w.rule]} on ${f(w.on)}`;
    case 'second':
      return w.cycle.rule === 'W39.1'
        ? `${describeLimit(w.limit)} after the first review held on ${f(w.heldOn)}`
        : `${describeLimit(w.limit)} after the first review${SINCE[w.cycle.rule]} on ${f(w.cycle.on)}, held on ${f(w.heldOn)}`;
    case 'later':
      return `${describeLimit(w.limit)} after the review held on ${f(w.heldOn)}`;
    case 'ifst-second':
      return `${describeLimit(w.limit)} after the first review held on ${f(w.heldOn)}`;
    case 'ifst-final':
      return w.from === 'start'
        ? `final review: ${describeLimit(w.limit)} after the intensive phase started on ${f(w.on)}`
        : `final review: ${describeLimit(w.limit)} after the second review held on ${f(w.on)}`;
    case 'ifst-final-late':
      return (
        `final review: ${describeLimit(w.limit)} after the second review held on ${f(w.heldOn)}` +
        ` (held on or after the final's date, ${f(w.finalWas)})`
      );
    case 'fwd':
      return `brought forward: ${BRING_FORWARD_LABELS[w.reason]} (was due ${f(w.was)})`;
  }
}

// ---- the walk ----

/** A due date, computed only when read: most anchors are overtaken by the next held review. */
class Due {
  private d: IsoDate | undefined;
  constructor(
    readonly rule: RuleId,
    readonly why: Why,
    private readonly cal: WorkingCalendar | null,
    private readonly from: IsoDate,
    private readonly limit: Limit | null,
    fixed?: IsoDate,
  ) {
    this.d = fixed;
  }

  get dueBy(): IsoDate {
    return (this.d ??= applyLimit(this.cal!, this.from, this.limit!));
  }
}

interface Cycle extends CycleStart {
  held: number;
}
interface Forward {
  dueBy: IsoDate;
  reason: BringForwardReason;
  setOn: IsoDate;
}

const CYCLE_OF: Partial<Record<EventType, CycleRule>> = {
  'became-looked-after': 'W39.1',
  'unplanned-placement-change': 'UPC',
  'placed-for-adoption': 'ADP',
  'short-breaks-started': 'SB',
  'ifst-intensive-started': 'IFST',
};

class Walk {
  open = false;
  /** Reviews held in this episode (series, plan). */
  seq = 0;
  cycle: Cycle | null = null;
  fwd: Forward | null = null;
  private due: Due | null = null;
  /** Set when the rule's due date is "after the review held on this day" and not built yet. */
  private heldOn: IsoDate | null = null;

  constructor(
    private readonly policy: TimescalePolicy,
    private readonly cal: WorkingCalendar,
  ) {}

  /**
   * The cycle's own next due date (after "earlier date wins" between events). Built only when
   * read: in a long history each one is usually overtaken by the next held review unread.
   */
  get ruleDue(): Due | null {
    if (this.heldOn !== null) {
      this.due = this.after(this.cycle!, this.heldOn);
      this.heldOn = null;
    }
    return this.due;
  }

  private setRuleDue(due: Due | null): void {
    this.due = due;
    this.heldOn = null;
  }

  /** The next review's due date as things stand: a bring-forward wins when it is earlier. */
  current(): Due | null {
    const d = this.ruleDue;
    if (!d) return null;
    const f = this.fwd;
    if (f && f.dueBy < d.dueBy)
      return new Due('FWD', { k: 'fwd', reason: f.reason, was: d.dueBy }, null, '', null, f.dueBy);
    return d;
  }

  event(e: { type: EventType; date: IsoDate; dueBy?: IsoDate; reason?: BringForwardReason }): void {
    const rule = CYCLE_OF[e.type];
    if (rule !== undefined) {
      const limit = this.policy.rules[rule].first;
      const due = new Due(rule, { k: 'start', rule, limit, on: e.date }, this.cal, e.date, limit);
      if (rule === 'UPC' || rule === 'ADP') {
        // Earlier date wins; either way the clock then runs under the restarted cycle.
        const current = this.ruleDue; // read before the cycle changes: it may be built from it
        if (!current || due.dueBy <= current.dueBy) this.setRuleDue(due);
      } else {
        // A new episode (W39.1 again), short-breaks series or IFST plan.
        this.open = true;
        this.seq = 0;
        this.fwd = null;
        this.setRuleDue(due);
      }
      this.cycle = { rule, event: e.type, on: e.date, held: 0 };
    } else if (e.type === 'review-brought-forward') {
      // Validated: dueBy and reason are present. Two bring-forwards: the earlier date wins.
      if (!this.fwd || e.dueBy! < this.fwd.dueBy) this.fwd = { dueBy: e.dueBy!, reason: e.reason!, setOn: e.date };
    } else if (e.type === 'ceased-looked-after') {
      this.open = false;
      this.setRuleDue(null);
      this.cycle = null;
      this.fwd = null;
    }
  }

  /** A review held: it takes the current due date; the next one runs from the day it was held. */
  held(heldOn: IsoDate, wantDue: boolean): Due | null {
    const due = wantDue ? this.current() : null;
    this.seq++;
    this.cycle!.held++;
    this.fwd = null; // the brought-forward review took the place of the cycle's next review
    this.heldOn = heldOn; // next due: built on demand by `ruleDue` (null after an IFST final)
    return due;
  }

  private after(cycle: Cycle, heldOn: IsoDate): Due | null {
    const rules = this.policy.rules;
    switch (cycle.rule) {
      case 'W39.1':
      case 'UPC':
      case 'ADP': {
        if (cycle.held === 1) {
          const limit = rules['W39.2'].first; // W39.2
          return new Due('W39.2', { k: 'second', limit, heldOn, cycle }, this.cal, heldOn, limit);
        }
        const limit = rules['W39.3'].first; // W39.3
        return new Due('W39.3', { k: 'later', limit, heldOn }, this.cal, heldOn, limit);
      }
      case 'SB': {
        const limit = rules.SB.then ?? rules.SB.first;
        return new Due('SB', { k: 'later', limit, heldOn }, this.cal, heldOn, limit);
      }
      case 'IFST':
        return this.afterIfst(cycle, heldOn);
    }
  }

  private afterIfst(cycle: Cycle, heldOn: IsoDate): Due | null {
    const r = this.policy.rules.IFST;
    const rule: TimedRuleId = 'IFST';
    if (cycle.held === 1) {
      const limit = r.then ?? r.first;
      return new Due(rule, { k: 'ifst-second', limit, heldOn }, this.cal, heldOn, limit);
    }
    if (cycle.held === 2) {
      const limit = r.final ?? r.first;
      if (this.policy.ifstFinalFrom === 'previous') {
        return new Due(rule, { k: 'ifst-final', limit, from: 'previous', on: heldOn }, this.cal, heldOn, limit);
      }
      const final = applyLimit(this.cal, cycle.on, limit);
      if (heldOn >= final) {
        // Second review held on/after the final's date: the final follows 28 days after it.
        const late = r.finalAfterLateSecond ?? r.first;
        return new Due(rule, { k: 'ifst-final-late', limit: late, heldOn, finalWas: final }, this.cal, heldOn, late);
      }
      return new Due(rule, { k: 'ifst-final', limit, from: 'start', on: cycle.on }, null, '', null, final);
    }
    return null; // after the final review the plan has no more reviews
  }
}

function run(
  timeline: TimelineItem[],
  policy: TimescalePolicy,
  cal: WorkingCalendar,
  onHeld?: (r: HeldReview, due: Due, sequence: number) => void,
): Walk {
  const w = new Walk(policy, cal);
  for (const item of timeline) {
    if (isReview(item)) {
      const due = w.held(item.heldOn, onHeld !== undefined);
      if (onHeld) onHeld(item, due!, w.seq);
    } else {
      w.event(item);
    }
  }
  return w;
}

/** The next review due for a child, or null when none is (not looked after; IFST plan finished). */
export function nextReview(child: ChildHistory, policy: TimescalePolicy, calendar: WorkingCalendar): NextReview | null {
  const w = run(orderedTimeline(child), policy, calendar);
  const due = w.open ? w.current() : null;
  if (!due || !w.cycle) return null;
  const { rule, event, on } = w.cycle;
  const next: NextReview = {
    sequence: w.seq + 1,
    dueBy: due.dueBy,
    rule: due.rule,
    explanation: render(due.why),
    reason: due.why,
    cycleStart: { rule, event, on },
  };
  if (due.rule === 'FWD' && w.fwd && w.ruleDue) {
    next.broughtForward = {
      reason: w.fwd.reason,
      setOn: w.fwd.setOn,
      ruleDueBy: w.ruleDue.dueBy,
      rule: w.ruleDue.rule,
    };
  }
  return next;
}

export interface ReviewHistoryOptions {
  /** Today's date; lets an undistributed record show as 'overdue'. */
  today?: IsoDate;
}

/** Every held review with the due date it answered, oldest first. Stored dueBy/rule win. */
export function reviewHistory(
  child: ChildHistory,
  policy: TimescalePolicy,
  calendar: WorkingCalendar,
  options: ReviewHistoryOptions = {},
): PastReview[] {
  const out: PastReview[] = [];
  run(orderedTimeline(child), policy, calendar, (r, due, sequence) => {
    const computed = render(due.why);
    const dueBy = r.dueBy ?? due.dueBy;
    const rule = r.rule ?? due.rule;
    const stored = r.dueBy !== undefined || r.rule !== undefined;
    const explanation =
      stored && (dueBy !== due.dueBy || rule !== due.rule)
        ? `as recorded when the review was held (the current policy would give ${formatDateShort(due.dueBy)}, ${due.rule}: ${computed})`
        : computed;
    const within = withinTimescale(r.heldOn, dueBy);
    const recordDue = recordDueBy(r.heldOn);
    const distributed = r.recordDistributedOn ?? null;
    const recordStatus: RecordStatus =
      distributed !== null
        ? distributed <= recordDue
          ? 'distributed'
          : 'distributed-late'
        : options.today !== undefined && recordOverdue(r.heldOn, options.today)
          ? 'overdue'
          : 'outstanding';
    out.push({
      id: r.id,
      sequence,
      dueBy,
      rule,
      explanation,
      heldOn: r.heldOn,
      withinTimescale: within,
      daysLate: within ? 0 : calendar.diffDays(r.heldOn, dueBy),
      lateReason: within ? null : (r.lateReason ?? 'not-recorded'),
      stored,
      combinedWithCP: r.combinedWithCP ?? false,
      chairId: r.chairId ?? null,
      recordDistributedOn: distributed,
      recordDueBy: recordDue,
      recordStatus,
    });
  });
  return out;
}
