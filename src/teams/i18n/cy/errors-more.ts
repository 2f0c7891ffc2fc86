// Rhagor o wrthodiadau: the same keys and placeholders as en/errors-more.ts.
import type { errorsMoreEn } from '../en/errors-more.js';

export const errorsMoreCy: Readonly<Record<keyof typeof errorsMoreEn, string>> = {
  'errors.event.notify-not-yours':
    'dim ond gweithiwr cymdeithasol {ref}, ei SAA neu gymorth busnes all hysbysu am ddigwyddiad',
  'errors.event.forward-not-yours': "dim ond SAA {ref} all ddod â'i adolygiad ymlaen",
  'errors.event.not-a-date': 'nid yw dyddiad y digwyddiad yn ddyddiad (BBBB-MM-DD)',
  'errors.event.future': 'mae dyddiad y digwyddiad {whenDate} yn y dyfodol',
  'errors.event.due-not-a-date': "nid yw'r dyddiad dyledus newydd yn ddyddiad (BBBB-MM-DD)",
  'errors.event.forward-reason': 'dewiswch reswm: {reasons}',
  'errors.event.due-passed': "mae'r dyddiad dyledus newydd {whenDate} wedi mynd heibio",
  'errors.event.due-not-earlier':
    "mae'r adolygiad eisoes yn ddyledus erbyn {whenDate}: mae angen dyddiad cynharach i'w ddod ymlaen",
  'errors.event.changed':
    "dydy'r digwyddiad hwnnw ddim wedi'i gofnodi fel y dangosodd y ffurflen mwyach; ni newidiwyd dim: agorwch hi eto",
  'errors.event.from-import':
    "mae digwyddiad o'r system achosion yn cael ei gywiro yno (mae'r mewnforio nesaf yn dod ag ef)",
  'errors.event.history': "dydy'r digwyddiad hwnnw ddim yn cyd-fynd â hanes {ref}",
  'errors.event.choose': 'dewiswch y digwyddiad: {events}',
  'errors.event.correct-why': "dywedwch pam mae'r digwyddiad yn cael ei gywiro",
  'errors.event.already-on': "mae eisoes wedi'i gofnodi ar {whenDate}",
  'errors.allocation.not-manager': 'dim ond rheolwr tîm adolygu all ddyrannu SAA',
  'errors.allocation.no-child': 'does dim plentyn â chyfeirnod {ref}',
  'errors.allocation.no-staff': 'does dim aelod o staff â rhif {id}',
  'errors.caseload.others': 'dim ond rheolwyr all weld llwyth achosion SAA arall',
  'errors.caseload.not-iro': 'nid yw {name} yn SAA, felly does ganddo ddim llwyth achosion',
  'errors.caseload.service': 'dim ond rheolwyr all weld llwyth achosion y gwasanaeth cyfan',
  'errors.case.personal-only': 'dim ond mewn sgwrs bersonol gyda fi y dangosir manylion achos',
  'errors.case.unknown': 'does dim achos {ref} y gallwch ei weld',
  'errors.due.not-for-you': 'mae /dyledus ar gyfer SAAau, cymorth busnes a rheolwyr',
  'errors.report.not-for-you':
    "mae'r adroddiad cydymffurfio ar gyfer rheolwyr timau adolygu, uwch reolwyr, cymorth busnes a gweinyddwyr. Am eich ffigurau eich hun, rhowch gynnig ar /llwyth-achosion",
  'errors.actions.no-text': 'mae gan gam y cytunwyd arno ddyddiad ond dim testun',
  'errors.store.nothing-saved':
    "ni chadwyd dim: alla i ddim ysgrifennu i'm storfa ar hyn o bryd, felly ni wnaed y newid hwn. Gallwch chwilio am bethau o hyd; rhowch gynnig arall arni ymhen ychydig funudau",
  'errors.liaison.date-needed': 'rhowch ddyddiad y drafodaeth',
  'errors.resolution.personal-only': 'codir datrysiadau mewn sgwrs bersonol gyda fi',
  'errors.book.date-unreadable':
    'Alla i ddim darllen "{text}" fel dyddiad: rhowch gynnig ar 14 Ionawr, 14 Ion neu 2027-01-14',
  'errors.book.date-past': 'mae {whenDate} wedi mynd heibio',
  'errors.card.list-changed': "mae'r rhestr hon wedi newid ers anfon y cerdyn; dim byd i'w ddangos ar y dudalen honno",
};
