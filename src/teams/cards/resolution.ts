// The data of cards/resolution.json, the status card (buttons for whoever views it), and the functions
// building it; the lines of a child's resolutions on /case. Display only; what a viewer may do comes from
// domain/resolutions/permissions.ts: permissionsFor (card actions) or audiencePermissions (queued cards,
// rendered before anyone clicks).
import type { CardChoice, CardFact } from '../card-parts.js';
import type { Mention, ResolutionView } from '../../app/resolutions.js';
import { formatDateTime } from '../../domain/dates-format.js';
import {
  currentStage, isMeetingStage, LAST_STAGE, referralCutsShort, stageDef, stateOf,
  type Permissions, type Resolution, type StageDef, type Stamp, type StageState,
} from '../../domain/resolutions/index.js';
import type { IsoDate } from '../../domain/types.js';
import type { ChildDoc } from '../../store/documents.js';
import { dateLocale, type Translate } from '../i18n/translate.js';
import { childLabel, ENGLISH, label, stageLabel } from '../presenters/labels.js';
import { meetingDay, meetingStatus, meetingTimeline, meetingWhen } from '../presenters/meeting-text.js';
import { readerFrom, readerOf, type Reader } from '../presenters/reader-language.js';

export interface CardMention {
  /** Teams user id ('29:…') or AAD object id. */
  id: string;
  name: string;
}

export interface ResolutionCardData {
  labels: ResolutionCardLabels;
  /** "Resolution C100-RES1 · C100 · D.E." */
  title: string;
  /** Banner, e.g. "Reminder: acknowledgement was due by Wed 2 Sep 2026"; '' hides it. */
  headline: string;
  headlineAttention: boolean;
  /** "Awaiting acknowledgement by Wed 2 Sep 2026", "Acknowledged by Dafydd Thomas at Thu 3 Sep 2026 10:15" */
  status: string;
  statusColor: 'Default' | 'Good' | 'Warning' | 'Attention';
  /** "For: <at>Dafydd Thomas</at>, <at>Owen Jenkins</at>"; '' hides it. */
  addressedTo: string;
  facts: CardFact[];
  summary: string;
  ask: string;
  /** The current stage's response; '' hides the section. */
  response: string;
  /** Agreed actions: title = "by Fri 11 Sep 2026", value = the action. */
  agreedActions: CardFact[];
  /** Dated lines of what happened (who and when). */
  timeline: CardFact[];
  ref: string;
  id: string;
  /** Current stage number as text (sent back with every button: stale cards are refused). */
  stage: string;
  canAcknowledge: boolean;
  canRespond: boolean;
  canResolve: boolean;
  canEscalate: boolean;
  /** One-click "Escalate to Stage 2 (head of service)"; '' hides the button. */
  nextStageTitle: string;
  nextStage: string;
  /** Later stages for the escalate/skip form. */
  escalateChoices: CardChoice[];
  canNotifySeniorOfficer: boolean;
  /** "Before a Cafcass referral the nominated senior officer (Ceri Davies) must be notified." */
  seniorOfficerText: string;
  canRefer: boolean;
  /** The referral needs a cut-short reason (not yet at stage 5). */
  referNeedsReason: boolean;
  mentions: CardMention[];
  /** Users whose clients re-fetch the card for their own view (refresh). */
  refreshUserIds: string[];
  /** RS2: "Arrange the meeting" / "Rearrange the meeting" (opens the meeting card); '' hides it. */
  arrangeMeetingTitle: string;
  /** RS2: "Record the meeting's outcome"; '' hides it. */
  meetingOutcomeTitle: string;
}

export interface ResolutionCardInput {
  child: ChildDoc;
  resolution: Resolution;
  permissions: Permissions;
  staffNames: ReadonlyMap<string, string>;
  mentions: Mention[];
  showNames: boolean;
  today: IsoDate;
  /** The council's time zone (TZ_NAME), for the times of events. */
  tzName: string;
  table: readonly StageDef[];
  headline?: string;
  headlineAttention?: boolean;
  seniorOfficerName?: string | null;
  /** Who reads it (language); English when absent. */
  reader?: Reader;
}


