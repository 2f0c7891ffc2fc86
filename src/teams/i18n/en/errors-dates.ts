// A date or time the bot cannot read (src/domain/calendar.ts, dates-format.ts; issue 13). A typed date or a
// card field can reach these checks.
export const errorsDatesEn = {
  'errors.date.invalid': '{value} is not a valid date (YYYY-MM-DD)',
  'errors.date.out-of-range': 'date out of range: year {year}',
  'errors.date.whole-number': 'a whole number of days or months is needed, got {n}',
  'errors.date.no-clock': "today's date could not be read",
  'errors.date.report-period': 'a report period is two dates, the first not after the second (got {from} to {to})',
  'errors.date.invalid-instant': 'not a valid date and time: {value}',
} as const;
