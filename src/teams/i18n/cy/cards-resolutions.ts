// Cerdyn /resolutions (issue 13). "Resolution" (the dispute resolution process) is "mater i'w ddatrys".
import type { cardsResolutionsEn } from '../en/cards-resolutions.js';

export const cardsResolutionsCy: Readonly<Record<keyof typeof cardsResolutionsEn, string>> = {
  'stage.informal': 'Anffurfiol',
  'stage.formal': 'Cam 1 (ffurfiol)',
  'stage.resolution-meeting': 'Cam 2 (cyfarfod datrys)', // translator: confirm
  'stage.head-of-service': 'Cam 3 (cyfarfod pennaeth gwasanaeth)',
  'stage.service-director': 'Cam 4 (cyfarwyddwr gwasanaeth)',
  'stage.group-director': 'Cam 5 (cyfarwyddwr grŵp)',
  'stage.chief-executive': 'Cam 6 (prif weithredwr)',
  'resolutions.state.recorded': 'Anffurfiol',
  'resolutions.state.awaiting-acknowledgement': 'Yn aros am gydnabyddiaeth',
  'resolutions.state.acknowledged': "Wedi'i gydnabod",
  'resolutions.state.responded': 'Wedi ymateb',
  'resolutions.state.resolved': "Wedi'i ddatrys",
  'resolutions.state.referred': "Wedi'i atgyfeirio at Cafcass Cymru",
  'resolutions.next.acknowledge': 'Cydnabod erbyn {date}',
  'resolutions.next.respond': 'Ymateb erbyn {date}',
  'resolutions.next.follow-up': 'Dilyn erbyn {date}',
  'resolutions.next.other': 'Erbyn {date}',
  'resolutions.resolved-on': "Wedi'i ddatrys {date}",
  'resolutions.referred-on': "Wedi'i atgyfeirio {date}",
  'resolutions.awaiting-iro': 'Yn aros am yr SAA',
  'resolutions.age':
    '{days, plural, zero {# diwrnod gwaith oed} one {# diwrnod gwaith oed} two {# ddiwrnod gwaith oed} other {# diwrnod gwaith oed}}',
  'resolutions.title': "Materion i'w datrys",
  'resolutions.title.child': "Materion i'w datrys · {ref}",
  'resolutions.filter.all': 'Pob un',
  'resolutions.filter.open': 'Ar agor',
  'resolutions.count': '{count, plural, zero {dim materion} one {# mater} two {# fater} other {# mater}}',
  'resolutions.empty.all': "Dim materion i'w datrys.",
  'resolutions.empty.open': 'Dim materion ar agor.',
};
