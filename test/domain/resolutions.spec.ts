import assert from 'node:assert/strict';
import { createCalendar } from '../../src/domain/calendar.js';
import { isAppError } from '../../src/domain/errors.js';
import {
  acknowledge,
  escalate,
  formalProcessWorkingDays,
  overdueResolutionMessages,
  parseStageOverrides,
  permissionsFor,
  raise,
  refer,
  RESOLUTION_STAGES,
  resolutionFigures,
  resolve,
  respond,
  stageTable,
  stateOf,
  type Resolution,
  type Stamp,
} from '../../src/domain/resolutions/index.js';
import type { Staff } from '../../src/domain/types.js';

// Fri 28 Aug 2026; Mon 31 Aug 2026 is the summer bank holiday; Tue 1 Sep is a council closure day here.
const calendar = createCalendar({ region: 'GB-WLS', closureDays: [] });
const closed = createCalendar({ region: 'GB-WLS', closureDays: ['2026-09-01'] });
const people = new Map<string, Staff>([
  ['iro-1', { id: 'iro-1', name: 'Alex', roles: ['iro'] }],
  ['sw-1', { id: 'sw-1', name: 'Dafydd', roles: ['social-worker'], team: 'north', managerId: 'tm-n' }],
  ['tm-n', { id: 'tm-n', name: 'Owen', roles: ['team-manager'], team: 'north' }],
  ['tm-s', { id: 'tm-s', name: 'Sara', roles: ['team-manager'], team: 'south' }],
  ['hos-1', { id: 'hos-1', name: 'Ceri', roles: ['head-of-service'] }],
  ['sd-1', { id: 'sd-1', name: 'Huw', roles: ['service-director'] }],
]);
const p = (id: string) => people.get(id)!;
const child = { ref: 'C1', iroId: 'iro-1', socialWorkerId: 'sw-1', socialWorkTeam: 'north' };
const stamp = (by: string, on: string): Stamp => ({ by, byName: p(by).name, at: `${on}T09:00:00.000Z`, on });
const table = stageTable();
const form = { theme: 'care-planning', stage: 1, summary: 'Plan out of date', ask: 'Update it' };
const raised = (cal = calendar): Resolution =>
  raise({
    id: 'C1-R1',
    actor: p('iro-1'),
    child,
    people,
    form,
    stamp: stamp('iro-1', '2026-08-28'),
    table,
    calendar: cal,
  });

