// The Guardian liaison duties L1–L10 as a card names them (issue 13): the title (cards/liaison.ts TITLES)
// and what to do (domain/liaison.ts DUTIES[].action); test/teams/i18n-cards.spec.ts keeps the English equal.
export const cardsDutiesEn = {
  'duty.L1.title': "Record the Guardian's name",
  'duty.L1.action': "business support gives Cafcass the IRO's name and records the Guardian's name",
  'duty.L2.title': "IRO's details to legal and the court",
  'duty.L2.action': "send the IRO's contact details to legal, who tell the court",
  'duty.L3.title': 'Make contact',
  'duty.L3.action': 'IRO and Guardian make contact (at the first review if one is soon)',
  'duty.L4.title': 'Court documents',
  'duty.L4.action': 'copies to the IRO; the IRO confirms having them',
  'duty.L5.title': 'Review booked: the Guardian is invited',
  'duty.L5.action': 'invite the Guardian',
  'duty.L6.title': 'Review record: copy to the Guardian and legal',
  'duty.L6.action':
    'send a copy to the Guardian and to legal; legal submits the record of a review held during proceedings to court',
  'duty.L7.title': 'Discussion due',
  'duty.L7.action': 'IRO–Guardian discussion',
  'duty.L8.title': 'Before the Issues Resolution Hearing',
  'duty.L8.action': 'the council tells the court of any open IRO dispute',
  'duty.L9.title': 'Final discussion and documents',
  'duty.L9.action': 'final IRO–Guardian discussion; the Guardian confirms the IRO has every document on the checklist',
  'duty.L10.title': 'Discussion recorded',
  'duty.L10.action': "recorded on the child's case timeline",
  'duty.line': '{duty} · {title}: {action}',
} as const;
