import type { AudienceMember } from '../domain/guests.js';

// Who is in a conversation, for the guest rule (docs/DOMAIN.md "Children's Guardian liaison"). Read with the
// paged members API of the conversation itself — for a channel, the channel's own conversation id,
// so a private channel gives its own roster (its team may hold other guests) — in a turn and outside
// one (the pending drainer), and cached briefly: Teams allows few member reads per second.

/** The connector client surface used here (botbuilder's ConnectorClient satisfies it). */
export interface MembersApi {
  conversations: {
    getConversationPagedMembers(
      conversationId: string,
      options?: { pageSize?: number; continuationToken?: string },
    ): Promise<{ members?: Record<string, unknown>[]; continuationToken?: string }>;
  };
}

const PAGE_SIZE = 500;
/** A safety stop: a roster this long is not a liaison channel anyway. */
const MAX_PAGES = 50;

export async function pagedMembers(client: MembersApi, conversationId: string): Promise<AudienceMember[]> {
  const out: AudienceMember[] = [];
  let token: string | undefined;
  let pages = 0;
  do {
    const page = await client.conversations.getConversationPagedMembers(conversationId, {
      pageSize: PAGE_SIZE,
      continuationToken: token,
    });
    for (const m of page.members ?? []) {
      const s = (k: string) => (typeof m[k] === 'string' ? (m[k] as string) : null);
      out.push({
        aadObjectId: s('aadObjectId') ?? s('objectId'),
        userPrincipalName: s('userPrincipalName'),
        email: s('email'),
        tenantId: s('tenantId'),
        userRole: s('userRole'),
      });
    }
    token = page.continuationToken || undefined;
    if (++pages >= MAX_PAGES && token) throw new Error('conversation roster too long to check');
  } while (token);
  return out;
}

// The cache is neutral (the jobs use it too): app/member-cache.ts.
export { createMemberCache, MEMBER_CACHE_TTL_MS, type MemberCache } from '../app/member-cache.js';
