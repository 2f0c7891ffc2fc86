// Neges a ataliwyd gan y bot: the same keys and placeholders as en/withheld.ts.
import type { withheldEn } from '../en/withheld.js';

export const withheldCy: Readonly<Record<keyof typeof withheldEn, string>> = {
  'withheld.kind':
    "{kind, select, service_digest {crynodeb wythnosol y gwasanaeth} iro_digest {crynodeb wythnosol} review_reminder {nodyn atgoffa am adolygiad} record_reminder {nodyn atgoffa am gofnod adolygiad} review_booking {cerdyn trefnu adolygiad} reschedule_approval {cerdyn cymeradwyo aildrefnu} resolution_card {cerdyn mater i'w ddatrys} resolution_reminder {nodyn atgoffa am fater i'w ddatrys} resolution_escalation_prompt {cynnig i uwchgyfeirio mater i'w ddatrys} child_notice {hysbysiad} import_report {adroddiad mewnforio o'r system achosion} participation_reminder {nodyn atgoffa am y rhestr wirio cyfranogiad} liaison {neges gyswllt} other {neges}}",
  'withheld.where':
    '{where, select, personal {sgwrs bersonol} group_chat {sgwrs grŵp} channel {sianel} other {{name}}}',
  'withheld.iro.title': 'Heb ei phostio · {names}',
  'withheld.iro.summary': 'Heb ei phostio · {refs}',
  'withheld.iro.text':
    "Wnes i ddim postio {label} am {count, plural, one {y plentyn hwn} other {y plant hyn}} yn {where}: {why, select, names {mae'n dangos enw llawn plentyn, ac nid yw enwau'n cael eu dangos mewn sgyrsiau a rennir yma} other {mae rhywun yno yn westai nad yw'n {count, plural, one {Warcheidwad y plentyn hwn} other {Warcheidwad pob un o'r plant hyn}}}}. Gwiriwch pwy sydd yn y sgwrs honno (rhaid i sianel gyswllt gael ei Gwarcheidwad ei hun fel ei hunig westai); gall gweinyddwr ei gweld yn /setup status.",
  'withheld.admin.title': 'Heb ei phostio: mae gwestai yn bresennol',
  'withheld.admin.text':
    "Wnes i ddim postio {label}{known, select, yes { (am {count, plural, one {# plentyn} other {# o blant}})} other {}} yn {where}: {why, select, names {mae'n dangos enwau llawn, nad ydynt yn cael eu dangos mewn sgyrsiau a rennir yma} other {mae rhywun yno yn westai na chaiff ei gweld. Tynnwch y gwestai, neu rhowch y diben hwnnw i sianel heb westeion (/setup)}}. Mae /setup status yn rhestru'r hyn a ataliwyd.",
};
