// The addressee's transitions: acknowledge, then respond (with any agreed actions). Respond needs an
// acknowledgement first (the card shows Respond only then).
import { AppError } from '../errors.js';
import type { People } from './addressees.js';
import {
  AlreadyDone,
  assertCurrent,
  describeStamp,
  replaceCurrent,
  requiredText,
  type TransitionInput,
} from './guards.js';
import { mayAnswer } from './permissions.js';
import { currentStage, isMeetingStage, type AgreedAction, type Resolution } from './records.js';

/** RS2: a meeting stage is answered by its meeting, not by acknowledge/respond (a forged or stale click). */
function assertNotMeeting(r: Resolution): void {
  if (isMeetingStage(currentStage(r))) {
    throw new AppError(
      'invalid-input',
      'this stage is a resolution meeting: it is arranged and its outcome recorded',
      {},
      { key: 'errors.meeting.is-meeting-stage' },
    );
  }
}

export function acknowledge(r: Resolution, o: TransitionInput & { people: People }): Resolution {
  assertCurrent(r, o.stageOnCard, o.table);
  assertNotMeeting(r);
  const s = currentStage(r);
  if (s.acknowledged)
    throw new AlreadyDone(
      `already acknowledged by ${describeStamp(s.acknowledged)}; nothing was changed`,
      'acknowledged',
      s.acknowledged,
    );
  if (!mayAnswer(o.actor, r, o.child, o.people)) {
    throw new AppError(
      'forbidden',
      'only the social worker or manager this resolution is addressed to can acknowledge it',
      {},
      { key: 'errors.resolution.ack-not-yours' },
    );
  }
  return replaceCurrent(r, { ...s, acknowledged: o.stamp });
}

export function respond(
  r: Resolution,
  o: TransitionInput & { people: People; text: string; actions: AgreedAction[] },
): Resolution {
  assertCurrent(r, o.stageOnCard, o.table);
  assertNotMeeting(r);
  const s = currentStage(r);
  if (s.response)
    throw new AlreadyDone(
      `already answered by ${describeStamp(s.response)}; nothing was changed`,
      'answered',
      s.response,
    );
  if (!mayAnswer(o.actor, r, o.child, o.people)) {
    throw new AppError(
      'forbidden',
      'only the person this resolution is addressed to, or their manager, can respond to it',
      {},
      { key: 'errors.resolution.respond-not-yours' },
    );
  }
  if (!s.acknowledged) {
    throw new AppError(
      'invalid-input',
      'acknowledge the resolution first, then respond',
      {
        example: 'Press Acknowledge on the card',
      },
      { key: 'errors.resolution.ack-first' },
    );
  }
  const example = 'Write your response, and any agreed actions with a date for each';
  for (const a of o.actions) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(a.by)) {
      throw new AppError(
        'invalid-input',
        `the agreed action "${a.text.slice(0, 40)}" needs a date`,
        { example },
        { key: 'errors.resolution.action-date', params: { text: a.text.slice(0, 40) } },
      );
    }
  }
  return replaceCurrent(r, {
    ...s,
    response: { ...o.stamp, text: requiredText(o.text, 'a response', 4000, example), actions: o.actions },
  });
}
