// Refusals of the plan between reviews (src/domain/plan-tracking.ts; issue 15), keyed for the reader's
// language (issue 13). `onDate` is an ISO date, written by errorNotice in the reader's language.
export const errorsPlanEn = {
  'errors.plan.record-not-yours': "only {ref}'s IRO or the review's chair records its decisions and actions",
  'errors.plan.decisions-long': 'the decisions are too long (at most 4000 characters)',
  'errors.plan.action-text': 'action {n}: say what is to be done',
  'errors.plan.action-long': 'action {n} is too long (at most 500 characters)',
  'errors.plan.action-when': 'action {n}: choose by when',
  'errors.plan.action-before': 'action {n}: the date is before the review',
  'errors.plan.action-year': 'action {n}: at most a year after the review',
  'errors.plan.empty': 'write the decisions or at least one action',
  'errors.plan.owner-name': 'action {n}: name who does it',
  'errors.plan.owner-long': 'action {n}: the name is too long or has line breaks',
  'errors.plan.owner-choose': 'action {n}: choose who does it',
  'errors.plan.no-action': 'no action {id} for {ref}',
  'errors.plan.report-not-yours': "only the action's owner, the child's IRO or social worker can report on it",
  'errors.plan.already-done':
    'already marked done{by, select, none {} other { by {by}}}{onDate, select, none {} other { on {onDate}}}; nothing was changed',
  'errors.plan.why-not-done': 'say why it has not been done, and what happens now',
  'errors.plan.note-long': 'the note is too long (at most {max, number} characters)',
  'errors.plan.alert-text': 'say what has changed',
  'errors.plan.alert-long': 'the alert is too long (at most 2000 characters)',
  'errors.plan.midway-not-yours': "only {ref}'s IRO records the midway check",
  'errors.plan.midway-no-review': '{ref} has no review held yet to check the plan against',
  'errors.plan.midway-done': 'the midway check was already recorded by {by} on {onDate}; nothing was changed',
  'errors.plan.midway-text': 'say what the check found',
} as const;
