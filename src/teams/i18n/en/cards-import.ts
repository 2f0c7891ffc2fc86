// The admins' sync report card and the answers of its two buttons (issue 13).
export const cardsImportEn = {
  'import.from.http': 'Sent to POST /api/import',
  'import.from.folder': 'From the import folder: {source}',
  'import.part': 'part {part, number} of {parts, number}',
  'import.refused.title': 'Case system import refused',
  'import.refused.text':
    'Nothing of this file was imported: {count, plural, one {# problem} other {# problems}}. Correct the export and send it again.',
  'import.refused.more':
    "{count, plural, one {# more problem} other {# more problems}} not shown: see the answer to the request or the file's .result.json.",
  'import.already.title': 'Case system import: already imported',
  'import.already.text': 'This content was imported before; nothing changed.',
  'import.conflicts.title':
    '{count, plural, one {Case system import: # conflict to settle} other {Case system import: # conflicts to settle}}',
  'import.done.title': 'Case system import done',
  'import.conflicts.text':
    "Imported. Where the file disagrees with what was recorded in Teams, Teams' record was kept: choose for each.",
  'import.done.text': 'Imported.',
  'import.done.recovered': 'Imported (finished after an interruption).',
  'import.counts': '{inserted, number} new, {updated, number} updated, {unchanged, number} unchanged',
  'import.fact.children': 'Children',
  'import.fact.staff': 'Staff',
  'import.fact.conflicts': 'Conflicts',
  'import.fact.conflicts-kept': "{count, number} (and {kept, number} settled before: Teams' record kept)",
  'import.section.events': 'event',
  'import.section.reviews': 'review',
  'import.section.bookings': 'booking',
  'import.conflict.says': '{message}. The case system says: {incoming}.',
  'import.conflict.same-key': 'the same key',
  'import.problem.csv-line': '{rule} ({file} line {line})',
  'import.label.refused': 'Refused because',
  'import.button.keep': "Keep Teams' record",
  'import.button.take': "Take the case system's",
  'import.settled.keep': "Kept Teams' record for {what}. It is on the case's timeline.",
  'import.settled.take': "Took the case system's record for {what}. It is on the case's timeline.",
  'import.already.keep': "Already settled by {name} at {when}: kept Teams' record for {what}. Nothing was changed.",
  'import.already.take':
    "Already settled by {name} at {when}: took the case system's record for {what}. Nothing was changed.",
} as const;
