// The /due WINDOW grammar and its meaning (docs/DESIGN.md "Commands"). Pure: `today` is passed in.
// Relative windows show an Overdue section first; explicit dates and ranges list what is due in them.
import { addDays, isIsoDate, weekdayOf } from './calendar.js';
import { ENGLISH_DATES, monthFromName } from './dates-format.js';
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

const MAX_DAYS = 366;

function mondayOf(d: IsoDate): IsoDate {
  return addDays(d, -((weekdayOf(d) + 6) % 7));
}

/** What /due accepts, for the answer to a window it cannot read (issue 11: list the valid windows). */
export const DUE_WINDOWS_ACCEPTED =
  'this week, next week, today, tomorrow, overdue, next N days (e.g. next 10 days), ' +
  'a date (2016-10-04 or 4 Oct 2016), or a range (4 Oct 2016 to 10 Oct 2016); then optionally "team" or "for" a person';

function bad(text: string): never {
  throw new AppError(
    'invalid-input',
    `I can't read "${text.slice(0, 60)}" as a window. The windows are: ${DUE_WINDOWS_ACCEPTED}`,
    {
      example: '/due next week',
      hint: `windows: ${DUE_WINDOW_EXAMPLES.join(', ')}`,
    },
  );
}

/** A date as '2016-10-04', '4 Oct 2016', '4 October' (current year). `hasYear` says which. */
function parseDate(text: string, today: IsoDate): { date: IsoDate; hasYear: boolean } | null {
  const t = text.trim().toLowerCase();
  if (/^\d{4}-\d{2}-\d{2}$/.test(t)) return isIsoDate(t) ? { date: t, hasYear: true } : null;
  const m = /^(\d{1,2})(?:st|nd|rd|th)?\s+([a-z]+)\.?(?:\s+(\d{4}))?$/.exec(t);
  if (!m) return null;
  const month = monthFromName(m[2], ENGLISH_DATES, { prefixes: true }) - 1;
  if (month < 0) return null;
  const year = m[3] ?? today.slice(0, 4);
  const date = `${year}-${String(month + 1).padStart(2, '0')}-${m[1].padStart(2, '0')}`;
  return isIsoDate(date) ? { date, hasYear: m[3] !== undefined } : null;
}

function withYear(date: IsoDate, year: number): IsoDate {
  const candidate = `${year}${date.slice(4)}`;
  return isIsoDate(candidate) ? candidate : `${year}-02-28`; // 29 Feb rolled into a non-leap year
}

export function parseDueWindow(text: string, today: IsoDate): DueWindow {
  const t = text.trim().toLowerCase().replace(/\s+/g, ' ');
  const monday = mondayOf(today);
  switch (t) {
    case '':
    case 'this week':
    case 'week':
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
  const next = /^next (\d{1,4}) days?$/.exec(t);
  if (next) {
    const n = Number(next[1]);
    if (n < 1 || n > MAX_DAYS) {
      throw new AppError('invalid-input', `"next N days" takes N from 1 to ${MAX_DAYS}`, {
        example: '/due next 10 days',
      });
    }
    return { kind: 'relative', from: today, to: addDays(today, n - 1), label: `next ${n} day${n === 1 ? '' : 's'}` };
  }
  const parts = t.split(/\s+(?:to|until|-|–)\s+/);
  if (parts.length > 2) bad(text);
  const start = parseDate(parts[0], today) ?? bad(text);
  if (parts.length === 1) return { kind: 'explicit', from: start.date, to: start.date, label: start.date };
  const end = parseDate(parts[1], today) ?? bad(text);
  let to = end.date;
  // A date without a year is in the current year; an end before its start rolls into the next year.
  if (to < start.date && !end.hasYear) to = withYear(to, Number(start.date.slice(0, 4)) + 1);
  if (to < start.date) {
    throw new AppError('invalid-input', `the window ends (${to}) before it starts (${start.date})`, {
      example: '/due 4 Oct 2016 to 10 Oct 2016',
    });
  }
  return { kind: 'explicit', from: start.date, to, label: `${start.date} to ${to}` };
}
