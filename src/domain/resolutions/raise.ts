// Raising a resolution: the IRO records an informal one (stage 0) or sends a formal one (stage 1) to
// the social work team.
import type { WorkingCalendar } from '../calendar.js';
import { AppError } from '../errors.js';
import type { Staff } from '../types.js';
import { addresseesFor, type CaseOf, type People } from './addressees.js';
import { requiredText } from './guards.js';
import { isChildsIro } from './permissions.js';
import type { Resolution, Stamp } from './records.js';
import { CURRENT_LADDER, stageDef, type StageDef, type StageNumber } from './stages.js';
import { startStage } from './start-stage.js';
import { RESOLUTION_THEMES, type ResolutionTheme } from './themes.js';

export interface RaiseInput {
  theme: string;
  /** 0 = informal (recorded only), 1 = formal (card to the social work channel). */
  stage: number;
  summary: string;
  ask: string;
  askBy?: string | null;
}

const RAISE_EXAMPLE = 'Fill in the theme, the summary and what you ask for, then press Raise';

/** Raise (IRO only, for a child on their caseload). Stage 0 is recorded; stage 1 is addressed to the social work team. */
export function raise(input: {
  id: string;
  actor: Staff;
  child: CaseOf;
  people: People;
  form: RaiseInput;
  stamp: Stamp;
  table: readonly StageDef[];
  calendar: WorkingCalendar;
}): Resolution {
  const { actor, child, form } = input;
  if (!isChildsIro(actor, child)) {
    throw new AppError(
      'forbidden',
      `only ${child.ref}'s IRO can raise a resolution for them`,
      {
        example: '/caseload',
      },
      { key: 'errors.resolution.raise-not-yours', params: { ref: child.ref } },
    );
  }
  if (!(RESOLUTION_THEMES as readonly string[]).includes(form.theme)) {
    throw new AppError(
      'invalid-input',
      `choose a theme: ${RESOLUTION_THEMES.join(', ')}`,
      { example: RAISE_EXAMPLE },
      { key: 'errors.resolution.theme', params: { themes: RESOLUTION_THEMES.join(', ') } },
    );
  }
  if (form.stage !== 0 && form.stage !== 1) {
    throw new AppError(
      'invalid-input',
      'a resolution is raised as informal or formal (stage 1); escalate it later',
      {
        example: RAISE_EXAMPLE,
      },
      { key: 'errors.resolution.stage-one' },
    );
  }
  const askBy = form.askBy ? form.askBy : null;
  if (askBy !== null && !/^\d{4}-\d{2}-\d{2}$/.test(askBy)) {
    throw new AppError(
      'invalid-input',
      'the "by when" date is not a date',
      { example: RAISE_EXAMPLE },
      { key: 'errors.resolution.by-when-not-date' },
    );
  }
  if (askBy !== null && askBy < input.stamp.on)
    throw new AppError(
      'invalid-input',
      'the "by when" date is in the past',
      { example: RAISE_EXAMPLE },
      { key: 'errors.resolution.by-when-past' },
    );
  const def = stageDef(input.table, form.stage as StageNumber);
  // Informal: recorded only, so a case with nobody allocated can still have one.
  const addressees =
    def.stage === 0 ? safeAddressees(def, child, input.people) : addresseesFor(def, child, input.people);
  return {
    id: input.id,
    ladder: CURRENT_LADDER,
    theme: form.theme as ResolutionTheme,
    summary: requiredText(form.summary, 'a summary', 2000, RAISE_EXAMPLE),
    ask: requiredText(form.ask, 'what you ask for', 1000, RAISE_EXAMPLE),
    askBy,
    raised: input.stamp,
    status: 'open',
    stages: [startStage(def, input.stamp, addressees, input.calendar)],
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
