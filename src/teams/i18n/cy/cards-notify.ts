// Ffurflen /notify (issue 13), a'r digwyddiadau.
import type { cardsNotifyEn } from '../en/cards-notify.js';

export const cardsNotifyCy: Readonly<Record<keyof typeof cardsNotifyEn, string>> = {
  'event.became-looked-after': 'dechreuodd dderbyn gofal',
  'event.unplanned-placement-change': 'newid lleoliad heb ei gynllunio',
  'event.placed-for-adoption': "wedi'i leoli gyda theulu mabwysiadol",
  'event.short-breaks-started': 'cyfnod cyntaf cyfres o seibiannau byr',
  'event.ifst-intensive-started': 'dechreuodd cyfnod dwys IFST',
  'event.ceased-looked-after': 'peidiodd â derbyn gofal',
  'event.review-brought-forward': "adolygiad wedi'i ddwyn ymlaen",
  'notify-form.title.event': 'Rhoi gwybod am ddigwyddiad · {child}',
  'notify-form.title.forward': 'Dwyn yr adolygiad ymlaen · {child}',
  'notify-form.title.correct': 'Cywiro digwyddiad a hysbyswyd · {child}',
  'notify-form.today': 'Heddiw yw {date}',
  'notify-form.correction': '{date}: {event}',
  'notify-form.note.correct':
    "Dim ond digwyddiadau a hysbyswyd o Teams y gellir eu cywiro yma; mae'r hanes yn cadw'r hen a'r newydd.",
  'notify-form.note.forward':
    "Mae'r dyddiad cynharach yn cymryd lle dyddiad y rheol nes cynnal yr adolygiad hwnnw (rheol FWD); cofnodir y rheswm.",
  'notify-form.note.event':
    "Caiff yr adolygiad nesaf ei ailgyfrifo ar unwaith a dywedir wrth yr SAA; mae'r digwyddiad yn aros yn hanes yr achos.",
  'notify-form.label.what': 'Beth ddigwyddodd',
  'notify-form.label.on': 'Ar',
  'notify-form.label.due-by': 'Dyddiad dyledus newydd',
  'notify-form.label.why': 'Pam',
  'notify-form.label.note': 'Nodyn (dewisol)',
  'notify-form.label.which': 'Pa ddigwyddiad',
  'notify-form.label.correct-date': 'Y dyddiad cywir',
  'notify-form.label.withdraw': 'Cofnodwyd mewn camgymeriad: tynnwch ef yn ôl',
  'notify-form.label.why-corrected': "Pam mae'n cael ei gywiro?",
  'notify-form.error.event': 'Dewiswch y digwyddiad',
  'notify-form.error.reason': 'Dewiswch reswm',
  'notify-form.button.notify': 'Rhoi gwybod',
  'notify-form.button.forward': 'Dwyn ymlaen',
  'notify-form.button.correct': 'Cywiro',
};
