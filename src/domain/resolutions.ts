// Resolutions: the IRO dispute resolution process (docs/DOMAIN.md "Resolutions (IRO dispute resolution)").
// Pure: `today`/`now` and the working calendar are passed in. Stages are data (RESOLUTION_STAGES,
// overridable from config), each transition is a function from a resolution to a new one, and who
// may act is asked here by commands, card actions and the sweeper alike.
//
// Decisions (where docs/DOMAIN.md and the issue are silent):
// - A stage's deadlines run from the day it began (day 0) in working days; a stage begun on a
//   weekend or holiday still counts from that day.
// - Addressees are fixed when a stage begins (stored ids): a later change of social worker or role
//   holder does not move an open stage. Stage 0/1: the child's social worker and their team manager
//   (the worker's managerId if that person is a team manager, else the team manager of the child's
//   social work team). Stages 2–5: every holder of the rung's role (normally one person).
// - "Their manager" may act for an addressee: the addressee's managerId, and at stage 1 any team
//   manager of the child's social work team.
// - Respond needs an acknowledgement first (the card shows Respond only then). The IRO may resolve
//   or escalate an open resolution at any time (docs/DOMAIN.md: "escalate at any time"); skipping rungs
//   needs a reason.
// - Overdue (sweeper): on the first working day after a deadline the addressees are reminded once;
//   from IRO_PROMPT_AFTER_WORKING_DAYS further working day(s) the IRO is told once and offered
//   "Escalate to <next stage>". The bot never escalates on its own.
// - Cafcass referral: the nominated senior officer must have been notified first, always; referring
//   before stage 5 has been reached is "cutting the process short" and needs the IRO's reason too.
// - Report: formal resolutions are counted by the day they became formal (stage 1 began, or raised
//   at a later stage); days to resolve are WORKING days from that day to the resolved day (the
//   Handbook's 20-working-day limit is in working days), calendar days given alongside.
import { hasRole, LADDER_ROLES } from './access.js';
import { isChildsIro } from './case-roles.js';
import type { WorkingCalendar } from './calendar.js';
import { AppError } from './errors.js';
import type { Child, IsoDate, Role, Staff } from './types.js';

export const RESOLUTION_THEMES = [
  'care-planning', 'lawfulness-of-placement', 'drift-and-delay', 'life-story-work', 'education', 'health', 'contact', 'other',
] as const;
export type ResolutionTheme = (typeof RESOLUTION_THEMES)[number];

export const THEME_LABELS: Readonly<Record<ResolutionTheme, string>> = {
  'care-planning': 'Care planning',
  'lawfulness-of-placement': 'Lawfulness of placement',
  'drift-and-delay': 'Drift and delay',
  'life-story-work': 'Life story work',
  education: 'Education',
  health: 'Health',
  contact: 'Contact',
  other: 'Other',
};

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
  { stage: 0, id: 'informal', label: 'Informal', addressee: { kind: 'social-work' }, acknowledgeWorkingDays: null, respondWorkingDays: 5 },
  { stage: 1, id: 'formal', label: 'Stage 1 (formal)', addressee: { kind: 'social-work' }, acknowledgeWorkingDays: 2, respondWorkingDays: 5 },
  { stage: 2, id: 'resolution-meeting', label: 'Stage 2 (head of service)', addressee: { kind: 'role', role: 'head-of-service' }, acknowledgeWorkingDays: 2, respondWorkingDays: 5 },
  { stage: 3, id: 'service-director', label: 'Stage 3 (service director)', addressee: { kind: 'role', role: 'service-director' }, acknowledgeWorkingDays: 2, respondWorkingDays: 4 },
  { stage: 4, id: 'group-director', label: 'Stage 4 (group director)', addressee: { kind: 'role', role: 'group-director' }, acknowledgeWorkingDays: 2, respondWorkingDays: 3 },
  { stage: 5, id: 'chief-executive', label: 'Stage 5 (chief executive)', addressee: { kind: 'role', role: 'chief-executive' }, acknowledgeWorkingDays: 2, respondWorkingDays: 3 },
];

