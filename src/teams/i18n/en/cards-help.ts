// /help (issue 13): each command's usage line and description, keyed by the command's name. The command
// registry names these keys (commands/command-spec.ts), so /help and the manifest read the same words.
export const cardsHelpEn = {
  'command.due.usage':
    '/due [this week | next week | today | tomorrow | overdue | next N days | DATE | DATE to DATE] [team | for PERSON]',
  'command.due.description':
    'Reviews due in a window, overdue first, with the rule behind each due date and whether it is booked',
  'command.caseload.usage': '/caseload [@person | team]',
  'command.caseload.description':
    'Children per IRO by track and legal status, reviews in the next 30 days, and load per FTE against 70–120',
  'command.actions.usage': '/actions',
  'command.actions.description': 'What you need to do next, oldest deadline first',
  'command.case.usage': '/case REF',
  'command.case.description':
    "A child's timeline: next review and its rule, bookings, past reviews within or outside timescale (personal chat only)",
  'command.book.usage': '/book REF [DATE]',
  'command.book.description':
    "Book a child's next review: date, time, venue and invitees (a date outside timescale needs a manager's approval)",
  'command.reschedule.usage': '/reschedule REF',
  'command.reschedule.description':
    'Move, cancel or adjourn a booked review: free slots up to the due-by date; a manager approves the move',
  'command.held.usage': '/held REF [REVIEW-ID]',
  'command.held.description':
    'Record a review as held (who chaired, combined with a CP conference); with a review id, correct a held date recorded in error',
  'command.distributed.usage': '/distributed REF REVIEW-ID',
  'command.distributed.description':
    "Record a review's written record as distributed today (closes the 14-day record action)",
  'command.notify.usage': '/notify REF [forward | correct] | /notify new',
  'command.notify.description':
    'Notify an event that changes review timescales (became looked after, unplanned move, adoption, …); the IRO: "forward" brings the review forward; business support: "new" for a child new to care',
  'command.raise.usage': '/raise REF',
  'command.raise.description':
    'Raise a resolution (informal or formal) about a child on your caseload (IRO, personal chat)',
  'command.resolutions.usage': '/resolutions [open | all] [REF]',
  'command.resolutions.description': 'Resolutions with their stage, age in working days and next deadline',
  'command.compliment.usage': '/compliment REF PERSON TEXT',
  'command.compliment.description': "Record a compliment about a worker's practice on a case; it is sent to them (IRO)",
  'command.liaison.usage': '/liaison REF',
  'command.liaison.description':
    "A child's care proceedings and Guardian liaison: Guardian, hearings, court documents, discussions (personal chat)",
  'command.report.usage': '/report [board | export] [last half-year | Apr 2026 to Sep 2026 | 2026-04-01 to 2026-09-30]',
  'command.report.description':
    'Compliance by month vs target, late reasons, caseload; "board": the board\'s measures; "export": the .xlsx (personal chat)',
  'command.setup.usage':
    '/setup [iro-channel | social-work-channel TEAM | managers-channel | liaison-channel [PERSON] | language cy|en|both | status]',
  'command.setup.description':
    'Give this channel a purpose or a language, or show what is configured and what could not be delivered (admin)',
  'command.help.usage': '/help',
  'command.help.description': 'What I can do, and which timescale policy is in force',
  'command.language.usage': '/language english | welsh',
  'command.language.description': 'Choose the language I write to you in (also /iaith cymraeg | saesneg)',
} as const;
