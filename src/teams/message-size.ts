import type { Activity, Middleware, TurnContext } from 'botbuilder';
import type { Logger } from '../logger.js';
import type { ChannelLanguage } from '../store/delivery-documents.js';
import { cardAttachment, renderCard } from './cards.js';
import { translator } from './i18n/translate.js';

// Teams refuses a bot message over 100 KB counted as UTF-16 (HTTP 413) and Microsoft recommends staying
// under 80 KB. Views are built to fit (paged lists, per-IRO summaries; a test renders every template at
// its largest data), and this guard is the last line: whatever would still be too big is replaced by a
// short notice and a log line with ids and the size only, never the content.

/** The most a message the bot sends may weigh, in UTF-16 bytes of the activity JSON. */
export const MESSAGE_LIMIT_BYTES = 80 * 1024;

/** Size as Teams counts it: the JSON text in UTF-16 (two bytes per code unit). */
export function utf16Bytes(value: unknown): number {
  return (JSON.stringify(value) ?? '').length * 2;
}

/** Where a turn keeps the language its reader reads (set once the sender is known: bot.ts, invoke.ts). */
export const READER_LANGUAGE = 'iro.readerLanguage';

/**
 * The short notice in the reader's language; not known (no sender yet, a conversation of unknown
 * language) or "both": Welsh, then English.
 */
export function tooLargeNotice(language: ChannelLanguage | undefined): { title: string; text: string } {
  const languages = language === 'en' || language === 'cy' ? [language] : (['cy', 'en'] as const);
  const ts = languages.map((l) => translator(l));
  return {
    title: ts.map((t) => t('message.too-large.title')).join(' / '),
    text: ts.map((t) => t('message.too-large.text')).join('\n\n'),
  };
}

type Outgoing = Partial<Activity>;

/**
 * The activity as it may be sent: unchanged when it fits, else the same activity with its content
 * replaced by the short notice (a message) or a short text answer (an invoke response with a card).
 */
export function fitMessage(
  activity: Outgoing,
  logger: Pick<Logger, 'warn'>,
  ids: { conversationId?: string; language?: ChannelLanguage } = {},
): Outgoing {
  const bytes = utf16Bytes(activity);
  if (bytes <= MESSAGE_LIMIT_BYTES) return activity;
  logger.warn(
    {
      activityId: activity.id,
      replyToId: activity.replyToId,
      conversationId: ids.conversationId ?? activity.conversation?.id,
      activityType: activity.type,
      bytes,
      limit: MESSAGE_LIMIT_BYTES,
      outcome: 'message-too-large',
    },
    'message too large for Teams: sent a short notice instead',
  );
  const notice = tooLargeNotice(ids.language);
  if (activity.type === 'invokeResponse') {
    const value = activity.value as { status?: number } | undefined;
    return {
      ...activity,
      value: {
        status: value?.status ?? 200,
        body: {
          statusCode: 200,
          type: 'application/vnd.microsoft.activity.message',
          value: `${notice.title}. ${notice.text}`,
        },
      },
    };
  }
  const { attachments: _a, text: _t, speak: _s, suggestedActions: _sa, entities: _e, ...rest } = activity;
  return {
    ...rest,
    attachments: [cardAttachment(renderCard('notice', { ...notice, tone: 'warning' }))],
  };
}

/** Every activity a turn sends or updates (replies, invoke responses, error notices) goes through `fitMessage`. */
export function messageSizeGuard(logger: Pick<Logger, 'warn'>): Middleware {
  return {
    async onTurn(ctx: TurnContext, next: () => Promise<void>): Promise<void> {
      const conversationId = ctx.activity?.conversation?.id;
      const language = () => ctx.turnState.get(READER_LANGUAGE) as ChannelLanguage | undefined;
      ctx.onSendActivities(async (_ctx, activities, nextSend) => {
        for (let i = 0; i < activities.length; i++)
          activities[i] = fitMessage(activities[i]!, logger, { conversationId, language: language() });
        return nextSend();
      });
      ctx.onUpdateActivity(async (_ctx, activity, nextUpdate) => {
        Object.assign(activity, fitMessage(activity, logger, { conversationId, language: language() }));
        return nextUpdate();
      });
      await next();
    },
  };
}
