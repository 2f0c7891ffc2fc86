import { TeamsInfo, type TurnContext } from 'botbuilder';
import type { StaffRepository } from '../store/repositories/staff-repository.js';
import type { StaffDoc } from '../store/documents.js';

// Who is speaking: the sender's AAD object id → staff record. On first contact without a stored id,
// the member's UPN or e-mail (from Teams) finds the record and the id is stored for next time.
export async function identifySender(ctx: TurnContext, staff: StaffRepository): Promise<StaffDoc | null> {
  const oid = ctx.activity.from.aadObjectId;
  if (oid) {
    const known = await staff.findByAadObjectId(oid);
    if (known) return known;
  }
  const member = await memberOf(ctx, ctx.activity.from.id);
  const found = (member?.userPrincipalName && (await staff.findByUpnOrEmail(member.userPrincipalName)))
    || (member?.email && (await staff.findByUpnOrEmail(member.email)))
    || null;
  if (!found) return null;
  // Never re-point a record that is already linked to another account.
  if (found.aadObjectId && oid && found.aadObjectId !== oid) return null;
  const memberOid = member?.aadObjectId ?? oid;
  return memberOid && !found.aadObjectId ? staff.linkAadObjectId(found._id, memberOid) : found;
}

async function memberOf(ctx: TurnContext, userId: string) {
  try {
    return await TeamsInfo.getMember(ctx, userId);
  } catch {
    return null; // not in Teams (or the connector is unreachable): treat as unknown
  }
}

/** Finds a person named in command arguments: an @mention, an e-mail address or a staff id. */
export async function resolvePersonArg(ctx: TurnContext, staff: StaffRepository, text: string): Promise<StaffDoc | null> {
  const t = text.trim();
  const mention = /^<at>([^<]*)<\/at>$/i.exec(t);
  if (mention) {
    const entity = (ctx.activity.entities ?? []).find(
      (e) => e.type === 'mention' && e.text === t && e.mentioned?.id !== ctx.activity.recipient.id,
    );
    const mentionedId: string | undefined = entity?.mentioned?.id;
    if (mentionedId) {
      const member = await memberOf(ctx, mentionedId);
      const byOid = member?.aadObjectId ? await staff.findByAadObjectId(member.aadObjectId) : null;
      if (byOid) return byOid;
      const byUpn = member?.userPrincipalName ? await staff.findByUpnOrEmail(member.userPrincipalName) : null;
      if (byUpn) return byUpn;
    }
    return uniqueByName(staff, mention[1]);
  }
  if (t.includes('@')) return staff.findByUpnOrEmail(t);
  return (await staff.get(t)) ?? uniqueByName(staff, t);
}

async function uniqueByName(staff: StaffRepository, name: string): Promise<StaffDoc | null> {
  const n = name.trim().toLowerCase();
  const matches = (await staff.list()).filter((s) => s.name.toLowerCase() === n);
  return matches.length === 1 ? matches[0] : null;
}
