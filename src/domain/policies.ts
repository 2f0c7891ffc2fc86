// Timescale policies as data (docs/DOMAIN.md "Review timescales"). The engine in timescales.ts reads
// these limits and never branches on a policy id: adding a preset is adding an entry to PRESETS.
import { AppError } from './errors.js';
import type { WorkingCalendar } from './calendar.js';
import type { IsoDate, RuleId } from './types.js';

export interface Limit {
  unit: 'days' | 'working-days' | 'months';
  n: number;
}

/**
 * The limits of one rule. `first` is counted from the rule's trigger: the event for W39.1, UPC,
 * ADP, SB and IFST; the previous review as held for W39.2 and W39.3.
 */
export interface RuleLimits {
  first: Limit;
  /** SB: every later review, from the previous one as held. IFST: the second review, from the first as held. */
  then?: Limit;
  /** IFST: the final review, counted from the start or the second review (`ifstFinalFrom`). */
  final?: Limit;
  /** IFST: the final review when the second was held on or after the final's date, from the second. */
  finalAfterLateSecond?: Limit;
}

/** FWD has no limit: the IRO sets the date. */
export type TimedRuleId = Exclude<RuleId, 'FWD'>;

export interface TimescalePolicy {
  id: string;
  label: string;
  rules: Record<TimedRuleId, RuleLimits>;
  /** IFST final review anchor: the intensive-phase start, or the second review as held. */
  ifstFinalFrom: 'start' | 'previous';
}

const days = (n: number): Limit => ({ unit: 'days', n });
const workingDays = (n: number): Limit => ({ unit: 'working-days', n });
const months = (n: number): Limit => ({ unit: 'months', n });

const IFST: RuleLimits = { first: days(28), then: months(3), final: months(6), finalAfterLateSecond: days(28) };

const PRESETS: readonly TimescalePolicy[] = [
  {
    id: 'wales',
    label: 'Wales: Care Planning, Placement and Case Review (Wales) Regulations 2015 (first review in 20 working days)',
    rules: {
      'W39.1': { first: workingDays(20) },
      'W39.2': { first: months(3) },
      'W39.3': { first: months(6) },
      UPC: { first: days(28) },
      ADP: { first: days(28) },
      SB: { first: months(3), then: months(6) },
      IFST,
    },
    ifstFinalFrom: 'start',
  },
  {
    id: 'seed-2016',
    label: 'Council practice as reported for 2016 (first review in 28 days)',
    rules: {
      'W39.1': { first: days(28) },
      'W39.2': { first: months(3) },
      'W39.3': { first: months(6) },
      UPC: { first: days(28) },
      ADP: { first: days(28) },
      SB: { first: months(3), then: months(6) },
      IFST,
    },
    ifstFinalFrom: 'start',
  },
  {
    id: 'england',
    label: 'England: Care Planning, Placement and Case Review (England) Regulations 2010',
    rules: {
      'W39.1': { first: workingDays(20) },
      'W39.2': { first: months(3) },
      'W39.3': { first: months(6) },
      UPC: { first: workingDays(20) },
      ADP: { first: days(28) },
      SB: { first: months(3), then: months(6) },
      IFST,
    },
    ifstFinalFrom: 'start',
  },
];

function deepFreeze<T>(o: T): T {
  if (o && typeof o === 'object' && !Object.isFrozen(o)) {
    Object.freeze(o);
    for (const v of Object.values(o)) deepFreeze(v);
  }
  return o;
}

export const POLICIES: Readonly<Record<string, TimescalePolicy>> = deepFreeze(
  Object.fromEntries(PRESETS.map((p) => [p.id, p])),
);
export const POLICY_IDS: readonly string[] = Object.freeze(PRESETS.map((p) => p.id));
export const DEFAULT_POLICY_ID = 'wales';

export function getPolicy(id: string): TimescalePolicy {
  const p = Object.prototype.hasOwnProperty.call(POLICIES, id) ? POLICIES[id] : undefined;
  if (!p) {
    throw new AppError('config', `unknown timescale policy ${JSON.stringify(id)}; valid: ${POLICY_IDS.join(', ')}`, {
      id,
      valid: POLICY_IDS,
    });
  }
  return p;
}

/** The due date `limit` after `from`. */
export function applyLimit(cal: WorkingCalendar, from: IsoDate, limit: Limit): IsoDate {
  switch (limit.unit) {
    case 'days':
      return cal.addDays(from, limit.n);
    case 'working-days':
      return cal.addWorkingDays(from, limit.n);
    case 'months':
      return cal.addMonths(from, limit.n);
  }
}

/** '20 working days', '3 months', '28 days', '1 month'. */
export function describeLimit(limit: Limit): string {
  const unit = limit.unit === 'working-days' ? 'working day' : limit.unit === 'days' ? 'day' : 'month';
  return `${limit.n} ${unit}${limit.n === 1 ? '' : 's'}`;
}
