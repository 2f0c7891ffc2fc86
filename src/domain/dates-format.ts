// Every date a person reads (explanations, cards, replies, reports) is written here and nowhere else:
// a day ("Tue 4 Oct 2016"), a short date ("4 Oct 2016"), a date and time in the council's time zone
// ("Wed 25 Nov 2026 10:00") and a month ("Aug 2016" / "August 2016"). date-fns `format` with a locale
// writes them, so Welsh is the `cy` locale passed in ("Mer 2 Rhag 2026"); English (en-GB) is the default.
// Calendar dates are ISO strings read through calendar.ts, so no time zone can shift a day; only an
// instant (a booking start, a decision time) is placed in a zone, the one passed in (config TZ_NAME).
import { tz } from '@date-fns/tz';
import { format } from 'date-fns';
import type { Locale } from 'date-fns';
import { enGB } from 'date-fns/locale/en-GB';
import { assertIsoDate, calendarDay } from './calendar.js';
import { AppError } from './errors.js';
import type { IsoDate } from './types.js';

export type { Locale as DateLocale } from 'date-fns';
export { enGB as ENGLISH_DATES } from 'date-fns/locale/en-GB';
export { cy as WELSH_DATES } from 'date-fns/locale/cy';

// date-fns `format` reads its pattern on every call (about 15 µs), and timescale explanations write
// a date for each of 100,000 children; the days written repeat, so each locale keeps the strings it
// wrote, up to a bound (cleared when full, so hostile input cannot grow it).
const WRITTEN_LIMIT = 50_000;
const written = new WeakMap<Locale, Map<string, string>>();

function formatDay(d: IsoDate, pattern: string, locale: Locale): string {
  let cache = written.get(locale);
  if (!cache) written.set(locale, (cache = new Map<string, string>()));
  const key = pattern + d;
  let text = cache.get(key);
  if (text === undefined) {
    text = format(calendarDay(d), pattern, { locale });
    if (cache.size >= WRITTEN_LIMIT) cache.clear();
    cache.set(key, text);
  }
  return text;
}

/** '2016-10-04' → '4 Oct 2016' (validates the date). */
export function formatDateShort(d: IsoDate, locale: Locale = enGB): string {
  return formatDay(d, 'd MMM yyyy', locale);
}

/** '2016-10-04' → 'Tue 4 Oct 2016'; with `cy`, '2026-12-02' → 'Mer 2 Rhag 2026'. */
export function formatDate(d: IsoDate, locale: Locale = enGB): string {
  return formatDay(d, 'EEE d MMM yyyy', locale);
}

/** '2016-08' (or any date in it) → 'Aug 2016'; long: 'August 2016'. */
export function formatMonth(month: string, style: 'short' | 'long' = 'short', locale: Locale = enGB): string {
  const first = month.length === 7 ? `${month}-01` : month;
  assertIsoDate(first, 'month');
  return formatDay(first, style === 'long' ? 'MMMM yyyy' : 'MMM yyyy', locale);
}

/**
 * An instant as wall-clock date and time in `timeZone` (the configured TZ_NAME): "Wed 25 Nov 2026 10:00".
 * The zone has no default on purpose: a literal here is how a presenter came to ignore TZ_NAME.
 */
export function formatDateTime(instant: string | Date, timeZone: string, locale: Locale = enGB): string {
  const at = instant instanceof Date ? instant : new Date(instant);
  if (Number.isNaN(at.getTime()))
    throw new AppError(
      'invalid-input',
      `not a valid date and time: ${JSON.stringify(String(instant))}`,
      {},
      { key: 'errors.date.invalid-instant', params: { value: JSON.stringify(String(instant)) } },
    );
  return format(at, 'EEE d MMM yyyy HH:mm', { locale, in: tz(timeZone) });
}

/** English writes September "Sept" as well as "Sep"; date-fns knows only the one abbreviation. */
const ENGLISH_EXTRA_ABBREVIATIONS: ReadonlyMap<string, number> = new Map([['sept', 9]]);

/**
 * The month (1–12) a word names in `locale` ("Apr", "apr.", "April", "Sept" in English), or 0. With
 * `prefixes`, any start of a month's name of three letters or more ("octo") names it too (what /due
 * reads); "octagon" never does. The names come from the locale, so a reader keeps no month list.
 */
export function monthFromName(word: string, locale: Locale = enGB, opts: { prefixes?: boolean } = {}): number {
  const w = word.toLowerCase().replace(/\.$/, '');
  for (let i = 0; i < 12; i++) {
    const month = i as Parameters<Locale['localize']['month']>[0];
    const wide = locale.localize.month(month, { width: 'wide' }).toLowerCase();
    if (w === locale.localize.month(month, { width: 'abbreviated' }).toLowerCase() || w === wide) return i + 1;
    if (opts.prefixes && w.length >= 3 && wide.startsWith(w)) return i + 1;
  }
  return locale.code?.startsWith('en') ? (ENGLISH_EXTRA_ABBREVIATIONS.get(w) ?? 0) : 0;
}
