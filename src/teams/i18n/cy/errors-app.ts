// Gwrthod achosion defnydd yr ap (cyflenwi, mynediad newydd, cyfranogiad, adroddiadau), issue 13.
import type { errorsAppEn } from '../en/errors-app.js';

export const errorsAppCy: Readonly<Record<keyof typeof errorsAppEn, string>> = {
  'errors.more.board-export':
    "mae allforio'r bwrdd ar gyfer rheolwyr timau adolygu, uwch reolwyr a gweinyddwyr; mae /adroddiad yn dangos yr un ffigurau",
  'errors.more.already-known': 'mae {ref} yn hysbys eisoes; ni chadwyd dim',
  'errors.more.not-an-iro': 'nid yw {id} yn SAA yn y cyfeiriadur staff',
  'errors.more.no-child': 'does dim plentyn â chyfeirnod {ref}',
  'errors.more.cover-moved': "nid yw {ref} wedi'i ddyrannu i {id} mwyach; ni newidiwyd dim: gosodwch y cyflenwi eto",
  'errors.more.cover-self': 'ni all yr SAA absennol gyflenwi ar gyfer ei adolygiadau ei hun',
  'errors.more.due-not-for-you': 'mae /dyledus ar gyfer SAAau, cymorth busnes a rheolwyr',
  'errors.more.report-not-available': "nid yw'r adroddiad hwnnw ar gael i chi; ni anfonwyd dim",
  'errors.more.form-not-available': "nid yw'r ffurflen honno ar gael i chi; ni newidiwyd dim",
  'errors.more.cover-manager': "rheolwr tîm adolygu sy'n gosod cyflenwi; ni newidiwyd dim",
  'errors.more.new-entry-known': 'mae {ref} yn hysbys eisoes: rhowch wybod am ei ddigwyddiadau gyda /notify {ref}',
  'errors.more.new-entry-not-yours':
    'dim ond cymorth busnes neu reolwr tîm adolygu all roi gwybod am blentyn newydd yn dod i ofal',
  'errors.more.checklist-no-booking':
    "does dim adolygiad wedi'i drefnu i {ref}: mae'r rhestr wirio'n perthyn i drefniant",
  'errors.more.checklist-not-yours': "dim ond SAA {ref} sy'n cwblhau ei restr wirio cyfranogiad",
  'errors.more.checklist-moved':
    "mae'r rhestr wirio hon ar gyfer trefniant sydd wedi newid ers hynny; ni newidiwyd dim",
  'errors.more.not-meeting-stage': 'nid yw {id} ar gam cyfarfod datrys',
  'errors.more.checklist-item-unknown': 'nid wyf yn adnabod yr eitem honno ar y rhestr wirio; ni newidiwyd dim',
  'errors.more.checklist-status': "{item}: dewiswch wedi'i wneud, amherthnasol neu heb ei wneud; ni newidiwyd dim",
  'errors.more.checklist-reason-long': "{item}: mae'r rheswm yn hwy na {max, number} nod",
  'errors.more.checklist-reason': '{item}: mae angen rheswm dros "amherthnasol"; ni newidiwyd dim',
  'errors.more.allocate-reason': "dywedwch pam mae'r plentyn yn symud at SAA arall",
  'errors.more.already-allocated':
    "roedd {ref} wedi'i ddyrannu eisoes i {name}{by, select, none {} other { gan {by}}}; ni newidiwyd dim",
  'errors.cover.dates-needed': 'rhowch ddiwrnod cyntaf ac olaf yr absenoldeb (BBBB-MM-DD)',
  'errors.cover.ends-before': "mae'r absenoldeb yn gorffen ({toDate}) cyn iddo ddechrau ({fromDate})",
  'errors.cover.ended':
    "daeth yr absenoldeb i ben ar {toDate}: mae cyflenwi'n cael ei osod ar gyfer heddiw neu'n hwyrach",
  'errors.cover.too-long':
    'mae cyflenwi yn para {max, number} diwrnod ar y mwyaf; ar gyfer absenoldeb hwy, ailddyrannwch y plant (/dyrannu)',
  'errors.period.not-a-date': 'nid yw "{text}" yn ddyddiad go iawn',
  'errors.period.unreadable-end':
    'ni allaf ddarllen "{text}" fel mis neu ddyddiad (defnyddiwch "Ebr 2016", "2016-04" neu "2016-04-01")',
  'errors.period.not-a-month': 'nid yw "{text}" yn fis go iawn',
  'errors.period.out-of-range': 'mae "{text}" y tu allan i\'r ystod',
  'errors.period.unreadable':
    'ni allaf ddarllen "{text}" fel cyfnod: rhowch ddau fis neu ddau ddyddiad wedi\'u cysylltu â "i"',
  'errors.period.ends-before': "mae'r cyfnod yn gorffen ({toDate}) cyn iddo ddechrau ({fromDate})",
  'errors.period.future': "mae'r cyfnod yn dechrau ar ôl heddiw ({todayDate}), felly does dim ynddo'n ddyledus eto",
  'errors.period.too-long':
    'mae adroddiad yn cwmpasu {max, number} mis ar y mwyaf; mae {fromDate} i {toDate} yn {months, number} mis',
  'errors.new-entry.not-a-date':
    'nid yw {which, select, looked_after {y dyddiad y dechreuodd y plentyn dderbyn gofal} other {y dyddiad y cychwynnwyd yr achos llys}} yn ddyddiad (BBBB-MM-DD)',
  'errors.new-entry.future':
    'mae {which, select, looked_after {y dyddiad y dechreuodd y plentyn dderbyn gofal} other {y dyddiad y cychwynnwyd yr achos llys}}, {whenDate}, yn y dyfodol',
  'errors.new-entry.legal-status': 'dewiswch y statws cyfreithiol: {statuses}',
  'errors.new-entry.social-worker': "dewiswch y gweithiwr cymdeithasol o'r cyfeiriadur staff",
  'errors.new-entry.team-long': 'mae tîm gwaith cymdeithasol yn 100 nod ar y mwyaf',
};
