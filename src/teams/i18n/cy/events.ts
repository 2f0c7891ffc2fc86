// Geiriau issue 14 (mynediad newydd i ofal, dyrannu, cyflenwi, llinell amser yr achos): Cymraeg.
import type { eventsEn } from '../en/events.js';

export const eventsCy: Readonly<Record<keyof typeof eventsEn, string>> = {
  'command.allocate.usage': '/dyrannu CYF',
  'command.allocate.description':
    'Ailddyrannu plentyn i SAA arall, gan ddewis o lwyth achosion pob SAA (rheolwyr tîm adolygu)',
  'command.cover.usage': '/cyflenwi @SAA O i TAN',
  'command.cover.description':
    "Cyflenwi yn ystod absenoldeb SAA: eu hadolygiadau sy'n ddyledus neu wedi'u trefnu rhwng dau ddyddiad (BBBB-MM-DD), pob un yn cael ei gynnig i'r SAAau eraill (rheolwyr tîm adolygu)", // translator: confirm "cyflenwi" for cover
  'errors.cover.usage': "enwch y SAA sy'n absennol, yna diwrnod cyntaf ac olaf yr absenoldeb",
  'errors.cover.unknown-person':
    'Alla i ddim dod o hyd i "{name}" yn y cyfeiriadur staff: enwch y SAA gydag @sôn, eu cyfeiriad e-bost neu eu rhif staff',
  'events.legal-status.interim-care-order': 'Gorchymyn gofal interim',
  'events.legal-status.care-order': 'Gorchymyn gofal',
  'events.legal-status.accommodated-s76': 'Wedi’i letya (adran 76)',
  'events.legal-status.placement-order': 'Gorchymyn lleoli',
  'events.legal-status.remanded': 'Wedi’i remandio', // translator: confirm
  'events.legal-status.short-breaks': 'Seibiannau byr',
  'events.legal-status.ifst-family-plan': 'Cynllun teulu IFST',

  'events.new-entry.title': 'Hysbysu am fynediad newydd i ofal',
  'events.new-entry.subtitle': 'Heddiw yw {date}. Plentyn nad yw’r system achosion wedi’i anfon eto.',
  'events.new-entry.ref': 'Cyfeirnod yr achos',
  'events.new-entry.looked-after-on': 'Dechreuodd dderbyn gofal ar',
  'events.new-entry.legal-status': 'Statws cyfreithiol',
  'events.new-entry.social-worker': 'Gweithiwr cymdeithasol',
  'events.new-entry.social-worker-typed': 'Gweithiwr cymdeithasol (rhif staff neu gyfeiriad e-bost)',
  'events.new-entry.team': 'Tîm gwaith cymdeithasol (gadewch yn wag ar gyfer tîm y gweithiwr cymdeithasol)',
  'events.new-entry.proceedings': 'Mae achos gofal wedi’i gychwyn',
  'events.new-entry.proceedings-on': 'Dyddiad cychwyn yr achos (gadewch yn wag: yr un diwrnod)',
  'events.new-entry.required': 'Llenwch hwn',
  'events.new-entry.submit': 'Hysbysu',
  'events.new-entry.note':
    'Mae’r adolygiad cyntaf yn ddyledus o fewn amserlen y rheol o’r dyddiad hwn; gofynnir ar unwaith i bob rheolwr tîm adolygu ddyrannu SAA.',
  'events.new-entry.done.title': 'Wedi’i gofnodi: {ref}, newydd i ofal',
  'events.new-entry.done.due': 'Mae’r adolygiad cyntaf yn ddyledus erbyn {date} ({rule}).',
  'events.new-entry.done.managers':
    '{count, plural, =0 {Does dim rheolwr tîm adolygu yn y cyfeiriadur staff: dywedwch wrth eich gweinyddwr, does neb wedi cael cais i ddyrannu SAA.} one {Gofynnir i’r rheolwr tîm adolygu ddyrannu SAA.} other {Gofynnir i # rheolwr tîm adolygu ddyrannu SAA.}}',

  'events.allocate.title.first': 'Dyrannu SAA · {child}',
  'events.allocate.title.again': 'Ailddyrannu {child} i SAA arall',
  'events.allocate.fact.iro': 'SAA',
  'events.allocate.fact.unallocated': 'Heb ei ddyrannu eto',
  'events.allocate.fact.legal-status': 'Statws cyfreithiol',
  'events.allocate.fact.looked-after': 'Yn derbyn gofal ers',
  'events.allocate.fact.proceedings': 'Mewn achos llys',
  'events.allocate.fact.proceedings-since': 'Ers {date}',
  'events.allocate.fact.notified-by': 'Hysbyswyd gan',
  'events.allocate.fact.next-review': 'Adolygiad nesaf',
  'events.allocate.choice':
    '{name} — {count, plural, zero {# plentyn} one {# plentyn} two {# blentyn} few {# phlentyn} many {# plentyn} other {# plentyn}}{perFte, select, none {} other { ({perFte} fesul CALl)}}', // translator: confirm "CALl" (FTE)
  'events.allocate.choose': 'Dyrannu i',
  'events.allocate.choose-error': 'Dewiswch SAA',
  'events.allocate.reason.required': 'Pam mae’r plentyn yn symud? (caiff ei gofnodi)',
  'events.allocate.reason.optional': 'Nodyn (dewisol, caiff ei gofnodi)',
  'events.allocate.reason-error': 'Dywedwch pam',
  'events.allocate.ineligible': 'Dim caniatâd dan W54.3',
  'events.allocate.ineligible-item': '{name}: {reason}',
  'events.allocate.none': 'Does dim SAA yn y cyfeiriadur staff y gellir ei ddyrannu i’r plentyn hwn.',
  'events.allocate.submit': 'Dyrannu',
  'events.allocate.note':
    'Llwythi achosion yw plant agored y SAA nawr. Caiff W54.3 ei wirio eto ar bob sail pan fyddwch yn dyrannu; mae plentyn mewn achos llys yn cychwyn L2 (manylion y SAA i’r adran gyfreithiol).',
  'events.allocate.done.title': 'Wedi’i ddyrannu i {name}',
  'events.allocate.done.text':
    'Mae {ref} bellach wedi’i ddyrannu i {name}, a chaiff wybod yn ei sgwrs{old, select, none {} other { (a {old} hefyd)}}.',
  'events.allocate.done.l2': ' Mae’r plentyn mewn achos llys: mae L2 ar agor i {name}.',
  'events.allocate.same.title': 'Dim newid',
  'events.allocate.same.text': 'Mae {ref} eisoes wedi’i ddyrannu i {name}.',
  'events.allocated.title': 'Newydd i ofal: wedi’i ddyrannu i chi',
  'events.allocated.text':
    'Mae {by} wedi dyrannu’r plentyn hwn i chi. Mae’r adolygiad cyntaf yn ddyledus erbyn {date}.',
  'events.allocated.text-no-due': 'Mae {by} wedi dyrannu’r plentyn hwn i chi.',

  'events.type.became-looked-after': 'Dechreuodd dderbyn gofal',
  'events.type.unplanned-placement-change': 'Newid lleoliad heb ei gynllunio',
  'events.type.placed-for-adoption': 'Wedi’i leoli gyda theulu mabwysiadol',
  'events.type.short-breaks-started': 'Y cyntaf mewn cyfres o seibiannau byr',
  'events.type.ifst-intensive-started': 'Dechreuodd cyfnod dwys IFST',
  'events.type.ceased-looked-after': 'Peidiodd â derbyn gofal',
  'events.type.review-brought-forward': 'Adolygiad wedi’i ddwyn ymlaen',
  'events.timeline.brought-forward': 'Adolygiad wedi’i ddwyn ymlaen: yn ddyledus erbyn {date}',
  'events.timeline.corrected': '{event}: cywirwyd y dyddiad o {was}. Pam: {reason}',
  'events.timeline.withdrawn': 'Tynnwyd {event} ar {was} yn ôl. Pam: {reason}',
  'events.timeline.allocated': 'SAA wedi’i ddyrannu: {to}',
  'events.timeline.reallocated': 'Newidiwyd y SAA o {from} i {to}{reason, select, none {} other {. Pam: {reason}}}',
  'events.timeline.created': 'Hysbyswyd am fynediad newydd i ofal',
  'events.timeline.by': '{name}, {when}',
  'events.timeline.by-case-system': 'System achosion',
  'events.timeline.heading': 'Digwyddiadau',
  'events.timeline.none': 'Dim digwyddiadau wedi’u cofnodi.',
  'events.timeline.show-all':
    'Dangos y llinell amser gyfan ({count, plural, zero {# cofnod} one {# cofnod} two {# gofnod} few {# chofnod} many {# chofnod} other {# cofnod}})', // translator: confirm
  'events.timeline.title': 'Llinell amser · {child}',
  'events.timeline.page':
    'Tudalen {page} o {pages} · {count, plural, zero {# cofnod} one {# cofnod} two {# gofnod} few {# chofnod} many {# chofnod} other {# cofnod}}, y diweddaraf yn gyntaf',
  'events.timeline.review': 'Cynhaliwyd adolygiad {number}',
  'events.timeline.earlier-reviews':
    '{count, plural, zero {Mae # adolygiad cynharach} one {Mae # adolygiad cynharach} two {Mae # adolygiad cynharach} few {Mae # adolygiad cynharach} many {Mae # adolygiad cynharach} other {Mae # adolygiad cynharach}} ar y llinell amser gyfan.',
  'events.cover.title': 'Cyflenwi dros {name} · {from} i {to}',
  'events.cover.subtitle':
    '{count, plural, =0 {Does dim adolygiadau yn ddyledus nac wedi’u trefnu yn y dyddiadau hyn.} zero {Mae # adolygiad yn ddyledus neu wedi’i drefnu yn y dyddiadau hyn.} one {Mae # adolygiad yn ddyledus neu wedi’i drefnu yn y dyddiadau hyn.} two {Mae # adolygiad yn ddyledus neu wedi’u trefnu yn y dyddiadau hyn.} few {Mae # adolygiad yn ddyledus neu wedi’u trefnu yn y dyddiadau hyn.} many {Mae # adolygiad yn ddyledus neu wedi’u trefnu yn y dyddiadau hyn.} other {Mae # adolygiad yn ddyledus neu wedi’u trefnu yn y dyddiadau hyn.}}',
  'events.cover.more': 'Rhestrir y {shown} cyntaf: gosodwch gyflenwi eto ar gyfer y dyddiadau diweddarach.',
  'events.cover.review': '{child}: {when}',
  'events.cover.due': 'yn ddyledus erbyn {date}',
  'events.cover.booked': 'wedi’i drefnu {date}',
  'events.cover.due-booked': 'yn ddyledus erbyn {due}, wedi’i drefnu {booked}',
  'events.cover.current': 'Yn cael ei gyflenwi nawr gan {name}',
  'events.cover.choose': 'Cyflenwir gan',
  'events.cover.all': 'Neu un SAA ar gyfer pob un (lle mae W54.3 yn caniatáu)',
  'events.cover.ineligible': 'Dim caniatâd dan W54.3: {names}',
  'events.cover.submit': 'Gosod cyflenwi',
  'events.cover.note':
    'Llwythi achosion yw plant agored pob SAA nawr. Caiff W54.3 ei wirio ar gyfer pob plentyn; caiff y SAA sy’n cyflenwi wybod yn ei sgwrs. Mae’r plant yn aros wedi’u dyrannu i {name}.',
  'events.cover.done.title': 'Cyflenwi wedi’i osod dros {name}',
  'events.cover.done.line': '{ref}: {cover}',
  'events.cover.done.same': '{ref}: {cover} (wedi’i gofnodi’n barod)',
  'events.cover.done.refused': '{ref}: dim cyflenwi: {reason}',
  'events.cover.none-chosen': 'Dewiswch SAA ar gyfer o leiaf un adolygiad, neu un SAA ar gyfer pob un.',
  'events.cover.notice.title': 'Rydych chi’n cyflenwi adolygiad',
  'events.cover.notice.text':
    'Mae {by} wedi gofyn i chi gyflenwi adolygiad y plentyn hwn tra bo {absent} i ffwrdd, {from} i {to}.',
  'events.cover.case': 'Cyflenwi: {name} dros {absent}, {from} i {to}',
  'events.timeline.cover': 'Cyflenwi: {to} dros {absent}, {from} i {until}',
  'events.caseload.covering':
    'Yn cyflenwi {count, plural, zero {# adolygiad} one {# adolygiad} two {# adolygiad} few {# adolygiad} many {# adolygiad} other {# adolygiad}} dros SAA sy’n absennol.',
  'events.caseload.covered':
    '{count, plural, zero {Mae # o’r plant hyn} one {Mae # o’r plant hyn} two {Mae # o’r plant hyn} few {Mae # o’r plant hyn} many {Mae # o’r plant hyn} other {Mae # o’r plant hyn}} yn cael eu cyflenwi gan SAA arall yn ystod absenoldeb.',
  'events.caseload.team-cover': 'Cyflenwi mewn grym: {list}.',
  'events.caseload.team-cover-item': '{name} yn cyflenwi {count}',
  'events.timeline.previous': 'Blaenorol',
  'events.timeline.next': 'Nesaf',
};
