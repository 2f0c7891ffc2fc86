// Renders messages queued by state changes (ChildDoc.pending) when they are delivered: the card
// depends on where it goes (names only in personal chats unless configured). One renderer per
// message type; a feature adds its types here.
import type { PendingMessage } from '../../store/documents.js';
import { cardAttachment, renderCard } from '../cards.js';
import { isMessageKey, type MessageKey, type Translate } from '../i18n/translate.js';
import { childLabel, formatBookingStart } from './labels.js';
import { cardIn, summaryIn } from './reader-language.js';
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

/** A catalogue message a use case queued: `{ key, params }` (src/app writes keys as plain strings). */
interface Said {
  key: string;
  params?: Record<string, unknown>;
}

function said(v: unknown): Said | null {
  if (!v || typeof v !== 'object') return null;
  const s = v as Partial<Said>;
  return typeof s.key === 'string' && isMessageKey(s.key) ? (s as Said) : null;
}

/**
 * One queued text in the reader's words: the `say` key when the catalogue has it, else the English the use
 * case also wrote (queued before keys existed, or a key since removed). A value named "…Instant" is an ISO
 * instant, written here as date and time in the council's zone and the reader's language.
 */
function sayText(v: unknown, english: string, t: Translate, tzName: string): string {
  const s = said(v);
  if (!s) return english;
  const params = Object.fromEntries(
    Object.entries(s.params ?? {}).map(([name, value]) => [
      name,
      name.endsWith('Instant') && typeof value === 'string'
        ? formatBookingStart(value, tzName, t)
        : typeof value === 'number'
          ? value
          : String(value),
    ]),
  );
  return t(s.key as MessageKey, params);
}

/** A titled notice about a child: `{ title, text, tone, say? }`; the child label is added here. */
const noticeAboutChild: PendingRenderer = (data, ctx) => {
  const tone = data.tone === 'warning' ? 'warning' : data.tone === 'success' ? 'success' : 'info';
  const say = (data.say ?? {}) as { title?: unknown; text?: unknown };
  const words = (t: Translate) => ({
    title: sayText(say.title, str(data.title), t, ctx.tzName),
    text: sayText(say.text, str(data.text), t, ctx.tzName),
  });
  const card = cardIn(ctx.language, (t) => {
    const w = words(t);
    return renderCard('notice', noticeCardData(tone, `${w.title} · ${childLabel(ctx.child, ctx.showNames)}`, w.text));
  });
  const summary = summaryIn(ctx.language, (t) => `${words(t).title} · ${ctx.child.ref}`);
  return { type: 'message', summary, attachments: [cardAttachment(card)] };
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
