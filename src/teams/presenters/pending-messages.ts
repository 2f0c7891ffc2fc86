// Renders messages queued by state changes (ChildDoc.pending) when they are delivered: the card
// depends on where it goes (names only in personal chats unless configured). One renderer per
// message type; a feature adds its types here.
import type { PendingMessage } from '../../store/documents.js';
import { cardAttachment, renderCard } from '../cards.js';
import { childLabel } from './labels.js';
import { LIAISON_RENDERERS } from './liaison-messages.js';
import { BOOKING_RENDERERS } from './booking-messages.js';
import { RESOLUTION_RENDERERS } from './resolution-pending.js';
import { PARTICIPATION_RENDERERS } from './participation-messages.js';
import { MEETING_RENDERERS } from './meeting-messages.js';
import { PLAN_RENDERERS } from './plan-messages.js';
import { ALLOCATION_RENDERERS } from './allocation-messages.js';
import type { Activity, PendingRenderContext, PendingRenderer } from './pending-renderer.js';
import { noticeCardData } from '../cards/notice.js';

export type { Activity, PendingRenderContext, PendingRenderer };

const str = (v: unknown): string => (typeof v === 'string' ? v : '');

/** A titled notice about a child: `{ title, text }`; the child label is added here. */
const noticeAboutChild: PendingRenderer = (data, ctx) => {
  const tone = data.tone === 'warning' ? 'warning' : data.tone === 'success' ? 'success' : 'info';
  const card = renderCard(
    'notice',
    noticeCardData(tone, `${str(data.title)} · ${childLabel(ctx.child, ctx.showNames)}`, str(data.text)),
  );
  return { type: 'message', summary: `${str(data.title)} · ${ctx.child.ref}`, attachments: [cardAttachment(card)] };
};

export const PENDING_RENDERERS: Readonly<Record<string, PendingRenderer>> = {
  'child-notice': noticeAboutChild,
  /** An event notified from Teams changed the child's next review (app/notify-event.ts). */
  'timescale-changed': noticeAboutChild,
  ...LIAISON_RENDERERS,
  ...BOOKING_RENDERERS,
  ...RESOLUTION_RENDERERS,
  ...PARTICIPATION_RENDERERS,
  ...MEETING_RENDERERS,
  ...PLAN_RENDERERS,
  ...ALLOCATION_RENDERERS,
};

export function renderPending(message: PendingMessage['message'], ctx: PendingRenderContext): Activity {
  const render = PENDING_RENDERERS[message.type];
  if (!render) throw new Error(`no renderer for queued message type ${message.type}`);
  return render(message.data, ctx);
}