/** The card's fixed words (issue 13: templates carry none), in the reader's language. */
export interface ResolutionCardLabels {
  refresh: string;
  issue: string;
  ask: string;
  response: string;
  timeline: string;
  acknowledge: string;
  respond: string;
  yourResponse: string;
  writeResponse: string;
  agreedActions: string;
  action: string;
  sendResponse: string;
  resolve: string;
  outcome: string;
  sayHow: string;
  recordResolved: string;
  escalateOrSkip: string;
  escalateTo: string;
  chooseStage: string;
  skipReason: string;
  escalate: string;
  notifyOfficer: string;
  officerNote: string;
  writeNote: string;
  sendNotice: string;
  refer: string;
  cutShortReason: string;
  noteOptional: string;
  sayWhy: string;
  recordReferral: string;
}

export function resolutionCardLabels(t: Translate): ResolutionCardLabels {
  return {
    refresh: t('resolution.label.refresh'),
    issue: t('resolution.label.issue'),
    ask: t('resolution.label.ask'),
    response: t('resolution.label.response'),
    timeline: t('resolution.label.timeline'),
    acknowledge: t('resolution.label.acknowledge'),
    respond: t('resolution.label.respond'),
    yourResponse: t('resolution.label.your-response'),
    writeResponse: t('resolution.label.write-response'),
    agreedActions: t('resolution.label.agreed-actions'),
    action: t('resolution.label.action'),
    sendResponse: t('resolution.label.send-response'),
    resolve: t('resolution.label.resolve'),
    outcome: t('resolution.label.outcome'),
    sayHow: t('resolution.label.say-how'),
    recordResolved: t('resolution.label.record-resolved'),
    escalateOrSkip: t('resolution.label.escalate-or-skip'),
    escalateTo: t('resolution.label.escalate-to'),
    chooseStage: t('resolution.label.choose-stage'),
    skipReason: t('resolution.label.skip-reason'),
    escalate: t('resolution.label.escalate'),
    notifyOfficer: t('resolution.label.notify-officer'),
    officerNote: t('resolution.label.officer-note'),
    writeNote: t('resolution.label.write-note'),
    sendNotice: t('resolution.label.send-notice'),
    refer: t('resolution.label.refer'),
    cutShortReason: t('resolution.label.cut-short-reason'),
    noteOptional: t('resolution.label.note-optional'),
    sayWhy: t('resolution.label.say-why'),
    recordReferral: t('resolution.label.record-referral'),
  };
}

export function stateText(
  r: Resolution,
  state: StageState,
  today: IsoDate,
  tzName: string,
  rd: Reader = readerOf(null),
): { text: string; color: ResolutionCardData['statusColor'] } {
  const { t } = rd;
  const s = currentStage(r);
  const when = (stamp: Stamp) => formatDateTime(stamp.at, tzName, dateLocale(rd.language));
  const day = (d: IsoDate) => meetingDay(rd, d);
  const late = (d: IsoDate) => (today > d ? 'yes' : 'no');
  switch (state) {
    case 'recorded':
      return {
        text: t('resolution.status.recorded', { date: day(s.respondBy), late: late(s.respondBy) }),
        color: today > s.respondBy ? 'Attention' : 'Default',
      };
    case 'awaiting-acknowledgement': {
      const d = s.acknowledgeBy ?? s.respondBy;
      return {
        text: t('resolution.status.awaiting-acknowledgement', { date: day(d), late: late(d) }),
        color: today > d ? 'Attention' : 'Warning',
      };
    }
    case 'acknowledged':
      return {
        text: t('resolution.status.acknowledged', {
          name: s.acknowledged!.byName,
          when: when(s.acknowledged!),
          date: day(s.respondBy),
          late: late(s.respondBy),
        }),
        color: today > s.respondBy ? 'Attention' : 'Good',
      };
    case 'awaiting-meeting':
    case 'meeting-arranged': {
      const m = meetingStatus(rd, s, today, tzName);
      return { text: m.text, color: m.late ? 'Attention' : state === 'meeting-arranged' ? 'Good' : 'Warning' };
    }
    case 'responded':
      return {
        text: t('resolution.status.responded', { name: s.response!.byName, when: when(s.response!) }),
        color: 'Good',
      };
    case 'resolved':
      return {
        text: t('resolution.status.resolved', {
          name: r.outcome!.byName,
          when: when(r.outcome!),
          text: r.outcome!.text,
        }),
        color: 'Good',
      };
    case 'referred':
      return {
        text: t('resolution.status.referred', { name: r.referral!.byName, when: when(r.referral!) }),
        color: 'Warning',
      };
  }
}

