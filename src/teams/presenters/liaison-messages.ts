// Renderers for the liaison messages queued in child documents (see pending-messages.ts).
import type { DutyId } from '../../domain/liaison.js';
import { DUTY_IDS } from '../../domain/liaison.js';
import { cardAttachment, renderCard } from '../cards.js';
import type { LiaisonCardData } from '../cards/liaison.js';
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

function activity(model: LiaisonCardData, summary: string): Activity {
  return { type: 'message', summary, attachments: [cardAttachment(renderCard('liaison', model))] };
}

const present = (ctx: PendingRenderContext) => ({ names: ctx.staffNames, today: ctx.today, tzName: ctx.tzName });

export const LIAISON_RENDERERS: Readonly<Record<string, PendingRenderer>> = {
  'liaison-header': (_data, ctx) =>
    activity(liaisonHeaderCardData(ctx.child, present(ctx)), `Liaison · ${ctx.child.ref}`),
  'liaison-prompt': (data, ctx) => {
    const duty = (DUTY_IDS as readonly string[]).includes(str(data.duty)) ? (data.duty as DutyId) : 'L10';
    const item = { deadline: str(data.deadline) || ctx.today, open: duty !== 'L5' };
    return activity(
      liaisonPromptCardData(ctx.child, duty, str(data.subject), item, present(ctx), data.forLegal === true),
      `${duty} · ${ctx.child.ref}`,
    );
  },
  'liaison-record': (data, ctx) =>
    activity(
      liaisonRecordCardData(ctx.child, str(data.discussionId), present(ctx)),
      `Discussion recorded · ${ctx.child.ref}`,
    ),
  'liaison-closed': (_data, ctx) =>
    activity(liaisonClosedCardData(ctx.child, present(ctx)), `Liaison closed · ${ctx.child.ref}`),
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
