// The data of cards/resolution.json, the status card (buttons for whoever views it), and the functions
// building it; the lines of a child's resolutions on /case. Display only; what a viewer may do comes from
// domain/resolutions/permissions.ts: permissionsFor (card actions) or audiencePermissions (queued cards,
// rendered before anyone clicks).
import type { CardChoice, CardFact } from '../card-parts.js';
import type { Mention, ResolutionView } from '../../app/resolutions.js';
import { formatDate, formatDateTime } from '../../domain/dates-format.js';
import {
  currentStage, isMeetingStage, LAST_STAGE, referralCutsShort, stageDef, stateOf,
  type Permissions, type Resolution, type StageDef, type Stamp, type StageState,
} from '../../domain/resolutions/index.js';
import type { IsoDate } from '../../domain/types.js';
import type { ChildDoc } from '../../store/documents.js';
import { childLabel, label } from '../presenters/labels.js';
import { meetingStatus, meetingTimeline, meetingWhen, readerOf, type Reader } from '../presenters/meeting-text.js';

export interface CardMention {
  /** Teams user id ('29:…') or AAD object id. */
  id: string;
  name: string;
}

export interface ResolutionCardData {
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


export function stateText(r: Resolution, state: StageState, today: IsoDate, tzName: string, rd: Reader = readerOf(null)): { text: string; color: ResolutionCardData['statusColor'] } {
  const s = currentStage(r);
  const when = (stamp: Stamp) => formatDateTime(stamp.at, tzName);
  const late = (d: IsoDate) => (today > d ? ' — overdue' : '');
  switch (state) {
    case 'recorded': return { text: `Informal: follow up by ${formatDate(s.respondBy)}${late(s.respondBy)}`, color: today > s.respondBy ? 'Attention' : 'Default' };
    case 'awaiting-acknowledgement': {
      const d = s.acknowledgeBy ?? s.respondBy;
      return { text: `Awaiting acknowledgement by ${formatDate(d)}${late(d)}`, color: today > d ? 'Attention' : 'Warning' };
    }
    case 'acknowledged': return {
      text: `Acknowledged by ${s.acknowledged!.byName} at ${when(s.acknowledged!)} · response due by ${formatDate(s.respondBy)}${late(s.respondBy)}`,
      color: today > s.respondBy ? 'Attention' : 'Good',
    };
    case 'awaiting-meeting':
    case 'meeting-arranged': {
      const m = meetingStatus(rd, s, today, tzName);
      return { text: m.text, color: m.late ? 'Attention' : state === 'meeting-arranged' ? 'Good' : 'Warning' };
    }
    case 'responded': return { text: `Responded by ${s.response!.byName} at ${when(s.response!)} · awaiting the IRO's decision`, color: 'Good' };
    case 'resolved': return { text: `Resolved by ${r.outcome!.byName} at ${when(r.outcome!)}: ${r.outcome!.text}`, color: 'Good' };
    case 'referred': return { text: `Referred to Cafcass by ${r.referral!.byName} at ${when(r.referral!)}`, color: 'Warning' };
  }
}

/** Who did what and when, oldest first (the card's timeline; the case timeline uses the same lines). */
export function timelineOf(r: Resolution, table: readonly StageDef[], tzName: string, rd: Reader = readerOf(null)): { at: string; text: string }[] {
  const lines: { at: string; text: string }[] = [];
  r.stages.forEach((s, i) => {
    const label = stageDef(table, s.stage).label;
    if (i === 0) lines.push({ at: s.started.at, text: `Raised as ${label} by ${s.started.byName}` });
    else {
      const skip = s.skipped.length ? ` (skipped ${s.skipped.map((n) => `stage ${n}`).join(', ')}: ${s.skipReason ?? ''})` : '';
      lines.push({ at: s.started.at, text: `Escalated to ${label} by ${s.started.byName}${skip}` });
    }
    if (s.acknowledged) lines.push({ at: s.acknowledged.at, text: `Acknowledged by ${s.acknowledged.byName}` });
    if (s.response) lines.push({ at: s.response.at, text: `Responded by ${s.response.byName}` });
  });
  if (r.seniorOfficerNotice) lines.push({ at: r.seniorOfficerNotice.at, text: `Senior officer notified by ${r.seniorOfficerNotice.byName}` });
  if (r.referral) lines.push({ at: r.referral.at, text: `Referred to Cafcass by ${r.referral.byName}${r.referral.cutShortReason ? ` (cut short: ${r.referral.cutShortReason})` : ''}` });
  if (r.outcome) lines.push({ at: r.outcome.at, text: `Resolved by ${r.outcome.byName}` });
  lines.push(...meetingTimeline(rd, r, tzName));
  return lines.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
}

export function resolutionCardData(i: ResolutionCardInput): ResolutionCardData {
  const r = i.resolution;
  const s = currentStage(r);
  const state = stateOf(r);
  const def = stageDef(i.table, s.stage);
  const rd = i.reader ?? readerOf(null);
  const meeting = isMeetingStage(s);
  const status = stateText(r, state, i.today, i.tzName, rd);
  const name = (id: string) => i.staffNames.get(id) ?? id;
  const mentionedNames = new Set(i.mentions.map((m) => m.name));
  const addressed = [
    ...i.mentions.map((m) => `<at>${m.name}</at>`),
    ...s.addresseeIds.map(name).filter((n) => !mentionedNames.has(n)),
  ];
  const facts: CardFact[] = [
    { title: 'Theme', value: label(r.theme) },
    { title: 'Stage', value: def.label },
    { title: 'Raised', value: `${formatDate(r.raised.on)} by ${r.raised.byName} (IRO)` },
    ...(r.askBy ? [{ title: 'IRO asks by', value: formatDate(r.askBy) }] : []),
    ...(s.acknowledgeBy ? [{ title: meeting ? rd.t('meeting.next.arrange') : 'Acknowledge by', value: formatDate(s.acknowledgeBy) }] : []),
    { title: meeting ? rd.t('meeting.next.hold') : s.stage === 0 ? 'Follow up by' : 'Respond by', value: formatDate(s.respondBy) },
    ...(s.meeting ? [{ title: rd.t('meeting.fact'), value: `${meetingWhen(rd, s.meeting.start, i.tzName)} · ${s.meeting.venue}` }] : []),
  ];
  const p = i.permissions;
  const next = s.stage < LAST_STAGE ? s.stage + 1 : null;
  return {
    title: `Resolution ${r.id} · ${childLabel(i.child, i.showNames)}`,
    headline: i.headline ?? '',
    headlineAttention: !!i.headlineAttention,
    status: status.text,
    statusColor: status.color,
    addressedTo: s.stage === 0 || !addressed.length ? '' : `For: ${addressed.join(', ')}`,
    facts,
    summary: r.summary,
    ask: r.askBy ? `${r.ask} (by ${formatDate(r.askBy)})` : r.ask,
    response: s.response?.text ?? '',
    agreedActions: (s.response?.actions ?? []).map((a) => ({ title: `by ${formatDate(a.by)}`, value: a.text })),
    timeline: timelineOf(r, i.table, i.tzName, rd).map((l) => ({ title: formatDateTime(l.at, i.tzName), value: l.text })),
    ref: i.child.ref,
    id: r.id,
    stage: String(s.stage),
    canAcknowledge: p.acknowledge,
    canRespond: p.respond,
    canResolve: p.resolve,
    canEscalate: p.escalate,
    nextStageTitle: p.escalate && next !== null ? `Escalate to ${stageDef(i.table, next as Resolution['stages'][number]['stage']).label}` : '',
    nextStage: next === null ? '' : String(next),
    escalateChoices: i.table.filter((d) => d.stage > s.stage).map((d) => ({ title: d.label, value: String(d.stage) })),
    canNotifySeniorOfficer: p.notifySeniorOfficer,
    seniorOfficerText: `Before a Cafcass referral the nominated senior officer${i.seniorOfficerName ? ` (${i.seniorOfficerName})` : ''} must be notified.`,
    canRefer: p.refer,
    referNeedsReason: referralCutsShort(r),
    mentions: i.mentions,
    refreshUserIds: i.mentions.map((m) => m.id),
    arrangeMeetingTitle: p.arrangeMeeting ? rd.t(s.meeting ? 'meeting.button.rearrange' : 'meeting.button.arrange') : '',
    meetingOutcomeTitle: p.recordMeetingOutcome ? rd.t('meeting.button.outcome') : '',
  };
}

/** The card for the person who invoked (their buttons) from a use case's view. */
export function resolutionViewCardData(v: ResolutionView, showNames: boolean, tzName: string, headline = ''): ResolutionCardData {
  const officer = [...v.people.values()].find((p) => p.nominatedSeniorOfficer);
  return resolutionCardData({
    child: v.child, resolution: v.resolution, permissions: v.permissions, mentions: v.mentions, showNames, today: v.today, tzName, table: v.table, reader: readerOf(v.actor),
    staffNames: new Map([...v.people.values()].map((p) => [p._id, p.name])), headline, seniorOfficerName: officer?.name ?? null,
  });
}

/** Lines for the /case timeline: each resolution event with who and when; compliments too. */
export function caseResolutionLines(child: ChildDoc, table: readonly StageDef[], staffNames: ReadonlyMap<string, string>,
  tzName: string): { date: string; text: string; status: string }[] {
  const rd = readerOf(null);
  const STATUS: Record<StageState, string> = {
    recorded: 'Informal', 'awaiting-acknowledgement': 'Open', acknowledged: 'Open', responded: 'Responded', resolved: 'Resolved', referred: 'Referred',
    'awaiting-meeting': rd.t('meeting.state.awaiting'), 'meeting-arranged': rd.t('meeting.state.arranged'),
  };
  const lines: { at: string; text: string; status: string }[] = [];
  for (const r of child.resolutions ?? []) {
    const events = timelineOf(r, table, tzName, rd);
    events.forEach((e, i) => lines.push({
      at: e.at, text: `${r.id} (${label(r.theme)}): ${e.text}`, status: i === events.length - 1 ? STATUS[stateOf(r)] : '',
    }));
  }
  for (const c of child.compliments ?? []) {
    lines.push({ at: c.recorded.at, text: `Compliment for ${staffNames.get(c.aboutId) ?? c.aboutId} from ${c.recorded.byName}: ${c.text}`, status: '' });
  }
  return lines.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0)).map((l) => ({ date: formatDateTime(l.at, tzName), text: l.text, status: l.status }));
}

declare module '../cards.js' {
  interface CardTemplates {
    'resolution': ResolutionCardData;
  }
}
