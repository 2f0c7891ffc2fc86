// The sweeper's weekly digests and daily reminders (cards/digest.json, cards/reminder.json), issue 13.
export const digestEn = {
  'digest.title.iro': 'Your week: reviews and records',
  'digest.title.service': 'Reviewing service: the week ahead',
  'digest.subtitle': 'Week of {weekOf} · reviews due up to {windowEnd}',
  'digest.section.overdue': 'Overdue ({count, number})',
  'digest.section.to-book': 'To book: due by {date} ({count, number})',
  'digest.section.records': 'Records to distribute ({count, number})',
  'digest.more': '…and {count, number} more: {hint}',
  'digest.hint.iro': 'type /actions',
  'digest.hint.service': 'type /due team or /actions',
  'digest.row.due-by': 'Due by {date}',
  'digest.row.distribute-by': 'Distribute by {date}',
  'digest.row.record': 'Record of review {reviewId}, held {date}',
  'digest.row.iro': 'IRO: {name}',
  'digest.empty.iro': 'Nothing outstanding this week.',
  'digest.empty.service': 'Nothing overdue, nothing to book and no records outstanding.',
  'digest.footer.iro': 'Type /due next 28 days or /actions for the full lists.',
  'digest.footer.service': 'Type /due team for the whole list, or /actions for what to do next.',
  'digest.summary':
    'Weekly digest: {overdue, number} overdue, {toBook, number} to book, {records, plural, one {# record} other {# records}} to distribute',
  'reminder.review.title': 'Review to book',
  'reminder.review.text':
    'The next review for {child} is due by {date} and is not booked: {left, plural, =0 {it is due today.} one {# working day left.} other {# working days left.}}',
  'reminder.review.footer':
    'Type /case {ref} for the timeline. You will be reminded each working day until it is booked.',
  'reminder.record.title.due': 'Review record due',
  'reminder.record.title.overdue': 'Review record overdue',
  'reminder.record.text.due':
    'Distribute the written record of review {reviewId} for {child} by {date} (within 14 days of the review).',
  'reminder.record.text.overdue':
    'The written record of review {reviewId} for {child} was due by {date} and is {late}: distribute it now.',
  'reminder.record.footer': 'Type /case {ref} for the timeline.',
  'reminder.fact.child': 'Child',
  'reminder.fact.due-by': 'Due by',
  'reminder.fact.rule': 'Rule',
  'reminder.fact.booking': 'Booking',
  'reminder.fact.held': 'Review held',
  'reminder.fact.distribute-by': 'Distribute by',
  'reminder.button.distributed': 'Record distributed today',
  'reminder.summary.review': 'Review to book: {ref}',
  'reminder.summary.record-due': 'Review record due: {ref}',
  'reminder.summary.record-overdue': 'Review record overdue: {ref}',
} as const satisfies Record<string, string>;
