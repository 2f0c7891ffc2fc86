import assert from 'node:assert/strict';
import { isAppError } from '../../src/domain/errors.js';
import {
  comparatorHalfYears,
  halfYearOf,
  parseReportPeriod,
  periodLabel,
  previousHalfYear,
  REPORT_PERIOD_EXAMPLE,
  type ReportPeriodKind,
} from '../../src/domain/report-period.js';

// The council reports by half-year: Apr–Sep and Oct–Mar (docs/DOMAIN.md "Compliance report").
describe('report periods', () => {
  describe('halfYearOf / previousHalfYear', () => {
    const cases: [string, string, string, string, string][] = [
      // date,        half-year from, to,           previous from, to
      ['2016-04-01', '2016-04-01', '2016-09-30', '2015-10-01', '2016-03-31'],
      ['2016-09-30', '2016-04-01', '2016-09-30', '2015-10-01', '2016-03-31'],
      ['2016-10-01', '2016-10-01', '2017-03-31', '2016-04-01', '2016-09-30'],
      ['2016-12-31', '2016-10-01', '2017-03-31', '2016-04-01', '2016-09-30'],
      ['2017-01-01', '2016-10-01', '2017-03-31', '2016-04-01', '2016-09-30'],
      ['2017-03-31', '2016-10-01', '2017-03-31', '2016-04-01', '2016-09-30'],
    ];
    for (const [date, from, to, pFrom, pTo] of cases) {
      it(`${date} is in ${from}..${to}; the one before is ${pFrom}..${pTo}`, () => {
        assert.deepEqual(halfYearOf(date), { from, to });
        assert.deepEqual(previousHalfYear(date), { from: pFrom, to: pTo });
      });
    }

    it('comparators are the two half-years before the one the period starts in', () => {
      assert.deepEqual(comparatorHalfYears({ from: '2016-04-01', to: '2016-09-30' }), [
        { from: '2015-10-01', to: '2016-03-31' },
        { from: '2015-04-01', to: '2015-09-30' },
      ]);
      assert.deepEqual(comparatorHalfYears({ from: '2016-11-15', to: '2017-02-10' }), [
        { from: '2016-04-01', to: '2016-09-30' },
        { from: '2015-10-01', to: '2016-03-31' },
      ]);
    });
  });

  describe('parseReportPeriod', () => {
    const today = '2026-11-25';
    const ok: [string, string, string, ReportPeriodKind, string][] = [
      // input, from, to, kind, label
      ['', '2026-10-01', '2026-11-25', 'current-half-year', '1 Oct 2026 – 25 Nov 2026'],
      ['  this half-year ', '2026-10-01', '2026-11-25', 'current-half-year', '1 Oct 2026 – 25 Nov 2026'],
      ['last half-year', '2026-04-01', '2026-09-30', 'last-half-year', 'Apr 2026 – Sep 2026'],
      ['Last Half Year', '2026-04-01', '2026-09-30', 'last-half-year', 'Apr 2026 – Sep 2026'],
      ['previous half-year', '2026-04-01', '2026-09-30', 'last-half-year', 'Apr 2026 – Sep 2026'],
      ['2016-04 to 2016-09', '2016-04-01', '2016-09-30', 'range', 'Apr 2016 – Sep 2016'],
      ['Apr 2016 to Sep 2016', '2016-04-01', '2016-09-30', 'range', 'Apr 2016 – Sep 2016'],
      ['april 2016 TO september 2016', '2016-04-01', '2016-09-30', 'range', 'Apr 2016 – Sep 2016'],
      ['Sept 2016 to Feb 2017', '2016-09-01', '2017-02-28', 'range', 'Sep 2016 – Feb 2017'],
      ['Oct 2015 – Mar 2016', '2015-10-01', '2016-03-31', 'range', 'Oct 2015 – Mar 2016'],
      ['2016-04-01 to 2016-09-30', '2016-04-01', '2016-09-30', 'range', 'Apr 2016 – Sep 2016'],
      ['2016-04-15 to 2016-05-20', '2016-04-15', '2016-05-20', 'range', '15 Apr 2016 – 20 May 2016'],
      ['Apr 2016 to 2016-06-15', '2016-04-01', '2016-06-15', 'range', '1 Apr 2016 – 15 Jun 2016'],
      ['Feb 2016', '2016-02-01', '2016-02-29', 'range', 'Feb 2016'],
      ['2016-04 - 2017-03', '2016-04-01', '2017-03-31', 'range', 'Apr 2016 – Mar 2017'],
      // A range running past today is kept: reviews not yet due are reported apart.
      ['Oct 2026 to Mar 2027', '2026-10-01', '2027-03-31', 'range', 'Oct 2026 – Mar 2027'],
    ];
    for (const [input, from, to, kind, label] of ok) {
      it(`"${input}" → ${from}..${to} (${kind})`, () => {
        assert.deepEqual(parseReportPeriod(input, today), { from, to, kind, label });
      });
    }

    it('the default in the Apr–Sep half runs from 1 April to today', () => {
      assert.deepEqual(parseReportPeriod('', '2016-04-01'), {
        from: '2016-04-01',
        to: '2016-04-01',
        kind: 'current-half-year',
        label: '1 Apr 2016 – 1 Apr 2016',
      });
      assert.equal(parseReportPeriod('', '2017-03-31').from, '2016-10-01');
      assert.equal(parseReportPeriod('last half-year', '2017-01-10').from, '2016-04-01');
    });

    const bad: [string, RegExp][] = [
      ['fortnight', /can't read "fortnight" as a month or a date/],
      ['Apr 2016 to', /can't read/],
      ['Apr 2016 to Sep 2016 to Dec 2016', /two months or dates joined by "to"/],
      ['Foo 2016 to Sep 2016', /can't read "Foo 2016"/],
      ['2016-13 to 2016-14', /"2016-13" is not a real month/],
      ['2016-02-30 to 2016-03-31', /"2016-02-30" is not a real date/],
      ['Sep 2016 to Apr 2016', /ends \(30 Apr 2016\) before it starts \(1 Sep 2016\)/],
      ['Jan 2027 to Mar 2027', /starts after today \(25 Nov 2026\)/],
      ['Apr 2015 to Sep 2016', /at most 12 months; Apr 2015 – Sep 2016 is 18/],
    ];
    for (const [input, message] of bad) {
      it(`refuses "${input}" with an example`, () => {
        assert.throws(
          () => parseReportPeriod(input, today),
          (err: unknown) => {
            assert.ok(isAppError(err, 'invalid-input'), String(err));
            assert.match(err.message, message);
            assert.equal(err.details.example, REPORT_PERIOD_EXAMPLE);
            return true;
          },
        );
      });
    }
  });

  it('reads Welsh periods as their English twins (issue 13: /adroddiad)', () => {
    const today = '2026-12-02';
    const same: [string, string][] = [
      ['yr hanner blwyddyn ddiwethaf', 'last half-year'],
      ['hanner blwyddyn diwethaf', 'last half-year'],
      ['yr hanner blwyddyn hon', 'this half-year'],
      ['Ebrill 2026 i Medi 2026', 'Apr 2026 to Sep 2026'],
      ['Ebr 2026 tan Medi 2026', 'Apr 2026 to Sep 2026'],
      ['2026-04-01 i 2026-09-30', '2026-04-01 to 2026-09-30'],
      ['Hyd 2026', 'Oct 2026'],
      ['Rhagfyr 2025', 'Dec 2025'],
    ];
    for (const [welsh, english] of same)
      assert.deepEqual(parseReportPeriod(welsh, today), parseReportPeriod(english, today), welsh);
    assert.throws(
      () => parseReportPeriod('Ebrill 2026 i', today),
      (e: unknown) => isAppError(e),
    );
  });

  it('labels whole months by month and anything else by date', () => {
    assert.equal(periodLabel({ from: '2016-04-01', to: '2016-09-30' }), 'Apr 2016 – Sep 2016');
    assert.equal(periodLabel({ from: '2016-04-01', to: '2016-09-29' }), '1 Apr 2016 – 29 Sep 2016');
  });
});
