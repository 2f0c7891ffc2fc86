// /actions: what a person must do about resolutions today.
import type { IsoDate, Staff } from '../types.js';
import type { CaseOf, People } from './addressees.js';
import { isChildsIro, mayAnswer } from './permissions.js';
import { currentStage, type Resolution } from './records.js';
import type { StageNumber } from './stages.js';
import { isOpenResolution, nextDeadline, stateOf } from './state.js';

export type ResolutionTaskKind =
  | 'resolution-acknowledge'
  | 'resolution-respond'
  | 'resolution-review'
  | 'resolution-overdue'
  | 'resolution-follow-up'
  /** RS2: the IRO arranges the meeting of a meeting stage, then records its outcome once it is held. */
  | 'resolution-arrange-meeting'
  | 'resolution-meeting-outcome';

export interface ResolutionTask {
  kind: ResolutionTaskKind;
  childRef: string;
  resolutionId: string;
  stage: StageNumber;
  deadline: IsoDate;
  overdue: boolean;
}

/**
 * What `actor` must do about resolutions: addressees (social workers, their managers, ladder roles)
 * acknowledge or answer; the IRO reviews responses and sees overdue stages and follow-ups.
 */
export function resolutionTasks(
  actor: Staff,
  children: readonly (CaseOf & { resolutions?: Resolution[] })[],
  people: People,
  today: IsoDate,
): ResolutionTask[] {
  const out: ResolutionTask[] = [];
  for (const child of children) {
    for (const r of child.resolutions ?? []) {
      if (!isOpenResolution(r)) continue;
      const s = currentStage(r);
      const state = stateOf(r);
      const base = { childRef: child.ref, resolutionId: r.id, stage: s.stage };
      if (mayAnswer(actor, r, child, people)) {
        if (state === 'awaiting-acknowledgement' && s.acknowledgeBy) {
          out.push({
            ...base,
            kind: 'resolution-acknowledge',
            deadline: s.acknowledgeBy,
            overdue: today > s.acknowledgeBy,
          });
        } else if (state === 'acknowledged') {
          out.push({ ...base, kind: 'resolution-respond', deadline: s.respondBy, overdue: today > s.respondBy });
        }
      }
      if (isChildsIro(actor, child)) {
        if (state === 'responded' && s.response)
          out.push({ ...base, kind: 'resolution-review', deadline: s.response.on, overdue: false });
        else if (state === 'awaiting-meeting') {
          const by = s.acknowledgeBy ?? s.respondBy;
          out.push({ ...base, kind: 'resolution-arrange-meeting', deadline: by, overdue: today > by });
        } else if (state === 'meeting-arranged' && s.meeting && s.meeting.on <= today) {
          out.push({
            ...base,
            kind: 'resolution-meeting-outcome',
            deadline: s.respondBy,
            overdue: today > s.respondBy,
          });
        } else if (state === 'recorded' && today > s.respondBy) {
          out.push({ ...base, kind: 'resolution-follow-up', deadline: s.respondBy, overdue: true });
        } else {
          const d = nextDeadline(r);
          if (d && today > d.date) out.push({ ...base, kind: 'resolution-overdue', deadline: d.date, overdue: true });
        }
      }
    }
  }
  return out;
}
