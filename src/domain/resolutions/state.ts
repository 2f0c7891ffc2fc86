// Where a resolution is: open or not (the one definition every rule uses), its stage's state and the
// deadline that applies now.
import type { IsoDate } from '../types.js';
import { currentStage, type Resolution, type ResolutionStatus } from './records.js';

/**
 * Open = still in the council's dispute process (docs/DOMAIN.md "Resolutions"): not resolved by the IRO
 * and not referred to Cafcass (the dispute then leaves the council's process). Every status is listed,
 * so a new status does not compile until it is classified here.
 */
const OPEN_BY_STATUS: Readonly<Record<ResolutionStatus, boolean>> = { open: true, resolved: false, referred: false };

/** The one test of "open resolution": overdue reminders, /actions, lists and liaison L8 all ask this. */
export function isOpenResolution(r: Pick<Resolution, 'status'>): boolean {
  return Object.hasOwn(OPEN_BY_STATUS, r.status) && OPEN_BY_STATUS[r.status];
}

export type StageState =
  | 'recorded'
  | 'awaiting-acknowledgement'
  | 'acknowledged'
  | 'responded'
  /** RS2: a meeting stage whose meeting is not arranged yet, then arranged and awaiting its outcome. */
  | 'awaiting-meeting'
  | 'meeting-arranged'
  | 'resolved'
  | 'referred';

/** Where the resolution is in its state machine (raised → acknowledged → responded → resolved | escalated | referred). */
export function stateOf(r: Resolution): StageState {
  if (r.status === 'resolved') return 'resolved';
  if (r.status === 'referred') return 'referred';
  const s = currentStage(r);
  if (s.stage === 0) return 'recorded';
  if (s.meeting === null) return 'awaiting-meeting';
  if (s.meeting) return 'meeting-arranged';
  if (s.response) return 'responded';
  if (s.acknowledged) return 'acknowledged';
  return 'awaiting-acknowledgement';
}

/** The deadline that applies now: acknowledge-by until acknowledged, then respond-by; null when none. */
export function nextDeadline(
  r: Resolution,
): { kind: 'acknowledge' | 'respond' | 'follow-up' | 'arrange-meeting' | 'hold-meeting'; date: IsoDate } | null {
  const s = currentStage(r);
  switch (stateOf(r)) {
    case 'recorded':
      return { kind: 'follow-up', date: s.respondBy };
    case 'awaiting-acknowledgement':
      return s.acknowledgeBy ? { kind: 'acknowledge', date: s.acknowledgeBy } : { kind: 'respond', date: s.respondBy };
    case 'acknowledged':
      return { kind: 'respond', date: s.respondBy };
    case 'awaiting-meeting':
      return { kind: 'arrange-meeting', date: s.acknowledgeBy ?? s.respondBy };
    case 'meeting-arranged':
      return { kind: 'hold-meeting', date: s.respondBy };
    default:
      return null;
  }
}
