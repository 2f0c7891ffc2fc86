// Periods for the compliance report (docs/DOMAIN.md "Compliance report"). Pure: `today` is passed in.
// The council reports by half-year, Apr–Sep and Oct–Mar; a manager may also name any range of
// whole months or exact dates.
//
// Decisions (docs/DOMAIN.md is silent):
// - No period = the current half-year from its first day up to today, so a mid-period run shows
//   the position so far.
// - "last half-year" = the whole half-year before the current one.
// - A range ending after today is kept as asked (reviews not yet due are reported apart); a range
//   starting after today is refused, as nothing in it can be due.
// - At most 12 months, so the monthly table and chart stay readable (an annual report fits).
// - Comparators are the two half-years before the one the period starts in.
import { addDays, addMonths, daysInMonth, isIsoDate } from './calendar.js';
import type { ReportPeriod } from './compliance.js';
import { formatDateShort, formatMonth, monthFromName, WELSH_DATES, type DateLocale } from './dates-format.js';
import { AppError, type UserMessage } from './errors.js';
import type { IsoDate } from './types.js';

export const REPORT_PERIOD_EXAMPLE = '/report Apr 2026 to Sep 2026';
export const MAX_REPORT_MONTHS = 12;

export type ReportPeriodKind = 'current-half-year' | 'last-half-year' | 'range';

export interface NamedReportPeriod extends ReportPeriod {
  kind: ReportPeriodKind;
  /** "Oct 2026 – Mar 2027", "1 Apr 2016 – 30 Sep 2016" */
  label: string;
}

const pad2 = (n: number): string => String(n).padStart(2, '0');
const iso = (y: number, m: number, d: number): IsoDate => `${y}-${pad2(m)}-${pad2(d)}`;

/** The council half-year (Apr–Sep or Oct–Mar) containing `date`, whole. */
export function halfYearOf(date: IsoDate): ReportPeriod {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  if (m >= 4 && m <= 9) return { from: iso(y, 4, 1), to: iso(y, 9, 30) };
  const startYear = m >= 10 ? y : y - 1;
  return { from: iso(startYear, 10, 1), to: iso(startYear + 1, 3, 31) };
}

/** The half-year before the one containing `date`. */
export function previousHalfYear(date: IsoDate): ReportPeriod {
  return halfYearOf(addDays(halfYearOf(date).from, -1));
}

/** The `n` half-years before the one `period` starts in, most recent first (the report's comparators). */
export function comparatorHalfYears(period: ReportPeriod, n = 2): ReportPeriod[] {
  const out: ReportPeriod[] = [];
  let at = period.from;
  for (let i = 0; i < n; i++) {
    const p = previousHalfYear(at);
    out.push(p);
    at = p.from;
  }
  return out;
}

const monthLabel = (d: IsoDate, locale?: DateLocale): string => formatMonth(d, 'short', locale);

/** "Apr 2016 – Sep 2016" for whole months, else "1 Apr 2016 – 25 Nov 2016". */
/** "Oct 2026 – Mar 2027", or with dates "1 Apr 2016 – 30 Sep 2016"; in another language with its date locale. */
export function periodLabel(p: ReportPeriod, locale?: DateLocale): string {
  const wholeMonths =
    p.from.endsWith('-01') &&
    Number(p.to.slice(8, 10)) === daysInMonth(Number(p.to.slice(0, 4)), Number(p.to.slice(5, 7)));
  return wholeMonths
    ? p.from.slice(0, 7) === p.to.slice(0, 7)
      ? monthLabel(p.from, locale)
      : `${monthLabel(p.from, locale)} – ${monthLabel(p.to, locale)}`
    : `${formatDateShort(p.from, locale)} – ${formatDateShort(p.to, locale)}`;
}

/** Months touched by the period, counting partial ones. */
export function monthCount(p: ReportPeriod): number {
  const y = (d: IsoDate) => Number(d.slice(0, 4));
  const m = (d: IsoDate) => Number(d.slice(5, 7));
  return (y(p.to) - y(p.from)) * 12 + m(p.to) - m(p.from) + 1;
}

function bad(message: string, said: UserMessage): AppError {
  return new AppError('invalid-input', message, { example: REPORT_PERIOD_EXAMPLE }, said);
}

