import assert from 'node:assert/strict';
import { isAppError } from '../../src/domain/errors.js';
import {
  applyAnswers,
  isChecklistComplete,
  openItems,
  PARTICIPATION_ITEMS,
  participationFigures,
  participationReminder,
  type ParticipationChecklist,
} from '../../src/domain/participation.js';

// docs/DOMAIN.md "Participation": PC1 (the items), PC2 (answers: done, not applicable with a reason, not
// done), PC3 (the reminder window), PC4 (completion over the reviews held in a period).
const ALL_DONE: ParticipationChecklist = Object.fromEntries(
  PARTICIPATION_ITEMS.map((i) => [i, { status: 'done' as const, by: 'iro-1', on: '2026-11-20' }]),
);

describe('participation checklist (PC1–PC4)', () => {
  it('PC1: the seven items from the sources, in order', () => {
    assert.deepEqual(PARTICIPATION_ITEMS, [
      'child-consulted',
      'child-consultation-document',
      'carer-consultation-document',
      'parent-consultation-document',
      'advocacy-offered',
      'language-communication',
      'preferred-venue',
    ]);
  });

  it('PC2: complete only when every item is done or not applicable; "not done" and unanswered stay open', () => {
    assert.equal(isChecklistComplete(ALL_DONE), true);
    assert.equal(isChecklistComplete({}), false);
    assert.equal(isChecklistComplete(null), false);
    const oneNotDone = {
      ...ALL_DONE,
      'advocacy-offered': { status: 'not-done' as const, by: 'iro-1', on: '2026-11-20' },
    };
    assert.equal(isChecklistComplete(oneNotDone), false);
    assert.deepEqual(openItems(oneNotDone), ['advocacy-offered']);
    const na = {
      ...ALL_DONE,
      'parent-consultation-document': {
        status: 'not-applicable' as const,
        reason: 'Parents deceased',
        by: 'iro-1',
        on: '2026-11-20',
      },
    };
    assert.equal(isChecklistComplete(na), true);
  });

  it('PC2: answers are checked; "not applicable" needs a reason; a bad answer refuses the whole set', () => {
    const refused = (answers: { item: unknown; status: unknown; reason?: unknown }[], pattern: RegExp) =>
      assert.throws(
        () => applyAnswers({}, answers, 'iro-1', '2026-11-25'),
        (e: unknown) => isAppError(e, 'invalid-input') && pattern.test(e.message),
      );
    refused([{ item: 'advocacy-offered', status: 'not-applicable' }], /needs a reason/);
    refused([{ item: 'advocacy-offered', status: 'not-applicable', reason: '   ' }], /needs a reason/);
    refused([{ item: 'child-consulted', status: 'maybe' }], /choose done, not applicable or not done/);
    refused([{ item: 'toString', status: 'done' }], /not one I know/);
    refused([{ item: 'child-consulted', status: 'not-done', reason: 'x'.repeat(501) }], /longer than 500/);
  });

  it('PC2: applied answers record who and when; unanswered items are left alone; repeating an answer is no change', () => {
    const first = applyAnswers(
      null,
      [
        { item: 'child-consulted', status: 'done', reason: 'ignored for done' },
        { item: 'advocacy-offered', status: 'not-applicable', reason: ' Has an advocate ' },
        { item: 'preferred-venue', status: '' },
      ],
      'iro-1',
      '2026-11-25',
    );
    assert.deepEqual(first.changed, ['child-consulted', 'advocacy-offered']);
    assert.deepEqual(first.checklist, {
      'child-consulted': { status: 'done', reason: null, by: 'iro-1', on: '2026-11-25' },
      'advocacy-offered': { status: 'not-applicable', reason: 'Has an advocate', by: 'iro-1', on: '2026-11-25' },
    });
    const again = applyAnswers(first.checklist, [{ item: 'child-consulted', status: 'done' }], 'iro-1', '2026-11-26');
    assert.deepEqual(again.changed, []);
    assert.equal(again.checklist['child-consulted']!.on, '2026-11-25');
  });

  it('PC3: reminded from 7 days before the review until the day before, while open; the key names booking and date', () => {
    const at = (today: string, list: ParticipationChecklist | null = null) =>
      participationReminder('C1', 'C1-B1', '2026-12-09', list, today);
    assert.equal(at('2026-12-01'), null);
    assert.deepEqual(at('2026-12-02'), { key: 'participation:C1:C1-B1:2026-12-09', open: 7 });
    assert.deepEqual(at('2026-12-08'), { key: 'participation:C1:C1-B1:2026-12-09', open: 7 });
    assert.equal(at('2026-12-09'), null);
    assert.equal(at('2026-12-05', ALL_DONE), null);
    assert.equal(participationReminder('C1', 'C1-B1', '2026-12-09', null, '2026-12-06', 2), null);
  });

  it('PC4: completion over the reviews held in the period (by held date); reviews without a checklist count as not recorded', () => {
    const figures = participationFigures(
      [
        { heldOn: '2026-09-30', participation: ALL_DONE },
        { heldOn: '2026-10-01', participation: ALL_DONE },
        {
          heldOn: '2026-10-15',
          participation: { 'child-consulted': { status: 'not-done', by: 'iro-1', on: '2026-10-10' } },
        },
        { heldOn: '2026-11-30' },
        { heldOn: '2026-12-01', participation: ALL_DONE },
      ],
      { from: '2026-10-01', to: '2026-11-30' },
    );
    assert.equal(figures.held, 3);
    assert.equal(figures.recorded, 2);
    assert.equal(figures.complete, 1);
    assert.equal(figures.completePercent, '33.33');
    assert.deepEqual(figures.items[0], {
      item: 'child-consulted',
      done: 1,
      notApplicable: 0,
      notDone: 1,
      notRecorded: 1,
    });
    assert.deepEqual(figures.items[4], {
      item: 'advocacy-offered',
      done: 1,
      notApplicable: 0,
      notDone: 0,
      notRecorded: 2,
    });
  });
});
