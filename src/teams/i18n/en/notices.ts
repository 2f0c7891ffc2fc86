// Notices about a child queued by the app's use cases (ChildDoc.pending, type child-notice), written at
// delivery in the conversation's language (presenters/pending-messages.ts). Values ending in "Instant"
// are written there as a date and time in the council's zone.
export const noticesEn = {
  'notice.allocation.title': 'IRO allocation',
  'notice.allocation.new': 'This child has been allocated to you (previously {from}).',
  'notice.allocation.old': 'This child has been reallocated to {to}; you are no longer their IRO.',
  'notice.senior-officer.title': 'Possible Cafcass referral',
  'notice.senior-officer.text': '{iro} (IRO) gives notice that resolution {id} may be referred to Cafcass. {note}',
  'notice.cut-short.title': 'Cafcass referral: process cut short',
  'notice.cut-short.text':
    '{iro} (IRO) has referred resolution {id} to Cafcass Cymru before the last stage. Reason: {reason}',
  'notice.compliment.title': 'A compliment from {name}',
  'notice.booking-ended.title': '{status, select, cancelled {Review cancelled} other {Review adjourned}}',
  'notice.booking-ended.text':
    '{name}: the review booked for {startInstant} is {status, select, cancelled {cancelled} other {adjourned}}. Reason: {reason}',
} as const satisfies Record<string, string>;
