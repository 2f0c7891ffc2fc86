import assert from 'node:assert/strict';
import { createCalendar } from '../../src/domain/calendar.js';
import { isAppError } from '../../src/domain/errors.js';
import { getPolicy } from '../../src/domain/policies.js';
import { validateHistory } from '../../src/domain/review-history.js';
import { nextReview, reviewHistory } from '../../src/domain/timescales.js';
import type { ChildHistory } from '../../src/domain/types.js';
import { adp, ceased, child, cla, ev, fwd, ifst, la, sb, upc } from './timescale-fixtures.js';
import { CATALOGUES, isMessageKey, translator } from '../../src/teams/i18n/translate.js';
import { spoken } from '../../src/teams/error-replies.js';

const cal = createCalendar({ region: 'GB-WLS', closureDays: [] });
const wales = getPolicy('wales');

const bad: [string, ChildHistory, RegExp][] = [
  [
    'review before the child first became looked after',
    cla([la('2016-03-01')], ['2016-02-01'], 'C9'),
    /^child C9: review C9-R1 held on 2016-02-01, before the child became looked after$/,
  ],
  [
    'review with no events at all',
    cla([], ['2016-02-01']),
    /review C1-R1 held on 2016-02-01, before the child became looked after/,
  ],
  [
    'review before short breaks started',
    child('short-breaks', [sb('2016-03-01')], ['2016-02-01']),
    /held on 2016-02-01, before short breaks started$/,
  ],
  [
    'review before the IFST intensive phase started',
    child('ifst', [ifst('2016-03-01')], ['2016-02-01']),
    /held on 2016-02-01, before the IFST intensive phase started$/,
  ],
  [
    'review between episodes',
    cla([la('2016-03-01'), ceased('2016-05-01'), la('2016-07-01')], ['2016-03-20', '2016-06-01']),
    /review C1-R2 held on 2016-06-01 while not looked after \(ended on 2016-05-01\)/,
  ],
  [
    'a fourth IFST review',
    child('ifst', [ifst('2016-02-01')], ['2016-02-25', '2016-05-20', '2016-07-28', '2016-09-01']),
    /review C1-R4 held on 2016-09-01, after the IFST plan's final review \(held on 2016-07-28\)/,
  ],
  [
    'unknown event type',
    cla([la('2016-03-01'), { type: 'moved-house', date: '2016-04-01' } as never]),
    /event 2 has unknown type "moved-house"/,
  ],
  [
    'event of another track',
    cla([la('2016-03-01'), sb('2016-04-01')]),
    /event short-breaks-started on 2016-04-01 does not apply to the cla track/,
  ],
  [
    'bring-forward without dueBy',
    cla([la('2016-03-01'), ev('review-brought-forward', '2016-03-05', { reason: 'safety' })]),
    /review-brought-forward on 2016-03-05 has no dueBy/,
  ],
  [
    'bring-forward without reason',
    cla([la('2016-03-01'), ev('review-brought-forward', '2016-03-05', { dueBy: '2016-03-10' })]),
    /review-brought-forward on 2016-03-05 has no reason/,
  ],
  [
    'bring-forward with an unknown reason',
    cla([la('2016-03-01'), fwd('2016-03-05', '2016-03-10', 'boredom' as never)]),
    /unknown reason "boredom"/,
  ],
  [
    'bring-forward due before it was set',
    cla([la('2016-03-01'), fwd('2016-03-05', '2016-03-04')]),
    /dueBy 2016-03-04 before the day it was set/,
  ],
  [
    'bring-forward when not looked after',
    cla([fwd('2016-03-05', '2016-03-10')]),
    /review-brought-forward on 2016-03-05 when the child was not looked after/,
  ],
  [
    'bring-forward after the IFST final',
    child('ifst', [ifst('2016-02-01'), fwd('2016-08-10', '2016-08-20')], ['2016-02-25', '2016-05-20', '2016-07-28']),
    /review-brought-forward on 2016-08-10 after the IFST plan's final review/,
  ],
  [
    'ceased when not looked after',
    cla([ceased('2016-03-01')]),
    /ceased-looked-after on 2016-03-01, but the child was not looked after then/,
  ],
  [
    'ceased twice',
    cla([la('2016-03-01'), ceased('2016-04-01'), ceased('2016-05-01')]),
    /ceased-looked-after on 2016-05-01/,
  ],
  [
    'became looked after twice without ceasing',
    cla([la('2016-03-01'), la('2016-05-01')]),
    /became-looked-after on 2016-05-01, but the child became looked after on 2016-03-01 with no ceased-looked-after since/,
  ],
  [
    'short breaks started twice',
    child('short-breaks', [sb('2016-03-01'), sb('2016-05-01')]),
    /short-breaks-started on 2016-05-01/,
  ],
  [
    'IFST started again while the plan is open',
    child('ifst', [ifst('2016-02-01'), ifst('2016-04-01')], ['2016-02-25']),
    /ifst-intensive-started on 2016-04-01/,
  ],
  [
    'unplanned placement change when not looked after',
    cla([la('2016-03-01'), ceased('2016-04-01'), upc('2016-05-01')]),
    /unplanned-placement-change on 2016-05-01 when the child was not looked after/,
  ],
  [
    'placed for adoption before becoming looked after',
    cla([adp('2016-02-01'), la('2016-03-01')]),
    /placed-for-adoption on 2016-02-01/,
  ],
  [
    'duplicate review ids',
    {
      ref: 'C1',
      track: 'cla',
      events: [la('2016-03-01')],
      reviews: [
        { id: 'R', heldOn: '2016-03-20' },
        { id: 'R', heldOn: '2016-06-01' },
      ],
    },
    /duplicate review id R/,
  ],
  [
    'review without id',
    { ref: 'C1', track: 'cla', events: [la('2016-03-01')], reviews: [{ heldOn: '2016-03-20' } as never] },
    /a review has no id/,
  ],
  ['invalid event date', cla([la('2016-02-30')]), /event became-looked-after has an invalid date "2016-02-30"/],
  ['invalid held date', cla([la('2016-03-01')], ['yesterday']), /review C1-R1 has an invalid heldOn "yesterday"/],
  [
    'invalid bring-forward dueBy',
    cla([la('2016-03-01'), fwd('2016-03-05', '2016-04-31')]),
    /invalid dueBy "2016-04-31"/,
  ],
  [
    'invalid stored dueBy',
    cla([la('2016-03-01')], [{ heldOn: '2016-03-20', dueBy: '31/03/2016' }]),
    /invalid stored dueBy "31\/03\/2016"/,
  ],
  [
    'unknown stored rule',
    cla([la('2016-03-01')], [{ heldOn: '2016-03-20', rule: 'W99' as never }]),
    /unknown stored rule "W99"/,
  ],
  [
    'unknown late reason',
    cla([la('2016-03-01')], [{ heldOn: '2016-03-20', lateReason: 'weather' as never }]),
    /unknown lateReason "weather"/,
  ],
  [
    'record distributed before the review',
    cla([la('2016-03-01')], [{ heldOn: '2016-03-20', recordDistributedOn: '2016-03-19' }]),
    /record distributed on 2016-03-19, before the review was held on 2016-03-20/,
  ],
  ['unknown track', { ref: 'C1', track: 'foster' as never, events: [], reviews: [] }, /unknown track "foster"/],
  ['missing ref', { ref: '', track: 'cla', events: [], reviews: [] }, /missing case reference/],
  ['events not a list', { ref: 'C1', track: 'cla', events: null as never, reviews: [] }, /events must be a list/],
  ['reviews not a list', { ref: 'C1', track: 'cla', events: [], reviews: {} as never }, /reviews must be a list/],
  [
    'event of unknown type',
    cla([la('2016-03-01'), ev('moved-house' as never, '2016-03-05')]),
    /event 2 has unknown type "moved-house"/,
  ],
  [
    'event of another track',
    child('short-breaks', [sb('2016-03-01'), upc('2016-04-01')]),
    /event unplanned-placement-change on 2016-04-01 does not apply to the short-breaks track/,
  ],
  [
    'bring-forward without dueBy',
    cla([la('2016-03-01'), ev('review-brought-forward', '2016-03-05', { reason: 'child-request' } as never)]),
    /review-brought-forward on 2016-03-05 has no dueBy/,
  ],
  [
    'invalid recordDistributedOn',
    cla([la('2016-03-01')], [{ heldOn: '2016-03-20', recordDistributedOn: 'soon' }]),
    /review C1-R1 has an invalid recordDistributedOn "soon"/,
  ],
  [
    'review after the IFST final',
    child('ifst', [ifst('2016-02-01')], ['2016-02-25', '2016-05-20', '2016-07-28', '2016-09-01']),
    /review C1-R4 held on 2016-09-01, after the IFST plan's final review \(held on 2016-07-28\)/,
  ],
  [
    'review while not looked after',
    cla([la('2016-03-01'), ceased('2016-04-01')], ['2016-05-01']),
    /review C1-R1 held on 2016-05-01 while not looked after \(ended on 2016-04-01\)/,
  ],
];

