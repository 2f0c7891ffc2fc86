// Pam na all rhywun fod yn SAA i blentyn (W54.3, src/domain/eligibility.ts IneligibleWhy), issue 13.
import type { eligibilityEn } from '../en/eligibility.js';

const ROLE =
  "{role, select, social_worker {gweithiwr cymdeithasol y plentyn} personal_adviser {cynghorydd personol y plentyn} visiting_representative {cynrychiolydd y cyngor sy'n ymweld â'r plentyn} plan_author {un o awduron cynllun gofal a chymorth y plentyn} other {rheolwr achos y plentyn}}";
const WHY = `{what, select, not_iro {nid oes gan {id} rôl SAA} is {{id} yw ${ROLE} (W54.3)} controls_resources {mae {id} yn rheoli'r adnoddau a ddyrannwyd i'r achos (W54.3)} controls_team {mae {id} yn rheoli adnoddau tîm {team}, sy'n dal yr achos (W54.3)} manages {mae {id} yn rheoli {other}, ${ROLE} (W54.3)} other {mae {id} yn llinell reoli {other}, ${ROLE} (W54.3)}}`;

export const eligibilityCy: Readonly<Record<keyof typeof eligibilityEn, string>> = {
  'eligibility.why': WHY,
  'errors.eligibility.allocate': `ni all {name} fod yn SAA i {ref}: ${WHY}`,
  'errors.eligibility.cover': `ni all {name} gyflenwi ar gyfer {ref}: ${WHY}`,
};
