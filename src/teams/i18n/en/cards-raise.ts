// The /raise form (issue 13).
export const cardsRaiseEn = {
  'raise.title': 'Raise a resolution · {child}',
  'raise.to-team': 'the {team} social work team channel',
  'raise.to-people': "the social worker's and team manager's chats",
  'raise.hint':
    'A formal resolution card goes to {to} with the case reference and initials only, so write the summary for that team. An informal one is only recorded.',
  'raise.label.theme': 'Theme',
  'raise.label.stage': 'Stage',
  'raise.label.informal': 'Informal (recorded; a follow-up date for you)',
  'raise.label.formal': 'Formal, stage 1 (card to the social work team)',
  'raise.label.summary': 'Summary of the issue',
  'raise.label.ask': 'What you ask for',
  'raise.label.ask-by': 'By when (optional)',
  'raise.error.theme': 'Choose a theme',
  'raise.error.stage': 'Choose informal or formal',
  'raise.error.summary': 'Write a summary',
  'raise.error.ask': 'Say what you ask for',
  'raise.button': 'Raise',
} as const;
