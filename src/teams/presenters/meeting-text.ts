// The words about RS2 resolution meetings that other cards show (the resolution card's status and timeline,
// /resolutions, /actions, the sweeper's prompts), in the reader's language: kept here so those cards change
// by a line each (docs/DOMAIN.md "Resolutions", RS2).
import { formatDate, formatDateTime } from '../../domain/dates-format.js';
import type { OverdueKind, Resolution, ResolutionStage } from '../../domain/resolutions/index.js';
import type { IsoDate } from '../../domain/types.js';
import { dateLocale } from '../i18n/translate.js';
import type { Reader } from './reader-language.js';

export function meetingWhen(rd: Reader, start: string, tzName: string): string {
  return formatDateTime(start, tzName, dateLocale(rd.language));
}

export function meetingDay(rd: Reader, d: IsoDate): string {
  return formatDate(d, dateLocale(rd.language));
}

/** The status line of a meeting stage: to arrange by, or when and where with the outcome's date. */
export function meetingStatus(
  rd: Reader,
  s: ResolutionStage,
  today: IsoDate,
  tzName: string,
): { text: string; late: boolean } {
  const { t } = rd;
  if (!s.meeting) {
    const by = s.acknowledgeBy ?? s.respondBy;
    const late = today > by;
    return { text: t('meeting.status.awaiting', { date: meetingDay(rd, by), late: late ? 'yes' : 'no' }), late };
  }
  const late = today > s.respondBy;
  const text = t('meeting.status.arranged', {
    when: meetingWhen(rd, s.meeting.start, tzName),
    venue: s.meeting.venue,
    date: meetingDay(rd, s.respondBy),
    late: late ? 'yes' : 'no',
  });
  return { text, late };
}

/** The meetings' lines for a resolution's timeline (arranged, outcome), each with its instant. */
export function meetingTimeline(rd: Reader, r: Resolution, tzName: string): { at: string; text: string }[] {
  const { t } = rd;
  const lines: { at: string; text: string }[] = [];
  for (const s of r.stages) {
    const m = s.meeting;
    if (!m) continue;
    const when = meetingWhen(rd, m.start, tzName);
    lines.push({ at: m.arranged.at, text: t('meeting.timeline.arranged', { when, name: m.arranged.byName }) });
    if (m.outcome) {
      const decision = t(`meeting.decision.${m.outcome.decision}`);
      lines.push({ at: m.outcome.at, text: t('meeting.timeline.outcome', { name: m.outcome.byName, decision }) });
    }
  }
  return lines;
}

/** /resolutions "next" labels of a meeting stage; null for the other kinds. */
export function meetingNextLabel({ t }: Reader, kind: string): string | null {
  if (kind === 'arrange-meeting') return t('meeting.next.arrange');
  if (kind === 'hold-meeting') return t('meeting.next.hold');
  return null;
}

/** The sweeper's prompt to the IRO for an overdue meeting stage; null for the other kinds. */
export function meetingOverdueHeadline(rd: Reader, kind: OverdueKind, deadline: IsoDate, offer: string): string | null {
  const { t } = rd;
  const date = meetingDay(rd, deadline);
  if (kind === 'arrange-overdue') return t('meeting.overdue.arrange', { date, offer });
  if (kind === 'meeting-overdue') return t('meeting.overdue.hold', { date, offer });
  return null;
}
