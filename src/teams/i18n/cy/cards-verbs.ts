// Atebion y botymau a'r gorchmynion ar ôl gwneud rhywbeth (issue 13).
import type { cardsVerbsEn } from '../en/cards-verbs.js';

export const cardsVerbsCy: Readonly<Record<keyof typeof cardsVerbsEn, string>> = {
  'verbs.notify.recorded': "Wedi'i gofnodi: {event}",
  'verbs.notify.already': "Wedi'i gofnodi'n barod: {event}",
  'verbs.notify.corrected': "Wedi'i gywiro: {event}",
  'verbs.notify.withdrawn': "Wedi'i dynnu'n ôl: {event}",
  'verbs.notify.due': 'Mae adolygiad nesaf {ref} bellach yn ddyledus erbyn {date} — {rule}: {explanation}.',
  'verbs.notify.none-due': 'Does dim adolygiad yn ddyledus i {ref} nawr: {event} ar {date}.',
  'verbs.notify.iro-told': 'Dywedir wrth yr SAA.',
  'verbs.approval.title': "Wedi'i anfon i'w gymeradwyo · {child}",
  'verbs.book.approval':
    'Mae {when} ar ôl y dyddiad dyledus, felly rhaid i reolwr tîm adolygu ei gymeradwyo (cais {id}). Byddwch yn clywed pan fyddant yn penderfynu.',
  'verbs.cancel.title.cancelled': "Adolygiad wedi'i ganslo · {child}",
  'verbs.cancel.title.adjourned': "Adolygiad wedi'i ohirio · {child}",
  'verbs.cancel.text.cancelled':
    "Mae'r adolygiad a drefnwyd ar gyfer {when} wedi'i ganslo: {reason}. Dywedir wrth sianeli'r SAA a gwaith cymdeithasol.",
  'verbs.cancel.text.adjourned':
    "Mae'r adolygiad a drefnwyd ar gyfer {when} wedi'i ohirio: {reason}. Dywedir wrth sianeli'r SAA a gwaith cymdeithasol.",
  'verbs.moved.title': "Adolygiad wedi'i symud · {child}",
  'verbs.moved.text': "Wedi'i symud i {when} (o fewn yr amserlen, wedi'i gymeradwyo gan y polisi).",
  'verbs.reschedule.waiting':
    "Mae symud yr adolygiad i {when} yn aros am reolwr tîm adolygu (cais {id}). Mae'r trefniad yn aros fel y mae tan hynny.",
  'verbs.reschedule.waiting-outside':
    "Mae symud yr adolygiad i {when} (Y TU ALLAN I'R AMSERLEN) yn aros am reolwr tîm adolygu (cais {id}). Mae'r trefniad yn aros fel y mae tan hynny.",
  'verbs.decided.already': "Wedi'i benderfynu'n barod — {decision}. Ni newidiwyd dim.",
  'decision.pending': 'Yn aros i reolwr tîm adolygu benderfynu',
  'decision.approved': "Wedi'i gymeradwyo gan {name} am {when}",
  'decision.declined': "Wedi'i wrthod gan {name} am {when}",
  'decision.declined-comment': "Wedi'i wrthod gan {name} am {when}: {comment}",
  'decision.withdrawn': "Wedi'i dynnu'n ôl ({why}) am {when}",
  'decision.booking-changed': 'newidiodd y trefniad',
  'decision.someone': 'rhywun',
  'decision.unknown-time': 'amser anhysbys',
  'verbs.liaison.discussion-recorded': 'Cofnodwyd y drafodaeth ar gofnod achos y plentyn (L10).',
  'verbs.liaison.closed': "Cofnodwyd y drafodaeth ar gofnod achos y plentyn (L10). Mae'r cyswllt bellach wedi cau.",
  'verbs.compliment.title': "Canmoliaeth wedi'i chofnodi",
  'verbs.compliment.text': "Wedi'i chofnodi ar {ref} ({id}) a'i hanfon at {name}.",
  'verbs.held.title': "Cofnodwyd bod yr adolygiad wedi'i gynnal",
  'verbs.held.record-due': "Mae'r cofnod ysgrifenedig yn ddyledus erbyn {date}.",
  'verbs.held.within': 'O fewn yr amserlen. {recordDue}',
  'verbs.held.outside': "Cynhaliwyd ar ôl ei ddyddiad dyledus: wedi'i gyfrif y tu allan i'r amserlen. {recordDue}",
  'verbs.held.outside-no-reason':
    "Cynhaliwyd ar ôl ei ddyddiad dyledus: wedi'i gyfrif y tu allan i'r amserlen (dim rheswm wedi'i roi). {recordDue}",
  'verbs.held.corrected.title': "Dyddiad cynnal wedi'i gywiro",
  'verbs.held.corrected.text': "Roedd yn {date}; mae'r hen ddyddiad yn aros yn hanes yr achos.",
  'verbs.distributed.title': "Cofnod wedi'i ddosbarthu",
  'verbs.distributed.text': "Mae'r cofnod ysgrifenedig wedi'i gofnodi fel un a ddosbarthwyd.",
};
