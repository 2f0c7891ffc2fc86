import { TeamsInfo, type TurnContext } from 'botbuilder';
import type { AppDeps } from '../app/deps.js';
import type { StaffDoc } from '../store/documents.js';

// Who is speaking: the sender's AAD object id → staff record. On first contact without a stored id,
// the member's UPN or e-mail (from Teams) finds the record and the id is stored for next time.
// Defence in depth behind the edge schema: only plain, bounded strings ever reach a store filter, so
// an object such as {"$regex": "…"} in an id can never match someone else's record.
export async function identifySender(ctx: TurnContext, staff: AppDeps['staff']): Promise<StaffDoc | null> {
  const from = ctx.activity.from as { id?: unknown; aadObjectId?: unknown } | undefined;
  const oid = idString(from?.aadObjectId, 64);
  const userId = idString(from?.id, 512);
  if (!userId) return null;
  if (oid) {
    const known = await staff.findByAadObjectId(oid);
    if (known) return known;
  }
  const member = await memberOf(ctx, userId);
  const upn = idString(member?.userPrincipalName, 320);
  const email = idString(member?.email, 320);
  const found = (upn && (await staff.findByUpnOrEmail(upn)))
    || (email && (await staff.findByUpnOrEmail(email)))
    || null;
  if (!found) return null;
  // Never re-point a record that is already linked to another account.
  if (found.aadObjectId && oid && found.aadObjectId !== oid) return null;
  const memberOid = idString(member?.aadObjectId, 64) ?? oid;
  return memberOid && !found.aadObjectId ? staff.linkAadObjectId(found._id, memberOid) : found;
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
export async function resolvePersonArg(ctx: TurnContext, staff: AppDeps['staff'], text: string): Promise<StaffDoc | null> {
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
