// Hysbysiadau am blentyn: the same keys and placeholders as en/notices.ts.
import type { noticesEn } from '../en/notices.js';

export const noticesCy: Readonly<Record<keyof typeof noticesEn, string>> = {
  'notice.allocation.title': 'Dyrannu SAA',
  'notice.allocation.new': "Mae'r plentyn hwn wedi'i ddyrannu i chi (yn flaenorol {from}).",
  'notice.allocation.old': "Mae'r plentyn hwn wedi'i ailddyrannu i {to}; nid chi yw ei SAA mwyach.",
  'notice.senior-officer.title': 'Atgyfeiriad posibl at Cafcass Cymru',
  'notice.senior-officer.text':
    'Mae {iro} (SAA) yn rhoi rhybudd y gallai datrysiad {id} gael ei atgyfeirio at Cafcass Cymru. {note}',
  'notice.cut-short.title': "Atgyfeiriad at Cafcass Cymru: y broses wedi'i chwtogi",
  'notice.cut-short.text':
    'Mae {iro} (SAA) wedi atgyfeirio datrysiad {id} at Cafcass Cymru cyn y cam olaf. Rheswm: {reason}',
  'notice.compliment.title': 'Canmoliaeth gan {name}',
  'notice.booking-ended.title': "{status, select, cancelled {Adolygiad wedi'i ganslo} other {Adolygiad wedi'i ohirio}}",
  'notice.booking-ended.text':
    "{name}: mae'r adolygiad a drefnwyd ar gyfer {startInstant} {status, select, cancelled {wedi'i ganslo} other {wedi'i ohirio}}. Rheswm: {reason}",
  'notice.withheld.title': 'Heb ei bostio · {child}',
  'notice.withheld.text':
    "Wnes i ddim postio neges am y plentyn hwn mewn {where, select, personal {sgwrs bersonol} iro_channel {sianel yr SAA} social_work_channel {sianel y tîm gwaith cymdeithasol} managers_channel {sianel y rheolwyr} liaison_channel {sianel gyswllt y Gwarcheidwad} other {sianel}}: mae rhywun yno yn westai nad yw'n Warcheidwad y plentyn hwn. Gwiriwch pwy sydd yn y sgwrs honno (rhaid i sianel gyswllt gael ei Gwarcheidwad ei hun fel ei hunig westai); gall gweinyddwr ei weld yn /setup status.",
  'notice.withheld.summary': 'Heb ei bostio · {ref}',
  'notice.resolution-gone.title': 'Datrysiad {id}',
  'notice.resolution-gone.text': "Dydy'r datrysiad hwn ddim ar gofnod mwyach.",
};
