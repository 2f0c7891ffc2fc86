// Refusals of a card's fields (zod checks in src/teams/card-verbs/, issue 13): the field and the problem are
// codes, written here in the reader's language.
const BOOKING_FIELD =
  '{field, select, ref {case reference} date {date} time {start time} venue {venue} heldOn {held date} reviewId {review} requestId {request} bookingId {booking} mode {what to do} other {value}}';

export const errorsFieldsEn = {
  'errors.field.booking-missing': `the ${BOOKING_FIELD} is missing — nothing was changed`,
  'errors.field.booking-invalid': `${BOOKING_FIELD}: {problem, select, reference {not a case reference} missing {missing} date {choose a date} time {choose a start time} other {not valid}} — nothing was changed`,
  'errors.field.liaison':
    'check {field, select, startedOn {the date the proceedings started} guardianAppointedOn {the date the Guardian was appointed} irhDate {the Issues Resolution Hearing date} finalHearingDate {the final hearing date} concludedOn {the date the proceedings concluded} courtDocsReceivedOn {the date legal received court documents} intervalDays {the days between discussions (7 to 182)} outcome {the outcome} guardianId {the Guardian} legalContactId {the legal contact} other {the form}}: dates are YYYY-MM-DD; nothing was changed',
  'errors.invoke.guest': "That's not available to you: {reason}.",
  'errors.invoke.unknown-verb': 'This card is out of date or not mine; nothing was changed.',
  'message.too-large.title': 'This answer is too long for Teams',
  'message.too-large.text':
    'It would be larger than Teams accepts, so I have not sent it. Ask for less: a shorter window (/due today), one person (/due this week for PERSON), or your own list.',
} as const;
