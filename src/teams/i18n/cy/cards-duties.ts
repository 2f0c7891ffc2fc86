// Dyletswyddau cyswllt â'r Gwarcheidwad L1–L10 (issue 13).
import type { cardsDutiesEn } from '../en/cards-duties.js';

export const cardsDutiesCy: Readonly<Record<keyof typeof cardsDutiesEn, string>> = {
  'duty.L1.title': "Cofnodi enw'r Gwarcheidwad",
  'duty.L1.action': "cymorth busnes yn rhoi enw'r SAA i Cafcass Cymru ac yn cofnodi enw'r Gwarcheidwad",
  'duty.L2.title': "Manylion yr SAA i'r adran gyfreithiol a'r llys",
  'duty.L2.action': "anfon manylion cyswllt yr SAA i'r adran gyfreithiol, sy'n dweud wrth y llys",
  'duty.L3.title': 'Cysylltu',
  'duty.L3.action': "yr SAA a'r Gwarcheidwad yn cysylltu (yn yr adolygiad cyntaf os yw'n fuan)",
  'duty.L4.title': 'Dogfennau llys',
  'duty.L4.action': "copïau i'r SAA; yr SAA yn cadarnhau eu bod ganddo",
  'duty.L5.title': "Adolygiad wedi'i drefnu: gwahodd y Gwarcheidwad",
  'duty.L5.action': 'gwahodd y Gwarcheidwad',
  'duty.L6.title': "Cofnod adolygiad: copi i'r Gwarcheidwad a'r adran gyfreithiol",
  'duty.L6.action':
    "anfon copi i'r Gwarcheidwad ac i'r adran gyfreithiol; yr adran gyfreithiol yn cyflwyno cofnod adolygiad a gynhaliwyd yn ystod yr achos i'r llys",
  'duty.L7.title': 'Trafodaeth yn ddyledus',
  'duty.L7.action': "trafodaeth rhwng yr SAA a'r Gwarcheidwad",
  'duty.L8.title': 'Cyn y Gwrandawiad Datrys Materion', // translator: confirm (Issues Resolution Hearing)
  'duty.L8.action': 'y cyngor yn dweud wrth y llys am unrhyw anghydfod SAA sydd ar agor',
  'duty.L9.title': 'Trafodaeth a dogfennau terfynol',
  'duty.L9.action':
    "trafodaeth derfynol rhwng yr SAA a'r Gwarcheidwad; y Gwarcheidwad yn cadarnhau bod gan yr SAA bob dogfen ar y rhestr wirio",
  'duty.L10.title': "Trafodaeth wedi'i chofnodi",
  'duty.L10.action': "wedi'i chofnodi ar linell amser achos y plentyn",
  'duty.line': '{duty} · {title}: {action}',
};
