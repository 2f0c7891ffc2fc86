// What a resolution is on record (embedded in the child document): stamps, stages, the referral
// pack, the resolution itself and compliments.
import type { IsoDate } from '../types.js';
import type { StageNumber } from './stages.js';
import type { ResolutionTheme } from './themes.js';

/** Who did something and when (ISO instant; `on` = the London calendar date). */
export interface Stamp {
  by: string;
  byName: string;
  at: string;
  on: IsoDate;
}

export interface AgreedAction {
  text: string;
  by: IsoDate;
}

/** RS2: what the meeting decided; the IRO records it (resolve, escalate or refer are the IRO's decisions). */
export const MEETING_OUTCOMES = ['resolved', 'escalate', 'refer'] as const;
export type MeetingOutcome = (typeof MEETING_OUTCOMES)[number];

/** RS2: a resolution meeting as arranged (a new arrangement replaces it until its outcome is recorded). */
export interface ResolutionMeeting {
  /** ISO instant with the offset in force that day (slots.ts londonStart). */
  start: string;
  /** Its date in the council's time zone (the outcome may be recorded from that day). */
  on: IsoDate;
  venue: string;
  chairId: string;
  /** Staff who are invited (each told in their 1:1 chat). */
  attendeeIds: string[];
  /** Others attending, as written (e.g. "Foster carer"); not told by the bot. */
  others: string;
  arranged: Stamp;
  /** How many times it was arranged before (a new date tells the attendees again). */
  rearranged: number;
  outcome: (Stamp & { decision: MeetingOutcome; notes: string }) | null;
}

export interface ResolutionStage {
  stage: StageNumber;
  /** The stage number the outbox keys of this stage were made with, when it differs (ladder-migration.ts). */
  keyStage?: number;
  /** RS2: the meeting of a meeting stage; absent or null until arranged. */
  meeting?: ResolutionMeeting | null;
  started: Stamp;
  addresseeIds: string[];
  acknowledgeBy: IsoDate | null;
  respondBy: IsoDate;
  acknowledged: Stamp | null;
  response: (Stamp & { text: string; actions: AgreedAction[] }) | null;
  /** Rungs passed over to get here, with the IRO's reason. */
  skipped: StageNumber[];
  skipReason: string | null;
}

// 'written-confirmation' (Handbook 8.13) came after the first referrals: a referral stored before it keeps the
// checklist it was recorded with (its own `items`), so nothing stored changes meaning.
export const REFERRAL_ITEMS = [
  {
    id: 'written-confirmation',
    label: 'Written confirmation of the referral to the Cafcass Legal duty lawyer (Handbook 8.13)',
  },
  { id: 'final-order-and-plan', label: 'Final care order and care plan' },
  { id: 'guardian-report', label: "The Guardian's last report" },
  { id: 'review-records', label: 'Review records of the last 12 months' },
  { id: 'iro-report', label: "The IRO's report on steps taken" },
  { id: 'wishes-and-feelings', label: "The child's wishes and feelings" },
  { id: 'professionals-contacts', label: "Professionals' contacts" },
  { id: 'chronology', label: 'Chronology, key people, diversity/communication needs' },
  { id: 'latest-care-plan', label: 'The most recent care plan' },
] as const;
export type ReferralItemId = (typeof REFERRAL_ITEMS)[number]['id'];

/** Every status a resolution can have: open until the IRO resolves it or refers it to Cafcass. */
export const RESOLUTION_STATUSES = ['open', 'resolved', 'referred'] as const;
export type ResolutionStatus = (typeof RESOLUTION_STATUSES)[number];

export interface Resolution {
  /** `<child ref>-RES<n>` (older: `-R<n>`), see domain/resolution-id.ts */
  id: string;
  /** Which stage ladder its stage numbers mean (stages.ts CURRENT_LADDER); absent = the first ladder. */
  ladder?: number;
  theme: ResolutionTheme;
  summary: string;
  /** What the IRO asks for, and by when (optional). */
  ask: string;
  askBy: IsoDate | null;
  raised: Stamp;
  status: ResolutionStatus;
  /** Every stage it has been at, in order; the last is the current one. */
  stages: ResolutionStage[];
  outcome: (Stamp & { text: string }) | null;
  seniorOfficerNotice: (Stamp & { officerId: string; note: string }) | null;
  referral: (Stamp & { cutShortReason: string | null; items: { id: ReferralItemId; gathered: Stamp | null }[] }) | null;
}

export interface Compliment {
  id: string;
  aboutId: string;
  text: string;
  recorded: Stamp;
}

export function currentStage(r: Resolution): ResolutionStage {
  return r.stages[r.stages.length - 1];
}

/** The stage number in this stage's outbox keys (unchanged by a ladder migration, so nothing is sent twice). */
export function keyStageOf(s: Pick<ResolutionStage, 'stage' | 'keyStage'>): number {
  return s.keyStage ?? s.stage;
}

/** A meeting stage (RS2) is started with a meeting slot (start-stage.ts, from the stage table's `meeting`). */
export function isMeetingStage(s: Pick<ResolutionStage, 'meeting'>): boolean {
  return s.meeting !== undefined;
}
