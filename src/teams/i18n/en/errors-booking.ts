// Refusals of booking, rescheduling and recording reviews (AppError userMessage keys, issue 13). A value
// named "…Date" is an ISO date, "…Slots" a list of "YYYY-MM-DD HH:MM", written by errorNotice in the
// reader's language.
export const errorsBookingEn = {
  'errors.booking.not-yours': "only {ref}'s IRO or business support can book its review",
  'errors.booking.already-booked': "{ref}'s next review is already booked: to move it, reschedule",
  'errors.booking.booked-by':
    "{ref}'s next review is already booked{by, select, none {} other { by {by}}} for {whenDate} {time}: to move it, reschedule",
  'errors.booking.venue': 'choose a venue',
  'errors.booking.request-waiting': 'a request for {ref} is already waiting for a manager (asked by {by})',
  'errors.booking.case-unknown': "I can't find case {ref} among the children you work with",
  'errors.booking.history-unreadable':
    "{ref}'s history cannot be read, so I can't work out its due date: ask your administrator to check the import",
  'errors.booking.no-review-due': '{ref} has no review due (not looked after, or the plan has ended)',
  'errors.booking.next-slots': 'The next free slots: {freeSlots}',
  'errors.booking.outside-mark': 'outside timescale',
  'errors.booking.no-free-slot': 'There is no free slot from {fromDate} up to the due-by date ({dueDate})',
  'errors.booking.in-past': '{whenDate} {time} is in the past',
  'errors.booking.not-working-day':
    '{whenDate} is not a working day ({weekend, select, yes {a weekend} other {a bank holiday or closure day}})',
  'errors.booking.clash': 'the IRO already has a review at {whenDate} {time}',
  'errors.booking.day-full':
    'the IRO already has {count, number} reviews on {whenDate} (the most in one day is {max, number})',
  'errors.booking.outside-timescale':
    "that date is after the due-by date ({dueDate}): outside timescale needs a reason category and an explanation, and a manager's approval",
  'errors.booking.not-a-time': '"{time}" is not a time (HH:MM)',
  'errors.held.not-yours': "only {ref}'s IRO or business support can record its review as held",
  'errors.held.correct-not-yours': "only {ref}'s IRO or a manager can correct a held date",
  'errors.held.not-a-date':
    '{what, select, corrected {the corrected date} distributed {the distribution date} other {the held date}} is not a date (YYYY-MM-DD)',
  'errors.held.future':
    '{what, select, corrected {the corrected date} distributed {the distribution date} other {the held date}} {whenDate} is in the future',
  'errors.held.history': "that date does not fit {ref}'s history",
  'errors.held.chair': 'the chair must be an IRO ({id} is not)',
  'errors.held.no-review': '{ref} has no review {id}',
  'errors.held.why-wrong': 'say why the held date was wrong',
  'errors.held.already-held': 'review {id} is already recorded as held on {whenDate}',
  'errors.held.distributed-before': 'its record was distributed on {whenDate}, before that date',
  'errors.distribute.not-yours': "only {ref}'s IRO or business support can record its review record as distributed",
  'errors.distribute.already': 'the record of review {id} was already recorded as distributed on {whenDate}',
  'errors.distribute.before-held': 'the record cannot be distributed before the review was held ({whenDate})',
  'errors.reschedule.booking-gone': 'booking {id} no longer exists',
  'errors.reschedule.not-booked': "{ref}'s next review is not booked yet: book it first",
  'errors.reschedule.booking-ended':
    'that booking was {status, select, cancelled {cancelled} adjourned {adjourned} held {held} other {{status}}}; nothing to move',
  'errors.reschedule.already-held': 'that booking is for a review already held; nothing to move',
  'errors.reschedule.not-yours': "only {ref}'s IRO, business support or social worker can ask to move its review",
  'errors.reschedule.waiting': 'a request to move this review is already waiting for a manager (asked by {by})',
  'errors.reschedule.reason': 'choose a reason for the move',
  'errors.reschedule.slot-unknown': 'that slot is not a date and time I offered',
  'errors.reschedule.pick': 'pick one of the free slots, or give another date and time',
  'errors.reschedule.same-time': 'that is the time it is already booked for',
  'errors.reschedule.own-request': 'you asked for this move, so another manager must decide it',
  'errors.reschedule.not-decider':
    'only a reviewing team manager who did not ask (or the head of service) can decide this request',
  'errors.reschedule.decline-why':
    'say why you are declining in the comment box (the comment goes to the person who asked)',
  'errors.reschedule.booking-changed':
    'the booking changed after this request was made (moved, cancelled or held); decline it and ask again',
  'errors.reschedule.booked-since': "{ref}'s review was booked after this request was made; decline it",
  'errors.reschedule.end-not-yours':
    "only {ref}'s IRO or business support can {mode, select, cancel {cancel} other {adjourn}} its review",
  'errors.reschedule.end-why':
    'say why the review is {mode, select, cancel {cancelled} other {adjourned}} (in the explanation box)',
  'errors.update.busy': '{ref} kept changing while I was saving ({tries, number} tries); nothing was saved: try again',
  'errors.update.stale': '{ref} was changed by {by} after this form was opened; nothing was saved: open it again',
} as const satisfies Record<string, string>;
