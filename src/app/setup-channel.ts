import { hasRole } from '../domain/access.js';
import { AppError } from '../domain/errors.js';
import { isGuest, type MemberFacts } from '../domain/guests.js';
import type { ChannelLanguage, ChannelPurpose, ConversationDoc, OutboxDoc } from '../store/delivery-documents.js';
import type { StoreHealth } from '../store/doc-collection.js';

export type { StoreHealth };
import type { StaffDoc } from '../store/documents.js';
import type { StatusCounts } from '../store/repositories/outbox-repository.js';
import type { AppDeps } from './deps.js';

export interface ChannelMember extends MemberFacts {
  aadObjectId?: string | null;
  email?: string | null;
}

export interface SetupRequest {
  purpose: ChannelPurpose;
  /** social-work-channel: which social work team. */
  team?: string;
  conversationId: string;
  conversationKind: 'personal' | 'channel' | 'groupChat';
  /** Everyone in the channel's team (liaison channels must hold one guest: that Guardian). */
  members: () => Promise<ChannelMember[]>;
  councilTenantId: string | null;
  /** liaison-channel: the Guardian named in `/setup liaison-channel PERSON`; must be the channel's guest. */
  expectedGuardian?: StaffDoc;
}

function requireAdmin(actor: StaffDoc): void {
  if (!hasRole(actor, 'admin')) {
    throw new AppError(
      'forbidden',
      "only the service's Teams administrator can run /setup",
      { example: '/help' },
      { key: 'errors.setup.not-admin' },
    );
  }
}

/**
 * `/setup <purpose>` run in a channel gives it that purpose (admin only). A liaison channel is one
 * whose only guest is a Guardian in the staff directory (docs/DOMAIN.md "Children's Guardian liaison"):
 * a channel several Guardians can read is never one.
 */
export async function setChannelPurpose(
  deps: AppDeps,
  actor: StaffDoc,
  req: SetupRequest,
): Promise<{ conversation: ConversationDoc; guardian?: StaffDoc }> {
  requireAdmin(actor);
  if (req.conversationKind !== 'channel') {
    throw new AppError(
      'invalid-input',
      `run /setup ${req.purpose} in the channel you want to use`,
      { example: `@IRO Bot /setup ${req.purpose}` },
      { key: 'errors.setup.in-channel', params: { purpose: req.purpose } },
    );
  }
  if (req.purpose === 'social-work-channel' && !req.team) {
    throw new AppError(
      'invalid-input',
      'say which social work team this channel is for',
      { example: '/setup social-work-channel north' },
      { key: 'errors.setup.which-team' },
    );
  }
  let guardian: StaffDoc | undefined;
  if (req.purpose === 'liaison-channel') {
    guardian = await soleGuardian(deps, await req.members(), req.councilTenantId);
    if (req.expectedGuardian && req.expectedGuardian._id !== guardian._id) {
      throw new AppError(
        'invalid-input',
        `the guest in this channel is ${guardian.name}, not ${req.expectedGuardian.name}`,
        { example: `/setup liaison-channel ${guardian.email ?? guardian._id}` },
        { key: 'errors.setup.wrong-guardian', params: { guest: guardian.name, named: req.expectedGuardian.name } },
      );
    }
  } else if (req.expectedGuardian) {
    throw new AppError(
      'invalid-input',
      `/setup ${req.purpose} takes no person`,
      { example: `/setup ${req.purpose}` },
      { key: 'errors.setup.no-person', params: { purpose: req.purpose } },
    );
  }
  const now = deps.clock();
  const conversation = await deps.conversations.setPurpose(req.conversationId, {
    purpose: req.purpose,
    team: req.team ?? null,
    guardianId: guardian?._id ?? null,
    setBy: actor._id,
    setAt: now,
  });
  if (!conversation) throw channelUnknown();
  await deps.audit.record({
    at: now,
    actor: { id: actor._id, name: actor.name, kind: 'staff' },
    action: 'setup.channel',
    subject: req.conversationId,
    details: { purpose: req.purpose, team: req.team ?? null, guardianId: guardian?._id ?? null },
  });
  return { conversation, guardian };
}

function channelUnknown(): AppError {
  return new AppError(
    'not-found',
    'I have no record of this channel yet; mention me here once and try again',
    {},
    { key: 'errors.setup.channel-unknown' },
  );
}

/**
 * `/setup language cy|en|both` (issue 13): what the bot writes in this channel or group chat from now on;
 * "both" puts Welsh first, then English, in the same card. Admin only; audited.
 */
export async function setChannelLanguage(
  deps: AppDeps,
  actor: StaffDoc,
  req: { conversationId: string; conversationKind: 'personal' | 'channel' | 'groupChat'; language: ChannelLanguage },
): Promise<ConversationDoc> {
  requireAdmin(actor);
  if (req.conversationKind === 'personal') {
    // A person's own chat follows their choice (/language), not a channel setting.
    throw new AppError(
      'invalid-input',
      'run /setup language in the channel you want to set; in this chat, /language chooses yours',
      { example: '/language welsh' },
      { key: 'errors.setup.language-personal' },
    );
  }
  const now = deps.clock();
  const conversation = await deps.conversations.setLanguage(req.conversationId, req.language, now);
  if (!conversation) throw channelUnknown();
  await deps.audit.record({
    at: now,
    actor: { id: actor._id, name: actor.name, kind: 'staff' },
    action: 'setup.language',
    subject: req.conversationId,
    details: { language: req.language },
  });
  return conversation;
}

async function soleGuardian(
  deps: AppDeps,
  members: ChannelMember[],
  councilTenantId: string | null,
): Promise<StaffDoc> {
  const guests = members.filter((m) => isGuest(m, councilTenantId));
  if (guests.length !== 1) {
    throw new AppError(
      'invalid-input',
      guests.length === 0
        ? 'a liaison channel needs its Guardian as a guest member, and I see no guest here'
        : `a liaison channel must have exactly one guest (its Guardian); I see ${guests.length}`,
      { example: '/setup liaison-channel' },
      { key: 'errors.setup.guests', params: { count: guests.length } },
    );
  }
  const g = guests[0];
  const staff =
    (g.aadObjectId && (await deps.staff.findByAadObjectId(g.aadObjectId))) ||
    (g.userPrincipalName && (await deps.staff.findByUpnOrEmail(g.userPrincipalName))) ||
    (g.email && (await deps.staff.findByUpnOrEmail(g.email))) ||
    null;
  if (!staff || !hasRole(staff, 'guardian')) {
    throw new AppError(
      'invalid-input',
      'the guest in this channel is not a Guardian in the staff directory',
      { example: '/setup liaison-channel' },
      { key: 'errors.setup.not-guardian' },
    );
  }
  return staff;
}

export interface SetupOverview {
  channels: ConversationDoc[];
  outbox: StatusCounts;
  failed: OutboxDoc[];
  store?: StoreHealth;
}

/** `/setup` and `/setup status`: what is configured, and what could not be delivered (admin only). */
export async function setupOverview(deps: AppDeps, actor: StaffDoc): Promise<SetupOverview> {
  requireAdmin(actor);
  const purposes: ChannelPurpose[] = ['iro-channel', 'social-work-channel', 'managers-channel', 'liaison-channel'];
  const found = new Map<string, ConversationDoc>();
  for (const p of purposes) for (const c of await deps.conversations.findByPurpose(p)) found.set(c._id, c);
  return {
    channels: [...found.values()],
    outbox: await deps.outbox.countByStatus(),
    failed: await deps.outbox.listFailed(20),
    store: await deps.storeHealth?.(),
  };
}
