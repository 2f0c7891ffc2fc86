// The resolution ladder: stages 0–5 as data (docs/DOMAIN.md's stage table), the config overrides
// (RESOLUTION_STAGE_DAYS) and the lookups on a stage table.
// A stage's deadlines run from the day it began (day 0) in working days; a stage begun on a weekend
// or holiday still counts from that day.
import { splitCommaList } from '../comma-list.js';
import { AppError } from '../errors.js';
import type { Role } from '../types.js';

export type StageNumber = 0 | 1 | 2 | 3 | 4 | 5 | 6;
export const STAGE_NUMBERS: readonly StageNumber[] = [0, 1, 2, 3, 4, 5, 6];
export const LAST_STAGE: StageNumber = 6;

/**
 * The ladder the stage numbers of a stored resolution mean (RS2): 1 = stages 0–5 with the head of service at
 * stage 2 (before issue 15), 2 = stages 0–6 with the resolution meeting at 2. ladder-migration.ts reads 1 as 2.
 */
export const CURRENT_LADDER = 2;

export type StageAddressee = { kind: 'social-work' } | { kind: 'role'; role: Role };

export interface StageDef {
  stage: StageNumber;
  /** Stage id used in data and keys. */
  id:
    | 'informal'
    | 'formal'
    | 'resolution-meeting'
    | 'head-of-service'
    | 'service-director'
    | 'group-director'
    | 'chief-executive';
  label: string;
  /** The council's own Welsh for the stage (RESOLUTION_STAGE_LABELS_CY); else a Welsh reader gets the catalogue's. */
  labelCy?: string;
  addressee: StageAddressee;
  /**
   * RS2: a face-to-face resolution meeting is held at this stage, arranged by the reviewing team (stage 2) or
   * chaired by the head of service (stage 3): instead of acknowledge/respond, the meeting is scheduled by the
   * acknowledge-by date and held, with its outcome recorded, by the respond-by date.
   */
  meeting: boolean;
  /** Working days from the stage's start; null = no acknowledgement (informal: no card). */
  acknowledgeWorkingDays: number | null;
  /** Working days from the stage's start (informal: the IRO's follow-up date). */
  respondWorkingDays: number;
}

/**
 * docs/DOMAIN.md's stage table (defaults; RS1: every number is a local decision). The respond-by limits of
 * stages 1–6 add up to 20 working days, the Handbook's limit for the whole formal process.
 */
export const RESOLUTION_STAGES: readonly StageDef[] = [
  {
    stage: 0,
    id: 'informal',
    label: 'Informal',
    addressee: { kind: 'social-work' },
    meeting: false,
    acknowledgeWorkingDays: null,
    respondWorkingDays: 5,
  },
  {
    stage: 1,
    id: 'formal',
    label: 'Stage 1 (formal)',
    addressee: { kind: 'social-work' },
    meeting: false,
    acknowledgeWorkingDays: 2,
    respondWorkingDays: 5,
  },
  // RS2: "a face to face problem resolution meeting if necessary which is co-ordinated by the Reviewing team".
  {
    stage: 2,
    id: 'resolution-meeting',
    label: 'Stage 2 (resolution meeting)',
    addressee: { kind: 'social-work' },
    meeting: true,
    acknowledgeWorkingDays: 2,
    respondWorkingDays: 5,
  },
  // RS2: "escalated the matter to the Head of Service who chaired a further resolution meeting".
  {
    stage: 3,
    id: 'head-of-service',
    label: 'Stage 3 (head of service meeting)',
    addressee: { kind: 'role', role: 'head-of-service' },
    meeting: true,
    acknowledgeWorkingDays: 2,
    respondWorkingDays: 4,
  },
  {
    stage: 4,
    id: 'service-director',
    label: 'Stage 4 (service director)',
    addressee: { kind: 'role', role: 'service-director' },
    meeting: false,
    acknowledgeWorkingDays: 1,
    respondWorkingDays: 2,
  },
  {
    stage: 5,
    id: 'group-director',
    label: 'Stage 5 (group director)',
    addressee: { kind: 'role', role: 'group-director' },
    meeting: false,
    acknowledgeWorkingDays: 1,
    respondWorkingDays: 2,
  },
  {
    stage: 6,
    id: 'chief-executive',
    label: 'Stage 6 (chief executive)',
    addressee: { kind: 'role', role: 'chief-executive' },
    meeting: false,
    acknowledgeWorkingDays: 1,
    respondWorkingDays: 2,
  },
];

