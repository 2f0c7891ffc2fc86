// The calendar and date formatting on date-fns (src/domain/calendar.ts, dates-format.ts) agree with the
// hand-written code they replaced, kept below only as the oracle: over random dates 2020–2035 (leap
// days, bank holidays, closure days, the clock changes), and under several server time zones.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import Holidays from 'date-holidays';
import { TZDate } from '@date-fns/tz';
import { cy } from 'date-fns/locale/cy';
import * as now from '../../src/domain/calendar.js';
import * as fmt from '../../src/domain/dates-format.js';
import { AppError } from '../../src/domain/errors.js';
import type { CalendarOptions, WorkingCalendar } from '../../src/domain/calendar.js';
import type { IsoDate } from '../../src/domain/types.js';

const RUNS = 400;
const FIRST = Date.UTC(2020, 0, 1) / 86_400_000;
const LAST = Date.UTC(2035, 11, 31) / 86_400_000;
const day = fc.integer({ min: FIRST, max: LAST }).map((z) => oracle.fromDayNumber(z));
const count = fc.integer({ min: -400, max: 400 });
// Instants near the clock changes (last Sundays of March and October, 00:00–02:59 UTC) as well as anywhere.
const clockChange = fc
  .record({
    year: fc.integer({ min: 2020, max: 2035 }),
    march: fc.boolean(),
    minute: fc.integer({ min: -180, max: 180 }),
  })
  .map(({ year, march, minute }) => {
    const lastDay = new Date(Date.UTC(year, march ? 2 : 9, 31));
    const sunday = 31 - lastDay.getUTCDay();
    return new Date(Date.UTC(year, march ? 2 : 9, sunday, 1) + minute * 60_000);
  });
const instant = fc.oneof(
  clockChange,
  fc.integer({ min: FIRST * 86_400_000, max: (LAST + 1) * 86_400_000 - 1 }).map((t) => new Date(t)),
);
// Server zones: UTC, the council's, and zones whose clocks change at midnight (Santiago, Havana), so a
// day at local midnight would not exist there; Auckland and Kathmandu for odd offsets.
const SERVER_ZONES = [
  'UTC',
  'Europe/London',
  'America/Santiago',
  'America/Havana',
  'Pacific/Auckland',
  'Asia/Kathmandu',
];

/** Runs `check` with the process in `zone` (Node re-reads TZ when it is assigned). */
function inServerZone(zone: string, check: () => void): void {
  const before = process.env.TZ;
  process.env.TZ = zone;
  try {
    check();
  } finally {
    if (before === undefined) delete process.env.TZ;
    else process.env.TZ = before;
  }
}

