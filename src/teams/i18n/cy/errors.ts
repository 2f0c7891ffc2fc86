// Gwrthodiadau (AppError `userMessage`) yn Gymraeg: the same keys and placeholders as en/errors.ts.
import type { errorsEn } from '../en/errors.js';

export const errorsCy: Readonly<Record<keyof typeof errorsEn, string>> = {
  'errors.due.window-unreadable':
    'Alla i ddim darllen "{text}" fel cyfnod. Y cyfnodau yw: yr wythnos hon, wythnos nesaf, heddiw, yfory, hwyr, y N diwrnod nesaf (e.e. y 10 diwrnod nesaf), dyddiad (2016-10-04 neu 4 Hyd 2016), neu ystod (4 Hyd 2016 i 10 Hyd 2016); yna, os mynnwch, "tîm" neu "ar gyfer" person',
  'errors.due.next-days-range': 'Mae "y N diwrnod nesaf" yn cymryd N o 1 i {max, number}',
  'errors.due.ends-before-start': "mae'r cyfnod yn gorffen ({to}) cyn iddo ddechrau ({from})",
  'errors.scope.person-unknown':
    'Alla i ddim dod o hyd i "{who}" yn y cyfeiriadur staff: enwch berson gydag @grybwylliad, ei gyfeiriad e-bost neu ei rif staff',
  'errors.scope.others-forbidden': 'dim ond cymorth busnes, rheolwyr a gweinyddwyr all edrych ar blant pobl eraill',
  'errors.scope.no-caseload': 'does gennych chi ddim llwyth achosion eich hun',
  'errors.case-ref.not-a-ref': 'Nid yw "{ref}" yn gyfeirnod achos',
  'errors.case-ref.missing': 'pa achos? Rhowch ei gyfeirnod',
  'errors.command.no-arguments': 'Dydy /{command} ddim yn cymryd dim byd ar ei ôl',
  'errors.command.role': "Dydy /{command} ddim ar gael i'ch rôl chi",
  'errors.command.where':
    "Dim ond mewn {places, select, personal {sgwrs bersonol gyda fi} team {sianel} groupChat {sgwrs grŵp} personal_team {sgwrs bersonol gyda fi neu sianel} personal_groupChat {sgwrs bersonol gyda fi neu sgwrs grŵp} team_groupChat {sianel neu sgwrs grŵp} other {sgwrs bersonol gyda fi, sianel neu sgwrs grŵp}} y mae /{command} yn gweithio{personalOnly, select, yes {: dim ond mewn sgwrs bersonol y dangosir yr hyn y mae'n ei ddangos} other {}}",
  'errors.guest.refused':
    "fel gwestai gallwch ddefnyddio /camau a /cymorth, a'r cardiau cyswllt ar gyfer eich plant eich hun",
  'errors.guest.channel-withheld':
    'Alla i ddim dangos dim byd am blant yma: mae rhywun yn y sgwrs hon yn westai. Gofynnwch i mi mewn sgwrs bersonol',
  'errors.person.unknown': 'Alla i ddim dod o hyd i "{who}" yn y cyfeiriadur staff',
  'errors.caseload.unreadable':
    'Alla i ddim darllen "{text}" yma: mae /llwyth-achosion yn cymryd dim (eich un chi), "tîm" (y gwasanaeth cyfan), neu berson (@grybwylliad, cyfeiriad e-bost neu rif staff)',
  'errors.resolutions.unreadable':
    'Alla i ddim darllen "{text}" yma: mae /resolutions yn cymryd cyfeirnod achos, "open" (y rhagosodiad) neu "all"',
  'errors.compliment.usage': "rhowch yr achos, y person a'r hyn y mae'r ganmoliaeth amdano",
  'errors.distributed.usage': 'rhowch gyfeirnod yr achos a rhif yr adolygiad',
  'errors.held.usage': 'rhowch gyfeirnod achos ac, i gywiro dyddiad, un rhif adolygiad',
  'errors.notify.usage':
    'rhowch gyfeirnod achos, yna "forward" i ddod â\'r adolygiad ymlaen neu "correct" i gywiro digwyddiad',
  'errors.setup.not-admin': 'dim ond gweinyddwr Teams y gwasanaeth all redeg /setup',
  'errors.setup.unknown-purpose':
    'Nid yw "{word}" yn rhywbeth y gallaf ei osod; dewiswch un o iro-channel, social-work-channel, managers-channel, liaison-channel, language neu status',
  'errors.setup.nothing-after': 'Dydy /setup {purpose} ddim yn cymryd dim byd ar ei ôl',
  'errors.setup.in-channel': 'rhedwch /setup {purpose} yn y sianel rydych chi am ei defnyddio',
  'errors.setup.which-team': "dywedwch ar gyfer pa dîm gwaith cymdeithasol y mae'r sianel hon",
  'errors.setup.wrong-guardian': "{guest} yw'r gwestai yn y sianel hon, nid {named}",
  'errors.setup.no-person': 'Dydy /setup {purpose} ddim yn cymryd person',
  'errors.setup.channel-unknown':
    "does gen i ddim cofnod o'r sianel hon eto; soniwch amdana i yma unwaith a rhowch gynnig arall arni",
  'errors.setup.guests':
    "{count, plural, =0 {mae ar sianel gyswllt angen ei Gwarcheidwad fel aelod gwadd, a dydw i ddim yn gweld gwestai yma} other {rhaid i sianel gyswllt gael un gwestai yn union (ei Gwarcheidwad); rwy'n gweld {count, number}}}",
  'errors.setup.not-guardian': "nid yw'r gwestai yn y sianel hon yn Warcheidwad yn y cyfeiriadur staff",
  'errors.setup.language-usage': "dywedwch ym mha iaith y mae'r sianel hon yn cael ei hysgrifennu: cy, en neu both",
  'errors.setup.language-personal':
    "rhedwch /setup language yn y sianel rydych chi am ei gosod; yn y sgwrs hon, /iaith sy'n dewis eich iaith chi",
  'errors.card.out-of-date': "mae'r cerdyn hwn wedi dyddio neu'n anghyflawn; ni newidiwyd dim",
  'errors.card.out-of-date-file': "mae'r cerdyn hwn wedi dyddio neu nid fy un i ydyw; ni anfonwyd dim",
  'errors.file.personal-only': 'dim ond mewn sgwrs bersonol gyda mi yr anfonir ffeiliau',
  'errors.command.one-ref': 'rhowch un cyfeirnod achos',
  'errors.report.period': "nid yw hwnnw'n gyfnod y gallaf ei ddarllen",
  'errors.card.field-missing':
    "mae'r {field, select, ref {cyfeirnod achos} bookingId {trefniant} reviewId {adolygiad} requestId {cais} other {{field}}} ar goll — ni newidiwyd dim",
  'errors.card.field-invalid':
    "{field, select, ref {cyfeirnod achos: nid yw'n gyfeirnod achos} bookingId {trefniant: ddim yn ddilys} reviewId {adolygiad: ddim yn ddilys} requestId {cais: ddim yn ddilys} other {{field}: ddim yn ddilys}} — ni newidiwyd dim",
  'errors.card.list-unavailable': "dydy'r rhestr honno ddim ar gael i chi; teipiwch y gorchymyn eto",
  'errors.liaison.unavailable': "dydy'r eitem gyswllt honno ddim ar gael i chi",
  'errors.not-found.case':
    "Alla i ddim dod o hyd i'r achos hwnnw ymhlith y plant rydych chi'n gweithio gyda nhw; ni newidiwyd dim",
  'errors.not-found.booking':
    "Alla i ddim dod o hyd i'r trefniant hwnnw ymhlith y plant rydych chi'n gweithio gyda nhw; ni newidiwyd dim",
  'errors.not-found.review':
    "Alla i ddim dod o hyd i'r adolygiad hwnnw ymhlith y plant rydych chi'n gweithio gyda nhw; ni newidiwyd dim",
  'errors.not-found.request': "dydy'r cais hwnnw ddim yn bodoli mwyach; ni newidiwyd dim",
  'errors.not-found.resolution':
    "Alla i ddim dod o hyd i'r datrysiad hwnnw ymhlith yr achosion y gallwch eu gweld; ni newidiwyd dim",
};
