// Geiriau issue 14 (mynediad newydd i ofal, dyrannu, cyflenwi, llinell amser yr achos): Cymraeg.
import type { eventsEn } from '../en/events.js';

export const eventsCy: Readonly<Record<keyof typeof eventsEn, string>> = {
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
};
