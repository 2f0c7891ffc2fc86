// Resolution deadlines for the sweeper (docs/DOMAIN.md "Resolutions"): the addressees are reminded once
// when a stage's acknowledge-by or respond-by date has passed, then the IRO is told once and offered
// "Escalate to <next stage>" (a button; the bot never escalates on its own). What is due comes from
// domain/resolutions/overdue.ts overdueResolutionMessages; each message's key is its outbox id, so it goes once.
import { meetingDay, meetingOverdueHeadline } from '../teams/presenters/meeting-text.js';
import { stageLabel } from '../teams/presenters/labels.js';
import {
  cardIn,
  conversationLanguage,
  summaryIn,
  readerFrom,
  readerOf,
  type Reader,
  type ReaderLanguage,
} from '../teams/presenters/reader-language.js';
import { todayIn } from '../domain/calendar.js';
import type { LanguageCode } from '../domain/types.js';
import {
  audiencePermissions,
  isOpenResolution,
  overdueResolutionMessages,
  stageDef,
  type OverdueMessage,
  type Resolution,
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
import { stepper } from './event-loop.js';

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
  /** DEFAULT_LANGUAGE: what a person with no choice and no Teams locale reads. */
  defaultLanguage?: LanguageCode;
}

export interface ResolutionSweepResult {
  enqueuedKeys: string[];
  alreadyQueued: number;
  noAddressKeys: string[];
}

/** A reminder is worth retrying for a day; the IRO's prompt also stays in /actions. */
const GIVE_UP_MS = 24 * 3600_000;

/** The banner of a reminder or prompt, in the reader's language. */
export function headlineOf(m: OverdueMessage, table: readonly StageDef[], rd: Reader = readerOf(null)): string {
  const { t } = rd;
  const date = meetingDay(rd, m.deadline);
  if (m.to.kind === 'addressee')
    return t(m.kind === 'ack-overdue' ? 'resolution.remind.acknowledge' : 'resolution.remind.respond', { date });
  const offer =
    m.nextStage !== null
      ? t('resolution.offer.escalate', { stage: stageLabel(stageDef(table, m.nextStage), t) })
      : t('resolution.offer.refer');
  const meeting = meetingOverdueHeadline(rd, m.kind, m.deadline, offer);
  if (meeting) return meeting;
  if (m.kind === 'follow-up') return t('resolution.remind.follow-up', { date, offer });
  return t(m.kind === 'ack-overdue' ? 'resolution.remind.not-acknowledged' : 'resolution.remind.no-response', {
    date,
    offer,
  });
}

export async function sweepResolutionDeadlines(input: ResolutionSweepInput): Promise<ResolutionSweepResult> {
  const result: ResolutionSweepResult = { enqueuedKeys: [], alreadyQueued: 0, noAddressKeys: [] };
  const withResolutions = input.children.filter((c) => (c.resolutions ?? []).some(isOpenResolution));
  const due = overdueResolutionMessages(withResolutions, input.today, input.calendar);
  if (!due.length) return result;
  const staff = await input.staff();
  const staffNames = new Map([...staff.values()].map((s) => [s._id, s.name]));
  const byRef = new Map(withResolutions.map((c) => [c.ref, c]));
  const step = stepper();
  for (const m of due) {
    await step();
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
    // Written in the conversation's language when queued, and again at delivery (`renderResolutionReminder`).
    const language = conversationLanguage(conv, (id) => staff.get(id), input.defaultLanguage ?? 'en');
    const msg: NewOutboxMessage = {
      _id: m.key,
      target: { conversationId: conv._id },
      kind: (m.to.kind === 'iro'
        ? 'resolution-escalation-prompt'
        : 'resolution-reminder') satisfies ResolutionSweepKind,
      about: { refs: [child.ref], names: true },
      activity: reminderActivity({ ...input, child, resolution: r, message: m, staffNames, language }),
      render: { kind: RESOLUTION_REMINDER_RENDER, data: { message: m } },
      enqueuedAt: input.now,
      giveUpAt: new Date(input.now.getTime() + GIVE_UP_MS),
    };
    const { enqueued } = await input.outbox.enqueue(msg);
    if (enqueued) result.enqueuedKeys.push(m.key);
    else result.alreadyQueued++;
  }
  return result;
}

/** `render.kind` of a queued resolution reminder or prompt: written again at delivery (outbox-sender.ts). */
export const RESOLUTION_REMINDER_RENDER = 'resolution-reminder';

interface ReminderView {
  child: ChildDoc;
  resolution: Resolution;
  message: OverdueMessage;
  staffNames: ReadonlyMap<string, string>;
  today: IsoDate;
  tzName: string;
  table: readonly StageDef[];
  language: ReaderLanguage;
}

/** The reminder's card and preview in `language` ("both": Welsh, then English). */
function reminderActivity(v: ReminderView): Record<string, unknown> {
  const { message: m, resolution: r, table } = v;
  const card = cardIn(v.language, (t, lang) =>
    renderCard(
      'resolution',
      resolutionCardData({
        child: v.child,
        resolution: r,
        permissions: audiencePermissions(m.to.kind === 'iro' ? 'iro' : 'addressee', r),
        staffNames: new Map(v.staffNames),
        mentions: [],
        showNames: true,
        today: v.today,
        tzName: v.tzName,
        table,
        headline: headlineOf(m, table, { t, language: lang }),
        headlineAttention: true,
        reader: { t, language: lang },
      }),
    ),
  );
  const summary = summaryIn(v.language, (t) => `${headlineOf(m, table, readerFrom(t))} · ${r.id}`);
  return { type: 'message', summary, attachments: [cardAttachment(card)] };
}

export interface ReminderRenderDeps {
  children: { get(ref: string): Promise<ChildDoc | null> };
  staff: { list(): Promise<StaffDoc[]> };
  /** The business clock (IRO_NOW or the wall clock) and TZ_NAME: today's date on the card. */
  clock: () => Date;
  tzName: string;
  table: readonly StageDef[];
}

/**
 * A queued reminder written at delivery, in the conversation's language then and from the child as it is then
 * (issue 13). Null when it cannot be (the child or the resolution is gone, the data is not a reminder's): the
 * sender then sends what was written when it was queued.
 */
export async function renderResolutionReminder(
  deps: ReminderRenderDeps,
  data: Record<string, unknown>,
  language: ReaderLanguage,
): Promise<Record<string, unknown> | null> {
  const m = data.message as OverdueMessage | undefined;
  if (!m || typeof m.childRef !== 'string' || typeof m.resolutionId !== 'string' || !m.to) return null;
  const child = await deps.children.get(m.childRef);
  const resolution = child?.resolutions?.find((x) => x.id === m.resolutionId);
  if (!child || !resolution) return null;
  const staffNames = new Map((await deps.staff.list()).map((s) => [s._id, s.name]));
  return reminderActivity({
    child,
    resolution,
    message: m,
    staffNames,
    today: todayIn(deps.clock(), deps.tzName),
    tzName: deps.tzName,
    table: deps.table,
    language,
  });
}
