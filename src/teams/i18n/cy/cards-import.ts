// Adroddiad cysoni'r gweinyddwyr ac atebion ei ddau fotwm (issue 13).
import type { cardsImportEn } from '../en/cards-import.js';

export const cardsImportCy: Readonly<Record<keyof typeof cardsImportEn, string>> = {
  'import.from.http': 'Anfonwyd at POST /api/import',
  'import.from.folder': "O'r ffolder mewnforio: {source}",
  'import.part': 'rhan {part, number} o {parts, number}',
  'import.refused.title': "Gwrthodwyd mewnforio o'r system achosion",
  'import.refused.text':
    "Ni fewnforiwyd dim o'r ffeil hon: {count, plural, zero {# problem} one {# broblem} two {# broblem} other {# problem}}. Cywirwch yr allforio a'i anfon eto.",
  'import.refused.more':
    "{count, plural, zero {# problem arall} one {# broblem arall} two {# broblem arall} other {# problem arall}} heb eu dangos: gweler yr ateb i'r cais neu ffeil .result.json y ffeil.",
  'import.already.title': "Mewnforio o'r system achosion: wedi'i fewnforio'n barod",
  'import.already.text': "Mewnforiwyd y cynnwys hwn o'r blaen; ni newidiodd dim.",
  'import.conflicts.title':
    "{count, plural, zero {Mewnforio o'r system achosion: # gwrthdaro i'w setlo} one {Mewnforio o'r system achosion: # gwrthdaro i'w setlo} two {Mewnforio o'r system achosion: # wrthdaro i'w setlo} other {Mewnforio o'r system achosion: # gwrthdaro i'w setlo}}",
  'import.done.title': "Mewnforio o'r system achosion wedi'i wneud",
  'import.conflicts.text':
    "Wedi'i fewnforio. Lle mae'r ffeil yn anghytuno â'r hyn a gofnodwyd yn Teams, cadwyd cofnod Teams: dewiswch ar gyfer pob un.",
  'import.done.text': "Wedi'i fewnforio.",
  'import.done.recovered': "Wedi'i fewnforio (wedi'i orffen ar ôl toriad).",
  'import.counts': '{inserted, number} newydd, {updated, number} wedi’u diweddaru, {unchanged, number} heb newid',
  'import.fact.children': 'Plant',
  'import.fact.staff': 'Staff',
  'import.fact.conflicts': 'Gwrthdaro',
  'import.fact.conflicts-kept': '{count, number} (a {kept, number} wedi’u setlo o’r blaen: cadwyd cofnod Teams)',
  'import.section.events': 'digwyddiad',
  'import.section.reviews': 'adolygiad',
  'import.section.bookings': 'trefniad',
  'import.conflict.says': '{message}. Mae’r system achosion yn dweud: {incoming}.',
  'import.conflict.same-key': 'yr un allwedd',
  'import.problem.csv-line': '{rule} ({file} llinell {line})',
  'import.label.refused': 'Gwrthodwyd oherwydd',
  'import.button.keep': 'Cadw cofnod Teams',
  'import.button.take': 'Cymryd cofnod y system achosion',
  'import.settled.keep': 'Cadwyd cofnod Teams ar gyfer {what}. Mae ar linell amser yr achos.',
  'import.settled.take': 'Cymerwyd cofnod y system achosion ar gyfer {what}. Mae ar linell amser yr achos.',
  'import.already.keep':
    "Wedi'i setlo'n barod gan {name} am {when}: cadwyd cofnod Teams ar gyfer {what}. Ni newidiwyd dim.",
  'import.already.take':
    "Wedi'i setlo'n barod gan {name} am {when}: cymerwyd cofnod y system achosion ar gyfer {what}. Ni newidiwyd dim.",
};
