// Calendar arithmetic for timescales (docs/DOMAIN.md "Dates: how everything is counted").
// Dates are ISO calendar strings. Day, month and weekday arithmetic is date-fns on the day's Date
// at local noon (calendarDay): date-fns counts calendar days in the process's zone, and a daylight
// saving change moves noon by an hour, never into another day, so the server's zone gives the same
// dates (only a zone that skipped a whole day, as Samoa did in 2011, could differ). The council's
// time zone is used here in one place only: todayIn(), the calendar date an instant falls on there.
import Holidays from 'date-holidays';
import { TZDate } from '@date-fns/tz';
import { addDays as addDaysTo, addMonths as addMonthsTo, getDay, isWeekend } from 'date-fns';
import { AppError, type UserMessage } from './errors.js';
import type { IsoDate } from './types.js';

export interface CalendarOptions {
  /** 'GB-WLS' (default in config), 'GB-ENG', or any date-holidays 'CC' / 'CC-STATE' code. */
  region: string;
  /** Extra council closure days; they count as non-working like bank holidays. */
  closureDays: IsoDate[];
}

export interface WorkingCalendar {
  readonly region: string;
  readonly closureDays: readonly IsoDate[];
  /** Not a Saturday, Sunday, public holiday of the region or closure day. */
  isWorkingDay(d: IsoDate): boolean;
  addDays(d: IsoDate, n: number): IsoDate;
  /** "within N working days of D": the N-th working day after D (D is day 0); N < 0 counts back. */
  addWorkingDays(d: IsoDate, n: number): IsoDate;
  /** Same day-of-month N months later, clamped to the month's last day. */
  addMonths(d: IsoDate, n: number): IsoDate;
  /** Whole days from `earlier` to `later` (later − earlier). */
  diffDays(later: IsoDate, earlier: IsoDate): number;
  /** Working days d with from < d <= to; negative when `to` is before `from`. */
  workingDaysBetween(from: IsoDate, to: IsoDate): number;
  /** Public holidays and closure days of a year (weekends not listed), sorted. */
  nonWorkingDays(year: number): IsoDate[];
}

// ---- ISO dates ----

const MIN_YEAR = 1000;
const MAX_YEAR = 9999;
const DAY_MS = 86_400_000;
const PAD2: string[] = Array.from({ length: 32 }, (_, i) => (i < 10 ? `0${i}` : `${i}`));

function digit(s: string, i: number): number {
  const c = s.charCodeAt(i) - 48;
  return c >= 0 && c <= 9 ? c : -1000;
}

/**
 * Parses 'YYYY-MM-DD' into one packed number y*10000 + m*100 + d, or -1 when it is not a real
 * calendar date. Hand-written rather than date-fns parseISO, which also takes times, week dates and
 * short forms ('2016-01-01T00:00Z', '20160101'); and packed rather than a tuple, since every date in
 * the hot path is read here and must not allocate.
 */
