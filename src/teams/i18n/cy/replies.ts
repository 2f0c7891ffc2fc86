// Atebion testun gorchmynion (/setup): the same keys and placeholders as en/replies.ts.
import type { repliesEn } from '../en/replies.js';

export const repliesCy: Readonly<Record<keyof typeof repliesEn, string>> = {
  'replies.setup.title': 'Gosod IRO Bot',
  'replies.setup.purpose':
    '{purpose, select, iro_channel {Sianel yr IRO} social_work_channel {Sianel tîm gwaith cymdeithasol} managers_channel {Sianel y rheolwyr} liaison_channel {Sianel gyswllt y Gwarcheidwad} other {{purpose}}}',
  'replies.setup.channel-line':
    '{purpose}{team, select, none {} other { ({team})}}{guardian, select, none {} other { (Gwarcheidwad {guardian})}}: {id}',
  'replies.setup.channels': 'Sianeli:',
  'replies.setup.no-channels': "Does dim sianeli wedi'u gosod eto.",
  'replies.setup.outbox':
    "Blwch anfon: {pending, number} yn aros, {sent, number} wedi'u hanfon, {failed, number} wedi methu, {withheld, number} wedi'u dal yn ôl.",
  'replies.setup.not-delivered': 'Heb eu danfon:',
  'replies.setup.failed': 'wedi methu',
  'replies.setup.withheld-guest':
    "wedi'i ddal yn ôl: nid yw gwestai yn y sgwrs hon yn Warcheidwad pob plentyn y mae'n sôn amdano",
  'replies.setup.withheld-names': "wedi'i ddal yn ôl: mae'n enwi plentyn a sgwrs a rennir yw hon",
  'replies.setup.delivery-error': 'Gwrthododd Teams ef: {detail}',
  'replies.setup.store-ok': 'Storfa: iawn.',
  'replies.setup.store-degraded': 'Storfa: DIRYWIEDIG ({reason}); does dim modd cadw dim nes i hyn gael ei drwsio.',
  'replies.setup.store-problems': 'Problemau gyda’r storfa:',
  'replies.setup.unknown': 'anhysbys',
  'replies.setup.done.title': "Sianel wedi'i gosod",
  'replies.setup.done.text':
    'Y sianel hon bellach yw {purpose}{team, select, none {} other { ar gyfer tîm {team}}}{guardian, select, none {} other { ar gyfer y Gwarcheidwad {guardian}}}.',
  'replies.setup.language.title': 'Iaith y sianel',
  'replies.setup.language.text':
    '{language, select, cy {Byddaf yn ysgrifennu yn y sianel hon yn Gymraeg.} both {Byddaf yn ysgrifennu yn y sianel hon yn Gymraeg yn gyntaf, yna yn Saesneg, ym mhob neges.} other {Byddaf yn ysgrifennu yn y sianel hon yn Saesneg.}}',
};
