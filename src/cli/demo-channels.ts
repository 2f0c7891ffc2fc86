import type { ConversationRepository } from '../store/repositories/conversation-repository.js';
import type { ImportStaff } from '../app/import/import-schema.js';
import { demoStaff } from './demo-data.js';
import { DEMO_BOT, DEMO_TENANT, playgroundUser, type DemoPersona } from './demo-personas.js';

// Tells the bot where each demo persona is, through each persona's running Playground: a
// conversationUpdate in their personal chat and in their channel (so the saved conversation
// references carry this start's Playground address), and on first start `@IRO Bot /setup …` from the
// admin in each persona's channel: the very command an administrator types in Teams, so the channel
// purposes go through the bot's own checks (a liaison channel must have that Guardian as its only guest).

/** A persona with the address of their running Playground. */
export interface PersonaSeat {
  persona: DemoPersona;
  url: string;
}

/** Posts an activity into one of the Playground's conversations as if `from` had sent it (its internal API). */
async function sendCustomActivity(url: string, conversationId: string, from: ImportStaff, activity: Record<string, unknown>): Promise<void> {
  const tplRes = await fetch(`${url}/_internal/v1/customActivities/template?conversationId=${encodeURIComponent(conversationId)}`);
  if (!tplRes.ok) throw new Error(`the Playground at ${url} has no conversation ${conversationId} (${tplRes.status})`);
  const template = (await tplRes.json()) as Record<string, unknown>;
  const user = playgroundUser(from);
  const body = { ...template, ...activity, from: { id: user.id, name: user.name, aadObjectId: user.aadObjectId } };
  const res = await fetch(`${url}/_internal/v1/customActivities`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`the Playground at ${url} refused an activity (${res.status})`);
}

function channelData(p: DemoPersona) {
  return { team: { id: p.team.id, name: p.team.name }, channel: { id: p.team.channel.id, name: p.team.channel.name }, tenant: { id: DEMO_TENANT } };
}

export interface ChannelSetupResult {
  /** `/setup` commands sent this start (first start, or a channel that lost its purpose). */
  setUp: string[];
  /** Channels whose purpose is still missing after `/setup` (the bot refused; see its answer in that channel). */
  missing: string[];
}

export async function connectDemoSeats(seats: readonly PersonaSeat[], conversations: ConversationRepository): Promise<ChannelSetupResult> {
  const staff = new Map(demoStaff().map((s) => [s.id, s]));
  const admin = staff.get('admin-1')!;
  const result: ChannelSetupResult = { setUp: [], missing: [] };
  for (const { persona, url } of seats) {
    const me = staff.get(persona.staffId)!;
    const member = playgroundUser(me);
    await sendCustomActivity(url, `personal-chat-${persona.staffId}`, me, {
      type: 'conversationUpdate', membersAdded: [{ id: member.id, name: member.name, aadObjectId: member.aadObjectId }, { id: DEMO_BOT.id }],
    });
    if (!persona.setup) continue;
    const channelId = persona.team.channel.id;
    const purpose = persona.setup.split(' ')[0];
    const has = async () => ((await conversations.get(channelId))?.purposes ?? []).some((x) => x.purpose === purpose);
    if (await has()) {
      await sendCustomActivity(url, channelId, admin, { type: 'conversationUpdate', channelData: channelData(persona) });
      continue;
    }
    const mention = `<at>${DEMO_BOT.name}</at>`;
    await sendCustomActivity(url, channelId, admin, {
      type: 'message', text: `${mention} /setup ${persona.setup}`, channelData: channelData(persona),
      entities: [{ type: 'mention', text: mention, mentioned: DEMO_BOT }],
    });
    result.setUp.push(`${persona.team.name} › ${persona.team.channel.name}: /setup ${persona.setup}`);
    if (!(await waitFor(has))) result.missing.push(`${persona.team.name} › ${persona.team.channel.name}`);
  }
  return result;
}

async function waitFor(check: () => Promise<boolean>, timeoutMs = 5000): Promise<boolean> {
  for (const until = Date.now() + timeoutMs; ;) {
    if (await check()) return true;
    if (Date.now() > until) return false;
    await new Promise((r) => setTimeout(r, 100));
  }
}
