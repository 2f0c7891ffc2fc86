// Card verbs (docs/DESIGN.md rule 3): one handler file per verb, one line here. Templates use the same
// verb strings; a test checks every Action.Execute verb in cards/ has a handler.
import type { ActionSpec } from './action-spec.js';
import { BOOKING_ACTIONS } from './booking-actions.js';
import { RESOLUTION_ACTIONS } from './resolution/index.js';
import { LIAISON_ACTIONS } from './liaison/index.js';
import { liaisonViewAction } from './liaison-view.js';

export const ACTIONS: readonly ActionSpec[] = [
  ...BOOKING_ACTIONS,
  ...RESOLUTION_ACTIONS,
  ...LIAISON_ACTIONS,
  liaisonViewAction,
];

export function findAction(verb: string): ActionSpec | undefined {
  return ACTIONS.find((a) => a.verb === verb);
}