/** Who did what and when, oldest first (the card's timeline; the case timeline uses the same lines). */
export function resolutionTimelineOf(
  r: Resolution,
  table: readonly StageDef[],
  tzName: string,
  rd: Reader = readerOf(null),
): { at: string; text: string }[] {
  const { t } = rd;
  const lines: { at: string; text: string }[] = [];
  r.stages.forEach((s, i) => {
    const stage = stageLabel(stageDef(table, s.stage), t);
    const name = s.started.byName;
    if (i === 0) lines.push({ at: s.started.at, text: t('resolution.timeline.raised', { stage, name }) });
    else if (s.skipped.length) {
      const stages = s.skipped.map((n) => t('resolution.timeline.skipped-stage', { stage: n })).join(', ');
      const text = t('resolution.timeline.escalated-skipping', { stage, name, stages, reason: s.skipReason ?? '' });
      lines.push({ at: s.started.at, text });
    } else lines.push({ at: s.started.at, text: t('resolution.timeline.escalated', { stage, name }) });
    if (s.acknowledged)
      lines.push({ at: s.acknowledged.at, text: t('resolution.timeline.acknowledged', { name: s.acknowledged.byName }) });
    if (s.response)
      lines.push({ at: s.response.at, text: t('resolution.timeline.responded', { name: s.response.byName }) });
  });
  const notice = r.seniorOfficerNotice;
  if (notice) lines.push({ at: notice.at, text: t('resolution.timeline.officer-notified', { name: notice.byName }) });
  const ref = r.referral;
  if (ref)
    lines.push({
      at: ref.at,
      text: ref.cutShortReason
        ? t('resolution.timeline.referred-cut-short', { name: ref.byName, reason: ref.cutShortReason })
        : t('resolution.timeline.referred', { name: ref.byName }),
    });
  if (r.outcome) lines.push({ at: r.outcome.at, text: t('resolution.timeline.resolved', { name: r.outcome.byName }) });
  lines.push(...meetingTimeline(rd, r, tzName));
  return lines.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
}

function factsOf(i: ResolutionCardInput, rd: Reader): CardFact[] {
  const { t } = rd;
  const r = i.resolution;
  const s = currentStage(r);
  const meeting = isMeetingStage(s);
  const day = (d: IsoDate) => meetingDay(rd, d);
  const respondTitle = meeting
    ? t('meeting.next.hold')
    : t(s.stage === 0 ? 'resolution.fact.follow-up-by' : 'resolution.fact.respond-by');
  return [
    { title: t('resolution.fact.theme'), value: label(r.theme, '—', t) },
    { title: t('resolution.fact.stage'), value: stageLabel(stageDef(i.table, s.stage), t) },
    {
      title: t('resolution.fact.raised'),
      value: t('resolution.fact.raised-value', { date: day(r.raised.on), name: r.raised.byName }),
    },
    ...(r.askBy ? [{ title: t('resolution.fact.ask-by'), value: day(r.askBy) }] : []),
    ...(s.acknowledgeBy
      ? [
          {
            title: meeting ? t('meeting.next.arrange') : t('resolution.fact.acknowledge-by'),
            value: day(s.acknowledgeBy),
          },
        ]
      : []),
    { title: respondTitle, value: day(s.respondBy) },
    ...(s.meeting
      ? [{ title: t('meeting.fact'), value: `${meetingWhen(rd, s.meeting.start, i.tzName)} · ${s.meeting.venue}` }]
      : []),
  ];
}

