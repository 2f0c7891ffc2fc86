import { hasRole } from '../../domain/access.js';
import { AppError } from '../../domain/errors.js';
import { validateHistory } from '../../domain/timescales.js';
import type { BookingDoc, ChildDoc, EventDoc, ReviewDoc, StaffDoc } from '../../store/documents.js';
import type { ImportConflictDoc } from '../../store/sync-documents.js';
import { changeTo, unchanged, updateChild } from '../child-update.js';
import type { AppDeps } from '../deps.js';

// Settling a sync conflict (issue 14): the case system's file and Teams' record of the same event,
// review or booking disagree; the import kept Teams' record and an admin decides from the report card.
// "Keep Teams' record" or "take the case system's": either way one versioned child update records the
// decision in the child's history (so a second click, or a second admin, finds it and is told who
// decided), then the conflict is marked settled. Admins only.

export type SettleChoice = 'keep-teams' | 'take-case-system';
export type { ImportConflictDoc } from '../../store/sync-documents.js';

export interface SettleResult {
  conflict: ImportConflictDoc;
  choice: SettleChoice;
  /** Set when it had been settled before: by whom, when and how (nothing was changed now). */
  already?: { by: string; at: Date; choice: SettleChoice };
}

const ACTION: Record<SettleChoice, string> = {
  'keep-teams': 'sync.conflict.kept-teams',
  'take-case-system': 'sync.conflict.took-case-system',
};
const STATUS: Record<SettleChoice, ImportConflictDoc['status']> = {
  'keep-teams': 'kept-teams',
  'take-case-system': 'took-case-system',
};

const HIDDEN = () =>
  new AppError(
    'not-found',
    'that conflict is not open for this case (it may be from an older report); nothing was changed',
    { example: '/help' },
    { key: 'errors.sync.conflict-closed' },
  );

export async function settleImportConflict(
  deps: AppDeps,
  actor: StaffDoc,
  input: { ref: string; conflictId: string; choice: SettleChoice },
): Promise<SettleResult> {
  if (!hasRole(actor, 'admin')) {
    throw new AppError(
      'forbidden',
      'only an administrator settles a conflict between the case system and Teams; nothing was changed',
      { example: '/help' },
      { key: 'errors.sync.admin-only' },
    );
  }
  const conflict = deps.importConflicts ? await deps.importConflicts.get(input.conflictId) : null;
  if (!conflict || conflict.ref !== input.ref) throw HIDDEN();

  const result = await updateChild<SettleResult>(
    deps,
    actor,
    async () => {
      const child = await deps.children.get(input.ref);
      if (!child) throw HIDDEN();
      return child;
    },
    (child) => {
      const earlier = child.history.find(
        (h) =>
          h.action.startsWith('sync.conflict.') &&
          (h.after as { conflictId?: string } | undefined)?.conflictId === conflict._id,
      );
      if (earlier) {
        const choice: SettleChoice = earlier.action === ACTION['take-case-system'] ? 'take-case-system' : 'keep-teams';
        return unchanged({
          conflict,
          choice: input.choice,
          already: { by: earlier.by.name ?? earlier.by.id, at: earlier.at, choice },
        });
      }
      const set = input.choice === 'take-case-system' ? takeCaseSystem(child, conflict) : {};
      const after = { conflictId: conflict._id, section: conflict.section, key: conflict.key, choice: input.choice };
      return changeTo(
        {
          set,
          history: {
            action: ACTION[input.choice],
            before: { [conflict.section]: findRecord(child, conflict) ?? null },
            after,
          },
          audit: {
            action: ACTION[input.choice],
            details: { conflictId: conflict._id, section: conflict.section, key: conflict.key },
          },
        },
        () => ({ conflict, choice: input.choice }),
      );
    },
  );
  const status = STATUS[result.already?.choice ?? input.choice];
  await deps.importConflicts!.markSettled(conflict._id, status, actor._id, result.already?.at ?? deps.clock());
  return result;
}

type Keyed = EventDoc | ReviewDoc | BookingDoc;

function keyOf(section: ImportConflictDoc['section'], r: Keyed): string {
  return section === 'events' ? `${(r as EventDoc).type}@${(r as EventDoc).date}` : (r as ReviewDoc | BookingDoc).id;
}

function findRecord(child: ChildDoc, c: ImportConflictDoc): Keyed | undefined {
  return (child[c.section] as Keyed[]).find((r) => keyOf(c.section, r) === c.key);
}

/** The child's list with the case system's record in place of Teams' (merged as the import merges it). */
function takeCaseSystem(child: ChildDoc, c: ImportConflictDoc): Partial<ChildDoc> {
  const list = [...(child[c.section] as Keyed[])];
  const i = list.findIndex((r) => keyOf(c.section, r) === c.key);
  const existing = i >= 0 ? list[i] : undefined;
  const replaced = (
    c.section === 'events'
      ? { ...c.incoming, source: 'import' }
      : { ...(existing ?? {}), ...c.incoming, source: 'import' }
  ) as Keyed;
  if (i >= 0) list[i] = replaced;
  else list.push(replaced);
  const next = { ...child, [c.section]: list } as ChildDoc;
  // The case system's record must still make a valid history with everything else Teams recorded.
  validateHistory({ ref: child.ref, track: next.track, events: next.events, reviews: next.reviews });
  return { [c.section]: list } as Partial<ChildDoc>;
}
