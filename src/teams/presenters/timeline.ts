// The child's timeline as lines a person reads (issue 14): what happened, when, and who recorded it.
import type { TimelineView } from '../../app/case-timeline.js';
import type { TimelineEntry } from '../../domain/case-timeline.js';
import { formatDate, formatDateTime } from '../../domain/dates-format.js';
import type { EventType } from '../../domain/types.js';
import { dateLocale, type Language, type MessageKey, type Translate } from '../i18n/translate.js';
import { clip } from './paging.js';

export interface TimelineLine {
  date: string;
  text: string;
  /** "Sian Howells, Wed 2 Dec 2026 10:15", or "Case system". */
  who: string;
}

/** The longest line of the timeline (a reason is typed up to 300 characters). */
export const TIMELINE_TEXT_MAX = 200;

export function eventLabel(t: Translate, type: EventType): string {
  return t(`events.type.${type}` satisfies MessageKey);
}

function lineText(e: TimelineEntry, view: TimelineView, t: Translate, date: (d: string) => string): string {
  const name = (id: string | null) => (id ? (view.names.get(id) ?? id) : '—');
  switch (e.kind) {
    case 'event':
      return e.type === 'review-brought-forward' && e.dueBy
        ? t('events.timeline.brought-forward', { date: date(e.dueBy) })
        : eventLabel(t, e.type);
    case 'corrected':
    case 'withdrawn':
      return t(e.kind === 'corrected' ? 'events.timeline.corrected' : 'events.timeline.withdrawn', {
        event: eventLabel(t, e.type),
        was: date(e.was),
        reason: e.reason,
      });
    case 'allocated':
      return t('events.timeline.allocated', { to: name(e.toId) });
    case 'reallocated':
      return t('events.timeline.reallocated', { from: name(e.fromId), to: name(e.toId), reason: e.reason ?? 'none' });
    case 'created':
      return t('events.timeline.created');
    case 'cover':
      return t('events.timeline.cover', {
        to: name(e.iroId),
        absent: name(e.forIroId),
        from: date(e.from),
        until: date(e.to),
      });
    case 'review':
      return t('events.timeline.review', { number: e.sequence });
  }
}

export function timelineLines(
  view: TimelineView,
  entries: readonly TimelineEntry[],
  words: { t: Translate; language: Language },
  tzName: string,
): TimelineLine[] {
  const { t, language } = words;
  const locale = dateLocale(language);
  const date = (d: string) => formatDate(d, locale);
  return entries.map((e) => ({
    date: date(e.on),
    text: clip(lineText(e, view, t, date), TIMELINE_TEXT_MAX),
    who:
      e.kind === 'review'
        ? ''
        : e.recordedBy === null
          ? t('events.timeline.by-case-system')
          : t('events.timeline.by', {
              name: clip(e.recordedBy),
              when: e.recordedAt ? formatDateTime(e.recordedAt, tzName, locale) : '—',
            }),
  }));
}
