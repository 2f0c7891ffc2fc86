// Y ffurflenni (issue 13): trefnu adolygiad, cofnodi adolygiad a gynhaliwyd, aildrefnu.
import type { cardsFormsEn } from '../en/cards-forms.js';

export const cardsFormsCy: Readonly<Record<keyof typeof cardsFormsEn, string>> = {
  'form.due-by': 'Erbyn',
  'form.due-by.value': '{date} — {rule}, {explanation}',
  'form.invitee.guardian': '{name} (Gwarcheidwad Plant)',
  'form.invitee.social-worker': '{name} (gweithiwr cymdeithasol)',
  'form.invitee.child': 'Y plentyn',
  'form.invitee.carers': 'Gofalwyr',
  'form.invitee.parents': 'Rhieni',
  'form.invitee.school': 'Ysgol',
  'form.slot': '{date} {time}',
  'form.slot.outside': "{date} {time} (y tu allan i'r amserlen)",
  'form.reason-category': 'Categori rheswm',
  'form.choose-date': 'Dewiswch y dyddiad',
  'form.say-why': 'Dywedwch pam',

  'booking-form.title': 'Trefnu adolygiad · {child}',
  'booking-form.subtitle': 'Adolygiad {n, number}',
  'booking-form.note':
    "Mae dyddiad ar ôl {date} y tu allan i'r amserlen: rhowch reswm ac esboniad, a rhaid i reolwr tîm adolygu ei gymeradwyo.",
  'booking-form.slots': 'Slotiau rhydd cynharaf yr SAA: {slots}.',
  'booking-form.label.date': 'Dyddiad',
  'booking-form.label.time': 'Amser dechrau',
  'booking-form.label.venue': 'Lleoliad',
  'booking-form.label.invite': 'Gwahodd',
  'booking-form.label.reason': "Rheswm (dim ond ar gyfer dyddiad y tu allan i'r amserlen)",
  'booking-form.label.text': "Esboniad (dim ond ar gyfer dyddiad y tu allan i'r amserlen)",
  'booking-form.error.date': 'Dewiswch ddyddiad yr adolygiad',
  'booking-form.error.time': 'Dewiswch amser dechrau, e.e. 10:00',
  'booking-form.error.venue': 'Dewiswch leoliad',

  'held-form.title.record': 'Cofnodi adolygiad a gynhaliwyd · {child}',
  'held-form.title.correct': 'Cywiro dyddiad cynnal · {child}',
  'held-form.subtitle.record': 'Heddiw yw {date}',
  'held-form.subtitle.correct': "Adolygiad {id}, wedi'i gofnodi fel un a gynhaliwyd ar {date}",
  'held-form.note.record':
    "Caiff y dyddiad dyledus a'r rheol eu cadw gyda'r adolygiad; mae'r cofnod ysgrifenedig yn ddyledus o fewn 14 diwrnod.",
  'held-form.note.correct': "Mae'r hen ddyddiad yn aros yn hanes yr achos.",
  'held-form.label.held-on': 'Cynhaliwyd ar',
  'held-form.label.correct-date': 'Y dyddiad cynnal cywir',
  'held-form.label.chair': 'Cadeiriwyd gan',
  'held-form.label.combined': 'Ar y cyd â chynhadledd amddiffyn plant',
  'held-form.label.late-reason': 'Os cafodd ei gynnal ar ôl y dyddiad dyledus: pam',
  'held-form.label.why-wrong': 'Pam roedd y dyddiad a gofnodwyd yn anghywir?',
  'held-form.chair.external': '{name} (allanol)',
  'held-form.button.record': "Cofnodi ei fod wedi'i gynnal",
  'held-form.button.correct': "Cywiro'r dyddiad",

  'reschedule-form.title': 'Aildrefnu adolygiad · {child}',
  'reschedule-form.no-slot':
    "Dim slot rhydd cyn y dyddiad dyledus ({date}): cynigiwch ddyddiad arall isod (mae angen rheswm a chymeradwyaeth y tu allan i'r amserlen).",
  'reschedule-form.overdue':
    "Mae'r dyddiad dyledus wedi mynd heibio: y slotiau rhydd cynharaf (pob un y tu allan i'r amserlen)",
  'reschedule-form.free-until': 'Slotiau rhydd hyd at {date}',
  'reschedule-form.note.pending': 'Mae cais eisoes yn aros am reolwr (gofynnwyd gan {name}).',
  'reschedule-form.note':
    "Mae angen cymeradwyaeth rheolwr tîm adolygu ar gyfer pob symud; mae'r trefniad yn aros fel y mae tan hynny.",
  'reschedule-form.label.why': "1. Pam mae'n rhaid ei symud?",
  'reschedule-form.label.slot': '2. Dewiswch slot rhydd',
  'reschedule-form.label.date': '…neu cynigiwch ddyddiad arall',
  'reschedule-form.label.time': 'ac amser dechrau',
  'reschedule-form.label.text': "Esboniad (ei angen y tu allan i'r amserlen, ac i ganslo neu ohirio)",
  'reschedule-form.error.reason': 'Dewiswch reswm',
  'reschedule-form.button.ask': 'Gofyn i reolwr gymeradwyo',
  'reschedule-form.button.cancel': "Canslo'r adolygiad",
  'reschedule-form.button.adjourn': "Gohirio'r adolygiad",
};