describe('calendar on date-fns agrees with the hand-written calendar (fast-check oracle)', () => {
  for (const zone of SERVER_ZONES) {
    describe(`server time zone ${zone}`, () => {
      it('addDays, addMonths, diffDays, weekdayOf, day numbers', () =>
        inServerZone(zone, () => {
          fc.assert(
            fc.property(day, day, count, fc.integer({ min: -60, max: 60 }), (a, b, n, months) => {
              assert.equal(now.addDays(a, n), oracle.addDays(a, n));
              assert.equal(now.addMonths(a, months), oracle.addMonths(a, months));
              assert.equal(now.diffDays(a, b), oracle.diffDays(a, b));
              assert.equal(now.weekdayOf(a), oracle.weekdayOf(a));
              assert.equal(now.toDayNumber(a), oracle.toDayNumber(a));
              assert.equal(now.fromDayNumber(oracle.toDayNumber(a)), a);
            }),
            { numRuns: RUNS },
          );
        }));

      it('working days with bank holidays and closure days', () =>
        inServerZone(zone, () => {
          const closures = fc.uniqueArray(day, { maxLength: 6 });
          fc.assert(
            fc.property(
              fc.constantFrom('GB-WLS', 'GB-ENG'),
              closures,
              day,
              count,
              fc.integer({ min: -60, max: 60 }),
              (region, closureDays, a, span, n) => {
                const b = oracle.addDays(a, span);
                const mine = now.createCalendar({ region, closureDays });
                const theirs = oracle.createCalendar({ region, closureDays });
                assert.equal(mine.isWorkingDay(a), theirs.isWorkingDay(a), `isWorkingDay ${a}`);
                assert.equal(mine.addWorkingDays(a, n), theirs.addWorkingDays(a, n), `addWorkingDays ${a} ${n}`);
                assert.equal(
                  mine.workingDaysBetween(a, b),
                  theirs.workingDaysBetween(a, b),
                  `workingDaysBetween ${a} ${b}`,
                );
                const year = Number(a.slice(0, 4));
                assert.deepEqual(mine.nonWorkingDays(year), theirs.nonWorkingDays(year));
              },
            ),
            { numRuns: RUNS / 8 },
          );
        }));

      it('todayIn across the clock changes', () =>
        inServerZone(zone, () => {
          fc.assert(
            fc.property(instant, fc.constantFrom('Europe/London', 'UTC', 'America/New_York'), (t, tz) => {
              assert.equal(now.todayIn(t, tz), oracle.todayIn(t, tz));
            }),
            { numRuns: RUNS },
          );
        }));

      it('English dates, months and booking times are byte-identical', () =>
        inServerZone(zone, () => {
          fc.assert(
            fc.property(day, instant, fc.constantFrom('Europe/London', 'UTC', 'America/New_York'), (d, t, tz) => {
              assert.equal(fmt.formatDate(d), oracle.formatDate(d));
              assert.equal(fmt.formatDateShort(d), oracle.formatDateShort(d));
              assert.equal(fmt.formatMonth(d.slice(0, 7)), oracle.formatMonth(d.slice(0, 7)));
              assert.equal(fmt.formatMonth(d, 'long'), oracle.formatMonth(d, 'long'));
              assert.equal(fmt.formatDateTime(t.toISOString(), tz), oracle.formatBookingStart(t.toISOString(), tz));
            }),
            { numRuns: RUNS },
          );
        }));
    });
  }

  it('month names read as before, in any case, with or without a full stop', () => {
    const words = fc.oneof(
      fc.constantFrom(
        'jan',
        'Feb',
        'MAR',
        'apr.',
        'May',
        'june',
        'July',
        'Sept',
        'sept.',
        'sep',
        'September',
        'oct',
        'NOVEMBER',
        'dec.',
      ),
      fc.constantFrom(
        'janu',
        'marc',
        'septem',
        'octo',
        'octagon',
        'ma',
        'mai',
        'Rhag',
        'constructor',
        '__proto__',
        'toString',
        '',
      ),
      fc.stringMatching(/^[a-z]{0,9}$/),
      fc.string({ maxLength: 10 }),
    );
    fc.assert(
      fc.property(words, (w) => {
        assert.equal(fmt.monthFromName(w), oracle.monthFromName(w), w);
        const lower = w.toLowerCase();
        if (/^[a-z]+$/.test(lower))
          assert.equal(
            fmt.monthFromName(lower, fmt.ENGLISH_DATES, { prefixes: true }) - 1,
            oracle.dueMonthIndex(lower),
            lower,
          );
      }),
      { numRuns: RUNS },
    );
  });

  it('refuses what the old code refused, with the same error code', () => {
    for (const bad of [
      '2016-02-30',
      '2015-02-29',
      '2016-13-01',
      '0999-01-01',
      '2016-1-01',
      '2016-01-01T00:00:00Z',
      '',
    ]) {
      assert.throws(
        () => now.addDays(bad, 1),
        (e) => e instanceof AppError && e.code === 'invalid-input',
      );
      assert.throws(
        () => now.addMonths(bad, 1),
        (e) => e instanceof AppError && e.code === 'invalid-input',
      );
      assert.throws(
        () => fmt.formatDate(bad),
        (e) => e instanceof AppError && e.code === 'invalid-input',
      );
    }
    assert.throws(
      () => now.addDays('9999-12-31', 1),
      (e) => e instanceof AppError && e.code === 'invalid-input',
    );
    assert.throws(
      () => now.addMonths('2020-01-31', 0.5),
      (e) => e instanceof AppError && e.code === 'invalid-input',
    );
    assert.throws(
      () => fmt.formatDateTime('not a time', 'Europe/London'),
      (e) => e instanceof AppError && e.code === 'invalid-input',
    );
  });
});

