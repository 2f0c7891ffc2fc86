// Issues 14 and 15's loose ends (cover in /due and /actions, participation in the flow): English.
// cy/practice.ts has the same keys.
export const practiceEn = {
  'practice.due.covering': 'Covering for {name}, {from} to {to}',
  'practice.due.covered-by': 'Covered by {name}, {from} to {to}',
  'practice.actions.covering': '{what} (covering for {name})',
  'practice.actions.kind.participation': 'Participation checklist',
  'practice.actions.what.participation':
    '{count, plural, one {# item is} other {# items are}} still open before the review on {date}',
  'practice.button.participation': 'Participation checklist',
  'practice.held.alerts.title': 'Alerts to the IRO',
  'practice.held.alerts.value': '{count, plural, one {# alert} other {# alerts}} since the last review: /plan {ref}',
  'practice.case.participation.complete': 'Participation checklist for the review on {date}: complete',
  'practice.case.participation.open':
    'Participation checklist for the review on {date}: {settled} of {total} settled, {open, plural, one {# open} other {# open}}',
} as const;