export type StageOverrides = Partial<Record<StageNumber, { acknowledge?: number; respond?: number }>>;

/** The stage table with config overrides applied (the config hook: RESOLUTION_STAGE_DAYS). */
export function stageTable(overrides: StageOverrides = {}): StageDef[] {
  return RESOLUTION_STAGES.map((d) => {
    const o = overrides[d.stage];
    if (!o) return { ...d };
    return {
      ...d,
      acknowledgeWorkingDays: d.acknowledgeWorkingDays === null ? null : o.acknowledge ?? d.acknowledgeWorkingDays,
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
  for (const part of text.split(',').map((s) => s.trim()).filter(Boolean)) {
    const m = /^([0-5])=(?:(\d{1,2}|-)\/)?(\d{1,2})$/.exec(part);
    if (!m) throw new AppError('config', `RESOLUTION_STAGE_DAYS: "${part}" is not STAGE=ACK/RESPOND (e.g. 1=2/5)`);
    const stage = Number(m[1]) as StageNumber;
    out[stage] = { respond: Number(m[3]), ...(m[2] && m[2] !== '-' ? { acknowledge: Number(m[2]) } : {}) };
  }
  return out;
}

export function stageDef(table: readonly StageDef[], stage: StageNumber): StageDef {
  const d = table.find((s) => s.stage === stage);
  if (!d) throw new AppError('invalid-input', `there is no resolution stage ${stage}`);
  return d;
}

/** Working days the whole formal process may take (stages 1–5 respond-by; 20 by default). */
export function formalProcessWorkingDays(table: readonly StageDef[]): number {
  return table.filter((s) => s.stage >= 1).reduce((n, s) => n + s.respondWorkingDays, 0);
}

// ---- records (embedded in the child document) -------------------------------------------------

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

export interface ResolutionStage {
  stage: StageNumber;
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

export const REFERRAL_ITEMS = [
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

export type ResolutionStatus = 'open' | 'resolved' | 'referred';

export interface Resolution {
  /** `<child ref>-R<n>` */
  id: string;
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

export type StageState = 'recorded' | 'awaiting-acknowledgement' | 'acknowledged' | 'responded' | 'resolved' | 'referred';

/** Where the resolution is in its state machine (raised → acknowledged → responded → resolved | escalated | referred). */
export function stateOf(r: Resolution): StageState {
  if (r.status === 'resolved') return 'resolved';
  if (r.status === 'referred') return 'referred';
  const s = currentStage(r);
  if (s.stage === 0) return 'recorded';
  if (s.response) return 'responded';
  if (s.acknowledged) return 'acknowledged';
  return 'awaiting-acknowledgement';
}

/** The deadline that applies now: acknowledge-by until acknowledged, then respond-by; null when none. */
export function nextDeadline(r: Resolution): { kind: 'acknowledge' | 'respond' | 'follow-up'; date: IsoDate } | null {
  const s = currentStage(r);
  switch (stateOf(r)) {
    case 'recorded': return { kind: 'follow-up', date: s.respondBy };
    case 'awaiting-acknowledgement': return s.acknowledgeBy ? { kind: 'acknowledge', date: s.acknowledgeBy } : { kind: 'respond', date: s.respondBy };
    case 'acknowledged': return { kind: 'respond', date: s.respondBy };
    default: return null;
  }
}

// ---- people ----------------------------------------------------------------------------------

export type People = ReadonlyMap<string, Staff>;
type CaseOf = Pick<Child, 'ref' | 'iroId' | 'socialWorkerId' | 'socialWorkTeam'>;

/** Who a stage is addressed to (see the decisions above). Throws 'invalid-input' when nobody is. */
export function addresseesFor(def: StageDef, child: CaseOf, people: People): string[] {
  if (def.addressee.kind === 'role') {
    const role = def.addressee.role;
    const ids = [...people.values()].filter((s) => hasRole(s, role)).map((s) => s.id).sort();
    if (!ids.length) {
      throw new AppError('invalid-input', `nobody holds the role ${role} in the staff directory, so ${def.label} cannot be addressed; ask your administrator`);
    }
    return ids;
  }
  const sw = child.socialWorkerId ? people.get(child.socialWorkerId) : undefined;
  const ids: string[] = sw ? [sw.id] : [];
  const swManager = sw?.managerId ? people.get(sw.managerId) : undefined;
  const manager = swManager && hasRole(swManager, 'team-manager') ? swManager
    : [...people.values()].filter((s) => hasRole(s, 'team-manager') && !!child.socialWorkTeam && s.team === child.socialWorkTeam)
      .sort((a, b) => a.id.localeCompare(b.id))[0];
  if (manager && !ids.includes(manager.id)) ids.push(manager.id);
  if (!ids.length) {
    throw new AppError('invalid-input', `${child.ref} has no allocated social worker or team manager to address this to`);
  }
  return ids;
}

/** May answer the current stage (acknowledge, respond): an addressee or their manager. */
export function mayAnswer(actor: Staff, r: Resolution, child: CaseOf, people: People): boolean {
  const s = currentStage(r);
  if (s.stage === 0) return false;
  if (s.addresseeIds.includes(actor.id)) return true;
  if (s.addresseeIds.some((id) => people.get(id)?.managerId === actor.id)) return true;
  return s.stage === 1 && hasRole(actor, 'team-manager') && !!child.socialWorkTeam && actor.team === child.socialWorkTeam;
}

/** The child's IRO decides: resolve, escalate, refer (one rule for every layer: domain/case-roles.ts). */
export { isChildsIro };

export interface Permissions {
  acknowledge: boolean;
  respond: boolean;
  resolve: boolean;
  escalate: boolean;
  notifySeniorOfficer: boolean;
  refer: boolean;
  gatherReferral: boolean;
}

export const NO_PERMISSIONS: Permissions = {
  acknowledge: false, respond: false, resolve: false, escalate: false, notifySeniorOfficer: false, refer: false, gatherReferral: false,
};

/** What `actor` may do now (drives the buttons each viewer sees; every action re-checks). */
export function permissionsFor(actor: Staff, r: Resolution, child: CaseOf, people: People): Permissions {
  return permissionsAs(r, { answer: mayAnswer(actor, r, child, people), iro: isChildsIro(actor, child) });
}

/**
 * What the people a queued card goes to may do, before anyone has clicked: the addressees (who answer the
 * current stage) or the child's IRO. The same table as `permissionsFor`, so a card's buttons never disagree.
 */
export function audiencePermissions(audience: 'addressee' | 'iro', r: Resolution): Permissions {
  return permissionsAs(r, { answer: audience === 'addressee', iro: audience === 'iro' });
}

function permissionsAs(r: Resolution, who: { answer: boolean; iro: boolean }): Permissions {
  const state = stateOf(r);
  const { answer, iro } = who;
  const open = r.status === 'open';
  return {
    acknowledge: answer && state === 'awaiting-acknowledgement',
    respond: answer && state === 'acknowledged',
    resolve: iro && open,
    escalate: iro && open && currentStage(r).stage < LAST_STAGE,
    notifySeniorOfficer: iro && open && !r.seniorOfficerNotice,
    refer: iro && open && !!r.seniorOfficerNotice,
    gatherReferral: iro && r.status === 'referred',
  };
}

/** Every person who may see a resolution's details: the IRO, the addressees of every stage and their managers. */
export function involvedIds(r: Resolution, child: CaseOf, people: People): Set<string> {
  const ids = new Set<string>([child.iroId]);
  for (const s of r.stages) {
    for (const id of s.addresseeIds) {
      ids.add(id);
      const m = people.get(id)?.managerId;
      if (m) ids.add(m);
    }
  }
  return ids;
}

// ---- transitions ---------------------------------------------------------------------------

export interface RaiseInput {
  theme: string;
  /** 0 = informal (recorded only), 1 = formal (card to the social work channel). */
  stage: number;
  summary: string;
  ask: string;
  askBy?: string | null;
}

function text(v: string | null | undefined, what: string, max: number, example: string): string {
  const t = (v ?? '').trim();
  if (!t) throw new AppError('invalid-input', `${what} is needed`, { example });
  if (t.length > max) throw new AppError('invalid-input', `${what} is too long (at most ${max} characters)`, { example });
  return t;
}

export function startStage(def: StageDef, started: Stamp, addresseeIds: string[], calendar: WorkingCalendar,
  skipped: StageNumber[] = [], skipReason: string | null = null): ResolutionStage {
  return {
    stage: def.stage,
    started,
    addresseeIds,
    acknowledgeBy: def.acknowledgeWorkingDays === null ? null : calendar.addWorkingDays(started.on, def.acknowledgeWorkingDays),
    respondBy: calendar.addWorkingDays(started.on, def.respondWorkingDays),
    acknowledged: null,
    response: null,
    skipped,
    skipReason,
  };
}

const RAISE_EXAMPLE = 'Fill in the theme, the summary and what you ask for, then press Raise';

/** Raise (IRO only, for a child on their caseload). Stage 0 is recorded; stage 1 is addressed to the social work team. */
export function raise(input: {
  id: string; actor: Staff; child: CaseOf; people: People; form: RaiseInput; stamp: Stamp; table: readonly StageDef[]; calendar: WorkingCalendar;
}): Resolution {
  const { actor, child, form } = input;
  if (!isChildsIro(actor, child)) {
    throw new AppError('forbidden', `only ${child.ref}'s IRO can raise a resolution for them`, { example: '/caseload' });
  }
  if (!(RESOLUTION_THEMES as readonly string[]).includes(form.theme)) {
    throw new AppError('invalid-input', `choose a theme: ${RESOLUTION_THEMES.join(', ')}`, { example: RAISE_EXAMPLE });
  }
  if (form.stage !== 0 && form.stage !== 1) {
    throw new AppError('invalid-input', 'a resolution is raised as informal or formal (stage 1); escalate it later', { example: RAISE_EXAMPLE });
  }
  const askBy = form.askBy ? form.askBy : null;
  if (askBy !== null && !/^\d{4}-\d{2}-\d{2}$/.test(askBy)) throw new AppError('invalid-input', 'the "by when" date is not a date', { example: RAISE_EXAMPLE });
  if (askBy !== null && askBy < input.stamp.on) throw new AppError('invalid-input', 'the "by when" date is in the past', { example: RAISE_EXAMPLE });
  const def = stageDef(input.table, form.stage as StageNumber);
  return {
    id: input.id,
    theme: form.theme as ResolutionTheme,
    summary: text(form.summary, 'a summary', 2000, RAISE_EXAMPLE),
    ask: text(form.ask, 'what you ask for', 1000, RAISE_EXAMPLE),
    askBy,
    raised: input.stamp,
    status: 'open',
    // Informal: recorded only, so a case with nobody allocated can still have one.
    stages: [startStage(def, input.stamp, def.stage === 0 ? safeAddressees(def, child, input.people) : addresseesFor(def, child, input.people), input.calendar)],
    outcome: null,
    seniorOfficerNotice: null,
    referral: null,
  };
}

function safeAddressees(def: StageDef, child: CaseOf, people: People): string[] {
  try {
    return addresseesFor(def, child, people);
  } catch {
    return [];
  }
}

/** A stale or duplicate action: says what happened instead, changes nothing. */
export class AlreadyDone extends AppError {
  constructor(message: string) {
    super('conflict', message);
  }
}

function describeStamp(s: Stamp): string {
  return `${s.byName} at ${s.at}`;
}

/** Refuses a card click made on an earlier stage (stale card) or an ended resolution. */
export function assertCurrent(r: Resolution, stageOnCard: number | undefined, table: readonly StageDef[]): void {
  if (r.status === 'resolved' && r.outcome) throw new AlreadyDone(`this resolution was already resolved by ${describeStamp(r.outcome)}; nothing was changed`);
  if (r.status === 'referred' && r.referral) throw new AlreadyDone(`this resolution was referred to Cafcass by ${describeStamp(r.referral)}; nothing was changed`);
  const s = currentStage(r);
  if (stageOnCard !== undefined && stageOnCard !== s.stage) {
    throw new AlreadyDone(`this card is out of date: the resolution moved to ${stageDef(table, s.stage).label} (${describeStamp(s.started)}); nothing was changed`);
  }
}

function replaceCurrent(r: Resolution, stage: ResolutionStage): Resolution {
  return { ...r, stages: [...r.stages.slice(0, -1), stage] };
}

export function acknowledge(r: Resolution, o: { actor: Staff; child: CaseOf; people: People; stamp: Stamp; stageOnCard?: number; table: readonly StageDef[] }): Resolution {
  assertCurrent(r, o.stageOnCard, o.table);
  const s = currentStage(r);
  if (s.acknowledged) throw new AlreadyDone(`already acknowledged by ${describeStamp(s.acknowledged)}; nothing was changed`);
  if (!mayAnswer(o.actor, r, o.child, o.people)) {
    throw new AppError('forbidden', 'only the social worker or manager this resolution is addressed to can acknowledge it');
  }
  return replaceCurrent(r, { ...s, acknowledged: o.stamp });
}

export function respond(r: Resolution, o: {
  actor: Staff; child: CaseOf; people: People; stamp: Stamp; stageOnCard?: number; table: readonly StageDef[]; text: string; actions: AgreedAction[];
}): Resolution {
  assertCurrent(r, o.stageOnCard, o.table);
  const s = currentStage(r);
  if (s.response) throw new AlreadyDone(`already answered by ${describeStamp(s.response)}; nothing was changed`);
  if (!mayAnswer(o.actor, r, o.child, o.people)) {
    throw new AppError('forbidden', 'only the person this resolution is addressed to, or their manager, can respond to it');
  }
  if (!s.acknowledged) throw new AppError('invalid-input', 'acknowledge the resolution first, then respond', { example: 'Press Acknowledge on the card' });
  const example = 'Write your response, and any agreed actions with a date for each';
  for (const a of o.actions) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(a.by)) throw new AppError('invalid-input', `the agreed action "${a.text.slice(0, 40)}" needs a date`, { example });
  }
  return replaceCurrent(r, { ...s, response: { ...o.stamp, text: text(o.text, 'a response', 4000, example), actions: o.actions } });
}

function assertIro(o: { actor: Staff; child: CaseOf }, what: string): void {
  if (!isChildsIro(o.actor, o.child)) throw new AppError('forbidden', `only ${o.child.ref}'s IRO can ${what}`);
}

export function resolve(r: Resolution, o: { actor: Staff; child: CaseOf; stamp: Stamp; stageOnCard?: number; table: readonly StageDef[]; outcome: string }): Resolution {
  assertCurrent(r, o.stageOnCard, o.table);
  assertIro(o, 'resolve this resolution');
  return { ...r, status: 'resolved', outcome: { ...o.stamp, text: text(o.outcome, 'the outcome', 2000, 'Say briefly how it was resolved') } };
}

/**
 * Escalation (the IRO's choice; never automatic): the next rung by default, or a later one with a
 * reason. The new stage is addressed to its role holders with its own deadlines.
 */
export function escalate(r: Resolution, o: {
  actor: Staff; child: CaseOf; people: People; stamp: Stamp; stageOnCard?: number; table: readonly StageDef[]; calendar: WorkingCalendar;
  toStage?: number; skipReason?: string | null;
}): Resolution {
  assertCurrent(r, o.stageOnCard, o.table);
  assertIro(o, 'escalate this resolution');
  const from = currentStage(r).stage;
  if (from >= LAST_STAGE) throw new AppError('invalid-input', 'this is the last stage; the next step is a Cafcass referral', { example: 'Notify the senior officer, then Refer to Cafcass' });
  const to = o.toStage ?? from + 1;
  if (!Number.isInteger(to) || to <= from || to > LAST_STAGE) {
    throw new AppError('invalid-input', `choose a stage after the current one (${from + 1}–${LAST_STAGE})`, { example: 'Escalate to the next stage' });
  }
  const skipped = STAGE_NUMBERS.filter((n) => n > from && n < to);
  const reason = (o.skipReason ?? '').trim();
  if (skipped.length && !reason) {
    throw new AppError('invalid-input', `skipping ${skipped.map((n) => `stage ${n}`).join(', ')} needs a reason`, { example: 'Give the reason for skipping' });
  }
  const def = stageDef(o.table, to as StageNumber);
  const stage = startStage(def, o.stamp, addresseesFor(def, o.child, o.people), o.calendar, skipped, skipped.length ? reason.slice(0, 1000) : null);
  return { ...r, stages: [...r.stages, stage] };
}

/** Nominated senior officer for Cafcass referral notices (one per service). */
export function nominatedSeniorOfficer(people: People): Staff | null {
  const found = [...people.values()].filter((s) => s.nominatedSeniorOfficer && hasRole(s, ...LADDER_ROLES, 'team-manager'))
    .sort((a, b) => a.id.localeCompare(b.id));
  return found[0] ?? [...people.values()].find((s) => s.nominatedSeniorOfficer) ?? null;
}

export function notifySeniorOfficer(r: Resolution, o: { actor: Staff; child: CaseOf; people: People; stamp: Stamp; table: readonly StageDef[]; note: string }): Resolution {
  assertCurrent(r, undefined, o.table);
  assertIro(o, 'notify the senior officer');
  if (r.seniorOfficerNotice) throw new AlreadyDone(`the senior officer was already notified by ${describeStamp(r.seniorOfficerNotice)}; nothing was changed`);
  const officer = nominatedSeniorOfficer(o.people);
  if (!officer) throw new AppError('invalid-input', 'no nominated senior officer is marked in the staff directory; ask your administrator');
  return { ...r, seniorOfficerNotice: { ...o.stamp, officerId: officer.id, note: text(o.note, 'a note for the senior officer', 2000, 'Say why a Cafcass referral is being considered') } };
}

/** Cafcass referral: only after the senior officer notice; before stage 5 (cutting short) with a reason. */
export function refer(r: Resolution, o: { actor: Staff; child: CaseOf; stamp: Stamp; table: readonly StageDef[]; cutShortReason?: string | null }): Resolution {
  assertCurrent(r, undefined, o.table);
  assertIro(o, 'refer this resolution to Cafcass');
  if (!r.seniorOfficerNotice) {
    throw new AppError('invalid-input', 'notify the nominated senior officer before recording a Cafcass referral', { example: 'Press "Notify senior officer" first' });
  }
  const cutShort = referralCutsShort(r);
  const reason = (o.cutShortReason ?? '').trim();
  if (cutShort && !reason) {
    throw new AppError('invalid-input', `the process has not reached stage ${LAST_STAGE}: say why it is being cut short`, { example: 'Give the reason for referring now' });
  }
  return {
    ...r, status: 'referred',
    referral: { ...o.stamp, cutShortReason: cutShort ? reason.slice(0, 2000) : null, items: REFERRAL_ITEMS.map((i) => ({ id: i.id, gathered: null })) },
  };
}

/** A Cafcass referral before the last stage cuts the process short, and the IRO must say why (docs/DOMAIN.md). */
export function referralCutsShort(r: Resolution): boolean {
  return currentStage(r).stage < LAST_STAGE;
}

export function gatherReferralItem(r: Resolution, o: { actor: Staff; child: CaseOf; stamp: Stamp; item: string }): Resolution {
  assertIro(o, 'update the referral pack');
  if (r.status !== 'referred' || !r.referral) throw new AppError('invalid-input', 'this resolution has not been referred to Cafcass');
  const item = r.referral.items.find((i) => i.id === o.item);
  if (!item) throw new AppError('invalid-input', 'that is not an item of the referral pack');
  if (item.gathered) throw new AlreadyDone(`already marked as gathered by ${describeStamp(item.gathered)}; nothing was changed`);
  return { ...r, referral: { ...r.referral, items: r.referral.items.map((i) => (i.id === o.item ? { ...i, gathered: o.stamp } : i)) } };
}

// ---- overdue (sweeper) ---------------------------------------------------------------------

/** Working days after the addressee's reminder day before the IRO is told (see the decisions above). */
export const IRO_PROMPT_AFTER_WORKING_DAYS = 1;

export type OverdueKind = 'ack-overdue' | 'respond-overdue' | 'follow-up';

export interface OverdueMessage {
  key: string;
  kind: OverdueKind;
  /** 'iro' = tell the IRO (offer escalation); else remind this addressee. */
  to: { kind: 'addressee'; staffId: string } | { kind: 'iro'; staffId: string };
  childRef: string;
  resolutionId: string;
  stage: StageNumber;
  deadline: IsoDate;
  /** The stage the IRO is offered (null at the last stage: refer instead). */
  nextStage: StageNumber | null;
}

export const resolutionKeys = {
  card: (id: string, stage: number) => `resolution:${id}:stage:${stage}:card`,
  response: (id: string, stage: number) => `resolution:${id}:stage:${stage}:response`,
  overdue: (id: string, stage: number, kind: OverdueKind, who: string) => `resolution:${id}:stage:${stage}:${kind}:${who}`,
  seniorOfficer: (id: string) => `resolution:${id}:senior-officer-notice`,
  compliment: (id: string) => `compliment:${id}`,
};

/** Reminders and IRO prompts due today for open resolutions (each once: the key is the outbox id). */
export function overdueResolutionMessages(children: readonly (CaseOf & { resolutions?: Resolution[] })[], today: IsoDate,
  calendar: WorkingCalendar): OverdueMessage[] {
  if (!calendar.isWorkingDay(today)) return [];
  const out: OverdueMessage[] = [];
  for (const child of children) {
    for (const r of child.resolutions ?? []) {
      if (r.status !== 'open') continue;
      const s = currentStage(r);
      const next = s.stage < LAST_STAGE ? ((s.stage + 1) as StageNumber) : null;
      const base = { childRef: child.ref, resolutionId: r.id, stage: s.stage, nextStage: next };
      const push = (kind: OverdueKind, deadline: IsoDate, remind: boolean) => {
        if (today <= deadline) return;
        if (remind) {
          for (const id of s.addresseeIds) {
            out.push({ ...base, kind, deadline, key: resolutionKeys.overdue(r.id, s.stage, kind, id), to: { kind: 'addressee', staffId: id } });
          }
        }
        if (!remind || calendar.workingDaysBetween(deadline, today) > IRO_PROMPT_AFTER_WORKING_DAYS) {
          out.push({ ...base, kind, deadline, key: resolutionKeys.overdue(r.id, s.stage, kind, 'iro'), to: { kind: 'iro', staffId: child.iroId } });
        }
      };
      if (s.stage === 0) push('follow-up', s.respondBy, false);
      else {
        if (!s.acknowledged && s.acknowledgeBy) push('ack-overdue', s.acknowledgeBy, true);
        if (!s.response) push('respond-overdue', s.respondBy, true);
      }
    }
  }
  return out.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

// ---- /actions ------------------------------------------------------------------------------

export type ResolutionTaskKind = 'resolution-acknowledge' | 'resolution-respond' | 'resolution-review' | 'resolution-overdue' | 'resolution-follow-up';

export interface ResolutionTask {
  kind: ResolutionTaskKind;
  childRef: string;
  resolutionId: string;
  stage: StageNumber;
  deadline: IsoDate;
  overdue: boolean;
}

/**
 * What `actor` must do about resolutions: addressees (social workers, their managers, ladder roles)
 * acknowledge or answer; the IRO reviews responses and sees overdue stages and follow-ups.
 */
export function resolutionTasks(actor: Staff, children: readonly (CaseOf & { resolutions?: Resolution[] })[], people: People, today: IsoDate): ResolutionTask[] {
  const out: ResolutionTask[] = [];
  for (const child of children) {
    for (const r of child.resolutions ?? []) {
      if (r.status !== 'open') continue;
      const s = currentStage(r);
      const state = stateOf(r);
      const base = { childRef: child.ref, resolutionId: r.id, stage: s.stage };
      if (mayAnswer(actor, r, child, people)) {
        if (state === 'awaiting-acknowledgement' && s.acknowledgeBy) {
          out.push({ ...base, kind: 'resolution-acknowledge', deadline: s.acknowledgeBy, overdue: today > s.acknowledgeBy });
        } else if (state === 'acknowledged') {
          out.push({ ...base, kind: 'resolution-respond', deadline: s.respondBy, overdue: today > s.respondBy });
        }
      }
      if (isChildsIro(actor, child)) {
        if (state === 'responded' && s.response) out.push({ ...base, kind: 'resolution-review', deadline: s.response.on, overdue: false });
        else if (state === 'recorded' && today > s.respondBy) out.push({ ...base, kind: 'resolution-follow-up', deadline: s.respondBy, overdue: true });
        else {
          const d = nextDeadline(r);
          if (d && today > d.date) out.push({ ...base, kind: 'resolution-overdue', deadline: d.date, overdue: true });
        }
      }
    }
  }
  return out;
}

// ---- report figures --------------------------------------------------------------------------

export interface ResolutionFigures {
  from: IsoDate;
  to: IsoDate;
  /** Formal resolutions that became formal in the period. */
  formalRaised: number;
  byTheme: { theme: ResolutionTheme; label: string; count: number }[];
  resolved: number;
  /** Median working days from becoming formal to resolved (resolved ones only); null when none. */
  medianWorkingDaysToResolve: number | null;
  medianCalendarDaysToResolve: number | null;
  /** Of those raised in the period, how many went beyond stage 1. */
  escalatedBeyondStage1: number;
  referred: number;
  compliments: number;
}

function median(xs: number[]): number | null {
  if (!xs.length) return null;
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/** Figures for the monitoring report, for resolutions that became formal in [from, to]. */
export function resolutionFigures(children: readonly { resolutions?: Resolution[]; compliments?: Compliment[] }[],
  period: { from: IsoDate; to: IsoDate }, calendar: WorkingCalendar): ResolutionFigures {
  const counts = new Map<ResolutionTheme, number>(RESOLUTION_THEMES.map((t) => [t, 0]));
  const working: number[] = [];
  const calendarDays: number[] = [];
  let formalRaised = 0;
  let escalated = 0;
  let referred = 0;
  let compliments = 0;
  for (const c of children) {
    compliments += (c.compliments ?? []).filter((x) => x.recorded.on >= period.from && x.recorded.on <= period.to).length;
    for (const r of c.resolutions ?? []) {
      const formal = r.stages.find((s) => s.stage >= 1);
      if (!formal || formal.started.on < period.from || formal.started.on > period.to) continue;
      formalRaised++;
      counts.set(r.theme, (counts.get(r.theme) ?? 0) + 1);
      if (r.stages.some((s) => s.stage >= 2)) escalated++;
      if (r.status === 'referred') referred++;
      if (r.status === 'resolved' && r.outcome) {
        working.push(calendar.workingDaysBetween(formal.started.on, r.outcome.on));
        calendarDays.push(calendar.diffDays(r.outcome.on, formal.started.on));
      }
    }
  }
  return {
    ...period,
    formalRaised,
    byTheme: RESOLUTION_THEMES.map((t) => ({ theme: t, label: THEME_LABELS[t], count: counts.get(t) ?? 0 })),
    resolved: working.length,
    medianWorkingDaysToResolve: median(working),
    medianCalendarDaysToResolve: median(calendarDays),
    escalatedBeyondStage1: escalated,
    referred,
    compliments,
  };
}
