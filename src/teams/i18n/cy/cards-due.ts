// Cerdyn /dyledus (issue 13). The window words are the ones the Welsh parser reads where it has them.
import type { cardsDueEn } from '../en/cards-due.js';

export const cardsDueCy: Readonly<Record<keyof typeof cardsDueEn, string>> = {
  'due.window.this-week': 'yr wythnos hon',
  'due.window.next-week': 'yr wythnos nesaf',
  'due.window.today': 'heddiw',
  'due.window.tomorrow': 'yfory',
  'due.window.next-days':
    'yn ystod y {days, plural, zero {# diwrnod} one {diwrnod} two {# ddiwrnod} other {# diwrnod}} nesaf',
  'due.window.before-today': 'cyn heddiw',
  'due.title.overdue': 'Adolygiadau hwyr',
  'due.title.window': "Adolygiadau sy'n ddyledus {window}",
  'due.heading.overdue': 'Hwyr',
  'due.heading.window': 'Yn ddyledus {window}',
  'due.heading.due': 'Yn ddyledus',
  'due.empty.overdue': 'Dim adolygiadau hwyr.',
  'due.empty.window': "Dim adolygiadau'n ddyledus {window}.",
  'due.empty.then': "Dim adolygiadau'n ddyledus bryd hynny.",
  'due.summary.overdue': '{count, number} yn hwyr',
  'due.summary.due': '{count, number} yn ddyledus',
  'due.summary.not-booked': '{count, number} heb eu trefnu',
  'due.summary.show-list': 'Dangos y rhestr',
  'due.summary.what': '{reviews} yn ddyledus {window}',
  'due.summary.text': 'Golwg tîm: {what} ar draws {iros}',
  'due.invalid-note':
    "{count, plural, zero {# achos} one {# achos} two {# achos} other {# achos}} â hanes na allaf ei ddarllen: gofynnwch i'ch gweinyddwr wirio'r mewnforio.",
  'due.label.iro': 'SAA',
};
