// Overdue stages (the sweeper): on the first working day after a deadline the addressees are reminded
// once; from IRO_PROMPT_AFTER_WORKING_DAYS further working day(s) the IRO is told once and offered
// "Escalate to <next stage>". The bot never escalates on its own.
import type { WorkingCalendar } from '../calendar.js';
import type { IsoDate } from '../types.js';
import type { CaseOf } from './addressees.js';
import { resolutionKeys, type OverdueKind } from './outbox-keys.js';
import { currentStage, isMeetingStage, keyStageOf, type Resolution } from './records.js';
import { LAST_STAGE, type StageNumber } from './stages.js';
import { isOpenResolution } from './state.js';

/** Working days after the addressee's reminder day before the IRO is told (see the decisions above). */
export const IRO_PROMPT_AFTER_WORKING_DAYS = 1;

export interface OverdueMessage {
  key: string;
  kind: OverdueKind;
  /** 'iro' = tell the IRO (offer escalation); else remind this addressee. */
  to: { kind: 'addressee'; staffId: string } | { kind: 'iro'; staffId: string };
  childRef: string;
  resolutionId: string;
  stage: StageNumber;
  deadline: IsoDate;
  /** The stage the IRO is offered (null at the last stage: refer instead). */
  nextStage: StageNumber | null;
}

/** Reminders and IRO prompts due today for open resolutions (each once: the key is the outbox id). */
export function overdueResolutionMessages(
  children: readonly (CaseOf & { resolutions?: Resolution[] })[],
  today: IsoDate,
  calendar: WorkingCalendar,
): OverdueMessage[] {
  if (!calendar.isWorkingDay(today)) return [];
  const out: OverdueMessage[] = [];
  for (const child of children) {
    for (const r of child.resolutions ?? []) {
      if (!isOpenResolution(r)) continue;
      const s = currentStage(r);
      const next = s.stage < LAST_STAGE ? ((s.stage + 1) as StageNumber) : null;
      const base = { childRef: child.ref, resolutionId: r.id, stage: s.stage, nextStage: next };
      const push = (kind: OverdueKind, deadline: IsoDate, remind: boolean) => {
        if (today <= deadline) return;
        if (remind) {
          for (const id of s.addresseeIds) {
            out.push({
              ...base,
              kind,
              deadline,
              key: resolutionKeys.overdue(r.id, keyStageOf(s), kind, id),
              to: { kind: 'addressee', staffId: id },
            });
          }
        }
        if (!remind || calendar.workingDaysBetween(deadline, today) > IRO_PROMPT_AFTER_WORKING_DAYS) {
          out.push({
            ...base,
            kind,
            deadline,
            key: resolutionKeys.overdue(r.id, keyStageOf(s), kind, 'iro'),
            to: { kind: 'iro', staffId: child.iroId },
          });
        }
      };
      if (s.stage === 0) push('follow-up', s.respondBy, false);
      else if (isMeetingStage(s)) {
        // RS2: the meeting is the IRO's to arrange (with the reviewing team) and to record: tell the IRO only.
        if (!s.meeting && s.acknowledgeBy) push('arrange-overdue', s.acknowledgeBy, false);
        if (!s.meeting?.outcome) push('meeting-overdue', s.respondBy, false);
      } else {
        if (!s.acknowledged && s.acknowledgeBy) push('ack-overdue', s.acknowledgeBy, true);
        if (!s.response) push('respond-overdue', s.respondBy, true);
      }
    }
  }
  return out.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}
