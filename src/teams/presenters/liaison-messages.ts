// Renderers for the liaison messages queued in child documents (see pending-messages.ts).
import type { DutyId } from '../../domain/liaison.js';
import { DUTY_IDS } from '../../domain/liaison.js';
import { cardAttachment, renderCard } from '../cards.js';
import type { LiaisonCardData } from '../cards/liaison.js';
import { childLabel, label } from './labels.js';
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
    const where = data.purpose === 'personal' ? 'a personal chat' : `the ${label(str(data.purpose) || 'channel')}`;
    const card = renderCard(
      'notice',
      noticeCardData(
        'warning',
        `Not posted · ${childLabel(ctx.child, ctx.showNames)}`,
        `I did not post a message about this child in ${where}: someone there is a guest who is not this child's Guardian. ` +
          'Check who is in that conversation (a liaison channel must have its own Guardian as its only guest); an administrator can see it in /setup status.',
      ),
    );
    return { type: 'message', summary: `Not posted · ${ctx.child.ref}`, attachments: [cardAttachment(card)] };
  },
};
