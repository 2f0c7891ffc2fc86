import { TeamsInfo, type TurnContext } from 'botbuilder';
import type { AppDeps } from '../app/deps.js';
import type { MemberCache } from '../app/member-cache.js';
import { isGuest, type AudienceMember } from '../domain/guests.js';
import type { Logger } from '../logger.js';
import type { StaffDoc } from '../store/documents.js';

/** The sender as this turn sees them: their staff record, marked when Teams says they are a guest. */
export type Sender = StaffDoc & { teamsGuest?: true };

/** What identifySender needs to ask Teams who the sender is. */
export interface SenderLookup {
  /** The council's tenant (config.ts `councilTenantId`; null: not checked). */
  councilTenantId: string | null;
  /** Teams member records by sender id, read at most once a minute per sender (one shared instance). */
  members: MemberCache;
  log: Pick<Logger, 'warn'>;
}

// Who is speaking: the sender's AAD object id → staff record. On first contact without a stored id,
// the member's UPN or e-mail (from Teams) finds the record and the id is stored for next time.
// Defence in depth behind the edge schema: only plain, bounded strings ever reach a store filter, so
// an object such as {"$regex": "…"} in an id can never match someone else's record.
// Then what Teams says about the sender counts too (docs/DESIGN.md "Known facts"): a Teams guest role,
// an #EXT# UPN or another tenant marks the record as a guest for this turn only (`teamsGuest`, never
// stored), so every guest gate (isGuestStaff) applies to a staff member signed in as a guest.
export async function identifySender(
  ctx: TurnContext,
  staff: AppDeps['staff'],
  lookup: SenderLookup,
): Promise<Sender | null> {
  const from = ctx.activity.from as { id?: unknown; aadObjectId?: unknown } | undefined;
  const oid = idString(from?.aadObjectId, 64);
  const userId = idString(from?.id, 512);
  if (!userId) return null;
  // One read per turn at most (a failed read is not cached by the member cache).
  let read: Promise<AudienceMember | null> | undefined;
  const member = () => (read ??= senderMember(ctx, lookup, userId));
  const found = await directoryMatch(staff, member, oid);
  if (!found) return null;
  const teams = await member();
  return teams && isGuest(teams, lookup.councilTenantId) ? { ...found, teamsGuest: true } : found;
}

async function directoryMatch(
  staff: AppDeps['staff'],
  teamsMember: () => Promise<AudienceMember | null>,
  oid: string | undefined,
): Promise<StaffDoc | null> {
  if (oid) {
    const known = await staff.findByAadObjectId(oid);
    if (known) return known;
  }
  const member = await teamsMember();
  const upn = idString(member?.userPrincipalName, 320);
  const email = idString(member?.email, 320);
  const found =
    (upn && (await staff.findByUpnOrEmail(upn))) || (email && (await staff.findByUpnOrEmail(email))) || null;
  if (!found) return null;
  // Never re-point a record that is already linked to another account.
  if (found.aadObjectId && oid && found.aadObjectId !== oid) return null;
  const memberOid = idString(member?.aadObjectId, 64) ?? oid;
  return memberOid && !found.aadObjectId ? staff.linkAadObjectId(found._id, memberOid) : found;
}

/**
 * The sender's Teams member record, cached per sender for a minute; null when Teams cannot say.
 * A failed read (connector unreachable, 404 for someone Teams does not list here) keeps the directory's
 * word (a Guardian or an #EXT# directory UPN is still a guest): refusing every staff member whenever the
 * member API hiccups would stop the service, and the reply itself goes through that same connector.
 * Failures are not cached, so the next message asks again.
 */
async function senderMember(ctx: TurnContext, lookup: SenderLookup, userId: string): Promise<AudienceMember | null> {
  try {
    const [member] = await lookup.members.get(userId, async () => [
      memberFacts((await TeamsInfo.getMember(ctx, userId)) as unknown as Record<string, unknown>),
    ]);
    return member ?? null;
  } catch (err) {
    const status = (err as { statusCode?: unknown })?.statusCode;
    lookup.log.warn(
      {
        userId,
        conversationId: ctx.activity.conversation?.id,
        status: typeof status === 'number' ? status : undefined,
      },
      'sender member lookup failed; guest status from the directory only',
    );
    return null;
  }
}

function memberFacts(m: Record<string, unknown>): AudienceMember {
  const s = (k: string) => (typeof m[k] === 'string' ? (m[k] as string) : null);
  return {
    aadObjectId: s('aadObjectId') ?? s('objectId'),
    userPrincipalName: s('userPrincipalName'),
    email: s('email'),
    tenantId: s('tenantId'),
    userRole: s('userRole'),
  };
}

async function memberOf(ctx: TurnContext, userId: string) {
  try {
    return await TeamsInfo.getMember(ctx, userId);
  } catch {
    return null; // not in Teams (or the connector is unreachable): treat as unknown
  }
}

/** The value if it is a non-empty string of at most `max` characters, else undefined. */
export function idString(value: unknown, max: number): string | undefined {
  return typeof value === 'string' && value.length > 0 && value.length <= max ? value : undefined;
}

/** Finds a person named in command arguments: an @mention, an e-mail address or a staff id. */
export async function resolvePersonArg(
  ctx: TurnContext,
  staff: AppDeps['staff'],
  text: string,
): Promise<StaffDoc | null> {
  const t = text.trim();
  const mention = /^<at>([^<]*)<\/at>$/i.exec(t);
  if (mention) {
    const entities: unknown[] = Array.isArray(ctx.activity.entities) ? ctx.activity.entities : [];
    const entity = entities.find((e): e is { mentioned?: { id?: unknown } } => {
      const m = e as { type?: unknown; text?: unknown; mentioned?: { id?: unknown } } | null;
      return !!m && m.type === 'mention' && m.text === t && m.mentioned?.id !== ctx.activity.recipient.id;
    });
    const mentionedId = idString(entity?.mentioned?.id, 512);
    if (mentionedId) {
      const member = await memberOf(ctx, mentionedId);
      const memberOid = idString(member?.aadObjectId, 64);
      const byOid = memberOid ? await staff.findByAadObjectId(memberOid) : null;
      if (byOid) return byOid;
      const memberUpn = idString(member?.userPrincipalName, 320);
      const byUpn = memberUpn ? await staff.findByUpnOrEmail(memberUpn) : null;
      if (byUpn) return byUpn;
    }
    return uniqueByName(staff, mention[1]);
  }
  if (t.includes('@')) return staff.findByUpnOrEmail(t);
  return (await staff.get(t)) ?? uniqueByName(staff, t);
}

async function uniqueByName(staff: AppDeps['staff'], name: string): Promise<StaffDoc | null> {
  const n = name.trim().toLowerCase();
  const matches = (await staff.list()).filter((s) => s.name.toLowerCase() === n);
  return matches.length === 1 ? matches[0] : null;
}
