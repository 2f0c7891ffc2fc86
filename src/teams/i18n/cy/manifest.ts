// Enw a disgrifiadau'r ap ym maniffest Teams: the same keys as en/manifest.ts.
import type { manifestEn } from '../en/manifest.js';

export const manifestCy: Readonly<Record<keyof typeof manifestEn, string>> = {
  'manifest.name.short': 'IRO Bot',
  'manifest.name.full': 'IRO Bot: gwasanaeth y Swyddog Adolygu Annibynnol',
  'manifest.description.short': "Yn cadw adolygiadau statudol plant sy'n derbyn gofal o fewn yr amserlen.",
  'manifest.description.full':
    "Mae IRO Bot yn helpu gwasanaeth Swyddogion Adolygu Annibynnol y cyngor i gadw adolygiadau statudol pob plentyn sy'n derbyn gofal o fewn eu hamserlenni. Gofynnwch iddo pa adolygiadau sy'n ddyledus, gwelwch lwythi achosion yn erbyn y band 70–120 o blant fesul cyfwerth ag amser llawn, rhestrwch eich camau sydd heb eu gwneud, trefnwch ac aildrefnwch adolygiadau, codwch a dilynwch ddatrysiadau, a chofnodwch gyswllt â'r Gwarcheidwad Plant, i gyd yn Teams. Mae cardiau mewn sianeli yn dangos cyfeirnodau achos a blaenlythrennau, nid enwau.",
  'manifest.command.caseload':
    "Plant i bob SAA yn ôl llwybr a statws cyfreithiol, adolygiadau'r 30 diwrnod nesaf, llwyth fesul CALl (70–120)",
  'manifest.command.case':
    "Llinell amser plentyn: yr adolygiad nesaf a'i reol, trefniadau, adolygiadau blaenorol (sgwrs bersonol yn unig)",
  'manifest.command.book':
    'Trefnu adolygiad nesaf plentyn: dyddiad, amser, lleoliad, gwahoddedigion (tu allan i’r amserlen: rheolwr yn cymeradwyo)',
  'manifest.command.report':
    'Adroddiad cydymffurfio: adolygiadau o fewn yr amserlen fesul mis, rhesymau dros fod yn hwyr, llwythi (rheolwyr)',
};
