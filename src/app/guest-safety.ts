import {
  isGuest,
  isGuestStaff,
  isPerson,
  unexpectedGuests,
  type AudienceMember,
  type KnownGuest,
} from '../domain/guests.js';
import { hasRole } from '../domain/access.js';
import { currentGuardianId, guardianChildren, type LiaisonChild } from '../domain/liaison.js';
import type { ConversationDoc } from '../store/delivery-documents.js';
import type { StaffDoc } from '../store/documents.js';
import type { AppDeps } from './deps.js';

// The guest rule, in one place (docs/DOMAIN.md "Children's Guardian liaison"): before anything about a
// child is posted into a conversation, everyone there is checked; a guest who is not the Guardian of
// every child the message is about (with open liaison access) stops it. A guest is a member Teams
// calls a guest, with a #EXT# UPN, from another tenant, or who is a guest in the staff directory
// (a Guardian). Used by the audience gate (jobs/audience-gate.ts: everything the bot posts on its own,
// just before delivery) and by commands answered in shared conversations.

export type AudienceVerdict =
  | { ok: true }
  /** `unexpected`: how many guests are not allowed; null when the roster could not be read (fail closed). */
  | { ok: false; unexpected: number | null };

export interface AudienceRequest {
  conversation: Pick<ConversationDoc, 'kind' | 'staffId' | 'aadObjectId'> & { tenantId?: string | null };
  /** The children the message is about; every guest must be the Guardian of all of them. */
  children: readonly LiaisonChild[];
  /** Reads the conversation's members (channels and group chats only). */
  members: () => Promise<AudienceMember[]>;
  councilTenantId: string | null;
  /** The closing card still goes to the Guardian whose access just ended. */
  allowFormerGuardian?: boolean;
  /**
   * A 1:1 chat whose person is not in the staff directory (or is in another tenant) counts as a guest.
   * The audience gate sets it: a proactive message goes only to a person we know. An answer to a
   * command comes after the bot identified the asker, so it leaves it unset.
   */
  requireKnownPerson?: boolean;
}

/** Guardians allowed to see every one of `children` (none when they differ, or when there are no children). */
async function allowedGuardians(
  deps: Pick<AppDeps, 'staff'>,
  children: readonly LiaisonChild[],
  former: boolean,
): Promise<StaffDoc[]> {
  const ids = new Set(children.map((c) => (former ? (c.proceedings?.guardianId ?? null) : currentGuardianId(c))));
  if (ids.size !== 1) return [];
  const [id] = [...ids];
  const g = id ? await deps.staff.get(id) : null;
  return g ? [g] : [];
}

export async function checkAudience(deps: Pick<AppDeps, 'staff'>, req: AudienceRequest): Promise<AudienceVerdict> {
  const allowed: KnownGuest[] = await allowedGuardians(deps, req.children, !!req.allowFormerGuardian);
  if (req.conversation.kind === 'personal') {
    // A 1:1 chat holds one person: the directory says whether they are a guest.
    const person =
      (req.conversation.staffId && (await deps.staff.get(req.conversation.staffId))) ||
      (req.conversation.aadObjectId && (await deps.staff.findByAadObjectId(req.conversation.aadObjectId))) ||
      null;
    if (req.requireKnownPerson) {
      const otherTenant =
        !!req.councilTenantId && !!req.conversation.tenantId && req.conversation.tenantId !== req.councilTenantId;
      if (!person || otherTenant) return { ok: false, unexpected: 1 };
    }
    if (!person || !isGuestStaff(person)) return { ok: true };
    return allowed.some((a) => (a as StaffDoc)._id === person._id) ? { ok: true } : { ok: false, unexpected: 1 };
  }
  let members: AudienceMember[];
  try {
    members = await req.members();
  } catch {
    return { ok: false, unexpected: null };
  }
  // Teams may call a directory guest (a Guardian) a plain user of the council's tenant.
  const directoryGuests = (await deps.staff.list()).filter(isGuestStaff);
  const flagged = unexpectedGuests(members, req.councilTenantId, allowed);
  const unflagged = members.filter(
    (m) =>
      !isGuest(m, req.councilTenantId) &&
      directoryGuests.some((g) => isPerson(m, g)) &&
      !allowed.some((a) => isPerson(m, a)),
  ).length;
  const n = flagged + unflagged;
  return n === 0 ? { ok: true } : { ok: false, unexpected: n };
}

/**
 * The guest rule for an answer to a command in a channel or group chat: child details only where no guest
 * is present, except a Guardian asking about their own children (open liaison access) where they are the
 * only guest.
 */
export async function checkAnswerAudience(
  deps: Pick<AppDeps, 'staff' | 'children'>,
  asker: StaffDoc,
  req: Omit<AudienceRequest, 'children'>,
): Promise<AudienceVerdict> {
  const own = hasRole(asker, 'guardian') ? guardianChildren(asker, await deps.children.listByGuardian(asker._id)) : [];
  return checkAudience(deps, { ...req, children: own });
}
