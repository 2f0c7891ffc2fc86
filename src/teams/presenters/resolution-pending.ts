// Renderers for messages the resolution process queues (ChildDoc.pending → outbox). The card is
// rendered from the child document as it is at delivery, so a card delivered late shows the current state.
import type { Mention } from '../../app/resolutions.js';
import { audiencePermissions, RESOLUTION_STAGES } from '../../domain/resolutions/index.js';
import { cardAttachment, renderCard } from '../cards.js';
import type { PendingRenderer } from './pending-renderer.js';
import { resolutionCardData } from '../cards/resolution.js';
import { noticeCardData } from '../cards/notice.js';
import { cardIn, summaryIn } from './reader-language.js';

const str = (v: unknown): string => (typeof v === 'string' ? v : '');

function mentionsOf(v: unknown): Mention[] {
  return Array.isArray(v)
    ? (v as (Partial<Record<keyof Mention, unknown>> | null)[]).filter(
        (m): m is Mention => !!m && typeof m.id === 'string' && typeof m.name === 'string',
      )
    : [];
}

/** `{ resolutionId, audience: 'addressee' | 'iro', headline, mentions }` → the resolution card. */
const resolutionCardMessage: PendingRenderer = (data, ctx) => {
  const r = (ctx.child.resolutions ?? []).find((x) => x.id === data.resolutionId);
  if (!r) {
    const id = str(data.resolutionId);
    const card = cardIn(ctx.language, (t) =>
      renderCard(
        'notice',
        noticeCardData('warning', t('notice.resolution-gone.title', { id }), t('notice.resolution-gone.text')),
      ),
    );
    const summary = summaryIn(ctx.language, (t) => t('notice.resolution-gone.title', { id }));
    return { type: 'message', summary, attachments: [cardAttachment(card)] };
  }
  const audience = data.audience === 'iro' ? 'iro' : 'addressee';
  const mentions = mentionsOf(data.mentions);
  const headline = str(data.headline);
  const card = renderCard(
    'resolution',
    resolutionCardData({
      child: ctx.child,
      resolution: r,
      permissions: audiencePermissions(audience, r),
      staffNames: ctx.staffNames,
      mentions,
      showNames: ctx.showNames,
      today: ctx.today,
      tzName: ctx.tzName,
      table: RESOLUTION_STAGES,
      headline,
      headlineAttention: data.headlineAttention === true,
    }),
  );
  // The card's msteams.entities carry the mentions (Teams notifies the people named there).
  return {
    type: 'message',
    summary: `${headline || 'Resolution'} · ${r.id}`,
    attachments: [cardAttachment(card)],
  };
};

export const RESOLUTION_RENDERERS: Readonly<Record<string, PendingRenderer>> = {
  'resolution-card': resolutionCardMessage,
};
