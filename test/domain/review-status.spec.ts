import assert from 'node:assert/strict';
import { parseDueWindow } from '../../src/domain/due-window.js';
import { dueListing, upcomingBooking, type ReviewStatus } from '../../src/domain/review-status.js';
import { recordActions, reviewActions, sortActions } from '../../src/domain/actions.js';
import { createCalendar } from '../../src/domain/calendar.js';
import type { Child } from '../../src/domain/types.js';

const TODAY = '2026-11-25'; // Wednesday
const child = (ref: string, extra: Partial<Child> = {}): Child => ({
  ref,
  track: 'cla',
  iroId: 'iro-1',
  events: [],
  reviews: [],
  bookings: [],
  ...extra,
});
const status = (ref: string, dueBy: string, booked = false): ReviewStatus => ({
  child: child(ref),
  next: { sequence: 2, dueBy, rule: 'W39.3', explanation: '' },
  booking: booked ? { id: `${ref}-B`, start: `${dueBy}T10:00:00Z` } : null,
});

describe('dueListing', () => {
  const all = [
    status('A', '2026-11-20'),
    status('B', '2026-11-23'),
    status('C', '2026-11-25'),
    status('D', '2026-11-29'),
    status('E', '2026-11-30'),
    status('F', '2026-10-01'),
  ];
  const refs = (xs: ReviewStatus[]) => xs.map((s) => s.child.ref);

  it('this week: overdue first (oldest first), then due from today to Sunday', () => {
    const l = dueListing(all, parseDueWindow('this week', TODAY), TODAY);
    assert.deepEqual(refs(l.overdue), ['F', 'A', 'B']);
    assert.deepEqual(refs(l.due), ['C', 'D']);
  });
  it('next week lists next week and still shows overdue', () => {
    const l = dueListing(all, parseDueWindow('next week', TODAY), TODAY);
    assert.deepEqual(refs(l.overdue), ['F', 'A', 'B']);
    assert.deepEqual(refs(l.due), ['E']);
  });
  it('overdue lists only overdue', () => {
    const l = dueListing(all, parseDueWindow('overdue', TODAY), TODAY);
    assert.deepEqual(refs(l.overdue), ['F', 'A', 'B']);
    assert.deepEqual(l.due, []);
  });
  it('an explicit range lists every next review due in it, with no separate overdue section', () => {
    const l = dueListing(all, parseDueWindow('2026-11-20 to 2026-11-25', TODAY), TODAY);
    assert.deepEqual(l.overdue, []);
    assert.deepEqual(refs(l.due), ['A', 'B', 'C']);
  });
});

describe('upcomingBooking', () => {
  it('is the earliest live booking after the last held review', () => {
    const c = child('X', {
      reviews: [{ id: 'R1', heldOn: '2026-06-01' }],
      bookings: [
        { id: 'old', start: '2026-05-30T10:00:00+01:00' },
        { id: 'cancelled', start: '2026-11-20T10:00:00Z', status: 'cancelled' },
        { id: 'later', start: '2026-12-02T10:00:00Z' },
        { id: 'next', start: '2026-11-27T14:00:00Z' },
      ],
    });
    assert.equal(upcomingBooking(c)?.id, 'next');
    assert.equal(upcomingBooking(child('Y')), null);
  });
});

describe('actions', () => {
  const calendar = createCalendar({ region: 'GB-WLS', closureDays: [] });
  it('overdue reviews, unbooked reviews due within N working days, and undistributed records, oldest first', () => {
    const items = sortActions([
      ...reviewActions(
        [
          status('A', '2026-11-20'),
          status('B', '2026-12-01'),
          status('C', '2026-12-01', true),
          status('D', '2027-03-01'),
        ],
        { today: TODAY, calendar, dueSoonWorkingDays: 20 },
      ),
      ...recordActions(
        [
          child('R', {
            reviews: [
              { id: 'R-1', heldOn: '2026-11-01' },
              { id: 'R-2', heldOn: '2026-05-01', recordDistributedOn: '2026-05-05' },
            ],
          }),
        ],
        TODAY,
      ),
    ]);
    assert.deepEqual(
      items.map((i) => [i.kind, i.childRef, i.deadline, i.overdue]),
      [
        ['distribute-record', 'R', '2026-11-15', true],
        ['overdue-review', 'A', '2026-11-20', true],
        ['book-review', 'B', '2026-12-01', false],
      ],
    );
  });
});
