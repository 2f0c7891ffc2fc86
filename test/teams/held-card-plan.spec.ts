import assert from 'node:assert/strict';
import type { PlanAction } from '../../src/domain/plan-tracking.js';
import type { ChildDoc, ReviewDoc } from '../../src/store/documents.js';
import { reviewHeldCardData } from '../../src/teams/cards/review-held.js';
import { translator } from '../../src/teams/i18n/translate.js';

// PT6, PT7 on the held card: the review shows what it took up from the plan between reviews — the outstanding
// actions of earlier reviews and the alerts raised since the review before — not its own new actions.
const stamp = (on: string) => ({ by: 'sw-1', byName: 'Dafydd Thomas', at: `${on}T10:00:00Z`, on });
const action = (id: string, reviewId: string, status: PlanAction['status']): PlanAction => ({
  id,
  reviewId,
  text: id,
  owner: { kind: 'staff', staffId: 'sw-1' },
  targetDate: '2026-10-01',
  recorded: stamp('2026-06-01'),
  status,
  updates: [],
});
const r2 = { id: 'C1-2', sequence: 2, heldOn: '2026-06-01', dueBy: '2026-06-05', source: 'bot' } as ReviewDoc;
const r3 = {
  id: 'C1-3',
  sequence: 3,
  heldOn: '2026-11-20',
  dueBy: '2026-12-01',
  chairId: 'iro-1',
  source: 'bot',
} as ReviewDoc;
const child = {
  ref: 'C1',
  givenName: 'Dylan',
  familyName: 'Evans',
  iroId: 'iro-1',
  reviews: [r2, r3],
  plan: {
    decisions: [],
    midwayChecks: [],
    actions: [action('C1-2-A1', 'C1-2', 'open'), action('C1-2-A2', 'C1-2', 'done'), action('C1-3-A1', 'C1-3', 'open')],
    alerts: [
      { id: 'C1-AL1', text: 'old', raised: stamp('2026-05-01') },
      { id: 'C1-AL2', text: 'placement ending', raised: stamp('2026-09-01') },
    ],
  },
} as unknown as ChildDoc;

describe('the held card shows what the review took up from the plan (PT6, PT7)', () => {
  const factsOf = (language: 'en' | 'cy') =>
    reviewHeldCardData(
      child,
      r3,
      false,
      'Review recorded',
      '',
      new Map([['iro-1', 'Alex Wilber']]),
      translator(language),
    ).facts;

  it('the earlier reviews’ outstanding actions (overdue as at the held date) and the alerts since the review before', () => {
    const facts = factsOf('en');
    assert.deepEqual(
      facts.filter((f) => /Plan actions|Alerts/.test(f.title)),
      [
        { title: 'Plan actions to review', value: '1 outstanding from earlier reviews (1 overdue): /plan C1' },
        { title: 'Alerts to the IRO', value: '1 alert since the last review: /plan C1' },
      ],
    );
  });

  it('in Welsh too', () => {
    assert.ok(factsOf('cy').some((f) => f.value === '1 rhybudd ers yr adolygiad diwethaf: /plan C1'));
  });

  it('nothing carried, nothing shown', () => {
    const bare = { ...child, plan: undefined } as unknown as ChildDoc;
    const facts = reviewHeldCardData(bare, r3, false, 'Review recorded', '', new Map()).facts;
    assert.equal(facts.filter((f) => /Plan actions|Alerts/.test(f.title)).length, 0);
  });
});
