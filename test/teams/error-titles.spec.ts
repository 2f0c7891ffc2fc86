import { strict as assert } from 'node:assert';
import { AppError } from '../../src/domain/errors.js';
import { errorNotice } from '../../src/teams/error-replies.js';
import { checkStart } from '../../src/domain/booking-rules.js';
import { IroDiary } from '../../src/domain/slots.js';
import { createCalendar } from '../../src/domain/calendar.js';

// "I couldn't follow that" is only for what could not be parsed (issue 11): input that was understood
// but breaks a rule (a clash, a weekend, a holiday, a decline without a comment) gets its own words.
describe('error titles', () => {
  it('unparsed input: "I couldn\'t follow that"', () => {
    assert.equal(
      errorNotice(new AppError('invalid-input', 'I can\'t read "x" as a window'), 'r').title,
      "I couldn't follow that",
    );
  });

  it('each rule broken has its own title, never "I couldn\'t follow that"', () => {
    const calendar = createCalendar({ region: 'GB-WLS', closureDays: [] });
    const rules = {
      now: new Date('2026-11-25T09:00:00Z'),
      tzName: 'Europe/London',
      calendar,
      maxPerDay: 1,
      dueBy: '2026-12-31',
      diary: new IroDiary(['2026-11-26T10:00:00Z'], 'Europe/London'),
    };
    const titleOf = (date: string, time: string) => {
      try {
        checkStart({ date, time }, rules, '/book C1');
      } catch (err) {
        return errorNotice(err, 'r').title;
      }
      return 'accepted';
    };
    assert.equal(titleOf('2026-11-26', '10:00'), 'That time is taken');
    assert.equal(titleOf('2026-11-26', '14:00'), 'That day is full');
    assert.equal(titleOf('2026-11-28', '10:00'), 'Not a working day');
    assert.equal(titleOf('2026-12-25', '10:00'), 'Not a working day');
    assert.equal(titleOf('2026-11-24', '10:00'), 'That time has passed');
    assert.equal(titleOf('2026-11-27', '10:00'), 'accepted');
    assert.equal(
      errorNotice(new AppError('invalid-input', 'say why', { problem: 'comment-required' }), 'r').title,
      'A comment is needed',
    );
  });
});
