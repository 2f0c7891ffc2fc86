// The Cafcass referral pack card (cards/resolution-referral.json), issue 13.
export const referralEn = {
  'referral.title': 'Cafcass referral pack · {id} · {child}',
  'referral.fact.referred': 'Referred',
  'referral.referred': '{at} by {name}',
  'referral.fact.senior-officer': 'Senior officer notified',
  'referral.fact.cut-short': 'Process cut short because',
  'referral.gathered-by': 'Gathered by {name}, {at}',
  'referral.not-yet': 'Not yet',
  'referral.progress': 'Referral pack · {gathered, number} of {total, plural, one {# item} other {# items}} gathered',
  'referral.button.gathered': 'Gathered',
  'referral.item.written-confirmation':
    'Written confirmation of the referral to the Cafcass Legal duty lawyer (Handbook 8.13)',
  'referral.item.final-order-and-plan': 'Final care order and care plan',
  'referral.item.guardian-report': "The Guardian's last report",
  'referral.item.review-records': 'Review records of the last 12 months',
  'referral.item.iro-report': "The IRO's report on steps taken",
  'referral.item.wishes-and-feelings': "The child's wishes and feelings",
  'referral.item.professionals-contacts': "Professionals' contacts",
  'referral.item.chronology': 'Chronology, key people, diversity/communication needs',
  'referral.item.latest-care-plan': 'The most recent care plan',
} as const satisfies Record<string, string>;
