// An impossible child history (src/domain/review-history.ts, issue 13): word for word the engine's English
// message (test/domain/review-history-keys.spec.ts). Values named …Date are written as dates in the reader's
// language when a refusal is shown; `eventType` is an event's code, written as the catalogue's event name.
const STARTED =
  '{track, select, cla {the child became looked after} ifst {the IFST intensive phase started} other {short breaks started}}';

export const errorsHistoryEn = {
  'errors.history.no-ref': 'child {ref}: missing case reference',
  'errors.history.unknown-track': 'child {ref}: unknown track {track}',
  'errors.history.events-not-list': 'child {ref}: events must be a list',
  'errors.history.reviews-not-list': 'child {ref}: reviews must be a list',
  'errors.history.event-unknown-type': 'child {ref}: event {n} has unknown type {type}',
  'errors.history.event-bad-date': 'child {ref}: event {eventType} has an invalid date {value}',
  'errors.history.event-wrong-track': 'child {ref}: event {eventType} on {onDate} does not apply to the {track} track',
  'errors.history.forward-no-due-by': 'child {ref}: review-brought-forward on {onDate} has no dueBy',
  'errors.history.forward-bad-due-by': 'child {ref}: review-brought-forward on {onDate} has an invalid dueBy {value}',
  'errors.history.forward-due-before':
    'child {ref}: review-brought-forward on {onDate} has dueBy {dueByDate} before the day it was set',
  'errors.history.forward-no-reason': 'child {ref}: review-brought-forward on {onDate} has no reason',
  'errors.history.forward-unknown-reason':
    'child {ref}: review-brought-forward on {onDate} has unknown reason {reason}',
  'errors.history.review-no-id': 'child {ref}: a review has no id',
  'errors.history.review-duplicate': 'child {ref}: duplicate review id {review}',
  'errors.history.review-bad-held': 'child {ref}: review {review} has an invalid heldOn {value}',
  'errors.history.review-bad-record': 'child {ref}: review {review} has an invalid recordDistributedOn {value}',
  'errors.history.record-before-held':
    'child {ref}: review {review} record distributed on {recordDate}, before the review was held on {heldDate}',
  'errors.history.review-unknown-late': 'child {ref}: review {review} has unknown lateReason {reason}',
  'errors.history.review-bad-due-by': 'child {ref}: review {review} has an invalid stored dueBy {value}',
  'errors.history.review-unknown-rule': 'child {ref}: review {review} has unknown stored rule {rule}',
  'errors.history.review-before-start': `child {ref}: review {review} held on {heldDate}, before ${STARTED}`,
  'errors.history.review-after-final':
    "child {ref}: review {review} held on {heldDate}, after the IFST plan's final review (held on {finalDate})",
  'errors.history.review-while-closed':
    'child {ref}: review {review} held on {heldDate} while not {track, select, cla {looked after} other {open}} (ended on {endedDate})',
  'errors.history.started-twice': `child {ref}: {eventType} on {onDate}, but ${STARTED} on {openedDate} with no ceased-looked-after since`,
  'errors.history.ceased-while-closed':
    'child {ref}: ceased-looked-after on {onDate}, but the child was not {track, select, cla {looked after} other {open on this track}} then',
  'errors.history.event-while-closed':
    "child {ref}: {eventType} on {onDate} {why, select, after_final {after the IFST plan's final review} not_looked_after {when the child was not looked after} other {when the track was not open}}",
} as const;
