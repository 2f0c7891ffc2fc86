import type { ConversationDoc } from '../../src/store/delivery-documents.js';
import type { ConversationRepository, SaveOptions } from '../../src/store/repositories/conversation-repository.js';
import { addressOfActivity, type ActivityLike } from '../../src/teams/conversation-address.js';

/** Saves the conversation of an activity, as the bot does on every message. */
export function saveActivity(
  conversations: Pick<ConversationRepository, 'save'>,
  activity: ActivityLike,
  opts: SaveOptions,
): Promise<ConversationDoc> {
  return conversations.save(addressOfActivity(activity), opts);
}
