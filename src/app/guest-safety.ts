import { isGuestStaff, unexpectedGuests, type AudienceMember, type KnownGuest } from '../domain/guests.js';
import { currentGuardianId, type LiaisonChild } from '../domain/liaison.js';
import type { ConversationDoc } from '../store/delivery-documents.js';
import type { StaffDoc } from '../store/documents.js';
import type { AppDeps } from './deps.js';

// The guest rule, in one place (docs/DOMAIN.md "Children's Guardian liaison"): before anything about a
// child is posted into a conversation, everyone there is checked; a guest who is not that child's
// Guardian (with open liaison access) stops it. Used by the pending drainer (everything the bot posts
// on its own about a child) and by commands answered in shared conversations.

export type AudienceVerdict =
  | { ok: true }
  /** `unexpected`: how many guests are not allowed; null when the roster could not be read (fail closed). */
  | { ok: false; unexpected: number | null };

export interface AudienceRequest {
  conversation: Pick<ConversationDoc, 'kind' | 'staffId' | 'aadObjectId'>;
  /** The children the message is about; every guest must be the Guardian of all of them. */
  children: readonly LiaisonChild[];
  /** Reads the conversation's members (channels and group chats only). */
  members: () => Promise<AudienceMember[]>;
  councilTenantId: string | null;
  /** The closing card still goes to the Guardian whose access just ended. */
  allowFormerGuardian?: boolean;
}

/** Guardians allowed to see every one of `children` (none when they differ). */
async function allowedGuardians(deps: Pick<AppDeps, 'staff'>, children: readonly LiaisonChild[], former: boolean): Promise<StaffDoc[]> {
  const ids = new Set(children.map((c) => (former ? c.proceedings?.guardianId ?? null : currentGuardianId(c))));
  if (ids.size !== 1) return [];
  const [id] = [...ids];
  const g = id ? await deps.staff.get(id) : null;
  return g ? [g] : [];
}

export async function checkAudience(deps: Pick<AppDeps, 'staff'>, req: AudienceRequest): Promise<AudienceVerdict> {
  const allowed: KnownGuest[] = await allowedGuardians(deps, req.children, !!req.allowFormerGuardian);
  if (req.conversation.kind === 'personal') {
    // A 1:1 chat holds one person: the directory says whether they are a guest.
    const person = (req.conversation.staffId && (await deps.staff.get(req.conversation.staffId)))
      || (req.conversation.aadObjectId && (await deps.staff.findByAadObjectId(req.conversation.aadObjectId)))
      || null;
    if (!person || !isGuestStaff(person)) return { ok: true };
    return allowed.some((a) => (a as StaffDoc)._id === person._id) ? { ok: true } : { ok: false, unexpected: 1 };
  }
  let members: AudienceMember[];
  try {
    members = await req.members();
  } catch {
    return { ok: false, unexpected: null };
  }
  const n = unexpectedGuests(members, req.councilTenantId, allowed);
  return n === 0 ? { ok: true } : { ok: false, unexpected: n };
}
