// The data of cards/case-timeline.json (issue 14): a child's whole timeline — events with who and when,
// corrections with the old date and the reason, allocations, reviews held — newest first, a page at a time
// ("Show the whole timeline" on /case). Display-ready values (cards.ts says what every card's data must be).
import type { TimelineView } from '../../app/case-timeline.js';
import type { ChildDoc } from '../../store/documents.js';
import { renderCard, type AdaptiveCardJson } from '../cards.js';
import type { Language, Translate } from '../i18n/translate.js';
import { childLabel } from '../presenters/labels.js';
import { PAGE_SIZE } from '../presenters/paging.js';
import { timelineLines, type TimelineLine } from '../presenters/timeline.js';

export interface CaseTimelineCardData {
  title: string;
  subtitle: string;
  empty: string;
  lines: TimelineLine[];
  ref: string;
  /** Previous / Next: the page each opens ('0'-based, as the verb reads it). */
  pager: { title: string; ref: string; page: string }[];
}

export function caseTimelineCardData(o: {
  child: ChildDoc;
  view: TimelineView;
  page: number;
  words: { t: Translate; language: Language };
  tzName: string;
  showNames: boolean;
}): CaseTimelineCardData {
  const { t } = o.words;
  const total = o.view.entries.length;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const page = Math.min(Math.max(0, o.page), pages - 1);
  const shown = o.view.entries.slice(page * PAGE_SIZE, (page + 1) * PAGE_SIZE);
  const ref = o.child.ref;
  return {
    title: t('events.timeline.title', { child: childLabel(o.child, o.showNames) }),
    subtitle: t('events.timeline.page', { page: page + 1, pages, count: total }),
    empty: t('events.timeline.none'),
    lines: timelineLines(o.view, shown, o.words, o.tzName),
    ref,
    pager: [
      ...(page > 0 ? [{ title: t('events.timeline.previous'), ref, page: String(page - 1) }] : []),
      ...(page + 1 < pages ? [{ title: t('events.timeline.next'), ref, page: String(page + 1) }] : []),
    ],
  };
}

export const caseTimelineCard = (...args: Parameters<typeof caseTimelineCardData>): AdaptiveCardJson =>
  renderCard('case-timeline', caseTimelineCardData(...args));

declare module '../cards.js' {
  interface CardTemplates {
    'case-timeline': CaseTimelineCardData;
  }
}
