import assert from 'node:assert/strict';
import { participationActions } from '../../src/domain/actions.js';
import { canBook } from '../../src/domain/booking-rules.js';
import { coversToday, type Cover } from '../../src/domain/cover.js';
import { carriedInto, EMPTY_PLAN, type PlanAction, type PlanRecord } from '../../src/domain/plan-tracking.js';
import type { Stamp } from '../../src/domain/resolutions/records.js';
import { createCalendar } from '../../src/domain/calendar.js';
import { dueMessages } from '../../src/domain/reminders.js';
import type { ReviewStatus } from '../../src/domain/review-status.js';
import type { Child, Staff } from '../../src/domain/types.js';

// The pure rules behind issues 14 and 15's loose ends: who books a covered review (CV1), the /actions item of an
// open participation checklist (PC5), and what a review takes up from the plan (PT6, PT7).
const staff = (id: string, roles: Staff['roles']): Staff => ({ id, name: id, roles, team: 'reviewing' }) as Staff;
const alex = staff('iro-1', ['iro']);
const nia = staff('iro-3', ['iro']);
const cover: Cover = { iroId: 'iro-3', forIroId: 'iro-1', from: '2026-12-07', to: '2026-12-18' };
const child = { ref: 'C1', iroId: 'iro-1', socialWorkerId: 'sw-1', cover };

describe('CV1: the covering IRO books and chases the review while the cover is in force', () => {
  it('canBook: the covering IRO from the first day to the last, never before or after; the child’s IRO always', () => {
    assert.equal(canBook(nia, child, '2026-12-06'), false, 'not yet in force');
    assert.equal(canBook(nia, child, '2026-12-07'), true);
    assert.equal(canBook(nia, child, '2026-12-18'), true);
    assert.equal(canBook(nia, child, '2026-12-19'), false, 'over');
    assert.equal(canBook(nia, child), false, 'without today the cover is not considered');
    assert.equal(canBook(alex, child, '2026-12-10'), true);
    assert.equal(canBook(staff('sw-1', ['social-worker']), child, '2026-12-10'), false);
  });

  it('coversToday: the covering IRO only, only while in force', () => {
    assert.equal(coversToday(nia, child, '2026-12-10'), true);
    assert.equal(coversToday(nia, child, '2026-12-01'), false);
    assert.equal(coversToday(alex, child, '2026-12-10'), false);
    assert.equal(coversToday(staff('iro-3', ['social-worker']), child, '2026-12-10'), false, 'an IRO role is needed');
  });
});

describe('CV1: review reminders and the IRO digest follow the cover while it is in force', () => {
  const calendar = createCalendar({ region: 'GB-WLS', closureDays: [] });
  const covered = { ref: 'C1', track: 'cla', iroId: 'iro-1', events: [], reviews: [], bookings: [], cover } as Child & {
    cover: Cover;
  };
  const status: ReviewStatus<typeof covered> = {
    child: covered,
    next: { sequence: 3, dueBy: '2026-12-16', rule: 'W39.3', explanation: '' },
    booking: null,
  };
  const run = (today: string) =>
    dueMessages({
      statuses: [status],
      children: [covered],
      today,
      hour: 9,
      calendar,
      config: { reminderWorkingDays: 10, digestWeeks: 4 },
    });
  const to = (ms: ReturnType<typeof run>, kind: string) =>
    ms.filter((m) => m.kind === kind).map((m) => (m.to.kind === 'personal' ? m.to.staffId : m.to.purpose));

  it('in force: the reminder and the digest line go to the covering IRO; before it, to the child’s IRO', () => {
    const during = run('2026-12-07'); // Monday, the cover's first day
    assert.deepEqual(to(during, 'review-reminder'), ['iro-3']);
    const digests = during.filter((m) => m.kind === 'iro-digest');
    assert.deepEqual(
      digests.map((d) => [
        d.to.kind === 'personal' ? d.to.staffId : '',
        d.kind === 'iro-digest' ? d.digest.toBook.length : -1,
      ]),
      [
        ['iro-1', 0],
        ['iro-3', 1],
      ],
    );
    assert.deepEqual(to(run('2026-12-04'), 'review-reminder'), ['iro-1'], 'the Friday before');
  });
});