describe('dates in Welsh (date-fns cy, for issue 13)', () => {
  it('writes "Mer 2 Rhag 2026" style days, dates, months and times', () => {
    assert.equal(fmt.formatDate('2026-12-02', cy), 'Mer 2 Rhag 2026');
    assert.equal(fmt.formatDateShort('2026-09-02', cy), '2 Med 2026');
    assert.equal(fmt.formatMonth('2026-04', 'long', cy), 'Ebrill 2026');
    assert.equal(fmt.formatDateTime('2026-06-01T09:00:00Z', 'Europe/London', cy), 'Llun 1 Meh 2026 10:00');
    // The English default is untouched by a Welsh call before it (each locale keeps its own strings).
    assert.equal(fmt.formatDate('2026-12-02'), 'Wed 2 Dec 2026');
  });

  it('reads Welsh month names', () => {
    assert.equal(fmt.monthFromName('Rhagfyr', cy), 12);
    assert.equal(fmt.monthFromName('ebr', cy), 4);
    assert.equal(fmt.monthFromName('Sept', cy), 0);
  });
});

// ---- The hand-written calendar that src/domain/calendar.ts replaced: the oracle, nothing else uses it ----

const oracle = (() => {
  // ---- ISO date <-> day number (proleptic Gregorian; H. Hinnant's civil algorithms) ----

  const MIN_YEAR = 1000;
  const MAX_YEAR = 9999;
  const PAD2: string[] = Array.from({ length: 32 }, (_, i) => (i < 10 ? `0${i}` : `${i}`));

  function isLeap(y: number): boolean {
    return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  }

  function daysInMonth(y: number, m: number): number {
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

  function isIsoDate(s: unknown): s is IsoDate {
    return parsePacked(s) >= 0;
  }

  function packed(s: IsoDate): number {
    const p = parsePacked(s);
    if (p < 0) throw new AppError('invalid-input', `not a valid date (YYYY-MM-DD): ${JSON.stringify(s)}`, { value: s });
    return p;
  }

  /** Throws AppError('invalid-input') unless `s` is a real 'YYYY-MM-DD' date. */
  function assertIsoDate(s: unknown, what = 'date'): asserts s is IsoDate {
    if (!isIsoDate(s)) {
      throw new AppError('invalid-input', `${what} is not a valid date (YYYY-MM-DD): ${JSON.stringify(s)}`, {
        value: s,
      });
    }
  }

  function isoOf(y: number, m: number, d: number): IsoDate {
    if (y < MIN_YEAR || y > MAX_YEAR) throw new AppError('invalid-input', `date out of range: year ${y}`);
    return `${y}-${PAD2[m]}-${PAD2[d]}`;
  }

  function toDayNumber(s: IsoDate): number {
    const p = packed(s);
    return daysFromCivil(Math.floor(p / 10000), Math.floor(p / 100) % 100, p % 100);
  }

  function fromDayNumber(z: number): IsoDate {
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
  function weekdayOfDayNumber(z: number): number {
    return (((z + 4) % 7) + 7) % 7;
  }

  function weekdayOf(s: IsoDate): number {
    return weekdayOfDayNumber(toDayNumber(s));
  }

  function assertWhole(n: number): void {
    if (!Number.isInteger(n))
      throw new AppError('invalid-input', `a whole number of days or months is needed, got ${n}`);
  }

  function addDays(s: IsoDate, n: number): IsoDate {
    assertWhole(n);
    return fromDayNumber(toDayNumber(s) + n);
  }

  function addMonths(s: IsoDate, n: number): IsoDate {
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

  function diffDays(later: IsoDate, earlier: IsoDate): number {
    return toDayNumber(later) - toDayNumber(earlier);
  }

  /** 'YYYY-MM' of a date. */
  function monthOf(s: IsoDate): string {
    packed(s);
    return s.slice(0, 7);
  }

  /** The calendar date `now` falls on in `tz`: the only place a time zone is used. */
  function todayIn(now: Date, tz = 'Europe/London'): IsoDate {
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
    const states = country && countries[country] ? (h.getStates(country) ?? {}) : {};
    if (!country || !countries[country] || rest.length > 0 || (state !== undefined && !states[state])) {
      throw new AppError('config', `unknown holiday region ${JSON.stringify(region)} (e.g. GB-WLS, GB-ENG)`, {
        region,
      });
    }
    return state === undefined ? new Holidays(country) : new Holidays(country, state);
  }

  function createCalendar(opts: CalendarOptions): WorkingCalendar {
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
        return [...nonWorking]
          .filter((z) => z >= lo && z <= hi)
          .sort((x, y) => x - y)
          .map(fromDayNumber);
      },
    };
  }

  // ---- the hand-written formatting it replaced (dates-format.ts, presenters/labels.ts) ----

  const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
  const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const MONTHS_LONG = [
    'January',
    'February',
    'March',
    'April',
    'May',
    'June',
    'July',
    'August',
    'September',
    'October',
    'November',
    'December',
  ];

  function formatDateShort(d: IsoDate): string {
    toDayNumber(d);
    return `${Number(d.slice(8, 10))} ${MONTHS[Number(d.slice(5, 7)) - 1]} ${d.slice(0, 4)}`;
  }

  function formatDate(d: IsoDate): string {
    return `${WEEKDAYS[weekdayOfDayNumber(toDayNumber(d))]} ${formatDateShort(d)}`;
  }

  function formatMonth(month: string, style: 'short' | 'long' = 'short'): string {
    const ym = month.length === 7 ? monthOf(`${month}-01`) : monthOf(month);
    const names = style === 'long' ? MONTHS_LONG : MONTHS;
    return `${names[Number(ym.slice(5, 7)) - 1]} ${ym.slice(0, 4)}`;
  }

  function formatBookingStart(start: string, tz: string): string {
    const d = new Date(start);
    const time = new Intl.DateTimeFormat('en-GB', {
      timeZone: tz,
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    const date = new Intl.DateTimeFormat('en-CA', { timeZone: tz, year: 'numeric', month: '2-digit', day: '2-digit' });
    return `${formatDate(date.format(d))} ${time.format(d)}`;
  }

  const FULL_MONTHS = [
    'january',
    'february',
    'march',
    'april',
    'may',
    'june',
    'july',
    'august',
    'september',
    'october',
    'november',
    'december',
  ];

  /** due-window.ts's month reader (lower case, no full stop): 0–11, or -1. */
  function dueMonthIndex(word: string): number {
    if (word === 'sept') return 8;
    return word.length < 3 ? -1 : FULL_MONTHS.findIndex((name) => name.startsWith(word));
  }

  /** report-period.ts's month reader: 1–12, or 0. */
  function monthFromName(word: string): number {
    const w = word.toLowerCase().replace(/\.$/, '');
    const i =
      w.length === 3 || w === 'sept'
        ? MONTHS.map((m) => m.toLowerCase()).indexOf(w.slice(0, 3))
        : FULL_MONTHS.indexOf(w);
    return i + 1;
  }

  return {
    toDayNumber,
    fromDayNumber,
    weekdayOf,
    addDays,
    addMonths,
    diffDays,
    monthOf,
    todayIn,
    daysInMonth,
    isIsoDate,
    createCalendar,
    formatDateShort,
    formatDate,
    formatMonth,
    formatBookingStart,
    monthFromName,
    dueMonthIndex,
  };
})();
