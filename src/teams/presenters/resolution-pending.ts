// Renderers for messages the resolution process queues (ChildDoc.pending → outbox). The card is
// rendered from the child document as it is at delivery, so a card delivered late shows the current state.
import type { Mention, ResolutionHeadline } from '../../app/resolutions.js';
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
  // Written in the conversation's language at delivery; a banner queued in English before issue 13 is read back
  // into data when it is one the bot wrote, else sent as it was queued.
  const said = headlineOf(data.said ?? saidOfEnglish(str(data.headline)));
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
  const stage = h.stage as Partial<Record<'id' | 'label' | 'labelCy', unknown>> | null | undefined;
  if (h.kind === 'escalated' && stage && typeof stage === 'object') {
    const def = {
      id: str(stage.id),
      label: str(stage.label),
      ...(stage.labelCy ? { labelCy: str(stage.labelCy) } : {}),
    };
    return (t) => t('resolution.headline.escalated-by', { name, stage: stageLabel(def, t) });
  }
  return null;
}

/**
 * The two banners the bot queued in English before they were data (app/resolutions.ts before issue 13):
 * "NAME responded" and "Escalated by NAME (IRO) to STAGE LABEL", the label being one of the stage table's.
 */
export function saidOfEnglish(headline: string): ResolutionHeadline | null {
  const escalated = /^Escalated by (.+) \(IRO\) to (.+)$/.exec(headline);
  if (escalated) {
    const stage = RESOLUTION_STAGES.find((d) => d.label === escalated[2]);
    return stage ? { kind: 'escalated', name: escalated[1]!, stage: { id: stage.id, label: stage.label } } : null;
  }
  const responded = /^(.+) responded$/.exec(headline);
  return responded ? { kind: 'responded', name: responded[1]! } : null;
}

export const RESOLUTION_RENDERERS: Readonly<Record<string, PendingRenderer>> = {
  'resolution-card': resolutionCardMessage,
};
