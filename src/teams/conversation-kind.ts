import type { TurnContext } from 'botbuilder';
import type { ConversationKind } from './commands/command-context.js';

/** Anything unrecognised is treated as shared: names are shown only where we know it is 1:1. */
export function conversationKind(ctx: TurnContext): ConversationKind {
  const t = ctx.activity.conversation.conversationType;
  return t === 'personal' ? 'personal' : t === 'groupChat' ? 'groupChat' : 'channel';
}
