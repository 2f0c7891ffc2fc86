// Queued messages of issue 14's allocation (app/allocation.ts, app/new-entry.ts): the card asking each
// reviewing team manager to allocate an IRO to a child new to care (the choices as they were when the
// entry was notified; the allocation checks again), and the new IRO's 1:1 notice.
import type { AllocationChoiceData } from '../../app/allocation.js';
import { ALLOCATION_NEEDED_KIND, IRO_ALLOCATED_KIND } from '../../app/allocation.js';
import { COVER_SET_KIND } from '../../app/cover.js';
import { formatDate } from '../../domain/dates-format.js';
import { cardAttachment, renderCard } from '../cards.js';
import { allocateCardData } from '../cards/allocate.js';
import { noticeCardData } from '../cards/notice.js';
import { dateLocale } from '../i18n/translate.js';
import { childLabel } from './labels.js';
import type { PendingRenderer } from './pending-renderer.js';
import { deliveryReader } from './reader-language.js';

const str = (v: unknown): string => (typeof v === 'string' ? v : '');

function choicesOf(v: unknown): AllocationChoiceData[] {
  if (!Array.isArray(v)) return [];
  return v.filter(
    (c): c is AllocationChoiceData =>
      typeof c === 'object' && c !== null && typeof (c as AllocationChoiceData).id === 'string',
  );
}

const allocationNeeded: PendingRenderer = (data, ctx) => {
  const { t, language } = deliveryReader(data, ctx.language);
  const next = ctx.child.nextReview;
  const card = renderCard(
    'allocate',
    allocateCardData({
      t,
      language,
      child: ctx.child,
      choices: choicesOf(data.choices),
      iroName: null,
      notifiedBy: str(data.notifiedBy) || null,
      next: next?.dueBy && next.rule ? { dueBy: next.dueBy, rule: next.rule } : null,
      showNames: ctx.showNames,
    }),
  );
  return {
    type: 'message',
    summary: t('events.allocate.title.first', { child: ctx.child.ref }),
    attachments: [cardAttachment(card)],
  };
};

const iroAllocated: PendingRenderer = (data, ctx) => {
  const { t, language } = deliveryReader(data, ctx.language);
  const due = ctx.child.nextReview?.dueBy;
  const text = due
    ? t('events.allocated.text', { by: str(data.by), date: formatDate(due, dateLocale(language)) })
    : t('events.allocated.text-no-due', { by: str(data.by) });
  const title = `${t('events.allocated.title')} · ${childLabel(ctx.child, ctx.showNames)}`;
  const card = renderCard('notice', noticeCardData('info', title, text));
  return { type: 'message', summary: title, attachments: [cardAttachment(card)] };
};

const coverSet: PendingRenderer = (data, ctx) => {
  const { t, language } = deliveryReader(data, ctx.language);
  const date = (d: unknown) => (typeof d === 'string' && d ? formatDate(d, dateLocale(language)) : '—');
  const absent = ctx.staffNames.get(str(data.forIroId)) ?? str(data.forIroId);
  const title = `${t('events.cover.notice.title')} · ${childLabel(ctx.child, ctx.showNames)}`;
  const text = t('events.cover.notice.text', { by: str(data.by), absent, from: date(data.from), to: date(data.to) });
  const card = renderCard('notice', noticeCardData('info', title, text));
  return { type: 'message', summary: title, attachments: [cardAttachment(card)] };
};

export const ALLOCATION_RENDERERS: Readonly<Record<string, PendingRenderer>> = {
  [ALLOCATION_NEEDED_KIND]: allocationNeeded,
  [IRO_ALLOCATED_KIND]: iroAllocated,
  [COVER_SET_KIND]: coverSet,
};
