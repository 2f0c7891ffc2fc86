// The participation checklist reminder (PC3, jobs/participation-reminders.ts), rendered when delivered: in
// the IRO's language as it was when queued, the child named as the conversation allows.
import { isIsoDate } from '../../domain/calendar.js';
import { formatDate } from '../../domain/dates-format.js';
import { cardAttachment, renderCard } from '../cards.js';
import { noticeCardData } from '../cards/notice.js';
import { dateLocale, isLanguage, translator } from '../i18n/translate.js';
import { childLabel } from './labels.js';
import type { PendingRenderer } from './pending-renderer.js';

const participationReminder: PendingRenderer = (data, ctx) => {
  const language = isLanguage(data.lang) ? data.lang : 'en';
  const t = translator(language);
  const date = isIsoDate(data.date) ? formatDate(data.date, dateLocale(language)) : '';
  const count = typeof data.open === 'number' ? data.open : 0;
  const title = t('participation.reminder.title', { child: childLabel(ctx.child, ctx.showNames) });
  const text = t('participation.reminder.text', { date, count, ref: ctx.child.ref });
  const card = renderCard('notice', noticeCardData('warning', title, text));
  return { type: 'message', summary: `${title}`, attachments: [cardAttachment(card)] };
};

export const PARTICIPATION_RENDERERS: Readonly<Record<string, PendingRenderer>> = {
  'participation-reminder': participationReminder,
};
