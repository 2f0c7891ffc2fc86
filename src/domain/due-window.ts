// The /due WINDOW grammar and its meaning (docs/DESIGN.md "Commands"). Pure: `today` is passed in.
// Relative windows show an Overdue section first; explicit dates and ranges list what is due in them.
// English and Welsh words are one grammar (issue 13): a Welsh window reads as its English twin.
import { addDays, isIsoDate, weekdayOf } from './calendar.js';
import { ENGLISH_DATES, monthFromName, WELSH_DATES } from './dates-format.js';
import { AppError } from './errors.js';
import type { IsoDate } from './types.js';

export interface DueWindow {
  kind: 'relative' | 'explicit' | 'overdue';
  /** First and last day of the window (inclusive). For 'overdue' both are the day before today. */
  from: IsoDate;
  to: IsoDate;
  /** What the user asked for, normalised: 'this week', 'next 5 days', '4 Oct 2016 to 10 Oct 2016'. */
  label: string;
}

export const DUE_WINDOW_EXAMPLES = [
  'this week',
  'next week',
  'today',
  'tomorrow',
  'overdue',
  'next 10 days',
  '2016-10-04',
  '4 Oct 2016 to 10 Oct 2016',
];

/** The same windows in Welsh (issue 13; docs/DESIGN.md "Commands": why each word). */
export const WELSH_DUE_WINDOW_EXAMPLES = [
  'yr wythnos hon',
  'wythnos nesaf',
  'heddiw',
  'yfory',
  'hwyr',
  'y 10 diwrnod nesaf',
  '2016-10-04',
  '4 Hyd 2016 i 10 Hyd 2016',
];

const MAX_DAYS = 366;

function mondayOf(d: IsoDate): IsoDate {
  return addDays(d, -((weekdayOf(d) + 6) % 7));
}

/** What /due accepts, for the answer to a window it cannot read (issue 11: list the valid windows). */
export const DUE_WINDOWS_ACCEPTED =
  'this week, next week, today, tomorrow, overdue, next N days (e.g. next 10 days), ' +
  'a date (2016-10-04 or 4 Oct 2016), or a range (4 Oct 2016 to 10 Oct 2016); then optionally "team" or "for" a person';

function bad(text: string): never {
  const shown = text.slice(0, 60);
  throw new AppError(
    'invalid-input',
    `I can't read "${shown}" as a window. The windows are: ${DUE_WINDOWS_ACCEPTED}`,
    { example: '/due next week', hint: `windows: ${DUE_WINDOW_EXAMPLES.join(', ')}` },
    { key: 'errors.due.window-unreadable', params: { text: shown } },
  );
}

/**
 * The relative windows, English and Welsh (issue 13). Welsh: "yr wythnos hon" (this week), "wythnos nesaf"
 * (next week; "nesa" as spoken), "heddiw" (today), "yfory" (tomorrow), "hwyr" / "gorddyledus" (overdue).
 * Keys are the text lower-cased with single spaces; values the canonical English window.
 */
const RELATIVE_WORDS: Readonly<Record<string, 'this week' | 'next week' | 'today' | 'tomorrow' | 'overdue'>> = {
  '': 'this week',
  'this week': 'this week',
  week: 'this week',
  'yr wythnos hon': 'this week',
  'wythnos hon': 'this week',
  wythnos: 'this week',
  'next week': 'next week',
  'wythnos nesaf': 'next week',
  'yr wythnos nesaf': 'next week',
  'wythnos nesa': 'next week',
  'yr wythnos nesa': 'next week',
  today: 'today',
  heddiw: 'today',
  tomorrow: 'tomorrow',
  yfory: 'tomorrow',
  overdue: 'overdue',
  hwyr: 'overdue',
  'yn hwyr': 'overdue',
  gorddyledus: 'overdue',
};

/** "next 10 days"; Welsh "y 10 diwrnod nesaf" (a numeral takes the singular; "niwrnod" after a mutation). */
const NEXT_DAYS = /^(?:next (\d{1,4}) days?|(?:y )?(\d{1,4}) (?:diwrnod|niwrnod) nesa(?:f)?)$/;

/** Range words: "to", "until", Welsh "i" (to) and "tan" (until), or a dash. */
const RANGE_SEPARATOR = /\s+(?:to|until|i|tan|-|–)\s+/;

