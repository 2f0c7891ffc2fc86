import assert from 'node:assert/strict';
import {
  addDays,
  addMonths,
  createCalendar,
  diffDays,
  fromDayNumber,
  isIsoDate,
  toDayNumber,
  todayIn,
  weekdayOf,
} from '../../src/domain/calendar.js';
import { formatDate, formatDateShort, formatMonth } from '../../src/domain/dates-format.js';
import { isAppError } from '../../src/domain/errors.js';

const wales = createCalendar({ region: 'GB-WLS', closureDays: [] });

describe('calendar', () => {
  describe('day numbers', () => {
    it('agree with Date.UTC across centuries and leap days', () => {
      for (const d of [
        '1970-01-01',
        '1999-12-31',
        '2000-02-29',
        '2016-02-29',
        '2016-12-27',
        '2100-03-01',
        '1900-02-28',
      ]) {
        const [y, m, day] = d.split('-').map(Number);
        assert.equal(toDayNumber(d), Date.UTC(y, m - 1, day) / 86_400_000, d);
        assert.equal(fromDayNumber(toDayNumber(d)), d);
      }
    });

    it('round-trips every day of 2015-2017', () => {
      for (let z = toDayNumber('2015-01-01'); z <= toDayNumber('2017-12-31'); z++) {
        assert.equal(toDayNumber(fromDayNumber(z)), z);
      }
    });

    it('knows the weekday (0 = Sunday)', () => {
      assert.equal(weekdayOf('2016-12-25'), 0);
      assert.equal(weekdayOf('2016-12-24'), 6);
      assert.equal(weekdayOf('2016-10-04'), 2);
    });
  });

  describe('validation', () => {
    for (const bad of [
      '2016-02-30',
      '2015-02-29',
      '2016-13-01',
      '2016-00-10',
      '2016-1-01',
      '16-01-01',
      '2016/01/01',
      '2016-01-01T00:00:00Z',
      '',
      'garbage',
      '0999-01-01',
    ]) {
      it(`rejects ${JSON.stringify(bad)} with invalid-input`, () => {
        assert.equal(isIsoDate(bad), false);
        assert.throws(
          () => addDays(bad, 1),
          (e) => isAppError(e, 'invalid-input') && e.message.includes(JSON.stringify(bad)),
        );
        assert.throws(
          () => wales.addWorkingDays(bad, 1),
          (e) => isAppError(e, 'invalid-input'),
        );
      });
    }
    it('accepts 29 Feb in a leap year', () => assert.equal(isIsoDate('2016-02-29'), true));
    it('rejects a fractional count', () =>
      assert.throws(
        () => addDays('2016-01-01', 1.5),
        (e) => isAppError(e, 'invalid-input'),
      ));
  });

  describe('addDays / diffDays', () => {
    const rows: [string, number, string][] = [
      ['2016-03-01', 28, '2016-03-29'],
      ['2016-02-01', 28, '2016-02-29'],
      ['2016-12-31', 1, '2017-01-01'],
      ['2016-03-01', -1, '2016-02-29'],
      ['2016-01-01', 0, '2016-01-01'],
    ];
    for (const [d, n, want] of rows) {
      it(`${d} + ${n} days = ${want}`, () => {
        assert.equal(addDays(d, n), want);
        assert.equal(diffDays(want, d), n);
      });
    }
  });

  describe('addMonths (same day, clamped to month end)', () => {
    const rows: [string, number, string][] = [
      ['2016-08-31', 6, '2017-02-28'],
      ['2015-08-31', 6, '2016-02-29'],
      ['2016-02-29', 12, '2017-02-28'],
      ['2016-02-29', 3, '2016-05-29'],
      ['2016-01-31', 1, '2016-02-29'],
      ['2016-03-31', 3, '2016-06-30'],
      ['2015-11-30', 3, '2016-02-29'],
      ['2016-10-31', 3, '2017-01-31'],
      ['2016-12-15', 1, '2017-01-15'],
      ['2016-03-31', -1, '2016-02-29'],
      ['2016-06-24', -6, '2015-12-24'],
    ];
    for (const [d, n, want] of rows) it(`${d} + ${n} months = ${want}`, () => assert.equal(addMonths(d, n), want));
  });

  describe('bank holidays (date-holidays, public only, by local date)', () => {
    it('2016 England and Wales table', () => {
      assert.deepEqual(wales.nonWorkingDays(2016), [
        '2016-01-01',
        '2016-03-25',
        '2016-03-28',
        '2016-05-02',
        '2016-05-30',
        '2016-08-29',
        '2016-12-25',
        '2016-12-26',
        '2016-12-27',
      ]);
    });
    it('2026 includes Boxing Day substitute 28 Dec', () => {
      const eng = createCalendar({ region: 'GB-ENG', closureDays: [] });
      assert.deepEqual(eng.nonWorkingDays(2026), [
        '2026-01-01',
        '2026-04-03',
        '2026-04-06',
        '2026-05-04',
        '2026-05-25',
        '2026-08-31',
        '2026-12-25',
        '2026-12-26',
        '2026-12-28',
      ]);
    });
    it('summer bank holiday is not shifted by BST (start is a UTC instant)', () => {
      assert.equal(wales.isWorkingDay('2016-08-29'), false);
      assert.equal(wales.isWorkingDay('2016-08-28'), false); // Sunday
      assert.equal(wales.isWorkingDay('2016-08-26'), true);
      assert.equal(wales.isWorkingDay('2016-03-27'), false); // Easter Sunday (weekend; observance not counted)
      assert.equal(wales.isWorkingDay('2016-03-06'), false); // Mother's Day is a Sunday anyway
    });
    it('rejects an unknown region with a config error', () => {
      assert.throws(
        () => createCalendar({ region: 'GB-XXX', closureDays: [] }),
        (e) => isAppError(e, 'config') && /GB-XXX/.test(e.message),
      );
      assert.throws(
        () => createCalendar({ region: 'ZZ', closureDays: [] }),
        (e) => isAppError(e, 'config'),
      );
    });
  });

  describe('addWorkingDays ("within N working days of D": D is day 0)', () => {
    const rows: [string, string, number, string][] = [
      ['Tue 1 Mar 2016, Easter in the period', '2016-03-01', 20, '2016-03-31'],
      ['Thu 24 Mar 2016, day before Good Friday', '2016-03-24', 20, '2016-04-25'],
      ['Sat 26 Mar 2016, Easter weekend start', '2016-03-26', 20, '2016-04-25'],
      ['Fri 23 Dec 2016, Christmas 25 (Sun), 26, 27 (substitute), 2 Jan substitute', '2016-12-23', 20, '2017-01-25'],
      ['Sat 24 Dec 2016, weekend start over Christmas', '2016-12-24', 20, '2017-01-25'],
      ['Sun 25 Dec 2016, a holiday start', '2016-12-25', 1, '2016-12-28'],
      ['Fri 23 Dec 2016, one working day', '2016-12-23', 1, '2016-12-28'],
      ['Mon 1 Aug 2016, August bank holiday', '2016-08-01', 20, '2016-08-30'],
      ['Tue 1 Nov 2016, no holidays', '2016-11-01', 20, '2016-11-29'],
      ['Sat 5 Nov 2016, weekend start is day 27', '2016-11-05', 20, '2016-12-02'],
      ['zero days is the day itself, even a Sunday', '2016-12-25', 0, '2016-12-25'],
      ['counting back over Easter', '2016-03-29', -1, '2016-03-24'],
      ['counting back 5 from Mon 4 Apr 2016', '2016-04-04', -5, '2016-03-24'],
    ];
    for (const [name, d, n, want] of rows) {
      it(`${name}: ${d} + ${n} = ${want}`, () => {
        assert.equal(wales.addWorkingDays(d, n), want);
        assert.equal(wales.workingDaysBetween(d, want), n);
      });
    }
    it('a due date on a weekend is possible for calendar limits but working-day limits land on working days', () => {
      assert.equal(wales.isWorkingDay(wales.addWorkingDays('2016-12-24', 20)), true);
    });
    it('counts closure days as non-working', () => {
      const withClosure = createCalendar({ region: 'GB-WLS', closureDays: ['2016-12-28', '2016-12-29', '2016-12-30'] });
      assert.equal(withClosure.isWorkingDay('2016-12-28'), false);
      assert.equal(withClosure.addWorkingDays('2016-12-23', 1), '2017-01-03');
      assert.ok(withClosure.nonWorkingDays(2016).includes('2016-12-29'));
    });
    it('rejects an invalid closure day', () => {
      assert.throws(
        () => createCalendar({ region: 'GB-WLS', closureDays: ['2016-12-32'] }),
        (e) => isAppError(e, 'invalid-input'),
      );
    });
  });

  describe('workingDaysBetween', () => {
    it('counts days after `from` up to and including `to`, negative backwards', () => {
      assert.equal(wales.workingDaysBetween('2016-12-23', '2016-12-30'), 3);
      assert.equal(wales.workingDaysBetween('2016-12-30', '2016-12-23'), -3);
      assert.equal(wales.workingDaysBetween('2016-12-23', '2016-12-23'), 0);
    });
  });

  describe('todayIn (Europe/London)', () => {
    const rows: [string, string][] = [
      ['2016-06-30T23:30:00Z', '2016-07-01'], // BST: already 00:30 on 1 July
      ['2016-12-31T23:30:00Z', '2016-12-31'], // GMT
      ['2016-03-27T00:30:00Z', '2016-03-27'],
      ['2016-10-29T23:00:00Z', '2016-10-30'],
    ];
    for (const [instant, want] of rows)
      it(`${instant} → ${want}`, () => assert.equal(todayIn(new Date(instant)), want));
    it('takes another zone', () =>
      assert.equal(todayIn(new Date('2016-07-01T02:00:00Z'), 'America/New_York'), '2016-06-30'));
    it('rejects an invalid Date', () =>
      assert.throws(
        () => todayIn(new Date('nope')),
        (e) => isAppError(e, 'invalid-input'),
      ));
  });

  describe('dates-format', () => {
    it('formats dates and months', () => {
      assert.equal(formatDate('2016-10-04'), 'Tue 4 Oct 2016');
      assert.equal(formatDateShort('2016-03-01'), '1 Mar 2016');
      assert.equal(formatMonth('2016-08'), 'Aug 2016');
      assert.equal(formatMonth('2016-08-17', 'long'), 'August 2016');
    });
    it('rejects garbage', () =>
      assert.throws(
        () => formatDate('2016-02-30'),
        (e) => isAppError(e, 'invalid-input'),
      ));
  });
});
