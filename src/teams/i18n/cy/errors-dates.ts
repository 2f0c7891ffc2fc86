// Dyddiad neu amser na all y bot ei ddarllen: the same keys and placeholders as en/errors-dates.ts.
import type { errorsDatesEn } from '../en/errors-dates.js';

export const errorsDatesCy: Readonly<Record<keyof typeof errorsDatesEn, string>> = {
  'errors.date.invalid': 'nid yw {value} yn ddyddiad dilys (BBBB-MM-DD)',
  'errors.date.out-of-range': 'dyddiad y tu allan i’r ystod: blwyddyn {year}',
  'errors.date.whole-number': 'mae angen nifer cyfan o ddiwrnodau neu fisoedd, cafwyd {n}',
  'errors.date.no-clock': 'nid oedd modd darllen dyddiad heddiw',
  'errors.date.report-period':
    "dau ddyddiad yw cyfnod adroddiad, a'r cyntaf heb fod ar ôl yr ail (cafwyd {from} i {to})",
  'errors.date.invalid-instant': 'nid yw {value} yn ddyddiad ac amser dilys',
};