describe('PC5: an open participation checklist is an /actions item until the review day', () => {
  const booked = (bookedOn: string, checklist: Parameters<typeof participationActions>[0][number]['checklist']) => ({
    childRef: 'C1',
    bookingId: 'C1-B1',
    bookedOn,
    checklist,
  });
  const all = (status: 'done' | 'not-applicable') =>
    Object.fromEntries(
      [
        'child-consulted',
        'child-consultation-document',
        'carer-consultation-document',
        'parent-consultation-document',
        'advocacy-offered',
        'language-communication',
        'preferred-venue',
      ].map((i) => [i, { status, reason: 'n/a', by: 'iro-1', on: '2026-11-20' }]),
    );

  it('open items counted, due by the review day; none when complete or once the day has passed', () => {
    const [item] = participationActions([booked('2026-12-01', null)], '2026-11-25');
    assert.deepEqual(item, {
      kind: 'participation-checklist',
      childRef: 'C1',
      deadline: '2026-12-01',
      overdue: false,
      subject: 'C1-B1',
      openItems: 7,
    });
    assert.equal(participationActions([booked('2026-12-01', null)], '2026-12-01').length, 1, 'on the day');
    assert.equal(participationActions([booked('2026-12-01', null)], '2026-12-02').length, 0, 'after the day');
    assert.equal(participationActions([booked('2026-12-01', all('done'))], '2026-11-25').length, 0);
    assert.equal(participationActions([booked('2026-12-01', all('not-applicable'))], '2026-11-25').length, 0);
    const notDone = { ...all('done'), 'advocacy-offered': { status: 'not-done', by: 'iro-1', on: '2026-11-20' } };
    assert.equal(participationActions([booked('2026-12-01', notDone as never)], '2026-11-25')[0].openItems, 1);
  });
});

describe('PT6, PT7: what a review takes up from the plan', () => {
  const stamp = (on: string): Stamp => ({ by: 'sw-1', byName: 'Dafydd', at: `${on}T10:00:00Z`, on });
  const action = (id: string, reviewId: string, targetDate: string, status: PlanAction['status']): PlanAction => ({
    id,
    reviewId,
    text: id,
    owner: { kind: 'staff', staffId: 'sw-1' },
    targetDate,
    recorded: stamp('2026-06-01'),
    status,
    updates: [],
  });
  const plan: PlanRecord = {
    ...EMPTY_PLAN,
    actions: [
      action('R2-A1', 'R2', '2026-07-01', 'open'),
      action('R2-A2', 'R2', '2026-12-01', 'not-done'),
      action('R2-A3', 'R2', '2026-07-01', 'done'),
      action('R3-A1', 'R3', '2026-12-20', 'open'),
    ],
    alerts: [
      { id: 'C1-AL1', text: 'before R2', raised: stamp('2026-05-01') },
      { id: 'C1-AL2', text: 'between', raised: stamp('2026-09-01') },
      { id: 'C1-AL3', text: 'after R3', raised: stamp('2026-12-10') },
    ],
  };

  it('outstanding actions of other reviews, overdue as at the date; alerts after the review before, up to the date', () => {
    assert.deepEqual(carriedInto(plan, { asAt: '2026-11-30', since: '2026-06-01', reviewId: 'R3' }), {
      outstanding: 2,
      overdue: 1,
      alerts: 1,
    });
    assert.deepEqual(carriedInto(plan, { asAt: '2026-12-15', since: null }), { outstanding: 3, overdue: 2, alerts: 3 });
    assert.deepEqual(carriedInto(undefined, { asAt: '2026-12-15', since: null }), {
      outstanding: 0,
      overdue: 0,
      alerts: 0,
    });
  });
});
