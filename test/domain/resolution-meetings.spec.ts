// RS2 (docs/DOMAIN.md "Resolutions"): the resolution meeting after the team manager stage, the head of
// service's further meeting, their scheduling and outcomes, and stored resolutions on the first ladder.
import assert from 'node:assert/strict';
import { createCalendar } from '../../src/domain/calendar.js';
import { isAppError } from '../../src/domain/errors.js';
import {
  arrangeMeeting,
  escalate,
  involvedIds,
  nextDeadline,
  notifySeniorOfficer,
  onCurrentLadder,
  overdueResolutionMessages,
  permissionsFor,
  proposedAttendees,
  raise,
  recordMeetingOutcome,
  resolutionTasks,
  stageTable,
  stateOf,
  withCurrentLadder,
  type ArrangeInput,
  type Resolution,
  type Stamp,
} from '../../src/domain/resolutions/index.js';
import type { Staff } from '../../src/domain/types.js';

const calendar = createCalendar({ region: 'GB-WLS', closureDays: [] });
const people = new Map<string, Staff>([
  ['iro-1', { id: 'iro-1', name: 'Alex', roles: ['iro'], team: 'reviewing' }],
  ['sw-1', { id: 'sw-1', name: 'Dafydd', roles: ['social-worker'], team: 'north', managerId: 'tm-n' }],
  ['tm-n', { id: 'tm-n', name: 'Owen', roles: ['team-manager'], team: 'north' }],
  ['tm-r', { id: 'tm-r', name: 'Rhian', roles: ['team-manager'], team: 'reviewing' }],
  ['bs-1', { id: 'bs-1', name: 'Bethan', roles: ['business-support'] }],
  ['hos-1', { id: 'hos-1', name: 'Ceri', roles: ['head-of-service'], nominatedSeniorOfficer: true }],
  ['sd-1', { id: 'sd-1', name: 'Huw', roles: ['service-director'] }],
  ['g-1', { id: 'g-1', name: 'Gwen', roles: ['guardian'] }],
]);
const p = (id: string) => people.get(id)!;
const child = { ref: 'C1', iroId: 'iro-1', socialWorkerId: 'sw-1', socialWorkTeam: 'north' };
const stamp = (by: string, on: string, time = '09:00'): Stamp => ({
  by,
  byName: p(by).name,
  at: `${on}T${time}:00.000Z`,
  on,
});
const table = stageTable();
const tzName = 'Europe/London';

/** Raised Fri 4 Sep 2026 at stage 1, escalated to the resolution meeting on Tue 8 Sep. */
function atMeetingStage(): Resolution {
  const r = raise({
    id: 'C1-RES1',
    actor: p('iro-1'),
    child,
    people,
    form: { theme: 'life-story-work', stage: 1, summary: 'No life story work in two years', ask: 'Start it' },
    stamp: stamp('iro-1', '2026-09-04'),
    table,
    calendar,
  });
  return escalate(r, { actor: p('iro-1'), child, people, stamp: stamp('iro-1', '2026-09-08'), table, calendar });
}
const when: ArrangeInput = {
  date: '2026-09-10',
  time: '14:00',
  venue: 'Ty Trevithick, room 2',
  chairId: 'tm-r',
  attendeeIds: ['sw-1', 'tm-n', 'tm-r'],
  others: '',
};
const arrange = (r: Resolution, by = 'iro-1', input: Partial<ArrangeInput> = {}, on = '2026-09-08') =>
  arrangeMeeting(r, {
    actor: p(by),
    child,
    people,
    stamp: stamp(by, on),
    table,
    calendar,
    tzName,
    input: { ...when, ...input },
  });
const outcome = (r: Resolution, decision: 'resolved' | 'escalate' | 'refer', on = '2026-09-10', by = 'iro-1') =>
  recordMeetingOutcome(r, {
    actor: p(by),
    child,
    people,
    stamp: stamp(by, on, '16:00'),
    table,
    calendar,
    decision,
    notes: 'Delay not acceptable; timescales agreed',
  });

