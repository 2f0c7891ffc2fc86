// Gwrthod y cynllun rhwng adolygiadau (src/domain/plan-tracking.ts), issue 13.
import type { errorsPlanEn } from '../en/errors-plan.js';

export const errorsPlanCy: Readonly<Record<keyof typeof errorsPlanEn, string>> = {
  'errors.plan.record-not-yours':
    "dim ond SAA {ref} neu gadeirydd yr adolygiad sy'n cofnodi ei benderfyniadau a'i gamau gweithredu",
  'errors.plan.decisions-long': "mae'r penderfyniadau'n rhy hir (4000 nod ar y mwyaf)",
  'errors.plan.action-text': "cam {n}: dywedwch beth sydd i'w wneud",
  'errors.plan.action-long': 'mae cam {n} yn rhy hir (500 nod ar y mwyaf)',
  'errors.plan.action-when': 'cam {n}: dewiswch erbyn pryd',
  'errors.plan.action-before': "cam {n}: mae'r dyddiad cyn yr adolygiad",
  'errors.plan.action-year': 'cam {n}: blwyddyn ar ôl yr adolygiad ar y mwyaf',
  'errors.plan.empty': 'ysgrifennwch y penderfyniadau neu o leiaf un cam',
  'errors.plan.owner-name': "cam {n}: enwch bwy sy'n ei wneud",
  'errors.plan.owner-long': "cam {n}: mae'r enw'n rhy hir neu'n cynnwys toriadau llinell",
  'errors.plan.owner-choose': "cam {n}: dewiswch bwy sy'n ei wneud",
  'errors.plan.no-action': 'does dim cam {id} ar gyfer {ref}',
  'errors.plan.report-not-yours':
    'dim ond perchennog y cam, SAA y plentyn neu ei weithiwr cymdeithasol all roi gwybod amdano',
  'errors.plan.already-done':
    "wedi'i nodi'n gyflawn eisoes{by, select, none {} other { gan {by}}}{onDate, select, none {} other { ar {onDate}}}; ni newidiwyd dim",
  'errors.plan.why-not-done': "dywedwch pam nad yw wedi'i wneud, a beth sy'n digwydd nesaf",
  'errors.plan.note-long': "mae'r nodyn yn rhy hir ({max, number} nod ar y mwyaf)",
  'errors.plan.alert-text': 'dywedwch beth sydd wedi newid',
  'errors.plan.alert-long': "mae'r rhybudd yn rhy hir (2000 nod ar y mwyaf)",
  'errors.plan.midway-not-yours': "dim ond SAA {ref} sy'n cofnodi'r gwiriad hanner ffordd",
  'errors.plan.midway-no-review': "does gan {ref} ddim adolygiad wedi'i gynnal eto i wirio'r cynllun yn ei erbyn",
  'errors.plan.midway-done': 'cofnodwyd y gwiriad hanner ffordd eisoes gan {by} ar {onDate}; ni newidiwyd dim',
  'errors.plan.midway-text': "dywedwch beth a ganfu'r gwiriad",
};
