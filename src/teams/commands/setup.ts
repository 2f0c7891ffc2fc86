import type { Translate } from '../i18n/translate.js';
import { setChannelLanguage, setChannelPurpose, setupOverview } from '../../app/setup-channel.js';
import { AppError } from '../../domain/errors.js';
import {
  NAMES_REASON,
  WITHHELD_REASON,
  type ChannelLanguage,
  type ChannelPurpose,
  type OutboxDoc,
} from '../../store/delivery-documents.js';
import { describeStoreHealth } from '../presenters/store-health.js';
import { renderCard } from '../cards.js';
import { label } from '../presenters/labels.js';
import type { CommandContext, CommandSpec } from './command-context.js';

const PURPOSES: readonly ChannelPurpose[] = [
  'iro-channel',
  'social-work-channel',
  'managers-channel',
  'liaison-channel',
];
const LANGUAGES: readonly ChannelLanguage[] = ['cy', 'en', 'both'];
const EXAMPLE = '/setup social-work-channel north';

export const setupCommand: CommandSpec = {
  name: 'setup',
  usage:
    '/setup [iro-channel | social-work-channel TEAM | managers-channel | liaison-channel [PERSON] | language cy|en|both | status]',
  description:
    'Give this channel a purpose or a language, or show what is configured and what could not be delivered (admin)',
  example: EXAMPLE,
  roles: ['admin'],
  inCommandList: true,
  // Run in a liaison channel, where the Guardian is a guest; its answers name no child (see status).
  guestSafe: true,
  scopes: ['personal', 'team'],
  async run(ctx) {
    const [word = '', ...rest] = ctx.args.split(/\s+/).filter(Boolean);
    const sub = word.toLowerCase();
    if (sub === '' || sub === 'status') return status(ctx);
    if (sub === 'language' || sub === 'iaith') return language(ctx, rest);
    const purpose = PURPOSES.find((p) => p === sub);
    if (!purpose) {
      throw new AppError(
        'invalid-input',
        `"${word}" is not something I can set up; choose one of ${PURPOSES.join(', ')}, language or status`,
        { example: EXAMPLE },
        { key: 'errors.setup.unknown-purpose', params: { word: word.slice(0, 60) } },
      );
    }
    const team = purpose === 'social-work-channel' ? rest.join(' ').toLowerCase() || undefined : undefined;
    if (purpose !== 'social-work-channel' && purpose !== 'liaison-channel' && rest.length) {
      throw new AppError(
        'invalid-input',
        `/setup ${purpose} takes nothing after it`,
        { example: `/setup ${purpose}` },
        { key: 'errors.setup.nothing-after', params: { purpose } },
      );
    }
    // `/setup liaison-channel PERSON`: the Guardian the admin means; it must be the channel's only guest.
    const named = purpose === 'liaison-channel' && rest.length ? rest.join(' ') : null;
    const expectedGuardian = named ? await ctx.resolvePerson(named) : undefined;
    if (named && !expectedGuardian) {
      throw new AppError(
        'invalid-input',
        `I can't find "${named}" in the staff directory`,
        { example: '/setup liaison-channel ffion.powell@cafcass.example' },
        { key: 'errors.person.unknown', params: { who: named.replace(/<\/?at>/gi, '').slice(0, 60) } },
      );
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
      title: ctx.t('replies.setup.done.title'),
      text: ctx.t('replies.setup.done.text', {
        purpose: ctx.t('replies.setup.purpose', { purpose: selector(purpose) }),
        team: team ? label(team, '—', ctx.t) : 'none',
        guardian: guardian ? guardian.name : 'none',
      }),
      tone: 'success',
      example: '',
    });
  },
};

/**
 * Why a message was not delivered, in the reader's words: the gate's reasons are known; anything else is the
 * Teams service's own diagnostic (an HTTP status and its text), quoted as it came.
 */
function failureWords(f: Pick<OutboxDoc, 'lastError'>, t: Translate): string {
  if (f.lastError === WITHHELD_REASON) return t('replies.setup.withheld-guest');
  if (f.lastError === NAMES_REASON) return t('replies.setup.withheld-names');
  return f.lastError ? t('replies.setup.delivery-error', { detail: f.lastError }) : t('replies.setup.failed');
}

/** ICU select keys take no hyphen: 'iro-channel' is selected as 'iro_channel'. */
const selector = (word: string): string => word.replace(/-/g, '_');

async function status(ctx: CommandContext) {
  const { t } = ctx;
  const o = await setupOverview(ctx.deps, ctx.actor);
  const channels = o.channels.flatMap((c) =>
    c.purposes.map((p) =>
      t('replies.setup.channel-line', {
        purpose: t('replies.setup.purpose', { purpose: selector(p.purpose) }),
        team: p.team ? label(p.team, '—', t) : 'none',
        guardian: p.guardianId ?? 'none',
        id: c._id,
      }),
    ),
  );
  // Outbox keys name children: listed only in a personal chat.
  const failed =
    ctx.conversationType === 'personal'
      ? o.failed.map((f) => `${f._id} → ${f.target.conversationId}: ${failureWords(f, t)}`)
      : [];
  return renderCard('notice', {
    title: t('replies.setup.title'),
    text: [
      channels.length ? `${t('replies.setup.channels')}\n- ${channels.join('\n- ')}` : t('replies.setup.no-channels'),
      t('replies.setup.outbox', { ...o.outbox }),
      o.store ? describeStoreHealth(o.store, t) : '',
      failed.length ? `${t('replies.setup.not-delivered')}\n- ${failed.join('\n- ')}` : '',
    ]
      .filter(Boolean)
      .join('\n\n'),
    tone: o.outbox.failed || o.outbox.withheld ? 'warning' : 'info',
    example: t('error.try', { example: EXAMPLE }),
  });
}

/** `/setup language cy|en|both` (issue 13): the language of what the bot posts in this channel. */
async function language(ctx: CommandContext, rest: string[]) {
  const chosen = LANGUAGES.find((l) => rest.length === 1 && l === rest[0].toLowerCase());
  if (!chosen) {
    throw new AppError(
      'invalid-input',
      'say which language this channel is written in: cy, en or both',
      { example: '/setup language both' },
      { key: 'errors.setup.language-usage' },
    );
  }
  await setChannelLanguage(ctx.deps, ctx.actor, {
    conversationId: ctx.conversationId,
    conversationKind: ctx.conversationType,
    language: chosen,
  });
  return renderCard('notice', {
    title: ctx.t('replies.setup.language.title'),
    text: ctx.t('replies.setup.language.text', { language: chosen }),
    tone: 'success',
    example: '',
  });
}