describe('RS2 resolution meetings (domain)', () => {
  it('after the team manager stage the resolution meeting waits to be arranged, by its acknowledge-by date', () => {
    const r = atMeetingStage();
    assert.equal(stateOf(r), 'awaiting-meeting');
    assert.deepEqual(nextDeadline(r), { kind: 'arrange-meeting', date: '2026-09-10' });
    assert.deepEqual(proposedAttendees(r, child), { attendeeIds: ['iro-1', 'sw-1', 'tm-n'], chairId: 'iro-1' });
    const iro = permissionsFor(p('iro-1'), r, child, people);
    assert.deepEqual([iro.arrangeMeeting, iro.recordMeetingOutcome, iro.acknowledge], [true, false, false]);
    // The social worker attends; the reviewing team arranges.
    assert.equal(permissionsFor(p('sw-1'), r, child, people).arrangeMeeting, false);
    assert.equal(permissionsFor(p('bs-1'), r, child, people).arrangeMeeting, true);
    assert.equal(permissionsFor(p('tm-r'), r, child, people).arrangeMeeting, true);
  });

  it('the reviewing team arranges it: date, time (Europe/London), venue, chair and attendees, the IRO always invited', () => {
    const m = arrange(atMeetingStage(), 'bs-1').stages[1].meeting!;
    assert.equal(m.start, '2026-09-10T14:00:00+01:00', '14:00 BST');
    assert.equal(m.on, '2026-09-10');
    assert.deepEqual(m.attendeeIds, ['iro-1', 'sw-1', 'tm-n', 'tm-r']);
    assert.deepEqual([m.chairId, m.venue, m.rearranged, m.arranged.by], ['tm-r', 'Ty Trevithick, room 2', 0, 'bs-1']);
    const again = arrange(arrange(atMeetingStage()), 'iro-1', { date: '2026-09-11' });
    assert.equal(again.stages[1].meeting!.rearranged, 1);
    assert.equal(again.stages[1].meeting!.on, '2026-09-11');
    assert.ok(involvedIds(again, child, people).has('tm-r'), 'attendees may open the resolution');
  });

  it('refuses a bad arrangement with the reason and changes nothing', () => {
    const r = atMeetingStage();
    const refused: [Partial<ArrangeInput>, RegExp][] = [
      [{ date: '2026-09-12' }, /not a working day/],
      [{ date: '2026-09-08', time: '08:00' }, /that time has passed/],
      [{ time: '25:00' }, /not a time/],
      [{ venue: '  ' }, /venue is needed/],
      [{ chairId: 'hos-1' }, /chair must be one of the attendees/],
      [{ attendeeIds: ['nobody'] }, /not in the staff directory: nobody/],
      [{ attendeeIds: ['g-1'] }, /not in the staff directory: g-1/],
    ];
    for (const [input, message] of refused) assert.throws(() => arrange(r, 'iro-1', input), message);
    assert.throws(
      () => arrange(r, 'sw-1'),
      (e) => isAppError(e, 'forbidden'),
    );
    assert.equal(r.stages[1].meeting, null);
  });

  it("the IRO records the outcome from the meeting's day: resolved ends it with the notes", () => {
    const r = arrange(atMeetingStage());
    assert.equal(stateOf(r), 'meeting-arranged');
    assert.deepEqual(nextDeadline(r), { kind: 'hold-meeting', date: '2026-09-15' });
    assert.throws(() => outcome(r, 'resolved', '2026-09-09'), /record its outcome after it/);
    assert.throws(
      () => outcome(r, 'resolved', '2026-09-10', 'tm-r'),
      (e) => isAppError(e, 'forbidden'),
    );
    const done = outcome(r, 'resolved');
    assert.equal(done.status, 'resolved');
    assert.equal(done.outcome!.text, 'Delay not acceptable; timescales agreed');
    assert.equal(done.stages[1].meeting!.outcome!.decision, 'resolved');
    assert.throws(() => outcome(done, 'resolved'), /already resolved/);
    assert.throws(() => arrange(done), /already resolved/);
  });

  it('escalate: the head of service chairs a further meeting (stage 3), arranged the same way', () => {
    const e = outcome(arrange(atMeetingStage()), 'escalate');
    const s = e.stages[2];
    assert.deepEqual([s.stage, s.addresseeIds, s.meeting, stateOf(e)], [3, ['hos-1'], null, 'awaiting-meeting']);
    assert.equal(e.stages[1].meeting!.outcome!.decision, 'escalate');
    assert.deepEqual(proposedAttendees(e, child).chairId, 'hos-1');
    assert.equal(permissionsFor(p('hos-1'), e, child, people).arrangeMeeting, true, 'the chair may set it');
    const later = outcome(
      arrange(e, 'hos-1', { date: '2026-09-14', chairId: 'hos-1', attendeeIds: ['hos-1', 'sw-1'] }, '2026-09-10'),
      'escalate',
      '2026-09-14',
    );
    assert.deepEqual(
      [later.stages[3].stage, later.stages[3].addresseeIds, stateOf(later)],
      [4, ['sd-1'], 'awaiting-acknowledgement'],
    );
  });

  it('refer: needs the senior officer notice first (RS3); the notes are the reason for cutting it short', () => {
    const r = arrange(atMeetingStage());
    assert.throws(() => outcome(r, 'refer'), /notify the nominated senior officer/);
    const noticed = notifySeniorOfficer(r, {
      actor: p('iro-1'),
      child,
      people,
      stamp: stamp('iro-1', '2026-09-09'),
      table,
      note: 'Considering a referral',
    });
    const referred = outcome(noticed, 'refer');
    assert.equal(referred.status, 'referred');
    assert.equal(referred.referral!.cutShortReason, 'Delay not acceptable; timescales agreed');
  });

  it('overdue meetings prompt the IRO only; /actions asks the IRO to arrange, then to record the outcome', () => {
    const r = atMeetingStage();
    const kids = [{ ...child, resolutions: [r] }];
    assert.deepEqual(
      overdueResolutionMessages(kids, '2026-09-11', calendar).map((m) => [m.key, m.to.staffId]),
      [['resolution:C1-RES1:stage:2:arrange-overdue:iro', 'iro-1']],
    );
    assert.deepEqual(
      resolutionTasks(p('iro-1'), kids, people, '2026-09-09').map((t) => [t.kind, t.deadline, t.overdue]),
      [['resolution-arrange-meeting', '2026-09-10', false]],
    );
    const arranged = [{ ...child, resolutions: [arrange(r)] }];
    assert.deepEqual(resolutionTasks(p('iro-1'), arranged, people, '2026-09-09'), [], 'not before the meeting');
    assert.deepEqual(
      resolutionTasks(p('iro-1'), arranged, people, '2026-09-10').map((t) => t.kind),
      ['resolution-meeting-outcome'],
    );
    assert.deepEqual(
      overdueResolutionMessages(arranged, '2026-09-16', calendar).map((m) => m.key),
      ['resolution:C1-RES1:stage:2:meeting-overdue:iro'],
    );
  });
});

