import { readFile } from 'node:fs/promises';
import type { ConversationRepository } from '../store/repositories/conversation-repository.js';
import type { ImportStaff } from '../app/import/import-schema.js';
import { demoStaff } from './demo-data.js';
import { DEMO_BOT, DEMO_TENANT, playgroundUser, type DemoPersona } from './demo-personas.js';

// Tells the bot where each demo persona's channel is, through that persona's running Playground, when
// its page is first opened: on first start `@IRO Bot /setup …` from the admin in the channel (the
// very command an administrator types in Teams, so the purpose goes through the bot's own checks: a
// liaison channel must have that Guardian as its only guest), on later starts a conversationUpdate so
// the saved address carries this start's Playground port; the same for the persona's personal chat.

/** A persona with the address of their running Playground. */
export interface PersonaSeat {
  persona: DemoPersona;
  url: string;
}

/** Posts an activity into one of the Playground's conversations as if `from` had sent it (its internal API). */
async function sendCustomActivity(
  url: string,
  conversationId: string,
  from: ImportStaff,
  activity: Record<string, unknown>,
): Promise<void> {
  const tplRes = await fetch(
    `${url}/_internal/v1/customActivities/template?conversationId=${encodeURIComponent(conversationId)}`,
  );
  if (!tplRes.ok) throw new Error(`the Playground at ${url} has no conversation ${conversationId} (${tplRes.status})`);
  const template = (await tplRes.json()) as Record<string, unknown>;
  const user = playgroundUser(from);
  const body = { ...template, ...activity, from: { id: user.id, name: user.name, aadObjectId: user.aadObjectId } };
  const res = await fetch(`${url}/_internal/v1/customActivities`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`the Playground at ${url} refused an activity (${res.status})`);
}

function channelData(p: DemoPersona) {
  return {
    team: { id: p.team.id, name: p.team.name },
    channel: { id: p.team.channel.id, name: p.team.channel.name },
    tenant: { id: DEMO_TENANT },
  };
}

export interface SeatConnection {
  /** The `/setup` command sent (first time this channel is seen), if any. */
  setUp?: string;
  /** Set when the bot refused the `/setup` (its answer is in that channel). */
  missing?: string;
}

/**
 * Connects a persona's channel to the bot: on first start `@IRO Bot /setup …` from the admin, later a
 * conversationUpdate that refreshes the saved address (this start's Playground port).
 */
export async function connectSeat(
  { persona, url }: PersonaSeat,
  conversations: ConversationRepository,
): Promise<SeatConnection> {
  const staff = new Map(demoStaff().map((s) => [s.id, s]));
  const admin = staff.get('admin-1')!;
  // Whether the bot's saved address of a conversation is this start's Playground. A Playground that
  // has only just connected may drop an activity, so each step is checked and, if lost, sent again.
  const landed = async (id: string) => (await conversations.get(id))?.address.serviceUrl === `${url}/_connector`;
  const untilLanded = async (id: string, send: () => Promise<void>) => {
    for (let i = 0; i < 5; i++) {
      await send();
      if (await waitFor(() => landed(id), 2000)) return true;
    }
    return false;
  };
  const me = staff.get(persona.staffId)!;
  const member = playgroundUser(me);
  const personalChat = `personal-chat-${persona.staffId}`;
  await untilLanded(personalChat, () =>
    sendCustomActivity(url, personalChat, me, {
      type: 'conversationUpdate',
      membersAdded: [{ id: member.id, name: member.name, aadObjectId: member.aadObjectId }],
    }),
  );
  if (!persona.setup) return {};

  const channelId = persona.team.channel.id;
  const purpose = persona.setup.split(' ')[0];
  const has = async () => ((await conversations.get(channelId))?.purposes ?? []).some((x) => x.purpose === purpose);
  if (await has()) {
    await untilLanded(channelId, () =>
      sendCustomActivity(url, channelId, admin, { type: 'conversationUpdate', channelData: channelData(persona) }),
    );
    return {};
  }
  const mention = `<at>${DEMO_BOT.name}</at>`;
  await untilLanded(channelId, () =>
    sendCustomActivity(url, channelId, admin, {
      type: 'message',
      text: `${mention} /setup ${persona.setup}`,
      channelData: channelData(persona),
      entities: [{ type: 'mention', text: mention, mentioned: DEMO_BOT }],
    }),
  );
  const where = `${persona.team.name} › ${persona.team.channel.name}`;
  return (await waitFor(has)) ? { setUp: `${where}: /setup ${persona.setup}` } : { missing: where };
}

/**
 * Resolves once a browser has opened this Playground: the Playground logs "started web socket client"
 * when its page connects, and the page is ready (it has said hello to the bot) a moment later. A
 * Playground page shows only what arrives while it is open, so a seat's channel is connected then,
 * and cards waiting for it are delivered live. The log file must be new for this start.
 */
export async function whenPageOpened(
  logPath: string,
  stopped: () => boolean,
  opts: { pollMs?: number; settleMs?: number } = {},
): Promise<boolean> {
  for (;;) {
    if (stopped()) return false;
    const text = await readFile(logPath, 'utf8').catch(() => '');
    if (text.includes('started web socket client')) break;
    await new Promise((r) => setTimeout(r, opts.pollMs ?? 300));
  }
  await new Promise((r) => setTimeout(r, opts.settleMs ?? 2500));
  return !stopped();
}

async function waitFor(check: () => Promise<boolean>, timeoutMs = 5000): Promise<boolean> {
  for (const until = Date.now() + timeoutMs; ;) {
    if (await check()) return true;
    if (Date.now() > until) return false;
    await new Promise((r) => setTimeout(r, 100));
  }
}
