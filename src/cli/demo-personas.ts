import type { ImportStaff } from '../app/import/import-schema.js';
import { demoStaff } from './demo-data.js';
import type { PlaygroundConfig, PlaygroundUser } from './playground.js';

// The demo's seats: one Agents Playground per person, each signed in as that person. The Playground
// simulates one team with General + one channel and exactly five other users, and every instance has
// its own mock connector, so each purposed channel lives in exactly one persona's Playground (a card
// posted there is seen there). On first start the admin runs `/setup …` in each of those channels
// (src/cli/demo-channels.ts), the same command a council's administrator runs in Teams.

export type PersonaKey = 'iro' | 'iro-2' | 'manager' | 'social-worker' | 'business-support' | 'admin' | 'guardian';

export interface DemoPersona {
  key: PersonaKey;
  staffId: string;
  /** The seat, as printed by `npm start`. */
  seat: string;
  /** What to type first. */
  tryFirst: string;
  team: { id: string; name: string; aadGroupId: string; channel: { id: string; name: string } };
  /** `/setup` arguments the admin runs in `team.channel` on first start; none: a channel with no purpose. */
  setup?: string;
  /** The five other people in this persona's team and group chat (the Playground requires five). */
  others: [string, string, string, string, string];
}

export const DEMO_TENANT = '00000000-0000-0000-0000-0000000000f0';
export const DEMO_BOT = { id: '00000000-0000-0000-0000-0000000000b0', name: 'IRO Bot' };
// g-1 (a guest) has no aadObjectId in the demo data: the bot links this one on first contact by UPN/email.
const DEMO_GUEST_AAD = '00000000-0000-0000-0000-0000000000f9';

const team = (slug: string, name: string, group: string, channel: string): DemoPersona['team'] => ({
  id: `team-${slug}`,
  name,
  aadGroupId: `00000000-0000-0000-0000-0000000001${group}`,
  channel: { id: `channel-${slug}`, name: channel },
});

/** In the order `npm start` prints them; the first is the one the README's first command uses. */
export const DEMO_PERSONAS: readonly DemoPersona[] = [
  {
    key: 'iro',
    staffId: 'iro-1',
    seat: 'IRO',
    tryFirst: '/due this week',
    team: team('iro-service', 'IRO Service', 'e0', 'IRO reviews'),
    setup: 'iro-channel',
    others: ['iro-2', 'iro-3', 'bs-1', 'tm-1', 'admin-1'],
  },
  {
    key: 'iro-2',
    staffId: 'iro-2',
    seat: 'second IRO',
    tryFirst: '/caseload',
    team: team('iro-2-desk', "Rhian's desk (no channel set up)", 'e1', 'Notes'),
    others: ['iro-1', 'iro-3', 'bs-1', 'tm-1', 'admin-1'],
  },
  {
    key: 'manager',
    staffId: 'tm-1',
    seat: 'reviewing team manager',
    tryFirst: '/report',
    team: team('managers', 'Reviewing managers', 'e2', 'Approvals'),
    setup: 'managers-channel',
    others: ['tm-north', 'tm-south', 'hos-1', 'iro-1', 'admin-1'],
  },
  {
    key: 'social-worker',
    staffId: 'sw-1',
    seat: 'social worker',
    tryFirst: '/actions',
    team: team('north-social-work', 'North social work team', 'e3', 'IRO updates'),
    setup: 'social-work-channel north',
    others: ['sw-2', 'sw-5', 'tm-north', 'iro-1', 'admin-1'],
  },
  {
    key: 'business-support',
    staffId: 'bs-1',
    seat: 'business support',
    tryFirst: '/due next week team',
    team: team('bs-desk', "Sian's desk (no channel set up)", 'e4', 'Notes'),
    others: ['iro-1', 'iro-2', 'iro-3', 'tm-1', 'admin-1'],
  },
  {
    key: 'admin',
    staffId: 'admin-1',
    seat: 'admin',
    tryFirst: '/setup status',
    team: team('admin-desk', "Tomos's desk (no channel set up)", 'e5', 'Notes'),
    others: ['iro-1', 'iro-2', 'bs-1', 'tm-1', 'hos-1'],
  },
  {
    // The only guest in this team is the Guardian herself, so the liaison channel may show her cases.
    key: 'guardian',
    staffId: 'g-1',
    seat: "Children's Guardian (a guest)",
    tryFirst: '/actions',
    team: team('liaison-g-1', 'Guardian liaison – Ffion Powell', 'e6', 'Liaison'),
    setup: 'liaison-channel',
    others: ['iro-1', 'iro-2', 'bs-1', 'legal-1', 'admin-1'],
  },
];

export function personaByKey(key: PersonaKey): DemoPersona {
  const p = DEMO_PERSONAS.find((x) => x.key === key);
  if (!p) throw new Error(`no demo persona ${key}`);
  return p;
}

/** The Playground's description of a demo person; guests get an `#EXT#` UPN, as Teams gives them. */
export function playgroundUser(s: ImportStaff): PlaygroundUser {
  const guest = s.roles.includes('guardian');
  const mail = s.email ?? `${s.id}@council.example`;
  const upn = guest ? `${mail.replace('@', '_')}#EXT#@council.example` : (s.upn ?? mail);
  const aadObjectId = guest ? DEMO_GUEST_AAD : s.aadObjectId;
  if (!aadObjectId) throw new Error(`demo staff ${s.id} has no aadObjectId`);
  const [givenName = s.name, ...rest] = s.name.split(' ');
  return {
    id: `29:demo-${s.id}`,
    name: s.name,
    userPrincipleName: upn,
    aadObjectId,
    givenName,
    surname: rest.join(' '),
    email: mail,
  };
}

/** The Playground config that signs in as `persona`, with their team, channel and five colleagues. */
export function personaPlaygroundConfig(persona: DemoPersona): PlaygroundConfig {
  const staff = new Map(demoStaff().map((s) => [s.id, s]));
  const user = (id: string): PlaygroundUser => {
    const s = staff.get(id);
    if (!s) throw new Error(`demo staff ${id} is missing`);
    return playgroundUser(s);
  };
  return {
    version: '0.1.1',
    tenantId: DEMO_TENANT,
    bot: DEMO_BOT,
    currentUser: user(persona.staffId),
    users: persona.others.map(user),
    personalChat: { id: `personal-chat-${persona.staffId}` },
    groupChat: { id: `group-chat-${persona.staffId}`, name: `${persona.team.name} chat` },
    team: {
      id: persona.team.id,
      name: persona.team.name,
      aadGroupId: persona.team.aadGroupId,
      channels: [persona.team.channel],
    },
  };
}
