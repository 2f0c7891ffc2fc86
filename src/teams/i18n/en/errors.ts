// Refusals thrown as AppError with a `userMessage` key (src/domain/errors.ts), written in the reader's
// language by src/teams/error-replies.ts (issue 13). The thrower keeps an English message for logs.
export const errorsEn = {
  'errors.due.window-unreadable':
    'I can\'t read "{text}" as a window. The windows are: this week, next week, today, tomorrow, overdue, next N days (e.g. next 10 days), a date (2016-10-04 or 4 Oct 2016), or a range (4 Oct 2016 to 10 Oct 2016); then optionally "team" or "for" a person',
  'errors.due.next-days-range': '"next N days" takes N from 1 to {max, number}',
  'errors.due.ends-before-start': 'the window ends ({to}) before it starts ({from})',
  'errors.scope.person-unknown':
    'I can\'t find "{who}" in the staff directory: name a person with an @mention, their e-mail address or their staff id',
  'errors.scope.others-forbidden': "only business support, managers and admin can look at other people's children",
  'errors.scope.no-caseload': 'you have no caseload of your own',
  'errors.case-ref.not-a-ref': '"{ref}" is not a case reference',
  'errors.case-ref.missing': 'which case? Give its reference',
  'errors.command.no-arguments': '/{command} takes no arguments',
  'errors.command.role': '/{command} is not available to your role',
  'errors.command.where':
    '/{command} works only in {places, select, personal {a personal chat with me} team {a channel} groupChat {a group chat} personal_team {a personal chat with me or a channel} personal_groupChat {a personal chat with me or a group chat} team_groupChat {a channel or a group chat} other {a personal chat with me, a channel or a group chat}}{personalOnly, select, yes {: what it shows is only shown in a personal chat} other {}}',
  'errors.guest.refused': 'as a guest you can use /actions and /help, and the liaison cards for your own children',
  'errors.guest.channel-withheld':
    "I can't show anything about children here: someone in this conversation is a guest. Ask me in a personal chat",
  'errors.person.unknown': 'I can\'t find "{who}" in the staff directory',
  'errors.caseload.unreadable':
    'I can\'t read "{text}" here: /caseload takes nothing (your own), "team" (the whole service), or a person (an @mention, an e-mail address or a staff id)',
  'errors.resolutions.unreadable':
    'I can\'t read "{text}" here: /resolutions takes a case reference, "open" (the default) or "all"',
  'errors.compliment.usage': 'give the case, the person and what the compliment is for',
  'errors.distributed.usage': 'give the case reference and the review id',
  'errors.held.usage': 'give a case reference and, to correct a date, one review id',
  'errors.notify.usage':
    'give a case reference, then "forward" to bring its review forward or "correct" to correct an event',
  'errors.setup.not-admin': "only the service's Teams administrator can run /setup",
  'errors.setup.unknown-purpose':
    '"{word}" is not something I can set up; choose one of iro-channel, social-work-channel, managers-channel, liaison-channel, language or status',
  'errors.setup.nothing-after': '/setup {purpose} takes nothing after it',
  'errors.setup.in-channel': 'run /setup {purpose} in the channel you want to use',
  'errors.setup.which-team': 'say which social work team this channel is for',
  'errors.setup.wrong-guardian': 'the guest in this channel is {guest}, not {named}',
  'errors.setup.no-person': '/setup {purpose} takes no person',
  'errors.setup.channel-unknown': 'I have no record of this channel yet; mention me here once and try again',
  'errors.setup.guests':
    '{count, plural, =0 {a liaison channel needs its Guardian as a guest member, and I see no guest here} other {a liaison channel must have exactly one guest (its Guardian); I see {count, number}}}',
  'errors.setup.not-guardian': 'the guest in this channel is not a Guardian in the staff directory',
  'errors.setup.language-usage': 'say which language this channel is written in: cy, en or both',
  'errors.setup.language-personal':
    'run /setup language in the channel you want to set; in this chat, /language chooses yours',
  'errors.card.out-of-date': 'this card is out of date or incomplete; nothing was changed',
  'errors.card.out-of-date-file': 'this card is out of date or not mine; nothing was sent',
  'errors.file.personal-only': 'files are sent only in a personal chat with me',
  'errors.command.one-ref': 'give one case reference',
  'errors.report.period': 'that is not a period I can read',
  'errors.card.field-missing':
    'the {field, select, ref {case reference} bookingId {booking} reviewId {review} requestId {request} other {{field}}} is missing — nothing was changed',
  'errors.card.field-invalid':
    '{field, select, ref {case reference: not a case reference} bookingId {booking: not valid} reviewId {review: not valid} requestId {request: not valid} other {{field}: not valid}} — nothing was changed',
  'errors.card.list-unavailable': 'that list is not available to you; type the command again',
  'errors.liaison.unavailable': 'that liaison item is not available to you',
  'errors.not-found.case': "I can't find that case among the children you work with; nothing was changed",
  'errors.not-found.booking': "I can't find that booking among the children you work with; nothing was changed",
  'errors.not-found.review': "I can't find that review among the children you work with; nothing was changed",
  'errors.not-found.request': 'that request no longer exists; nothing was changed',
  'errors.not-found.resolution': "I can't find that resolution among the cases you can see; nothing was changed",
} as const satisfies Record<string, string>;
