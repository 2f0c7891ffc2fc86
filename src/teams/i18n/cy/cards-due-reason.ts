// Pam mae adolygiad yn ddyledus (issue 13). "mis" after a numeral: "2 fis" (dau fis) is the one mutation
// written, as the spoken form; every other count keeps the radical ("20 diwrnod gwaith", "6 mis").
import type { cardsDueReasonEn } from '../en/cards-due-reason.js';

export const cardsDueReasonCy: Readonly<Record<keyof typeof cardsDueReasonEn, string>> = {
  'due-reason.limit.working-days':
    '{n, plural, zero {# diwrnod gwaith} one {# diwrnod gwaith} two {# ddiwrnod gwaith} other {# diwrnod gwaith}}',
  'due-reason.limit.days': '{n, plural, zero {# diwrnod} one {# diwrnod} two {# ddiwrnod} other {# diwrnod}}',
  'due-reason.limit.months': '{n, plural, zero {# mis} one {# mis} two {# fis} other {# mis}}',
  'due-reason.started-by.W39.1': 'dechrau derbyn gofal',
  'due-reason.started-by.UPC': 'y newid lleoliad heb ei gynllunio',
  'due-reason.started-by.ADP': 'y lleoliad mabwysiadu',
  'due-reason.started-by.SB': "i'r seibiannau byr ddechrau",
  'due-reason.started-by.IFST': "i'r cyfnod dwys ddechrau",
  'due-reason.start': '{limit} ar ôl {startedBy} ar {on}',
  'due-reason.second': '{limit} ar ôl yr adolygiad cyntaf a gynhaliwyd ar {held}',
  'due-reason.second-since-UPC':
    '{limit} ar ôl yr adolygiad cyntaf ers y newid lleoliad heb ei gynllunio ar {on}, a gynhaliwyd ar {held}',
  'due-reason.second-since-ADP':
    '{limit} ar ôl yr adolygiad cyntaf ers y lleoliad mabwysiadu ar {on}, a gynhaliwyd ar {held}',
  'due-reason.second-cycle': '{limit} ar ôl yr adolygiad cyntaf ar {on}, a gynhaliwyd ar {held}',
  'due-reason.later': '{limit} ar ôl yr adolygiad a gynhaliwyd ar {held}',
  'due-reason.ifst-final-start': "adolygiad terfynol: {limit} ar ôl i'r cyfnod dwys ddechrau ar {on}",
  'due-reason.ifst-final-previous': 'adolygiad terfynol: {limit} ar ôl yr ail adolygiad a gynhaliwyd ar {on}',
  'due-reason.ifst-final-late':
    'adolygiad terfynol: {limit} ar ôl yr ail adolygiad a gynhaliwyd ar {held} (a gynhaliwyd ar ddyddiad yr adolygiad terfynol neu wedi hynny, {was})',
  'due-reason.forward': "wedi'i ddwyn ymlaen: {reason} (roedd yn ddyledus {was})",
};
