// Gwrthod cyswllt, datrysiadau, canmoliaeth a gwrthdaro mewnforio: the same keys as en/errors-resolution.ts.
import type { errorsResolutionEn } from '../en/errors-resolution.js';

export const errorsResolutionCy: Readonly<Record<keyof typeof errorsResolutionEn, string>> = {
  'errors.liaison.not-for-you': "mae /cyswllt ar gyfer SAAau, cymorth busnes a'r tîm cyfreithiol",
  'errors.liaison.started-needed': 'rhowch y dyddiad y dechreuodd yr achosion',
  'errors.liaison.guardian-needed': "dewiswch Warcheidwad o'r cyfeiriadur staff",
  'errors.liaison.remains-needed': "dywedwch a yw'r plentyn yn parhau i dderbyn gofal",
  'errors.liaison.legal-needed': "dewiswch gyswllt cyfreithiol o'r cyfeiriadur staff",
  'errors.liaison.docs-already': "mae dogfennau llys a dderbyniwyd ar {whenDate} wedi'u cofnodi'n barod",
  'errors.liaison.nothing-to-save': "does dim byd i'w gadw",
  'errors.liaison.future-discussion': 'does dim modd cofnodi trafodaeth ar gyfer dyddiad yn y dyfodol',
  'errors.liaison.not-applicable-only': 'dim ond y trefniadau cyswllt y gellir eu nodi fel amherthnasol',
  'errors.liaison.already-done': 'gwnaed hyn eisoes gan {who}{whenDate, select, none {} other { ar {whenDate}}}',
  'errors.resolution.unknown': 'does dim datrysiad {id} ar gyfer {ref}',
  'errors.resolution.raise-not-yours': 'dim ond SAA {ref} all godi datrysiad ar ei ran',
  'errors.resolution.no-addressee':
    "does gan {ref} ddim gweithiwr cymdeithasol na rheolwr tîm wedi'u dyrannu i gyfeirio hyn atynt",
  'errors.resolution.ack-not-yours':
    "dim ond y gweithiwr cymdeithasol neu'r rheolwr y cyfeiriwyd y datrysiad hwn atynt all ei gydnabod",
  'errors.resolution.respond-not-yours':
    'dim ond y person y cyfeiriwyd y datrysiad hwn ato, neu ei reolwr, all ymateb iddo',
  'errors.resolution.ack-first': 'cydnabyddwch y datrysiad yn gyntaf, yna ymatebwch',
  'errors.resolution.action-date': 'mae angen dyddiad ar y cam y cytunwyd arno "{text}"',
  'errors.resolution.no-senior-officer':
    "does dim uwch swyddog enwebedig wedi'i nodi yn y cyfeiriadur staff; gofynnwch i'ch gweinyddwr",
  'errors.resolution.notify-senior-first':
    "rhowch wybod i'r uwch swyddog enwebedig cyn cofnodi atgyfeiriad at Cafcass Cymru",
  'errors.resolution.cut-short-why':
    "dydy'r broses ddim wedi cyrraedd cam {stage, number}: dywedwch pam mae'n cael ei chwtogi",
  'errors.resolution.not-referred': "dydy'r datrysiad hwn ddim wedi'i atgyfeirio at Cafcass Cymru",
  'errors.resolution.not-pack-item': "nid yw hynny'n eitem yn y pecyn atgyfeirio",
  'errors.resolution.last-stage': "dyma'r cam olaf; y cam nesaf yw atgyfeirio at Cafcass Cymru",
  'errors.resolution.stage-after': 'dewiswch gam ar ôl yr un presennol ({first, number}–{last, number})',
  'errors.resolution.skip-why':
    'mae angen rheswm i hepgor {count, plural, zero {camau {stages}} one {cam {stages}} two {camau {stages}} few {camau {stages}} many {camau {stages}} other {camau {stages}}}',
  'errors.resolution.theme': 'dewiswch thema: {themes}',
  'errors.resolution.stage-one':
    "mae datrysiad yn cael ei godi'n anffurfiol neu'n ffurfiol (cam 1); uwchgyfeiriwch e'n nes ymlaen",
  'errors.resolution.by-when-not-date': 'nid yw\'r dyddiad "erbyn pryd" yn ddyddiad',
  'errors.resolution.by-when-past': 'mae\'r dyddiad "erbyn pryd" wedi mynd heibio',
  'errors.resolution.no-stage': 'does dim cam datrys {stage}',
  'errors.resolution.iro-only':
    "dim ond SAA {ref} all {what, select, notify {roi gwybod i'r uwch swyddog} refer {atgyfeirio'r datrysiad hwn at Cafcass Cymru} pack {diweddaru'r pecyn atgyfeirio} resolve {ddatrys y datrysiad hwn} escalate {uwchgyfeirio'r datrysiad hwn} other {wneud hynny}}",
  'errors.resolution.text-needed':
    "mae angen {what, select, summary {crynodeb} ask {yr hyn rydych chi'n gofyn amdano} note {nodyn i'r uwch swyddog} outcome {y canlyniad} response {ymateb} other {testun}}",
  'errors.resolution.text-too-long':
    "mae {what, select, summary {y crynodeb} ask {yr hyn rydych chi'n gofyn amdano} note {y nodyn i'r uwch swyddog} outcome {y canlyniad} response {yr ymateb} other {y testun}} yn rhy hir ({max, number} nod ar y mwyaf)",
  'errors.compliment.iro-only': "dim ond SAAau sy'n cofnodi canmoliaeth",
  'errors.compliment.what': "dywedwch am beth mae'r ganmoliaeth",
  'errors.compliment.too-long': "mae'r ganmoliaeth yn rhy hir (1000 nod ar y mwyaf)",
  'errors.compliment.self': 'mae canmoliaeth am ymarfer rhywun arall',
  'errors.sync.conflict-closed':
    "dydy'r gwrthdaro hwnnw ddim ar agor ar gyfer yr achos hwn (efallai ei fod o adroddiad hŷn); ni newidiwyd dim",
  'errors.sync.admin-only': "dim ond gweinyddwr sy'n setlo gwrthdaro rhwng y system achosion a Teams; ni newidiwyd dim",
};