export function resolutionCardData(i: ResolutionCardInput): ResolutionCardData {
  const r = i.resolution;
  const s = currentStage(r);
  const state = stateOf(r);
  const rd = i.reader ?? readerOf(null);
  const { t } = rd;
  const status = stateText(r, state, i.today, i.tzName, rd);
  const name = (id: string) => i.staffNames.get(id) ?? id;
  const mentionedNames = new Set(i.mentions.map((m) => m.name));
  const addressed = [
    ...i.mentions.map((m) => `<at>${m.name}</at>`),
    ...s.addresseeIds.map(name).filter((n) => !mentionedNames.has(n)),
  ];
  const p = i.permissions;
  const next = s.stage < LAST_STAGE ? s.stage + 1 : null;
  const stageOf = (n: number) => stageLabel(stageDef(i.table, n as Resolution['stages'][number]['stage']), t);
  return {
    labels: resolutionCardLabels(t),
    title: t('resolution.title', { id: r.id, child: childLabel(i.child, i.showNames) }),
    headline: i.headline ?? '',
    headlineAttention: !!i.headlineAttention,
    status: status.text,
    statusColor: status.color,
    addressedTo: s.stage === 0 || !addressed.length ? '' : t('resolution.for', { names: addressed.join(', ') }),
    facts: factsOf(i, rd),
    summary: r.summary,
    ask: r.askBy ? t('resolution.ask-by', { ask: r.ask, date: meetingDay(rd, r.askBy) }) : r.ask,
    response: s.response?.text ?? '',
    agreedActions: (s.response?.actions ?? []).map((a) => ({
      title: t('resolution.action-by', { date: meetingDay(rd, a.by) }),
      value: a.text,
    })),
    timeline: resolutionTimelineOf(r, i.table, i.tzName, rd).map((l) => ({
      title: formatDateTime(l.at, i.tzName, dateLocale(rd.language)),
      value: l.text,
    })),
    ref: i.child.ref,
    id: r.id,
    stage: String(s.stage),
    canAcknowledge: p.acknowledge,
    canRespond: p.respond,
    canResolve: p.resolve,
    canEscalate: p.escalate,
    nextStageTitle: p.escalate && next !== null ? t('resolution.escalate-to', { stage: stageOf(next) }) : '',
    nextStage: next === null ? '' : String(next),
    escalateChoices: i.table
      .filter((d) => d.stage > s.stage)
      .map((d) => ({ title: stageLabel(d, t), value: String(d.stage) })),
    canNotifySeniorOfficer: p.notifySeniorOfficer,
    seniorOfficerText: t('resolution.officer-text', { name: i.seniorOfficerName || 'none' }),
    canRefer: p.refer,
    referNeedsReason: referralCutsShort(r),
    mentions: i.mentions,
    refreshUserIds: i.mentions.map((m) => m.id),
    arrangeMeetingTitle: p.arrangeMeeting ? t(s.meeting ? 'meeting.button.rearrange' : 'meeting.button.arrange') : '',
    meetingOutcomeTitle: p.recordMeetingOutcome ? t('meeting.button.outcome') : '',
  };
}

/** The card for the person who invoked (their buttons) from a use case's view. */
export function resolutionViewCardData(
  v: ResolutionView,
  showNames: boolean,
  tzName: string,
  headline = '',
  t?: Translate,
): ResolutionCardData {
  const officer = [...v.people.values()].find((p) => p.nominatedSeniorOfficer);
  return resolutionCardData({
    child: v.child, resolution: v.resolution, permissions: v.permissions, mentions: v.mentions, showNames, today: v.today, tzName, table: v.table, reader: t ? readerFrom(t) : readerOf(v.actor),
    staffNames: new Map([...v.people.values()].map((p) => [p._id, p.name])), headline, seniorOfficerName: officer?.name ?? null,
  });
}

/** Lines for the /case timeline: each resolution event with who and when; compliments too. */
export function caseResolutionLines(
  child: ChildDoc,
  table: readonly StageDef[],
  staffNames: ReadonlyMap<string, string>,
  tzName: string,
  t: Translate = ENGLISH,
): { date: string; text: string; status: string }[] {
  const rd = readerFrom(t);
  const open = t('resolution.case.state.open');
  const STATUS: Record<StageState, string> = {
    recorded: t('resolution.case.state.recorded'),
    'awaiting-acknowledgement': open,
    acknowledged: open,
    responded: t('resolution.case.state.responded'),
    resolved: t('resolution.case.state.resolved'),
    referred: t('resolution.case.state.referred'),
    'awaiting-meeting': t('meeting.state.awaiting'),
    'meeting-arranged': t('meeting.state.arranged'),
  };
  const lines: { at: string; text: string; status: string }[] = [];
  for (const r of child.resolutions ?? []) {
    const events = resolutionTimelineOf(r, table, tzName, rd);
    const theme = label(r.theme, '—', t);
    events.forEach((e, i) =>
      lines.push({
        at: e.at,
        text: t('resolution.case.line', { id: r.id, theme, text: e.text }),
        status: i === events.length - 1 ? STATUS[stateOf(r)] : '',
      }),
    );
  }
  for (const c of child.compliments ?? []) {
    const about = staffNames.get(c.aboutId) ?? c.aboutId;
    const text = t('resolution.case.compliment', { about, name: c.recorded.byName, text: c.text });
    lines.push({ at: c.recorded.at, text, status: '' });
  }
  return lines
    .sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0))
    .map((l) => ({ date: formatDateTime(l.at, tzName, dateLocale(rd.language)), text: l.text, status: l.status }));
}

declare module '../cards.js' {
  interface CardTemplates {
    'resolution': ResolutionCardData;
  }
}
