// Renderers for the liaison messages queued in child documents (see pending-messages.ts).
import type { DutyId } from '../../domain/liaison.js';
import { DUTY_IDS } from '../../domain/liaison.js';
import { cardAttachment, renderCard } from '../cards.js';
import type { LiaisonCardData, LiaisonPresentCtx } from '../cards/liaison.js';
import type { Translate } from '../i18n/translate.js';
import { childLabel } from './labels.js';
import { cardIn, summaryIn } from './reader-language.js';
import {
  liaisonClosedCardData,
  liaisonHeaderCardData,
  liaisonPromptCardData,
  liaisonRecordCardData,
} from '../cards/liaison.js';
import type { Activity, PendingRenderContext, PendingRenderer } from './pending-renderer.js';
import { noticeCardData } from '../cards/notice.js';

const str = (v: unknown): string => (typeof v === 'string' ? v : '');

/** The liaison card in the conversation's language ("both": Welsh, then English); the summary likewise. */
function activity(
  ctx: PendingRenderContext,
  model: (present: LiaisonPresentCtx) => LiaisonCardData,
  summary: (t: Translate) => string,
): Activity {
  const card = cardIn(ctx.language, (t) =>
    renderCard('liaison', model({ names: ctx.staffNames, today: ctx.today, tzName: ctx.tzName, t })),
  );
  return { type: 'message', summary: summaryIn(ctx.language, summary), attachments: [cardAttachment(card)] };
}

export const LIAISON_RENDERERS: Readonly<Record<string, PendingRenderer>> = {
  'liaison-header': (_data, ctx) =>
    activity(
      ctx,
      (present) => liaisonHeaderCardData(ctx.child, present),
      (t) => t('liaison.header.title', { child: ctx.child.ref }),
    ),
  'liaison-prompt': (data, ctx) => {
    const duty = (DUTY_IDS as readonly string[]).includes(str(data.duty)) ? (data.duty as DutyId) : 'L10';
    const item = { deadline: str(data.deadline) || ctx.today, open: duty !== 'L5' };
    return activity(
      ctx,
      (present) => liaisonPromptCardData(ctx.child, duty, str(data.subject), item, present, data.forLegal === true),
      () => `${duty} · ${ctx.child.ref}`,
    );
  },
  'liaison-record': (data, ctx) =>
    activity(
      ctx,
      (present) => liaisonRecordCardData(ctx.child, str(data.discussionId), present),
      (t) => t('liaison.record.title', { final: 'no', child: ctx.child.ref }),
    ),
  'liaison-closed': (_data, ctx) =>
    activity(
      ctx,
      (present) => liaisonClosedCardData(ctx.child, present),
      (t) => t('liaison.closed.title', { child: ctx.child.ref }),
    ),
  /** To the IRO, 1:1: why a message about their child was not posted (the guest rule). */
  'delivery-withheld': (data, ctx) => {
    // ICU select keys take no hyphen: 'iro-channel' is selected as 'iro_channel'.
    const where = (str(data.purpose) || 'channel').replace(/-/g, '_');
    const card = cardIn(ctx.language, (t) =>
      renderCard(
        'notice',
        noticeCardData(
          'warning',
          t('notice.withheld.title', { child: childLabel(ctx.child, ctx.showNames) }),
          t('notice.withheld.text', { where }),
        ),
      ),
    );
    const summary = summaryIn(ctx.language, (t) => t('notice.withheld.summary', { ref: ctx.child.ref }));
    return { type: 'message', summary, attachments: [cardAttachment(card)] };
  },
};
