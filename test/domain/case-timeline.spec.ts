import assert from 'node:assert/strict';
import { caseTimeline, type TimelineHistoryEntry } from '../../src/domain/case-timeline.js';

// The child's timeline (issue 14; docs/DOMAIN.md "The child's timeline"): who recorded each event and when,
// followed through corrections; withdrawals and corrections keep the old date and the reason; allocations
// and reviews held; newest first, dated in the council's day.
const at = (iso: string) => new Date(iso);
const by = (id: string, name: string) => ({ id, name });

describe('caseTimeline', () => {
  const history: TimelineHistoryEntry[] = [
    { at: at('2026-06-01T09:00:00Z'), by: by('bs-1', 'Sian Howells'), action: 'child.created' },
    {
      at: at('2026-06-02T09:00:00Z'),
      by: by('tm-1', 'Catrin Morgan'),
      action: 'allocate',
      before: { iroId: '' },
      after: { iroId: 'iro-1' },
    },
    {
      at: at('2026-12-17T10:00:00Z'),
      by: by('sw-1', 'Dafydd Thomas'),
      action: 'event.notified',
      after: { type: 'unplanned-placement-change', date: '2026-12-17' },
    },
    {
      at: at('2026-12-18T10:00:00Z'),
      by: by('bs-1', 'Sian Howells'),
      action: 'event.corrected',
      before: { index: 1, type: 'unplanned-placement-change', date: '2026-12-17' },
      after: { date: '2026-12-10', reason: 'the move was on the 10th' },
    },
    {
      at: at('2026-12-18T23:30:00Z'), // GMT in December: still the 18th in London
      by: by('tm-1', 'Catrin Morgan'),
      action: 'reallocate',
      before: { iroId: 'iro-1' },
      after: { iroId: 'iro-2', reason: 'Caseload balancing' },
    },
    {
      at: at('2026-12-19T08:00:00Z'),
      by: by('sw-1', 'Dafydd Thomas'),
      action: 'event.withdrawn',
      before: { index: 2, type: 'placed-for-adoption', date: '2026-12-01' },
      after: { reason: 'recorded on the wrong child' },
    },
    { at: at('2026-12-19T08:00:00Z'), by: by('x', 'X'), action: 'booking.booked' },
  ];
  const child = {
    events: [
      { type: 'became-looked-after' as const, date: '2026-06-01', source: 'import' as const },
      { type: 'unplanned-placement-change' as const, date: '2026-12-10', source: 'bot' as const },
    ],
    reviews: [{ heldOn: '2026-09-20' }, { heldOn: '2026-06-25' }],
    history,
  };

  it('lists every entry newest first, with who and when; other history is left out', () => {
    const t = caseTimeline(child, 'Europe/London');
    assert.deepEqual(
      t.map((e) => [e.kind, e.on, e.recordedBy]),
      [
        ['withdrawn', '2026-12-19', 'Dafydd Thomas'],
        ['reallocated', '2026-12-18', 'Catrin Morgan'], // the same day: the later record first
        ['corrected', '2026-12-18', 'Sian Howells'],
        ['event', '2026-12-10', 'Dafydd Thomas'],
        ['review', '2026-09-20', null],
        ['review', '2026-06-25', null],
        ['allocated', '2026-06-02', 'Catrin Morgan'],
        ['created', '2026-06-01', 'Sian Howells'],
        ['event', '2026-06-01', null], // an imported event carries no time of its own: after the day's records
      ],
    );
  });

  it('follows a corrected event back to who notified it; keeps the old date and reason of corrections and withdrawals', () => {
    const t = caseTimeline(child, 'Europe/London');
    const move = t.find((e) => e.kind === 'event' && e.type === 'unplanned-placement-change');
    assert.deepEqual(move && [move.recordedBy, move.recordedAt], ['Dafydd Thomas', at('2026-12-17T10:00:00Z')]);
    const corrected = t.find((e) => e.kind === 'corrected');
    assert.ok(corrected?.kind === 'corrected');
    assert.deepEqual([corrected.was, corrected.reason], ['2026-12-17', 'the move was on the 10th']);
    const withdrawn = t.find((e) => e.kind === 'withdrawn');
    assert.ok(withdrawn?.kind === 'withdrawn');
    assert.deepEqual([withdrawn.type, withdrawn.was], ['placed-for-adoption', '2026-12-01']);
    const moved = t.find((e) => e.kind === 'reallocated');
    assert.ok(moved?.kind === 'reallocated');
    assert.deepEqual([moved.fromId, moved.toId, moved.reason], ['iro-1', 'iro-2', 'Caseload balancing']);
    const first = t.find((e) => e.kind === 'review' && e.on === '2026-06-25');
    assert.ok(first?.kind === 'review' && first.sequence === 1, 'reviews numbered in date order');
  });

  it('dates a change by the council day it was made on (BST: 23:30 UTC is the next day in London)', () => {
    const t = caseTimeline(
      {
        events: [],
        reviews: [],
        history: [
          {
            at: at('2026-07-01T23:30:00Z'),
            by: by('tm-1', 'Catrin Morgan'),
            action: 'reallocate',
            before: { iroId: 'iro-1' },
            after: { iroId: 'iro-2' },
          },
        ],
      },
      'Europe/London',
    );
    assert.equal(t[0]!.on, '2026-07-02');
  });
});
