import type { ChannelAccount, ConversationAccount, ConversationReference } from 'botbuilder';
import type { ConversationAddress, ConversationKind } from '../store/delivery-documents.js';

// Between Bot Framework activities/references and the neutral ConversationAddress the store keeps.
//
// A channel is stored once, under its channel id (';messageid=...' removed), whatever thread the
// activity came from: purposes belong to the channel and proactive posts go to the channel.

/** The parts of an incoming activity an address is made from (a botbuilder Activity fits). */
export interface ActivityLike {
  serviceUrl?: string;
  channelId?: string;
  locale?: string;
  from?: { id: string; name?: string; aadObjectId?: string; role?: string };
  recipient?: { id: string; name?: string };
  conversation?: { id: string; conversationType?: string; tenantId?: string; isGroup?: boolean; name?: string };
  channelData?: unknown;
}

/** A channel conversation id without the thread suffix. */
export function channelConversationId(conversationId: string): string {
  const i = conversationId.indexOf(';messageid=');
  return i < 0 ? conversationId : conversationId.slice(0, i);
}

/** Where to post back into the activity's conversation later. */
export function addressOfActivity(activity: ActivityLike): ConversationAddress {
  const conv = activity.conversation;
  if (!conv?.id || !activity.serviceUrl) throw new Error('activity has no conversation id or serviceUrl');
  const kind: ConversationKind =
    conv.conversationType === 'personal' ? 'personal' : conv.conversationType === 'groupChat' ? 'groupChat' : 'channel';
  const channelData = (activity.channelData ?? {}) as {
    team?: { id?: string };
    channel?: { id?: string };
    tenant?: { id?: string };
  };
  const id = kind === 'channel' ? channelConversationId(conv.id) : conv.id;
  const from = activity.from;
  return {
    conversationId: id,
    kind,
    serviceUrl: activity.serviceUrl,
    platform: activity.channelId ?? null,
    tenantId: conv.tenantId ?? channelData.tenant?.id ?? null,
    teamId: kind === 'channel' ? (channelData.team?.id ?? null) : null,
    channelId: kind === 'channel' ? (channelData.channel?.id ?? id) : null,
    bot: activity.recipient?.id ? account(activity.recipient) : null,
    user:
      kind === 'personal' && from?.id
        ? { ...account(from), ...(from.aadObjectId ? { aadObjectId: from.aadObjectId } : {}) }
        : null,
    locale: activity.locale ?? null,
  };
}

/** The Bot Framework reference the SDK's proactive calls need (TurnContext.getConversationReference's fields). */
export function referenceOf(address: ConversationAddress): Partial<ConversationReference> {
  return {
    // The SDK types name as required; Teams does not need it, and the saved data never had it everywhere.
    ...(address.bot ? { bot: address.bot as ChannelAccount } : {}),
    ...(address.user ? { user: address.user as ChannelAccount } : {}),
    conversation: {
      id: address.conversationId,
      conversationType: address.kind,
      isGroup: address.kind !== 'personal',
      ...(address.tenantId ? { tenantId: address.tenantId } : {}),
    } as ConversationAccount,
    channelId: address.platform ?? 'msteams',
    serviceUrl: address.serviceUrl,
    ...(address.locale ? { locale: address.locale } : {}),
  };
}

function account(a: { id: string; name?: string }): { id: string; name?: string } {
  return a.name === undefined ? { id: a.id } : { id: a.id, name: a.name };
}
