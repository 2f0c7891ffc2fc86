// Hanes amhosibl plentyn: the same keys and placeholders as en/errors-history.ts. The field names of the
// import format (dueBy, heldOn, recordDistributedOn, lateReason) are kept: they name what to correct.
// translator: confirm "llwybr" (track: cla, short breaks, IFST) and "dynodydd" (an id).
import type { errorsHistoryEn } from '../en/errors-history.js';

const STARTED =
  "{track, select, cla {i'r plentyn ddechrau derbyn gofal} ifst {i gam dwys IFST ddechrau} other {i'r seibiannau byr ddechrau}}";

export const errorsHistoryCy: Readonly<Record<keyof typeof errorsHistoryEn, string>> = {
  'errors.history.no-ref': 'plentyn {ref}: does dim cyfeirnod achos',
  'errors.history.unknown-track': 'plentyn {ref}: llwybr anhysbys {track}',
  'errors.history.events-not-list': "plentyn {ref}: rhaid i'r digwyddiadau fod yn rhestr",
  'errors.history.reviews-not-list': "plentyn {ref}: rhaid i'r adolygiadau fod yn rhestr",
  'errors.history.event-unknown-type': 'plentyn {ref}: mae gan ddigwyddiad {n} fath anhysbys {type}',
  'errors.history.event-bad-date': 'plentyn {ref}: mae gan y digwyddiad {eventType} ddyddiad annilys {value}',
  'errors.history.event-wrong-track':
    "plentyn {ref}: dydy'r digwyddiad {eventType} ar {onDate} ddim yn perthyn i'r llwybr {track}",
  'errors.history.forward-no-due-by':
    'plentyn {ref}: does dim dyddiad dyledus (dueBy) gan yr adolygiad a ddaeth ymlaen ar {onDate}',
  'errors.history.forward-bad-due-by':
    'plentyn {ref}: mae gan yr adolygiad a ddaeth ymlaen ar {onDate} ddyddiad dyledus (dueBy) annilys {value}',
  'errors.history.forward-due-before':
    "plentyn {ref}: mae dyddiad dyledus yr adolygiad a ddaeth ymlaen ar {onDate}, {dueByDate}, cyn y diwrnod y'i pennwyd",
  'errors.history.forward-no-reason': 'plentyn {ref}: does dim rheswm gan yr adolygiad a ddaeth ymlaen ar {onDate}',
  'errors.history.forward-unknown-reason':
    'plentyn {ref}: mae gan yr adolygiad a ddaeth ymlaen ar {onDate} reswm anhysbys {reason}',
  'errors.history.review-no-id': 'plentyn {ref}: does dim dynodydd gan adolygiad',
  'errors.history.review-duplicate': "plentyn {ref}: mae'r dynodydd adolygiad {review} ddwywaith",
  'errors.history.review-bad-held':
    'plentyn {ref}: mae gan adolygiad {review} ddyddiad cynnal (heldOn) annilys {value}',
  'errors.history.review-bad-record':
    'plentyn {ref}: mae gan adolygiad {review} ddyddiad dosbarthu cofnod (recordDistributedOn) annilys {value}',
  'errors.history.record-before-held':
    'plentyn {ref}: dosbarthwyd cofnod adolygiad {review} ar {recordDate}, cyn cynnal yr adolygiad ar {heldDate}',
  'errors.history.review-unknown-late':
    'plentyn {ref}: mae gan adolygiad {review} reswm hwyrni (lateReason) anhysbys {reason}',
  'errors.history.review-bad-due-by':
    'plentyn {ref}: mae gan adolygiad {review} ddyddiad dyledus wedi’i storio sy’n annilys {value}',
  'errors.history.review-unknown-rule':
    'plentyn {ref}: mae gan adolygiad {review} reol wedi’i storio sy’n anhysbys {rule}',
  'errors.history.review-before-start': `plentyn {ref}: cynhaliwyd adolygiad {review} ar {heldDate}, cyn ${STARTED}`,
  'errors.history.review-after-final':
    'plentyn {ref}: cynhaliwyd adolygiad {review} ar {heldDate}, ar ôl adolygiad olaf cynllun IFST (a gynhaliwyd ar {finalDate})',
  'errors.history.review-while-closed':
    'plentyn {ref}: cynhaliwyd adolygiad {review} ar {heldDate} pan nad oedd y plentyn {track, select, cla {yn derbyn gofal} other {ar y llwybr}} (daeth i ben ar {endedDate})',
  'errors.history.started-twice':
    'plentyn {ref}: {eventType} ar {onDate}, ond dechreuodd {track, select, cla {y plentyn dderbyn gofal} ifst {cam dwys IFST} other {seibiannau byr}} ar {openedDate} ac nid yw wedi peidio â derbyn gofal ers hynny',
  'errors.history.ceased-while-closed':
    'plentyn {ref}: peidio â derbyn gofal ar {onDate}, ond doedd y plentyn ddim {track, select, cla {yn derbyn gofal} other {ar y llwybr hwn}} bryd hynny',
  'errors.history.event-while-closed':
    'plentyn {ref}: {eventType} ar {onDate} {why, select, after_final {ar ôl adolygiad olaf cynllun IFST} not_looked_after {pan nad oedd y plentyn yn derbyn gofal} other {pan nad oedd y llwybr ar agor}}',
} as const;
