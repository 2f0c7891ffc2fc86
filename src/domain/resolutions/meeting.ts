// RS2 (docs/DOMAIN.md "Resolutions"): the resolution meetings. At a meeting stage (stages.ts `meeting`) the
// reviewing team arranges a face-to-face meeting (date, time, venue, chair, attendees), the attendees are told,
// and after it the IRO records its outcome: resolved, escalate (to the next rung) or refer (to Cafcass Cymru,
// after the senior officer notice, RS3). Arranging again before the outcome replaces the arrangement.
import { hasRole } from '../access.js';
import type { WorkingCalendar } from '../calendar.js';
import { AppError } from '../errors.js';
import { londonStart } from '../slots.js';
import type { CaseOf, People } from './addressees.js';
import { refer } from './cafcass-referral.js';
import {
  AlreadyDone,
  assertCurrent,
  assertIro,
  describeStamp,
  replaceCurrent,
  requiredText,
  type TransitionInput,
} from './guards.js';
import { escalate, resolve } from './iro-decisions.js';
import { mayArrangeMeeting } from './permissions.js';
import { currentStage, isMeetingStage, type MeetingOutcome, type Resolution } from './records.js';

/** At most this many staff invited to one meeting (a card's attendee list stays readable and small). */
export const MAX_MEETING_ATTENDEES = 15;

/** Whom the form proposes: the IRO, the stage's addressees, and (stage 3) its chair; the chair the rung holder. */
export function proposedAttendees(r: Resolution, child: CaseOf): { attendeeIds: string[]; chairId: string } {
  const s = currentStage(r);
  if (s.meeting) return { attendeeIds: s.meeting.attendeeIds, chairId: s.meeting.chairId };
  const ids = [...new Set([child.iroId, ...s.addresseeIds])];
  // Stage 2 has no chair in the sources: the child's IRO proposes it and may choose another (decision).
  return { attendeeIds: ids, chairId: s.stage > 2 && s.addresseeIds.length ? s.addresseeIds[0] : child.iroId };
}

export interface ArrangeInput {
  /** YYYY-MM-DD and HH:MM in the council's time zone. */
  date: string;
  time: string;
  venue: string;
  chairId: string;
  attendeeIds: readonly string[];
  others: string;
}

const ARRANGE_EXAMPLE = 'Choose a working day and a time from today on, a venue, the chair and who attends';