describe('RS2 stored resolutions on the first ladder (migration on read)', () => {
  /** As stored before issue 15: escalated from stage 1 to stage 2 = head of service, no ladder field. */
  const stored = (): Resolution => {
    const r = atMeetingStage();
    const old = { ...r, stages: [r.stages[0], { ...r.stages[1], stage: 2 as const, addresseeIds: ['hos-1'] }] };
    delete (old as Partial<Resolution>).ladder;
    delete old.stages[1].meeting;
    return old;
  };

  it('maps old stage 2 (head of service) to stage 3, keeping its addressees, deadlines and outbox key numbers', () => {
    const m = onCurrentLadder(stored());
    assert.equal(m.ladder, 2);
    const s = m.stages[1];
    assert.deepEqual(
      [s.stage, s.keyStage, s.addresseeIds, s.acknowledgeBy, s.respondBy],
      [3, 2, ['hos-1'], '2026-09-10', '2026-09-15'],
    );
    assert.equal(stateOf(m), 'awaiting-acknowledgement', 'no meeting is invented for a migrated stage');
    assert.deepEqual(m.stages[0].keyStage, undefined);
    const keys = overdueResolutionMessages([{ ...child, resolutions: [m] }], '2026-09-11', calendar).map((x) => x.key);
    assert.deepEqual(keys, ['resolution:C1-RES1:stage:2:ack-overdue:hos-1'], 'the key it was sent with before');
  });

  it('maps every old rung (skipped ones too) and leaves current-ladder resolutions alone', () => {
    const r = stored();
    const old = {
      ...r,
      stages: [r.stages[0], { ...r.stages[1], stage: 5 as const, skipped: [2, 3, 4] as (2 | 3 | 4)[] }],
    };
    const m = onCurrentLadder(old);
    assert.deepEqual([m.stages[1].stage, m.stages[1].skipped, m.stages[1].keyStage], [6, [3, 4, 5], 5]);
    const current = atMeetingStage();
    assert.equal(onCurrentLadder(current), current);
    const kid = { ref: 'C1', resolutions: [current] };
    assert.equal(withCurrentLadder(kid), kid);
    assert.equal(withCurrentLadder({ ref: 'C1', resolutions: [stored()] }).resolutions![0].stages[1].stage, 3);
    assert.equal(onCurrentLadder(onCurrentLadder(stored())).stages[1].stage, 3, 'migrating twice changes nothing');
  });
});
