// A new entry to care notified from Teams (issue 14; docs/DOMAIN.md "New entry to care"): the child is
// created with its first event and history entry (child-update.ts createChild), and each reviewing team
// manager is sent, in the same insert, a card to allocate an IRO from a list with each IRO's caseload.
import { isReviewingManager } from '../domain/access.js';
import { AppError, isAppError } from '../domain/errors.js';
import { assertMayNotifyNewEntry, NEW_ENTRY_EXAMPLE, newEntryChild, type NewEntryInput } from '../domain/new-entry.js';
import { validateHistory } from '../domain/timescales.js';
import type { ChildDoc, EventDoc, PendingMessage, StaffDoc } from '../store/documents.js';
import { ALLOCATION_NEEDED_KIND, choiceData, optionsFor } from './allocation.js';
import { createChild } from './child-update.js';
import { today, type AppDeps } from './deps.js';

export interface NewEntryResult {
  child: ChildDoc;
  /** The reviewing team managers asked to allocate an IRO. */
  managers: StaffDoc[];
}

/** What the new-entry form offers: today and the social workers in the directory. Refused to whoever may not notify. */
export async function newEntryForm(
  deps: AppDeps,
  actor: StaffDoc,
): Promise<{ today: string; socialWorkers: StaffDoc[] }> {
  assertMayNotifyNewEntry(actor);
  return { today: today(deps), socialWorkers: await deps.staff.listByRole('social-worker') };
}

/** The social worker the form names: a staff id, or (a directory too large for a list) an e-mail address or UPN. */
async function socialWorkerNamed(deps: AppDeps, value: unknown): Promise<StaffDoc | null> {
  if (typeof value !== 'string' || !value.trim()) return null;
  const v = value.trim();
  return v.includes('@') ? deps.staff.findByUpnOrEmail(v) : deps.staff.get(v);
}

export async function notifyNewEntry(deps: AppDeps, actor: StaffDoc, input: NewEntryInput): Promise<NewEntryResult> {
  assertMayNotifyNewEntry(actor);
  const sw = await socialWorkerNamed(deps, input.socialWorkerId);
  const fresh = newEntryChild(input, sw, today(deps));
  const known = await deps.children.getIgnoringCase(fresh.ref);
  if (known)
    throw new AppError(
      'conflict',
      `${known.ref} is already known: notify its events with /notify ${known.ref}`,
      {
        example: `/notify ${known.ref}`,
      },
      { key: 'errors.more.new-entry-known', params: { ref: known.ref } },
    );
  const events: EventDoc[] = fresh.events.map((e) => ({ ...e, source: 'bot' }));
  try {
    validateHistory({ ...fresh, events });
  } catch (err) {
    if (isAppError(err, 'invalid-history'))
      // The history's own words, in the reader's language (issue 13).
      throw new AppError('invalid-input', err.message, { example: NEW_ENTRY_EXAMPLE }, err.userMessage);
    throw err;
  }
  const managers = (await deps.staff.list()).filter((s) => isReviewingManager(s));
  const choices = choiceData(await optionsFor(deps, fresh));
  const pending: PendingMessage[] = managers.map((m) => ({
    key: `new-entry:${fresh.ref}:allocate:${m._id}`,
    to: { kind: 'personal', staffId: m._id },
    message: { type: ALLOCATION_NEEDED_KIND, data: { notifiedBy: actor.name, choices } },
  }));
  const child = await createChild(
    deps,
    actor,
    { ...fresh, events, reviews: [], bookings: [] },
    {
      pending,
      history: {
        action: 'child.created',
        after: {
          lookedAfterOn: fresh.events[0]!.date,
          legalStatus: fresh.legalStatus,
          socialWorkerId: fresh.socialWorkerId,
          socialWorkTeam: fresh.socialWorkTeam,
          proceedingsStartedOn: fresh.proceedings?.startedOn ?? null,
        },
      },
      audit: { action: 'child.created', details: { managers: managers.length } },
    },
  );
  return { child, managers };
}
