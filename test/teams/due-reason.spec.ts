// Issue 13: the due date's explanation written from the engine's reason (presenters/due-reason.ts) says in
// English word for word what the engine says, for every kind of reason, and says it in Welsh too.
import assert from 'node:assert/strict';
import { createCalendar } from '../../src/domain/calendar.js';
import { getPolicy, POLICY_IDS } from '../../src/domain/policies.js';
import { nextReview, type NextReview } from '../../src/domain/timescales.js';
import type { ChildHistory } from '../../src/domain/types.js';
import { translator } from '../../src/teams/i18n/translate.js';
import { dueReasonText, explanationFor } from '../../src/teams/presenters/due-reason.js';
import { syntheticChildDocs } from '../../tools/synthetic-data.js';
import { adp, child, cla, fwd, ifst, la, sb, upc } from '../domain/timescale-fixtures.js';

const calendar = createCalendar({ region: 'GB-WLS', closureDays: [] });
const laMar = la('2016-03-01');
const twoReviews = ['2016-03-24', '2016-06-20'];

/** Every kind of reason the engine gives: the first, second and later reviews of each cycle, IFST, brought forward. */
const HAND_MADE: ChildHistory[] = [
  cla([laMar]),
  cla([laMar], ['2016-03-24']),
  cla([laMar], twoReviews),
  cla([laMar, upc('2016-08-01')], twoReviews),
  cla([laMar, upc('2016-08-01')], [...twoReviews, '2016-08-20']),
  cla([laMar, adp('2016-07-15')], [...twoReviews, '2016-08-05']),
  child('short-breaks', [sb('2016-01-10')]),
  child('short-breaks', [sb('2016-01-10')], ['2016-04-05']),
  child('ifst', [ifst('2016-02-01')]),
  child('ifst', [ifst('2016-02-01')], ['2016-03-01']),
  child('ifst', [ifst('2016-02-01')], ['2016-03-01', '2016-05-01']),
  cla([laMar, fwd('2016-07-01', '2016-07-20', 'plan-change')], twoReviews),
  cla([laMar, fwd('2016-07-01', '2016-07-20', 'ifst-referral')], twoReviews),
];

describe('the due date’s reason in the reader’s language (issue 13)', () => {
  const english = translator('en');
  const welsh = translator('cy');
  const answers: NextReview[] = [];
  for (const id of POLICY_IDS) {
    const policy = getPolicy(id);
    const children = [...HAND_MADE, ...syntheticChildDocs(400, { today: '2026-11-25', iroCount: 10, seed: 13 })];
    for (const c of children) {
      try {
        const next = nextReview(c, policy, calendar);
        if (next) answers.push(next);
      } catch {
        // a synthetic history the engine refuses has no reason to write
      }
    }
  }

  it('writes in English exactly the engine’s explanation, for every kind of reason', () => {
    const kinds = new Set<string>();
    for (const next of answers) {
      kinds.add(next.reason.k);
      assert.equal(dueReasonText(next.reason, english), next.explanation, JSON.stringify(next.reason));
    }
    for (const k of ['start', 'second', 'later', 'ifst-second', 'ifst-final', 'fwd']) assert.ok(kinds.has(k), k);
  });

  it('writes it in Welsh, with Welsh dates', () => {
    const later = answers.find((n) => n.reason.k === 'later')!;
    assert.match(
      dueReasonText(later.reason, welsh),
      /^\d+ (mis|diwrnod)( gwaith)? ar ôl yr adolygiad a gynhaliwyd ar \d+ \p{L}+ \d{4}$/u,
    );
    for (const next of answers) assert.notEqual(dueReasonText(next.reason, welsh), next.explanation);
  });

  it('shows a stored sentence as it is when no reason was kept with it', () => {
    assert.equal(explanationFor({ explanation: 'as stored' }, welsh), 'as stored');
  });
});
