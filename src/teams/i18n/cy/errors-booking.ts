// Gwrthod trefnu, aildrefnu a chofnodi adolygiadau: the same keys and placeholders as en/errors-booking.ts.
import type { errorsBookingEn } from '../en/errors-booking.js';

export const errorsBookingCy: Readonly<Record<keyof typeof errorsBookingEn, string>> = {
  'errors.booking.not-yours': 'dim ond SAA {ref} neu gymorth busnes all drefnu ei adolygiad',
  'errors.booking.already-booked': "mae adolygiad nesaf {ref} wedi'i drefnu'n barod: i'w symud, aildrefnwch",
  'errors.booking.booked-by':
    "mae adolygiad nesaf {ref} wedi'i drefnu'n barod{by, select, none {} other { gan {by}}} ar gyfer {whenDate} {time}: i'w symud, aildrefnwch",
  'errors.booking.venue': 'dewiswch leoliad',
  'errors.booking.request-waiting': 'mae cais ar gyfer {ref} eisoes yn aros am reolwr (gofynnwyd gan {by})',
  'errors.booking.case-unknown': "Alla i ddim dod o hyd i achos {ref} ymhlith y plant rydych chi'n gweithio gyda nhw",
  'errors.booking.history-unreadable':
    "does dim modd darllen hanes {ref}, felly alla i ddim cyfrifo'r dyddiad dyledus: gofynnwch i'ch gweinyddwr wirio'r mewnforio",
  'errors.booking.no-review-due':
    "does dim adolygiad yn ddyledus i {ref} (ddim yn derbyn gofal, neu mae'r cynllun wedi dod i ben)",
  'errors.booking.next-slots': 'Y slotiau rhydd nesaf: {freeSlots}',
  'errors.booking.outside-mark': "y tu allan i'r amserlen",
  'errors.booking.no-free-slot': 'Does dim slot rhydd o {fromDate} hyd at y dyddiad dyledus ({dueDate})',
  'errors.booking.in-past': 'mae {whenDate} {time} wedi mynd heibio',
  'errors.booking.not-working-day':
    'nid yw {whenDate} yn ddiwrnod gwaith ({weekend, select, yes {penwythnos} other {gŵyl banc neu ddiwrnod cau}})',
  'errors.booking.clash': 'mae gan yr SAA adolygiad eisoes am {whenDate} {time}',
  'errors.booking.day-full':
    'mae gan yr SAA {count, number} adolygiad eisoes ar {whenDate} (yr uchafswm mewn diwrnod yw {max, number})',
  'errors.booking.outside-timescale':
    "mae'r dyddiad hwnnw ar ôl y dyddiad dyledus ({dueDate}): y tu allan i'r amserlen mae angen categori rheswm ac esboniad, a chymeradwyaeth rheolwr",
  'errors.booking.not-a-time': 'Nid yw "{time}" yn amser (HH:MM)',
  'errors.held.not-yours': "dim ond SAA {ref} neu gymorth busnes all gofnodi bod ei adolygiad wedi'i gynnal",
  'errors.held.correct-not-yours': 'dim ond SAA {ref} neu reolwr all gywiro dyddiad cynnal',
  'errors.held.not-a-date':
    "nid yw {what, select, corrected {y dyddiad wedi'i gywiro} distributed {y dyddiad dosbarthu} other {y dyddiad cynnal}} yn ddyddiad (BBBB-MM-DD)",
  'errors.held.future':
    "mae {what, select, corrected {y dyddiad wedi'i gywiro} distributed {y dyddiad dosbarthu} other {y dyddiad cynnal}} {whenDate} yn y dyfodol",
  'errors.held.history': "dydy'r dyddiad hwnnw ddim yn cyd-fynd â hanes {ref}",
  'errors.held.chair': "rhaid i'r cadeirydd fod yn SAA (dydy {id} ddim)",
  'errors.held.no-review': 'does gan {ref} ddim adolygiad {id}',
  'errors.held.why-wrong': 'dywedwch pam roedd y dyddiad cynnal yn anghywir',
  'errors.held.already-held': "mae adolygiad {id} eisoes wedi'i gofnodi fel un a gynhaliwyd ar {whenDate}",
  'errors.held.distributed-before': 'dosbarthwyd ei gofnod ar {whenDate}, cyn y dyddiad hwnnw',
  'errors.distribute.not-yours':
    "dim ond SAA {ref} neu gymorth busnes all gofnodi bod cofnod ei adolygiad wedi'i ddosbarthu",
  'errors.distribute.already': "mae cofnod adolygiad {id} eisoes wedi'i gofnodi fel un a ddosbarthwyd ar {whenDate}",
  'errors.distribute.before-held': "does dim modd dosbarthu'r cofnod cyn cynnal yr adolygiad ({whenDate})",
  'errors.reschedule.booking-gone': 'dydy trefniant {id} ddim yn bodoli mwyach',
  'errors.reschedule.not-booked': "dydy adolygiad nesaf {ref} ddim wedi'i drefnu eto: trefnwch e yn gyntaf",
  'errors.reschedule.booking-ended':
    "{status, select, cancelled {cafodd y trefniant hwnnw ei ganslo} adjourned {cafodd y trefniant hwnnw ei ohirio} held {cynhaliwyd yr adolygiad hwnnw} other {statws y trefniant hwnnw: {status}}}; dim byd i'w symud",
  'errors.reschedule.already-held': "mae'r trefniant hwnnw ar gyfer adolygiad a gynhaliwyd eisoes; dim byd i'w symud",
  'errors.reschedule.not-yours':
    'dim ond SAA {ref}, cymorth busnes neu ei weithiwr cymdeithasol all ofyn am symud ei adolygiad',
  'errors.reschedule.waiting': 'mae cais i symud yr adolygiad hwn eisoes yn aros am reolwr (gofynnwyd gan {by})',
  'errors.reschedule.reason': 'dewiswch reswm dros y symud',
  'errors.reschedule.slot-unknown': "nid yw'r slot hwnnw'n ddyddiad ac amser a gynigiais",
  'errors.reschedule.pick': 'dewiswch un o’r slotiau rhydd, neu rhowch ddyddiad ac amser arall',
  'errors.reschedule.same-time': "dyna'r amser y mae wedi'i drefnu ar ei gyfer yn barod",
  'errors.reschedule.own-request': 'chi ofynnodd am y symud hwn, felly rhaid i reolwr arall benderfynu',
  'errors.reschedule.not-decider':
    'dim ond rheolwr tîm adolygu na ofynnodd (neu bennaeth y gwasanaeth) all benderfynu ar y cais hwn',
  'errors.reschedule.decline-why':
    "dywedwch pam rydych chi'n gwrthod yn y blwch sylwadau (mae'r sylw yn mynd i'r person a ofynnodd)",
  'errors.reschedule.booking-changed':
    "newidiodd y trefniant ar ôl gwneud y cais hwn (wedi'i symud, ei ganslo neu ei gynnal); gwrthodwch e a gofynnwch eto",
  'errors.reschedule.booked-since': 'cafodd adolygiad {ref} ei drefnu ar ôl gwneud y cais hwn; gwrthodwch e',
  'errors.reschedule.end-not-yours':
    'dim ond SAA {ref} neu gymorth busnes all {mode, select, cancel {ganslo} other {ohirio}} ei adolygiad',
  'errors.reschedule.end-why':
    "dywedwch pam mae'r adolygiad {mode, select, cancel {wedi'i ganslo} other {wedi'i ohirio}} (yn y blwch esboniad)",
  'errors.update.busy':
    "roedd {ref} yn dal i newid tra oeddwn i'n cadw ({tries, number} cynnig); ni chadwyd dim: rhowch gynnig arall arni",
  'errors.update.stale': 'newidiwyd {ref} gan {by} ar ôl agor y ffurflen hon; ni chadwyd dim: agorwch hi eto',
};
