// Human-readable dates for explanations, cards and reports ("Tue 4 Oct 2016"). Pure string work
// on ISO dates; no Date objects, so no time zone can shift what is shown.
import { monthOf, toDayNumber, weekdayOfDayNumber } from './calendar.js';
import type { IsoDate } from './types.js';

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const MONTHS_LONG = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August',
  'September', 'October', 'November', 'December'];

/** '2016-10-04' → '4 Oct 2016' (validates the date). */
export function formatDateShort(d: IsoDate): string {
  toDayNumber(d);
  return `${Number(d.slice(8, 10))} ${MONTHS[Number(d.slice(5, 7)) - 1]} ${d.slice(0, 4)}`;
}

/** '2016-10-04' → 'Tue 4 Oct 2016'. */
export function formatDate(d: IsoDate): string {
  return `${WEEKDAYS[weekdayOfDayNumber(toDayNumber(d))]} ${formatDateShort(d)}`;
}

/** '2016-08' (or any date in it) → 'Aug 2016'; long: 'August 2016'. */
export function formatMonth(month: string, style: 'short' | 'long' = 'short'): string {
  const ym = month.length === 7 ? monthOf(`${month}-01`) : monthOf(month);
  const names = style === 'long' ? MONTHS_LONG : MONTHS;
  return `${names[Number(ym.slice(5, 7)) - 1]} ${ym.slice(0, 4)}`;
}