describe('resolutions (domain)', () => {
  it('stage table as data: docs/DOMAIN.md defaults, stages 1–6 respond-by add up to 20 working days, config overrides', () => {
    assert.deepEqual(
      RESOLUTION_STAGES.map((s) => [s.stage, s.id, s.meeting, s.acknowledgeWorkingDays, s.respondWorkingDays]),
      [
        [0, 'informal', false, null, 5],
        [1, 'formal', false, 2, 5],
        [2, 'resolution-meeting', true, 2, 5],
        [3, 'head-of-service', true, 2, 4],
        [4, 'service-director', false, 1, 2],
        [5, 'group-director', false, 1, 2],
        [6, 'chief-executive', false, 1, 2],
      ],
    );
    assert.equal(formalProcessWorkingDays(table), 20);
    const o = stageTable(parseStageOverrides('1=3/6, 0=-/10'));
    assert.deepEqual(
      [o[1].acknowledgeWorkingDays, o[1].respondWorkingDays, o[0].acknowledgeWorkingDays, o[0].respondWorkingDays],
      [3, 6, null, 10],
    );
    assert.throws(() => parseStageOverrides('7=1/2'), /RESOLUTION_STAGE_DAYS/);
    assert.equal(stageTable(parseStageOverrides('6=1/3'))[6].respondWorkingDays, 3);
  });

  it('deadlines count working days from the stage start, skipping bank holidays and closure days', () => {
    const r = raised();
    assert.deepEqual([r.stages[0].acknowledgeBy, r.stages[0].respondBy], ['2026-09-02', '2026-09-07']);
    assert.deepEqual(r.stages[0].addresseeIds, ['sw-1', 'tm-n']);
    const c = raised(closed);
    assert.deepEqual([c.stages[0].acknowledgeBy, c.stages[0].respondBy], ['2026-09-03', '2026-09-08']);
  });

  it('state machine and who may act', () => {
    let r = raised();
    assert.equal(stateOf(r), 'awaiting-acknowledgement');
    assert.equal(permissionsFor(p('tm-s'), r, child, people).acknowledge, false);
    assert.equal(permissionsFor(p('iro-1'), r, child, people).acknowledge, false);
    assert.equal(permissionsFor(p('tm-n'), r, child, people).acknowledge, true);
    assert.throws(
      () => acknowledge(r, { actor: p('tm-s'), child, people, stamp: stamp('tm-s', '2026-09-01'), table }),
      (e) => isAppError(e, 'forbidden'),
    );
    assert.throws(
      () =>
        respond(r, {
          actor: p('sw-1'),
          child,
          people,
          stamp: stamp('sw-1', '2026-09-01'),
          table,
          text: 'x',
          actions: [],
        }),
      /acknowledge the resolution first/,
    );
    r = acknowledge(r, { actor: p('sw-1'), child, people, stamp: stamp('sw-1', '2026-09-01'), table, stageOnCard: 1 });
    assert.throws(
      () => acknowledge(r, { actor: p('tm-n'), child, people, stamp: stamp('tm-n', '2026-09-01'), table }),
      /already acknowledged by Dafydd/,
    );
    r = respond(r, {
      actor: p('sw-1'),
      child,
      people,
      stamp: stamp('sw-1', '2026-09-02'),
      table,
      text: 'Will do',
      actions: [{ text: 'Update', by: '2026-09-10' }],
    });
    assert.equal(stateOf(r), 'responded');
    assert.throws(
      () => resolve(r, { actor: p('sw-1'), child, stamp: stamp('sw-1', '2026-09-02'), table, outcome: 'x' }),
      (e) => isAppError(e, 'forbidden'),
    );
    const done = resolve(r, {
      actor: p('iro-1'),
      child,
      stamp: stamp('iro-1', '2026-09-03'),
      table,
      outcome: 'Updated',
    });
    assert.equal(stateOf(done), 'resolved');
  });

  it('escalation: next rung by default, later rungs with a reason, stale cards refused', () => {
    const r = raised();
    const e = escalate(r, {
      actor: p('iro-1'),
      child,
      people,
      stamp: stamp('iro-1', '2026-09-04'),
      table,
      calendar,
      stageOnCard: 1,
    });
    assert.deepEqual(
      [e.stages[1].stage, e.stages[1].addresseeIds, e.stages[1].acknowledgeBy, e.stages[1].respondBy, stateOf(e)],
      [2, ['sw-1', 'tm-n'], '2026-09-08', '2026-09-11', 'awaiting-meeting'],
    );
    assert.throws(
      () =>
        acknowledge(e, { actor: p('sw-1'), child, people, stamp: stamp('sw-1', '2026-09-04'), table, stageOnCard: 1 }),
      /out of date/,
    );
    assert.throws(
      () =>
        escalate(r, {
          actor: p('iro-1'),
          child,
          people,
          stamp: stamp('iro-1', '2026-09-04'),
          table,
          calendar,
          toStage: 3,
        }),
      /needs a reason/,
    );
    const skip = escalate(r, {
      actor: p('iro-1'),
      child,
      people,
      stamp: stamp('iro-1', '2026-09-04'),
      table,
      calendar,
      toStage: 4,
      skipReason: 'urgent',
    });
    assert.deepEqual(
      [skip.stages[1].stage, skip.stages[1].skipped, skip.stages[1].addresseeIds],
      [4, [2, 3], ['sd-1']],
    );
    assert.throws(
      () => escalate(r, { actor: p('sw-1'), child, people, stamp: stamp('sw-1', '2026-09-04'), table, calendar }),
      (x) => isAppError(x, 'forbidden'),
    );
  });

  it('a referral needs the senior officer notice first', () => {
    assert.throws(
      () =>
        refer(raised(), {
          actor: p('iro-1'),
          child,
          stamp: stamp('iro-1', '2026-09-04'),
          table,
          cutShortReason: 'urgent',
        }),
      /notify the nominated senior officer before/,
    );
  });

  it('overdue: addressees reminded the day after, the IRO one working day later; never on non-working days', () => {
    const r = raised();
    const kids = [{ ...child, resolutions: [r] }];
    assert.deepEqual(overdueResolutionMessages(kids, '2026-09-02', calendar), []);
    assert.deepEqual(
      overdueResolutionMessages(kids, '2026-09-03', calendar).map((m) => m.key),
      ['resolution:C1-R1:stage:1:ack-overdue:sw-1', 'resolution:C1-R1:stage:1:ack-overdue:tm-n'],
    );
    const fri = overdueResolutionMessages(kids, '2026-09-04', calendar);
    assert.ok(fri.some((m) => m.key === 'resolution:C1-R1:stage:1:ack-overdue:iro' && m.nextStage === 2));
    assert.deepEqual(overdueResolutionMessages(kids, '2026-09-05', calendar), [], 'Saturday');
  });

  it('report figures: by the day it became formal; median working and calendar days to resolve', () => {
    const a = resolve(raised(), {
      actor: p('iro-1'),
      child,
      stamp: stamp('iro-1', '2026-09-03'),
      table,
      outcome: 'ok',
    });
    const b = escalate(
      { ...raised(), id: 'C1-R2', theme: 'contact' },
      { actor: p('iro-1'), child, people, stamp: stamp('iro-1', '2026-09-04'), table, calendar },
    );
    const f = resolutionFigures([{ resolutions: [a, b] }], { from: '2026-08-01', to: '2026-08-31' }, calendar);
    assert.deepEqual(
      [
        f.formalRaised,
        f.resolved,
        f.medianWorkingDaysToResolve,
        f.medianCalendarDaysToResolve,
        f.escalatedBeyondStage1,
      ],
      [2, 1, 3, 6, 1],
    );
    assert.equal(f.byTheme.find((t) => t.theme === 'contact')!.count, 1);
  });
});
