// Ffurflen /liaison (issue 13).
import type { cardsLiaisonFormEn } from '../en/cards-liaison-form.js';

export const cardsLiaisonFormCy: Readonly<Record<keyof typeof cardsLiaisonFormEn, string>> = {
  'liaison-form.title': 'Cyswllt · {child}',
  'liaison-form.subtitle': 'Achos gofal a chofnod cyswllt y Gwarcheidwad Plant',
  'liaison-form.guardian.none': 'Heb ei benodi eto',
  'liaison-form.legal.none': 'Heb ei osod',
  'liaison-form.open-item': '{duty} · {title} · erbyn {date}',
  'liaison-form.discussion': '{date} · {name} · {topics}',
  'liaison-form.discussion.final': '{date} · {name} · terfynol · {topics}',
  'liaison-form.no-topics': 'dim pynciau',
  'liaison-form.saved': "Wedi'i gadw.",
  'liaison-form.label.open': 'Eitemau cyswllt ar agor',
  'liaison-form.label.nothing-open': 'Dim byd ar agor.',
  'liaison-form.label.proceedings': 'Achos llys',
  'liaison-form.label.started': 'Dechreuodd yr achos (cais wedi dod i law)',
  'liaison-form.label.guardian': 'Gwarcheidwad Plant (L1)',
  'liaison-form.label.appointed': 'Penodwyd y Gwarcheidwad ar',
  'liaison-form.label.irh': 'Gwrandawiad Datrys Materion', // translator: confirm (Issues Resolution Hearing)
  'liaison-form.label.final-hearing': 'Gwrandawiad terfynol',
  'liaison-form.label.concluded': 'Daeth yr achos i ben ar',
  'liaison-form.label.outcome': 'Canlyniad',
  'liaison-form.label.interval': "Trafodaeth rhwng yr SAA a'r Gwarcheidwad bob N diwrnod (L7)",
  'liaison-form.label.legal': 'Cyswllt cyfreithiol',
  'liaison-form.label.court-docs':
    "Daeth dogfennau'r llys i law'r adran gyfreithiol ar (L4; gadewch yn wag os nad oes rhai)",
  'liaison-form.label.discussions': "Trafodaethau gyda'r Gwarcheidwad (L10)",
  'liaison-form.label.none-recorded': "Dim wedi'u cofnodi eto.",
  'liaison-form.label.save': 'Cadw',
  'liaison-form.label.record-discussion': 'Cofnodi trafodaeth',
  'liaison-form.label.on': 'Dyddiad y drafodaeth',
  'liaison-form.label.give-date': 'Rhowch y dyddiad',
  'liaison-form.label.topics': 'Pynciau',
  'liaison-form.label.notes': 'Nodiadau',
  'liaison-form.label.final': "Dyma'r drafodaeth derfynol ar ôl yr achos (L9)",
  'liaison-form.label.record': 'Cofnodi',
};
