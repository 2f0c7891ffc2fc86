// Why a person may not be a child's IRO (W54.3, src/domain/eligibility.ts IneligibleWhy), issue 13.
const ROLE =
  "{role, select, social_worker {the child's social worker} personal_adviser {the child's personal adviser} visiting_representative {the council's representative visiting the child} plan_author {an author of the child's care and support plan} other {the manager of the child's case}}";
const WHY = `{what, select, not_iro {{id} does not hold the iro role} is {{id} is ${ROLE} (W54.3)} controls_resources {{id} controls the resources allocated to the case (W54.3)} controls_team {{id} controls the resources of team {team}, which holds the case (W54.3)} manages {{id} manages {other}, ${ROLE} (W54.3)} other {{id} is in the management line of {other}, ${ROLE} (W54.3)}}`;

export const eligibilityEn = {
  'eligibility.why': WHY,
  'errors.eligibility.allocate': `{name} cannot be {ref}'s IRO: ${WHY}`,
  'errors.eligibility.cover': `{name} cannot cover {ref}: ${WHY}`,
} as const;
