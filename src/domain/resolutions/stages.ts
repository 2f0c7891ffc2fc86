// The resolution ladder: stages 0–5 as data (docs/DOMAIN.md's stage table), the config overrides
// (RESOLUTION_STAGE_DAYS) and the lookups on a stage table.
// A stage's deadlines run from the day it began (day 0) in working days; a stage begun on a weekend
// or holiday still counts from that day.
import { splitCommaList } from '../comma-list.js';
import { AppError } from '../errors.js';
import type { Role } from '../types.js';

export type StageNumber = 0 | 1 | 2 | 3 | 4 | 5;
export const STAGE_NUMBERS: readonly StageNumber[] = [0, 1, 2, 3, 4, 5];
export const LAST_STAGE: StageNumber = 5;

export type StageAddressee = { kind: 'social-work' } | { kind: 'role'; role: Role };

export interface StageDef {
  stage: StageNumber;
  /** Stage id used in data and keys. */
  id: 'informal' | 'formal' | 'resolution-meeting' | 'service-director' | 'group-director' | 'chief-executive';
  label: string;
  addressee: StageAddressee;
  /** Working days from the stage's start; null = no acknowledgement (informal: no card). */
  acknowledgeWorkingDays: number | null;
  /** Working days from the stage's start (informal: the IRO's follow-up date). */
  respondWorkingDays: number;
}

/** docs/DOMAIN.md's stage table (defaults). The respond-by limits of stages 1–5 add up to 20 working days. */
export const RESOLUTION_STAGES: readonly StageDef[] = [
  {
    stage: 0,
    id: 'informal',
    label: 'Informal',
    addressee: { kind: 'social-work' },
    acknowledgeWorkingDays: null,
    respondWorkingDays: 5,
  },
  {
    stage: 1,
    id: 'formal',
    label: 'Stage 1 (formal)',
    addressee: { kind: 'social-work' },
    acknowledgeWorkingDays: 2,
    respondWorkingDays: 5,
  },
  {
    stage: 2,
    id: 'resolution-meeting',
    label: 'Stage 2 (head of service)',
    addressee: { kind: 'role', role: 'head-of-service' },
    acknowledgeWorkingDays: 2,
    respondWorkingDays: 5,
  },
  {
    stage: 3,
    id: 'service-director',
    label: 'Stage 3 (service director)',
    addressee: { kind: 'role', role: 'service-director' },
    acknowledgeWorkingDays: 2,
    respondWorkingDays: 4,
  },
  {
    stage: 4,
    id: 'group-director',
    label: 'Stage 4 (group director)',
    addressee: { kind: 'role', role: 'group-director' },
    acknowledgeWorkingDays: 2,
    respondWorkingDays: 3,
  },
  {
    stage: 5,
    id: 'chief-executive',
    label: 'Stage 5 (chief executive)',
    addressee: { kind: 'role', role: 'chief-executive' },
    acknowledgeWorkingDays: 2,
    respondWorkingDays: 3,
  },
];

export type StageOverrides = Partial<Record<StageNumber, { acknowledge?: number; respond?: number }>>;

/** The stage table with config overrides applied (the config hook: RESOLUTION_STAGE_DAYS). */
export function stageTable(overrides: StageOverrides = {}): StageDef[] {
  return RESOLUTION_STAGES.map((d) => {
    const o = overrides[d.stage];
    if (!o) return { ...d };
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
    const m = /^([0-5])=(?:(\d{1,2}|-)\/)?(\d{1,2})$/.exec(part);
    if (!m) throw new AppError('config', `RESOLUTION_STAGE_DAYS: "${part}" is not STAGE=ACK/RESPOND (e.g. 1=2/5)`);
    const stage = Number(m[1]) as StageNumber;
    out[stage] = { respond: Number(m[3]), ...(m[2] && m[2] !== '-' ? { acknowledge: Number(m[2]) } : {}) };
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

/** Working days the whole formal process may take (stages 1–5 respond-by; 20 by default). */
export function formalProcessWorkingDays(table: readonly StageDef[]): number {
  return table.filter((s) => s.stage >= 1).reduce((n, s) => n + s.respondWorkingDays, 0);
}
