// /cymorth (issue 13). Usage lines use the Welsh command names where there is one (parse-command.ts
// WELSH_COMMAND_NAMES) and the Welsh window and scope words of the one grammar (domain/due-window.ts,
// commands/scope-args.ts: "hwyr", "y N diwrnod nesaf", "i", "tîm", "ar gyfer"); argument words the parser
// reads only in English stay English. Placeholders: CYF = case ref (cyfeirnod).
import type { cardsHelpEn } from '../en/cards-help.js';

export const cardsHelpCy: Readonly<Record<keyof typeof cardsHelpEn, string>> = {
  'command.due.usage':
    '/dyledus [yr wythnos hon | wythnos nesaf | heddiw | yfory | hwyr | y N diwrnod nesaf | DYDDIAD | DYDDIAD i DYDDIAD] [tîm | ar gyfer PERSON]',
  'command.due.description':
    "Adolygiadau sy'n ddyledus mewn cyfnod, y rhai hwyr yn gyntaf, gyda'r rheol y tu ôl i bob dyddiad a ydynt wedi'u trefnu",
  'command.caseload.usage': '/llwyth-achosion [@person | tîm]',
  'command.caseload.description':
    "Plant i bob SAA yn ôl llwybr a statws cyfreithiol, adolygiadau yn ystod y 30 diwrnod nesaf, a'r llwyth i bob CALl o'i gymharu â 70–120",
  'command.actions.usage': '/camau',
  'command.actions.description': 'Beth sydd angen i chi ei wneud nesaf, y dyddiad cau hynaf yn gyntaf',
  'command.case.usage': '/achos CYF',
  'command.case.description':
    "Llinell amser plentyn: yr adolygiad nesaf a'i reol, trefniadau, adolygiadau blaenorol o fewn neu y tu allan i'r amserlen (sgwrs bersonol yn unig)",
  'command.book.usage': '/trefnu CYF [DYDDIAD]',
  'command.book.description':
    "Trefnu adolygiad nesaf plentyn: dyddiad, amser, lleoliad a gwahoddedigion (mae angen cymeradwyaeth rheolwr ar gyfer dyddiad y tu allan i'r amserlen)",
  'command.reschedule.usage': '/aildrefnu CYF',
  'command.reschedule.description':
    "Symud, canslo neu ohirio adolygiad sydd wedi'i drefnu: slotiau rhydd hyd at y dyddiad dyledus; rheolwr sy'n cymeradwyo'r symud",
  'command.held.usage': '/held CYF [ID-ADOLYGIAD]',
  'command.held.description':
    "Cofnodi bod adolygiad wedi'i gynnal (pwy a gadeiriodd, ar y cyd â chynhadledd amddiffyn plant); gydag id adolygiad, cywiro dyddiad a gofnodwyd mewn camgymeriad",
  'command.distributed.usage': '/distributed CYF ID-ADOLYGIAD',
  'command.distributed.description':
    "Cofnodi bod cofnod ysgrifenedig adolygiad wedi'i ddosbarthu heddiw (yn cau cam y cofnod 14 diwrnod)",
  'command.notify.usage': '/notify CYF [forward | correct] | /notify new',
  'command.notify.description':
    'Rhoi gwybod am ddigwyddiad sy\'n newid amserlenni adolygu (dechrau derbyn gofal, symud heb ei gynllunio, mabwysiadu, …); yr SAA: mae "forward" yn dwyn yr adolygiad ymlaen; cymorth busnes: "new" ar gyfer plentyn sy’n newydd i ofal',
  'command.raise.usage': '/raise CYF',
  'command.raise.description':
    "Codi mater i'w ddatrys (anffurfiol neu ffurfiol) am blentyn ar eich llwyth achosion (SAA, sgwrs bersonol)",
  'command.resolutions.usage': '/resolutions [open | all] [CYF]',
  'command.resolutions.description':
    "Materion i'w datrys gyda'u cam, eu hoed mewn diwrnodau gwaith a'r dyddiad cau nesaf",
  'command.compliment.usage': '/compliment CYF PERSON TESTUN',
  'command.compliment.description': 'Cofnodi canmoliaeth am arfer gweithiwr ar achos; caiff ei hanfon atynt (SAA)',
  'command.liaison.usage': '/cyswllt CYF',
  'command.liaison.description':
    "Achos gofal plentyn a chyswllt â'r Gwarcheidwad: Gwarcheidwad, gwrandawiadau, dogfennau llys, trafodaethau (sgwrs bersonol)",
  'command.report.usage':
    '/adroddiad [bwrdd | allforio] [yr hanner blwyddyn ddiwethaf | Ebr 2026 i Medi 2026 | 2026-04-01 i 2026-09-30]',
  'command.report.description':
    'Cydymffurfio fesul mis o\'i gymharu â\'r targed, rhesymau dros fod yn hwyr, llwyth achosion; "board": mesurau\'r bwrdd; "export": y ffeil .xlsx (sgwrs bersonol)',
  'command.setup.usage':
    '/setup [iro-channel | social-work-channel TEAM | managers-channel | liaison-channel [PERSON] | language cy|en|both | status]',
  'command.setup.description':
    "Rhoi diben neu iaith i'r sianel hon, neu ddangos beth sydd wedi'i osod a'r hyn na ellid ei anfon (gweinyddwr)",
  'command.help.usage': '/cymorth',
  'command.help.description': 'Beth alla i ei wneud, a pha bolisi amserlen sydd mewn grym',
  'command.language.usage': '/iaith cymraeg | saesneg',
  'command.language.description': "Dewis yr iaith rwy'n ysgrifennu atoch chi ynddi (yn Saesneg: /language)",
};
