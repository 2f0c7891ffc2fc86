// Refusals of the app's use cases not keyed before (cover, new entry, participation, reports), issue 13.
export const errorsAppEn = {
  'errors.more.board-export':
    'the board export is for reviewing team managers, senior managers and admins; /report shows the same figures',
  'errors.more.already-known': '{ref} is already known; nothing was saved',
  'errors.more.not-an-iro': '{id} is not an IRO in the staff directory',
  'errors.more.no-child': 'no child with reference {ref}',
  'errors.more.cover-moved': '{ref} is no longer allocated to {id}; nothing was changed: set the cover again',
  'errors.more.cover-self': 'the absent IRO cannot cover their own reviews',
  'errors.more.due-not-for-you': '/due is for IROs, business support and managers',
  'errors.more.report-not-available': 'that report is not available to you; nothing was sent',
  'errors.more.form-not-available': 'that form is not available to you; nothing was changed',
  'errors.more.cover-manager': 'cover is set by a reviewing team manager; nothing was changed',
  'errors.more.new-entry-known': '{ref} is already known: notify its events with /notify {ref}',
  'errors.more.new-entry-not-yours': 'only business support or a reviewing team manager can notify a new entry to care',
  'errors.more.checklist-no-booking': 'no review is booked for {ref}: the checklist belongs to a booking',
  'errors.more.checklist-not-yours': "only {ref}'s IRO completes its participation checklist",
  'errors.more.checklist-moved': 'this checklist is for a booking that has since changed; nothing was changed',
  'errors.more.not-meeting-stage': '{id} is not at a resolution meeting stage',
  'errors.more.checklist-item-unknown': 'that checklist item is not one I know; nothing was changed',
  'errors.more.checklist-status': '{item}: choose done, not applicable or not done; nothing was changed',
  'errors.more.checklist-reason-long': '{item}: the reason is longer than {max, number} characters',
  'errors.more.checklist-reason': '{item}: "not applicable" needs a reason; nothing was changed',
  'errors.more.allocate-reason': 'say why the child moves to another IRO',
  'errors.more.already-allocated':
    '{ref} was already allocated to {name}{by, select, none {} other { by {by}}}; nothing was changed',
  'errors.cover.dates-needed': 'give the first and last day of the absence (YYYY-MM-DD)',
  'errors.cover.ends-before': 'the absence ends ({toDate}) before it starts ({fromDate})',
  'errors.cover.ended': 'the absence ended on {toDate}: cover is set for today or later',
  'errors.cover.too-long':
    'cover spans at most {max, number} days; for a longer absence reallocate the children (/allocate)',
  'errors.period.not-a-date': '"{text}" is not a real date',
  'errors.period.unreadable-end':
    'I can\'t read "{text}" as a month or a date (use "Apr 2016", "2016-04" or "2016-04-01")',
  'errors.period.not-a-month': '"{text}" is not a real month',
  'errors.period.out-of-range': '"{text}" is out of range',
  'errors.period.unreadable': 'I can\'t read "{text}" as a period: give two months or dates joined by "to"',
  'errors.period.ends-before': 'the period ends ({toDate}) before it starts ({fromDate})',
  'errors.period.future': 'the period starts after today ({todayDate}), so nothing in it is due yet',
  'errors.period.too-long': 'a report covers at most {max, number} months; {fromDate} to {toDate} is {months, number}',
  'errors.new-entry.not-a-date':
    '{which, select, looked_after {the date the child became looked after} other {the date proceedings were issued}} is not a date (YYYY-MM-DD)',
  'errors.new-entry.future':
    '{which, select, looked_after {the date the child became looked after} other {the date proceedings were issued}} {whenDate} is in the future',
  'errors.new-entry.legal-status': 'choose the legal status: {statuses}',
  'errors.new-entry.social-worker': 'choose the social worker from the staff directory',
  'errors.new-entry.team-long': 'the social work team is at most 100 characters',
} as const;