/** Every refusal keyed (issue 13): the English catalogue says the engine's message word for word. */
describe('validateHistory refusals in the catalogue', () => {
  const en = translator('en');
  const cy = translator('cy');
  const thrown = new Set<string>();
  for (const [name, c] of bad) {
    it(`keys: ${name}`, () => {
      assert.throws(
        () => validateHistory(c),
        (e) => {
          assert.ok(isAppError(e, 'invalid-history') && e.userMessage, String(e));
          const { key, params } = e.userMessage;
          assert.ok(isMessageKey(key), key);
          thrown.add(key);
          assert.equal(en(key, params), e.message);
          const welsh = cy(key, params);
          assert.notEqual(welsh, e.message);
          assert.match(welsh, /^plentyn /);
          return true;
        },
      );
    });
  }
  it('every errors.history key is thrown by one of the cases above', () => {
    const keys = Object.keys(CATALOGUES.en).filter((k) => k.startsWith('errors.history.'));
    assert.deepEqual(
      keys.filter((k) => !thrown.has(k)),
      [],
    );
  });
  it("a Welsh reader's refusal writes dates and event names in Welsh", () => {
    const said = (c: ChildHistory) => {
      try {
        validateHistory(c);
      } catch (e) {
        if (isAppError(e) && e.userMessage) return spoken(e.userMessage, cy);
      }
      return null;
    };
    assert.equal(
      said(cla([la('2016-03-01')], ['2016-02-01'], 'C9')),
      "plentyn C9: cynhaliwyd adolygiad C9-R1 ar Llun 1 Chwe 2016, cyn i'r plentyn ddechrau derbyn gofal",
    );
    const twice = said(cla([la('2016-03-01'), la('2016-05-01')]));
    assert.match(twice ?? '', /Sul 1 Mai 2016/);
    assert.doesNotMatch(twice ?? '', /became-looked-after/);
  });
});

