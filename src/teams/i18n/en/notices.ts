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
  'notice.withheld.title': 'Not posted · {child}',
  'notice.withheld.text':
    "I did not post a message about this child in {where, select, personal {a personal chat} iro_channel {the IRO channel} social_work_channel {the social work team channel} managers_channel {the managers channel} liaison_channel {the Guardian liaison channel} other {a channel}}: someone there is a guest who is not this child's Guardian. Check who is in that conversation (a liaison channel must have its own Guardian as its only guest); an administrator can see it in /setup status.",
  'notice.withheld.summary': 'Not posted · {ref}',
  'notice.resolution-gone.title': 'Resolution {id}',
  'notice.resolution-gone.text': 'This resolution is no longer on record.',
} as const satisfies Record<string, string>;