/**
 * Day-number endings: English 1st 2nd 3rd 4th; Welsh 1af 2il 3ydd 4ydd 5ed 7fed 11eg 21ain.
 * The month is read in English, then Welsh (date-fns' own month names, so no list is kept here).
 */
const TYPED_DATE = /^(\d{1,2})(?:st|nd|rd|th|af|il|ydd|ed|fed|eg|ain)?\s+([a-z]+)\.?(?:\s+(\d{4}))?$/;

function monthOf(word: string): number {
  return monthFromName(word, ENGLISH_DATES, { prefixes: true }) || monthFromName(word, WELSH_DATES, { prefixes: true });
}

/** A date as '2016-10-04', '4 Oct 2016', '4 October' (current year), '14 Ionawr', '3ydd Rhag 2026'. */
export function parseTypedDate(text: string, today: IsoDate): { date: IsoDate; hasYear: boolean } | null {
  const t = text.trim().toLowerCase();
  if (/^\d{4}-\d{2}-\d{2}$/.test(t)) return isIsoDate(t) ? { date: t, hasYear: true } : null;
  const m = TYPED_DATE.exec(t);
  if (!m) return null;
  const month = monthOf(m[2]);
  if (month < 1) return null;
  const year = m[3] ?? today.slice(0, 4);
  const date = `${year}-${String(month).padStart(2, '0')}-${m[1].padStart(2, '0')}`;
  return isIsoDate(date) ? { date, hasYear: m[3] !== undefined } : null;
}

function withYear(date: IsoDate, year: number): IsoDate {
  const candidate = `${year}${date.slice(4)}`;
  return isIsoDate(candidate) ? candidate : `${year}-02-28`; // 29 Feb rolled into a non-leap year
}

export function parseDueWindow(text: string, today: IsoDate): DueWindow {
  const t = text.trim().toLowerCase().replace(/\s+/g, ' ');
  const monday = mondayOf(today);
  const relative = Object.hasOwn(RELATIVE_WORDS, t) ? RELATIVE_WORDS[t] : undefined;
  switch (relative) {
    case 'this week':
      return { kind: 'relative', from: monday, to: addDays(monday, 6), label: 'this week' };
    case 'next week':
      return { kind: 'relative', from: addDays(monday, 7), to: addDays(monday, 13), label: 'next week' };
    case 'today':
      return { kind: 'relative', from: today, to: today, label: 'today' };
    case 'tomorrow':
      return { kind: 'relative', from: addDays(today, 1), to: addDays(today, 1), label: 'tomorrow' };
    case 'overdue':
      return { kind: 'overdue', from: addDays(today, -1), to: addDays(today, -1), label: 'overdue' };
  }
  const next = NEXT_DAYS.exec(t);
  if (next) {
    const n = Number(next[1] ?? next[2]);
    if (n < 1 || n > MAX_DAYS) {
      throw new AppError(
        'invalid-input',
        `"next N days" takes N from 1 to ${MAX_DAYS}`,
        { example: '/due next 10 days' },
        { key: 'errors.due.next-days-range', params: { max: MAX_DAYS } },
      );
    }
    return { kind: 'relative', from: today, to: addDays(today, n - 1), label: `next ${n} day${n === 1 ? '' : 's'}` };
  }
  const parts = t.split(RANGE_SEPARATOR);
  if (parts.length > 2) bad(text);
  const start = parseTypedDate(parts[0], today) ?? bad(text);
  if (parts.length === 1) return { kind: 'explicit', from: start.date, to: start.date, label: start.date };
  const end = parseTypedDate(parts[1], today) ?? bad(text);
  let to = end.date;
  // A date without a year is in the current year; an end before its start rolls into the next year.
  if (to < start.date && !end.hasYear) to = withYear(to, Number(start.date.slice(0, 4)) + 1);
  if (to < start.date) {
    throw new AppError(
      'invalid-input',
      `the window ends (${to}) before it starts (${start.date})`,
      { example: '/due 4 Oct 2016 to 10 Oct 2016' },
      { key: 'errors.due.ends-before-start', params: { from: start.date, to } },
    );
  }
  return { kind: 'explicit', from: start.date, to, label: `${start.date} to ${to}` };
}
