// Resolution deadlines for the sweeper (docs/DOMAIN.md "Resolutions"): the addressees are reminded once
// when a stage's acknowledge-by or respond-by date has passed, then the IRO is told once and offered
// "Escalate to <next stage>" (a button; the bot never escalates on its own). What is due comes from
// domain/resolutions/overdue.ts overdueResolutionMessages; each message's key is its outbox id, so it goes once.
import { meetingOverdueHeadline, readerOf } from '../teams/presenters/meeting-text.js';
import { formatDate } from '../domain/dates-format.js';
import {
  audiencePermissions,
  isOpenResolution,
  overdueResolutionMessages,
  stageDef,
  type OverdueMessage,
  type StageDef,
} from '../domain/resolutions/index.js';
import type { WorkingCalendar } from '../domain/calendar.js';
import type { IsoDate } from '../domain/types.js';
import type { ChildDoc, StaffDoc } from '../store/documents.js';
import type { NewOutboxMessage, OutboxRepository } from '../store/repositories/outbox-repository.js';
import { cardAttachment, renderCard } from '../teams/cards.js';
import { resolutionCardData } from '../teams/cards/resolution.js';
import { personalChat, type ConversationsPort } from './addresses.js';
import type { ResolutionSweepKind } from './outbox-kinds.js';

export interface ResolutionSweepInput {
  children: readonly ChildDoc[];
  today: IsoDate;
  /** The council's time zone (TZ_NAME), for the times on the card. */
  tzName: string;
  calendar: WorkingCalendar;
  table: readonly StageDef[];
  staff: () => Promise<Map<string, StaffDoc>>;
  outbox: Pick<OutboxRepository, 'enqueue' | 'get'>;
  conversations: ConversationsPort;
  /** Wall clock for the outbox timestamps. */
  now: Date;
}

export interface ResolutionSweepResult {
  enqueuedKeys: string[];
  alreadyQueued: number;
  noAddressKeys: string[];
}

/** A reminder is worth retrying for a day; the IRO's prompt also stays in /actions. */
const GIVE_UP_MS = 24 * 3600_000;

export function headlineOf(m: OverdueMessage, table: readonly StageDef[]): string {
  const due = formatDate(m.deadline);
  if (m.to.kind === 'addressee') {
    return m.kind === 'ack-overdue'
      ? `Reminder: please acknowledge this resolution — it was due by ${due}`
      : `Reminder: the response to this resolution was due by ${due}`;
  }
  const offer =
    m.nextStage !== null
      ? `you may escalate to ${stageDef(table, m.nextStage).label}`
      : 'the next step is a Cafcass referral';
  const meeting = meetingOverdueHeadline(readerOf(null), m.kind, m.deadline, offer);
  if (meeting) return meeting;
  if (m.kind === 'follow-up')
    return `Informal resolution: the follow-up date was ${due}; if it is not resolved, ${offer}`;
  return `${m.kind === 'ack-overdue' ? 'Not acknowledged' : 'No response'} by ${due}: ${offer}`;
}

export async function sweepResolutionDeadlines(input: ResolutionSweepInput): Promise<ResolutionSweepResult> {
  const result: ResolutionSweepResult = { enqueuedKeys: [], alreadyQueued: 0, noAddressKeys: [] };
  const withResolutions = input.children.filter((c) => (c.resolutions ?? []).some(isOpenResolution));
  const due = overdueResolutionMessages(withResolutions, input.today, input.calendar);
  if (!due.length) return result;
  const staff = await input.staff();
  const staffNames = new Map([...staff.values()].map((s) => [s._id, s.name]));
  const byRef = new Map(withResolutions.map((c) => [c.ref, c]));
  for (const m of due) {
    if (await input.outbox.get(m.key)) {
      result.alreadyQueued++;
      continue;
    }
    const conv = await personalChat(input.conversations, m.to.staffId, staff.get(m.to.staffId));
    if (!conv) {
      result.noAddressKeys.push(m.key);
      continue;
    }
    const child = byRef.get(m.childRef)!;
    const r = child.resolutions!.find((x) => x.id === m.resolutionId)!;
    const headline = headlineOf(m, input.table);
    const card = renderCard(
      'resolution',
      resolutionCardData({
        child,
        resolution: r,
        permissions: audiencePermissions(m.to.kind === 'iro' ? 'iro' : 'addressee', r),
        staffNames,
        mentions: [],
        showNames: true,
        today: input.today,
        tzName: input.tzName,
        table: input.table,
        headline,
        headlineAttention: true,
      }),
    );
    const msg: NewOutboxMessage = {
      _id: m.key,
      target: { conversationId: conv._id },
      kind: (m.to.kind === 'iro'
        ? 'resolution-escalation-prompt'
        : 'resolution-reminder') satisfies ResolutionSweepKind,
      about: { refs: [child.ref], names: true },
      activity: { type: 'message', summary: `${headline} · ${r.id}`, attachments: [cardAttachment(card)] },
      enqueuedAt: input.now,
      giveUpAt: new Date(input.now.getTime() + GIVE_UP_MS),
    };
    const { enqueued } = await input.outbox.enqueue(msg);
    if (enqueued) result.enqueuedKeys.push(m.key);
    else result.alreadyQueued++;
  }
  return result;
}
