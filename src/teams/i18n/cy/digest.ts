// Crynodebau wythnosol a nodiadau atgoffa: the same keys and placeholders as en/digest.ts.
// Numerals take the singular noun in Welsh ("3 diwrnod gwaith"), so plurals differ only where words change.
import type { digestEn } from '../en/digest.js';

export const digestCy: Readonly<Record<keyof typeof digestEn, string>> = {
  'digest.title.iro': 'Eich wythnos: adolygiadau a chofnodion',
  'digest.title.service': 'Y gwasanaeth adolygu: yr wythnos i ddod',
  'digest.subtitle': 'Wythnos {weekOf} · adolygiadau sy’n ddyledus hyd at {windowEnd}',
  'digest.section.overdue': 'Yn hwyr ({count, number})',
  'digest.section.to-book': "I'w trefnu: yn ddyledus erbyn {date} ({count, number})",
  'digest.section.records': "Cofnodion i'w dosbarthu ({count, number})",
  'digest.more': '…a {count, number} arall: {hint}',
  'digest.hint.iro': 'teipiwch /camau',
  'digest.hint.service': 'teipiwch /dyledus tîm neu /camau',
  'digest.row.due-by': 'Yn ddyledus erbyn {date}',
  'digest.row.distribute-by': 'Dosbarthu erbyn {date}',
  'digest.row.record': 'Cofnod adolygiad {reviewId}, a gynhaliwyd {date}',
  'digest.row.iro': 'SAA: {name}', // translator: confirm (SAA = Swyddog Adolygu Annibynnol; many councils keep "IRO")
  'digest.empty.iro': 'Dim byd heb ei wneud yr wythnos hon.',
  'digest.empty.service': "Dim byd yn hwyr, dim byd i'w drefnu a dim cofnodion heb eu dosbarthu.",
  'digest.footer.iro': 'Teipiwch /dyledus y 28 diwrnod nesaf neu /camau i weld y rhestrau llawn.',
  'digest.footer.service': "Teipiwch /dyledus tîm i weld y rhestr gyfan, neu /camau i weld beth i'w wneud nesaf.",
  'digest.summary':
    "Crynodeb wythnosol: {overdue, number} yn hwyr, {toBook, number} i'w trefnu, {records, plural, zero {# cofnod} one {# cofnod} two {# gofnod} few {# chofnod} many {# chofnod} other {# cofnod}} i'w dosbarthu",
  'reminder.review.title': "Adolygiad i'w drefnu",
  'reminder.review.text':
    "Mae'r adolygiad nesaf ar gyfer {child} yn ddyledus erbyn {date} a dydy e ddim wedi'i drefnu: {left, plural, =0 {mae'n ddyledus heddiw.} zero {# diwrnod gwaith ar ôl.} one {# diwrnod gwaith ar ôl.} two {# ddiwrnod gwaith ar ôl.} few {# diwrnod gwaith ar ôl.} many {# diwrnod gwaith ar ôl.} other {# diwrnod gwaith ar ôl.}}",
  'reminder.review.footer':
    'Teipiwch /achos {ref} i weld y llinell amser. Cewch eich atgoffa bob diwrnod gwaith nes iddo gael ei drefnu.',
  'reminder.record.title.due': 'Cofnod adolygiad yn ddyledus',
  'reminder.record.title.overdue': 'Cofnod adolygiad yn hwyr',
  'reminder.record.text.due':
    "Dosbarthwch gofnod ysgrifenedig adolygiad {reviewId} ar gyfer {child} erbyn {date} (o fewn 14 diwrnod i'r adolygiad).",
  'reminder.record.text.overdue':
    'Roedd cofnod ysgrifenedig adolygiad {reviewId} ar gyfer {child} yn ddyledus erbyn {date} ac mae {late}: dosbarthwch e nawr.',
  'reminder.record.footer': 'Teipiwch /achos {ref} i weld y llinell amser.',
  'reminder.fact.child': 'Plentyn',
  'reminder.fact.due-by': 'Yn ddyledus erbyn',
  'reminder.fact.rule': 'Rheol',
  'reminder.fact.booking': 'Trefniant',
  'reminder.fact.held': 'Adolygiad wedi’i gynnal',
  'reminder.fact.distribute-by': 'Dosbarthu erbyn',
  'reminder.button.distributed': "Cofnod wedi'i ddosbarthu heddiw",
  'reminder.summary.review': "Adolygiad i'w drefnu: {ref}",
  'reminder.summary.record-due': 'Cofnod adolygiad yn ddyledus: {ref}',
  'reminder.summary.record-overdue': 'Cofnod adolygiad yn hwyr: {ref}',
};