function parsePacked(s: unknown): number {
  if (typeof s !== 'string' || s.length !== 10 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return -1;
  const y = digit(s, 0) * 1000 + digit(s, 1) * 100 + digit(s, 2) * 10 + digit(s, 3);
  const m = digit(s, 5) * 10 + digit(s, 6);
  const d = digit(s, 8) * 10 + digit(s, 9);
  if (y < MIN_YEAR || m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return -1;
  return y * 10000 + m * 100 + d;
}

// Hand-written rather than date-fns getDaysInMonth, which builds two Dates: the validator above
// calls it for every date read.
function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

export function daysInMonth(y: number, m: number): number {
  return m === 2 ? (isLeap(y) ? 29 : 28) : m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

/**
 * What a reader is told of a date that is not one (issue 13): a typed date or a card field can reach these
 * checks, so they are keyed like every refusal. Config errors (holiday region) only stop the start: English.
 */
function notADate(s: unknown): UserMessage {
  return { key: 'errors.date.invalid', params: { value: JSON.stringify(s) ?? String(s) } };
}

export function isIsoDate(s: unknown): s is IsoDate {
  return parsePacked(s) >= 0;
}

function packed(s: IsoDate): number {
  const p = parsePacked(s);
  if (p < 0)
    throw new AppError(
      'invalid-input',
      `not a valid date (YYYY-MM-DD): ${JSON.stringify(s)}`,
      { value: s },
      notADate(s),
    );
  return p;
}

/** Throws AppError('invalid-input') unless `s` is a real 'YYYY-MM-DD' date. */
export function assertIsoDate(s: unknown, what = 'date'): asserts s is IsoDate {
  if (!isIsoDate(s)) {
    throw new AppError(
      'invalid-input',
      `${what} is not a valid date (YYYY-MM-DD): ${JSON.stringify(s)}`,
      { value: s },
      notADate(s),
    );
  }
}

function isoOf(y: number, m: number, d: number): IsoDate {
  if (y < MIN_YEAR || y > MAX_YEAR)
    throw new AppError(
      'invalid-input',
      `date out of range: year ${y}`,
      {},
      { key: 'errors.date.out-of-range', params: { year: String(y) } },
    );
  return `${y}-${PAD2[m]}-${PAD2[d]}`;
}

/** The day as a Date at local noon, for date-fns (validates the date). */
export function calendarDay(s: IsoDate): Date {
  const p = packed(s);
  return new Date(Math.floor(p / 10000), (Math.floor(p / 100) % 100) - 1, p % 100, 12);
}

/** The ISO date of a calendarDay() Date. */
function isoOfDay(day: Date): IsoDate {
  return isoOf(day.getFullYear(), day.getMonth() + 1, day.getDate());
}

/**
 * Days since 1970-01-01, for code that walks days as integers (synthetic data, benches). Date.UTC
 * and the UTC getters are exact day counts with no zone in them, which no date-fns call is.
 */
export function toDayNumber(s: IsoDate): number {
  const p = packed(s);
  return Date.UTC(Math.floor(p / 10000), (Math.floor(p / 100) % 100) - 1, p % 100) / DAY_MS;
}

export function fromDayNumber(z: number): IsoDate {
  const t = new Date(z * DAY_MS);
  return isoOf(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOf(s: IsoDate): number {
  return getDay(calendarDay(s));
}

function assertWhole(n: number): void {
  if (!Number.isInteger(n))
    throw new AppError(
      'invalid-input',
      `a whole number of days or months is needed, got ${n}`,
      {},
      { key: 'errors.date.whole-number', params: { n: String(n) } },
    );
}

export function addDays(s: IsoDate, n: number): IsoDate {
  assertWhole(n);
  return isoOfDay(addDaysTo(calendarDay(s), n));
}

/** Same day-of-month N months later, clamped to the month's last day (date-fns addMonths does the clamping). */
export function addMonths(s: IsoDate, n: number): IsoDate {
  assertWhole(n);
  return isoOfDay(addMonthsTo(calendarDay(s), n));
}

/**
 * Whole days from `earlier` to `later`. The difference of day numbers rather than date-fns
 * differenceInCalendarDays, which gives the same answer but reads the zone offset of both days and
 * made the 100,000-child timescale bench 20 times slower.
 */
export function diffDays(later: IsoDate, earlier: IsoDate): number {
  return toDayNumber(later) - toDayNumber(earlier);
}

/** 'YYYY-MM' of a date. */
export function monthOf(s: IsoDate): string {
  packed(s);
  return s.slice(0, 7);
}

/** The calendar date `now` falls on in `tz`: the only place a time zone is used. */
export function todayIn(now: Date, tz = 'Europe/London'): IsoDate {
  if (!(now instanceof Date) || Number.isNaN(now.getTime())) {
    throw new AppError(
      'invalid-input',
      `todayIn needs a valid Date, got ${String(now)}`,
      {},
      { key: 'errors.date.no-clock' },
    );
  }
  const t = new TZDate(now.getTime(), tz);
  return isoOf(t.getFullYear(), t.getMonth() + 1, t.getDate());
}

// ---- working calendar ----

function holidaysFor(region: string): Holidays {
  const [country, state, ...rest] = region.split('-');
  const h = new Holidays();
  // date-holidays silently falls back to the country for an unknown state, so check first.
  const countries = h.getCountries() ?? {};
  const states = country && countries[country] ? (h.getStates(country) ?? {}) : {};
  if (!country || !countries[country] || rest.length > 0 || (state !== undefined && !states[state])) {
    throw new AppError('config', `unknown holiday region ${JSON.stringify(region)} (e.g. GB-WLS, GB-ENG)`, { region });
  }
  return state === undefined ? new Holidays(country) : new Holidays(country, state);
}

export function createCalendar(opts: CalendarOptions): WorkingCalendar {
  const region = opts.region;
  const closureDays = Object.freeze([...opts.closureDays].sort());
  for (const d of closureDays) assertIsoDate(d, 'closure day');
  const source = holidaysFor(region);
  // Public holidays are loaded a year at a time, the first time a day of that year is asked about.
  // Kept as packed y*10000+m*100+d numbers: the walk below reads them off the Date with no string built.
  const nonWorking = new Set<number>(closureDays.map(packed));
  const loadedYears = new Set<number>();

  function ensureYear(year: number): void {
    if (loadedYears.has(year)) return;
    loadedYears.add(year);
    for (const h of source.getHolidays(year) ?? []) {
      // Only public holidays, by local date string; `start` is a UTC instant (off by one in BST).
      if (h.type === 'public') nonWorking.add(packed(h.date.slice(0, 10)));
    }
  }

  function isWorking(day: Date): boolean {
    if (isWeekend(day)) return false;
    ensureYear(day.getFullYear());
    return !nonWorking.has(day.getFullYear() * 10000 + (day.getMonth() + 1) * 100 + day.getDate());
  }

  // A day-by-day walk rather than date-fns addBusinessDays: holidays and closure days fall anywhere,
  // and stepping one day at a time keeps "the N-th working day" obviously right.
  function addWorking(day: Date, n: number): Date {
    assertWhole(n);
    const step = n < 0 ? -1 : 1;
    for (let left = n * step; left > 0;) {
      day = addDaysTo(day, step);
      if (isWorking(day)) left--;
    }
    return day;
  }

  return {
    region,
    closureDays,
    isWorkingDay: (d) => isWorking(calendarDay(d)),
    addDays,
    addWorkingDays: (d, n) => isoOfDay(addWorking(calendarDay(d), n)),
    addMonths,
    diffDays,
    workingDaysBetween(from, to) {
      const sign = from <= to ? 1 : -1;
      const last = calendarDay(sign > 0 ? to : from);
      let count = 0;
      for (let day = addDaysTo(calendarDay(sign > 0 ? from : to), 1); day <= last; day = addDaysTo(day, 1)) {
        if (isWorking(day)) count++;
      }
      return sign * count;
    },
    nonWorkingDays(year) {
      ensureYear(year);
      return [...nonWorking]
        .filter((p) => Math.floor(p / 10000) === year)
        .sort((a, b) => a - b)
        .map((p) => isoOf(year, Math.floor(p / 100) % 100, p % 100));
    },
  };
}
