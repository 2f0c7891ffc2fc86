// What a click or a command answers after it did something (issue 13): the notices and short messages of
// the card verbs (src/teams/card-verbs/), /compliment and /distributed, and a reschedule request's decision.
export const cardsVerbsEn = {
  'verbs.notify.recorded': 'Recorded: {event}',
  'verbs.notify.already': 'Already recorded: {event}',
  'verbs.notify.corrected': 'Corrected: {event}',
  'verbs.notify.withdrawn': 'Withdrawn: {event}',
  'verbs.notify.due': "{ref}'s next review is now due by {date} — {rule}: {explanation}.",
  'verbs.notify.none-due': '{ref} has no review due now: {event} on {date}.',
  'verbs.notify.iro-told': 'The IRO is told.',
  'verbs.approval.title': 'Sent for approval · {child}',
  'verbs.book.approval':
    "{when} is after the due-by date, so a reviewing team manager must approve it (request {id}). You'll hear when they decide.",
  'verbs.cancel.title.cancelled': 'Review cancelled · {child}',
  'verbs.cancel.title.adjourned': 'Review adjourned · {child}',
  'verbs.cancel.text.cancelled':
    'The review booked for {when} is cancelled: {reason}. The IRO and social work channels are told.',
  'verbs.cancel.text.adjourned':
    'The review booked for {when} is adjourned: {reason}. The IRO and social work channels are told.',
  'verbs.moved.title': 'Review moved · {child}',
  'verbs.moved.text': 'Moved to {when} (within timescale, approved by policy).',
  'verbs.reschedule.waiting':
    'Moving the review to {when} is waiting for a reviewing team manager (request {id}). The booking stays as it is until then.',
  'verbs.reschedule.waiting-outside':
    'Moving the review to {when} (OUTSIDE TIMESCALE) is waiting for a reviewing team manager (request {id}). The booking stays as it is until then.',
  'verbs.decided.already': 'Already decided — {decision}. Nothing was changed.',
  'decision.pending': 'Waiting for a reviewing team manager to decide',
  'decision.approved': 'Approved by {name} at {when}',
  'decision.declined': 'Declined by {name} at {when}',
  'decision.declined-comment': 'Declined by {name} at {when}: {comment}',
  'decision.withdrawn': 'Withdrawn ({why}) at {when}',
  'decision.booking-changed': 'booking changed',
  'decision.someone': 'someone',
  'decision.unknown-time': 'an unknown time',
  'verbs.liaison.discussion-recorded': "Discussion recorded on the child's case record (L10).",
  'verbs.liaison.closed': "Discussion recorded on the child's case record (L10). The liaison is now closed.",
  'verbs.compliment.title': 'Compliment recorded',
  'verbs.compliment.text': 'Recorded on {ref} ({id}) and sent to {name}.',
  'verbs.held.title': 'Review recorded as held',
  'verbs.held.record-due': 'The written record is due by {date}.',
  'verbs.held.within': 'Within timescale. {recordDue}',
  'verbs.held.outside': 'Held after its due-by date: counted outside timescale. {recordDue}',
  'verbs.held.outside-no-reason':
    'Held after its due-by date: counted outside timescale (no reason given). {recordDue}',
  'verbs.held.corrected.title': 'Held date corrected',
  'verbs.held.corrected.text': 'Was {date}; the old date stays in the case history.',
  'verbs.distributed.title': 'Record distributed',
  'verbs.distributed.text': 'The written record is recorded as distributed.',
} as const;
