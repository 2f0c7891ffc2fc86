// Where liaison messages go: the child's thread in its Guardian's liaison channel (started by a header
// card, then replies into it), and the legal contact's 1:1 chat.
import { liaisonKeys, type LiaisonChild } from '../domain/liaison.js';
import type { ChildDoc, MessageAddress, PendingMessage, StaffDoc } from '../store/documents.js';
import type { OutboxRepository } from '../store/repositories/outbox-repository.js';

/** The legal contact for a child: the one recorded in its liaison, else the first `legal` staff member. */
export function legalContactId(child: LiaisonChild, legal: readonly StaffDoc[]): string | null {
  return child.liaison?.legalContactId ?? legal[0]?._id ?? null;
}

export function liaisonChannel(guardianId: string): MessageAddress {
  return { kind: 'channel', purpose: 'liaison-channel', guardianId };
}

/** The header card that starts a child's liaison thread (queued when the thread is first needed). */
export function threadHeader(ref: string, guardianId: string): PendingMessage {
  return {
    key: liaisonKeys.thread(ref, guardianId),
    to: liaisonChannel(guardianId),
    newThread: true,
    message: { type: 'liaison-header', data: { guardianId } },
  };
}

/**
 * Messages a liaison change needs in the thread: the header first when the thread has not been
 * started (not in the outbox, not already queued), then `messages` as replies into it.
 */
export async function intoThread(
  outbox: Pick<OutboxRepository, 'get'>,
  child: ChildDoc,
  guardianId: string,
  messages: Omit<PendingMessage, 'to' | 'threadOf'>[],
): Promise<PendingMessage[]> {
  const header = threadHeader(child.ref, guardianId);
  const started = (child.pending ?? []).some((p) => p.key === header.key) || !!(await outbox.get(header.key));
  return [
    ...(started ? [] : [header]),
    ...messages.map((m) => ({ ...m, to: liaisonChannel(guardianId), threadOf: header.key })),
  ];
}