export function arrangeMeeting(
  r: Resolution,
  o: TransitionInput & { people: People; calendar: WorkingCalendar; tzName: string; input: ArrangeInput },
): Resolution {
  assertCurrent(r, o.stageOnCard, o.table);
  const s = currentStage(r);
  if (!isMeetingStage(s)) {
    throw new AppError(
      'invalid-input',
      'this stage has no resolution meeting',
      {},
      { key: 'errors.meeting.no-meeting' },
    );
  }
  if (s.meeting?.outcome) {
    throw new AlreadyDone(
      `the meeting's outcome was already recorded by ${describeStamp(s.meeting.outcome)}; nothing was changed`,
      'meeting-outcome',
      s.meeting.outcome,
    );
  }
  if (!mayArrangeMeeting(o.actor, r, o.child)) {
    throw new AppError(
      'forbidden',
      'only the reviewing team (the IRO, business support or a reviewing team manager) arranges this meeting',
      {},
      { key: 'errors.meeting.not-yours' },
    );
  }
  const { input } = o;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(input.date))
    throw new AppError(
      'invalid-input',
      'choose the date of the meeting',
      { example: ARRANGE_EXAMPLE },
      { key: 'errors.meeting.date' },
    );
  if (!o.calendar.isWorkingDay(input.date)) {
    throw new AppError(
      'invalid-input',
      `${input.date} is not a working day`,
      { example: ARRANGE_EXAMPLE, problem: 'not-working-day' },
      { key: 'errors.meeting.not-working-day', params: { whenDate: input.date } },
    );
  }
  const start = londonStart(input.date, input.time, o.tzName);
  if (Date.parse(start) <= Date.parse(o.stamp.at)) {
    throw new AppError(
      'invalid-input',
      'that time has passed',
      { example: ARRANGE_EXAMPLE, problem: 'in-past' },
      { key: 'errors.meeting.in-past' },
    );
  }
  const venue = requiredText(input.venue, 'the venue', 200, ARRANGE_EXAMPLE);
  const others = (input.others ?? '').trim();
  if (others.length > 500)
    throw new AppError(
      'invalid-input',
      'the other attendees are too long (at most 500 characters)',
      { example: ARRANGE_EXAMPLE },
      { key: 'errors.meeting.others-long' },
    );
  const attendeeIds = [...new Set([o.child.iroId, ...input.attendeeIds])];
  if (attendeeIds.length > MAX_MEETING_ATTENDEES) {
    throw new AppError(
      'invalid-input',
      `invite at most ${MAX_MEETING_ATTENDEES} staff`,
      { example: ARRANGE_EXAMPLE },
      { key: 'errors.meeting.too-many', params: { max: MAX_MEETING_ATTENDEES } },
    );
  }
  const unknown = attendeeIds.filter((id) => !o.people.has(id) || hasRole(o.people.get(id)!, 'guardian'));
  if (unknown.length)
    throw new AppError(
      'invalid-input',
      `not in the staff directory: ${unknown.join(', ')}`,
      { example: ARRANGE_EXAMPLE },
      { key: 'errors.meeting.unknown-staff', params: { ids: unknown.join(', ') } },
    );
  if (!attendeeIds.includes(input.chairId)) {
    throw new AppError(
      'invalid-input',
      'the chair must be one of the attendees',
      { example: ARRANGE_EXAMPLE },
      { key: 'errors.meeting.chair' },
    );
  }
  return replaceCurrent(r, {
    ...s,
    meeting: {
      start,
      on: input.date,
      venue,
      chairId: input.chairId,
      attendeeIds,
      others,
      arranged: o.stamp,
      rearranged: s.meeting ? s.meeting.rearranged + 1 : 0,
      outcome: null,
    },
  });
}

/**
 * The IRO records what the meeting decided, in one change: resolved (the resolution ends with the notes as its
 * outcome), escalate (to the next rung, which may be a further meeting) or refer (to Cafcass, which needs the
 * senior officer notice first and, before the last stage, the notes are the reason for cutting it short).
 */
export function recordMeetingOutcome(
  r: Resolution,
  o: TransitionInput & { people: People; calendar: WorkingCalendar; decision: MeetingOutcome; notes: string },
): Resolution {
  assertCurrent(r, o.stageOnCard, o.table);
  assertIro(o, "record the meeting's outcome");
  const s = currentStage(r);
  if (!s.meeting) {
    throw new AppError(
      'invalid-input',
      'arrange the meeting first; its outcome is recorded after it',
      {},
      { key: 'errors.meeting.arrange-first' },
    );
  }
  if (s.meeting.outcome)
    throw new AlreadyDone(
      `already recorded by ${describeStamp(s.meeting.outcome)}; nothing was changed`,
      'recorded',
      s.meeting.outcome,
    );
  const on = s.meeting.on;
  if (o.stamp.on < on) {
    throw new AppError(
      'invalid-input',
      `the meeting is on ${on}: record its outcome after it`,
      {},
      { key: 'errors.meeting.not-yet', params: { whenDate: on } },
    );
  }
  const notes = requiredText(o.notes, "the meeting's outcome", 2000, 'Say what the meeting agreed');
  const held = replaceCurrent(r, {
    ...s,
    meeting: { ...s.meeting, outcome: { ...o.stamp, decision: o.decision, notes } },
  });
  const decide = { actor: o.actor, child: o.child, stamp: o.stamp, table: o.table };
  switch (o.decision) {
    case 'resolved':
      return resolve(held, { ...decide, outcome: notes });
    case 'escalate':
      return escalate(held, { ...decide, people: o.people, calendar: o.calendar });
    case 'refer':
      return refer(held, { ...decide, cutShortReason: notes });
  }
}
