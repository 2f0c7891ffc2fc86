// Renderers for messages the resolution process queues (ChildDoc.pending → outbox). The card is
// rendered from the child document as it is at delivery, so a card delivered late shows the current state.
import type { Mention } from '../../app/resolutions.js';
import { audiencePermissions, RESOLUTION_STAGES } from '../../domain/resolutions/index.js';
import { cardAttachment, renderCard } from '../cards.js';
import type { PendingRenderer } from './pending-renderer.js';
import { resolutionCardData } from '../cards/resolution.js';
import { noticeCardData } from '../cards/notice.js';
import { cardIn, summaryIn } from './reader-language.js';
import type { Translate } from '../i18n/translate.js';
import { stageLabel } from './labels.js';

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
  const said = headlineOf(data.said);
  // Written in the conversation's language at delivery; a message queued before issue 13 keeps its English banner.
  const headline = (t: Translate) => (said ? said(t) : str(data.headline));
  const card = cardIn(ctx.language, (t, language) =>
    renderCard(
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
        headline: headline(t),
        headlineAttention: data.headlineAttention === true,
        reader: { t, language },
      }),
    ),
  );
  // The card's msteams.entities carry the mentions (Teams notifies the people named there).
  const summary = summaryIn(ctx.language, (t) => `${headline(t) || t('resolution.summary')} · ${r.id}`);
  return { type: 'message', summary, attachments: [cardAttachment(card)] };
};

/** The queued banner (app/resolutions.ts ResolutionHeadline) as a function of the reader's catalogue. */
function headlineOf(v: unknown): ((t: Translate) => string) | null {
  if (!v || typeof v !== 'object') return null;
  const h = v as Partial<Record<'kind' | 'name' | 'stage', unknown>>;
  const name = str(h.name);
  if (h.kind === 'responded') return (t) => t('resolution.headline.responded', { name });
  const stage = h.stage as Partial<Record<'id' | 'label', unknown>> | null | undefined;
  if (h.kind === 'escalated' && stage && typeof stage === 'object') {
    const def = { id: str(stage.id), label: str(stage.label) };
    return (t) => t('resolution.headline.escalated-by', { name, stage: stageLabel(def, t) });
  }
  return null;
}

export const RESOLUTION_RENDERERS: Readonly<Record<string, PendingRenderer>> = {
  'resolution-card': resolutionCardMessage,
};
