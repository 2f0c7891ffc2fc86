// A new entry to care notified from Teams (issue 14; docs/DOMAIN.md "New entry to care"): business
// support records a child the case system has not sent yet, with the minimum the timescales and the
// allocation need. Pure: `today` and the social worker are passed in. No IRO yet: W54.3 is checked when
// a reviewing team manager allocates one (app/allocation.ts), never here.
import { hasRole, isReviewingManager } from './access.js';
import { assertCaseRef } from './case-ref.js';
import { isIsoDate } from './calendar.js';
import { formatDate } from './dates-format.js';
import { AppError, type UserMessage } from './errors.js';
import { LEGAL_STATUSES, type Child, type IsoDate, type LegalStatus, type Staff } from './types.js';

export const NEW_ENTRY_EXAMPLE = '/notify new';

/** The iroId of a child no IRO is allocated to yet (the field is required in the stored shape). */
export const UNALLOCATED = '';

export interface NewEntryInput {
  ref: unknown;
  lookedAfterOn: unknown;
  legalStatus: unknown;
  socialWorkerId: unknown;
  socialWorkTeam: unknown;
  inProceedings: boolean;
  proceedingsStartedOn: unknown;
}

/** Business support notifies a new entry; a reviewing team manager and an admin may too (they allocate and load). */
export function mayNotifyNewEntry(actor: Staff): boolean {
  return hasRole(actor, 'business-support', 'admin') || isReviewingManager(actor);
}

export function assertMayNotifyNewEntry(actor: Staff): void {
  if (!mayNotifyNewEntry(actor))
    throw new AppError(
      'forbidden',
      'only business support or a reviewing team manager can notify a new entry to care',
      {
        example: '/notify C1001',
      },
      { key: 'errors.more.new-entry-not-yours' },
    );
}

function invalid(text: string, said: UserMessage, problem?: string): AppError {
  return new AppError('invalid-input', text, { example: NEW_ENTRY_EXAMPLE, ...(problem ? { problem } : {}) }, said);
}

/** `what` names the date in the catalogue's `errors.new-entry.date-*` messages: looked-after or proceedings. */
function pastDate(value: unknown, what: 'looked-after' | 'proceedings', today: IsoDate): IsoDate {
  const words = what === 'looked-after' ? 'the date the child became looked after' : 'the date proceedings were issued';
  const which = what === 'looked-after' ? 'looked_after' : 'proceedings';
  if (!isIsoDate(value))
    throw invalid(
      `${words} is not a date (YYYY-MM-DD)`,
      { key: 'errors.new-entry.not-a-date', params: { which } },
      'missing',
    );
  if (value > today)
    throw invalid(
      `${words} ${formatDate(value)} is in the future`,
      { key: 'errors.new-entry.future', params: { which, whenDate: value } },
      'future-date',
    );
  return value;
}

/** The child as first recorded: on the looked-after track, its first event, no IRO, no reviews. */
export type NewEntryChild = Pick<
  Child,
  | 'ref'
  | 'track'
  | 'iroId'
  | 'legalStatus'
  | 'socialWorkerId'
  | 'socialWorkTeam'
  | 'events'
  | 'reviews'
  | 'bookings'
  | 'proceedings'
>;

/**
 * Checks the minimum fields and builds the child: a case reference, the date the child became looked
 * after (not in the future), a legal status of the vocabulary, the social worker (a social worker in
 * the directory; their team unless another is given) and, in proceedings, when they started (not after today).
 */
export function newEntryChild(input: NewEntryInput, socialWorker: Staff | null, today: IsoDate): NewEntryChild {
  assertCaseRef(input.ref, NEW_ENTRY_EXAMPLE);
  const lookedAfterOn = pastDate(input.lookedAfterOn, 'looked-after', today);
  if (!(LEGAL_STATUSES as readonly unknown[]).includes(input.legalStatus))
    throw invalid(
      `choose the legal status: ${LEGAL_STATUSES.join(', ')}`,
      { key: 'errors.new-entry.legal-status', params: { statuses: LEGAL_STATUSES.join(', ') } },
      'missing',
    );
  if (!socialWorker || !hasRole(socialWorker, 'social-worker'))
    throw invalid(
      'choose the social worker from the staff directory',
      { key: 'errors.new-entry.social-worker' },
      'missing',
    );
  const team =
    typeof input.socialWorkTeam === 'string' && input.socialWorkTeam.trim() ? input.socialWorkTeam.trim() : null;
  if (team && team.length > 100)
    throw invalid('the social work team is at most 100 characters', { key: 'errors.new-entry.team-long' });
  const startedOn = input.inProceedings
    ? input.proceedingsStartedOn === null ||
      input.proceedingsStartedOn === undefined ||
      input.proceedingsStartedOn === ''
      ? lookedAfterOn
      : pastDate(input.proceedingsStartedOn, 'proceedings', today)
    : null;
  return {
    ref: input.ref,
    track: 'cla',
    iroId: UNALLOCATED,
    legalStatus: input.legalStatus as LegalStatus,
    socialWorkerId: socialWorker.id,
    socialWorkTeam: team ?? socialWorker.team ?? null,
    events: [{ type: 'became-looked-after', date: lookedAfterOn }],
    reviews: [],
    bookings: [],
    proceedings: startedOn ? { startedOn } : null,
  };
}
