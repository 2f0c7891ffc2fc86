import { randomUUID } from 'node:crypto';

// Teams-shaped activities for bot-over-HTTP tests (the fields the real Teams service sends).
export const TENANT = '00000000-0000-0000-0000-0000000000001';
export const BOT = { id: '28:iro-bot', name: 'IRO Bot' };

export interface Sender {
  id: string;
  name: string;
  aadObjectId?: string;
}

export function messageActivity(
  serviceUrl: string,
  from: Sender,
  text: string,
  opts: {
    conversationType?: 'personal' | 'channel' | 'groupChat';
    conversationId?: string;
    tenantId?: string;
    entities?: unknown[];
  } = {},
) {
  const conversationType = opts.conversationType ?? 'personal';
  return {
    type: 'message',
    id: randomUUID(),
    timestamp: new Date().toISOString(),
    serviceUrl,
    channelId: 'msteams',
    from,
    recipient: BOT,
    conversation: {
      id:
        opts.conversationId ??
        (conversationType === 'personal' ? `a:personal-${from.id}` : '19:channel@thread.tacv2;messageid=1'),
      conversationType,
      tenantId: opts.tenantId ?? TENANT,
      ...(conversationType === 'personal' ? {} : { isGroup: true }),
    },
    channelData: { tenant: { id: opts.tenantId ?? TENANT } },
    text,
    textFormat: 'plain',
    locale: 'en-GB',
    entities: opts.entities ?? [],
  };
}

/** A channel message that @mentions the bot, as Teams sends it. */
export function mentionActivity(serviceUrl: string, from: Sender, command: string) {
  const mention = `<at>${BOT.name}</at>`;
  return messageActivity(serviceUrl, from, `${mention} ${command}`, {
    conversationType: 'channel',
    entities: [{ type: 'mention', text: mention, mentioned: BOT }],
  });
}
