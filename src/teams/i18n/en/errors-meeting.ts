// Refusals of RS2 resolution meetings and the ladder's addressees (src/domain/resolutions/), keyed for the
// reader's language (issue 13). `whenDate` is an ISO date, written by errorNotice in the reader's language.
export const errorsMeetingEn = {
  'errors.meeting.no-meeting': 'this stage has no resolution meeting',
  'errors.meeting.not-yours':
    'only the reviewing team (the IRO, business support or a reviewing team manager) arranges this meeting',
  'errors.meeting.date': 'choose the date of the meeting',
  'errors.meeting.not-working-day': '{whenDate} is not a working day',
  'errors.meeting.in-past': 'that time has passed',
  'errors.meeting.others-long': 'the other attendees are too long (at most 500 characters)',
  'errors.meeting.too-many': 'invite at most {max, number} staff',
  'errors.meeting.unknown-staff': 'not in the staff directory: {ids}',
  'errors.meeting.chair': 'the chair must be one of the attendees',
  'errors.meeting.arrange-first': 'arrange the meeting first; its outcome is recorded after it',
  'errors.meeting.not-yet': 'the meeting is on {whenDate}: record its outcome after it',
  'errors.meeting.is-meeting-stage': 'this stage is a resolution meeting: it is arranged and its outcome recorded',
  'errors.resolution.no-role-holder':
    'nobody holds the role {role} in the staff directory, so {stage} cannot be addressed; ask your administrator',
  'errors.done.meeting-outcome':
    "the meeting's outcome was already recorded by {name} on {onDate}; nothing was changed",
  'errors.done.recorded': 'already recorded by {name} on {onDate}; nothing was changed',
  'errors.done.officer-notified': 'the senior officer was already notified by {name} on {onDate}; nothing was changed',
  'errors.done.gathered': 'already marked as gathered by {name} on {onDate}; nothing was changed',
  'errors.done.resolved': 'this resolution was already resolved by {name} on {onDate}; nothing was changed',
  'errors.done.referred': 'this resolution was referred to Cafcass by {name} on {onDate}; nothing was changed',
  'errors.done.acknowledged': 'already acknowledged by {name} on {onDate}; nothing was changed',
  'errors.done.answered': 'already answered by {name} on {onDate}; nothing was changed',
  'errors.done.moved':
    'this card is out of date: the resolution moved to {stage} ({name}, {onDate}); nothing was changed',
} as const;
