// A new stage on record: its addressees and its deadlines, counted in working days from the day it began.
import type { WorkingCalendar } from '../calendar.js';
import type { ResolutionStage, Stamp } from './records.js';
import type { StageDef, StageNumber } from './stages.js';

export function startStage(
  def: StageDef,
  started: Stamp,
  addresseeIds: string[],
  calendar: WorkingCalendar,
  skipped: StageNumber[] = [],
  skipReason: string | null = null,
): ResolutionStage {
  return {
    stage: def.stage,
    started,
    addresseeIds,
    acknowledgeBy:
      def.acknowledgeWorkingDays === null ? null : calendar.addWorkingDays(started.on, def.acknowledgeWorkingDays),
    respondBy: calendar.addWorkingDays(started.on, def.respondWorkingDays),
    acknowledged: null,
    response: null,
    skipped,
    skipReason,
    // RS2: a meeting stage waits for its meeting to be arranged.
    ...(def.meeting ? { meeting: null } : {}),
  };
}
