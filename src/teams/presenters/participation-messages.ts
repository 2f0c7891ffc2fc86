// The participation checklist reminder (PC3, jobs/participation-reminders.ts), rendered when delivered in
// the conversation's language (reader-language.ts), the child named as the conversation allows.
import { isIsoDate } from '../../domain/calendar.js';
import { formatDate } from '../../domain/dates-format.js';
import { cardAttachment, renderCard } from '../cards.js';
import { noticeCardData } from '../cards/notice.js';
import { dateLocale } from '../i18n/translate.js';
import { childLabel } from './labels.js';
import type { PendingRenderer } from './pending-renderer.js';
import { cardIn, summaryIn } from './reader-language.js';

const participationReminder: PendingRenderer = (data, ctx) => {
  const count = typeof data.open === 'number' ? data.open : 0;
  const child = childLabel(ctx.child, ctx.showNames);
  const card = cardIn(ctx.language, (t, language) => {
    const date = isIsoDate(data.date) ? formatDate(data.date, dateLocale(language)) : '';
    const title = t('participation.reminder.title', { child });
    const text = t('participation.reminder.text', { date, count, ref: ctx.child.ref });
    return renderCard('notice', noticeCardData('warning', title, text));
  });
  const summary = summaryIn(ctx.language, (t) => t('participation.reminder.title', { child }));
  return { type: 'message', summary, attachments: [cardAttachment(card)] };
};

export const PARTICIPATION_RENDERERS: Readonly<Record<string, PendingRenderer>> = {
  'participation-reminder': participationReminder,
};