describe('validateHistory', () => {
  for (const [name, c, message] of bad) {
    it(`rejects: ${name}`, () => {
      const isInvalid = (e: unknown): boolean => isAppError(e, 'invalid-history') && message.test(e.message);
      assert.throws(
        () => validateHistory(c),
        (e) => {
          assert.ok(isAppError(e, 'invalid-history'), String(e));
          assert.match(e.message, message);
          assert.match(e.message, /^child /);
          return true;
        },
      );
      assert.throws(() => nextReview(c, wales, cal), isInvalid);
      assert.throws(() => reviewHistory(c, wales, cal), isInvalid);
    });
  }

  it('names the child in the error details', () => {
    assert.throws(
      () => validateHistory(cla([la('2016-03-01')], ['2016-02-01'], 'C77')),
      (e) => isAppError(e, 'invalid-history') && e.details.ref === 'C77' && e.details.reviewId === 'C77-R1',
    );
  });

  const good: [string, ChildHistory][] = [
    ['a review on the day the child becomes looked after', cla([la('2016-03-01')], ['2016-03-01'])],
    ['a review on the day the child ceases', cla([la('2016-03-01'), ceased('2016-03-20')], ['2016-03-20'])],
    [
      'ceasing and returning on the same day',
      cla([la('2016-03-01'), ceased('2016-03-20'), la('2016-03-20')], ['2016-03-20']),
    ],
    [
      'closing an IFST case after its final review',
      child('ifst', [ifst('2016-02-01'), ceased('2016-08-01')], ['2016-02-25', '2016-05-20', '2016-07-28']),
    ],
    ['events listed out of order', cla([ceased('2016-09-01'), la('2016-03-01')], ['2016-03-20'])],
    ['a stored FWD rule', cla([la('2016-03-01')], [{ heldOn: '2016-03-20', rule: 'FWD', dueBy: '2016-03-21' }])],
  ];
  for (const [name, c] of good) it(`accepts: ${name}`, () => validateHistory(c));
});
