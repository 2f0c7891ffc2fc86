import type { AudienceMember } from '../domain/guests.js';

// Who is in a conversation, read at most once a minute per conversation: used by the turn's guest
// checks and by the audience gate before each proactive send.

export interface MemberCache {
  /** Members of `conversationId`, from the cache when read within the last ttl. */
  get(conversationId: string, fetch: () => Promise<AudienceMember[]>): Promise<AudienceMember[]>;
}

export const MEMBER_CACHE_TTL_MS = 60_000;

export function createMemberCache(ttlMs = MEMBER_CACHE_TTL_MS, now: () => number = Date.now): MemberCache {
  const entries = new Map<string, { at: number; members: Promise<AudienceMember[]> }>();
  return {
    get(conversationId, fetch) {
      const t = now();
      for (const [k, e] of entries) if (t - e.at >= ttlMs) entries.delete(k);
      const hit = entries.get(conversationId);
      if (hit) return hit.members;
      const members = fetch();
      entries.set(conversationId, { at: t, members });
      // A failed read is not cached: the next caller asks Teams again.
      members.catch(() => entries.delete(conversationId));
      return members;
    },
  };
}
