// Text replies of commands that answer with a notice (issue 13): /setup and its status.
export const repliesEn = {
  'replies.setup.title': 'IRO Bot setup',
  'replies.setup.purpose':
    '{purpose, select, iro_channel {IRO channel} social_work_channel {Social work team channel} managers_channel {Managers channel} liaison_channel {Guardian liaison channel} other {{purpose}}}',
  'replies.setup.channel-line':
    '{purpose}{team, select, none {} other { ({team})}}{guardian, select, none {} other { (Guardian {guardian})}}: {id}',
  'replies.setup.channels': 'Channels:',
  'replies.setup.no-channels': 'No channels are set up yet.',
  'replies.setup.outbox':
    'Outbox: {pending, number} pending, {sent, number} sent, {failed, number} failed, {withheld, number} withheld.',
  'replies.setup.not-delivered': 'Not delivered:',
  'replies.setup.failed': 'failed',
  'replies.setup.withheld-guest':
    'withheld: a guest in this conversation is not the Guardian of every child it is about',
  'replies.setup.withheld-names': 'withheld: it names a child and this is a shared conversation',
  'replies.setup.delivery-error': 'Teams refused it: {detail}',
  'replies.setup.store-ok': 'Store: ok.',
  'replies.setup.store-degraded': 'Store: DEGRADED ({reason}); nothing can be saved until this is fixed.',
  'replies.setup.store-problems': 'Store problems:',
  'replies.setup.unknown': 'unknown',
  'replies.setup.done.title': 'Channel set up',
  'replies.setup.done.text':
    'This channel is now the {purpose}{team, select, none {} other { for team {team}}}{guardian, select, none {} other { for Guardian {guardian}}}.',
  'replies.setup.language.title': 'Channel language',
  'replies.setup.language.text':
    '{language, select, cy {I will write in this channel in Welsh.} both {I will write in this channel in Welsh first, then English, in each message.} other {I will write in this channel in English.}}',
} as const satisfies Record<string, string>;
