import { setChannelPurpose, setupOverview } from '../../app/setup-channel.js';
import { AppError } from '../../domain/errors.js';
import type { ChannelPurpose } from '../../store/delivery-documents.js';
import { describeStoreHealth } from '../presenters/store-health.js';
import { renderCard } from '../cards.js';
import { label } from '../presenters/labels.js';
import type { CommandSpec } from './command-context.js';

const PURPOSES: readonly ChannelPurpose[] = [
  'iro-channel',
  'social-work-channel',
  'managers-channel',
  'liaison-channel',
];
const EXAMPLE = '/setup social-work-channel north';

export const setupCommand: CommandSpec = {
  name: 'setup',
  usage: '/setup [iro-channel | social-work-channel TEAM | managers-channel | liaison-channel [PERSON] | status]',
  description: 'Give this channel a purpose, or show what is configured and what could not be delivered (admin)',
  example: EXAMPLE,
  roles: ['admin'],
  inCommandList: true,
  // Run in a liaison channel, where the Guardian is a guest; its answers name no child (see status).
  guestSafe: true,
  scopes: ['personal', 'team'],
  async run(ctx) {
    const [word = '', ...rest] = ctx.args.split(/\s+/).filter(Boolean);
    const sub = word.toLowerCase();
    if (sub === '' || sub === 'status') {
      const o = await setupOverview(ctx.deps, ctx.actor);
      const channels = o.channels.flatMap((c) =>
        c.purposes.map(
          (p) =>
            `${label(p.purpose)}${p.team ? ` (${label(p.team)})` : ''}${p.guardianId ? ` (Guardian ${p.guardianId})` : ''}: ${c._id}`,
        ),
      );
      // Outbox keys name children: listed only in a personal chat.
      const failed =
        ctx.conversationType === 'personal'
          ? o.failed.map((f) => `${f._id} → ${f.target.conversationId}: ${f.lastError ?? 'failed'}`)
          : [];
      return renderCard('notice', {
        title: 'IRO Bot setup',
        text: [
          channels.length ? `Channels:\n- ${channels.join('\n- ')}` : 'No channels are set up yet.',
          `Outbox: ${o.outbox.pending} pending, ${o.outbox.sent} sent, ${o.outbox.failed} failed, ${o.outbox.withheld} withheld.`,
          o.store ? describeStoreHealth(o.store) : '',
          failed.length ? `Not delivered:\n- ${failed.join('\n- ')}` : '',
        ]
          .filter(Boolean)
          .join('\n\n'),
        tone: o.outbox.failed || o.outbox.withheld ? 'warning' : 'info',
        example: `Try: ${EXAMPLE}`,
      });
    }
    const purpose = PURPOSES.find((p) => p === sub);
    if (!purpose) {
      throw new AppError(
        'invalid-input',
        `"${word}" is not something I can set up; choose one of ${PURPOSES.join(', ')} or status`,
        { example: EXAMPLE },
      );
    }
    const team = purpose === 'social-work-channel' ? rest.join(' ').toLowerCase() || undefined : undefined;
    if (purpose !== 'social-work-channel' && purpose !== 'liaison-channel' && rest.length) {
      throw new AppError('invalid-input', `/setup ${purpose} takes nothing after it`, { example: `/setup ${purpose}` });
    }
    // `/setup liaison-channel PERSON`: the Guardian the admin means; it must be the channel's only guest.
    const named = purpose === 'liaison-channel' && rest.length ? rest.join(' ') : null;
    const expectedGuardian = named ? await ctx.resolvePerson(named) : undefined;
    if (named && !expectedGuardian) {
      throw new AppError('invalid-input', `I can't find "${named}" in the staff directory`, {
        example: '/setup liaison-channel ffion.powell@cafcass.example',
      });
    }
    const { guardian } = await setChannelPurpose(ctx.deps, ctx.actor, {
      purpose,
      team,
      conversationId: ctx.conversationId,
      conversationKind: ctx.conversationType,
      members: () => ctx.listMembers(),
      councilTenantId: ctx.councilTenantId,
      expectedGuardian: expectedGuardian ?? undefined,
    });
    return renderCard('notice', {
      title: 'Channel set up',
      text: `This channel is now the ${label(purpose)}${team ? ` for team ${label(team)}` : ''}${guardian ? ` for Guardian ${guardian.name}` : ''}.`,
      tone: 'success',
      example: '',
    });
  },
};
