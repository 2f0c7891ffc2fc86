// Pam y gwrthodwyd ffeil fewnforio: the same keys and placeholders as en/errors-import.ts. Field names, codes and
// values of the import format (heldOn, review-brought-forward, YYYY-MM-DD) are kept: they name what to correct.
import type { errorsImportEn } from '../en/errors-import.js';

const WHAT =
  '{what, select, staff_id {dynodydd staff} child_ref {cyfeirnod plentyn} review_id {dynodydd adolygiad} booking_id {dynodydd trefniant} other {digwyddiad (math, dyddiad)}}';
/** zod's type names. translator: confirm "testun" (string) and "gwrthrych" (object). */
const TYPE = (name: string) =>
  `{${name}, select, string {testun} number {rhif} int {rhif cyfan} boolean {gwir neu gau} object {gwrthrych} array {rhestr} null {null} undefined {dim byd} other {{${name}}}}`;

export const errorsImportCy: Readonly<Record<keyof typeof errorsImportEn, string>> = {
  'errors.import.unknown-field': 'maes anhysbys',
  'errors.import.required': 'mae ei angen',
  'errors.import.format-version': 'rhaid iddo fod yn 1 (cafwyd {got})',
  'errors.import.reserved-key': 'ni chaniateir yr allwedd gadw "{key}"',
  'errors.import.dollar-key': 'ni chaniateir allweddi sy’n dechrau â "$"',
  'errors.import.dot-key': 'ni chaniateir allweddi sy’n cynnwys "."',
  'errors.import.too-deep': 'wedi’i nythu’n ddyfnach na {max} lefel',
  'errors.import.too-large': 'yn fwy na’r terfyn o {max} beit',
  'errors.import.not-a-date': 'rhaid iddo fod yn ddyddiad go iawn BBBB-MM-DD (YYYY-MM-DD)',
  'errors.import.reserved-word': 'mae’n air cadw',
  'errors.import.empty': 'ni ddylai fod yn wag',
  'errors.import.control-characters': 'ni ddylai gynnwys nodau rheoli (fel toriadau llinell)',
  'errors.import.spaces': 'ni ddylai gynnwys bylchau na nodau rheoli',
  'errors.import.not-an-object-id':
    'rhaid iddo fod yn ddynodydd gwrthrych Entra (llythrennau, digidau a chysylltnodau)',
  'errors.import.not-an-instant': 'rhaid iddo fod yn ddyddiad ac amser ISO gyda gwrthbwyso',
  'errors.import.not-an-instant-example':
    'rhaid iddo fod yn ddyddiad ac amser ISO gyda gwrthbwyso, e.e. 2016-06-20T10:00:00+01:00',
  'errors.import.not-a-real-instant': 'rhaid iddo fod yn ddyddiad ac amser go iawn',
  'errors.import.no-role': 'o leiaf un rôl',
  'errors.import.guardian-external': 'rhaid i warcheidwad fod yn allanol: external: true',
  'errors.import.guardian-organisation': 'mae angen sefydliad (organisation) ar warcheidwad',
  'errors.import.role-twice': 'mae’n rhestru rôl ddwywaith',
  'errors.import.manages-self': 'ni all unigolyn ei reoli ei hun',
  'errors.import.bring-forward-needs': 'mae ei angen ar gyfer review-brought-forward',
  'errors.import.bring-forward-only': 'dim ond ar review-brought-forward y caniateir hwn',
  'errors.import.before-held': 'mae cyn heldOn',
  'errors.import.child-columns': 'mae angen colofn ar gyfer ref, track ac iroId',
  'errors.import.staff-columns': 'mae angen colofn ar gyfer id, name a roles',
  'errors.import.not-an-email': 'cyfeiriad e-bost annilys',
  'errors.import.zod-required': 'mae ei angen',
  'errors.import.too-long': 'ni ddylai fod yn hwy na {max} nod',
  'errors.import.too-many': 'dim mwy na {max} cofnod',
  'errors.import.at-most': 'ni ddylai fod yn fwy na {max}',
  'errors.import.before-earliest': 'ni ddylai fod cyn {earliest}',
  'errors.import.bad-ref':
    'cyfeirnod achos: llythrennau, digidau a chysylltnodau yn unig, gan ddechrau â llythyren neu ddigid',
  'errors.import.bad-id': 'dynodydd: llythrennau, digidau a chysylltnodau yn unig, gan ddechrau â llythyren neu ddigid',
  'errors.import.wrong-type': `mewnbwn annilys: roedd angen ${TYPE('expected')}, cafwyd ${TYPE('received')}`,
  'errors.import.one-of': 'dewis annilys: rhaid iddo fod yn un o {values}',
  'errors.import.number-too-small': 'rhy fach: rhaid i’r rhif fod yn {bound}',
  'errors.import.number-too-big': 'rhy fawr: rhaid i’r rhif fod yn {bound}',
  'errors.import.expected': `roedd angen ${TYPE('expected')}, cafwyd ${TYPE('received')}`,
  'errors.import.literal': 'gwerth annilys, roedd angen {expected}',
  'errors.import.enum': 'gwerth annilys. Roedd angen {values}, cafwyd {received}',
  'errors.import.unrecognised-keys': 'allweddi anhysbys yn y gwrthrych: {keys}',
  'errors.import.min-characters': 'rhaid iddo gynnwys o leiaf {min} nod',
  'errors.import.max-characters': 'ni ddylai gynnwys mwy na {max} nod',
  'errors.import.max-elements': 'ni ddylai’r rhestr gynnwys mwy na {max} eitem',
  'errors.import.not-valid': 'nid yw’n ddilys',
  'errors.import.too-far-ahead': 'mae {date} fwy na {days} diwrnod ymlaen (ar ôl {limit})',
  'errors.import.born-in-future': 'mae {date} yn y dyfodol (heddiw yw {today})',
  'errors.import.born-after-event': 'mae {dob} ar ôl digwyddiad cyntaf y plentyn ({type} ar {date}, events[{index}])',
  'errors.import.held-before-birth': 'mae {date} cyn y dyddiad geni {dob}',
  'errors.import.history': 'hanes amhosibl',
  'errors.import.history-unreadable': 'nid oedd modd darllen yr hanes',
  'errors.import.not-a-guardian': 'nid oes gan "{id}" rôl gwarcheidwad',
  'errors.import.unknown-staff': 'dynodydd staff anhysbys "{id}"',
  'errors.import.duplicate': `${WHAT} dyblyg "{value}" (y cyntaf yn {first})`,
  'errors.import.duplicate-case': `${WHAT} dyblyg "{value}" (y cyntaf yn {first} fel "{was}"; cymharwyd heb ystyried priflythrennau)`,
  'errors.import.case-variant': `mae ${WHAT} "{value}" yn wahanol i’r "{stored}" sydd wedi’i storio o ran priflythrennau yn unig; defnyddiwch "{stored}"`,
  'errors.import.identity-clash':
    'mae "{value}" hefyd yn {space, select, aad {ddynodydd gwrthrych Entra} other {e-bost/upn}} i’r staff {others}; rhaid i bob un enwi un person',
  'errors.import.conflict-event':
    'cofnodwyd {eventType} ar {onDate} gan y bot gyda manylion gwahanol; cadwyd cofnod y bot',
  'errors.import.conflict-review-held':
    'cofnodwyd adolygiad {id} gan y bot (cynhaliwyd ar {botDate} yn ôl cofnod y bot, {fileDate} yn y mewnforio); cadwyd cofnod y bot',
  'errors.import.conflict-review':
    'cofnodwyd adolygiad {id} gan y bot (yn wahanol o ran {fields}); cadwyd cofnod y bot',
  'errors.import.conflict-booking':
    'gwnaed y trefniant {id} gan y bot (yn wahanol o ran {fields}); cadwyd cofnod y bot',
  'errors.import.csv-unclosed': 'nid yw maes a ddyfynnwyd byth yn cau',
  'errors.import.csv-after-quote':
    'testun ar ôl dyfynnod cau (ysgrifennwch ddyfynnod y tu mewn i faes a ddyfynnwyd fel "")',
  'errors.import.csv-stray-quote': 'dyfynnod y tu mewn i faes heb ei ddyfynnu (dyfynnwch y maes cyfan)',
  'errors.import.csv-rows': 'mwy na {max} rhes',
  'errors.import.csv-empty': 'mae’r ffeil yn wag (mae angen llinell bennawd)',
  'errors.import.csv-empty-column': 'mae gan y pennawd golofn heb enw',
  'errors.import.csv-column-twice': 'mae’r pennawd yn enwi’r golofn "{column}" ddwywaith',
  'errors.import.csv-ragged': '{fields} maes lle mae gan y pennawd {header}',
  'errors.import.no-staff-section': 'rhoddwyd CSV staff ond does dim adran staff yn y mapio',
  'errors.import.no-column': 'nid yw’r golofn "{column}" yn {file}',
};
