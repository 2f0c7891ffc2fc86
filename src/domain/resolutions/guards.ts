// The checks every transition shares: a stale card or an ended resolution changes nothing and says
// what happened instead; only the child's IRO decides; free text is required and bounded.
import { AppError } from '../errors.js';
import type { Staff } from '../types.js';
import type { CaseOf } from './addressees.js';
import { isChildsIro } from './permissions.js';
import { currentStage, type Resolution, type ResolutionStage, type Stamp } from './records.js';
import { stageDef, type StageDef } from './stages.js';

/** What every transition is given: who acts, for which child, when; a card click also says the stage it showed. */
export interface TransitionInput {
  actor: Staff;
  child: CaseOf;
  stamp: Stamp;
  stageOnCard?: number;
  table: readonly StageDef[];
}

/** A stale or duplicate action: says what happened instead, changes nothing. */
/** What was already done, by whom and on which day: the catalogue's `errors.done.<what>` (issue 13). */
export type DoneWhat =
  | 'meeting-outcome'
  | 'recorded'
  | 'officer-notified'
  | 'gathered'
  | 'resolved'
  | 'referred'
  | 'acknowledged'
  | 'answered'
  | 'moved';

export class AlreadyDone extends AppError {
  constructor(message: string, what?: DoneWhat, stamp?: Stamp, extra: Record<string, string> = {}) {
    super(
      'conflict',
      message,
      {},
      what && stamp
        ? { key: `errors.done.${what}`, params: { name: stamp.byName, onDate: stamp.on, ...extra } }
        : undefined,
    );
  }
}

export function describeStamp(s: Stamp): string {
  return `${s.byName} at ${s.at}`;
}

/** Refuses a card click made on an earlier stage (stale card) or an ended resolution. */
export function assertCurrent(r: Resolution, stageOnCard: number | undefined, table: readonly StageDef[]): void {
  if (r.status === 'resolved' && r.outcome) {
    throw new AlreadyDone(
      `this resolution was already resolved by ${describeStamp(r.outcome)}; nothing was changed`,
      'resolved',
      r.outcome,
    );
  }
  if (r.status === 'referred' && r.referral) {
    throw new AlreadyDone(
      `this resolution was referred to Cafcass by ${describeStamp(r.referral)}; nothing was changed`,
      'referred',
      r.referral,
    );
  }
  const s = currentStage(r);
  if (stageOnCard !== undefined && stageOnCard !== s.stage) {
    const moved = `${stageDef(table, s.stage).label} (${describeStamp(s.started)})`;
    throw new AlreadyDone(
      `this card is out of date: the resolution moved to ${moved}; nothing was changed`,
      'moved',
      s.started,
      { stage: stageDef(table, s.stage).label, stageId: stageDef(table, s.stage).id },
    );
  }
}

export function replaceCurrent(r: Resolution, stage: ResolutionStage): Resolution {
  return { ...r, stages: [...r.stages.slice(0, -1), stage] };
}

/** The step or field named in a refusal, as the catalogue's select (errors.resolution.iro-only, .text-*). */
const SAID: Readonly<Record<string, string>> = {
  'notify the senior officer': 'notify',
  'refer this resolution to Cafcass': 'refer',
  'update the referral pack': 'pack',
  'resolve this resolution': 'resolve',
  'escalate this resolution': 'escalate',
  'a summary': 'summary',
  'what you ask for': 'ask',
  'a note for the senior officer': 'note',
  'the outcome': 'outcome',
  'a response': 'response',
};
const said = (what: string): string => SAID[what] ?? 'other';

export function assertIro(o: { actor: Staff; child: CaseOf }, what: string): void {
  if (!isChildsIro(o.actor, o.child))
    throw new AppError(
      'forbidden',
      `only ${o.child.ref}'s IRO can ${what}`,
      {},
      { key: 'errors.resolution.iro-only', params: { ref: o.child.ref, what: said(what) } },
    );
}

/** Trimmed text, refused when empty or longer than `max` (the example says what to write). */
export function requiredText(v: string | null | undefined, what: string, max: number, example: string): string {
  const t = (v ?? '').trim();
  if (!t)
    throw new AppError(
      'invalid-input',
      `${what} is needed`,
      { example },
      { key: 'errors.resolution.text-needed', params: { what: said(what) } },
    );
  if (t.length > max)
    throw new AppError(
      'invalid-input',
      `${what} is too long (at most ${max} characters)`,
      { example },
      { key: 'errors.resolution.text-too-long', params: { what: said(what), max } },
    );
  return t;
}
