// The IRO's decisions on an open resolution: resolve it, or escalate it at any time (docs/DOMAIN.md:
// "escalate at any time"); skipping rungs needs a reason. The bot never escalates on its own.
import type { WorkingCalendar } from '../calendar.js';
import { AppError } from '../errors.js';
import { addresseesFor, type People } from './addressees.js';
import { assertCurrent, assertIro, requiredText, type TransitionInput } from './guards.js';
import { currentStage, type Resolution } from './records.js';
import { LAST_STAGE, STAGE_NUMBERS, stageDef, type StageNumber } from './stages.js';
import { startStage } from './start-stage.js';

export function resolve(r: Resolution, o: TransitionInput & { outcome: string }): Resolution {
  assertCurrent(r, o.stageOnCard, o.table);
  assertIro(o, 'resolve this resolution');
  const text = requiredText(o.outcome, 'the outcome', 2000, 'Say briefly how it was resolved');
  return { ...r, status: 'resolved', outcome: { ...o.stamp, text } };
}

/**
 * Escalation (the IRO's choice; never automatic): the next rung by default, or a later one with a
 * reason. The new stage is addressed to its role holders with its own deadlines.
 */
export function escalate(
  r: Resolution,
  o: TransitionInput & {
    people: People;
    calendar: WorkingCalendar;
    toStage?: number;
    skipReason?: string | null;
  },
): Resolution {
  assertCurrent(r, o.stageOnCard, o.table);
  assertIro(o, 'escalate this resolution');
  const from = currentStage(r).stage;
  if (from >= LAST_STAGE) {
    throw new AppError(
      'invalid-input',
      'this is the last stage; the next step is a Cafcass referral',
      {
        example: 'Notify the senior officer, then Refer to Cafcass',
      },
      { key: 'errors.resolution.last-stage' },
    );
  }
  const to = o.toStage ?? from + 1;
  if (!Number.isInteger(to) || to <= from || to > LAST_STAGE) {
    const example = 'Escalate to the next stage';
    throw new AppError(
      'invalid-input',
      `choose a stage after the current one (${from + 1}–${LAST_STAGE})`,
      {
        example,
      },
      { key: 'errors.resolution.stage-after', params: { first: from + 1, last: LAST_STAGE } },
    );
  }
  const skipped = STAGE_NUMBERS.filter((n) => n > from && n < to);
  const reason = (o.skipReason ?? '').trim();
  if (skipped.length && !reason) {
    const stages = skipped.map((n) => `stage ${n}`).join(', ');
    throw new AppError(
      'invalid-input',
      `skipping ${stages} needs a reason`,
      {
        example: 'Give the reason for skipping',
      },
      { key: 'errors.resolution.skip-why', params: { count: skipped.length, stages: skipped.join(', ') } },
    );
  }
  const def = stageDef(o.table, to as StageNumber);
  const stage = startStage(
    def,
    o.stamp,
    addresseesFor(def, o.child, o.people),
    o.calendar,
    skipped,
    skipped.length ? reason.slice(0, 1000) : null,
  );
  return { ...r, stages: [...r.stages, stage] };
}
