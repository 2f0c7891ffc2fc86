// The data of cards/resolution-meeting.json (RS2): a resolution meeting as arranged, the form the reviewing
// team arranges it with, and the IRO's outcome form. Every word comes from the catalogue (meetings area).
import type { MeetingFormView } from '../../app/resolution-meetings.js';
import { londonDateTime } from '../../domain/slots.js';
import { currentStage, MEETING_OUTCOMES, stageDef } from '../../domain/resolutions/index.js';
import type { CardChoice } from '../card-parts.js';
import { childLabel } from '../presenters/labels.js';
import { meetingDay, meetingStatus } from '../presenters/meeting-text.js';
import { type Reader } from '../presenters/reader-language.js';

export interface ResolutionMeetingCardData {
  /** Banner after an action ('' hides it). */
  message: string;
  messageTone: 'success' | 'error';
  title: string;
  stageText: string;
  status: string;
  attendeesText: string;
  othersText: string;
  ref: string;
  id: string;
  stage: string;
  today: string;
  showArrange: boolean;
  showOutcome: boolean;
  /** The form's current or proposed values. */
  date: string;
  time: string;
  venue: string;
  chairId: string;
  /** Comma-separated staff ids (the multi-select's value). */
  attendeeIds: string;
  others: string;
  staffChoices: CardChoice[];
  decisions: CardChoice[];
  labels: Record<
    | 'date'
    | 'time'
    | 'venue'
    | 'chair'
    | 'attendees'
    | 'others'
    | 'arrange'
    | 'decision'
    | 'notes'
    | 'record'
    | 'required',
    string
  >;
}

export function resolutionMeetingCardData(
  v: MeetingFormView,
  rd: Reader,
  opts: { showNames: boolean; tzName: string; message?: string; messageTone?: 'success' | 'error' },
): ResolutionMeetingCardData {
  const { t } = rd;
  const r = v.resolution;
  const s = currentStage(r);
  const m = s.meeting ?? null;
  const name = (id: string) => v.people.get(id)?.name ?? id;
  const at = m ? londonDateTime(m.start, opts.tzName) : null;
  return {
    message: opts.message ?? '',
    messageTone: opts.messageTone ?? 'success',
    title: t('meeting.card.title', { resolution: r.id, child: childLabel(v.child, opts.showNames) }),
    stageText: t('meeting.card.stage', { stage: stageDef(v.table, s.stage).label }),
    status: m
      ? meetingStatus(rd, s, v.today, opts.tzName).text
      : t('meeting.card.not-arranged', { date: meetingDay(rd, s.acknowledgeBy ?? s.respondBy) }),
    attendeesText: m ? t('meeting.card.attendees', { names: m.attendeeIds.map(name).join(', ') }) : '',
    othersText: m?.others ? t('meeting.card.others', { others: m.others }) : '',
    ref: v.child.ref,
    id: r.id,
    stage: String(s.stage),
    today: v.today,
    showArrange: v.mayArrange,
    showOutcome: v.permissions.recordMeetingOutcome,
    date: at?.date ?? '',
    time: at?.time ?? '10:00',
    venue: m?.venue ?? '',
    chairId: v.proposed.chairId,
    attendeeIds: v.proposed.attendeeIds.join(','),
    others: m?.others ?? '',
    staffChoices: v.staff.map((p) => ({ title: p.name, value: p._id })),
    decisions: MEETING_OUTCOMES.map((d) => ({ title: t(`meeting.decision.${d}`), value: d })),
    labels: {
      date: t('meeting.form.date'),
      time: t('meeting.form.time'),
      venue: t('meeting.form.venue'),
      chair: t('meeting.form.chair'),
      attendees: t('meeting.form.attendees'),
      others: t('meeting.form.others'),
      arrange: t('meeting.form.arrange'),
      decision: t('meeting.form.decision'),
      notes: t('meeting.form.notes'),
      record: t('meeting.form.record'),
      required: t('meeting.form.required'),
    },
  };
}

declare module '../cards.js' {
  interface CardTemplates {
    'resolution-meeting': ResolutionMeetingCardData;
  }
}
