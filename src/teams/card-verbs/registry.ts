// Card verbs (docs/DESIGN.md rule 3): one handler file per verb, one line here. Templates use the same
// verb strings; a test checks every Action.Execute verb in cards/ has a handler. The registry refuses,
// at start-up, anything not made by `defineAction` (so without its access rule) and duplicate verbs.
import { isDefinedAction, type CardVerb } from './action-spec.js';
import { BOOKING_ACTIONS } from './booking-actions.js';
import { RESOLUTION_ACTIONS } from './resolution/index.js';
import { LIAISON_ACTIONS } from './liaison/index.js';
import { liaisonViewAction } from './liaison-view.js';
import { listPageAction } from './list-page.js';
import { IMPORT_CONFLICT_ACTIONS } from './import-conflict.js';
import { NOTIFY_ACTIONS } from './notify-event.js';
import { reportExportAction } from './report-export.js';
import { participationRecordAction, participationViewAction } from './participation.js';
import { PLAN_ACTIONS } from './plan.js';
import { ALLOCATION_ACTIONS } from './allocation.js';
import { caseTimelineAction } from './case-timeline.js';
import { coverSetAction } from './cover.js';

export interface ActionRegistry {
  readonly all: readonly CardVerb[];
  find(verb: string): CardVerb | undefined;
}

/** Checks every entry (throws naming the first bad one) and indexes them by verb. */
export function createActionRegistry(entries: readonly CardVerb[]): ActionRegistry {
  const byVerb = new Map<string, CardVerb>();
  for (const [i, entry] of entries.entries()) {
    if (!isDefinedAction(entry)) {
      const name = (entry as { verb?: unknown } | null)?.verb;
      throw new Error(
        `card verb #${i} (${String(name)}) was not made by defineAction: every verb needs its access rule`,
      );
    }
    if (byVerb.has(entry.verb)) throw new Error(`card verb ${entry.verb} is registered twice`);
    byVerb.set(entry.verb, entry);
  }
  return { all: [...byVerb.values()], find: (verb) => byVerb.get(verb) };
}

export const ACTIONS: ActionRegistry = createActionRegistry([
  ...BOOKING_ACTIONS,
  ...RESOLUTION_ACTIONS,
  ...LIAISON_ACTIONS,
  liaisonViewAction,
  listPageAction,
  ...IMPORT_CONFLICT_ACTIONS,
  ...NOTIFY_ACTIONS,
  reportExportAction,
  participationRecordAction,
  participationViewAction,
  ...PLAN_ACTIONS,
  ...ALLOCATION_ACTIONS,
  caseTimelineAction,
  coverSetAction,
]);

export function findAction(verb: string): CardVerb | undefined {
  return ACTIONS.find(verb);
}
