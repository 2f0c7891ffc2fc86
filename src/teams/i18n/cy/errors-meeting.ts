// Gwrthod cyfarfodydd datrys (RS2) a derbynwyr yr ysgol uwchgyfeirio (src/domain/resolutions/), issue 13.
import type { errorsMeetingEn } from '../en/errors-meeting.js';

export const errorsMeetingCy: Readonly<Record<keyof typeof errorsMeetingEn, string>> = {
  'errors.meeting.no-meeting': 'does dim cyfarfod datrys ar y cam hwn',
  'errors.meeting.not-yours':
    "dim ond y tîm adolygu (yr SAA, cymorth busnes neu reolwr tîm adolygu) sy'n trefnu'r cyfarfod hwn",
  'errors.meeting.date': 'dewiswch ddyddiad y cyfarfod',
  'errors.meeting.not-working-day': 'nid yw {whenDate} yn ddiwrnod gwaith',
  'errors.meeting.in-past': "mae'r amser hwnnw wedi mynd heibio",
  'errors.meeting.others-long': "mae'r mynychwyr eraill yn rhy hir (500 nod ar y mwyaf)",
  'errors.meeting.too-many': 'gwahoddwch {max, number} aelod o staff ar y mwyaf',
  'errors.meeting.unknown-staff': 'ddim yn y cyfeiriadur staff: {ids}',
  'errors.meeting.chair': "rhaid i'r cadeirydd fod yn un o'r mynychwyr",
  'errors.meeting.arrange-first': 'trefnwch y cyfarfod yn gyntaf; cofnodir ei ganlyniad ar ei ôl',
  'errors.meeting.not-yet': "mae'r cyfarfod ar {whenDate}: cofnodwch ei ganlyniad ar ei ôl",
  'errors.meeting.is-meeting-stage': "cyfarfod datrys yw'r cam hwn: caiff ei drefnu a chofnodir ei ganlyniad",
  'errors.resolution.no-role-holder':
    "does neb â'r rôl {role} yn y cyfeiriadur staff, felly ni ellir cyfeirio {stage}; gofynnwch i'ch gweinyddwr",
  'errors.done.meeting-outcome': 'cofnodwyd canlyniad y cyfarfod eisoes gan {name} ar {onDate}; ni newidiwyd dim',
  'errors.done.recorded': 'cofnodwyd eisoes gan {name} ar {onDate}; ni newidiwyd dim',
  'errors.done.officer-notified': 'hysbyswyd yr uwch swyddog eisoes gan {name} ar {onDate}; ni newidiwyd dim',
  'errors.done.gathered': "nodwyd eisoes ei fod wedi'i gasglu gan {name} ar {onDate}; ni newidiwyd dim",
  'errors.done.resolved': 'datryswyd y mater hwn eisoes gan {name} ar {onDate}; ni newidiwyd dim',
  'errors.done.referred': 'atgyfeiriwyd y mater hwn at Cafcass Cymru gan {name} ar {onDate}; ni newidiwyd dim',
  'errors.done.acknowledged': 'cydnabuwyd eisoes gan {name} ar {onDate}; ni newidiwyd dim',
  'errors.done.answered': 'atebwyd eisoes gan {name} ar {onDate}; ni newidiwyd dim',
  'errors.done.moved': "mae'r cerdyn hwn wedi dyddio: symudodd y mater i {stage} ({name}, {onDate}); ni newidiwyd dim",
};