/** One end of a range: a date, or a month (its first day as a start, its last day as an end). */
function parseEnd(text: string, end: 'from' | 'to'): IsoDate {
  const t = text.trim();
  let m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t);
  if (m) {
    if (!isIsoDate(t))
      throw bad(`"${String(t)}" is not a real date`, { key: 'errors.period.not-a-date', params: { text: String(t) } });
    return t;
  }
  let y: number;
  let mo: number;
  if ((m = /^(\d{4})-(\d{1,2})$/.exec(t))) {
    y = Number(m[1]);
    mo = Number(m[2]);
  } else if ((m = /^([a-z]+\.?)\s+(\d{4})$/i.exec(t)) && monthNamed(m[1]) > 0) {
    y = Number(m[2]);
    mo = monthNamed(m[1]);
  } else {
    throw bad(`I can't read "${t}" as a month or a date (use "Apr 2016", "2016-04" or "2016-04-01")`, {
      key: 'errors.period.unreadable-end',
      params: { text: t },
    });
  }
  if (mo < 1 || mo > 12)
    throw bad(`"${t}" is not a real month`, { key: 'errors.period.not-a-month', params: { text: t } });
  const first = iso(y, mo, 1);
  if (!isIsoDate(first))
    throw bad(`"${t}" is out of range`, { key: 'errors.period.out-of-range', params: { text: t } });
  return end === 'from' ? first : addDays(addMonths(first, 1), -1);
}

/** A month named in English or Welsh, in full or short (April, Ebrill; issue 13). */
function monthNamed(word: string): number {
  return monthFromName(word) || monthFromName(word, WELSH_DATES);
}

/** The half-year words in English and Welsh (docs/DESIGN.md "Welsh": yr hanner blwyddyn hon / ddiwethaf). */
const THIS_HALF_YEAR = /^(?:(?:this|current) half[- ]?year|(?:yr )?hanner blwyddyn (?:hon|hwn|presennol))$/;
const LAST_HALF_YEAR = /^(?:(?:last|previous) half[- ]?year|(?:yr )?hanner blwyddyn (?:ddiwethaf|diwethaf|flaenorol))$/;

function named(p: ReportPeriod, kind: ReportPeriodKind): NamedReportPeriod {
  return { ...p, kind, label: periodLabel(p) };
}

/**
 * Reads the `/report` argument: '' (the current half-year up to today), 'last half-year', or a range
 * 'FROM to TO' whose ends are months ('Apr 2016', 'Ebrill 2016', '2016-04') or dates ('2016-04-01'); one month alone
 * is that month. Throws AppError('invalid-input') with an example otherwise.
 */
export function parseReportPeriod(text: string, today: IsoDate): NamedReportPeriod {
  const original = text.replace(/\s+/g, ' ').trim();
  const t = original.toLowerCase();
  if (t === '' || THIS_HALF_YEAR.test(t)) {
    return named({ from: halfYearOf(today).from, to: today }, 'current-half-year');
  }
  if (LAST_HALF_YEAR.test(t)) return named(previousHalfYear(today), 'last-half-year');

  // "to"/"until", or Welsh "i"/"tan" (a range never has a lone "i" elsewhere: ends are months or dates).
  const parts = original.split(/\s+(?:to|until|i|tan)\s+|\s*[–—]\s*|\s+-\s+/i);
  if (parts.length > 2 || parts.some((p) => p === '')) {
    throw bad(`I can't read "${original}" as a period: give two months or dates joined by "to"`, {
      key: 'errors.period.unreadable',
      params: { text: original },
    });
  }
  const from = parseEnd(parts[0], 'from');
  const to = parseEnd(parts[parts.length - 1], 'to');
  if (from > to)
    throw bad(`the period ends (${formatDateShort(to)}) before it starts (${formatDateShort(from)})`, {
      key: 'errors.period.ends-before',
      params: { fromDate: from, toDate: to },
    });
  if (from > today)
    throw bad(`the period starts after today (${formatDateShort(today)}), so nothing in it is due yet`, {
      key: 'errors.period.future',
      params: { todayDate: today },
    });
  const period = { from, to };
  const months = monthCount(period);
  if (months > MAX_REPORT_MONTHS) {
    throw bad(`a report covers at most ${MAX_REPORT_MONTHS} months; ${periodLabel(period)} is ${months}`, {
      key: 'errors.period.too-long',
      params: { max: MAX_REPORT_MONTHS, fromDate: period.from, toDate: period.to, months },
    });
  }
  return named(period, 'range');
}
