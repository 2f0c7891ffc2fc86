// Calendar arithmetic for timescales (docs/DOMAIN.md "Dates: how everything is counted").
// Dates are ISO calendar strings; arithmetic runs on an integer day number (days since
// 1970-01-01) so no time zone can shift a date. The time zone is used in one place only:
// todayIn(), which turns an instant into the calendar date it is in Europe/London.
import Holidays from 'date-holidays';
import { TZDate } from '@date-fns/tz';
import { AppError } from './errors.js';
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

// ---- ISO date <-> day number (proleptic Gregorian; H. Hinnant's civil algorithms) ----

const MIN_YEAR = 1000;
const MAX_YEAR = 9999;
const PAD2: string[] = Array.from({ length: 32 }, (_, i) => (i < 10 ? `0${i}` : `${i}`));

function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

export function daysInMonth(y: number, m: number): number {
  return m === 2 ? (isLeap(y) ? 29 : 28) : m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const mp = m > 2 ? m - 3 : m + 9;
  const doy = Math.floor((153 * mp + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function digit(s: string, i: number): number {
  const c = s.charCodeAt(i) - 48;
  return c >= 0 && c <= 9 ? c : -1000;
}

/**
 * Parses 'YYYY-MM-DD' into one packed number y*10000 + m*100 + d, or -1 when it is not a real
 * calendar date. Packed rather than a tuple: this runs for every date in the hot path and must
 * not allocate.
 */
function parsePacked(s: unknown): number {
  if (typeof s !== 'string' || s.length !== 10 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return -1;
  const y = digit(s, 0) * 1000 + digit(s, 1) * 100 + digit(s, 2) * 10 + digit(s, 3);
  const m = digit(s, 5) * 10 + digit(s, 6);
  const d = digit(s, 8) * 10 + digit(s, 9);
  if (y < MIN_YEAR || m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return -1;
  return y * 10000 + m * 100 + d;
}

export function isIsoDate(s: unknown): s is IsoDate {
  return parsePacked(s) >= 0;
}

function packed(s: IsoDate): number {
  const p = parsePacked(s);
  if (p < 0) throw new AppError('invalid-input', `not a valid date (YYYY-MM-DD): ${JSON.stringify(s)}`, { value: s });
  return p;
}

/** Throws AppError('invalid-input') unless `s` is a real 'YYYY-MM-DD' date. */
export function assertIsoDate(s: unknown, what = 'date'): asserts s is IsoDate {
  if (!isIsoDate(s)) {
    throw new AppError('invalid-input', `${what} is not a valid date (YYYY-MM-DD): ${JSON.stringify(s)}`, { value: s });
  }
}

function isoOf(y: number, m: number, d: number): IsoDate {
  if (y < MIN_YEAR || y > MAX_YEAR) throw new AppError('invalid-input', `date out of range: year ${y}`);
  return `${y}-${PAD2[m]}-${PAD2[d]}`;
}

export function toDayNumber(s: IsoDate): number {
  const p = packed(s);
  return daysFromCivil(Math.floor(p / 10000), Math.floor(p / 100) % 100, p % 100);
}

export function fromDayNumber(z: number): IsoDate {
  const zz = z + 719468;
  const era = Math.floor(zz / 146097);
  const doe = zz - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return isoOf(y, m, d);
}

/** 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
export function weekdayOfDayNumber(z: number): number {
  return (((z + 4) % 7) + 7) % 7;
}

export function weekdayOf(s: IsoDate): number {
  return weekdayOfDayNumber(toDayNumber(s));
}

function assertWhole(n: number): void {
  if (!Number.isInteger(n)) throw new AppError('invalid-input', `a whole number of days or months is needed, got ${n}`);
}

export function addDays(s: IsoDate, n: number): IsoDate {
  assertWhole(n);
  return fromDayNumber(toDayNumber(s) + n);
}

export function addMonths(s: IsoDate, n: number): IsoDate {
  assertWhole(n);
  const p = packed(s);
  const y = Math.floor(p / 10000);
  const m = Math.floor(p / 100) % 100;
  const d = p % 100;
  const idx = y * 12 + (m - 1) + n;
  const ny = Math.floor(idx / 12);
  const nm = idx - ny * 12 + 1;
  return isoOf(ny, nm, Math.min(d, daysInMonth(ny, nm)));
}

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
    throw new AppError('invalid-input', `todayIn needs a valid Date, got ${String(now)}`);
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
  const states = country && countries[country] ? h.getStates(country) ?? {} : {};
  if (!country || !countries[country] || rest.length > 0 || (state !== undefined && !states[state])) {
    throw new AppError('config', `unknown holiday region ${JSON.stringify(region)} (e.g. GB-WLS, GB-ENG)`, { region });
  }
  return state === undefined ? new Holidays(country) : new Holidays(country, state);
}

export function createCalendar(opts: CalendarOptions): WorkingCalendar {
  const region = opts.region;
  const closureDays = Object.freeze([...opts.closureDays].sort());
  const closureNums = closureDays.map((d) => {
    assertIsoDate(d, 'closure day');
    return toDayNumber(d);
  });
  const source = holidaysFor(region);
  // One set over a contiguous range of loaded years; a lookup outside it loads the missing years
  // once, so the hot loop is a range check plus Set.has.
  const nonWorking = new Set<number>(closureNums);
  let loFirst = 0; // first loaded year
  let loLast = -1; // last loaded year (none loaded when < loFirst)
  let loMin = 1; // day-number range covered by loaded years
  let loMax = 0;

  function loadYear(year: number): void {
    for (const h of source.getHolidays(year) ?? []) {
      // Only public holidays, by local date string; `start` is a UTC instant (off by one in BST).
      if (h.type === 'public') nonWorking.add(toDayNumber(h.date.slice(0, 10)));
    }
  }

  function ensure(z: number): void {
    if (z >= loMin && z <= loMax) return;
    const year = Number(fromDayNumber(z).slice(0, 4));
    if (loLast < loFirst) {
      loFirst = loLast = year;
      loadYear(year);
    } else {
      while (year < loFirst) loadYear(--loFirst);
      while (year > loLast) loadYear(++loLast);
    }
    loMin = daysFromCivil(loFirst, 1, 1);
    loMax = daysFromCivil(loLast, 12, 31);
  }

  function workingNum(z: number): boolean {
    const wd = weekdayOfDayNumber(z);
    if (wd === 0 || wd === 6) return false;
    ensure(z);
    return !nonWorking.has(z);
  }

  function addWorkingNum(z: number, n: number): number {
    assertWhole(n);
    const step = n < 0 ? -1 : 1;
    let left = n * step;
    while (left > 0) {
      z += step;
      if (workingNum(z)) left--;
    }
    return z;
  }

  return {
    region,
    closureDays,
    isWorkingDay: (d) => workingNum(toDayNumber(d)),
    addDays,
    addWorkingDays: (d, n) => fromDayNumber(addWorkingNum(toDayNumber(d), n)),
    addMonths,
    diffDays,
    workingDaysBetween(from, to) {
      const a = toDayNumber(from);
      const b = toDayNumber(to);
      const [lo, hi, sign] = a <= b ? [a, b, 1] : [b, a, -1];
      let count = 0;
      for (let z = lo + 1; z <= hi; z++) if (workingNum(z)) count++;
      return sign * count;
    },
    nonWorkingDays(year) {
      ensure(daysFromCivil(year, 1, 1));
      ensure(daysFromCivil(year, 12, 31));
      const lo = daysFromCivil(year, 1, 1);
      const hi = daysFromCivil(year, 12, 31);
      return [...nonWorking].filter((z) => z >= lo && z <= hi).sort((x, y) => x - y).map(fromDayNumber);
    },
  };
}