export type StageOverrides = Partial<Record<StageNumber, { acknowledge?: number; respond?: number }>>;

export type StageLabels = Partial<Record<StageNumber, string>>;

/**
 * The stage table with config overrides applied (the config hooks: RESOLUTION_STAGE_DAYS, and the council's own
 * wording of the stages in English and Welsh, RESOLUTION_STAGE_LABELS and RESOLUTION_STAGE_LABELS_CY).
 */
export function stageTable(
  overrides: StageOverrides = {},
  labels: { en?: StageLabels; cy?: StageLabels } = {},
): StageDef[] {
  return RESOLUTION_STAGES.map((def) => {
    const en = labels.en?.[def.stage];
    const cy = labels.cy?.[def.stage];
    const d: StageDef = { ...def, ...(en ? { label: en } : {}), ...(cy ? { labelCy: cy } : {}) };
    const o = overrides[d.stage];
    if (!o) return d;
    return {
      ...d,
      acknowledgeWorkingDays: d.acknowledgeWorkingDays === null ? null : (o.acknowledge ?? d.acknowledgeWorkingDays),
      respondWorkingDays: o.respond ?? d.respondWorkingDays,
    };
  });
}

/**
 * Parses RESOLUTION_STAGE_DAYS: comma-separated `STAGE=ACK/RESPOND` (e.g. "1=2/5,3=2/4"; stage 0
 * takes only `0=RESPOND` or `0=-/RESPOND`). Throws AppError('config') naming the bad part.
 */
export function parseStageOverrides(text: string): StageOverrides {
  const out: StageOverrides = {};
  for (const part of splitCommaList(text)) {
    const m = /^([0-6])=(?:(\d{1,2}|-)\/)?(\d{1,2})$/.exec(part);
    if (!m) throw new AppError('config', `RESOLUTION_STAGE_DAYS: "${part}" is not STAGE=ACK/RESPOND (e.g. 1=2/5)`);
    const stage = Number(m[1]) as StageNumber;
    out[stage] = { respond: Number(m[3]), ...(m[2] && m[2] !== '-' ? { acknowledge: Number(m[2]) } : {}) };
  }
  return out;
}

/**
 * Parses RESOLUTION_STAGE_LABELS(_CY): `STAGE=wording` separated by `;` (the wording may hold commas), e.g.
 * "2=Stage 2 (practice meeting);3=Stage 3 (head of service)". Throws AppError('config') naming the bad part:
 * a start-up message to IT, in English.
 */
export function parseStageLabels(text: string, variable: string): StageLabels {
  const out: StageLabels = {};
  for (const part of text
    .split(';')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const m = /^([0-6])\s*=\s*([^\u0000-\u001f\u007f]{1,60})$/.exec(part);
    if (!m)
      throw new AppError('config', `${variable}: "${part.slice(0, 80)}" is not STAGE=wording (1 to 60 characters)`);
    out[Number(m[1]) as StageNumber] = m[2]!.trim();
  }
  return out;
}

export function stageDef(table: readonly StageDef[], stage: StageNumber): StageDef {
  const d = table.find((s) => s.stage === stage);
  if (!d)
    throw new AppError(
      'invalid-input',
      `there is no resolution stage ${stage}`,
      {},
      { key: 'errors.resolution.no-stage', params: { stage } },
    );
  return d;
}

/** Working days the whole formal process may take (stages 1–6 respond-by; 20 by default). */
export function formalProcessWorkingDays(table: readonly StageDef[]): number {
  return table.filter((s) => s.stage >= 1).reduce((n, s) => n + s.respondWorkingDays, 0);
}
