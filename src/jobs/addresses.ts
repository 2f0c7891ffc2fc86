import type { ConversationDoc } from '../store/delivery-documents.js';
import type { MessageAddress, StaffDoc } from '../store/documents.js';
import type { ConversationRepository } from '../store/repositories/conversation-repository.js';

export type ConversationsPort = Pick<ConversationRepository, 'findByPurpose' | 'personalChatOf'>;

/** A person's 1:1 chat with the bot; never anything but a personal chat, whatever the lookup returned. */
export async function personalChat(
  conversations: ConversationsPort,
  staffId: string,
  person: StaffDoc | undefined,
): Promise<ConversationDoc | null> {
  const conv = await conversations.personalChatOf({ staffId, aadObjectId: person?.aadObjectId ?? null });
  return conv && conv.kind === 'personal' ? conv : null;
}

/** Several channels may carry a purpose (a channel moved): the most recent `/setup` wins, then the lowest id. */
export function newestWithPurpose(convs: ConversationDoc[], purpose: string): ConversationDoc | null {
  const setAt = (c: ConversationDoc) =>
    Math.max(...c.purposes.filter((p) => p.purpose === purpose).map((p) => new Date(p.setAt).getTime()));
  return [...convs].sort((a, b) => setAt(b) - setAt(a) || (a._id < b._id ? -1 : a._id > b._id ? 1 : 0))[0] ?? null;
}

/** The conversation a message address names, or null when none is set up. */
export async function resolveAddress(
  conversations: ConversationsPort,
  to: MessageAddress,
  staffById: (id: string) => StaffDoc | undefined,
): Promise<ConversationDoc | null> {
  if (to.kind === 'personal') return personalChat(conversations, to.staffId, staffById(to.staffId));
  const filter = { ...(to.team ? { team: to.team } : {}), ...(to.guardianId ? { guardianId: to.guardianId } : {}) };
  return newestWithPurpose(await conversations.findByPurpose(to.purpose, filter), to.purpose);
}
